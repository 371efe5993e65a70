"""Recurrent-GAN tab: an LSTM generator draws a digit row by row, beside the DCGAN's digit from the same z."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

import gradio as gr
import numpy as np
import torch

from models import registry
from ui.heatmap import heatmap
from ui.i18n import I18N, localized, tr
from ui.images import display_scale, save_png, to_pil
from ui.validation import InputError, as_int
from ui.widgets import MAX_SEED, image_output, seed_box

MODEL_NAME = "rcgan-mnist"
DCGAN_NAME = "dcgan-mnist"
ROW_DELAY_S = float(os.environ.get("GANLAB_RCGAN_ROW_DELAY", "0.03"))  # pause between streamed rows
QUANTITIES = ("c", "f", "i", "o", "h")  # what the inside view can show, by trace key
NUM_UNITS = 16  # memory units shown: those whose cell state changes most over the rows
UNWRITTEN = 0.0  # rows not drawn yet are mid-grey


def _model(name: str):
    try:
        return registry.load_model(name).model
    except registry.ModelLoadError as error:
        raise InputError(str(error)) from None


def _request(digit: object, seed: object) -> tuple[int, int]:
    return as_int(digit, "Digit", 0, 9), as_int(seed, "Seed", 0, MAX_SEED)


def _picture(rows: torch.Tensor) -> str:
    """(28, 28) in [-1, 1] → a PNG path at the size the GAN tab shows."""
    return save_png(to_pil(rows.unsqueeze(0), scale=display_scale(rows.shape[-1], 280)))


def _labels(real: float) -> dict[str, float]:
    """D's verdict as a gr.Label value, the classes named in the page's language (real first)."""
    return {tr("page.gan.real"): real, tr("page.gan.fake"): 1 - real}


def _verdict(gan, rows: torch.Tensor, digit: int) -> tuple[dict[str, float], str]:
    """D's verdict on the finished digit, and a sentence about it (per row when D is an LSTM)."""
    realness = gan.realness(rows[None, None], torch.tensor([digit]))[0]
    if realness.ndim == 0:
        return _labels(float(realness)), ""
    marks = " · ".join(f"{p:.0%}" for p in realness[::4].tolist())
    final = float(realness[-1])
    return _labels(final), tr("rcgan.belief", marks=marks)


def rcgan_draw(digit: int, seed: int) -> Iterator[tuple]:
    """Stream the LSTM generator's digit one row at a time; the last update adds D's verdict and the
    DCGAN's digit from the same z. Yields (LSTM image, DCGAN image, verdict, caption)."""
    digit, seed = _request(digit, seed)
    gan, dcgan = _model(MODEL_NAME), _model(DCGAN_NAME)
    z = gan.latent(seed)
    rows = gan.trace(z, digit)["rows"]  # (28, 28): the same numbers as gan.generate
    canvas = torch.full_like(rows, UNWRITTEN)
    count = len(rows)
    for t in range(count):
        canvas[t] = rows[t]
        yield (
            _picture(canvas),
            gr.skip(),
            gr.skip(),
            tr("rcgan.caption.row", digit=digit, seed=seed, row=t + 1, count=count),
        )
        time.sleep(ROW_DELAY_S)
    dcgan_image = dcgan.generate(z[None], torch.tensor([digit]))[0]
    verdict, belief = _verdict(gan, rows, digit)
    real = f"{next(iter(verdict.values())):.0%}"
    caption = tr("rcgan.caption.done", digit=digit, seed=seed, count=count, real=real, belief=belief)
    yield _picture(canvas), _picture(dcgan_image[0]), verdict, caption


