"""The page's look: one font stack for every weight and both languages, and the app's own CSS.

Gradio's default theme ships a "Source Sans Pro" whose semibold face covers few letters, so headings
mixed two fonts ("GᴀN"). System fonts cover every weight, Latin and CJK alike, and need no download.
"""

from __future__ import annotations

import gradio as gr

from ui import language, text_view

SANS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Roboto",
    "Helvetica Neue",
    "Arial",
    "Noto Sans",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "sans-serif",
]
MONO = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Noto Sans Mono CJK SC", "monospace"]

CSS = (
    text_view.CSS
    + language.CSS
    + """
/* a lazy-loaded <img> below a phone's fold has no size until it loads, and never loads without one:
   fill the box, one sharp square per pixel */
#gan-image img { aspect-ratio: 1 / 1; min-width: 64px; object-fit: contain; image-rendering: pixelated; }
/* the page draws each new digit into a canvas over the image (web/gan/view.js), the same box and scaling */
#gan-image .image-frame { position: relative; }
#gan-image canvas.ganlab-live { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain;
  image-rendering: pixelated; pointer-events: none; }
.block.link-copied { display: none; }
.block.link-copied.shown { display: block; color: #1a7f37; }
"""
)


def theme() -> gr.themes.Base:
    return gr.themes.Default(font=SANS, font_mono=MONO)
