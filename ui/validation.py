"""Boundary checks for handler inputs: clear messages (InputError) naming the value and allowed range."""

from __future__ import annotations

import logging
import math

import gradio as gr

log = logging.getLogger("ganlab")


class InputError(gr.Error):
    """A user's bad input: the message reaches them, the server log gets one line and no traceback
    (nothing is broken). Faults of the app itself stay plain exceptions, traceback and all."""

    def __init__(self, message: str):
        super().__init__(message, print_exception=False)
        log.info("input refused: %s", message)


def as_int(value: object, name: str, low: int, high: int) -> int:
    """An integer in [low, high] from a number or numeric text; anything else is a gr.Error."""
    if isinstance(value, bool) or value is None:
        raise InputError(f"{name} must be a whole number from {low} to {high}, got {value!r}.")
    try:
        number = float(value)  # accepts 7, 7.0, "7"
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be a whole number from {low} to {high}, got {str(value)[:40]!r}."
        ) from None
    if not math.isfinite(number) or number != int(number):
        raise InputError(f"{name} must be a whole number from {low} to {high}, got {str(value)[:40]}.")
    if not low <= number <= high:
        raise InputError(f"{name} must be from {low} to {high}, got {int(number)}.")
    return int(number)


def as_float(value: object, name: str, low: float, high: float) -> float:
    """A finite float in [low, high]; NaN, infinities, text and out-of-range values are a gr.Error."""
    if isinstance(value, bool) or value is None:
        raise InputError(f"{name} must be a number from {low:g} to {high:g}, got {value!r}.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be a number from {low:g} to {high:g}, got {str(value)[:40]!r}."
        ) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise InputError(f"{name} must be a number from {low:g} to {high:g}, got {number}.")
    return number


def as_text(value: object, name: str, max_chars: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{name} must be text, got {type(value).__name__}.")
    if len(value) > max_chars:
        raise InputError(f"{name} is {len(value)} characters long; the limit is {max_chars}.")
    return value
