"""The 'LSTM draws a digit' tab: its handlers in-process, its endpoints through gradio_client, and
the tab in a real browser (the browser fixtures of tests/test_browser.py)."""

import os
import re

import gradio as gr
import pytest
import torch
from gradio_client.exceptions import AppError
from PIL import Image

from models import registry
from tests.test_browser import browser, page  # noqa: F401  (pytest fixtures)
from ui import rcgan


@pytest.fixture(autouse=True)
def no_row_delay(monkeypatch):
    monkeypatch.setattr(rcgan, "ROW_DELAY_S", 0.0)


def pixels(path: str) -> list:
    return list(Image.open(path).get_flattened_data())


def test_draw_streams_28_rows_then_the_verdict_and_the_dcgan_digit():
    updates = list(rcgan.rcgan_draw(3, 7))
    assert len(updates) == 28 + 1
    assert "row 1 of 28" in updates[0][3] and "row 28 of 28" in updates[27][3]
    image, dcgan_image, verdict, caption = updates[-1]
    assert Image.open(image).size == Image.open(dcgan_image).size == (280, 280)
    assert set(verdict) == {"real", "fake"} and "all 28 rows written" in caption
    # the last image is the generator's own forward pass for that digit and seed
    gan = registry.load_model(rcgan.MODEL_NAME).model
    expected = gan.generate(gan.latent(7)[None], torch.tensor([3]))[0, 0]
    assert pixels(image) == pixels(rcgan._picture(expected))
    assert pixels(rcgan.rcgan_draw(3, 7).__next__()[0]) == pixels(updates[0][0])  # same seed, same row
    assert pixels(list(rcgan.rcgan_draw(3, 8))[-1][0]) != pixels(image)


@pytest.mark.parametrize("quantity", rcgan.QUANTITIES)
def test_inside_draws_a_heatmap_of_each_quantity(quantity):
    path, caption = rcgan.rcgan_inside(5, 1, quantity)
    picture = Image.open(path)
    assert picture.width > picture.height and f"`{quantity}` of {rcgan.NUM_UNITS} units" in caption


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: next(rcgan.rcgan_draw(10, 1)), "Digit"),
        (lambda: next(rcgan.rcgan_draw(3, -1)), "Seed"),
        (lambda: next(rcgan.rcgan_draw("three", 1)), "Digit"),
        (lambda: rcgan.rcgan_inside(3, 1, "gates"), "Show"),
    ],
)
def test_bad_input_is_a_clear_error(call, message):
    with pytest.raises(gr.Error, match=message):
        call()


def test_api_draw_and_inside(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/rcgan_draw" in endpoints and "/rcgan_inside" in endpoints
    image, dcgan_image, verdict, caption = client.predict(4, 11, api_name="/rcgan_draw")
    assert Image.open(image).size == (280, 280) and Image.open(dcgan_image).size == (280, 280)
    assert verdict["label"] in ("real", "fake") and "Digit **4**, seed **11**" in caption
    job = client.submit(4, 11, api_name="/rcgan_draw")
    job.result()
    assert len(job.outputs()) >= 28  # streamed: one update per row, then the verdict
    heat, heat_caption = client.predict(4, 11, "f", api_name="/rcgan_inside")
    assert Image.open(heat).width > 0 and "`f`" in heat_caption
    with pytest.raises(AppError, match="Digit"):
        client.predict(12, 11, api_name="/rcgan_draw")
    with pytest.raises(AppError, match="Show"):
        client.predict(4, 11, "x", api_name="/rcgan_inside")


@pytest.mark.browser
def test_tab_draws_a_digit_and_shows_the_gates(page):  # noqa: F811
    page.get_by_role("tab", name="LSTM draws a digit", exact=True).click()
    page.locator("#rcgan-seed input").fill("12")
    page.locator("#rcgan-draw").click()
    page.wait_for_function(
        "() => (document.querySelector('#rcgan-caption')?.innerText || '').includes('all 28 rows written')",
        timeout=60_000,
    )
    assert re.search(r"seed 12", page.locator("#rcgan-caption").inner_text())
    page.wait_for_selector("#rcgan-dcgan img", timeout=30_000)
    page.wait_for_selector("#rcgan-inside img", timeout=30_000)
    page.get_by_label("forget gate f").check()
    page.wait_for_function(
        "() => (document.querySelector('#rcgan-inside-caption')?.innerText || '').includes('f of 16 units')",
        timeout=30_000,
    )
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], "rcgan-tab.png"), full_page=True)


def test_collapsed_grid_has_the_healthy_grids_shape_and_says_what_it_is():
    from ui import gan

    healthy, _ = gan.gan_grid("", "all", 0, 1.0, 4)
    collapsed, caption = gan.gan_grid_collapsed("all", 0, 1.0, 4)
    assert Image.open(healthy).size == Image.open(collapsed).size
    assert caption.startswith("**Mode collapse:**") and "40 samples, seed 0" in caption
    with pytest.raises(gr.Error, match="Grid size"):
        gan.gan_grid_collapsed("all", 0, 1.0, 99)
