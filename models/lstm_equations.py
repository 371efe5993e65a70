"""The LSTM equations written out over an nn.LSTM's own weights: what the LSTM tabs show, gate by gate.

    i, f, o = σ(W_i·[x; h_{t-1}] + b),  g = tanh(W_g·[x; h_{t-1}] + b),  c_t = f·c_{t-1} + i·g,  h_t = o·tanh(c_t)

Tested against torch.nn.LSTM on the same weights (tests/test_char_lstm.py, tests/test_text_classifier.py).
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def layer_weights(lstm: nn.LSTM, layer: int) -> tuple[torch.Tensor, ...]:
    """(W_ih, W_hh, b_ih, b_hh) of one layer of an nn.LSTM."""
    return tuple(
        getattr(lstm, f"{name}_l{layer}") for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
    )


def lstm_cell(
    lstm: nn.LSTM, layer: int, x: torch.Tensor, h: torch.Tensor, c: torch.Tensor
) -> tuple[torch.Tensor, ...]:
    """One step of one layer of `lstm` with the explicit equations; x (B, in), h, c (B, H) → i, f, g, o, c, h."""
    w_ih, w_hh, b_ih, b_hh = layer_weights(lstm, layer)
    gates = F.linear(x, w_ih, b_ih) + F.linear(h, w_hh, b_hh)  # (B, 4H), PyTorch order i, f, g, o
    i, f, g, o = gates.chunk(4, dim=1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c = f * c + i * g  # keep part of the old memory, write part of the candidate
    h = o * torch.tanh(c)  # expose part of the memory
    return i, f, g, o, c, h


@torch.inference_mode()
def lstm_layers(lstm: nn.LSTM, x: torch.Tensor) -> list[dict[str, torch.Tensor]]:
    """The explicit equations of every layer of a unidirectional `lstm` over one sequence x (T, in),
    from a zero state → per layer {"i", "f", "g", "o", "c", "h"}, each (T, H), on x's device.

    Layer by layer: the input's share of every step's gates is one matrix product over the whole
    sequence, and only the recurrent share W_hh · h_{t-1} goes a step at a time (the equations of
    `lstm_cell`). On a CPU the steps run in NumPy over the same memory (a small torch op costs
    several µs, a NumPy one ~1): several times faster than `nn.LSTM` at batch 1 here
    (bench/lstm_bench.py, bench/classify_bench.py).
    """
    steps, hidden = len(x), lstm.hidden_size
    per_layer = []
    for layer in range(lstm.num_layers):
        w_ih, w_hh, b_ih, b_hh = layer_weights(lstm, layer)
        gates = torch.addmm(b_ih + b_hh, x, w_ih.T)  # (T, 4H) input shares; becomes the gates
        cells = torch.empty(steps, hidden, device=x.device)
        outputs = torch.empty(steps, hidden, device=x.device)
        if x.device.type == "cpu":
            w = w_hh.detach().float().numpy()
            _steps_numpy(w, gates.numpy(), cells.numpy(), outputs.numpy())
        else:
            _steps_torch(w_hh, gates, cells, outputs)
        i, f, g, o = gates.chunk(4, dim=1)
        per_layer.append({"i": i, "f": f, "g": g, "o": o, "c": cells, "h": outputs})
        x = outputs
    return per_layer


def numpy_cell(
    z: np.ndarray, c: np.ndarray, c_out: np.ndarray | None = None, h_out: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM step in NumPy from its pre-activations z (4H,) float32, order i, f, g, o, and the old
    cell c (H,): z becomes the gate values in place; returns (c_t, h_t), written into c_out, h_out when
    given (new arrays otherwise; c is never changed)."""
    hidden = len(c)
    candidate = np.tanh(z[2 * hidden : 3 * hidden])
    np.reciprocal(np.add(np.exp(np.negative(z, out=z), out=z), 1.0, out=z), out=z)  # σ, in place
    z[2 * hidden : 3 * hidden] = candidate
    # keep part of the old memory, write part of the candidate, expose part of the memory
    c = np.multiply(z[hidden : 2 * hidden], c, out=c_out)
    c += z[:hidden] * candidate
    return c, np.multiply(z[3 * hidden :], np.tanh(c), out=h_out)


def _steps_numpy(w_hh: np.ndarray, gates: np.ndarray, cells: np.ndarray, outputs: np.ndarray) -> None:
    """The recurrence of one layer in place: gates (T, 4H) holds the input shares and gets the gate
    values (order i, f, g, o); cells, outputs (T, H) get c_t and h_t."""
    h = c = np.zeros(cells.shape[1], np.float32)
    for t in range(len(gates)):
        z = gates[t]
        z += w_hh @ h
        c, h = numpy_cell(z, c, cells[t], outputs[t])


def _steps_torch(w_hh: torch.Tensor, gates: torch.Tensor, cells: torch.Tensor, outputs: torch.Tensor) -> None:
    """`_steps_numpy` in torch ops, for a GPU."""
    hidden = cells.shape[1]
    h = c = torch.zeros(hidden, device=gates.device)
    for t in range(len(gates)):
        z = gates[t]
        z += w_hh @ h
        torch.sigmoid(z[: 2 * hidden], out=z[: 2 * hidden])
        torch.tanh(z[2 * hidden : 3 * hidden], out=z[2 * hidden : 3 * hidden])
        torch.sigmoid(z[3 * hidden :], out=z[3 * hidden :])
        c = torch.addcmul(z[hidden : 2 * hidden] * c, z[:hidden], z[2 * hidden : 3 * hidden], out=cells[t])
        h = torch.mul(z[3 * hidden :], torch.tanh(c), out=outputs[t])
