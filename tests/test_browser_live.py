""" "Watch it learn" in a real browser: the GAN steps and trains live, the char-LSTM writes samples."""

import os

import pytest

from tests.test_browser import browser, open_app  # noqa: F401 (fixture: Debian chromium, project flags)

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, app_server):  # noqa: F811
    """A page on the app, on the "Watch it learn" tab's button; the test fails on any JS error."""
    context, page, errors = open_app(browser, app_server)
    page.get_by_role("tab", name="Watch it learn", exact=True).wait_for(timeout=30_000)
    yield page
    context.close()
    assert errors == [], errors


def status(page, elem_id: str) -> str:
    return page.locator(f"#{elem_id}").inner_text()


def wait_for_status(page, elem_id: str, text: str, timeout: int = 30_000) -> None:
    page.wait_for_function(
        "([id, text]) => (document.querySelector('#' + id)?.innerText || '').includes(text)",
        arg=[elem_id, text],
        timeout=timeout,
    )


def test_gan_steps_trains_and_the_lstm_writes(page):
    page.get_by_role("tab", name="Watch it learn", exact=True).click()
    page.wait_for_selector("#gan2d-image img", timeout=30_000)  # opening the tab draws the untrained run
    wait_for_status(page, "gan2d-status", "Step 0 (ready)")
    first = page.locator("#gan2d-image img").get_attribute("src")
    page.locator("#gan2d-step").click()
    wait_for_status(page, "gan2d-status", "Step 10 (paused)")
    assert page.locator("#gan2d-image img").get_attribute("src") != first
    steps = page.get_by_label("Steps per run", exact=False).first  # the number box of the slider
    steps.fill("300")
    steps.press("Enter")
    page.locator("#gan2d-start").click()
    wait_for_status(page, "gan2d-status", "Step 310 (paused)")
    assert "MMD²" in status(page, "gan2d-status")
    assert page.locator("#gan2d-losses canvas, #gan2d-losses svg").count() > 0  # the loss curves were drawn
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], "live-gan-tab.png"), full_page=True)

    page.get_by_role("tab", name="A char-LSTM learns a text", exact=True).click()
    seconds = page.get_by_label("Seconds to train", exact=False).first
    seconds.fill("3")
    seconds.press("Enter")
    page.locator("#charlstm-train").click()
    wait_for_status(page, "charlstm-status", "(done)")
    samples = page.locator("#charlstm-samples textarea").input_value()
    assert "— step 0 (untrained):" in samples and "(final):" in samples
