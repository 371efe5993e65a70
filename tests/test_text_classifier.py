"""Sentiment and name LSTMs: shapes, save/load, tokenisation, bad input, honest left-to-right traces."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from models.registry import ModelSpec, load_folder
from models.text_classifier import (
    PAD,
    UNK,
    NameConfig,
    NameLSTM,
    SentimentConfig,
    SentimentLSTM,
    tokenize_words,
)
from training.evaluate_names import evaluate as evaluate_names
from training.evaluate_names import languages_by_name, listed_under_other_languages

torch.set_num_threads(1)
REPO = Path(__file__).resolve().parents[1]
WORDS = [PAD, UNK, "the", "film", "is", "good", "bad", "not", "n't", "do", "'s", "it", ",", "!", "."]


@pytest.fixture
def sentiment() -> SentimentLSTM:
    torch.manual_seed(0)
    config = SentimentConfig(vocab=WORDS, embedding_dim=8, hidden_size=16, dropout=0.1, max_tokens=12)
    return SentimentLSTM(config).eval()


@pytest.fixture
def names() -> NameLSTM:
    torch.manual_seed(0)
    config = NameConfig(
        vocab="abcdeilmnorstuüzABKMRS",
        labels=["German", "Italian", "Russian"],
        embedding_dim=8,
        hidden_size=16,
        num_layers=2,
        max_chars=10,
    )
    return NameLSTM(config).eval()


def test_shapes(sentiment, names):
    assert sentiment(torch.randint(0, len(WORDS), (3, 7))).shape == (3, 7, 2)
    assert names(torch.randint(0, 22, (4, 5))).shape == (4, 5, 3)
    trace = sentiment.trace("The film is good")
    assert trace["probs"].shape == (4, 2) and trace["p_positive"].shape == (4,)
    assert torch.allclose(trace["probs"].sum(-1), torch.ones(4))
    assert names.trace("Rossi")["probs"].shape == (5, 3)


def test_save_load_round_trip(sentiment, names, tmp_path):
    for model, cls, text in ((sentiment, SentimentLSTM, "it 's not good !"), (names, NameLSTM, "Müller")):
        model.save_pretrained(tmp_path / cls.__name__)
        loaded = cls.from_pretrained(str(tmp_path / cls.__name__))
        assert loaded.config == model.config
        assert torch.equal(loaded.trace(text)["probs"], model.trace(text)["probs"])


def test_registry_loads_float16_folder(sentiment, tmp_path):
    sentiment.half().save_pretrained(tmp_path)
    spec = ModelSpec("sentiment-test", SentimentLSTM, SentimentConfig)
    model, _ = load_folder(spec, tmp_path / "config.json", tmp_path / "model.safetensors")
    assert model.head.weight.dtype == torch.float32
    assert model.classify("good")["label"] in ("negative", "positive")


def test_config_rejects_bad_keys():
    with pytest.raises(ValueError, match="hidden_sise"):
        SentimentConfig.from_dict({"hidden_sise": 3})
    with pytest.raises(ValueError, match="num_layers"):
        NameConfig.from_dict({"num_layers": 0})
    with pytest.raises(ValueError, match="vocab"):
        SentimentConfig.from_dict({"vocab": ["a", "b"]})
    with pytest.raises(ValueError, match="labels"):
        NameConfig.from_dict({"labels": ["Only"]})


def test_tokenisation_like_sst():
    assert tokenize_words("Don't stop!") == ["do", "n't", "stop", "!"]
    assert tokenize_words("It's the FILM's best, isn't it?") == "it 's the film 's best , is n't it ?".split()
    assert tokenize_words("a too-tepid \u201cfilm\u201d\u2026") == [
        "a",
        "too-tepid",
        '"',
        "film",
        '"',
        "\u2026",
    ]
    assert tokenize_words("it 's not good .") == tokenize_words("It's not good.")  # SST text is a fixed point


def test_unknown_words_read_as_unk_and_reported(sentiment):
    ids, tokens, unknown = sentiment.encode("The FILM is Gorgeous, gorgeous!")
    assert tokens == ["the", "film", "is", "gorgeous", ",", "gorgeous", "!"]
    assert ids.tolist() == [2, 3, 4, 1, 12, 1, 13]
    assert unknown == ["gorgeous"]
    assert "gorgeous" in sentiment.classify("gorgeous film")["notes"][0]


def test_name_characters_kept_and_unknown_dropped(names):
    ids, kept, dropped = names.encode("  Müller  ")
    assert kept == list("Müller") and dropped == []
    ids, kept, dropped = names.encode("Kö-nil")
    assert kept == list("Knil") and dropped == ["ö", "-"]
    assert "'ö'" in names.trace("Kö-nil")["notes"][0]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_input_is_a_clear_error(sentiment, names, text):
    with pytest.raises(ValueError, match="need some text"):
        sentiment.classify(text)
    with pytest.raises(ValueError, match="need some text"):
        names.trace(text)


def test_only_unknown_characters_is_a_clear_error(names):
    with pytest.raises(ValueError, match="nothing left to read"):
        names.classify("日本")


def test_long_input_is_cut_with_a_note(sentiment, names):
    trace = sentiment.trace("good " * 500)
    assert trace["probs"].shape == (12, 2) and len(trace["tokens"]) == 12
    assert any("first 12 words (of 500)" in note for note in trace["notes"])
    assert names.trace("a" * 100)["probs"].shape == (10, 3)


def test_verdict_is_the_last_step_of_the_trace(sentiment, names):
    for model, text in ((sentiment, "the film is not bad , it 's good"), (names, "Rossi")):
        trace, verdict = model.trace(text), model.classify(text)
        assert torch.equal(verdict["probs"], trace["probs"][-1])
        assert verdict["label"] == model.config.labels[int(trace["probs"][-1].argmax())]
        assert sum(verdict["scores"].values()) == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("folder", [None, "sentiment-lstm-sst2", "names-lstm"])
def test_read_is_forward_for_one_sequence(sentiment, names, folder):
    """`read` (the written-out equations the trace uses) gives nn.LSTM's forward up to rounding."""
    models = [sentiment, names] if folder is None else [shipped_model(folder)]
    for model in models:
        ids = torch.randint(
            1, model.embedding.num_embeddings, (23,), generator=torch.Generator().manual_seed(1)
        )
        with torch.inference_mode():
            torch.testing.assert_close(model.read(ids), model(ids[None])[0], atol=1e-5, rtol=0)


