"""Permalinks: a tab's settings as URL query parameters, and the page restoring them when opened.

    /?tab=gan&digit=7&seed=42&psi=0.8&pc1=1.5&pc2=0&…&z2=0[&model=owner/name@rev]
    /?tab=lstm-text&prompt=ROMEO%3A%0A&n=300&temp=0.8&k=0&p=1&seed=5

Which controls a link carries, and under which keys, each tab declares once (ui/links.Linked). The
link is built in the browser and read back on the server from gr.Request when the page loads. Values
from a URL are untrusted: each is checked like the control it sets, and a bad one is skipped with a
notice, never an error page.
"""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from ui import lstm_text
from ui.i18n import in_english, in_language, language_of, tr
from ui.links import Linked
from ui.validation import as_float, as_int, as_text

MAX_MODEL_ID_CHARS = 300
GENERATES_ON_OPEN = "lstm-text"  # the tab whose link also runs its generation (a seeded text)


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
    return lambda text: as_text(text, label, MAX_MODEL_ID_CHARS).strip()  # gr.State: a model id


def _read(params: dict, name: str, parse, skipped: list[str]):
    """params[name] parsed by `parse`, or gr.skip() when absent or invalid (noted in `skipped`)."""
    if name not in params:
        return gr.skip()
    try:
        return parse(params[name])
    except gr.Error as error:
        skipped.append(f"{name}: {error.message}")
        return gr.skip()


def restore_outputs(tabs: gr.Tabs, linked: list[Linked], run_lstm: gr.State) -> list:
    """The outputs `make_restore`'s handler fills, in its order."""
    return [tabs, *[control for entry in linked for control in entry.inputs], run_lstm]


def make_restore(linked: list[Linked]) -> Callable:
    """The page-load handler for every tab's linked controls; a link without a known tab sets the first's."""
    parsers = [{key: parser_for(control) for key, control in entry.controls.items()} for entry in linked]
    tab_ids = [entry.tab_id for entry in linked]

    def restore(request: gr.Request) -> tuple:
        """On page load: (selected tab, every tab's linked values, run the LSTM generation?)."""
        return in_language(language_of(request), read_link, request)

    def read_link(request: gr.Request) -> tuple:
        params = dict(request.query_params) if request is not None else {}
        tab = params.get("tab", "")
        tab = tab if tab in tab_ids else None
        # a GAN link's seed is the GAN's, not the LSTM's: only the named tab's controls are read
        reading = tab_ids.index(tab) if tab else 0
        skipped: list[str] = []
        values = []
        for index, entry_parsers in enumerate(parsers):
            if index == reading:
                values += [_read(params, key, parse, skipped) for key, parse in entry_parsers.items()]
            else:
                values += [gr.skip()] * len(entry_parsers)
        if skipped:
            gr.Warning(tr("permalink.skipped", skipped="; ".join(skipped)))
        selected = gr.Tabs(selected=tab) if tab else gr.skip()
        return selected, *values, tab == GENERATES_ON_OPEN

    return restore


def generate_if_linked(run: bool, *inputs):
    """After `restore`: stream the linked LSTM generation (a seeded run: the same text as when shared)."""
    if not run:
        yield gr.skip(), gr.skip(), gr.skip()
        return
    yield from lstm_text.lstm_generate(*inputs)
