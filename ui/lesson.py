"""Lesson tab: a guided walk through both models, "predict, then reveal", one gr.Walkthrough step each."""

from __future__ import annotations

import gradio as gr

from ui import gan, live_training, lstm_classify, lstm_text
from ui.i18n import I18N
from ui.theory import Destination, show_me_button
from ui.validation import InputError

# (step number, where its "Show me" leads): texts are lesson.step{n}.title / .task / .answer (ui/texts/lesson.py)
STEPS: list[tuple] = [  # (number, destination, further destinations...)
    (1, "gan"),
    (2, "gan"),
    (3, "gan/interpolate"),
    (4, "live/default"),
    (5, "live/collapse", "gan/collapsed"),
    (6, "live/wgan_gp"),
    (7, "lstm-text"),
    (8, "lstm-text/forget-gate"),
    (9, "classify/sentiment"),
    (10, "live/char-lstm"),
]


def collapsed_destination(gan_tab: gan.GanTab) -> Destination:
    """The GAN tab's Grid, where the mode-collapsed digit GAN is shown beside the healthy one."""
    return Destination("gan", gan_tab.subtabs, "gan-grid", label_key="theory.go.collapsed")


def destinations(
    gan_tab: gan.GanTab,
    text_tab: lstm_text.LstmTextTab,
    classify_tab: lstm_classify.ClassifyTab,
    live_tab: live_training.LiveTab,
) -> dict[str, Destination]:
    """Each step's "Show me" destination: the tab and sub-tab it names, with its preset or gate chosen."""
    found = {
        "gan": Destination("gan", gan_tab.subtabs, "gan-explore"),
        "gan/interpolate": Destination("gan", gan_tab.subtabs, "gan-interpolate"),
        "gan/collapsed": collapsed_destination(gan_tab),
        "lstm-text": Destination("lstm-text"),
        "lstm-text/forget-gate": Destination(
            "lstm-text", values=((text_tab.quantity, "f"), (text_tab.layer, 1))
        ),
        "classify/sentiment": Destination("lstm-classify", classify_tab.subtabs, "classify-sentiment"),
        "live/char-lstm": Destination("live-training", live_tab.subtabs, "live-char-lstm"),
    }
    controls = live_tab.gan.controls
    for name, key in live_training.PRESET_KEYS.items():
        values = (
            (controls["preset"], name),
            *zip(
                [controls[field] for field in live_training.CONTROL_NAMES],
                live_training.apply_preset(name),
                strict=True,
            ),
        )
        found[f"live/{key}"] = Destination("live-training", live_tab.subtabs, "live-gan2d", values)
    return found


def go_to_step(step: int) -> gr.Walkthrough:
    """The update that shows step `step` of the lesson."""
    try:
        step = int(step)
    except (TypeError, ValueError):
        raise InputError(f"Lesson step must be from 1 to {len(STEPS)}, got {str(step)[:20]!r}.") from None
    if not 1 <= step <= len(STEPS):
        raise InputError(f"Lesson step must be from 1 to {len(STEPS)}, got {step}.")
    return gr.Walkthrough(selected=step)


def _nav_button(walkthrough: gr.Walkthrough, key: str, step: int) -> None:
    button = gr.Button(I18N(key), size="sm", scale=0)
    button.click(lambda: go_to_step(step), None, walkthrough, queue=False, api_visibility="private")


def _step_picker(walkthrough: gr.Walkthrough) -> None:
    """A student jumps straight to any step (a class picks up where it left off)."""
    picker = gr.Dropdown(
        [(I18N(f"lesson.step{number}.title"), number) for number, *_ in STEPS],
        value=1,
        label=I18N("lesson.jump"),
        elem_id="lesson-jump",
        scale=0,
        min_width=260,
    )
    picker.input(go_to_step, picker, walkthrough, queue=False, api_visibility="private")


def build_lesson(tabs: gr.Tabs, targets: dict[str, Destination] | None = None) -> None:
    """The Lesson tab; `tabs` is the app's top-level gr.Tabs, which each step's "Show me" button switches
    to its destination in `targets` (default: the top-level tab the destination key starts with)."""
    targets = targets or {}
    with gr.Tab(I18N("lesson.tab"), id="lesson"):
        gr.Markdown(I18N("lesson.intro"))
        walkthrough = gr.Walkthrough(selected=1, elem_id="lesson", render=False)
        _step_picker(walkthrough)
        walkthrough.render()
        with walkthrough:
            for number, target, *more in STEPS:
                with gr.Step(I18N(f"lesson.step{number}.title"), id=number, elem_id=f"lesson-step{number}"):
                    gr.Markdown(I18N(f"lesson.step{number}.task"))
                    with gr.Accordion(I18N("lesson.reveal"), open=False):
                        gr.Markdown(I18N(f"lesson.step{number}.answer"))
                    with gr.Row():
                        if number > 1:
                            _nav_button(walkthrough, "lesson.back", number - 1)
                        for key in (target, *more):
                            show_me_button(tabs, targets.get(key, _TOP_TABS[key.split("/")[0]]))
                        if number < len(STEPS):
                            _nav_button(walkthrough, "lesson.next", number + 1)


_TOP_TABS = {"gan": "gan", "live": "live-training", "lstm-text": "lstm-text", "classify": "lstm-classify"}
