"""A tiny character-level LSTM trained live on a short text, to watch babble turn into words.

LSTM: Hochreiter & Schmidhuber 1997 (https://doi.org/10.1162/neco.1997.9.8.1735) with the forget gate of
Gers et al. 2000; character-level language modelling as in Karpathy's char-rnn. Training reads random
windows of the text through nn.LSTM; sampling steps the same weights one character at a time with the
explicit gate equations (one oneDNN LSTM call per character is ~10× slower on this CPU, see GRADIO6.md).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F

from models.lstm_equations import lstm_cell


@dataclass(frozen=True)
class TinyLSTMConfig:
    hidden_size: int = 128  # LSTM units (size of h and c)
    embedding_dim: int = 32  # size of each character's learned input vector
    seq_len: int = 64  # characters per training window (backpropagation through time)
    batch_size: int = 32  # windows per update
    lr: float = 3e-3  # Adam learning rate
    seed: int = 0


class TinyCharLSTM(nn.Module):
    """Embedding → one LSTM layer → linear: next-character logits over the text's own alphabet."""

    def __init__(self, vocab: str, config: TinyLSTMConfig, generator: torch.Generator):
        super().__init__()
        self.vocab, self.config = vocab, config
        self.embed = nn.Embedding(len(vocab), config.embedding_dim)
        self.lstm = nn.LSTM(config.embedding_dim, config.hidden_size, batch_first=True)
        self.head = nn.Linear(config.hidden_size, len(vocab))
        for name, p in self.named_parameters():  # PyTorch's default ranges, drawn from our generator
            if name.startswith("embed"):
                nn.init.normal_(p, 0.0, 1.0, generator=generator)
            else:  # the LSTM's and the head's fan-in is hidden_size
                bound = 1 / math.sqrt(config.hidden_size)
                nn.init.uniform_(p, -bound, bound, generator=generator)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids (B, T) → logits (B, T, V)."""
        hidden, _ = self.lstm(self.embed(ids))  # (B, T, H)
        return self.head(hidden)

    @torch.no_grad()
    def sample(self, start: int, length: int, temperature: float, generator: torch.Generator) -> str:
        """`length` characters after the character `start`, sampled at `temperature`."""
        h = c = torch.zeros(1, self.config.hidden_size)
        index, out = start, []
        for _ in range(length):
            *_, c, h = lstm_cell(self.lstm, 0, self.embed.weight[index][None], h, c)
            probs = F.softmax(self.head(h[0]) / temperature, dim=-1)
            index = int(torch.multinomial(probs, 1, generator=generator))
            out.append(self.vocab[index])
        return "".join(out)


class TrainingDiverged(RuntimeError):
    """The loss became NaN or infinite."""


class TinyLSTMTrainer:
    """The model, its optimiser, the encoded text and the loss history; `steps()` trains one update per item."""

    def __init__(self, text: str, config: TinyLSTMConfig):
        if len(text) < 2:
            raise ValueError("the text needs at least 2 characters")
        self.config = config
        self.vocab = "".join(sorted(set(text)))
        self.ids = torch.tensor([self.vocab.index(ch) for ch in text])
        self.window = min(config.seq_len, len(text) - 1)
        self.rng = torch.Generator().manual_seed(config.seed)
        self.model = TinyCharLSTM(self.vocab, config, self.rng)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=config.lr)
        self.step = 0
        self.losses: list[tuple[int, float]] = []  # (step, cross-entropy in nats per character)
        self.lock = threading.Lock()

    def _batch(self) -> tuple[torch.Tensor, torch.Tensor]:
        starts = torch.randint(len(self.ids) - self.window, (self.config.batch_size,), generator=self.rng)
        windows = torch.stack([self.ids[s : s + self.window + 1] for s in starts.tolist()])  # (B, T+1)
        return windows[:, :-1], windows[:, 1:]

    def train_step(self) -> float:
        with self.lock:
            inputs, targets = self._batch()
            logits = self.model(inputs)  # (B, T, V)
            loss = F.cross_entropy(logits.reshape(-1, len(self.vocab)), targets.reshape(-1))
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)  # the usual guard against exploding BPTT
            self.optimizer.step()
            self.step += 1
        value = loss.detach().item()
        if not math.isfinite(value):
            raise TrainingDiverged(f"the loss became {value} at step {self.step}")
        self.losses.append((self.step, value))
        return value

    def steps(self, count: int) -> Iterator[float]:
        for _ in range(count):
            yield self.train_step()

    def sample(self, length: int = 200, temperature: float = 0.8, seed: int = 0) -> str:
        """A sample starting after the text's first character (same seed → same sample for these weights)."""
        with self.lock:
            generator = torch.Generator().manual_seed(seed)
            first = int(self.ids[0])
            return self.vocab[first] + self.model.sample(first, length, temperature, generator)
