"""A 2-D GAN to watch learn: small MLPs, five losses, toy target distributions and a divergence metric.

Losses, checked against the papers (D(x) below is the raw output, a logit or a critic value):
- "minimax": Goodfellow et al. 2014, Generative Adversarial Nets, https://arxiv.org/abs/1406.2661, eq. 1.
  D maximises log σ(D(x)) + log(1 - σ(D(G(z)))); G minimises log(1 - σ(D(G(z)))), which saturates
  (vanishing gradient) when D confidently rejects the fakes.
- "non-saturating": the same paper, §3: G maximises log σ(D(G(z))) instead; D as in minimax.
- "wgan": Arjovsky, Chintala & Bottou 2017, Wasserstein GAN, https://arxiv.org/abs/1701.07875, Algorithm 1:
  the critic maximises E[D(x)] - E[D(G(z))] with its weights clipped to [-c, c] after every update,
  trained with RMSProp; G minimises -E[D(G(z))].
- "wgan-gp": Gulrajani et al. 2017, Improved Training of Wasserstein GANs, https://arxiv.org/abs/1704.00028,
  Algorithm 1: critic loss E[D(x̃)] - E[D(x)] + λ E[(‖∇D(x̂)‖₂ - 1)²] with x̂ = εx + (1 - ε)x̃,
  ε ~ U[0, 1], λ = 10, Adam(β₁ = 0, β₂ = 0.9); G as in WGAN.
- "lsgan": Mao et al. 2017, Least Squares Generative Adversarial Networks, https://arxiv.org/abs/1611.04076,
  eq. 2 with a = 0 (fake), b = 1 (real), c = 1: D minimises ½E[(D(x) - 1)²] + ½E[D(G(z))²];
  G minimises ½E[(D(G(z)) - 1)²].
Divergence: the squared maximum mean discrepancy (Gretton et al. 2012, https://jmlr.org/papers/v13/gretton12a.html)
with a sum of Gaussian kernels, between a fixed real sample and G's samples of a fixed noise batch.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LOSSES = ("minimax", "non-saturating", "wgan", "wgan-gp", "lsgan")
TARGETS = ("ring", "grid", "spiral", "moons", "custom")
TARGET_STD = 0.05  # spread of every target around its shape (the modes' standard deviation)
VIEW = 3.0  # the picture shows the square [-VIEW, VIEW]²
EVAL_SIZE = 256  # real and generated points the divergence compares
MMD_BANDWIDTHS = (0.05, 0.2, 1.0)  # Gaussian-kernel widths: mode size, mode spacing, whole shape


@dataclass(frozen=True)
class ToyGANConfig:
    target: str = "ring"  # one of TARGETS; "custom" samples around `points`
    loss: str = "non-saturating"  # one of LOSSES
    latent_dim: int = 2  # size of the noise vector z fed to G
    hidden_size: int = 64  # width of every hidden layer of G and D
    num_layers: int = 2  # hidden layers in G and in D
    batch_size: int = 256  # real and fake points per update
    lr_generator: float = 1e-3
    lr_discriminator: float = 1e-3
    d_steps: int = 1  # discriminator updates per generator update
    max_grad_norm: float = 0.0  # clip each network's gradient norm to this before its update (0 = off)
    clip_value: float = 0.1  # WGAN weight clipping range [-c, c] (the paper's 0.01 barely moves a 2-D critic)
    gp_weight: float = 10.0  # λ of WGAN-GP
    seed: int = 0
    points: tuple[tuple[float, float], ...] = field(default=())  # the custom target's points


# ----------------------------------------------------------------------------- targets


def mode_centres(target: str) -> np.ndarray | None:
    """(K, 2) centres of the Gaussian modes of "ring" and "grid"; None for the other targets."""
    if target == "ring":
        angles = np.arange(8) * 2 * np.pi / 8
        return 2.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    if target == "grid":
        ticks = np.arange(-2.0, 2.01, 1.0)
        return np.array([(x, y) for x in ticks for y in ticks])
    return None


def sample_target(
    target: str, count: int, generator: torch.Generator, points: torch.Tensor | None = None
) -> torch.Tensor:
    """(count, 2) points of a target distribution, all inside about [-2.5, 2.5]²."""
    noise = TARGET_STD * torch.randn(count, 2, generator=generator)
    if target in ("ring", "grid"):
        centres = torch.as_tensor(mode_centres(target), dtype=torch.float32)
        return centres[torch.randint(len(centres), (count,), generator=generator)] + noise
    if target == "spiral":
        t = torch.rand(count, generator=generator)
        radius, angle = 0.3 + 1.9 * t, 3.5 * math.pi * t
        return torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1) + noise
    if target == "moons":
        theta = math.pi * torch.rand(count, generator=generator)
        upper = torch.rand(count, generator=generator) < 0.5
        x = torch.where(upper, torch.cos(theta), 1 - torch.cos(theta)) - 0.5
        y = torch.where(upper, torch.sin(theta), 0.5 - torch.sin(theta)) - 0.25
        return 1.6 * torch.stack([x, y], dim=1) + noise
    if target == "custom":
        if points is None or len(points) == 0:
            raise ValueError("the custom target needs at least one point")
        return points[torch.randint(len(points), (count,), generator=generator)] + noise
    raise ValueError(f"unknown target {target!r}; expected one of {TARGETS}")


# ----------------------------------------------------------------------------- networks


def _mlp(sizes: list[int], activation: nn.Module, generator: torch.Generator) -> nn.Sequential:
    """Linear layers of `sizes` with `activation` between them, initialised from `generator`."""
    layers: list[nn.Module] = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        linear = nn.Linear(fan_in, fan_out)
        bound = 1 / math.sqrt(fan_in)  # nn.Linear's default ranges, drawn from our generator
        nn.init.uniform_(linear.weight, -bound, bound, generator=generator)
        nn.init.uniform_(linear.bias, -bound, bound, generator=generator)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(activation)
    return nn.Sequential(*layers)


class Generator(nn.Module):
    """z (B, latent_dim) → point (B, 2): an MLP with ReLU."""

    def __init__(self, config: ToyGANConfig, generator: torch.Generator):
        super().__init__()
        self.config = config
        sizes = [config.latent_dim] + [config.hidden_size] * config.num_layers + [2]
        self.net = _mlp(sizes, nn.ReLU(), generator)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.net(z)


class Discriminator(nn.Module):
    """point (B, 2) → one raw score (B,): a logit, a critic value or an LSGAN score by loss."""

    def __init__(self, config: ToyGANConfig, generator: torch.Generator):
        super().__init__()
        self.config = config
        sizes = [2] + [config.hidden_size] * config.num_layers + [1]
        self.net = _mlp(sizes, nn.LeakyReLU(0.2), generator)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)


# ----------------------------------------------------------------------------- losses


def discriminator_loss(loss: str, real_scores: torch.Tensor, fake_scores: torch.Tensor) -> torch.Tensor:
    """What D minimises, without the WGAN-GP penalty (see `gradient_penalty`)."""
    if loss in ("minimax", "non-saturating"):
        # -[log σ(r) + log(1 - σ(f))], with log σ(r) = -softplus(-r) and log(1 - σ(f)) = -softplus(f)
        return F.softplus(-real_scores).mean() + F.softplus(fake_scores).mean()
    if loss in ("wgan", "wgan-gp"):
        return fake_scores.mean() - real_scores.mean()
    if loss == "lsgan":
        return 0.5 * ((real_scores - 1) ** 2).mean() + 0.5 * (fake_scores**2).mean()
    raise ValueError(f"unknown loss {loss!r}; expected one of {LOSSES}")


def generator_loss(loss: str, fake_scores: torch.Tensor) -> torch.Tensor:
    """What G minimises."""
    if loss == "minimax":
        return -F.softplus(fake_scores).mean()  # log(1 - σ(f))
    if loss == "non-saturating":
        return F.softplus(-fake_scores).mean()  # -log σ(f)
    if loss in ("wgan", "wgan-gp"):
        return -fake_scores.mean()
    if loss == "lsgan":
        return 0.5 * ((fake_scores - 1) ** 2).mean()
    raise ValueError(f"unknown loss {loss!r}; expected one of {LOSSES}")


def gradient_penalty(
    critic: nn.Module, real: torch.Tensor, fake: torch.Tensor, epsilon: torch.Tensor
) -> torch.Tensor:
    """E[(‖∇D(x̂)‖₂ - 1)²] at x̂ = ε·real + (1 - ε)·fake; epsilon (B, 1). Differentiable (create_graph)."""
    mixed = (epsilon * real + (1 - epsilon) * fake).requires_grad_(True)  # (B, 2)
    (grad,) = torch.autograd.grad(critic(mixed).sum(), mixed, create_graph=True)
    return ((grad.norm(2, dim=1) - 1) ** 2).mean()


# ----------------------------------------------------------------------------- divergence


def mmd2(x: torch.Tensor, y: torch.Tensor, bandwidths: tuple[float, ...] = MMD_BANDWIDTHS) -> float:
    """Biased estimate of MMD² between samples x (N, 2) and y (M, 2) with a sum of Gaussian kernels."""
    both = torch.cat([x, y])
    sq = torch.cdist(both, both).pow(2)  # (N+M, N+M)
    kernel = sum(torch.exp(-sq / (2 * h * h)) for h in bandwidths)
    n = len(x)
    return float(kernel[:n, :n].mean() + kernel[n:, n:].mean() - 2 * kernel[:n, n:].mean())


def modes_covered(fake: np.ndarray, target: str) -> int | None:
    """How many modes of "ring"/"grid" hold ≥ a quarter of their fair share of fake points within 6σ."""
    centres = mode_centres(target)
    if centres is None:
        return None
    distances = np.linalg.norm(fake[:, None, :] - centres[None, :, :], axis=2)  # (N, K)
    nearest, close = distances.argmin(axis=1), distances.min(axis=1) < 6 * TARGET_STD
    counts = np.bincount(nearest[close], minlength=len(centres))
    return int((counts >= len(fake) / (4 * len(centres))).sum())


# ----------------------------------------------------------------------------- training


class TrainingDiverged(RuntimeError):
    """A loss or a parameter became NaN or infinite; training cannot go on."""


class ToyGANTrainer:
    """G, D, their optimisers and the run's history; `steps()` trains one step per item."""

    def __init__(self, config: ToyGANConfig):
        if config.loss not in LOSSES:
            raise ValueError(f"unknown loss {config.loss!r}; expected one of {LOSSES}")
        self.config = config
        self.rng = torch.Generator().manual_seed(config.seed)
        self.points = torch.tensor(config.points, dtype=torch.float32) if config.points else None
        self.generator = Generator(config, self.rng)
        self.discriminator = Discriminator(config, self.rng)
        if config.loss == "wgan":  # the WGAN paper: RMSProp (momentum destabilised its critic)
            self.opt_g = torch.optim.RMSprop(self.generator.parameters(), lr=config.lr_generator)
            self.opt_d = torch.optim.RMSprop(self.discriminator.parameters(), lr=config.lr_discriminator)
        else:  # WGAN-GP's Adam(0, 0.9); DCGAN's β₁ = 0.5 for the others
            betas = (0.0, 0.9) if config.loss == "wgan-gp" else (0.5, 0.999)
            adam = {"betas": betas, "fused": True}  # fused: one kernel per update, ~25% faster steps here
            self.opt_g = torch.optim.Adam(self.generator.parameters(), lr=config.lr_generator, **adam)
            self.opt_d = torch.optim.Adam(self.discriminator.parameters(), lr=config.lr_discriminator, **adam)
        eval_rng = torch.Generator().manual_seed(config.seed + 1)  # fixed for the whole run
        self.eval_real = self.sample_real(EVAL_SIZE, eval_rng)
        self.eval_noise = torch.randn(EVAL_SIZE, config.latent_dim, generator=eval_rng)
        self.step = 0
        self.losses: list[tuple[int, float, float]] = []  # (step, D loss, G loss) per step
        self.divergence: list[tuple[int, float]] = [(0, self.measure())]  # (step, MMD²)
        self.lock = threading.Lock()  # one training step at a time, even if a cancelled run lingers
        self.failure: str | None = (
            None  # why training stopped for good (set by the caller on TrainingDiverged)
        )

    def sample_real(self, count: int, generator: torch.Generator) -> torch.Tensor:
        return sample_target(self.config.target, count, generator, self.points)

    def _noise(self) -> torch.Tensor:
        return torch.randn(self.config.batch_size, self.config.latent_dim, generator=self.rng)

    def _update(self, optimizer: torch.optim.Optimizer, module: nn.Module, loss: torch.Tensor) -> None:
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if self.config.max_grad_norm > 0:
            nn.utils.clip_grad_norm_(module.parameters(), self.config.max_grad_norm)
        optimizer.step()

    def train_step(self) -> tuple[float, float]:
        """d_steps updates of D, then one of G. Returns (last D loss, G loss); raises TrainingDiverged."""
        c = self.config
        with self.lock:
            # (1) update D: minimise discriminator_loss (+ the gradient penalty for WGAN-GP)
            for _ in range(c.d_steps):
                real = self.sample_real(c.batch_size, self.rng)
                with torch.no_grad():
                    fake = self.generator(self._noise())
                d_loss = discriminator_loss(c.loss, self.discriminator(real), self.discriminator(fake))
                if c.loss == "wgan-gp":
                    epsilon = torch.rand(c.batch_size, 1, generator=self.rng)
                    d_loss = d_loss + c.gp_weight * gradient_penalty(self.discriminator, real, fake, epsilon)
                self._update(self.opt_d, self.discriminator, d_loss)
                if c.loss == "wgan":
                    with torch.no_grad():
                        for p in self.discriminator.parameters():
                            p.clamp_(-c.clip_value, c.clip_value)
            # (2) update G: minimise generator_loss on fresh noise
            g_loss = generator_loss(c.loss, self.discriminator(self.generator(self._noise())))
            self._update(self.opt_g, self.generator, g_loss)
            self.step += 1
        d_value, g_value = d_loss.detach().item(), g_loss.detach().item()
        if not (math.isfinite(d_value) and math.isfinite(g_value)):
            bad = "discriminator" if not math.isfinite(d_value) else "generator"
            raise TrainingDiverged(
                f"the {bad} loss became {d_value if bad[0] == 'd' else g_value} at step {self.step}"
            )
        self.losses.append((self.step, d_value, g_value))
        return d_value, g_value

    def steps(self, count: int, measure_every: int = 50) -> Iterator[tuple[float, float]]:
        """Train `count` steps, yielding (D loss, G loss) after each; measures MMD² every `measure_every`."""
        for _ in range(count):
            losses = self.train_step()
            if self.step % measure_every == 0:
                self.record_divergence()
            yield losses

    def record_divergence(self) -> float:
        value = self.measure()
        if not math.isfinite(value):
            raise TrainingDiverged(f"the generated points became non-finite at step {self.step}")
        if not self.divergence or self.divergence[-1][0] != self.step:
            self.divergence.append((self.step, value))
        return value

    @torch.no_grad()
    def measure(self) -> float:
        """MMD² between the fixed real sample and G's points for the fixed noise (lower = closer)."""
        return mmd2(self.eval_real, self.generator(self.eval_noise))

    def snapshot(
        self, grid_size: int = 72, arrow_count: int = 16
    ) -> dict[str, np.ndarray | str | int | None]:
        """What to draw: real and fake points, D's surface on a grid over the view, G's pull on some fakes.

        Returns real (N, 2), fake (N, 2), surface (grid_size, grid_size) in [0, 1] (row 0 = top),
        surface_label, arrow_starts and arrow_directions (A, 2): -∂(G loss)/∂x, where G wants to move them,
        and modes (covered count or None).
        """
        with self.lock, torch.no_grad():
            fake = self.generator(self.eval_noise)
            ticks = torch.linspace(-VIEW, VIEW, grid_size)
            ys, xs = torch.meshgrid(ticks.flip(0), ticks, indexing="ij")
            scores = self.discriminator(torch.stack([xs.flatten(), ys.flatten()], dim=1))
            surface, label = self._surface(scores.view(grid_size, grid_size))
            with torch.enable_grad():
                starts = fake[:arrow_count].clone().requires_grad_(True)
                g_loss = generator_loss(self.config.loss, self.discriminator(starts))
                (grad,) = torch.autograd.grad(g_loss, starts)
        fake_np = fake.numpy()
        return {
            "real": self.eval_real.numpy(),
            "fake": fake_np,
            "surface": surface.numpy(),
            "surface_label": label,
            "arrow_starts": starts.detach().numpy(),
            "arrow_directions": (-grad).numpy(),
            "modes": modes_covered(fake_np, self.config.target),
        }

    def _surface(self, scores: torch.Tensor) -> tuple[torch.Tensor, str]:
        if self.config.loss in ("minimax", "non-saturating"):
            return torch.sigmoid(scores), "D(x) = P(real), from 0 to 1"
        if self.config.loss == "lsgan":
            return scores.clamp(0, 1), "D(x) score, clipped to 0 (fake) to 1 (real)"
        low, high = scores.min(), scores.max()  # a critic's values have no fixed scale
        return (scores - low) / (
            high - low + 1e-12
        ), f"critic value, from {float(low):.3g} to {float(high):.3g}"
