"""Train the word-level sentiment LSTM on SST-2 train phrases plus templated negation; ship it in float16.

    python -m training.train_sentiment --out weights/sentiment-lstm-sst2
    python -m training.train_sentiment --dry-run --data-dir DIR   # a few tiny batches into a temp dir

Every prefix of every training phrase is scored against the phrase's label, later prefixes weighted
more (weight ∝ position), plus the full phrase once more: the model learns to be a classifier after
each word, so its left-to-right trace means something and its verdict is the trace's last step.
With --teachers (fine-tunes sharing the start's vocabulary) the loss is mixed with the same prefix loss
against their averaged class probabilities after each word (distillation, training/sentiment_teachers.py).
With --glove FILE (GloVe's text format) the embeddings start from pretrained word vectors and the
vocabulary grows to the words they add (training/pretrained_vectors.py).

Choosing a recipe uses only SST-2 train: a validation split carved from it (with every train phrase
inside or around a validation phrase dropped from training) and templated phrases on held-out words
(training/negation_templates.py). SST-2 dev, rt-polarity and the negation probe are measured once at
the end, for the card.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shlex
import tempfile
import time
from collections import Counter
from pathlib import Path

import torch

from models.text_classifier import PAD, UNK, SentimentConfig, SentimentLSTM, tokenize_words
from training import negation_templates, pretrained_vectors
from training.data_paths import add_data_dir_argument, repo_relative
from training.evaluate_sentiment import PROBE, evaluate, evaluate_all, read_probe, read_sst
from training.run_record import run_facts
from training.sentiment_card import write_card
from training.sentiment_teachers import TeacherEnsemble, check_student, soft_targets
from training.sequence_training import linear_decay, pad_batch, prefix_loss, soft_prefix_loss, training_step


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add_data_dir_argument(parser, "sentiment/sst2/{train,dev}.tsv and sentiment/rt-polarity.{pos,neg}")
    add(
        "--out",
        default=None,
        help="weights folder (default weights/sentiment-lstm-sst2; a temp dir with --dry-run)",
    )
    add("--threads", type=int, default=1, help="CPU threads for torch")
    add("--device", default="cpu", help="torch device to train on ('cpu', 'cuda')")
    add("--epochs", type=float, default=4, help="passes over the training phrases")
    add("--batch-size", type=int, default=64, help="phrases per step")
    add("--lr", type=float, default=2e-3, help="peak Adam learning rate (linear decay to 0)")
    add("--max-vocab", type=int, default=20000, help="most frequent words kept")
    add("--min-freq", type=int, default=2, help="a word needs this many train occurrences")
    add("--embedding-dim", type=int, default=200, help="size of the word embedding")
    add(
        "--glove",
        default=None,
        help="word vectors in GloVe's text format: the vocabulary grows to the train words seen less than "
        "--min-freq that have one and the file's --glove-top first words, each starting as its vector "
        "(still trained; narrower --embedding-dim: their principal components)",
    )
    add("--glove-top", type=int, default=20000, help="with --glove: the file's most frequent words added")
    add("--hidden-size", type=int, default=512, help="LSTM units per layer")
    add("--num-layers", type=int, default=1, help="stacked LSTM layers")
    add("--dropout", type=float, default=0.5, help="dropout on embeddings and before the head")
    add("--word-dropout", type=float, default=0.05, help="train-time chance a word reads as <unk>")
    add("--prefix-weight", type=float, default=0.5, help="share of the loss on earlier prefixes")
    add(
        "--ema",
        type=float,
        default=0.999,
        help="evaluate and ship an EMA of the weights with this decay (0: off)",
    )
    add_data_arguments(parser)
    add(
        "--init-from",
        default=None,
        help="weights folder to start from (its vocabulary and shape) instead of random",
    )
    add(
        "--teachers",
        nargs="+",
        default=[],
        help="weights folders whose averaged per-prefix probabilities the model also learns (distillation)",
    )
    add(
        "--distil-weight",
        type=float,
        default=0.5,
        help="with --teachers: share of the loss on the teachers' soft targets (the rest on the labels)",
    )
    add("--seed", type=int, default=1337, help="seed of weights, dropout, batch order and templates")
    add("--dry-run", action="store_true", help="a few tiny batches, tiny model, temp out dir")
    return parser.parse_args(argv)


def add_data_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of what is trained and validated on: carve-out, templates, repeats, data seed."""
    add = parser.add_argument
    add(
        "--valid-phrases",
        type=int,
        default=400,
        help="SST-2 train phrases (≥ 8 words) held out for validation",
    )
    add(
        "--templates", type=int, default=16000, help="templated negation / contrast phrases added to training"
    )
    add(
        "--template-valid", type=int, default=1000, help="templated phrases on held-out words, for validation"
    )
    add(
        "--template-period",
        type=float,
        default=0.0,
        help="share of templated phrases that end with ' .' as SST-2's full sentences do (label unchanged)",
    )
    add(
        "--negation-repeat",
        type=int,
        default=1,
        help="times each SST-2 train phrase with a negation word is used",
    )
    add(
        "--data-seed",
        type=int,
        default=None,
        help="seed of the validation carve-out and of the held-out template words (default: --seed); "
        "runs that share it share their validation sets, as a soup's ingredients must",
    )


