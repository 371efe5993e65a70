"""Where models run: CUDA when present, then Apple MPS, else CPU; the DEVICE variable overrides."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable

import torch


def pick_device(requested: str | None = None) -> torch.device:
    """The device named by `requested` or $DEVICE, else the best one available."""
    requested = requested or os.environ.get("DEVICE", "").strip()
    if requested:
        device = torch.device(requested)  # raises on names torch does not know
        if device.type == "cuda" and not torch.cuda.is_available():
            raise ValueError(f"DEVICE={requested!r} but CUDA is not available on this machine")
        if device.type == "mps" and not torch.backends.mps.is_available():
            raise ValueError(f"DEVICE={requested!r} but MPS is not available on this machine")
        return device
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def gpu_task(fn: Callable) -> Callable:
    """On Hugging Face ZeroGPU Spaces, wrap `fn` with spaces.GPU; elsewhere return it unchanged."""
    if importlib.util.find_spec("spaces") is None:
        return fn
    import spaces  # only on Spaces

    return spaces.GPU(fn)
