"""Char-LSTM: shapes, save/load, explicit gate equations vs nn.LSTM, stepping, sampling, text encoding."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from models.char_lstm import (
    MAX_PROMPT_CHARS,
    CharLSTM,
    CharLSTMConfig,
    _fp16_kernel_available,
    _sampling_distribution_np,
)
from models.lstm_equations import _steps_numpy, _steps_torch
from tests.tiny_data import SHAKESPEARE
from training.evaluate_char_lstm import validation_loss
from training.shakespeare_data import split_text

torch.set_num_threads(1)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def model() -> CharLSTM:
    torch.manual_seed(0)
    return CharLSTM(CharLSTMConfig(embedding_dim=8, hidden_size=16, num_layers=2, dropout=0.1)).eval()


def ids_of(model: CharLSTM, text: str) -> torch.Tensor:
    ids, dropped = model.encode(text)
    assert dropped == []
    return ids


def test_shapes(model):
    logits, (h, c) = model(torch.randint(0, 65, (3, 7)))
    assert logits.shape == (3, 7, 65)
    assert h.shape == c.shape == (2, 3, 16)


def test_save_load_round_trip(model, tmp_path):
    ids = ids_of(model, "To be, or not to be")[None]
    model.save_pretrained(tmp_path)
    loaded = CharLSTM.from_pretrained(str(tmp_path))
    assert loaded.config == model.config
    assert torch.equal(loaded(ids)[0], model(ids)[0])


def test_float16_weights_load_as_float32(model, tmp_path):
    ids = ids_of(model, "Friends, Romans")[None]
    model.half().save_pretrained(tmp_path)
    loaded = CharLSTM.from_pretrained(str(tmp_path))
    assert all(p.dtype == torch.float32 for p in loaded.parameters())
    torch.testing.assert_close(loaded(ids)[0], model.float()(ids)[0])


@pytest.mark.parametrize(
    "values, key",
    [
        ({"hidden_size": 0}, "hidden_size"),
        ({"num_layers": "2"}, "num_layers"),
        ({"dropout": 1.5}, "dropout"),
        ({"vocab": "aa"}, "vocab"),
        ({"heads": 4}, "heads"),
    ],
)
def test_config_from_dict_names_bad_key(values, key):
    with pytest.raises(ValueError, match=key):
        CharLSTMConfig.from_dict(values)


def test_the_gpu_steps_equal_the_cpu_steps():
    """lstm_layers runs its steps in NumPy on a CPU and in torch ops elsewhere: the same numbers."""
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(5, 7, 1)
    gates = torch.randn(11, 28)
    with torch.inference_mode():
        w_hh = lstm.weight_hh_l0
        by_numpy = [gates.clone(), torch.empty(11, 7), torch.empty(11, 7)]
        _steps_numpy(w_hh.numpy(), *(t.numpy() for t in by_numpy))
        by_torch = [gates.clone(), torch.empty(11, 7), torch.empty(11, 7)]
        _steps_torch(w_hh, *by_torch)
    for a, b in zip(by_numpy, by_torch, strict=True):
        torch.testing.assert_close(a, b, atol=1e-6, rtol=0)


def test_trace_matches_nn_lstm(model):
    ids = ids_of(model, "Now is the winter of our discontent")
    trace = model.trace(ids)
    T, L, H = len(ids), 2, 16
    assert all(trace[k].shape == (T, L, H) for k in "ifgoch")
    with torch.no_grad():
        out, (h_n, c_n) = model.lstm(model.embedding(ids)[None])
        logits = model.head(out)[0]
    torch.testing.assert_close(trace["h"][:, -1], out[0], atol=1e-5, rtol=0)  # top layer, every step
    torch.testing.assert_close(trace["h"][-1], h_n[:, 0], atol=1e-5, rtol=0)  # every layer, last step
    torch.testing.assert_close(trace["c"][-1], c_n[:, 0], atol=1e-5, rtol=0)
    torch.testing.assert_close(trace["logits"], logits, atol=1e-5, rtol=0)
    c_prev = torch.cat([torch.zeros(1, L, H), trace["c"][:-1]])  # the gates obey the cell equations
    torch.testing.assert_close(trace["c"], trace["f"] * c_prev + trace["i"] * trace["g"], atol=1e-6, rtol=0)
    torch.testing.assert_close(trace["h"], trace["o"] * torch.tanh(trace["c"]), atol=1e-6, rtol=0)


@pytest.mark.parametrize("float16_weights", [False, True])
def test_step_matches_forward(model, float16_weights):
    if float16_weights:  # as shipped: stored in float16, loaded as float32 → fbgemm's float16 kernel
        model = model.half().float()
    assert model._step_weights().float16_kernel == (float16_weights and _fp16_kernel_available())
    ids = ids_of(model, "O Romeo, Romeo! wherefore art thou Romeo? Deny thy father")
    with torch.no_grad():
        full = model(ids[None])[0][0]  # (T, V)
    state = None
    for t in range(len(ids)):  # one char at a time: the fused path
        logits, state = model.step(ids[t : t + 1], state)
        torch.testing.assert_close(logits, full[t], atol=1e-5, rtol=0)
    logits, long_state = model.step(ids)  # a whole prompt: the nn.LSTM path
    torch.testing.assert_close(logits, full[-1], atol=1e-5, rtol=0)
    torch.testing.assert_close(long_state, state, atol=1e-5, rtol=0)
    logits, _ = model.step(ids[:5])  # a short chunk: the fused path over several chars
    torch.testing.assert_close(logits, full[4], atol=1e-5, rtol=0)


def sample(model, prompt: str, n: int = 40, seed: int = 0, **kwargs) -> list[int]:
    generator = torch.Generator().manual_seed(seed)
    steps = model.generate(ids_of(model, prompt), n, generator=generator, **kwargs)
    return [index for index, _, _ in steps]


def test_greedy_and_top_k_1(model):
    greedy = sample(model, "KING:", temperature=0)
    assert greedy == sample(model, "KING:", temperature=0.8, top_k=1, seed=5)
    logits, state, expected = *model.step(ids_of(model, "KING:")), []
    for _ in range(40):
        expected.append(int(logits.argmax()))
        logits, state = model.step(torch.tensor(expected[-1:]), state)
    assert greedy == expected


def test_same_seed_same_output(model):
    first = sample(model, "ROMEO:", n=60, seed=3, temperature=1.0, top_p=0.9)
    assert first == sample(model, "ROMEO:", n=60, seed=3, temperature=1.0, top_p=0.9)
    assert first != sample(model, "ROMEO:", n=60, seed=4, temperature=1.0, top_p=0.9)


def test_generate_reports_probabilities(model):
    for index, prob, top5 in model.generate(ids_of(model, "A"), 10, top_k=3, generator=torch.Generator()):
        assert len(top5) == 5 and top5[3][1] == top5[4][1] == 0.0  # top-k leaves 3 candidates
        assert 0 < prob <= 1 and model.config.vocab[index] in [ch for ch, _ in top5[:3]]
        assert abs(sum(p for _, p in top5) - 1) < 1e-5


def _sampling_distribution(
    logits: torch.Tensor, temperature: float, top_k: int, top_p: float
) -> torch.Tensor:
    """The NumPy sampling distribution, float32 tensors in and out."""
    probs, order = _sampling_distribution_np(logits.double().numpy(), temperature, top_k, top_p)
    assert (np.diff(probs[order]) <= 0).all()  # order: most to least likely
    return torch.from_numpy(probs.astype("float32"))


def test_sampling_distribution_filters():
    logits = torch.tensor([3.0, 2.0, 1.0, 0.0])
    assert torch.equal(_sampling_distribution(logits, 1.0, 0, 1e-6), torch.tensor([1.0, 0, 0, 0]))
    probs = _sampling_distribution(logits, 1.0, 2, 1.0)
    torch.testing.assert_close(probs, torch.softmax(torch.tensor([3.0, 2.0, -1e9, -1e9]), 0))


def _reference_distribution(
    logits: torch.Tensor, temperature: float, top_k: int, top_p: float
) -> torch.Tensor:
    """The filters written out in torch, one after another, as the docstring states them."""
    if temperature == 0:
        return torch.softmax(logits, 0)
    z = logits / temperature
    if 0 < top_k < len(z):
        z = torch.where(z < torch.topk(z, top_k).values[-1], -torch.inf, z)
    probs = torch.softmax(z, 0)
    if top_p < 1:
        sorted_probs, index = torch.sort(probs, descending=True, stable=True)
        sorted_probs[torch.cumsum(sorted_probs, 0) - sorted_probs >= top_p] = 0
        probs = torch.zeros_like(probs).scatter(0, index, sorted_probs)
    return probs / probs.sum()


@pytest.mark.parametrize("temperature", [0.0, 0.5, 1.0, 2.0])
@pytest.mark.parametrize("top_k", [0, 1, 5, 64])
@pytest.mark.parametrize("top_p", [1.0, 0.9, 0.3])
def test_sampling_distribution_matches_reference(temperature, top_k, top_p):
    logits = torch.randn(65, generator=torch.Generator().manual_seed(top_k), dtype=torch.float64) * 3
    expected = _reference_distribution(logits, temperature, top_k, top_p)
    torch.testing.assert_close(_sampling_distribution(logits, temperature, top_k, top_p).double(), expected)


def test_unknown_characters(model):
    ids, dropped = model.encode("Café “naïve” —\ttea 😀 中文 Ångström…")
    assert dropped == ["😀", "中", "文"]
    assert model.decode(ids) == "Cafe 'naive' - tea   Angstrom..."
    ids, dropped = model.encode("line\r\nnext\rend")
    assert (model.decode(ids), dropped) == ("line\nnext\nend", [])


def test_empty_prompt(model):
    empty = torch.zeros(0, dtype=torch.long)
    assert len(sample(model, "", n=5)) == 5
    assert model.trace(empty)["logits"].shape == (0, 65)
    logits, state = model.step(empty)
    assert logits.shape == (65,) and state[0].shape == (2, 1, 16)


def test_long_prompt_is_bounded(model):
    text = "All the world's a stage, and all the men and women merely players. " * 3000  # 200 k chars
    start = time.perf_counter()
    assert sample(model, text, n=3, seed=1) == sample(model, text[-MAX_PROMPT_CHARS:], n=3, seed=1)
    assert time.perf_counter() - start < 10


def test_validation_loss_streams_cover_every_char(model):
    ids = torch.randint(0, 65, (301,))
    with torch.no_grad():
        expected = F.cross_entropy(model(ids[None, :-1])[0][0], ids[1:]).item()
    assert abs(validation_loss(model, ids, streams=1, chunk_len=64) - expected) < 1e-5
    assert 3.5 < validation_loss(model, ids, streams=7, chunk_len=16) < 5.0  # near ln(65) untrained


def test_train_dry_run(tmp_path, tiny_data_dir):
    assert split_text("abcdefghij") == ("abcdefghi", "j")
    command = [sys.executable, "-m", "training.train_char_lstm", "--dry-run", "--out", str(tmp_path)]
    command += ["--data-dir", str(tiny_data_dir)]
    command += ["--hidden-size", "32", "--num-layers", "2"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["steps"] == 3 and result["val_loss_shipped"] > 0
    assert json.loads((tmp_path / "eval.json").read_text())["val_loss_shipped"] == result["val_loss_shipped"]
    card = (tmp_path / "README.md").read_text()
    assert card.startswith("---\nlicense: mit") and f"{result['val_loss_shipped']:.4f}" in card
    assert CharLSTM.from_pretrained(str(tmp_path)).config.hidden_size == 32


def test_quantized_copy(model, tmp_path):
    ids = ids_of(model, "Is this a dagger which I see before me, the handle toward my hand?")
    int8 = model.quantized()
    assert int8.is_quantized and not model.is_quantized
    with torch.no_grad():
        full, full_int8 = model(ids[None])[0][0], int8(ids[None])[0][0]
    assert (full.argmax(-1) == full_int8.argmax(-1)).float().mean() >= 0.9
    torch.testing.assert_close(full_int8, full, atol=0.05, rtol=0)
    state = None
    for t in range(5):  # int8 stepping follows its own forward (activation scales are per call)
        logits, state = int8.step(ids[t : t + 1], state)
        torch.testing.assert_close(logits, full_int8[t], atol=0.02, rtol=0)
    assert len(sample(int8, "KING:", n=10)) == 10
    with pytest.raises(TypeError, match="float model"):
        int8.trace(ids)
    with pytest.raises(TypeError, match="float model"):
        int8.save_pretrained(tmp_path)
    torch.testing.assert_close(model.step(ids)[0], full[-1], atol=1e-5, rtol=0)  # float model untouched


SHIPPED = REPO / "weights" / "char-lstm-shakespeare"


def test_quantized_shipped_model_keeps_predictions():
    model = CharLSTM.from_pretrained(str(SHIPPED))
    int8 = model.quantized()
    ids = ids_of(model, SHAKESPEARE)  # 3.3k characters of Shakespeare (tests/tiny_data.py)
    with torch.no_grad():
        agree = (model(ids[None])[0].argmax(-1) == int8(ids[None])[0].argmax(-1)).float().mean()
    assert agree >= 0.97
    assert abs(validation_loss(int8, ids) - validation_loss(model, ids)) < 0.01


def run_script(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_train_init_from_dry_run(tmp_path, tiny_data_dir):
    pretrained, finetuned = tmp_path / "pretrained", tmp_path / "finetuned"
    script = ["-m", "training.train_char_lstm", "--dry-run", "--data-dir", str(tiny_data_dir)]
    run_script(*script, "--out", str(pretrained), "--hidden-size", "24")
    command = [*script, "--out", str(finetuned)]
    run_script(
        *command,
        "--init-from",
        str(pretrained),
        "--hidden-size",
        "64",
        "--lr",
        "3e-4",
        "--weight-drop",
        "0.3",
    )
    assert CharLSTM.from_pretrained(str(finetuned)).config.hidden_size == 24  # size flags ignored
    first, second = (json.loads((d / "eval.json").read_text()) for d in (pretrained, finetuned))
    assert second["init_from"]["command"] == first["command"]
    assert second["init_from"]["init_val_loss"] == second["history"][0]["val_loss"]
    card = (finetuned / "README.md").read_text()
    assert first["command"] in card and second["command"] in card
    assert "DropConnect 0.3 on the recurrent weights" in card
    assert f"{second['val_loss_shipped']:.4f}" in card


def test_lstm_bench_runs(model, tmp_path):
    model.save_pretrained(tmp_path)
    done = run_script("-m", "bench.lstm_bench", "--weights", str(tmp_path), "--chars", "40", "--repeats", "1")
    assert "step, int8" in done.stdout and "generate, float32" in done.stdout  # figures, no timing asserts