def carve_validation(phrases: list[tuple[str, int]], count: int, seed: int) -> tuple[list, list]:
    """(train, valid): `count` phrases of ≥ 8 words held out, and every phrase inside or around one dropped."""
    rng = random.Random(seed)
    long = sorted({s for s, _ in phrases if len(s.split()) >= 8})
    valid_texts = set(rng.sample(long, min(count, len(long))))
    inside = set()  # every run of words of a validation phrase
    for text in valid_texts:
        words = text.split()
        inside.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    train, valid = [], []
    for text, label in phrases:
        words = text.split()
        around = any(
            " ".join(words[i : i + n]) in valid_texts
            for n in range(8, len(words) + 1)
            for i in range(len(words) - n + 1)
        )
        if text in valid_texts:
            valid.append((text, label))
        elif text not in inside and not around:
            train.append((text, label))
    return train, valid


def load_data(args: argparse.Namespace) -> dict:
    """Training phrases (SST-2 train minus validation, templates, repeats) and the two validation sets."""
    sst = read_sst(Path(args.data_dir) / "sentiment" / "sst2" / "train.tsv")
    if args.dry_run:
        sst = sst[:2000]
    data_seed = args.seed if args.data_seed is None else args.data_seed
    sst_train, sst_valid = carve_validation(sst, args.valid_phrases, data_seed)
    words = negation_templates.sentiment_words(sst_train)
    train_words, held_out_words = negation_templates.split_words(words, 0.2, data_seed)
    # the probe is read only to keep its sentences out: a short frame can meet one word for word
    probe = {negation_templates.normalized(s) for _, s, _ in read_probe(PROBE)}
    made = negation_templates.templated(train_words, args.templates, args.seed)
    templates = [(s, y) for s, y in made if negation_templates.normalized(s) not in probe]
    if args.template_period > 0:  # a full stop ends a sentence, it does not change what it means
        rng = random.Random(args.seed + 2)
        templates = [(s + " ." if rng.random() < args.template_period else s, y) for s, y in templates]
    template_valid = negation_templates.templated(held_out_words, args.template_valid, data_seed + 1)
    negated = [p for p in sst_train if negation_templates.has_negation(p[0])]
    train = sst_train + negated * (args.negation_repeat - 1) + templates
    return {
        "train": train,
        "sst_train": sst_train,
        "sst_valid": sst_valid,
        "templates": templates,
        "template_valid": template_valid,
        "negated": negated,
        "words": words,
        "equal_to_probe": len(made) - len(templates),
    }


def build_model(args: argparse.Namespace, train: list[tuple[str, int]]) -> tuple[SentimentLSTM, dict]:
    """A random model on the train words; with --glove, a bigger vocabulary whose rows start as vectors.

    Returns (model, a record of the embeddings' source for eval.json and the card).
    """
    counts = Counter(token for sentence, _ in train for token in tokenize_words(sentence))
    words = [w for w, n in counts.most_common(args.max_vocab) if n >= args.min_freq and w not in (PAD, UNK)]
    glove = None
    if args.glove:
        glove = pretrained_vectors.read_vectors(args.glove, set(counts), args.glove_top)
        words = pretrained_vectors.vocabulary(counts, words, args.min_freq, glove)
        words = [w for w in words if w not in (PAD, UNK)]
    config = SentimentConfig(
        vocab=[PAD, UNK, *words],
        embedding_dim=args.embedding_dim,
        hidden_size=args.hidden_size,
        num_layers=args.num_layers,
        dropout=args.dropout,
    )
    model = SentimentLSTM(config)
    if glove is None:
        return model, {"pretrained": None}
    initialised = pretrained_vectors.initialise(model.embedding, config.vocab, glove[1])
    frequent = sum(1 for w, n in counts.items() if n >= args.min_freq and w not in (PAD, UNK))
    return model, {
        "pretrained": repo_relative(args.glove),
        "vector_width": len(next(iter(glove[1].values()))) if glove[1] else None,
        "rows_from_vectors": initialised,
        "train_words_min_freq": min(frequent, args.max_vocab),
        "train_words_seen_less_with_vector": sum(
            1 for w, n in counts.items() if n < args.min_freq and w in glove[1]
        ),
        "vector_words_top": args.glove_top,
    }


