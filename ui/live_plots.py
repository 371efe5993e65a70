"""Pictures for the "Watch it learn" tab: the 2-D GAN's points, decision surface and gradient arrows; curves."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw, ImageFont

from models.toy_gan import VIEW

# Okabe-Ito blue and orange: told apart with every common colour-vision deficiency
REAL_COLOUR, FAKE_COLOUR, ARROW_COLOUR = (0, 114, 178), (230, 159, 0), (20, 20, 20)
# viridis at 0, 0.25, 0.5, 0.75, 1 (dark purple → teal → yellow), interpolated linearly
_VIRIDIS = np.array(
    [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]], dtype=np.float32
)
CURVE_POINTS = 300  # loss curves are averaged into at most this many points
_WASH = 0.55  # how far the heatmap is blended toward white, so the points stand out on it


def viridis(values: np.ndarray) -> np.ndarray:
    """(...,) in [0, 1] → (..., 3) uint8, a viridis-like ramp washed toward white."""
    v = np.clip(np.nan_to_num(values, nan=0.5), 0, 1) * (len(_VIRIDIS) - 1)
    low = np.floor(v).astype(int).clip(0, len(_VIRIDIS) - 2)
    frac = (v - low)[..., None]
    rgb = _VIRIDIS[low] * (1 - frac) + _VIRIDIS[low + 1] * frac
    return (rgb * (1 - _WASH) + 255 * _WASH).round().astype(np.uint8)


def _to_pixels(points: np.ndarray, size: int) -> np.ndarray:
    """Data coordinates in [-VIEW, VIEW]² → pixel (column, row), y up."""
    scale = size / (2 * VIEW)
    return np.stack([(points[:, 0] + VIEW) * scale, (VIEW - points[:, 1]) * scale], axis=1)


def _dots(draw: ImageDraw.ImageDraw, pixels: np.ndarray, fill: tuple, outline: tuple, radius: float) -> None:
    for x, y in pixels:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline=outline)


def _arrows(draw: ImageDraw.ImageDraw, starts: np.ndarray, directions: np.ndarray, size: int) -> None:
    """Arrows from each start along its direction; the longest is 0.6 data units, the rest in proportion."""
    lengths = np.linalg.norm(directions, axis=1)
    longest = lengths.max() if len(lengths) and np.isfinite(lengths).all() else 0.0
    if longest <= 0:
        return
    ends = starts + directions / longest * 0.6
    for (x0, y0), (x1, y1) in zip(_to_pixels(starts, size), _to_pixels(ends, size), strict=True):
        draw.line((x0, y0, x1, y1), fill=ARROW_COLOUR, width=2)
        angle = np.arctan2(y1 - y0, x1 - x0)
        if np.hypot(x1 - x0, y1 - y0) > 4:
            head = [(x1, y1)] + [
                (x1 - 7 * np.cos(angle + s), y1 - 7 * np.sin(angle + s)) for s in (0.45, -0.45)
            ]
            draw.polygon(head, fill=ARROW_COLOUR)


def _legend(picture: Image.Image, top: int, surface_label: str) -> None:
    font = ImageFont.load_default()
    bar = viridis(np.linspace(0, 1, 160))[None, :, :].repeat(10, axis=0)  # (10, 160, 3)
    picture.paste(Image.fromarray(bar), (8, top + 6))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((8, top + 6, 168, top + 16), outline=(120, 120, 120))
    draw.text((176, top + 5), f"background: {surface_label}", fill="black", font=font)
    row = top + 26
    draw.ellipse((10, row, 18, row + 8), fill=REAL_COLOUR, outline="white")
    draw.text((24, row - 1), "real data", fill="black", font=font)
    draw.ellipse((100, row, 108, row + 8), fill=FAKE_COLOUR, outline=(60, 60, 60))
    draw.text((114, row - 1), "generated (fake)", fill="black", font=font)
    draw.line((222, row + 4, 244, row + 4), fill=ARROW_COLOUR, width=2)
    draw.text((250, row - 1), "where G pushes its points", fill="black", font=font)


def draw_gan_frame(snapshot: dict, size: int = 440) -> Image.Image:
    """One frame: D's surface as the background, real and fake points, G's gradient arrows, a legend."""
    legend_height = 44
    picture = Image.new("RGB", (size, size + legend_height), "white")
    surface = Image.fromarray(viridis(snapshot["surface"])).resize((size, size), Image.Resampling.BILINEAR)
    picture.paste(surface, (0, 0))
    draw = ImageDraw.Draw(picture)
    for tick in range(-int(VIEW), int(VIEW) + 1):  # faint unit grid, axes darker
        x = (tick + VIEW) * size / (2 * VIEW)
        shade = (150, 150, 150) if tick == 0 else (205, 205, 205)
        draw.line((x, 0, x, size), fill=shade)
        draw.line((0, x, size, x), fill=shade)
    _dots(draw, _to_pixels(snapshot["real"], size), REAL_COLOUR, (255, 255, 255), 2.6)
    fake = snapshot["fake"]
    finite = np.isfinite(fake).all(axis=1) & (np.abs(fake) < 1e6).all(axis=1)
    _dots(draw, _to_pixels(fake[finite], size), FAKE_COLOUR, (60, 60, 60), 2.6)
    _arrows(draw, snapshot["arrow_starts"], snapshot["arrow_directions"], size)
    draw.rectangle((0, 0, size - 1, size - 1), outline=(120, 120, 120))
    _legend(picture, size, snapshot["surface_label"])
    return picture


def curve_frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame | None:
    """History rows → a DataFrame averaged in consecutive bins down to at most CURVE_POINTS rows; None if empty.

    None, not an empty frame: a plot first sent an empty frame keeps text axes in the browser (seen here).
    """
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=columns, dtype=float)
    if len(frame) > CURVE_POINTS:
        frame = frame.groupby(frame.index * CURVE_POINTS // len(frame)).mean()
    return frame
