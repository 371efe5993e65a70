"""Character-level LSTM language model (char-rnn).

LSTM: Hochreiter & Schmidhuber 1997 (https://doi.org/10.1162/neco.1997.9.8.1735), with the forget
gate of Gers et al. 2000; character-level language modelling as in Karpathy's char-rnn
(https://karpathy.github.io/2015/05/21/rnn-effectiveness/). Training runs through nn.LSTM (cuDNN);
`trace` recomputes the same numbers with explicit gate equations so the UI can show them.
"""

from __future__ import annotations

import copy
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields

import numpy as np
import torch
import torch.nn as nn
from huggingface_hub import PyTorchModelHubMixin

from models.lstm_equations import layer_weights, lstm_layers, numpy_cell

SHAKESPEARE_VOCAB = "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
MAX_PROMPT_CHARS = 2048  # generate() reads only the last this-many prompt characters
# stand-ins for characters outside the vocabulary, tried in order; then NFKD (é → e), else dropped
_SUBSTITUTES = {
    "\t": (" ",), "\r": ("\n",), "\u00a0": (" ",), "`": ("'",), "\u00b4": ("'",),
    "\u2018": ("'",), "\u2019": ("'",), "\u201a": ("'",), "\u201b": ("'",),
    "\u201c": ('"', "'"), "\u201d": ('"', "'"), "\u201e": ('"', "'"), "\u00ab": ('"', "'"), "\u00bb": ('"', "'"),
    "\u2013": ("-",), "\u2014": ("-", "--"), "\u2026": ("...", "."), "\u2212": ("-",),
}  # fmt: skip


@dataclass
class CharLSTMConfig:
    vocab: str = SHAKESPEARE_VOCAB  # the characters the model reads and writes; index = position
    embedding_dim: int = 64  # size of each character's learned input vector
    hidden_size: int = 480  # LSTM units per layer (size of h and c)
    num_layers: int = 3  # stacked LSTM layers; layer k reads layer k-1's h
    dropout: float = 0.3  # training-time dropout on the embedding, between layers and before the head

    @classmethod
    def from_dict(cls, values: dict) -> CharLSTMConfig:
        """Build a config from config.json contents; unknown keys or bad values raise ValueError."""
        if not isinstance(values, dict):
            raise ValueError(f"config.json must hold an object, got {type(values).__name__}")
        unknown = sorted(set(values) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"config.json has keys this char-LSTM does not use: {unknown}")
        limits = {"embedding_dim": (1, 4096), "hidden_size": (1, 8192), "num_layers": (1, 16)}
        for key, (low, high) in limits.items():
            value = values.get(key, getattr(cls, key))
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"config.json: {key}={value!r}, expected an integer in [{low}, {high}]")
        dropout = values.get("dropout", cls.dropout)
        if not isinstance(dropout, (int, float)) or isinstance(dropout, bool) or not 0 <= dropout < 1:
            raise ValueError(f"config.json: dropout={dropout!r}, expected a number in [0, 1)")
        vocab = values.get("vocab", cls.vocab)
        if not isinstance(vocab, str) or not 2 <= len(vocab) <= 100_000 or len(set(vocab)) != len(vocab):
            raise ValueError("config.json: vocab must be a string of at least 2 distinct characters")
        return cls(**values)


