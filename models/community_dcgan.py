"""The standard unconditional DCGAN generator (64×64) that community Hub repos publish.

Architecture from the DCGAN paper (Radford et al. 2015, https://arxiv.org/abs/1511.06434) in the
layout of the PyTorch DCGAN tutorial and the Hugging Face "HugGAN" sprint (e.g. huggan/dcgan-mnist):
config keys `num_channels`, `latent_dim`, `hidden_size`, and all layers in one nn.Sequential named
`model`, so the weights are `model.0.weight`, `model.1.weight`, … (ConvTranspose2d / BatchNorm2d /
ReLU blocks, Tanh at the end). No discriminator is published with these, and no labels.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import torch
import torch.nn as nn
from huggingface_hub import PyTorchModelHubMixin

from models.latent import LatentSliders, principal_directions, slerp


@dataclass
class DCGANConfig:
    num_channels: int = 3  # image channels: 3 for colour, 1 for grey
    latent_dim: int = 100  # size of the noise vector z
    hidden_size: int = 64  # channels of the last hidden layer (x2, x4, x8 for the earlier ones)

    @classmethod
    def from_dict(cls, values: dict | None) -> DCGANConfig:
        """Config from config.json contents; None (no config.json) gives the documented defaults."""
        if values is None:
            return cls()
        if not isinstance(values, dict):
            raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"config.json has keys the DCGAN generator does not use: {unknown}")
        limits = {"num_channels": (1, 4), "latent_dim": (1, 1024), "hidden_size": (4, 512)}
        for key, value in values.items():
            low, high = limits[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"config.json: {key}={value!r}, expected an integer in [{low}, {high}]")
        return cls(**values)


class DCGANGenerator(
    nn.Module,
    LatentSliders,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["gan", "dcgan", "unconditional-image-generation"],
    license="mit",
):
    """z (B, latent_dim) → image (B, num_channels, 64, 64) in [-1, 1]."""

    num_directions = 8  # principal latent directions computed on load (not stored in the repo)

    def __init__(self, config: DCGANConfig):
        super().__init__()
        if isinstance(config, dict):
            config = DCGANConfig.from_dict(config)
        self.config = config
        h, c = config.hidden_size, config.num_channels
        self.model = nn.Sequential(
            nn.ConvTranspose2d(config.latent_dim, h * 8, 4, 1, 0, bias=False),  # (B, 8h, 4, 4)
            nn.BatchNorm2d(h * 8),
            nn.ReLU(True),
            nn.ConvTranspose2d(h * 8, h * 4, 4, 2, 1, bias=False),  # (B, 4h, 8, 8)
            nn.BatchNorm2d(h * 4),
            nn.ReLU(True),
            nn.ConvTranspose2d(h * 4, h * 2, 4, 2, 1, bias=False),  # (B, 2h, 16, 16)
            nn.BatchNorm2d(h * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(h * 2, h, 4, 2, 1, bias=False),  # (B, h, 32, 32)
            nn.BatchNorm2d(h),
            nn.ReLU(True),
            nn.ConvTranspose2d(h, c, 4, 2, 1, bias=False),  # (B, c, 64, 64)
            nn.Tanh(),
        )
        # not part of the published weights: computed from them after loading (compute_directions)
        self.register_buffer("latent_directions", torch.zeros(0, config.latent_dim), persistent=False)
        self.register_buffer("direction_variance", torch.zeros(0), persistent=False)

    @property
    def device(self) -> torch.device:
        return self.model[0].weight.device

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.model(z.view(len(z), -1, 1, 1))

    @torch.inference_mode()
    def generate(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        """(B, latent_dim) → (B, C, 64, 64) on the CPU; labels are ignored (unconditional)."""
        self.eval()
        return self(z.to(self.device)).cpu()

    @torch.inference_mode()
    def sample(
        self, labels: torch.Tensor, generator: torch.Generator | None = None, truncation: float = 1.0
    ) -> torch.Tensor:
        """len(labels) random images (labels only set the count: this generator is unconditional)."""
        return self.generate(
            truncation * torch.randn(len(labels), self.config.latent_dim, generator=generator)
        )

    def interpolate(
        self, z_start: torch.Tensor, z_end: torch.Tensor, digit_start: int, digit_end: int, steps: int
    ) -> tuple[torch.Tensor, None]:
        """Frames from z_start to z_end (slerp); no realness: no discriminator is published."""
        return self.generate(slerp(z_start, z_end, torch.linspace(0, 1, steps)[:, None])), None

    @torch.inference_mode()
    def compute_directions(self, num_samples: int = 2048, seed: int = 0) -> None:
        """GANSpace directions from the first block's activations, stored in the (unsaved) buffers."""
        self.eval()
        z = torch.randn(num_samples, self.config.latent_dim, generator=torch.Generator().manual_seed(seed))
        activations = self.model[:3](z.view(num_samples, -1, 1, 1).to(self.device)).flatten(1).cpu()
        activations = activations - activations.mean(dim=0)
        directions, share = principal_directions(activations, z, self.num_directions)
        self.latent_directions = directions.to(self.device)
        self.direction_variance = share.to(self.device)