def start_from(args: argparse.Namespace) -> tuple[SentimentLSTM, dict]:
    """The float32 model of an --init-from folder (its shape replaces the shape arguments), with the
    record of where its embeddings came from (from its eval.json, when it has one)."""
    model = SentimentLSTM.from_pretrained(args.init_from)
    facts = Path(args.init_from) / "eval.json"
    start = json.loads(facts.read_text()) if facts.is_file() else {}
    embeddings = start.get("embeddings") or {"pretrained": None}
    if embeddings["pretrained"]:  # the card names the start and how it was made
        embeddings |= {"start": repo_relative(args.init_from), "start_command": start.get("command")}
    config = model.config
    args.embedding_dim, args.hidden_size, args.num_layers = (
        config.embedding_dim,
        config.hidden_size,
        config.num_layers,
    )
    model.dropout.p = args.dropout
    return model, embeddings


def batches(encoded: list, batch_size: int, generator: torch.Generator):
    """Shuffled batches of similar length: (ids (B, T) right-padded, lengths (B,), labels (B,), soft).

    soft: the rows' soft targets padded to (B, T, C) when each row carries one (distillation), else None.
    """
    order = torch.randperm(len(encoded), generator=generator).tolist()
    pool = batch_size * 50  # sort within pools of 50 batches: little padding, still shuffled
    chunks = []
    for start in range(0, len(order), pool):
        part = sorted(order[start : start + pool], key=lambda i: len(encoded[i][0]))
        chunks += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    for k in torch.randperm(len(chunks), generator=generator).tolist():
        rows = [encoded[i] for i in chunks[k]]
        soft = None
        if len(rows[0]) > 2:
            soft = torch.nn.utils.rnn.pad_sequence([r[2] for r in rows], batch_first=True)
        yield (*pad_batch([r[:2] for r in rows]), soft)


def encode_training(args: argparse.Namespace, model: SentimentLSTM, data: dict) -> list:
    """(ids, label) per training phrase, cut to max_tokens; with --teachers, (ids, label, soft (T, C))."""
    encoded = [(model.encode(s)[0][: model.config.max_tokens], y) for s, y in data["train"]]
    encoded = [(ids, y) for ids, y in encoded if len(ids)]
    if not args.teachers:
        return encoded
    teachers = TeacherEnsemble(args.teachers)
    check_student(teachers, model)
    start = time.time()
    soft = soft_targets(teachers, [ids for ids, _ in encoded])
    print(f"soft targets of {len(args.teachers)} teachers read in {time.time() - start:.0f}s", flush=True)
    return [(ids, y, p) for (ids, y), p in zip(encoded, soft, strict=True)]


def batch_loss(args: argparse.Namespace, model: SentimentLSTM, batch: tuple, device: torch.device):
    """The prefix loss on the labels, mixed with the loss on the teachers' soft targets when given."""
    ids, lengths, labels, soft = (None if t is None else t.to(device) for t in batch)
    logits = model(ids)
    loss = prefix_loss(logits, lengths, labels, args.prefix_weight)
    if soft is None:
        return loss
    distil = soft_prefix_loss(logits, lengths, soft, args.prefix_weight)
    return (1 - args.distil_weight) * loss + args.distil_weight * distil


def validate(model: SentimentLSTM, data: dict) -> dict:
    """Accuracy on the SST-2 train carve-out and on templates with held-out words (the model is copied)."""
    model = copy.deepcopy(model).cpu()
    return {
        "sst_valid": evaluate(model, data["sst_valid"])["accuracy"],
        "template_valid": evaluate(model, data["template_valid"])["accuracy"],
    }


