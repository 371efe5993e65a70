"""Recurrent conditional GAN for 28×28 digits: an LSTM that writes a digit one 28-pixel row per step.

The RCGAN idea (Esteban, Hyland & Rätsch 2017, https://arxiv.org/abs/1706.02633, which also
generated MNIST as sequences of rows): the generator is an LSTM whose input at every step is the
noise vector z, an embedding of the digit label, an embedding of the row's position and (when
`feed_previous_row`) the row it has just written; a linear read-out of its hidden state, squashed
by tanh, is the next row; with `latent_to_state` the LSTM's initial state is also a linear map of
z and the label, so z cannot be ignored. The discriminator is either the spectrally normalised projection CNN of
models/dcgan.py (it sees the finished image) or an LSTM reading the rows and giving a verdict after
each one (Miyato & Koyama 2018, https://arxiv.org/abs/1802.05637, for the projection head); the CNN
can add ProGAN's minibatch standard deviation (`minibatch_std`).
`trace` replays the generator with the explicit gate equations of models/lstm_equations.py.
"""

from __future__ import annotations

import math
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
    latent_to_state: bool = False  # the LSTM's initial h and c come from z and the label (a linear map)
    minibatch_std: int = 0  # CNN D: group size of the minibatch standard-deviation feature (0: none)

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
            "minibatch_std": (0, 64),
        }
        for key, value in values.items():
            if key in ("feed_previous_row", "latent_to_state"):
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
        if config.latent_to_state:  # [z; label] → (h_0, c_0) of every layer: z cannot be ignored
            self.to_state = nn.Linear(config.latent_dim + emb, 2 * config.num_layers * config.hidden_size)

    def context(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        """The part of every step's input that does not depend on earlier rows: (B, T, latent + 2·emb)."""
        batch, size = len(z), self.config.image_size
        rows = self.row_embedding.weight.unsqueeze(0).expand(batch, size, -1)  # (B, T, emb)
        per_image = torch.cat([z, self.label_embedding(labels)], dim=1)  # (B, latent + emb)
        return torch.cat([per_image.unsqueeze(1).expand(-1, size, -1), rows], dim=2)

    def initial_state(
        self, z: torch.Tensor, labels: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor] | None:
        """(h_0, c_0), each (layers, B, H), from z and the label; None (zeros) without `latent_to_state`."""
        if not self.config.latent_to_state:
            return None
        state = self.to_state(torch.cat([z, self.label_embedding(labels)], dim=1))  # (B, 2·L·H)
        h, c = state.view(len(z), 2, self.config.num_layers, self.config.hidden_size).permute(1, 2, 0, 3)
        return torch.tanh(h).contiguous(), c.contiguous()  # h in (−1, 1), like every later h_t

    def first_row(self, batch: int, device: torch.device) -> torch.Tensor:
        """The 'previous row' of row 0: background (all −1), (B, 28)."""
        return torch.full((batch, self.config.image_size), -1.0, device=device)

    def forward(self, z: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        context, state = self.context(z, labels), self.initial_state(z, labels)  # (B, T, C)
        if not self.config.feed_previous_row:  # every input known up front: one fused LSTM call
            hidden, _ = self.lstm(context, state)  # (B, T, H)
            return torch.tanh(self.to_row(hidden)).unsqueeze(1)  # (B, 1, T, 28)
        row, rows = self.first_row(len(z), z.device), []
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


class MinibatchStdDiscriminator(ConvDiscriminator):
    """The projection CNN plus ProGAN's minibatch standard deviation (Karras et al. 2018,
    https://arxiv.org/abs/1710.10196): the spread of D's last feature maps over a group of images is
    one more feature, so a batch of near-identical fakes looks fake. Groups are consecutive images."""

    def __init__(self, config: GANConfig, group_size: int):
        super().__init__(config)
        self.group_size = group_size
        self.linear = spectral_norm(nn.Linear(4 * config.discriminator_width + 1, 1))

    def group_std(self, maps: torch.Tensor) -> torch.Tensor:
        """(B, C, H, W) → (B, 1): the std over each group of images, averaged over channels and positions."""
        group = math.gcd(len(maps), self.group_size)  # a lone image (the app asking D) has spread 0
        grouped = maps.view(-1, group, *maps.shape[1:])  # (B/G, G, C, H, W)
        spread = (grouped.var(dim=1, unbiased=False) + 1e-8).sqrt().mean(dim=(1, 2, 3))  # (B/G,)
        return spread.repeat_interleave(group).unsqueeze(1)

    def forward(self, images: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        maps = self.body(images)  # (B, 4w, 4, 4)
        features = maps.sum(dim=(2, 3))  # (B, 4w)
        projection = (self.embed(labels) * features).sum(dim=1, keepdim=True)
        return (self.linear(torch.cat([features, self.group_std(maps)], dim=1)) + projection).squeeze(1)


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
            self.discriminator = (
                MinibatchStdDiscriminator(cnn, config.minibatch_std)
                if config.minibatch_std
                else ConvDiscriminator(cnn)
            )
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
        z, label = z.to(self.device).unsqueeze(0), torch.tensor([digit], device=self.device)
        context = gen.context(z, label)  # (1, T, C)
        if self.config.feed_previous_row or self.config.latent_to_state:
            return self._trace_steps(context[0], gen.initial_state(z, label))
        per_layer = lstm_layers(gen.lstm, context[0])  # every input known up front: layer by layer
        traced = {
            f"{key}{layer}": v.cpu() for layer, values in enumerate(per_layer) for key, v in values.items()
        }
        return traced | {"rows": torch.tanh(gen.to_row(per_layer[-1]["h"])).cpu()}

    def _trace_steps(self, context: torch.Tensor, state: tuple | None) -> dict[str, torch.Tensor]:
        """`trace` one step of every layer at a time (lstm_cell): when each row is fed back in, or
        the state starts from z (state: (h_0, c_0), each (layers, 1, H); None: zeros)."""
        gen, config = self.generator, self.config
        zeros = torch.zeros(1, config.hidden_size, device=self.device)
        h, c = [zeros] * config.num_layers, [zeros] * config.num_layers
        if state is not None:
            h, c = list(state[0]), list(state[1])
        row, steps = gen.first_row(1, self.device), []
        for t in range(config.image_size):
            x = torch.cat([row, context[t : t + 1]], 1) if config.feed_previous_row else context[t : t + 1]
            values = {}
            for layer in range(config.num_layers):
                i, f, g, o, c[layer], h[layer] = lstm_cell(gen.lstm, layer, x, h[layer], c[layer])
                values |= dict(zip([f"{k}{layer}" for k in "ifgoch"], (i, f, g, o, c[layer], h[layer])))
                x = h[layer]
            row = torch.tanh(gen.to_row(x))
            steps.append(values | {"rows": row})
        return {key: torch.cat([s[key] for s in steps]).cpu() for key in steps[0]}
