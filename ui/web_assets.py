"""The page's own files under web/ (in-page models and their vendored libraries), served by Gradio.

Minimal version written on the browser-live branch (the GAN explorer's branch owns the full one, with
caching headers): the folder is registered with `gr.set_static_paths`, so Gradio serves each file at
/gradio_api/file=<path>; `asset_url` gives that URL with the file's modification time as a version
(a changed file gets a new URL, so a browser never runs a stale module).
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
gr.set_static_paths([WEB_DIR])


def asset_url(path: str) -> str:
    """The URL of a file under web/, e.g. asset_url("live/view.js"); ValueError outside web/ or if missing."""
    file = (WEB_DIR / path).resolve()
    if WEB_DIR not in file.parents or not file.is_file():
        raise ValueError(f"no file {path!r} under web/")
    return f"/gradio_api/file={file.as_posix()}?v={file.stat().st_mtime_ns // 1_000_000}"


def head_tags(*paths: str) -> str:
    """<link rel="modulepreload"> tags for ES modules under web/, so the browser fetches them early."""
    return "".join(f'<link rel="modulepreload" href="{asset_url(path)}">' for path in paths)
