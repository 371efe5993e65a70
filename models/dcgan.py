"""Class-conditional DCGAN for 28×28 digits.

Generator: DCGAN (Radford et al. 2015, https://arxiv.org/abs/1511.06434) fed with the noise
vector and a one-hot digit. Discriminator: spectrally normalised convolutions (Miyato et al.
2018, https://arxiv.org/abs/1802.05957) with a projection head for the label (Miyato & Koyama
2018, https://arxiv.org/abs/1802.05637), trained with the hinge loss. The shipped generator is
an exponential moving average of the trained one. Principal latent directions (GANSpace,
Härkönen et al. 2020, https://arxiv.org/abs/2004.02546) travel with the weights as buffers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import torch
import torch.nn as nn
import torch.nn.functional as F
from huggingface_hub import PyTorchModelHubMixin
from torch.nn.utils.parametrizations import spectral_norm

from models.latent import ConditionalSampling, LatentSliders, principal_directions, slerp


@dataclass
class GANConfig:
    latent_dim: int = 64  # size of the noise vector z
    num_classes: int = 10  # digits 0-9
    image_size: int = 28  # output is (1, image_size, image_size); the layer stack assumes 28
    generator_width: int = 64  # channels of G's last hidden layer (x2, x4 for the earlier ones)
    discriminator_width: int = 64  # channels of D's first layer (x2, x4 for the later ones)
    num_directions: int = 8  # principal latent directions stored with the weights

    @classmethod
    def from_dict(cls, values: dict) -> GANConfig:
        """Build a config from config.json contents; unknown keys or bad values raise ValueError."""
        if not isinstance(values, dict):
            raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"config.json has keys this GAN does not use: {unknown}")
        limits = {
            "latent_dim": (2, 1024),
            "num_classes": (1, 1000),
            "image_size": (28, 28),
            "generator_width": (4, 1024),
            "discriminator_width": (4, 1024),
            "num_directions": (0, 64),
        }
        for key, value in values.items():
            low, high = limits[key]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"config.json: {key}={value!r}, expected an integer in [{low}, {high}]")
        config = cls(**values)
        if config.num_directions > config.latent_dim:
            raise ValueError("config.json: num_directions cannot exceed latent_dim")
        return config


class Generator(nn.Module):
    """(z, digit) → image in [-1, 1]."""

    def __init__(self, config: GANConfig):
        super().__init__()
        self.config = config
        width = config.generator_width
        self.project = nn.Sequential(  # (B, latent + classes) → (B, 4w·7·7)
            nn.Linear(config.latent_dim + config.num_classes, 4 * width * 7 * 7, bias=False),
            nn.Unflatten(1, (4 * width, 7, 7)),
            nn.BatchNorm2d(4 * width),
            nn.ReLU(inplace=True),
        )
        self.upsample = nn.Sequential(
            nn.ConvTranspose2d(4 * width, 2 * width, 4, 2, 1, bias=False),  # (B, 2w, 14, 14)
            nn.BatchNorm2d(2 * width),
            nn.ReLU(inplace=True),
            nn.ConvTranspose2d(2 * width, width, 4, 2, 1, bias=False),  # (B, w, 28, 28)
            nn.BatchNorm2d(width),
            nn.ReLU(inplace=True),
            nn.Conv2d(width, 1, 3, 1, 1),  # (B, 1, 28, 28)
            nn.Tanh(),
        )

    def features(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """First-layer activations (B, 4w, 7, 7): where GANSpace looks for principal directions.

        labels: digits (B,) or a soft mix of them (B, num_classes) for morphing one digit into another.
        """
        if labels.is_floating_point():
            onehot = labels.to(z.dtype)
        else:
            onehot = F.one_hot(labels, self.config.num_classes).to(z.dtype)
        return self.project(torch.cat([z, onehot], dim=1))

    def forward(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return self.upsample(self.features(z, labels))


class Discriminator(nn.Module):
    """(image, digit) → one real-vs-fake logit per image (higher = more real)."""

    def __init__(self, config: GANConfig):
        super().__init__()
        width = config.discriminator_width
        self.body = nn.Sequential(
            spectral_norm(nn.Conv2d(1, width, 4, 2, 1)),  # (B, w, 14, 14)
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(width, 2 * width, 4, 2, 1)),  # (B, 2w, 7, 7)
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(2 * width, 4 * width, 3, 2, 1)),  # (B, 4w, 4, 4)
            nn.LeakyReLU(0.2, inplace=True),
        )
        self.linear = spectral_norm(nn.Linear(4 * width, 1))
        self.embed = spectral_norm(nn.Embedding(config.num_classes, 4 * width))  # projection head

    def forward(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        features = self.body(images).sum(dim=(2, 3))  # (B, 4w)
        if labels.is_floating_point():  # soft labels (B, classes): mix the class embeddings
            class_vectors = labels.to(features.dtype) @ self.embed.weight
        else:
            class_vectors = self.embed(labels)
        projection = (class_vectors * features).sum(dim=1, keepdim=True)
        return (self.linear(features) + projection).squeeze(1)  # (B,)


class ConditionalGAN(
    nn.Module,
    LatentSliders,
    ConditionalSampling,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["gan", "dcgan", "conditional-gan", "mnist", "image-generation"],
    license="mit",
):
    """Generator, discriminator and the generator's principal latent directions, saved together."""

    def __init__(self, config: GANConfig):
        super().__init__()
        if isinstance(config, dict):  # PyTorchModelHubMixin passes config.json as a dict
            config = GANConfig.from_dict(config)
        self.config = config
        self.generator = Generator(config)
        self.discriminator = Discriminator(config)
        # rows: unit-length latent directions, strongest first; variance: share of variance each explains
        self.register_buffer("latent_directions", torch.zeros(config.num_directions, config.latent_dim))
        self.register_buffer("direction_variance", torch.zeros(config.num_directions))

    @property
    def device(self) -> torch.device:
        return self.latent_directions.device

    def interpolate(
        self, z_start: torch.Tensor, z_end: torch.Tensor, digit_start: int, digit_end: int, steps: int
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Frames from (z_start, digit_start) to (z_end, digit_end): slerp on z, a linear mix of labels.

        Returns images (steps, 1, 28, 28) and the discriminator's realness of each frame (steps,).
        """
        t = torch.linspace(0, 1, steps).unsqueeze(1)  # (steps, 1)
        z = slerp(z_start, z_end, t)
        eye = torch.eye(self.config.num_classes)
        labels = (1 - t) * eye[digit_start] + t * eye[digit_end]  # (steps, classes)
        images = self.generate(z, labels)
        return images, self.realness(images, labels)


@torch.inference_mode()
def compute_latent_directions(
    generator: Generator, num_directions: int, num_samples: int = 4096, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """GANSpace: PCA of G's first-layer activations (within each digit), regressed back onto z.

    Returns unit directions (K, latent_dim) and the share of within-digit variance each explains (K,).
    """
    config = generator.config
    device = next(generator.parameters()).device
    rng = torch.Generator().manual_seed(seed)
    z = torch.randn(num_samples, config.latent_dim, generator=rng)
    labels = torch.arange(num_samples) % config.num_classes
    generator.eval()
    activations = generator.features(z.to(device), labels.to(device)).flatten(1).cpu().double()  # (N, D)
    for digit in range(config.num_classes):  # remove the digit's mean: keep only style variation
        rows = labels == digit
        activations[rows] -= activations[rows].mean(dim=0)
    return principal_directions(activations, z, num_directions)
