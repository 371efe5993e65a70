"""Left-to-right LSTM sequence classifiers: sentence sentiment (words) and name language (characters).

LSTM: Hochreiter & Schmidhuber 1997 (https://doi.org/10.1162/neco.1997.9.8.1735). Both models read
their input once, left to right, and a linear head reads the state after *every* prefix: the LSTM's
h_t joined with a running max over h_1..h_t (max-pooling as in Conneau et al. 2017,
https://arxiv.org/abs/1705.02364, but causal, so step t never sees a later token). Training puts a
loss on every prefix, so `trace` is the model's honest belief after each token, and the verdict of
`classify` is, by construction, the trace's last step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

import torch
import torch.nn as nn
from huggingface_hub import PyTorchModelHubMixin

from models.lstm_equations import lstm_layers

PAD, UNK = "<pad>", "<unk>"  # word vocabulary entries 0 and 1
# SST-style clitics: "don't" → "do n't", "it's" → "it 's"; then words (inner - and ' kept), then symbols
_NEGATION = re.compile(r"(\w)n't\b")
_CLITIC = re.compile(r"(\w)'(s|re|ve|ll|d|m)\b")
_TOKEN = re.compile(r"n't|'(?:s|re|ve|ll|d|m)\b|\w+(?:[-']\w+)*|\.\.\.|--|\S")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


def tokenize_words(text: str) -> list[str]:
    """Lowercase and split like SST: 'Don't stop!' → ['do', "n't", 'stop', '!']."""
    text = text.translate(_QUOTES).lower()
    text = _CLITIC.sub(r"\1 '\2", _NEGATION.sub(r"\1 n't", text))
    return _TOKEN.findall(text)


def _check_int(values: dict, defaults: object, key: str, low: int, high: int) -> None:
    value = values.get(key, getattr(defaults, key))
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"config.json: {key}={value!r}, expected an integer in [{low}, {high}]")


def _check_common(cls: type, values: dict, max_len_key: str) -> None:
    """Shared validation of both configs; raises ValueError naming the bad key."""
    if not isinstance(values, dict):
        raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
    unknown = sorted(set(values) - {f.name for f in fields(cls)})
    if unknown:
        raise ValueError(f"config.json has keys this {cls.__name__} does not use: {unknown}")
    defaults = cls()
    limits = {
        "embedding_dim": (1, 4096),
        "hidden_size": (1, 8192),
        "num_layers": (1, 8),
        max_len_key: (1, 100_000),
    }
    for key, (low, high) in limits.items():
        _check_int(values, defaults, key, low, high)
    dropout = values.get("dropout", defaults.dropout)
    if not isinstance(dropout, (int, float)) or isinstance(dropout, bool) or not 0 <= dropout < 1:
        raise ValueError(f"config.json: dropout={dropout!r}, expected a number in [0, 1)")
    labels = values.get("labels", defaults.labels)
    if not isinstance(labels, list) or len(labels) < 2 or not all(isinstance(x, str) and x for x in labels):
        raise ValueError("config.json: labels must be a list of at least 2 non-empty strings")
    if len(set(labels)) != len(labels):
        raise ValueError("config.json: labels has duplicates")


@dataclass
class SentimentConfig:
    vocab: list[str] = field(default_factory=lambda: [PAD, UNK])  # words; index = position, 0 pad, 1 unk
    labels: list[str] = field(default_factory=lambda: ["negative", "positive"])  # class names, index order
    embedding_dim: int = 200  # size of each word's learned input vector
    hidden_size: int = 384  # LSTM units per layer (size of h and c)
    num_layers: int = 1  # stacked unidirectional LSTM layers
    dropout: float = 0.5  # training-time dropout on embeddings, between layers and before the head
    max_tokens: int = 200  # longer inputs are cut to their first this-many words (with a note)

    @classmethod
    def from_dict(cls, values: dict) -> SentimentConfig:
        """Build a config from config.json contents; unknown keys or bad values raise ValueError."""
        _check_common(cls, values, "max_tokens")
        vocab = values.get("vocab", [PAD, UNK])
        if (
            not isinstance(vocab, list)
            or vocab[:2] != [PAD, UNK]
            or not all(isinstance(w, str) for w in vocab)
        ):
            raise ValueError(f"config.json: vocab must be a list of words starting with {PAD!r}, {UNK!r}")
        if len(set(vocab)) != len(vocab) or len(vocab) > 200_000:
            raise ValueError("config.json: vocab must hold at most 200000 distinct words")
        return cls(**values)


