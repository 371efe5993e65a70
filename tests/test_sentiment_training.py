"""Sentiment training and evaluation scripts on tiny data in the real file formats, the negation probe,
the templated negation phrases, and the shipped model's figures on the probe."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from models.text_classifier import SentimentLSTM
from training import negation_templates
from training.evaluate_sentiment import PROBE, evaluate_probe, read_probe
from training.evaluate_sentiment import main as evaluate_main
from training.train_sentiment import load_data, parse_args

torch.set_num_threads(1)
REPO = Path(__file__).resolve().parents[1]
WORDS = {
    "adjective": (["good", "great", "funny", "clever"], ["bad", "boring", "dull", "terrible"]),
    "noun": (["charm", "joy"], ["mess", "disaster"]),
    "verb": (["enjoy", "like"], ["hate", "regret"]),
}
CONTEXTS = {
    "adjective": ["very {w}", "so {w}", "the film is {w} and the cast is {w} , it seems to me"],
    "noun": ["a {w} .", "a {w} of a film , really", "what a {w} , from start to end ."],
    "verb": ["to {w} it", "to {w} the film", "you will want to {w} this"],
}


def tiny_data(root: Path) -> Path:
    """sentiment/sst2/{train,dev}.tsv and sentiment/rt-polarity.{pos,neg} with a few hundred phrases:
    one-word phrases of known polarity and the contexts that mark them as adjectives, nouns or verbs."""
    rng = random.Random(0)
    rows = []
    for pos, (good, bad) in WORDS.items():
        for words, label in ((good, 1), (bad, 0)):
            rows += [(c.format(w=w), label) for w in words for c in [*CONTEXTS[pos], "{w}"]]
    rows += [(f"the movie is not {rng.choice(WORDS['adjective'][0])}", 0) for _ in range(40)]
    rows += [(f"a long and {w} story about two friends who never meet again", 1) for w in ("warm", "kind")]
    sst = root / "sentiment" / "sst2"
    sst.mkdir(parents=True)
    for name, part in (("train.tsv", rows), ("dev.tsv", rows[::5])):
        (sst / name).write_text(
            "sentence\tlabel\n" + "".join(f"{s} \t{y}\n" for s, y in part), encoding="utf-8"
        )
    for suffix, label in (("pos", 1), ("neg", 0)):
        lines = [s for s, y in rows if y == label][:60]
        (root / "sentiment" / f"rt-polarity.{suffix}").write_text("\n".join(lines) + "\n", encoding="cp1252")
    return root


def test_probe_file_has_the_categories_the_issue_asks_for():
    rows = read_probe(PROBE)
    categories = {c for c, _, _ in rows}
    assert len(rows) >= 80 and len({s for _, s, _ in rows}) == len(rows)
    assert categories == {
        "negated_positive",
        "negated_negative",
        "other_negators",
        "contractions",
        "double_negation",
        "contrast",
    }
    assert {y for _, _, y in rows} == {0, 1}
    assert all(y == 0 for c, _, y in rows if c == "negated_positive")
    assert all(y == 1 for c, _, y in rows if c == "negated_negative")
    for c in ("other_negators", "contractions", "double_negation", "contrast"):
        assert {y for cc, _, y in rows if cc == c} == {0, 1}, c


def test_template_labels_follow_the_grammar():
    words = {
        "adjective": {"good": 1, "dull": 0},
        "noun": {"joy": 1, "mess": 0},
        "verb": {"enjoy": 1, "hate": 0},
    }
    rng = random.Random(1)
    for _ in range(300):
        text, label = negation_templates.clause(words, rng, negated=True)
        word = next(w for table in words.values() for w in table if w in text.split())
        polarity = next(table[word] for table in words.values() if word in table)
        assert label == 1 - polarity, text
        assert negation_templates.has_negation(text), text
        text, label = negation_templates.clause(words, rng, negated=False)
        assert not negation_templates.has_negation(text), text
    for _ in range(100):
        text, label = negation_templates.contrast(words, rng)
        assert any(join in text for join in (" but ", "though", " yet ", "still")), text


def test_no_training_phrase_equals_a_probe_sentence(tmp_path):
    data_dir = tiny_data(tmp_path)
    args = parse_args(
        [
            "--data-dir",
            str(data_dir),
            "--templates",
            "3000",
            "--valid-phrases",
            "5",
            "--template-valid",
            "100",
            "--negation-repeat",
            "2",
        ]
    )
    data = load_data(args)
    assert len(data["templates"]) > 1000 and data["sst_valid"]
    probe = {negation_templates.normalized(s) for _, s, _ in read_probe(PROBE)}
    assert data["equal_to_probe"] > 0  # these words do meet short probe sentences word for word ...
    assert not probe & {negation_templates.normalized(s) for s, _ in data["train"]}  # ... and they are out
    valid = {s for s, _ in data["sst_valid"]}
    assert not any(t in v for v in valid for t, _ in data["sst_train"])  # nothing inside a validation phrase


def test_dry_run_and_evaluation_without_shared_data(tmp_path):
    data_dir, out = tiny_data(tmp_path / "data"), tmp_path / "out"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "training.train_sentiment",
            "--dry-run",
            "--data-dir",
            str(data_dir),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1])["dry_run"] is True
    assert {"config.json", "model.safetensors", "README.md", "eval.json"} <= {p.name for p in out.iterdir()}
    record = json.loads((out / "eval.json").read_text())
    assert set(record["negation_probe"]["per_category"]) == {c for c, _, _ in read_probe(PROBE)}
    assert record["command"].startswith("python -m training.train_sentiment ") and record[
        "eval_command"
    ].startswith("python -m ")
    card = (out / "README.md").read_text()
    assert card.startswith("---\nlicense: mit\nlibrary_name: pytorch\n") and "| contrast |" in card
    result = evaluate_main(["--weights", str(out), "--data-dir", str(data_dir)])
    assert result["negation_probe"]["examples"] == len(read_probe(PROBE))
    assert result["sst2_dev"] == record["sst2_dev"]


@pytest.fixture(scope="module")
def shipped() -> SentimentLSTM:
    return SentimentLSTM.from_pretrained(str(REPO / "weights" / "sentiment-lstm-sst2")).eval()


def test_shipped_model_gets_the_probe_right(shipped):
    result = evaluate_probe(shipped, read_probe(PROBE))
    assert result["accuracy"] >= 0.85, result["per_category"]
    card = (REPO / "weights" / "sentiment-lstm-sst2" / "README.md").read_text()
    assert f"**{result['accuracy']:.4f}**" in card  # the card states the figure these weights give


def test_not_bad_at_all_turns_positive_at_bad(shipped):
    trace = shipped.trace("The movie was not bad at all.")
    p, bad = trace["p_positive"], trace["tokens"].index("bad")
    assert p[bad] - p[bad - 1] > 0.2  # a visible jump at "bad" ...
    assert all(p[t] > 0.5 for t in range(bad, len(p)))  # ... and positive from there to the verdict


def test_good_moves_the_belief_opposite_ways_after_not_as_the_lesson_says(shipped):
    # lesson step 9: "good" lifts the belief; after "not" (which pulls it a little down) it pushes it far down
    plain, negated = (shipped.trace(s) for s in ("The movie was good.", "The movie was not good."))
    good = plain["tokens"].index("good")
    assert plain["p_positive"][good] - plain["p_positive"][good - 1] > 0.2
    p, good = negated["p_positive"], negated["tokens"].index("good")
    assert p[good - 1] < p[good - 2] and p[good - 1] - p[good] > 0.2


def test_data_seed_fixes_the_validation_sets_and_seed_the_templates(tmp_path):
    data_dir = tiny_data(tmp_path)
    common = ["--data-dir", str(data_dir), "--templates", "500", "--valid-phrases", "5"]
    one, two = (load_data(parse_args([*common, "--seed", s, "--data-seed", "1337"])) for s in ("1", "2"))
    same_seed = load_data(parse_args([*common, "--seed", "1337"]))
    assert one["sst_valid"] == two["sst_valid"] == same_seed["sst_valid"]
    assert one["template_valid"] == two["template_valid"] == same_seed["template_valid"]
    assert one["templates"] != two["templates"]  # each ingredient of a soup draws its own templates


def test_soup_averages_weights_and_refuses_mismatched_ingredients(tmp_path):
    from training import soup_sentiment

    data_dir = tiny_data(tmp_path / "data")
    result = soup_sentiment.main(["--dry-run", "--data-dir", str(data_dir), "--out", str(tmp_path / "soup")])
    folders = [r["folder"] for r in result["ingredients"]]  # temp dirs, named as given
    models, _ = soup_sentiment.load_ingredients(folders)
    soup = SentimentLSTM.from_pretrained(str(tmp_path / "soup"))
    mean = (models[0].head.weight + models[1].head.weight) / 2
    assert torch.allclose(soup.head.weight.float(), mean, atol=1e-3)
    card = (tmp_path / "soup" / "README.md").read_text()
    assert "model soup" in card.lower() and "python -m training.soup_sentiment " in card
    record = json.loads((Path(folders[1]) / "eval.json").read_text())
    record["args"]["data_seed"] = 7
    (Path(folders[1]) / "eval.json").write_text(json.dumps(record))
    with pytest.raises(ValueError, match="data_seed"):
        soup_sentiment.load_ingredients(folders)


def test_template_period_ends_templates_like_sentences_with_their_labels(tmp_path):
    common = ["--data-dir", str(tiny_data(tmp_path)), "--templates", "500", "--valid-phrases", "5"]
    plain = load_data(parse_args(common))["templates"]
    ended = load_data(parse_args([*common, "--template-period", "1"]))["templates"]
    assert not any(s.endswith(" .") for s, _ in plain) and all(s.endswith(" .") for s, _ in ended)
    assert [(s + " .", y) for s, y in plain] == ended


def test_shipped_card_is_what_sentiment_card_writes(tmp_path):
    from training import sentiment_card

    shipped_dir = REPO / "weights" / "sentiment-lstm-sst2"
    for name in ("config.json", "eval.json"):
        (tmp_path / name).write_bytes((shipped_dir / name).read_bytes())
    notes = REPO / "training" / "sentiment_card_history.md"
    sentiment_card.main(["--weights", str(tmp_path), "--notes", str(notes)])
    assert (tmp_path / "README.md").read_text() == (shipped_dir / "README.md").read_text()


def test_distillation_reads_the_teachers_once_and_learns_their_prefix_beliefs(tmp_path):
    from training import train_sentiment
    from training.sentiment_teachers import TeacherEnsemble, soft_targets
    from training.sequence_training import prefix_loss, soft_prefix_loss

    data_dir = tiny_data(tmp_path / "data")
    common = ["--dry-run", "--data-dir", str(data_dir)]
    teachers = [str(tmp_path / f"teacher{s}") for s in (1, 2)]
    train_sentiment.main([*common, "--out", teachers[0]])  # the second starts from the first: one vocabulary
    train_sentiment.main([*common, "--seed", "2", "--init-from", teachers[0], "--out", teachers[1]])
    ensemble = TeacherEnsemble(teachers)
    rows = [torch.tensor([5, 6, 7, 8]), torch.tensor([5, 6]), torch.tensor([9]), torch.tensor([5, 6])]
    soft = soft_targets(ensemble, rows)  # [5, 6] is read inside [5, 6, 7, 8]
    with torch.no_grad():
        for row, target in zip(rows, soft, strict=True):
            members = torch.stack([m(row[None]).softmax(-1)[0] for m in ensemble.members]).mean(0)
            assert torch.allclose(target, members, atol=1e-5)
    logits, lengths, labels = torch.randn(3, 4, 2), torch.tensor([4, 2, 1]), torch.tensor([1, 0, 1])
    one_hot = torch.nn.functional.one_hot(labels, 2).float()[:, None].expand(3, 4, 2)
    assert torch.allclose(
        soft_prefix_loss(logits, lengths, one_hot, 0.5), prefix_loss(logits, lengths, labels, 0.5)
    )
    student = tmp_path / "student"
    result = train_sentiment.main(
        [*common, "--init-from", teachers[0], "--out", str(student), "--teachers", *teachers]
    )
    assert result["args"]["teachers"] == teachers and result["args"]["distil_weight"] == 0.5
    with pytest.raises(ValueError, match="vocabulary"):
        other = ["--dry-run", "--data-dir", str(data_dir), "--max-vocab", "50", "--out", str(tmp_path / "s2")]
        train_sentiment.main([*other, "--teachers", *teachers])


def glove_file(path: Path, words: list[str], width: int) -> Path:
    """A tiny word-vector file in GloVe's text format (`word v1 … vD` a line), row i = i + 0.5, i + 0.25 …"""
    lines = [" ".join([w, *(f"{i + 0.25 * k:g}" for k in range(1, width + 1))]) for i, w in enumerate(words)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_glove_vectors_grow_the_vocabulary_and_start_its_rows(tmp_path):
    from training import train_sentiment

    data_dir = tiny_data(tmp_path / "data")
    # "the", "," and "movie" are frequent train words, "warm" a train word seen once, "zebra" not in train
    vectors = glove_file(tmp_path / "g.txt", ["the", "zebra", ",", "warm", "movie", "unseen"], 4)
    common = ["--data-dir", str(data_dir), "--valid-phrases", "0"]
    args = parse_args([*common, "--glove", str(vectors), "--glove-top", "3"])
    args.embedding_dim, args.hidden_size = 4, 8
    train = load_data(args)["train"]
    plain, _ = train_sentiment.build_model(parse_args(common), train)
    model, record = train_sentiment.build_model(args, train)
    vocab = model.config.vocab
    assert "warm" not in plain.config.vocab and vocab[: len(plain.config.vocab)] == plain.config.vocab
    assert vocab[len(plain.config.vocab) :] == ["warm", "zebra"]  # not "unseen": past --glove-top
    for word in ("the", "zebra", "warm", "movie"):
        row = model.embedding.weight[vocab.index(word)]
        first = ["the", "zebra", ",", "warm", "movie"].index(word)
        assert torch.equal(row, torch.tensor([first + 0.25 * k for k in range(1, 5)]))
    assert record["rows_from_vectors"] == 5 and record["train_words_seen_less_with_vector"] == 1
    args.embedding_dim = 5
    with pytest.raises(ValueError, match="--embedding-dim is 5 but the vectors have only 4"):
        train_sentiment.build_model(args, train)


def test_wider_vectors_start_a_narrower_embedding_as_their_principal_components(tmp_path):
    from training import pretrained_vectors

    # 6-d vectors that lie in a 3-d subspace: 3 principal components keep every distance, up to one scale
    basis = torch.linalg.qr(torch.randn(6, 3, generator=torch.Generator().manual_seed(0)))[0]
    words = [f"w{i}" for i in range(12)]
    points = torch.randn(12, 3, generator=torch.Generator().manual_seed(1)) * torch.tensor([3.0, 2.0, 1.0])
    vectors = {w: p @ basis.T for w, p in zip(words, points, strict=True)}
    embedding = torch.nn.Embedding(14, 3)
    assert pretrained_vectors.initialise(embedding, ["<pad>", "<unk>", *words], vectors) == 12
    rows = embedding.weight.detach()[2:].double()
    assert rows.std().item() == pytest.approx(1.0, abs=1e-6) and rows.mean(0).abs().max() < 1e-5
    covariance = rows.T @ rows
    assert (covariance - torch.diag(torch.diag(covariance))).abs().max() < 1e-4  # the principal basis
    assert list(torch.diag(covariance)) == sorted(torch.diag(covariance), reverse=True)
    ratio = (
        torch.cdist(rows, rows)[torch.triu_indices(12, 12, 1).unbind()]
        / torch.cdist(points.double(), points.double())[torch.triu_indices(12, 12, 1).unbind()]
    )
    assert ratio.max() - ratio.min() < 1e-4


def test_a_hyphenated_word_without_a_vector_takes_its_parts_mean(tmp_path):
    from training import pretrained_vectors

    path = glove_file(tmp_path / "v.txt", ["the", "well", "made", "old-fashioned", "fashioned"], 2)
    _, vectors = pretrained_vectors.read_vectors(path, {"well-made", "old-fashioned", "half-baked"}, 1)
    assert torch.equal(vectors["well-made"], torch.tensor([1.75, 2.0]))  # rows 1 and 2: (1.25 + 2.25) / 2 …
    assert torch.equal(vectors["old-fashioned"], torch.tensor([3.25, 3.5]))  # the file's own line
    assert "half-baked" not in vectors  # the file lacks "half" and "baked"


def test_spacy_vectors_lowercase_each_word_once_preferring_its_lowercase_key():
    from training.spacy_vectors import lowercased

    table = [("the", 0), ("The", 0), ("Scorsese", 5), ("Good", 7), ("good", 3), ("SCORSESE", 9), ("a b", 1)]
    assert lowercased(table) == [("the", 0), ("scorsese", 5), ("good", 3)]


def test_glove_dry_run_saves_a_loadable_model_and_fine_tunes_keep_its_vocabulary(tmp_path):
    from training import train_sentiment

    data_dir = tiny_data(tmp_path / "data")
    vectors = glove_file(tmp_path / "glove.6B.50d.txt", ["the", "zebra", "movie"], 16)  # --dry-run's width
    common = ["--dry-run", "--data-dir", str(data_dir)]
    out, tuned = tmp_path / "g", tmp_path / "f"
    result = train_sentiment.main([*common, "--glove", str(vectors), "--out", str(out)])
    assert result["embeddings"]["rows_from_vectors"] == 3
    start = SentimentLSTM.from_pretrained(str(out))
    assert "zebra" in start.config.vocab
    result = train_sentiment.main(
        [*common, "--init-from", str(out), "--templates", "50", "--out", str(tuned)]
    )
    assert SentimentLSTM.from_pretrained(str(tuned)).config.vocab == start.config.vocab
    made = json.loads((out / "eval.json").read_text())
    assert result["embeddings"] == {**made["embeddings"], "start": str(out), "start_command": made["command"]}
    card = (tuned / "README.md").read_text()
    assert "GloVe vectors and trained further" in card and "ODC PDDL 1.0" in card and str(out) in card
    with pytest.raises(SystemExit, match="--glove"):
        train_sentiment.main([*common, "--init-from", str(out), "--glove", str(vectors)])
