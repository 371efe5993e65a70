"""Boundary checks for handler inputs: clear gr.Error messages naming the value and allowed range."""

from __future__ import annotations

import math

import gradio as gr


def as_int(value: object, name: str, low: int, high: int) -> int:
    """An integer in [low, high] from a number or numeric text; anything else is a gr.Error."""
    if isinstance(value, bool) or value is None:
        raise gr.Error(f"{name} must be a whole number from {low} to {high}, got {value!r}.")
    try:
        number = float(value)  # accepts 7, 7.0, "7"
    except (TypeError, ValueError):
        raise gr.Error(
            f"{name} must be a whole number from {low} to {high}, got {str(value)[:40]!r}."
        ) from None
    if not math.isfinite(number) or number != int(number):
        raise gr.Error(f"{name} must be a whole number from {low} to {high}, got {str(value)[:40]}.")
    if not low <= number <= high:
        raise gr.Error(f"{name} must be from {low} to {high}, got {int(number)}.")
    return int(number)


def as_float(value: object, name: str, low: float, high: float) -> float:
    """A finite float in [low, high]; NaN, infinities, text and out-of-range values are a gr.Error."""
    if isinstance(value, bool) or value is None:
        raise gr.Error(f"{name} must be a number from {low:g} to {high:g}, got {value!r}.")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise gr.Error(
            f"{name} must be a number from {low:g} to {high:g}, got {str(value)[:40]!r}."
        ) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise gr.Error(f"{name} must be a number from {low:g} to {high:g}, got {number}.")
    return number


def as_text(value: object, name: str, max_chars: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise gr.Error(f"{name} must be text, got {type(value).__name__}.")
    if len(value) > max_chars:
        raise gr.Error(f"{name} is {len(value)} characters long; the limit is {max_chars}.")
    return value
