"""The recurrent conditional GAN: shapes, round trip, seeds, gate trace == forward, and its training
scripts (and the collapsed GAN's) on tiny MNIST files in the real gzipped IDX format (tests/tiny_data.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from models.rcgan import RCGANConfig, RecurrentGAN
from tests.tiny_data import write_mnist

ROOT = Path(__file__).resolve().parents[1]
SMALL = RCGANConfig(latent_dim=8, hidden_size=12, embedding_dim=4, discriminator_width=8)
CONFIGS = {
    "autoregressive, CNN D": SMALL,
    "two layers, no feedback, LSTM D": RCGANConfig(
        latent_dim=8, hidden_size=12, num_layers=2, embedding_dim=4, feed_previous_row=False,
        discriminator="lstm", discriminator_width=8,
    ),
    "state from z, minibatch-std D": RCGANConfig(
        latent_dim=8, hidden_size=12, embedding_dim=4, discriminator_width=8, latent_to_state=True,
        minibatch_std=4,
    ),
    "two layers, state from z, no feedback": RCGANConfig(
        latent_dim=8, hidden_size=12, num_layers=2, embedding_dim=4, feed_previous_row=False,
        discriminator_width=8, latent_to_state=True,
    ),
}  # fmt: skip

torch.set_num_threads(1)


@pytest.fixture(scope="module", params=list(CONFIGS))
def gan(request) -> RecurrentGAN:
    torch.manual_seed(0)
    return RecurrentGAN(CONFIGS[request.param]).eval()


def test_shapes_and_ranges(gan):
    images = gan.sample(torch.arange(10), torch.Generator().manual_seed(0))
    assert images.shape == (10, 1, 28, 28)
    assert images.min() >= -1 and images.max() <= 1
    realness = gan.realness(images, torch.arange(10))
    expected = (10,) if gan.config.discriminator == "cnn" else (10, 28)  # the LSTM D: one verdict per row
    assert realness.shape == expected and ((realness > 0) & (realness < 1)).all()


def test_save_load_round_trip_is_identical(gan, tmp_path):
    gan.save_pretrained(tmp_path)
    loaded = RecurrentGAN.from_pretrained(tmp_path, strict=True)
    assert loaded.config == gan.config
    z, labels = torch.randn(4, gan.config.latent_dim), torch.tensor([1, 2, 3, 4])
    images = gan.generate(z, labels)
    assert torch.equal(images, loaded.generate(z, labels))
    assert torch.equal(gan.realness(images, labels), loaded.realness(images, labels))


def test_same_seed_same_digit_and_other_seed_differs(gan):
    label = torch.tensor([3])
    first, again, other = (gan.generate(gan.latent(s).unsqueeze(0), label) for s in (7, 7, 8))
    assert torch.equal(first, again) and not torch.equal(first, other)


def test_gate_trace_equals_the_forward_pass(gan):
    z = gan.latent(5)
    trace = gan.trace(z, 6)
    hidden, layers = gan.config.hidden_size, gan.config.num_layers
    gen = gan.generator
    with torch.inference_mode():
        state = gen.initial_state(z[None], torch.tensor([6]))
    c_start = torch.zeros(layers, 1, hidden) if state is None else state[1]
    assert torch.allclose(trace["rows"], gan.generate(z[None], torch.tensor([6]))[0, 0], atol=1e-5)
    for layer in range(layers):
        for key in "ifgoch":
            assert trace[f"{key}{layer}"].shape == (28, hidden)
        gates = torch.cat([trace[f"{k}{layer}"] for k in "ifo"])
        assert ((gates > 0) & (gates < 1)).all()
        c_prev = torch.cat([c_start[layer], trace[f"c{layer}"][:-1]])
        expected_c = trace[f"f{layer}"] * c_prev + trace[f"i{layer}"] * trace[f"g{layer}"]
        assert torch.allclose(trace[f"c{layer}"], expected_c, atol=1e-6)
    # the last layer's h is the LSTM's own output: compare with nn.LSTM over the same inputs
    context = gen.context(z[None], torch.tensor([6]))
    if gan.config.feed_previous_row:
        previous = torch.cat([torch.full((1, 28), -1.0), trace["rows"][:-1]])
        context = torch.cat([previous[None], context], dim=2)
    with torch.inference_mode():
        output, _ = gen.lstm(context, state)
    assert torch.allclose(trace[f"h{layers - 1}"], output[0], atol=1e-5)


def test_initial_state_comes_from_z_and_the_label():
    gen = RecurrentGAN(CONFIGS["two layers, state from z, no feedback"]).generator
    z, labels = torch.randn(3, 8), torch.tensor([1, 1, 2])
    h, c = gen.initial_state(z, labels)
    assert h.shape == c.shape == (2, 3, 12) and (h.abs() < 1).all()
    h_other, _ = gen.initial_state(torch.randn(3, 8), labels)
    assert not torch.allclose(h, h_other)
    assert RecurrentGAN(SMALL).generator.initial_state(z, labels) is None  # the old models: zeros


def test_minibatch_std_is_the_spread_within_each_group():
    from models.rcgan import MinibatchStdDiscriminator

    d = RecurrentGAN(CONFIGS["state from z, minibatch-std D"]).discriminator
    assert isinstance(d, MinibatchStdDiscriminator)
    maps = torch.cat([torch.zeros(4, 3, 2, 2), torch.ones(2, 3, 2, 2), -torch.ones(2, 3, 2, 2)])
    spread = d.group_std(maps)
    assert spread.shape == (8, 1)
    assert torch.allclose(spread[:4], torch.full((4, 1), 1e-4)) and torch.allclose(
        spread[4:], torch.ones(4, 1)
    )
    assert d.group_std(maps[:1]).item() < 1e-3  # one image alone (the app asking D): no spread
    assert d(torch.zeros(6, 1, 28, 28), torch.arange(6)).shape == (6,)  # groups of gcd(6, 4) = 2


def test_mode_seeking_loss_rewards_digits_that_follow_z():
    from training.train_rcgan import fake_labels_and_latents, mode_seeking_loss

    labels, z = fake_labels_and_latents(SMALL, 8, paired=True)
    assert torch.equal(labels[:4], labels[4:]) and z.shape == (8, 8)
    same, apart = torch.zeros(8, 1, 28, 28), torch.cat([torch.zeros(4, 1, 28, 28), torch.ones(4, 1, 28, 28)])
    assert mode_seeking_loss(apart, z) < mode_seeking_loss(same, z)
    assert torch.isclose(
        mode_seeking_loss(apart, z, cap=0.2), torch.tensor(1 / 0.2), rtol=1e-3
    )  # no more reward


@pytest.mark.parametrize(
    "values",
    [
        {"latent_dim": 0},
        {"image_size": 32},
        {"discriminator": "mlp"},
        {"feed_previous_row": 1},
        {"depth": 2},
        {"latent_to_state": "yes"},
        {"minibatch_std": -1},
    ],
)
def test_config_rejects_bad_values(values):
    with pytest.raises(ValueError):
        RCGANConfig.from_dict(values)


@pytest.fixture(scope="module")
def tiny_mnist(tmp_path_factory) -> Path:
    """A --data-dir holding mnist/ in MNIST's own gzipped IDX format (tests/tiny_data.py)."""
    data_dir = tmp_path_factory.mktemp("data")
    write_mnist(data_dir)
    return data_dir


