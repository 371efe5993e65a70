"""Permalinks: a tab's settings as URL query parameters, and the page restoring them when opened.

    /?tab=gan&digit=7&seed=42&psi=0.8&pc1=1.5&pc2=0&…&z2=0[&model=owner/name@rev]
    /?tab=lstm-text&prompt=ROMEO%3A%0A&n=300&temp=0.8&k=0&p=1&seed=5

The link is built in the browser (it knows the page's own address, proxies included) and read back
on the server from gr.Request when the page loads. Values from a URL are untrusted: each is checked
like the control it sets, and a bad one is skipped with a notice, never an error page.
"""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from ui import lstm_text
from ui.i18n import in_english
from ui.links import GAN_PARAMS, LSTM_PARAMS
from ui.validation import as_float, as_int, as_text

MAX_MODEL_ID_CHARS = 300


def _whole(number: float | None) -> bool:
    return number is not None and float(number).is_integer()


def parser_for(control: gr.components.Component) -> Callable[[str], object]:
    """URL text → a value `control` accepts: checked against the control's own range or choices.

    Raises gr.Error naming the control (in English) when the value is out of range or not a number.
    """
    label = in_english(getattr(control, "label", None)) or "Model"
    if isinstance(control, gr.Radio):
        values = [value for _, value in control.choices]
        return lambda text: as_int(text, label, min(values), max(values))
    if isinstance(control, gr.Slider | gr.Number):
        low, high = control.minimum, control.maximum
        check = as_int if _whole(control.step) and _whole(low) else as_float
        return lambda text: check(text, label, low, high)
    if isinstance(control, gr.Textbox):
        return lambda text: as_text(text, label, control.max_length or 1000)
    return lambda text: as_text(text, label, MAX_MODEL_ID_CHARS).strip()  # gr.State: the model id


def _read(params: dict, name: str, parse, skipped: list[str]):
    """params[name] parsed by `parse`, or gr.skip() when absent or invalid (noted in `skipped`)."""
    if name not in params:
        return gr.skip()
    try:
        return parse(params[name])
    except gr.Error as error:
        skipped.append(f"{name}: {error.message}")
        return gr.skip()


def make_restore(gan_inputs: list, lstm_inputs: list) -> Callable:
    """The page-load handler for the GAN Explore controls and the LSTM generation controls, in the order
    of links.GAN_PARAMS / LSTM_PARAMS; each link value is checked like the control it sets."""
    gan_parsers = [parser_for(control) for control in gan_inputs]
    lstm_parsers = [parser_for(control) for control in lstm_inputs]

    def restore(request: gr.Request) -> tuple:
        """On page load: (selected tab, the GAN Explore inputs, the LSTM generation inputs, run LSTM?)."""
        params = dict(request.query_params) if request is not None else {}
        tab = params.get("tab", "")
        if tab not in ("gan", "lstm-text"):
            tab = None
        skipped: list[str] = []
        gan_values = [gr.skip()] * len(gan_parsers)
        lstm_values = [gr.skip()] * len(lstm_parsers)
        if tab == "lstm-text":  # a GAN link's seed is the GAN's, not the LSTM's, and the other way round
            lstm_values = [
                _read(params, n, p, skipped) for n, p in zip(LSTM_PARAMS, lstm_parsers, strict=True)
            ]
        else:
            gan_values = [_read(params, n, p, skipped) for n, p in zip(GAN_PARAMS, gan_parsers, strict=True)]
        if skipped:
            gr.Warning(
                "Some settings in the link were not valid and were left as they were: " + "; ".join(skipped)
            )
        selected = gr.Tabs(selected=tab) if tab else gr.skip()
        return selected, *gan_values, *lstm_values, tab == "lstm-text"

    return restore


def generate_if_linked(run: bool, *inputs):
    """After `restore`: stream the linked LSTM generation (a seeded run: the same text as when shared)."""
    if not run:
        yield gr.skip(), gr.skip(), gr.skip()
        return
    yield from lstm_text.lstm_generate(*inputs)
