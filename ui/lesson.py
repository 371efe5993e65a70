"""Lesson tab: a guided walk through both models, "predict, then reveal", one gr.Walkthrough step each."""

from __future__ import annotations

import gradio as gr

from ui.i18n import I18N
from ui.theory import show_me_button
from ui.validation import InputError

# (step number, id of the tab the step uses): texts are lesson.step{n}.title / .task / .answer in ui/i18n.py
STEPS: list[tuple[int, str]] = [
    (1, "gan"),
    (2, "gan"),
    (3, "gan"),
    (4, "live-training"),
    (5, "live-training"),
    (6, "live-training"),
    (7, "lstm-text"),
    (8, "lstm-text"),
    (9, "lstm-classify"),
    (10, "live-training"),
]


def go_to_step(step: int) -> gr.Walkthrough:
    """The update that shows step `step` of the lesson."""
    if not 1 <= step <= len(STEPS):
        raise InputError(f"Lesson step must be from 1 to {len(STEPS)}, got {step}.")
    return gr.Walkthrough(selected=step)


def _nav_button(walkthrough: gr.Walkthrough, key: str, step: int) -> None:
    button = gr.Button(I18N(key), size="sm", scale=0)
    button.click(lambda: go_to_step(step), None, walkthrough, queue=False, api_visibility="private")


def build_lesson(tabs: gr.Tabs) -> None:
    """The Lesson tab; `tabs` is the app's top-level gr.Tabs, which each step's "Show me" button switches."""
    with gr.Tab(I18N("lesson.tab"), id="lesson"):
        gr.Markdown(I18N("lesson.intro"))
        with gr.Walkthrough(selected=1, elem_id="lesson") as walkthrough:
            for number, tab_id in STEPS:
                with gr.Step(I18N(f"lesson.step{number}.title"), id=number, elem_id=f"lesson-step{number}"):
                    gr.Markdown(I18N(f"lesson.step{number}.task"))
                    with gr.Accordion(I18N("lesson.reveal"), open=False):
                        gr.Markdown(I18N(f"lesson.step{number}.answer"))
                    with gr.Row():
                        if number > 1:
                            _nav_button(walkthrough, "lesson.back", number - 1)
                        show_me_button(tabs, tab_id)
                        if number < len(STEPS):
                            _nav_button(walkthrough, "lesson.next", number + 1)