def train(args: argparse.Namespace, model: SentimentLSTM, data: dict) -> tuple[SentimentLSTM, int, list]:
    """Adam with linear decay over `epochs` passes; returns the model to ship (the EMA's with --ema)."""
    generator, device = torch.Generator().manual_seed(args.seed), torch.device(args.device)
    encoded = encode_training(args, model, data)
    model.to(device)
    steps_per_epoch = -(-len(encoded) // args.batch_size)
    total_steps = 3 if args.dry_run else int(args.epochs * steps_per_epoch)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    schedule = linear_decay(optimizer, total_steps)
    average = copy.deepcopy(model) if args.ema > 0 else None  # Polyak / EMA average of the weights
    step, start, history = 0, time.time(), []
    while step < total_steps:
        model.train()
        for ids, *rest in batches(encoded, args.batch_size, generator):
            if args.word_dropout > 0:  # teach the model what an unknown word looks like
                drop = torch.rand(ids.shape, generator=generator) < args.word_dropout
                ids = ids.masked_fill(drop & (ids > 0), 1)
            loss = batch_loss(args, model, (ids, *rest), device)
            training_step(model, loss, optimizer, schedule, average, args.ema)
            step += 1
            if step % 200 == 0 or step == total_steps:
                print(
                    f"step {step}/{total_steps} loss {loss.item():.4f} {time.time() - start:.0f}s", flush=True
                )
            if step % steps_per_epoch == 0 or step == total_steps:
                history.append({"step": step, **validate(model if average is None else average, data)})
                print(f"step {step}: {history[-1]}", flush=True)
            if step == total_steps:
                break
    return (model if average is None else average).cpu(), step, history


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(1 if args.dry_run else args.threads)
    torch.manual_seed(args.seed)
    if args.dry_run:
        args.embedding_dim, args.hidden_size, args.epochs, args.templates = 16, 32, 1, 200
        args.valid_phrases, args.template_valid, args.min_freq = 20, 50, 1
    out_dir = Path(
        args.out or (tempfile.mkdtemp(prefix="sentiment-") if args.dry_run else "weights/sentiment-lstm-sst2")
    )
    data = load_data(args)
    if args.glove and args.init_from:
        raise SystemExit("--glove builds a new vocabulary; --init-from keeps its folder's: give one of them")
    model, embeddings = build_model(args, data["train"]) if args.init_from is None else start_from(args)
    num_params = sum(p.numel() for p in model.parameters())
    print(
        f"{len(data['train']):,} train phrases ({len(data['templates']):,} templated), "
        f"{len(data['sst_valid'])} validation phrases, vocab {len(model.config.vocab):,}, {num_params:,} params"
    )
    start = time.time()
    model, steps, history = train(args, model, data)
    train_seconds = time.time() - start
    model.half().save_pretrained(out_dir)  # ship float16, then measure what was shipped
    shipped = SentimentLSTM.from_pretrained(str(out_dir)).eval()
    result = {
        **evaluate_all(shipped, Path(args.data_dir), PROBE, rt_every=50 if args.dry_run else 1),
        **validate(shipped, data),
        "history": history,
    }
    result |= record(args, argv, out_dir, data, steps, num_params, train_seconds)
    result["embeddings"] = embeddings
    (out_dir / "eval.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    write_card(out_dir, shipped.config, result)
    print(
        f"SST-2 dev {result['sst2_dev']['accuracy']:.4f}, rt-polarity {result['rt_polarity']['accuracy']:.4f}, "
        f"probe {result['negation_probe']['accuracy']:.4f}"
    )
    print(json.dumps({k: v for k, v in result.items() if k not in ("history", "args", "negation_probe")}))
    return result


def record(args, argv, out_dir: Path, data: dict, steps: int, params: int, seconds: float) -> dict:
    """run_facts with repo-relative paths only: the data folder, the output folder and the commands."""
    facts = run_facts(args, out_dir, steps, params, seconds, "evaluate_sentiment.py")
    rel = repo_relative
    paths = {"data_dir": rel(args.data_dir), "out": rel(out_dir)}
    if args.init_from:
        paths["init_from"] = rel(args.init_from)
    if args.teachers:
        paths["teachers"] = [rel(t) for t in args.teachers]
    facts["args"] = {**vars(args), **paths}
    given = list(argv) if argv is not None else __import__("sys").argv[1:]
    flags = {"--data-dir": "data_dir", "--out": "out", "--init-from": "init_from"}
    given = [paths[flags[given[i - 1]]] if i and given[i - 1] in flags else a for i, a in enumerate(given)]
    facts["command"] = "python -m training.train_sentiment " + shlex.join(given)
    facts["eval_command"] = f"python -m training.evaluate_sentiment --weights {rel(out_dir)}"
    counts = {k: len(data[k]) for k in ("sst_train", "sst_valid", "templates", "template_valid", "negated")}
    counts["templates_equal_to_a_probe_sentence_dropped"] = data["equal_to_probe"]
    data_sources = {
        "sst2": "sentiment/sst2 under --data-dir, from https://dl.fbaipublicfiles.com/glue/data/SST-2.zip",
        "rt_polarity": "sentiment/rt-polarity.{pos,neg} under --data-dir, from "
        "http://www.cs.cornell.edu/people/pabo/movie-review-data/rt-polaritydata.tar.gz",
        "negation_probe": "tests/data/negation_probe.tsv",
    }
    return {
        **facts,
        "counts": counts,
        "sentiment_words": {k: len(v) for k, v in data["words"].items()},
        "data": data_sources,
    }


if __name__ == "__main__":
    main()
