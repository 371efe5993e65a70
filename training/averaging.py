"""Polyak / EMA averaging of a model's weights during training (the average is what gets evaluated and shipped)."""

from __future__ import annotations

import argparse

import torch


def add_ema_argument(parser: argparse.ArgumentParser) -> None:
    """--ema DECAY (0: off): evaluate and ship the average instead of the last weights."""
    parser.add_argument(
        "--ema",
        type=float,
        default=0.0,
        help="evaluate and ship an EMA of the weights with this decay (0: off)",
    )


@torch.no_grad()
def update_ema(average: torch.nn.Module, model: torch.nn.Module, decay: float) -> None:
    """average ← decay · average + (1 − decay) · model, parameter by parameter (buffers untouched)."""
    torch._foreach_lerp_(list(average.parameters()), list(model.parameters()), 1.0 - decay)
