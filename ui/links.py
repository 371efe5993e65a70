"""Permalinks' contract: the controls a link restores, declared once where a tab builds them.

A tab declares `Linked(tab_id, {"seed": seed_box, …})`: each URL key beside its control, in the order
the tab's handler takes them. The 🔗 button builds the link in the browser (it knows the page's public
address, proxies included) and copies it; ui/permalink.py reads the same declaration back when such a
link is opened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import gradio as gr

from ui.i18n import I18N


@dataclass(frozen=True)
class Linked:
    """The controls of one tab that a permalink carries: URL key → control, in handler order."""

    tab_id: str  # the gr.Tab id the link selects (`?tab=<tab_id>`)
    controls: dict[str, gr.components.Component]

    @property
    def keys(self) -> list[str]:
        return list(self.controls)

    @property
    def inputs(self) -> list[gr.components.Component]:
        return list(self.controls.values())


@dataclass(frozen=True)
class LinkRow:
    """The 🔗 button, the box that shows the link it copied, and the note that says it was copied."""

    button: gr.Button
    box: gr.Textbox
    copied: gr.Markdown


def link_js(linked: Linked, copied_id: str) -> str:
    """A JS function of the linked controls' values returning the permalink; it also copies the link
    and shows the note `copied_id` (the clipboard needs a secure page: https or localhost)."""
    return f"""(...values) => {{
        const url = new URL(window.location.href.split('?')[0].split('#')[0]);
        url.searchParams.set('tab', {json.dumps(linked.tab_id)});
        if (window.ganlabLanguage) url.searchParams.set('lang', window.ganlabLanguage);  // opens in this language
        {json.dumps(linked.keys)}.forEach((name, i) => {{
            const v = values[i];
            if (v !== null && v !== undefined && !(name === 'model' && v === '')) url.searchParams.set(name, v);
        }});
        const link = url.toString();
        const note = document.getElementById({json.dumps(copied_id)});
        const show = () => {{ if (note) {{ note.classList.add('shown'); setTimeout(() => note.classList.remove('shown'), 4000); }} }};
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).then(show, () => {{}});
        return link;
    }}"""


def link_row(tab: str, prefix: str) -> LinkRow:
    """The 🔗 button and the copyable box it fills (texts `<tab>.link` / `<tab>.link_box`); call in a layout."""
    with gr.Row():
        button = gr.Button(I18N(f"{tab}.link"), scale=0, elem_id=f"{prefix}-link-button")
        box = gr.Textbox(
            label=I18N(f"{tab}.link_box"), buttons=["copy"], interactive=False, elem_id=f"{prefix}-link"
        )
    # shown for a few seconds once the link is on the clipboard (ui/style.py hides it otherwise)
    copied = gr.Markdown(I18N("common.copied"), elem_id=f"{prefix}-link-copied", elem_classes=["link-copied"])
    return LinkRow(button, box, copied)


def wire_link(row: LinkRow, linked: Linked) -> None:
    """Clicking the row's button writes the permalink of the linked controls into its box, in the browser."""
    js = link_js(linked, row.copied.elem_id)
    row.button.click(None, linked.inputs, row.box, js=js, api_visibility="private")