def run(*args: str) -> str:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out.stdout


def test_train_rcgan_dry_run_saves_a_model_the_evaluation_scores(tiny_mnist, tmp_path):
    out = tmp_path / "rcgan"
    common = ("--data-dir", str(tiny_mnist), "--threads", "1")
    run("-m", "training.train_rcgan", "--dry-run", "--out", str(out), "--hidden-size", "16", *common)
    gan = RecurrentGAN.from_pretrained(out, strict=True)
    assert gan.config.hidden_size == 16 and gan.sample(torch.arange(3)).shape == (3, 1, 28, 28)
    log = json.loads((out / "training_log.json").read_text())
    assert log["selected"]["step"] >= 1 and 0 <= log["selected"]["class_accuracy"] <= 1
    stdout = run(
        "-m", "training.evaluate_gan", "--arch", "rcgan", "--gan", str(out), "--samples", "100", *common
    )
    result = json.loads(stdout.strip().splitlines()[-1])
    assert result["arch"] == "rcgan" and result["fid"] >= 0 and len(result["per_digit_diversity"]) == 10


def test_train_collapsed_gan_dry_run_saves_a_conditional_gan(tiny_mnist, tmp_path):
    from models.dcgan import ConditionalGAN

    out = tmp_path / "collapsed"
    run("-m", "training.train_collapsed_gan", "--dry-run", "--out", str(out), "--data-dir", str(tiny_mnist))
    gan = ConditionalGAN.from_pretrained(out, strict=True)
    assert gan.sample(torch.arange(3)).shape == (3, 1, 28, 28)
    log = json.loads((out / "training_log.json").read_text())
    assert log["final"]["step"] == 3 and log["final"]["diversity"] >= 0
