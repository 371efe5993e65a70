"""The 2-D GAN and the tiny char-LSTM: loss maths on known inputs, metrics, seeds, divergence handling."""

import math

import numpy as np
import pytest
import torch
import torch.nn as nn

from models.tiny_char_lstm import TinyLSTMConfig, TinyLSTMTrainer
from models.tiny_char_lstm import TrainingDiverged as LSTMDiverged
from models.toy_gan import (
    TARGETS,
    ToyGANConfig,
    ToyGANTrainer,
    TrainingDiverged,
    discriminator_loss,
    generator_loss,
    gradient_penalty,
    mmd2,
    mode_centres,
    modes_covered,
    sample_target,
)

LOG2 = math.log(2)


def t(*values: float) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float32)


def test_minimax_and_non_saturating_losses_at_an_undecided_discriminator():
    # σ(0) = ½: D's loss is -[log ½ + log ½] = 2 log 2; G's minimax loss log(1 - ½), non-saturating -log ½
    for loss in ("minimax", "non-saturating"):
        assert discriminator_loss(loss, t(0.0), t(0.0)).item() == pytest.approx(2 * LOG2)
    assert generator_loss("minimax", t(0.0)).item() == pytest.approx(-LOG2)
    assert generator_loss("non-saturating", t(0.0)).item() == pytest.approx(LOG2)
    # a confident D: real logit 10, fake logit -10 → D's loss near 0
    assert discriminator_loss("minimax", t(10.0), t(-10.0)).item() == pytest.approx(
        2 * math.log1p(math.exp(-10))
    )


def test_minimax_saturates_where_non_saturating_does_not():
    """Goodfellow 2014 §3: when D rejects a fake confidently, log(1 - D(G(z))) gives G almost no gradient."""
    grads = {}
    for loss in ("minimax", "non-saturating"):
        fake = t(-8.0).requires_grad_(True)
        generator_loss(loss, fake).backward()
        grads[loss] = abs(fake.grad.item())
    assert grads["minimax"] < 1e-3 < 0.99 < grads["non-saturating"]


def test_wasserstein_losses():
    real, fake = t(1.0, 3.0), t(0.0, 2.0)  # E[D(x)] = 2, E[D(G(z))] = 1
    assert discriminator_loss("wgan", real, fake).item() == pytest.approx(1 - 2)
    assert discriminator_loss("wgan-gp", real, fake).item() == pytest.approx(1 - 2)
    assert generator_loss("wgan", fake).item() == pytest.approx(-1)


def test_lsgan_losses():
    # Mao 2017 eq. 2 with a = 0, b = 1, c = 1
    assert discriminator_loss("lsgan", t(1.0), t(0.0)).item() == pytest.approx(0.0)
    assert discriminator_loss("lsgan", t(0.0), t(1.0)).item() == pytest.approx(1.0)
    assert discriminator_loss("lsgan", t(3.0, 1.0), t(2.0, 0.0)).item() == pytest.approx(0.5 * 2 + 0.5 * 2)
    assert generator_loss("lsgan", t(0.0)).item() == pytest.approx(0.5)


def test_gradient_penalty_of_a_linear_critic():
    """D(x) = w·x has ‖∇D‖ = ‖w‖ everywhere: the penalty is (‖w‖ - 1)², and 0 for a unit-norm w."""
    critic = nn.Linear(2, 1)
    real, fake = torch.randn(16, 2), torch.randn(16, 2)
    epsilon = torch.rand(16, 1)
    with torch.no_grad():
        critic.weight.copy_(t(3.0, 4.0).view(1, 2))  # ‖w‖ = 5
    assert gradient_penalty(critic, real, fake, epsilon).item() == pytest.approx(16.0)
    with torch.no_grad():
        critic.weight.copy_(t(0.6, 0.8).view(1, 2))
    assert gradient_penalty(critic, real, fake, epsilon).item() == pytest.approx(0.0, abs=1e-10)


def test_gradient_penalty_is_differentiable_in_the_critic():
    critic = nn.Linear(2, 1)
    with torch.no_grad():
        critic.weight.copy_(t(3.0, 4.0).view(1, 2))
    gradient_penalty(critic, torch.randn(8, 2), torch.randn(8, 2), torch.rand(8, 1)).backward()
    # d/dw (‖w‖ - 1)² = 2(‖w‖ - 1) w/‖w‖ = 2·4·(0.6, 0.8)
    assert critic.weight.grad.view(-1).tolist() == pytest.approx([4.8, 6.4])


