"""Permalink restore in-process: each value from the URL is checked against the control it sets."""

import contextlib
from types import SimpleNamespace

import gradio as gr
import pytest

from ui import gan, lstm_text, permalink


@pytest.fixture(scope="module")
def restore():
    with gr.Blocks():
        linked = gr.State(False)
        with gr.Tabs():
            gan_tab = gan.build_tab()
            text_tab = lstm_text.build_tab(linked)
    return permalink.make_restore([gan_tab.explore.linked, text_tab.linked])


def opened(restore, notice: bool = False, **params) -> tuple:
    """restore() for a page opened with these query parameters; `notice`: a skipped-values warning is expected."""
    with pytest.warns(UserWarning, match="were not valid") if notice else contextlib.nullcontext():
        return restore(SimpleNamespace(query_params=params))


def is_skip(value) -> bool:
    return value == gr.skip()


def test_a_gan_link_sets_the_gan_controls_within_their_ranges(restore):
    tab, model, digit, seed, psi, pc1, *rest, run_lstm = opened(
        restore, tab="gan", digit="3", seed="987", psi="1.6", pc1="0.5", z2="-9", notice=True
    )
    assert tab.selected == "gan" and run_lstm is False
    assert is_skip(model)  # absent: left as it is
    assert digit == 3 and isinstance(digit, int) and seed == 987 and isinstance(seed, int)
    assert is_skip(psi)  # the truncation slider ends at 1.5
    assert pc1 == 0.5
    gan_rest, lstm_values = rest[: len(rest) - 6], rest[-6:]
    assert is_skip(gan_rest[-1])  # z2 = -9 is beyond the slider's ±4
    assert all(is_skip(v) for v in lstm_values)  # a GAN link's seed is not the LSTM's


def test_an_lstm_link_sets_the_generation_controls(restore):
    *head, prompt, n, temp, k, p, seed, run_lstm = opened(
        restore,
        tab="lstm-text",
        prompt="KING:\n",
        n="80",
        temp="0.9",
        k="66",
        p="0.95",
        seed="5",
        notice=True,
    )
    assert head[0].selected == "lstm-text" and run_lstm is True
    assert all(is_skip(v) for v in head[1:])  # the GAN controls keep their values
    assert (prompt, n, temp, p, seed) == ("KING:\n", 80, 0.9, 0.95, 5)
    assert is_skip(k)  # top-k ends at the vocabulary size, 65


def test_a_plain_visit_changes_nothing(restore):
    tab, *values, run_lstm = opened(restore)
    assert is_skip(tab) and all(is_skip(v) for v in values) and run_lstm is False


def _other_value(control):
    """A valid value for `control` unlike its default, as the page would write it into a link."""
    if isinstance(control, gr.Radio):
        return next(value for _, value in control.choices if value != control.value)
    if isinstance(control, gr.Slider | gr.Number):
        low = control.minimum if control.minimum is not None else 0
        high = control.maximum if control.maximum is not None else low + 10
        value = low + (high - low) * 0.25
        whole = float(control.step or 1).is_integer() and float(low).is_integer()
        return round(value) if whole else round(value, 2)
    return "some text\nover two lines" if control.interactive is not False else "owner/name@main"


@pytest.fixture(scope="module")
def declared():
    with gr.Blocks():
        linked = gr.State(False)
        with gr.Tabs():
            gan_tab = gan.build_tab()
            text_tab = lstm_text.build_tab(linked)
    entries = [gan_tab.explore.linked, text_tab.linked]
    return entries, permalink.make_restore(entries)


def test_every_declared_control_round_trips_through_a_link(declared):
    entries, restore = declared
    offset = 0
    for entry in entries:
        values = {key: _other_value(control) for key, control in entry.controls.items()}
        tab, *restored, _ = restore(
            SimpleNamespace(
                query_params={"tab": entry.tab_id} | {key: str(value) for key, value in values.items()}
            )
        )
        assert tab.selected == entry.tab_id
        mine = restored[offset : offset + len(values)]
        assert mine == list(values.values()), entry.tab_id
        others = restored[:offset] + restored[offset + len(values) :]
        assert all(is_skip(v) for v in others)  # other tabs' controls are left alone
        offset += len(values)
    assert offset == len(restored)
