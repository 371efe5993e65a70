""" "Watch it learn" in a real browser: the 2-D GAN trains in the page (TF.js) with no server request,
falls back to the server path when TF.js is blocked; the char-LSTM writes samples."""

import os
import re

import pytest

from tests.test_browser import CHROMIUM, browser, open_app  # noqa: F401 (fixture: Debian chromium, project flags)

pytestmark = pytest.mark.browser
LIVE = "gan2d-live-status"  # the in-page view's status line
SERVER = "gan2d-status"  # the server path's status line (shown only in the fallback)


@pytest.fixture
def page(browser, app_server):  # noqa: F811
    """A page on the app's "Watch it learn" tab, its untrained run drawn; the test fails on any JS error."""
    context, page, errors = open_app(browser, app_server)
    page.get_by_role("tab", name="Watch it learn", exact=True).click()
    wait_for_status(page, LIVE, "Step 0 (ready)")
    yield page
    context.close()
    assert errors == [], errors


def status(page, elem_id: str) -> str:
    return page.locator(f"#{elem_id}").inner_text()


def wait_for_status(page, elem_id: str, text: str, timeout: int = 30_000) -> str:
    """Waits until the status line holds `text`; returns the line as it was then (a later read could
    already show the next state)."""
    return page.wait_for_function(
        "([id, text]) => { const line = document.querySelector('#' + id)?.innerText || '';"
        " return line.includes(text) ? line : null; }",
        arg=[elem_id, text],
        timeout=timeout,
    ).json_value()


def metrics(page) -> dict:
    return page.evaluate("window.gan2dLive.then((live) => live.metrics())")


def set_number(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=False).first  # the number box (of a slider, too)
    box.fill(value)
    box.press("Enter")


def test_the_gan_trains_in_the_page_with_no_server_request(page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    assert not page.locator("#gan2d-server-view").is_visible()  # the server's picture is not shown
    page.locator("#gan2d-step").click()
    wait_for_status(page, LIVE, "Step 10 (paused)")
    assert "in your browser (TF.js wasm)" in status(page, LIVE) and "Trained 10 steps." in status(page, LIVE)
    set_number(page, "Steps per run", "150")
    tensors = page.evaluate("tf.memory().numTensors")
    page.locator("#gan2d-start").click()
    wait_for_status(page, LIVE, "(training)")
    wait_for_status(page, LIVE, "Step 160 (paused)", timeout=180_000)  # no time limit in the page
    numbers = metrics(page)
    assert numbers["mmd2"] < numbers["mmd2_at_start"] and numbers["frames"] >= 3
    assert re.search(r"modes covered \d/8 · \d+ steps/s", status(page, LIVE))
    assert page.evaluate("tf.memory().numTensors") == tensors  # every step's and frame's tensors freed
    assert requests == [], requests  # Step and Start: no request at all
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], "live-gan-tab.png"), full_page=True)


def test_pause_step_reset_and_a_settings_change(page):
    set_number(page, "Steps per run", "20000")
    page.locator("#gan2d-start").click()
    wait_for_status(page, LIVE, "(training)")
    page.locator("#gan2d-pause").click()
    wait_for_status(page, LIVE, "(paused)")
    paused_at = metrics(page)["step"]
    page.wait_for_timeout(500)
    assert metrics(page)["step"] == paused_at and metrics(page)["state"] == "paused"
    page.locator("#gan2d-step").click()
    wait_for_status(page, LIVE, f"Step {paused_at + 10} (paused)")  # Step continues the same run
    page.locator("#gan2d-reset").click()
    wait_for_status(page, LIVE, "Step 0 (ready)")
    page.locator("#gan2d-preset input").click()
    page.get_by_role("option", name="Mode collapse: minimax, G learns 10× faster than D", exact=True).click()
    page.wait_for_function("() => window.gan2dLive.then((l) => l.trainer.config.loss === 'minimax')")
    assert page.evaluate("window.gan2dLive.then((l) => l.trainer.config.lr_generator)") == 5e-3
    page.get_by_role("radio", name="Spiral", exact=True).click()
    page.locator("#gan2d-step").click()
    wait_for_status(page, LIVE, "Step 10 (paused)")
    assert "Settings changed: a new run started from step 0." in status(page, LIVE)
    assert metrics(page)["step"] == 10 and metrics(page)["modes_covered"] is None  # a spiral has no modes