def test_unknown_loss_is_refused():
    with pytest.raises(ValueError, match="unknown loss"):
        generator_loss("hinge", t(0.0))
    with pytest.raises(ValueError, match="unknown loss"):
        ToyGANTrainer(ToyGANConfig(loss="hinge"))


def test_mmd_is_zero_for_identical_samples_and_grows_with_distance():
    x = torch.randn(200, 2, generator=torch.Generator().manual_seed(0))
    assert mmd2(x, x) == pytest.approx(0.0, abs=1e-6)
    near, far = mmd2(x, x + 0.2), mmd2(x, x + 2.0)
    assert 0 < near < far


def test_targets_and_mode_coverage():
    generator = torch.Generator().manual_seed(0)
    for target in TARGETS:
        points = sample_target(target, 500, generator, t(1.0, -1.0).view(1, 2))
        assert points.shape == (500, 2) and points.abs().max() < 3.0, target
    ring = sample_target("ring", 800, generator).numpy()
    assert modes_covered(ring, "ring") == 8
    assert modes_covered(np.repeat(mode_centres("ring")[:1], 800, axis=0), "ring") == 1
    assert modes_covered(sample_target("grid", 2000, generator).numpy(), "grid") == 25
    assert modes_covered(ring, "spiral") is None
    with pytest.raises(ValueError, match="at least one point"):
        sample_target("custom", 5, generator)


def test_same_seed_same_run_and_another_seed_another():
    def run(seed: int) -> list:
        trainer = ToyGANTrainer(ToyGANConfig(seed=seed, batch_size=64, hidden_size=16))
        return [losses for losses in trainer.steps(20)]

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_a_short_run_lowers_the_divergence_on_the_ring():
    trainer = ToyGANTrainer(ToyGANConfig(target="ring"))
    start = trainer.divergence[0][1]
    for _ in trainer.steps(300):
        pass
    assert trainer.step == 300 and [s for s, _ in trainer.divergence] == list(range(0, 301, 50))
    assert trainer.divergence[-1][1] < 0.5 * start


@pytest.mark.parametrize("loss", ["minimax", "wgan", "wgan-gp", "lsgan"])
def test_every_loss_trains_a_few_steps(loss):
    trainer = ToyGANTrainer(ToyGANConfig(loss=loss, d_steps=2, batch_size=32, max_grad_norm=1.0))
    losses = list(trainer.steps(5))
    assert len(losses) == 5 and all(math.isfinite(d) and math.isfinite(g) for d, g in losses)
    if loss == "wgan":  # Arjovsky 2017: the critic's weights stay clipped to [-c, c]
        assert all(p.abs().max() <= trainer.config.clip_value for p in trainer.discriminator.parameters())


def test_nan_weights_raise_training_diverged():
    trainer = ToyGANTrainer(ToyGANConfig())
    with torch.no_grad():
        trainer.discriminator.net[0].weight.fill_(float("nan"))
    with pytest.raises(TrainingDiverged, match="discriminator loss became nan at step 1"):
        trainer.train_step()


def test_snapshot_holds_what_the_picture_needs():
    shot = ToyGANTrainer(ToyGANConfig(loss="wgan-gp")).snapshot(grid_size=20, arrow_count=5)
    assert shot["real"].shape == shot["fake"].shape == (256, 2)
    assert shot["surface"].shape == (20, 20) and 0 <= shot["surface"].min() <= shot["surface"].max() <= 1
    assert shot["arrow_starts"].shape == shot["arrow_directions"].shape == (5, 2)
    assert np.abs(shot["arrow_directions"]).sum() > 0 and "critic" in shot["surface_label"]


def test_tiny_char_lstm_learns_a_repetitive_text_and_samples_from_its_alphabet():
    text = "abcabcabcabc abc abcabc " * 10
    trainer = TinyLSTMTrainer(text, TinyLSTMConfig(hidden_size=32, seq_len=16, batch_size=8, lr=1e-2))
    losses = list(trainer.steps(60))
    assert losses[-1] < 0.5 * losses[0]
    sample = trainer.sample(50, temperature=0.5, seed=1)
    assert len(sample) == 51 and set(sample) <= set(text)
    assert sample == trainer.sample(50, temperature=0.5, seed=1)


def test_tiny_char_lstm_nan_is_reported():
    trainer = TinyLSTMTrainer(
        "hello world, hello world", TinyLSTMConfig(hidden_size=8, seq_len=8, batch_size=2)
    )
    with torch.no_grad():
        trainer.model.head.bias.fill_(float("inf"))
    with pytest.raises(LSTMDiverged, match="loss became nan"):
        trainer.train_step()
