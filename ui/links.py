"""The "link to this" button: a tab's inputs → the page's own URL with them as query parameters.

Built in the browser, which knows the page's public address (proxies included); ui/permalink.py
reads the parameters back when such a link is opened.
"""

from __future__ import annotations

import gradio as gr

from ui.i18n import I18N


def link_js(tab: str, names: list[str]) -> str:
    """A JS function of the tab's input values (in `names` order) returning the permalink."""
    keys = ", ".join(f"'{n}'" for n in names)
    return f"""(...values) => {{
        const url = new URL(window.location.href.split('?')[0].split('#')[0]);
        url.searchParams.set('tab', '{tab}');
        [{keys}].forEach((name, i) => {{
            const v = values[i];
            if (v !== null && v !== undefined && !(name === 'model' && v === '')) url.searchParams.set(name, v);
        }});
        return url.toString();
    }}"""


GAN_PARAMS = ["model", "digit", "seed", "psi", "pc1", "pc2", "pc3", "pc4", "pc5", "z0", "z1", "z2"]
LSTM_PARAMS = ["prompt", "n", "temp", "k", "p", "seed"]


def link_row(tab: str, prefix: str) -> tuple[gr.Button, gr.Textbox]:
    """The 🔗 button and the copyable box it fills (texts `<tab>.link` / `<tab>.link_box`); call in a layout."""
    with gr.Row():
        button = gr.Button(I18N(f"{tab}.link"), scale=0, elem_id=f"{prefix}-link-button")
        box = gr.Textbox(
            label=I18N(f"{tab}.link_box"), buttons=["copy"], interactive=False, elem_id=f"{prefix}-link"
        )
    return button, box


def wire_link(row: tuple[gr.Button, gr.Textbox], tab_id: str, names: list[str], inputs: list) -> None:
    """Clicking the row's button writes the permalink of `inputs` (named `names`) into its box, in the browser."""
    button, box = row
    button.click(None, inputs, box, js=link_js(tab_id, names), api_visibility="private")
