"""Values in [-1, 1] → a labelled heatmap image, blue–white–orange (readable with colour blindness)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

# diverging anchors at -1, 0, +1: blue (#2166ac-ish), white, orange (#e66101-ish): PuOr-like
_ANCHORS = np.array([[33, 102, 172], [247, 247, 247], [230, 97, 1]], dtype=np.float32)


def colour(values: np.ndarray) -> np.ndarray:
    """(...,) in [-1, 1] → (..., 3) uint8 RGB."""
    v = np.clip(np.nan_to_num(values), -1, 1)[..., None]
    low = _ANCHORS[1] + (_ANCHORS[0] - _ANCHORS[1]) * np.clip(-v, 0, 1)
    high = _ANCHORS[1] + (_ANCHORS[2] - _ANCHORS[1]) * np.clip(v, 0, 1)
    return np.where(v < 0, low, high).round().astype(np.uint8)


def show_char(ch: str) -> str:
    return {"\n": "⏎", " ": "␣", "\t": "⇥"}.get(ch, ch)


def heatmap(values: np.ndarray, row_labels: list[str], column_chars: str, cell: int = 14) -> Image.Image:
    """values (rows, columns) in [-1, 1]; one character under each column, a label left of each row."""
    rows, columns = values.shape
    font = ImageFont.load_default()
    left, bottom = 64, 18
    picture = Image.new("RGB", (left + columns * cell + 4, rows * cell + bottom + 4), "white")
    cells = colour(values).repeat(cell, axis=0).repeat(cell, axis=1)  # (rows·cell, columns·cell, 3)
    picture.paste(Image.fromarray(cells), (left, 2))
    draw = ImageDraw.Draw(picture)
    for r, label in enumerate(row_labels):
        draw.text((2, 2 + r * cell + 1), label, fill="black", font=font)
    for c, ch in enumerate(column_chars):
        shown = ch if ch.isprintable() and ch not in " \n" else {"\n": "/", " ": "_"}.get(ch, "?")
        draw.text((left + c * cell + 3, rows * cell + 4), shown, fill="black", font=font)
    return picture
