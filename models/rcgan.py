"""Recurrent conditional GAN for 28×28 digits: an LSTM that writes a digit one 28-pixel row per step.

The RCGAN idea (Esteban, Hyland & Rätsch 2017, https://arxiv.org/abs/1706.02633, which also
generated MNIST as sequences of rows): the generator is an LSTM whose input at every step is the
noise vector z, an embedding of the digit label, an embedding of the row's position and (when
`feed_previous_row`) the row it has just written; a linear read-out of its hidden state, squashed
by tanh, is the next row. The discriminator is either the spectrally normalised projection CNN of
models/dcgan.py (it sees the finished image) or an LSTM reading the rows and giving a verdict after
each one (Miyato & Koyama 2018, https://arxiv.org/abs/1802.05637, for the projection head).
`trace` replays the generator with the explicit gate equations of models/lstm_equations.py.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import torch
import torch.nn as nn
from huggingface_hub import PyTorchModelHubMixin
from torch.nn.utils.parametrizations import spectral_norm

from models.dcgan import Discriminator as ConvDiscriminator
from models.dcgan import GANConfig
from models.latent import ConditionalSampling, seed_latent
from models.lstm_equations import lstm_cell, lstm_layers

DISCRIMINATORS = ("cnn", "lstm")


@dataclass
class RCGANConfig:
    latent_dim: int = 64  # size of the noise vector z, fed to the LSTM at every row
    num_classes: int = 10  # digits 0-9
    image_size: int = 28  # rows per digit = pixels per row
    hidden_size: int = 256  # LSTM state size of the generator
    num_layers: int = 1  # stacked LSTM layers of the generator
    embedding_dim: int = 16  # size of the label embedding and of the row-position embedding
    feed_previous_row: bool = True  # autoregressive: the row just written is part of the next input
    discriminator: str = "cnn"  # "cnn": projection CNN on the whole image; "lstm": a verdict per row
    discriminator_width: int = 64  # CNN channels of D's first layer, or the LSTM state size of D

    @classmethod
    def from_dict(cls, values: dict) -> RCGANConfig:
        """Build a config from config.json contents; unknown keys or bad values raise ValueError."""
        if not isinstance(values, dict):
            raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"config.json has keys this GAN does not use: {unknown}")
        limits = {
            "latent_dim": (2, 1024),
            "num_classes": (1, 1000),
            "image_size": (28, 28),
            "hidden_size": (4, 2048),
            "num_layers": (1, 4),
            "embedding_dim": (1, 256),
            "discriminator_width": (4, 1024),
        }
        for key, value in values.items():
            if key == "feed_previous_row":
                if not isinstance(value, bool):
                    raise ValueError(f"config.json: {key}={value!r}, expected true or false")
            elif key == "discriminator":
                if value not in DISCRIMINATORS:
                    raise ValueError(f"config.json: {key}={value!r}, expected one of {DISCRIMINATORS}")
            else:
                low, high = limits[key]
                if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                    raise ValueError(f"config.json: {key}={value!r}, expected an integer in [{low}, {high}]")
        return cls(**values)


class RowGenerator(nn.Module):
    """(z, digit) → image in [-1, 1], written by an LSTM one row per step, top to bottom."""

    def __init__(self, config: RCGANConfig):
        super().__init__()
        self.config = config
        size, emb = config.image_size, config.embedding_dim
        self.label_embedding = nn.Embedding(config.num_classes, emb)
        self.row_embedding = nn.Embedding(size, emb)  # which row is being written
        input_size = config.latent_dim + 2 * emb + (size if config.feed_previous_row else 0)
        self.lstm = nn.LSTM(input_size, config.hidden_size, config.num_layers, batch_first=True)
        self.to_row = nn.Linear(config.hidden_size, size)  # h_t → the 28 pixels of row t

    def context(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """The part of every step's input that does not depend on earlier rows: (B, T, latent + 2·emb)."""
        batch, size = len(z), self.config.image_size
        rows = self.row_embedding.weight.unsqueeze(0).expand(batch, size, -1)  # (B, T, emb)
        per_image = torch.cat([z, self.label_embedding(labels)], dim=1)  # (B, latent + emb)
        return torch.cat([per_image.unsqueeze(1).expand(-1, size, -1), rows], dim=2)

    def first_row(self, batch: int, device: torch.device) -> torch.Tensor:
        """The 'previous row' of row 0: background (all −1), (B, 28)."""
        return torch.full((batch, self.config.image_size), -1.0, device=device)

    def forward(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        context = self.context(z, labels)  # (B, T, C)
        if not self.config.feed_previous_row:  # every input known up front: one fused LSTM call
            hidden, _ = self.lstm(context)  # (B, T, H)
            return torch.tanh(self.to_row(hidden)).unsqueeze(1)  # (B, 1, T, 28)
        row, state, rows = self.first_row(len(z), z.device), None, []
        for t in range(self.config.image_size):
            step = torch.cat([row, context[:, t]], dim=1).unsqueeze(1)  # (B, 1, 28 + C)
            hidden, state = self.lstm(step, state)  # (B, 1, H)
            row = torch.tanh(self.to_row(hidden[:, 0]))  # (B, 28)
            rows.append(row)
        return torch.stack(rows, dim=1).unsqueeze(1)  # (B, 1, T, 28)


class RowDiscriminator(nn.Module):
    """(image, digit) → a real-vs-fake logit after each row (B, T): an LSTM reading rows top to bottom."""

    def __init__(self, config: RCGANConfig):
        super().__init__()
        width = config.discriminator_width
        self.lstm = nn.LSTM(config.image_size, width, batch_first=True)
        self.linear = spectral_norm(nn.Linear(width, 1))
        self.embed = spectral_norm(nn.Embedding(config.num_classes, width))  # projection head

    def forward(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        hidden, _ = self.lstm(images[:, 0])  # (B, T, width)
        projection = (self.embed(labels).unsqueeze(1) * hidden).sum(dim=2)  # (B, T)
        return self.linear(hidden).squeeze(2) + projection


class RecurrentGAN(
    nn.Module,
    ConditionalSampling,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["gan", "rcgan", "lstm", "conditional-gan", "mnist", "image-generation"],
    license="mit",
):
    """The row-writing LSTM generator and the discriminator it was trained against, saved together."""

    def __init__(self, config: RCGANConfig):
        super().__init__()
        if isinstance(config, dict):  # PyTorchModelHubMixin passes config.json as a dict
            config = RCGANConfig.from_dict(config)
        self.config = config
        self.generator = RowGenerator(config)
        if config.discriminator == "cnn":
            cnn = GANConfig(num_classes=config.num_classes, discriminator_width=config.discriminator_width)
            self.discriminator = ConvDiscriminator(cnn)
        else:
            self.discriminator = RowDiscriminator(config)

    @property
    def device(self) -> torch.device:
        return self.generator.to_row.weight.device

    def latent(self, seed: int, truncation: float = 1.0) -> torch.Tensor:
        """The noise vector of a seed, (latent_dim,): the same z as the DCGAN's for that seed (models/latent.py)."""
        return truncation * seed_latent(seed, self.config.latent_dim)

    @torch.inference_mode()
    def trace(self, z: torch.Tensor, digit: int) -> dict[str, torch.Tensor]:
        """Replay the generator for one z (latent_dim,) with the explicit LSTM equations, row by row.

        Returns "rows" (T, 28) in [-1, 1] and, for every layer l, "i{l}", "f{l}", "g{l}", "o{l}",
        "c{l}", "h{l}", each (T, hidden_size): the gates, cell state and output while writing row t.
        """
        gen = self.generator.eval()
        z = z.to(self.device).unsqueeze(0)
        context = gen.context(z, torch.tensor([digit], device=self.device))  # (1, T, C)
        if self.config.feed_previous_row:
            return self._trace_autoregressive(context[0])
        per_layer = lstm_layers(gen.lstm, context[0])  # every input known up front: layer by layer
        traced = {
            f"{key}{layer}": v.cpu() for layer, values in enumerate(per_layer) for key, v in values.items()
        }
        return traced | {"rows": torch.tanh(gen.to_row(per_layer[-1]["h"])).cpu()}

    def _trace_autoregressive(self, context: torch.Tensor) -> dict[str, torch.Tensor]:
        """`trace` when each row is fed back in: one step of every layer at a time (lstm_cell)."""
        gen, config = self.generator, self.config
        zeros = torch.zeros(1, config.hidden_size, device=self.device)
        h, c = [zeros] * config.num_layers, [zeros] * config.num_layers
        row, steps = gen.first_row(1, self.device), []
        for t in range(config.image_size):
            x = torch.cat([row, context[t : t + 1]], 1)
            values = {}
            for layer in range(config.num_layers):
                i, f, g, o, c[layer], h[layer] = lstm_cell(gen.lstm, layer, x, h[layer], c[layer])
                values |= dict(zip([f"{k}{layer}" for k in "ifgoch"], (i, f, g, o, c[layer], h[layer])))
                x = h[layer]
            row = torch.tanh(gen.to_row(x))
            steps.append(values | {"rows": row})
        return {key: torch.cat([s[key] for s in steps]).cpu() for key in steps[0]}
