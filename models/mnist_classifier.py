"""A small CNN that reads MNIST digits: the judge of the GAN tab's samples.

Two convolution blocks (3×3 conv, BatchNorm, ReLU, 2×2 max-pool) and a dense layer, in the
spirit of the Keras MNIST example (https://keras.io/examples/vision/mnist_convnet/) with
BatchNorm (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167). Its penultimate activations
are the feature space of our Fréchet distance (FID, Heusel et al. 2017,
https://arxiv.org/abs/1706.08500), standing in for Inception features, which do not suit 28×28 digits.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import torch
import torch.nn as nn
from huggingface_hub import PyTorchModelHubMixin


@dataclass
class ClassifierConfig:
    num_classes: int = 10  # digits 0-9
    image_size: int = 28  # input is (1, image_size, image_size); two 2× poolings assume 28
    width: int = 32  # channels of the first conv block (2× in the second)
    feature_dim: int = 128  # size of the penultimate layer, the FID feature space
    dropout: float = 0.3  # dropout before the last linear layer (training only)

    @classmethod
    def from_dict(cls, values: dict) -> ClassifierConfig:
        """Build a config from config.json contents; unknown keys raise ValueError."""
        if not isinstance(values, dict):
            raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"config.json has keys this classifier does not use: {unknown}")
        config = cls(**values)
        if config.image_size != 28:
            raise ValueError(f"config.json: image_size={config.image_size!r}, only 28 is supported")
        return config


class MnistClassifier(
    nn.Module,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["image-classification", "mnist", "cnn", "fid-features"],
    license="mit",
):
    """Image (B, 1, 28, 28) in [-1, 1] → digit logits (B, num_classes)."""

    def __init__(self, config: ClassifierConfig):
        super().__init__()
        if isinstance(config, dict):  # PyTorchModelHubMixin passes config.json as a dict
            config = ClassifierConfig.from_dict(config)
        self.config = config
        width = config.width
        self.body = nn.Sequential(
            nn.Conv2d(1, width, 3, padding=1, bias=False),  # (B, w, 28, 28)
            nn.BatchNorm2d(width),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),  # (B, w, 14, 14)
            nn.Conv2d(width, 2 * width, 3, padding=1, bias=False),  # (B, 2w, 14, 14)
            nn.BatchNorm2d(2 * width),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),  # (B, 2w, 7, 7)
            nn.Flatten(),  # (B, 2w·7·7)
            nn.Linear(2 * width * 7 * 7, config.feature_dim, bias=False),  # (B, F)
            nn.BatchNorm1d(config.feature_dim),
            nn.ReLU(inplace=True),
        )
        self.head = nn.Sequential(
            nn.Dropout(config.dropout), nn.Linear(config.feature_dim, config.num_classes)
        )

    @property
    def device(self) -> torch.device:
        return self.head[1].weight.device

    def features(self, images: torch.Tensor) -> torch.Tensor:
        """(B, 1, 28, 28) in [-1, 1] → penultimate activations (B, feature_dim)."""
        return self.body(images)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.head(self.features(images))  # (B, num_classes)

    @torch.inference_mode()
    def predict(self, images: torch.Tensor, batch_size: int = 1000) -> torch.Tensor:
        """Predicted digits (N,) on the CPU, in eval mode, batch by batch."""
        self.eval()
        preds = [
            self(images[i : i + batch_size].to(self.device)).argmax(1).cpu()
            for i in range(0, len(images), batch_size)
        ]
        return torch.cat(preds) if preds else torch.zeros(0, dtype=torch.long)