def rcgan_inside(digit: int, seed: int, quantity: str) -> tuple[str, str]:
    """A heatmap of one gate (or the cell or hidden state) of the LSTM over the 28 rows of the digit."""
    digit, seed = _request(digit, seed)
    if quantity not in QUANTITIES:
        raise InputError(
            tr("rcgan.error.quantity", choices=", ".join(QUANTITIES), value=repr(str(quantity)[:20]))
        )
    gan = _model(MODEL_NAME)
    trace = gan.trace(gan.latent(seed), digit)
    layer = gan.config.num_layers - 1
    cells = trace[f"c{layer}"].numpy()  # (28, H)
    units = np.argsort(-cells.std(axis=0))[:NUM_UNITS]
    values = trace[f"{quantity}{layer}"].numpy()[:, units].T  # (units, 28 rows)
    if quantity in "fio":  # gates in (0, 1) → (−1, 1): blue closed, orange open
        values = 2 * values - 1
    elif quantity == "c":
        values = np.tanh(values)
    columns = "".join(str(t % 10) for t in range(values.shape[1]))
    picture = heatmap(values, [f"#{u}" for u in units], columns)  # unit numbers
    caption = tr("rcgan.inside.caption", quantity=quantity, units=len(units), digit=digit, seed=seed)
    return save_png(picture), caption


@dataclass(frozen=True)
class RcganTab:
    """The recurrent-GAN tab's components."""

    digit: gr.Radio
    seed: gr.Number
    draw: gr.Button
    image: gr.Image
    dcgan_image: gr.Image
    verdict: gr.Label
    caption: gr.Markdown
    quantity: gr.Radio
    inside: gr.Image
    inside_caption: gr.Markdown

    @property
    def draw_outputs(self) -> list:
        return [self.image, self.dcgan_image, self.verdict, self.caption]


def layout() -> RcganTab:
    """The tab's components; call inside gr.Blocks (then `wire`)."""
    with gr.Tab(I18N("rcgan.tab"), id="rcgan"):
        gr.Markdown(I18N("rcgan.intro"))
        with gr.Row():
            with gr.Column(scale=1):
                digit = gr.Radio([(str(d), d) for d in range(10)], value=3, label=I18N("rcgan.digit"))
                seed = seed_box(7, I18N("common.seed"), elem_id="rcgan-seed")
                draw = gr.Button(I18N("rcgan.draw"), variant="primary", elem_id="rcgan-draw")
                verdict = gr.Label(label=I18N("rcgan.verdict"), num_top_classes=2)
            image = image_output(I18N("rcgan.image"), "rcgan-image", height=300)
            dcgan_image = image_output(I18N("rcgan.dcgan_image"), "rcgan-dcgan", height=300)
        caption = gr.Markdown(elem_id="rcgan-caption")
        choices = [(I18N(f"rcgan.quantity.{q}"), q) for q in QUANTITIES]
        quantity = gr.Radio(choices, value="c", label=I18N("rcgan.quantity"))
        inside = image_output(I18N("rcgan.inside"), "rcgan-inside")
        inside_caption = gr.Markdown(elem_id="rcgan-inside-caption")
        gr.Markdown(I18N("rcgan.inside_help"))
    return RcganTab(digit, seed, draw, image, dcgan_image, verdict, caption, quantity, inside, inside_caption)


def wire(tab: RcganTab) -> None:
    """The tab's listeners and API endpoints (/rcgan_draw streams, /rcgan_inside)."""
    inside_inputs, inside_outputs = [tab.digit, tab.seed, tab.quantity], [tab.inside, tab.inside_caption]
    # the public /rcgan_inside first: the private call after a drawing would otherwise take its name
    tab.quantity.change(
        localized(rcgan_inside),
        inside_inputs,
        inside_outputs,
        api_name="rcgan_inside",
        preprocess=False,
        api_description="Heatmap of the LSTM generator's gate ('i', 'f', 'o'), cell state 'c' or hidden "
        "state 'h' over the 28 rows, for the 16 units whose cell state changes most.",
    )
    tab.draw.click(
        localized(rcgan_draw),
        [tab.digit, tab.seed],
        tab.draw_outputs,
        api_name="rcgan_draw",
        preprocess=False,
        api_description="Stream the LSTM generator's digit row by row (digit 0-9, seed); the last update "
        "adds the discriminator's verdict and the DCGAN's digit from the same z.",
    ).then(localized(rcgan_inside), inside_inputs, inside_outputs, api_visibility="private", preprocess=False)


def build_tab() -> RcganTab:
    """The tab's layout and listeners; call inside gr.Blocks."""
    tab = layout()
    wire(tab)
    return tab
