"""What a character LSTM did on a text: per-character probabilities, candidates, telling units."""

from __future__ import annotations

import torch

from models.char_lstm import CharLSTM

GATE_NAMES = {
    "f": "forget gate f",
    "i": "input gate i",
    "o": "output gate o",
    "g": "candidate g",
    "c": "cell state c",
    "h": "hidden state h",
}


@torch.inference_mode()
def inspect_text(model: CharLSTM, ids: torch.Tensor) -> dict:
    """Run the explicit LSTM equations over ids (T,) from a zero state.

    Returns the trace (i, f, g, o, c, h: (T, L, H)), `prob_of_next` (T-1,): the probability the
    model gave each character before it saw it, and `top5` (T, 5 pairs): its guesses after each one.
    """
    trace = model.trace(ids)
    probs = torch.softmax(trace["logits"], dim=-1)  # (T, V): prediction after reading char t
    prob_of_next = probs[:-1].gather(1, ids[1:, None]).squeeze(1) if len(ids) > 1 else torch.zeros(0)
    top = torch.topk(probs, min(5, probs.shape[1]), dim=1)
    vocab = model.config.vocab
    top5 = [
        [(vocab[i], p) for i, p in zip(row_i, row_p, strict=True)]
        for row_i, row_p in zip(top.indices.tolist(), top.values.tolist(), strict=True)
    ]
    return {**trace, "prob_of_next": prob_of_next, "top5": top5}


def as_display_values(trace: dict, quantity: str, layer: int) -> torch.Tensor:
    """(T, H) values of one quantity in [-1, 1] for colouring: gates 0..1 → -1..1, c squashed by tanh."""
    values = trace[quantity][:, layer]
    if quantity in ("i", "f", "o"):
        return values * 2 - 1
    if quantity == "c":
        return torch.tanh(values)
    return values


def most_variable_units(trace: dict, quantity: str, layer: int, count: int = 8) -> list[int]:
    """Units whose displayed value changes most over the text, most variable first.

    The first characters are skipped: every unit moves away from the zero start state there,
    which says nothing about the text.
    """
    values = as_display_values(trace, quantity, layer)  # (T, H)
    skip = min(10, len(values) // 4)
    values = values[skip:]
    if len(values) < 2:
        return list(range(min(count, values.shape[1])))
    return torch.argsort(values.std(dim=0), descending=True)[:count].tolist()