def test_bad_custom_points_get_a_clear_message(page):
    page.get_by_role("radio", name="Your points (below)", exact=True).click()
    page.get_by_label("Your points: 'x, y' per line", exact=False).fill("0, 0\n1, two")
    page.locator("#gan2d-start").click()
    page.locator("#gan2d-live-status .gan2d-live-error").wait_for(timeout=10_000)
    assert "Your points, line 2: expected 'x, y', got '1, two'." in status(page, LIVE)
    page.get_by_label("Your points: 'x, y' per line", exact=False).fill("0, 0\n1.5, -1")
    page.locator("#gan2d-step").click()
    wait_for_status(page, LIVE, "Step 10 (paused)")
    assert page.evaluate("window.gan2dLive.then((l) => l.trainer.config.points)") == [[0, 0], [1.5, -1]]


def test_nan_stops_the_run_with_a_notice(page):
    page.locator("#gan2d-step").click()
    wait_for_status(page, LIVE, "Step 10 (paused)")
    page.evaluate(
        "window.gan2dLive.then((l) => { const w = l.trainer.generator.flat; w.assign(tf.fill(w.shape, NaN)); })"
    )
    page.locator("#gan2d-start").click()
    wait_for_status(page, LIVE, "Training stopped: the discriminator loss became NaN at step 11")
    assert metrics(page)["state"] == "diverged"
    page.locator("#gan2d-start").click()
    wait_for_status(page, LIVE, "This run stopped because")
    page.locator("#gan2d-reset").click()
    wait_for_status(page, LIVE, "Step 0 (ready)")


def test_without_tfjs_the_server_trains_as_before(browser, app_server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.route(re.compile(r".*/vendor/tensorflow-tfjs.*"), lambda route: route.abort())
    page = context.new_page()
    page.goto(app_server, wait_until="load")
    page.get_by_role("tab", name="Watch it learn", exact=True).click()
    page.get_by_text("TensorFlow.js could not start in this browser").wait_for(timeout=30_000)
    assert "the GAN trains on the server, as before" in page.locator("#gan2d-live").inner_text()
    wait_for_status(page, SERVER, "Step 0 (ready)")  # opening the tab drew the server's untrained run
    first = page.locator("#gan2d-image img").get_attribute("src")
    page.locator("#gan2d-step").click()
    wait_for_status(page, SERVER, "Step 10 (paused)")
    assert page.locator("#gan2d-image img").get_attribute("src") != first
    set_number(page, "Steps per run", "300")
    page.locator("#gan2d-start").click()
    wait_for_status(page, SERVER, "Step 310 (paused)")
    assert page.locator("#gan2d-losses canvas, #gan2d-losses svg").count() > 0  # the loss curves were drawn
    context.close()


def test_the_char_lstm_writes(page):
    page.get_by_role("tab", name="A char-LSTM learns a text", exact=True).click()
    set_number(page, "Seconds to train", "3")
    page.locator("#charlstm-train").click()
    wait_for_status(page, "charlstm-status", "(done)")
    samples = page.locator("#charlstm-samples textarea").input_value()
    assert "— step 0 (untrained):" in samples and "(final):" in samples


def test_a_queued_lstm_student_sees_their_place_and_the_wait(browser, app_server):  # noqa: F811
    """Both server slots busy: the third student's status line shows the queue until their run starts."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pages = []
    # the first two runs hold both slots long enough for the third click to land behind them on a
    # loaded machine (4-s runs could end before it: the test then saw no queue)
    for seconds in ("12", "12", "4"):
        page = context.new_page()
        page.goto(app_server, wait_until="load")
        page.get_by_role("tab", name="Watch it learn", exact=True).click()
        page.get_by_role("tab", name="A char-LSTM learns a text", exact=True).click()
        set_number(page, "Seconds to train", seconds)
        pages.append(page)
    assert "your place in the queue" in pages[0].locator("body").inner_text()
    for page in pages:
        page.locator("#charlstm-train").click()
    queued = wait_for_status(pages[2], "charlstm-status", "queue:")
    assert re.search(r"queue: \d+/\d+", queued)
    for page in pages:
        wait_for_status(page, "charlstm-status", "(done)", timeout=60_000)
    context.close()
