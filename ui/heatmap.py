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


def heatmap(
    values: np.ndarray, row_labels: list[str], column_chars: str, cell: int = 16, per_block: int = 40
) -> Image.Image:
    """values (rows, columns) in [-1, 1]; one character under each column, a label left of each row.

    Long texts wrap into blocks of `per_block` characters stacked top to bottom, so the picture stays
    about as tall as it is wide and its cells legible when scaled to a phone's width. A margin on top
    keeps the first row clear of the image's label badge.
    """
    rows, columns = values.shape
    font = ImageFont.load_default()
    left, top, below, gap = 64, 26, 18, 10
    blocks = max(1, -(-columns // per_block))
    width = left + min(columns, per_block) * cell + 4
    block_height = rows * cell + below
    picture = Image.new("RGB", (width, top + blocks * block_height + (blocks - 1) * gap + 4), "white")
    draw = ImageDraw.Draw(picture)
    for b in range(blocks):
        y = top + b * (block_height + gap)
        window = values[:, b * per_block : (b + 1) * per_block]
        cells = colour(window).repeat(cell, axis=0).repeat(cell, axis=1)  # (rows·cell, chars·cell, 3)
        picture.paste(Image.fromarray(cells), (left, y))
        for r, label in enumerate(row_labels):
            draw.text((2, y + r * cell + 2), label, fill="black", font=font)
        for c, ch in enumerate(column_chars[b * per_block : (b + 1) * per_block]):
            shown = ch if ch.isprintable() and ch not in " \n" else {"\n": "/", " ": "_"}.get(ch, "?")
            draw.text((left + c * cell + 4, y + rows * cell + 3), shown, fill="black", font=font)
    return picture
