"""Permalinks: a tab's settings as URL query parameters, and the page restoring them when opened.

    /?tab=gan&digit=7&seed=42&psi=0.8&pc1=1.5&pc2=0&…&z2=0[&model=owner/name@rev]
    /?tab=lstm-text&prompt=ROMEO%3A%0A&n=300&temp=0.8&k=0&p=1&seed=5

The link is built in the browser (it knows the page's own address, proxies included) and read back
on the server from gr.Request when the page loads. Values from a URL are untrusted: each is checked
like the control it sets, and a bad one is skipped with a notice, never an error page.
"""

from __future__ import annotations

import gradio as gr

from ui import gan, lstm_text
from ui.links import GAN_PARAMS
from ui.validation import as_float, as_int, as_text


def _read(params: dict, name: str, parse, skipped: list[str]):
    """params[name] parsed by `parse`, or gr.skip() when absent or invalid (noted in `skipped`)."""
    if name not in params:
        return gr.skip()
    try:
        return parse(params[name])
    except gr.Error as error:
        skipped.append(f"{name}: {error.message}")
        return gr.skip()


def restore(request: gr.Request) -> tuple:
    """On page load: (selected tab, the GAN Explore inputs, the LSTM generation inputs, run LSTM?)."""
    params = dict(request.query_params) if request is not None else {}
    skipped: list[str] = []
    model = _read(params, "model", lambda v: as_text(v, "Model", 300).strip(), skipped)
    gan_values = [
        model,
        _read(params, "digit", lambda v: as_int(v, "Digit", 0, 9), skipped),
        _read(params, "seed", lambda v: as_int(v, "Seed", 0, gan.MAX_SEED), skipped),
        _read(params, "psi", lambda v: as_float(v, "Truncation ψ", 0.0, 1.5), skipped),
    ] + [
        _read(params, name, lambda v, n=name: as_float(v, n, -gan.SLIDER_RANGE, gan.SLIDER_RANGE), skipped)
        for name in GAN_PARAMS[4:]
    ]
    lstm_values = [
        _read(params, "prompt", lambda v: as_text(v, "Prompt", lstm_text.MAX_INPUT_CHARS), skipped),
        _read(params, "n", lambda v: as_int(v, "Length", 1, lstm_text.MAX_NEW_CHARS), skipped),
        _read(params, "temp", lambda v: as_float(v, "Temperature", 0.0, 2.0), skipped),
        _read(params, "k", lambda v: as_int(v, "Top-k", 0, 65), skipped),
        _read(params, "p", lambda v: as_float(v, "Top-p", 0.05, 1.0), skipped),
        _read(params, "seed", lambda v: as_int(v, "Seed", 0, lstm_text.MAX_SEED), skipped),
    ]
    tab = params.get("tab", "")
    if tab not in ("gan", "lstm-text"):
        tab = None
    if tab != "lstm-text":  # a GAN link's seed is the GAN's, not the LSTM's
        lstm_values = [gr.skip()] * len(lstm_values)
    else:
        gan_values = [gr.skip()] * len(gan_values)
    if skipped:
        gr.Warning(
            "Some settings in the link were not valid and were left as they were: " + "; ".join(skipped)
        )
    selected = gr.Tabs(selected=tab) if tab else gr.skip()
    return selected, *gan_values, *lstm_values, tab == "lstm-text"


def generate_if_linked(run: bool, *inputs):
    """After `restore`: stream the linked LSTM generation (a seeded run: the same text as when shared)."""
    if not run:
        yield gr.skip(), gr.skip(), gr.skip()
        return
    yield from lstm_text.lstm_generate(*inputs)
