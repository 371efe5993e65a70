"""Footer panel: where every model in use came from (Hub repo and commit, or bundled folder)."""

from __future__ import annotations

import gradio as gr

from models import registry
from ui.i18n import I18N

SHOWN = (
    "dcgan-mnist",
    "rcgan-mnist",
    "dcgan-mnist-collapsed",
    "char-lstm-shakespeare",
    "sentiment-lstm-sst2",
    "names-lstm",
)


def models_provenance() -> str:
    lines = []
    for name in SHOWN:
        try:
            lines.append(f"- **{name}**: {registry.load_model(name).describe()}")
        except registry.ModelLoadError as error:
            lines.append(f"- **{name}**: not available ({error})")
    return "\n".join(lines)


def build_panel() -> gr.Markdown:
    """An accordion listing the models' provenance; returns the Markdown to fill on page load."""
    with gr.Accordion(I18N("about.accordion"), open=False):
        return gr.Markdown(I18N("common.loading"), elem_id="models-provenance")
