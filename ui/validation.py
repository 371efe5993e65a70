"""Boundary checks for handler inputs: clear messages (InputError) naming the value and allowed range."""

from __future__ import annotations

import logging
import math

import gradio as gr

from ui.i18n import EN, tr

log = logging.getLogger("ganlab")


class InputError(gr.Error):
    """A user's bad input: the message reaches them, the server log gets one line and no traceback
    (nothing is broken). Faults of the app itself stay plain exceptions, traceback and all."""

    def __init__(self, message: str):
        super().__init__(message, print_exception=False)
        log.info("input refused: %s", message)


def _name(name: str) -> str:
    """A control's name in the page's language (its English name when there is no translation)."""
    return tr(f"control.{name}") if f"control.{name}" in EN else name


def as_int(value: object, name: str, low: int, high: int) -> int:
    """An integer in [low, high] from a number or numeric text; anything else is an InputError."""
    if isinstance(value, bool) or value is None:
        raise InputError(tr("error.whole", name=_name(name), low=low, high=high, value=repr(value)))
    try:
        number = float(value)  # accepts 7, 7.0, "7"
    except (TypeError, ValueError):
        raise InputError(
            tr("error.whole", name=_name(name), low=low, high=high, value=repr(str(value)[:40]))
        ) from None
    if not math.isfinite(number) or number != int(number):
        raise InputError(tr("error.whole", name=_name(name), low=low, high=high, value=str(value)[:40]))
    if not low <= number <= high:
        raise InputError(tr("error.int_range", name=_name(name), low=low, high=high, value=int(number)))
    return int(number)


def as_float(value: object, name: str, low: float, high: float) -> float:
    """A finite float in [low, high]; NaN, infinities, text and out-of-range values are an InputError."""
    bounds = {"name": _name(name), "low": f"{low:g}", "high": f"{high:g}"}
    if isinstance(value, bool) or value is None:
        raise InputError(tr("error.number", **bounds, value=repr(value)))
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(tr("error.number", **bounds, value=repr(str(value)[:40]))) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise InputError(tr("error.number", **bounds, value=number))
    return number


def as_text(value: object, name: str, max_chars: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(tr("error.text", name=_name(name), kind=type(value).__name__))
    if len(value) > max_chars:
        raise InputError(tr("error.too_long", name=_name(name), length=len(value), limit=max_chars))
    return value
