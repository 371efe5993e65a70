"""Latent-space tools shared by the generators: seeds, slider composition, GANSpace directions, slerp."""

from __future__ import annotations

import torch


class ConditionalSampling:
    """Mixin for conditional GANs with `generator(z, labels)`, `discriminator(images, labels)`, `device`
    and `config.latent_dim`: drawing digits and asking D, the same way for every architecture."""

    @torch.inference_mode()
    def generate(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """(B, latent_dim), (B,) → images (B, 1, 28, 28) in [-1, 1], with the generator in eval mode."""
        self.generator.eval()
        return self.generator(z.to(self.device), labels.to(self.device)).cpu()

    @torch.inference_mode()
    def sample(
        self, labels: torch.Tensor, generator: torch.Generator | None = None, truncation: float = 1.0
    ) -> torch.Tensor:
        """Random images of the given digits: z ~ N(0, I)·ψ drawn on the CPU from `generator`."""
        z = truncation * torch.randn(len(labels), self.config.latent_dim, generator=generator)
        return self.generate(z, labels)

    @torch.inference_mode()
    def realness(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """The discriminator's verdict squashed to (0, 1): sigmoid of its logits, (B,) or (B, steps)."""
        self.discriminator.eval()
        logits = self.discriminator(images.to(self.device), labels.to(self.device))
        return torch.sigmoid(logits).cpu()


class LatentSliders:
    """Mixin for generators with `config.latent_dim` and a `latent_directions` buffer (K, latent_dim)."""

    def compose_latent(
        self,
        seed: int,
        truncation: float = 1.0,
        direction_weights: list[float] | None = None,
        raw_offsets: dict[int, float] | None = None,
    ) -> torch.Tensor:
        """z = ψ·z_seed + Σ_k a_k·u_k, then raw dims shifted: the latent the GAN tab's sliders describe."""
        return compose_latent(
            seed, self.config.latent_dim, self.latent_directions, truncation, direction_weights, raw_offsets
        )


def seed_latent(seed: int, latent_dim: int) -> torch.Tensor:
    """The noise vector z (latent_dim,) of a seed, identical on every device."""
    return torch.randn(latent_dim, generator=torch.Generator().manual_seed(seed))


def compose_latent(
    seed: int,
    latent_dim: int,
    directions: torch.Tensor,
    truncation: float = 1.0,
    direction_weights: list[float] | None = None,
    raw_offsets: dict[int, float] | None = None,
) -> torch.Tensor:
    """z = ψ·z_seed + Σ_k a_k·u_k, then raw dims shifted: the latent the GAN tab's sliders describe."""
    z = truncation * seed_latent(seed, latent_dim)
    for weight, direction in zip(direction_weights or [], directions.cpu()):
        z = z + weight * direction
    for dim, offset in (raw_offsets or {}).items():
        z[dim] = z[dim] + offset
    return z


def principal_directions(
    activations: torch.Tensor, z: torch.Tensor, num_directions: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """GANSpace: principal axes of (centred) activations (N, D), regressed back onto the latents z (N, L).

    Returns unit directions (K, L), strongest first, and the share of variance each explains (K,).
    """
    activations = activations.double()
    # leading principal axes by randomized SVD (a full SVD of (N, D) is slow on a CPU)
    _, singular, components = torch.pca_lowrank(activations, q=num_directions + 10, center=False, niter=4)
    coords = activations @ components[:, :num_directions]  # (N, K) PCA coordinates
    coords = coords / coords.std(dim=0)
    # least squares: coords @ U ≈ z, so row k of U is the latent step of one std along component k
    directions = torch.linalg.lstsq(coords, z.double()).solution  # (K, L)
    directions = directions / directions.norm(dim=1, keepdim=True)
    share = singular[:num_directions].square() / activations.square().sum()
    return directions.float(), share.float()


def slerp(a: torch.Tensor, b: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """Spherical interpolation between latents a, b (D,) at fractions t (S, 1) → (S, D)."""
    cos = torch.dot(a, b) / (a.norm() * b.norm()).clamp_min(1e-8)
    omega = torch.arccos(cos.clamp(-1, 1))
    if omega.abs() < 1e-4:  # nearly parallel: linear is exact enough
        return (1 - t) * a + t * b
    return (torch.sin((1 - t) * omega) * a + torch.sin(t * omega) * b) / torch.sin(omega)