class CharLSTM(
    nn.Module,
    PyTorchModelHubMixin,
    library_name="pytorch",
    tags=["lstm", "char-rnn", "text-generation", "tiny-shakespeare"],
    license="mit",
):
    """Embedding → multi-layer LSTM → dropout → linear: next-character logits."""

    is_quantized = False  # True on the int8 copies made by `quantized()`

    def __init__(self, config: CharLSTMConfig):
        super().__init__()
        if isinstance(config, dict):  # PyTorchModelHubMixin passes config.json as a dict
            config = CharLSTMConfig.from_dict(config)
        self.config = config
        self._hub_mixin_config = config  # save_pretrained writes asdict(config) as config.json
        self.char_to_index = {ch: i for i, ch in enumerate(config.vocab)}
        vocab_size, hidden = len(config.vocab), config.hidden_size
        self.embedding = nn.Embedding(vocab_size, config.embedding_dim)
        self.lstm = nn.LSTM(
            config.embedding_dim,
            hidden,
            config.num_layers,
            batch_first=True,
            dropout=config.dropout if config.num_layers > 1 else 0.0,
        )
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Linear(hidden, vocab_size)

    @classmethod
    def _from_pretrained(cls, **kwargs) -> CharLSTM:
        """Load strictly (every tensor must be there) and in float32, whatever dtype was saved."""
        kwargs["strict"] = True
        return super()._from_pretrained(**kwargs).float()

    def config_dict(self) -> dict:
        return asdict(self.config)

    @property
    def device(self) -> torch.device:
        return torch.device("cpu") if self.is_quantized else self.head.weight.device

    def quantized(self) -> CharLSTM:
        """An int8 copy for CPU inference: LSTM and head weights dynamically quantized, ~2x faster steps.

        Costs a little validation loss (bench/lstm_bench.py measures both). The copy runs `forward`,
        `step` and `generate`; `trace` and `save_pretrained` need the float model.
        """
        float_copy = copy.deepcopy(self).cpu().eval()
        float_copy.__dict__.pop("_step", None)  # the float path's cache, unused by the int8 copy
        with warnings.catch_warnings():  # torch.ao.quantization is deprecated in favour of torchao
            warnings.simplefilter("ignore")
            int8 = torch.ao.quantization.quantize_dynamic(float_copy, {nn.LSTM, nn.Linear}, dtype=torch.qint8)
        int8.is_quantized = True
        return int8

    def save_pretrained(self, *args, **kwargs):
        if self.is_quantized:
            raise TypeError("save the float model: an int8 copy from quantized() is for inference only")
        return super().save_pretrained(*args, **kwargs)

    def forward(
        self, ids: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        """ids (B, T) → logits (B, T, V) and the final state (h, c), each (L, B, H)."""
        x = self.dropout(self.embedding(ids))  # (B, T, E)
        out, state = self.lstm(x, state)  # (B, T, H)
        return self.head(self.dropout(out)), state

    # ---- text ↔ indices ----

    def encode(self, text: str) -> tuple[torch.Tensor, list[str]]:
        """Text → indices (T,) and the characters dropped (each once, in order of first appearance).

        Unknown characters are mapped when there is an obvious stand-in (curly quotes, dashes, tabs,
        accented letters via NFKD); the rest are dropped and reported, never silently replaced.
        """
        index, ids, dropped = self.char_to_index, [], []
        for ch in text.replace("\r\n", "\n"):
            if ch in index:
                ids.append(index[ch])
                continue
            stand_in = self._stand_in(ch)
            if stand_in is None:
                if ch not in dropped:
                    dropped.append(ch)
            else:
                ids.extend(index[c] for c in stand_in)
        return torch.tensor(ids, dtype=torch.long), dropped

    def _stand_in(self, ch: str) -> str | None:
        """A spelling of `ch` in the vocabulary, or None when there is none."""
        nfkd = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        for option in (*_SUBSTITUTES.get(ch, ()), nfkd):
            if option and option != ch and all(c in self.char_to_index for c in option):
                return option
        return None

    def decode(self, ids: list[int] | torch.Tensor) -> str:
        return "".join(self.config.vocab[int(i)] for i in ids)

    # ---- inference ----

    def zero_state(self, batch_size: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
        shape = (self.config.num_layers, batch_size, self.config.hidden_size)
        return torch.zeros(shape, device=self.device), torch.zeros(shape, device=self.device)

    def _step_weights(self) -> BatchOneWeights:
        """The weights of the batch-1 CPU path, rebuilt when the weights or torch's thread count change
        (built aside, then swapped in: other threads may be reading the old ones)."""
        params = list(self.parameters())
        key = (torch.get_num_threads(), *((p.data_ptr(), p._version) for p in params))
        if getattr(self, "_step_key", None) != key:
            self._step, self._step_key = BatchOneWeights.build(self), key
        return self._step

    def _numpy_steps(
        self, ids: list[int], h: list[np.ndarray], c: list[np.ndarray], weights: BatchOneWeights | None = None
    ) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        """The LSTM equations over ids one at a time at batch 1 (float32 arithmetic); h, c: L × (H,).
        `weights`: what `_step_weights()` returned (looked up when None; callers in a loop pass it).

        Returns the logits (V,) after the last id and the new h, c (new lists; the inputs are not
        modified). See `BatchOneWeights` for why this is faster here than torch's batch-1 paths.
        """
        weights = weights or self._step_weights()
        matvec = weights.matvec
        h, c = list(h), list(c)
        x = h[-1]  # no ids: the prediction from the given state
        for index in ids:
            for layer, bias in enumerate(weights.biases):
                if layer == 0:  # the input's share of the gates is a row of the table
                    z = matvec(0, h[0])
                    z += weights.input_table[index]
                else:
                    z = matvec(layer, np.concatenate((x, h[layer])))
                    z += bias
                # z (4H,): pre-activations of i, f, g, o; a fresh array, so the gates may overwrite it
                c[layer], h[layer] = numpy_cell(z, c[layer])
                x = h[layer]
        return weights.head_w @ x + weights.head_b, h, c

    @torch.inference_mode()
    def step(
        self, ids: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
        """Feed ids (T,) at batch 1 from `state` (h, c each (L, 1, H)) → next-char logits (V,), new state.

        On a CPU, short inputs of the float model run the gate equations one char at a time
        (`_numpy_steps`, see `BatchOneWeights`: several times faster than torch's batch-1 paths here,
        bench/lstm_bench.py measures them); long prompts, GPU models
        and int8 copies go through nn.LSTM, which batches the input projections over the sequence.
        """
        self.eval()
        ids = ids.view(-1)
        if len(ids) >= 32 or self.is_quantized or self.device.type != "cpu":
            if state is None:
                state = self.zero_state(1)
            out, state = self.lstm(self.embedding(ids.to(self.device))[None], state)  # (1, T, H)
            return self.head(out[:, -1])[0], state  # quantized Linear needs a batch dimension
        if state is None:
            h = c = [np.zeros(self.config.hidden_size, np.float32)] * self.config.num_layers
        else:
            h = list(state[0][:, 0].float().numpy())
            c = list(state[1][:, 0].float().numpy())
        logits, h, c = self._numpy_steps(ids.tolist(), h, c)
        state = (torch.from_numpy(np.stack(h)[:, None]), torch.from_numpy(np.stack(c)[:, None]))  # (L, 1, H)
        return torch.from_numpy(logits), state

    @torch.inference_mode()
    def trace(self, ids: torch.Tensor) -> dict[str, torch.Tensor]:
        """Explicit LSTM equations over ids (T,) from a zero state.

        Returns i, f, g (candidate), o, c, h each (T, L, H) and logits (T, V) (`lstm_layers`).
        """
        if self.is_quantized:
            raise TypeError("trace needs the float model: an int8 copy has no per-gate weights")
        self.eval()
        steps, layers, hidden = len(ids), self.config.num_layers, self.config.hidden_size
        if steps == 0:
            empty = {k: torch.zeros(0, layers, hidden) for k in "ifgoch"}
            return {**empty, "logits": torch.zeros(0, len(self.config.vocab))}
        per_layer = lstm_layers(self.lstm, self.embedding(ids.to(self.device)))
        records = {k: torch.stack([values[k] for values in per_layer], dim=1).cpu() for k in "ifgoch"}
        return {**records, "logits": self.head(per_layer[-1]["h"]).cpu()}

    @torch.inference_mode()
    def generate(
        self,
        prompt_ids: torch.Tensor,
        max_new_chars: int,
        temperature: float = 1.0,
        top_k: int = 0,
        top_p: float = 1.0,
        generator: torch.Generator | None = None,
    ) -> Iterator[tuple[int, float, list[tuple[str, float]]]]:
        """Yield (char index, its probability, top-5 [(char, probability)]) per new character.

        Probabilities are those of the distribution the character was drawn from (after temperature,
        top-k, top-p); temperature 0 is greedy and reports the plain softmax. top_k=0 / top_p=1 are off.
        An empty prompt starts after a newline; only the last MAX_PROMPT_CHARS prompt chars are read.
        """
        if max_new_chars < 0 or temperature < 0 or top_k < 0 or not 0 < top_p <= 1:
            raise ValueError(
                f"need max_new_chars >= 0, temperature >= 0, top_k >= 0, 0 < top_p <= 1; got "
                f"{max_new_chars}, {temperature}, {top_k}, {top_p}"
            )
        prompt_ids = prompt_ids[-MAX_PROMPT_CHARS:]
        if len(prompt_ids) == 0:
            prompt_ids = torch.tensor([self.char_to_index.get("\n", 0)])
        logits, state = self.step(prompt_ids)
        numpy_path = not self.is_quantized and self.device.type == "cpu"
        if numpy_path:  # stay in NumPy between characters: no tensor round trips per step
            weights = self._step_weights()
            logits = logits.numpy()
            h, c = list(state[0][:, 0].numpy()), list(state[1][:, 0].numpy())
        vocab = self.config.vocab
        # one uniform draw per character from the caller's torch generator, drawn up front: seeds reproduce
        if temperature > 0:
            draws = torch.rand(max_new_chars, generator=generator, dtype=torch.float64).tolist()
        else:
            draws = [None] * max_new_chars  # greedy: no draws
        for u in draws:
            scores = logits if numpy_path else logits.float().cpu().numpy()
            probs, order = _sampling_distribution_np(scores, temperature, top_k, top_p)  # (V,), (V,)
            if u is None:  # temperature 0: greedy
                index = int(order[0])
            else:  # inverse CDF of the uniform draw
                cdf = np.cumsum(probs)
                index = min(int(np.searchsorted(cdf, u * cdf[-1], side="right")), len(probs) - 1)
                while probs[index] == 0:  # never land on a filtered-out char through rounding
                    index -= 1
            top = order[:5]
            top5 = [(vocab[i], p) for i, p in zip(top.tolist(), probs[top].tolist(), strict=True)]
            yield index, float(probs[index]), top5
            if numpy_path:
                logits, h, c = self._numpy_steps([index], h, c, weights)
            else:
                logits, state = self.step(torch.tensor([index]), state)


def _fp16_kernel_available() -> bool:
    """Whether torch has fbgemm's float16-weight matrix product (x86 builds; not ARM's qnnpack)."""
    try:
        packed = torch.ops.quantized.linear_prepack_fp16(torch.ones(1, 1), None)
        return float(torch.ops.quantized.linear_dynamic_fp16(torch.ones(1, 1), packed)) == 1.0
    except (RuntimeError, AttributeError, NotImplementedError):
        return False


@dataclass
class BatchOneWeights:
    """The weights of `CharLSTM._numpy_steps`, arranged for one character at a time on a CPU.

    At batch 1 a step is a matrix-vector product per layer, and reading the weights is the cost
    (13 MB in float32 for a 2×512 model, once per character), so the layout reads as few bytes as
    it can with the arithmetic unchanged:

    - layer 0's input projection is a table lookup: `input_table[char] = W_ih0 · embedding[char]
      + b_ih0 + b_hh0` (V, 4H), precomputed; only W_hh0 is read per step;
    - each deeper layer is one product with [W_ih | W_hh] (4H, 2H);
    - with one torch thread (the app's setting), when every recurrent weight is exactly a float16
      number (the shipped weights are stored in float16) and torch has fbgemm, the products read
      float16 weights through fbgemm's kernel (float32 arithmetic, half the bytes: the same
      numbers up to summation order); otherwise NumPy's float32 BLAS, which splits a product
      over its threads (faster with 2 threads here, bench/lstm_bench.py).
    """

    input_table: np.ndarray  # (V, 4H) float32
    matrices: list  # per layer: (4H, H) for layer 0, (4H, 2H) above; np.ndarray, or fbgemm packed params
    biases: list[np.ndarray | None]  # per layer (4H,); None for layer 0 (folded into the table)
    head_w: np.ndarray  # (V, H)
    head_b: np.ndarray  # (V,)
    float16_kernel: bool  # matrices are fbgemm float16 packed weights

    @classmethod
    def build(cls, model: CharLSTM) -> BatchOneWeights:
        def numpy32(t: torch.Tensor) -> np.ndarray:
            return t.detach().float().cpu().numpy().copy()

        matrices, biases = [], []
        for layer in range(model.config.num_layers):
            w_ih, w_hh, b_ih, b_hh = (t.detach().float().cpu() for t in layer_weights(model.lstm, layer))
            if layer == 0:
                embedding = model.embedding.weight.detach().float().cpu()
                input_table = numpy32(embedding @ w_ih.T + b_ih + b_hh)
                matrices.append(w_hh.contiguous())
                biases.append(None)
            else:
                matrices.append(torch.cat([w_ih, w_hh], 1))
                biases.append(numpy32(b_ih + b_hh))
        exact_fp16 = all(torch.equal(m, m.half().float()) for m in matrices)
        float16_kernel = exact_fp16 and torch.get_num_threads() == 1 and _fp16_kernel_available()
        if float16_kernel:
            matrices = [torch.ops.quantized.linear_prepack_fp16(m, None) for m in matrices]
        else:
            matrices = [m.numpy().copy() for m in matrices]
        head_w, head_b = numpy32(model.head.weight), numpy32(model.head.bias)
        return cls(input_table, matrices, biases, head_w, head_b, float16_kernel)

    def matvec(self, layer: int, x: np.ndarray) -> np.ndarray:
        """matrices[layer] · x as a new float32 array (4H,)."""
        if self.float16_kernel:
            product = torch.ops.quantized.linear_dynamic_fp16(torch.from_numpy(x)[None], self.matrices[layer])
            return product[0].numpy()
        return self.matrices[layer] @ x


def _sampling_distribution_np(
    logits: np.ndarray, temperature: float, top_k: int, top_p: float
) -> tuple[np.ndarray, np.ndarray]:
    """logits (V,) → (probabilities (V,) float64 with temperature, then top-k, then nucleus (top-p)
    filtering; the indices from most to least likely, ties in index order).

    One sort serves the filters and the caller's top-5 list (a generated character's costs add up).
    """
    z = np.array(logits, dtype=np.float64)  # a copy: changed in place below
    order = np.argsort(-z, kind="stable")  # dividing by a temperature > 0 keeps the order
    if temperature > 0:
        z /= temperature
        if 0 < top_k < len(z):
            z[order[top_k:]] = -np.inf
    z -= z[order[0]]
    probs = np.exp(z, out=z)
    if temperature > 0 and top_p < 1:
        sorted_probs = probs[order]
        # drop a char when the more likely ones before it already reach top_p (the top one always stays)
        drop = np.cumsum(sorted_probs) - sorted_probs >= top_p * sorted_probs.sum()
        probs[order[drop]] = 0.0
    probs /= probs.sum()
    return probs, order
