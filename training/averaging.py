"""Polyak / EMA averaging of a model's weights during training (the average is what gets evaluated and shipped)."""

from __future__ import annotations

import torch


@torch.no_grad()
def update_ema(average: torch.nn.Module, model: torch.nn.Module, decay: float) -> None:
    """average ← decay · average + (1 − decay) · model, parameter by parameter (buffers untouched)."""
    torch._foreach_lerp_(list(average.parameters()), list(model.parameters()), 1.0 - decay)
