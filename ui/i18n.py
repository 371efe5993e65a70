"""The app's UI strings in English and Simplified Chinese: one `I18N` for every tab.

`I18N("key")` gives a placeholder that the browser replaces with the text for its locale (Gradio picks
the locale from the browser; English is the fallback). Pass `I18N` to `demo.launch(i18n=I18N)`.
This module is the translation API only; the texts live beside their tab in ui/texts/<tab>.py, each
key with its English and Chinese side by side.

What is translated: every string set when the layout is built (tab names, labels, info texts, button
texts, Markdown intros, the display names of Radio and Dropdown choices; their values stay English,
so handlers and the API receive the same values in every language). What stays English: text that
handlers return at run time (captions, status lines, notes, gr.Error / gr.Warning / gr.Info messages,
the labels gan_load_model gives the sliders), because it is also what the API returns and Gradio
translates only the placeholders it finds in component properties, not handler output. Also English:
the plots' axis titles (Gradio 6.31 does not translate x_title / y_title) and the example inputs
(the models read English).
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import gradio as gr
from gradio.i18n import I18nData

from ui import texts


def _join_wrapped_chinese(text: str) -> str:
    """Join a paragraph's wrapped lines where both sides are Chinese: browsers show that line break as a space."""
    lines = text.split("\n")
    joined = [lines[0]]
    for line in lines[1:]:
        previous, rest = joined[-1], line.lstrip()
        if (
            previous
            and rest
            and not previous.startswith(("#", "|"))
            and previous[-1] > "\x7f"
            and rest[0] > "\x7f"
        ):
            joined[-1] = previous + rest
        else:
            joined.append(line)
    return "\n".join(joined)


TABLES = [
    texts.app,
    texts.gan,
    texts.lstm_text,
    texts.classify,
    texts.live,
    texts.rcgan,
    texts.theory,
    texts.lesson,
]
EN: dict[str, str] = {key: en for table in TABLES for key, (en, _) in table.TEXTS.items()}
ZH: dict[str, str] = {
    key: _join_wrapped_chinese(zh) for table in TABLES for key, (_, zh) in table.TEXTS.items()
}

I18N = gr.I18n(en=EN, zh=ZH)


_PLACEHOLDER = re.compile(r"__i18n__(\{[^{}]*\})")  # what str(I18N("key")) looks like


def in_english(value: Any) -> Any:
    """`value` (a string, I18nData, or lists and dicts of them) with every I18N placeholder in English."""
    if isinstance(value, I18nData):
        return EN.get(value.key, value.key)
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: EN.get(json.loads(m.group(1))["key"], m.group(0)), value)
    if isinstance(value, dict):
        return {key: in_english(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(in_english(item) for item in value)
    return value


# ----------------------------------------------------------------------------- run-time texts
# Handlers write captions, notes and messages in the page's language: the page tells the server which
# (ui/language.py: a `ganlab_lang` cookie and a `lang` parameter in the page's address, which the
# browser sends as the Referer of every queued call). API clients send neither: they get English.

LANGUAGES = ("en", "zh")
_language: contextvars.ContextVar[str] = contextvars.ContextVar("ganlab_language", default="en")


def language_of(request: gr.Request | None) -> str:
    """The page's language for this call: its cookie, else its address's `lang`, else English."""
    if request is None:
        return "en"
    cookies = getattr(request, "cookies", None) or {}
    chosen = cookies.get("ganlab_lang")
    if chosen not in LANGUAGES:
        referer = (getattr(request, "headers", None) or {}).get("referer", "")
        chosen = parse_qs(urlparse(referer).query).get("lang", [""])[0]
    return chosen if chosen in LANGUAGES else "en"


def current_language() -> str:
    return _language.get()


def tr(key: str, **fields: Any) -> str:
    """The run-time text `key` in the current call's language, with `fields` filled in."""
    table = ZH if _language.get() == "zh" else EN
    text = table.get(key, EN.get(key, key))
    return text.format(**fields) if fields else text


def in_language(language: str, fn: Callable, *args: Any) -> Any:
    """`fn(*args)` with `language` as the current language (for tests and the page's first view)."""
    token = _language.set(language if language in LANGUAGES else "en")
    try:
        return fn(*args)
    finally:
        _language.reset(token)


def localized(fn: Callable) -> Callable:
    """A handler that writes in the page's language: Gradio hands it the request first (not an input,
    not an API parameter: the API's parameters and its English are unchanged)."""
    signature = inspect.signature(fn)
    request_param = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=gr.Request
    )
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def wrapper(request: gr.Request, *args):
            language, steps = language_of(request), fn(*args)
            while True:
                token = _language.set(language)
                try:
                    value = next(steps)
                except StopIteration:
                    return
                finally:
                    _language.reset(token)
                yield value

    else:

        @functools.wraps(fn)
        def wrapper(request: gr.Request, *args):
            return in_language(language_of(request), fn, *args)

    wrapper.__signature__ = signature.replace(parameters=[request_param, *signature.parameters.values()])
    wrapper.__annotations__ = {"request": gr.Request}
    del wrapper.__wrapped__  # Gradio reads the signature above, not fn's
    return wrapper
