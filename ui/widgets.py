"""Small builders for controls that several tabs share."""

from __future__ import annotations

import gradio as gr

MAX_SEED = 2**31 - 1


def seed_box(value: int, label, **kwargs) -> gr.Number:
    """A whole-number seed input in [0, MAX_SEED] (the handlers validate it again)."""
    return gr.Number(value=value, label=label, precision=None, step=1, minimum=0, maximum=MAX_SEED, **kwargs)


def image_output(label, elem_id: str, **kwargs) -> gr.Image:
    """A generated picture: handlers return a fresh PNG path (ui/images.save_png), users cannot edit it."""
    return gr.Image(label=label, type="filepath", format="png", interactive=False, elem_id=elem_id, **kwargs)