def shipped_model(folder: str):
    cls = SentimentLSTM if folder.startswith("sentiment") else NameLSTM
    return cls.from_pretrained(REPO / "weights" / folder).eval()


def test_trace_is_left_to_right(sentiment):
    """Belief after word t depends only on words 1..t: a prefix's trace is the start of the full one."""
    full = sentiment.trace("the film is not good")["probs"]
    prefix = sentiment.trace("the film is")["probs"]
    assert torch.allclose(full[:3], prefix, atol=1e-6)
    padded = sentiment(torch.tensor([[2, 3, 4, 0, 0]]))[0, :3].softmax(-1)
    assert torch.allclose(padded, prefix, atol=1e-6)


@pytest.mark.parametrize("script", ["train_sentiment", "train_names"])
def test_training_dry_run(script, tmp_path, tiny_data_dir):
    out = tmp_path / "out"
    command = [sys.executable, "-m", f"training.{script}", "--dry-run", "--out", str(out)]
    run = subprocess.run(
        command + ["--data-dir", str(tiny_data_dir)], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.strip().splitlines()[-1])["dry_run"] is True
    assert {"config.json", "model.safetensors", "README.md", "eval.json"} <= {p.name for p in out.iterdir()}
    assert (out / "README.md").read_text().startswith("---\nlicense: mit\nlibrary_name: pytorch\n")


@pytest.mark.parametrize(("script", "cls"), [("train_sentiment", SentimentLSTM), ("train_names", NameLSTM)])
def test_training_ships_the_weight_average_with_ema(script, cls, tmp_path, tiny_data_dir):
    runs = {}
    for name, extra in (("plain", []), ("ema", ["--ema", "0.5"])):
        out = tmp_path / name
        command = [sys.executable, "-m", f"training.{script}", "--dry-run", "--out", str(out), *extra]
        run = subprocess.run(
            command + ["--data-dir", str(tiny_data_dir)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        )
        assert run.returncode == 0, run.stderr[-2000:]
        runs[name] = cls.from_pretrained(str(out)).lstm.weight_hh_l0
    assert "weights averaged by an EMA (decay 0.5)" in (tmp_path / "ema" / "README.md").read_text()
    assert not torch.equal(runs["plain"], runs["ema"])  # same seed and batches: only the average differs


@pytest.mark.parametrize(
    ("folder", "cls"), [("sentiment-lstm-sst2", SentimentLSTM), ("names-lstm", NameLSTM)]
)
def test_shipped_weights(folder, cls):
    path = REPO / "weights" / folder
    assert all(p.stat().st_size < 10_000_000 for p in path.iterdir())
    model = cls.from_pretrained(str(path))
    if cls is SentimentLSTM:
        assert model.classify("a gorgeous , witty and moving film .")["label"] == "positive"
        assert model.classify("a dull , lifeless mess .")["label"] == "negative"
    else:
        assert model.classify("Ivanov")["label"] == "Russian"


def test_names_accuracy_counting_any_listed_language(names):
    examples = [("Rossi", "Italian"), ("Ivanov", "Russian"), ("Muller", "German"), ("Bernardi", "Italian")]
    one = {name: {language} for name, language in examples}
    every = {name: set(names.config.labels) for name, _ in examples}
    plain = evaluate_names(names, examples)
    assert "accuracy_any_language" not in plain
    assert evaluate_names(names, examples, one)["accuracy_any_language"] == plain["accuracy"]
    assert evaluate_names(names, examples, every)["accuracy_any_language"] == 1.0
    assert languages_by_name([("Abel", "German"), ("Abel", "French"), ("Rossi", "Italian")]) == {
        "Abel": {"German", "French"},
        "Rossi": {"Italian"},
    }
    train = [("Abel", "German"), ("Rossi", "Italian")]
    assert (
        listed_under_other_languages(train, [("Abel", "French"), ("Rossi", "Italian"), ("Kim", "Korean")])
        == 1
    )