@dataclass
class NameConfig:
    vocab: str = "abcdefghijklmnopqrstuvwxyz"  # characters the model reads; index + 1 = id (0 is padding)
    labels: list[str] = field(default_factory=lambda: ["English", "Russian"])  # languages, index order
    embedding_dim: int = 64  # size of each character's learned input vector
    hidden_size: int = 256  # LSTM units per layer (size of h and c)
    num_layers: int = 2  # stacked unidirectional LSTM layers
    dropout: float = 0.3  # training-time dropout on embeddings, between layers and before the head
    max_chars: int = 40  # longer names are cut to their first this-many characters (with a note)

    @classmethod
    def from_dict(cls, values: dict) -> NameConfig:
        """Build a config from config.json contents; unknown keys or bad values raise ValueError."""
        _check_common(cls, values, "max_chars")
        vocab = values.get("vocab", cls.vocab)
        if not isinstance(vocab, str) or not 1 <= len(vocab) <= 10_000 or len(set(vocab)) != len(vocab):
            raise ValueError("config.json: vocab must be a string of distinct characters")
        return cls(**values)


class _PrefixClassifier(nn.Module):
    """Embedding → unidirectional LSTM → [h_t ; max(h_1..h_t)] → dropout → linear, at every step."""

    config: SentimentConfig | NameConfig
    unit = "token"  # what one step reads, for notes ("word" / "character")

    def _build(self, num_embeddings: int) -> None:
        config = self.config
        self.embedding = nn.Embedding(num_embeddings, config.embedding_dim, padding_idx=0)
        self.lstm = nn.LSTM(
            config.embedding_dim,
            config.hidden_size,
            config.num_layers,
            batch_first=True,
            dropout=config.dropout if config.num_layers > 1 else 0.0,
        )
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Linear(2 * config.hidden_size, len(config.labels))

    @classmethod
    def _from_pretrained(cls, **kwargs):
        """Load strictly (every tensor must be there) and in float32."""
        kwargs["strict"] = True
        return super()._from_pretrained(**kwargs).float()

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids (B, T), right-padded with 0 → logits (B, T, C) after each prefix.

        Step t depends on ids[:, :t+1] only, so padding after a sequence never changes its outputs.
        """
        x = self.dropout(self.embedding(ids))  # (B, T, E)
        h, _ = self.lstm(x)  # (B, T, H)
        running_max = torch.cummax(h, dim=1).values  # (B, T, H), causal max-pooling
        return self.head(self.dropout(torch.cat([h, running_max], dim=-1)))  # (B, T, C)

    @torch.inference_mode()
    def read(self, ids: torch.Tensor) -> torch.Tensor:
        """`forward` for one sequence ids (T,) → logits (T, C), in eval mode: the LSTM's equations run
        layer by layer (`lstm_layers`: faster than nn.LSTM at batch 1 here), equal up to rounding."""
        h = lstm_layers(self.lstm, self.embedding(ids.to(self.head.weight.device)))[-1]["h"]  # (T, H)
        running_max = torch.cummax(h, dim=0).values
        return self.head(torch.cat([h, running_max], dim=-1))

    def encode(self, text: str) -> tuple[torch.Tensor, list[str], list[str]]:
        """Text → ids (T,), the tokens they stand for (T), unknown tokens (distinct, in order)."""
        raise NotImplementedError

    @torch.inference_mode()
    def trace(self, text: str) -> dict:
        """The left-to-right reading of `text`: class probabilities after each token.

        Returns {"tokens": list[str] (T), "probs": Tensor (T, C) float32 on the CPU, rows sum to 1,
        "labels": list[str] (C), "unknown": list[str], "notes": list[str], "cut": (steps read, steps given)
        or None when the whole input was read}. Raises ValueError on
        empty or whitespace-only text, or text with nothing the model can read.
        """
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"need some text to classify, got {text!r}")
        ids, tokens, unknown = self.encode(text)
        notes = []
        if unknown:
            notes.append(self._unknown_note(unknown))
        if len(ids) == 0:
            raise ValueError(f"nothing left to read in {text[:60]!r}: " + "; ".join(notes))
        limit, cut = self._max_len(), None
        if len(ids) > limit:
            cut = (limit, len(ids))
            notes.append(f"input cut to its first {limit} {self.unit}s (of {len(ids)})")
            ids, tokens = ids[:limit], tokens[:limit]
        self.eval()
        probs = torch.softmax(self.read(ids).float(), dim=-1).cpu()  # (T, C)
        return {
            "tokens": tokens,
            "probs": probs,
            "labels": list(self.config.labels),
            "unknown": unknown,
            "notes": notes,
            "cut": cut,
        }

    def classify(self, text: str) -> dict:
        """The verdict on `text`: the trace's last step.

        Returns {"label": str, "probs": Tensor (C,), "scores": {label: probability}, "tokens",
        "unknown", "notes"} (the last three as in `trace`).
        """
        trace = self.trace(text)
        probs = trace["probs"][-1]  # (C,)
        scores = {label: float(p) for label, p in zip(self.config.labels, probs, strict=True)}
        label = self.config.labels[int(torch.argmax(probs))]
        return {
            "label": label,
            "probs": probs,
            "scores": scores,
            "tokens": trace["tokens"],
            "unknown": trace["unknown"],
            "notes": trace["notes"],
        }

    def _max_len(self) -> int:
        raise NotImplementedError

    def _unknown_note(self, unknown: list[str]) -> str:
        raise NotImplementedError


class SentimentLSTM(
    _PrefixClassifier,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["lstm", "text-classification", "sentiment-analysis", "sst2"],
    license="mit",
):
    """Word-level sentiment classifier; `trace` gives P(positive) after each word."""

    unit = "word"

    def __init__(self, config: SentimentConfig):
        super().__init__()
        if isinstance(config, dict):  # PyTorchModelHubMixin passes config.json as a dict
            config = SentimentConfig.from_dict(config)
        self.config = config
        self._hub_mixin_config = config  # save_pretrained writes asdict(config) as config.json
        self.word_to_index = {w: i for i, w in enumerate(config.vocab)}
        self._build(len(config.vocab))

    def encode(self, text: str) -> tuple[torch.Tensor, list[str], list[str]]:
        """Text → word ids (T,), tokens (T, lowercased, SST-split), unknown words (each once).

        Unknown words keep their step in the reading, as <unk>.
        """
        tokens = tokenize_words(text)
        ids = [self.word_to_index.get(t, 1) for t in tokens]
        unknown = list(dict.fromkeys(t for t, i in zip(tokens, ids, strict=True) if i == 1))
        return torch.tensor(ids, dtype=torch.long), tokens, unknown

    @torch.inference_mode()
    def trace(self, text: str) -> dict:
        """As the base `trace`, plus "p_positive": Tensor (T,), P(positive) after each word."""
        result = super().trace(text)
        result["p_positive"] = result["probs"][:, self.config.labels.index("positive")]
        return result

    def _max_len(self) -> int:
        return self.config.max_tokens

    def _unknown_note(self, unknown: list[str]) -> str:
        shown = ", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else "")
        return f"{len(unknown)} word(s) not in the vocabulary, read as {UNK}: {shown}"


class NameLSTM(
    _PrefixClassifier,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["lstm", "text-classification", "char-rnn", "names"],
    license="mit",
):
    """Character-level name → language classifier; `trace` gives class probabilities after each char."""

    unit = "character"

    def __init__(self, config: NameConfig):
        super().__init__()
        if isinstance(config, dict):
            config = NameConfig.from_dict(config)
        self.config = config
        self._hub_mixin_config = config
        self.char_to_index = {ch: i + 1 for i, ch in enumerate(config.vocab)}  # 0 is padding
        self._build(len(config.vocab) + 1)

    def encode(self, text: str) -> tuple[torch.Tensor, list[str], list[str]]:
        """Name → char ids (T,), the characters kept (T), characters dropped (each once).

        Surrounding whitespace is stripped; characters never seen in training are dropped, not replaced.
        """
        kept = [ch for ch in text.strip() if ch in self.char_to_index]
        dropped = list(dict.fromkeys(ch for ch in text.strip() if ch not in self.char_to_index))
        return torch.tensor([self.char_to_index[ch] for ch in kept], dtype=torch.long), kept, dropped

    def _max_len(self) -> int:
        return self.config.max_chars

    def _unknown_note(self, unknown: list[str]) -> str:
        return f"dropped {len(unknown)} character(s) the model never saw: {' '.join(map(repr, unknown))}"
