"""The char-LSTM half of "Watch it learn": a tiny LSTM trains on a short text, streamed to the browser."""

from __future__ import annotations

import time
from dataclasses import dataclass

import gradio as gr

from models.tiny_char_lstm import TinyLSTMConfig, TinyLSTMTrainer, TrainingDiverged
from ui.i18n import I18N, localized, tr
from ui.live_plots import curve_frame
from ui.live_texts import TEXTS
from ui.validation import InputError, as_float, as_int, as_text

MAX_TEXT_CHARS = 20_000  # longer texts are cut here, with a note
MAX_SEED = 2**31 - 1
FRAME_EVERY_S = 0.5  # stream the loss curve this often
SAMPLE_EVERY_S = 2.0  # and a new sample this often
SAMPLE_CHARS = 200
# both live-training endpoints share these two slots: training is CPU-heavy, other tabs stay responsive
CONCURRENCY = {"concurrency_limit": 2, "concurrency_id": "live-training"}
# translation keys of the texts' display names (the values stay the English names of TEXTS)
TEXT_KEYS = dict(zip(TEXTS, ["coriolanus", "twinkle"], strict=True))


def train_char_lstm(text, learning_rate, seconds, temperature, seed):
    """Train a tiny char-LSTM on `text` for `seconds`, streaming its loss curve and a sample every 2 s."""
    text = as_text(text, "Text", 10**8)
    notes = []
    if len(text) > MAX_TEXT_CHARS:
        notes.append(tr("live.lstm.note.long", length=f"{len(text):,}", limit=f"{MAX_TEXT_CHARS:,}"))
        text = text[:MAX_TEXT_CHARS]
    if len(text) < 20:
        raise InputError(tr("live.lstm.error.short", length=len(text)))
    config = TinyLSTMConfig(
        lr=as_float(learning_rate, "Learning rate", 1e-5, 0.1), seed=as_int(seed, "Seed", 0, MAX_SEED)
    )
    seconds = as_float(seconds, "Seconds", 1, 30)
    temperature = as_float(temperature, "Temperature", 0.1, 2.0)
    trainer = TinyLSTMTrainer(text, config)
    samples = [
        tr("live.lstm.sample.untrained") + f"\n{trainer.sample(SAMPLE_CHARS, temperature, config.seed)}"
    ]
    start = last_frame = last_sample = time.monotonic()

    def outputs(state: str):
        curve = curve_frame(trainer.losses, ["step", "loss"])
        loss = f"{trainer.losses[-1][1]:.3f}" if trainer.losses else "–"
        status = tr(
            "live.lstm.status",
            step=trainer.step,
            state=tr(f"page.live.state.{state}"),
            loss=loss,
            alphabet=len(trainer.vocab),
            length=f"{len(text):,}",
        ) + "".join(f"\n\n{n}" for n in notes)
        return curve, "\n\n".join(reversed(samples)), status

    yield outputs("training")
    try:
        for _ in trainer.steps(10**9):
            now = time.monotonic()
            if now - start > seconds:
                break
            if now - last_sample >= SAMPLE_EVERY_S:
                last_sample = now
                sample = trainer.sample(SAMPLE_CHARS, temperature, config.seed + len(samples))
                samples.append(tr("live.lstm.sample.step", step=trainer.step) + f"\n{sample}")
            if now - last_frame >= FRAME_EVERY_S:
                last_frame = now
                yield outputs("training")
    except TrainingDiverged as error:
        notes.append(tr("live.lstm.diverged", reason=error))
        gr.Warning(notes[-1])
        yield outputs("stopped")
        return
    samples.append(
        tr("live.lstm.sample.final", step=trainer.step)
        + f"\n{trainer.sample(SAMPLE_CHARS, temperature, config.seed)}"
    )
    yield outputs("done")


OWN_TEXT = "own"  # the picker's value while the box holds a text of the student's own


def pick_text(name: str):
    """The text a picker choice names (the student's own text is left as it is)."""
    return TEXTS[name] if name in TEXTS else gr.skip()


def name_of_text(name: str, text: str):
    """The picker's value for what the box now holds."""
    return gr.skip() if TEXTS.get(name) == text else OWN_TEXT


@dataclass(frozen=True)
class CharLstmView:
    choice: gr.Dropdown
    inputs: list  # text, learning rate, seconds, temperature, seed: train_char_lstm's inputs
    train: gr.Button
    stop: gr.Button
    outputs: list  # loss curve, samples, status


def layout() -> CharLstmView:
    with gr.Tab(I18N("live.lstm.tab"), id="live-char-lstm"):
        gr.Markdown(I18N("live.lstm.intro"))
        with gr.Row():
            with gr.Column(scale=1):
                choice = gr.Dropdown(
                    [(I18N(f"live.lstm.text.{TEXT_KEYS[name]}"), name) for name in TEXTS]
                    + [(I18N("live.lstm.text.own"), OWN_TEXT)],
                    value=list(TEXTS)[0],
                    label=I18N("live.lstm.pick"),
                )
                # the label names MAX_TEXT_CHARS; the texts themselves are training data, not translated
                text = gr.Textbox(
                    TEXTS[list(TEXTS)[0]],
                    label=I18N("live.lstm.text"),
                    lines=8,
                    max_lines=14,
                    elem_id="charlstm-text",
                )
                learning_rate = gr.Number(
                    3e-3, label=I18N("live.lstm.learning_rate"), minimum=1e-5, maximum=0.1, step=1e-3
                )
                seconds = gr.Slider(2, 30, value=20, step=1, label=I18N("live.lstm.seconds"))
                temperature = gr.Slider(0.1, 2.0, value=0.8, step=0.05, label=I18N("live.lstm.temperature"))
                seed = gr.Number(0, label=I18N("common.seed"), precision=0, minimum=0, maximum=MAX_SEED)
                with gr.Row():
                    train = gr.Button(I18N("live.lstm.train"), variant="primary", elem_id="charlstm-train")
                    stop = gr.Button(I18N("common.stop"), variant="stop")
                gr.Markdown(I18N("live.lstm.queue"))
            with gr.Column(scale=2):
                status = gr.Markdown(elem_id="charlstm-status")
                curve = gr.LinePlot(
                    x="step", y="loss", label=I18N("live.lstm.loss"), height=240, elem_id="charlstm-loss"
                )
                samples = gr.Textbox(
                    label=I18N("live.lstm.samples"), lines=14, max_lines=30, elem_id="charlstm-samples"
                )
    inputs = [text, learning_rate, seconds, temperature, seed]
    return CharLstmView(choice, inputs, train, stop, [curve, samples, status])


def wire(view: CharLstmView) -> None:
    text = view.inputs[0]
    view.choice.input(pick_text, view.choice, text, api_visibility="private", queue=False)
    # a pasted or edited text is the student's own: the picker stops naming the text it replaced
    text.input(name_of_text, [view.choice, text], view.choice, api_visibility="private", queue=False)
    training = view.train.click(
        localized(train_char_lstm),
        view.inputs,
        view.outputs,
        api_name="train_char_lstm",
        preprocess=False,
        time_limit=50,
        show_progress="full",  # on the status line only: place in the queue and expected wait, then a timer
        show_progress_on=[view.outputs[2]],
        **CONCURRENCY,
        api_description="Train a tiny char-LSTM on a text (up to 30 s), streaming its loss curve, samples and status.",
    )
    view.stop.click(None, None, None, cancels=[training], api_visibility="private")


def build_tab() -> CharLstmView:
    view = layout()
    wire(view)
    return view
