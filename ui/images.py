"""Tensor images → crisp, large PIL images, grids, strips and GIFs for display."""

from __future__ import annotations

import tempfile
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import torch
from PIL import Image


def to_pil(image: torch.Tensor, scale: int = 10) -> Image.Image:
    """(C, H, W) in [-1, 1], C = 1 or 3 → PIL image upscaled by `scale` with nearest-neighbour."""
    pixels = ((image.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8)
    if pixels.shape[0] == 1:
        picture = Image.fromarray(pixels[0].numpy(), mode="L")
    else:
        picture = Image.fromarray(pixels[:3].permute(1, 2, 0).numpy(), mode="RGB")
    return picture.resize((picture.width * scale, picture.height * scale), Image.Resampling.NEAREST)


def tile(images: torch.Tensor, columns: int, scale: int = 4, gap: int = 1) -> Image.Image:
    """(N, 1, H, W) → one image of `columns` per row with gaps, each cell upscaled by `scale`."""
    count, channels, height, width = images.shape
    rows = -(-count // columns)
    cell_h, cell_w = height * scale, width * scale
    shape = (rows * (cell_h + gap) - gap, columns * (cell_w + gap) - gap) + ((3,) if channels > 1 else ())
    canvas = np.full(shape, 255, dtype=np.uint8)
    for index, image in enumerate(images):
        top, left = (index // columns) * (cell_h + gap), (index % columns) * (cell_w + gap)
        canvas[top : top + cell_h, left : left + cell_w] = np.asarray(to_pil(image, scale))
    return Image.fromarray(canvas, mode="RGB" if channels > 1 else "L")


def display_scale(image_size: int, target: int = 336) -> int:
    """Nearest-neighbour factor that shows an image_size picture about `target` pixels wide."""
    return max(1, target // image_size)


def write_gif(images: torch.Tensor, scale: int = 8, frame_ms: int = 120) -> str:
    """Frames (N, 1, H, W) → a looping there-and-back GIF in a fresh temporary file; returns its path."""
    frames = [to_pil(image, scale) for image in images]
    frames = frames + frames[-2:0:-1]  # play forward, then back, seamlessly
    folder = Path(tempfile.mkdtemp(prefix="gan-interp-"))
    path = folder / "interpolation.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=frame_ms, loop=0)
    return str(path)


_SCRATCH = Path(tempfile.mkdtemp(prefix="ganlab-images-"))
_KEEP_S = 300.0  # Gradio copies a returned file into its cache at once; ours are scratch
_last_sweep = [time.monotonic()]
_sweep_lock = threading.Lock()


def save_png(picture: Image.Image) -> str:
    """Write `picture` to a fresh PNG file and return its path, for a gr.Image output.

    Returning a path (not a PIL image) makes Gradio copy the file into its cache atomically: with
    PIL images it rewrites one shared file per identical image, and concurrent downloads of that
    file (a class opening the same default view) can read it truncated (see shared/GRADIO6.md).
    """
    path = _SCRATCH / f"{uuid.uuid4().hex}.png"
    picture.save(path, format="PNG")
    _sweep_old_files()
    return str(path)


def _sweep_old_files() -> None:
    now = time.monotonic()
    with _sweep_lock:
        if now - _last_sweep[0] < 60:
            return
        _last_sweep[0] = now
    cutoff = time.time() - _KEEP_S
    for old in _SCRATCH.glob("*.png"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:  # another thread swept it first
            pass
