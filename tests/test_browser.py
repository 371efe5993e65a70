"""The app in a real browser (Debian chromium through Playwright): what a student sees and does."""

import os
import re
import shutil

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def open_app(browser, url: str, locale: str = "en-US", viewport: dict | None = None):
    """A new context and page on the app, opened once its first tab shows → (context, page, JS errors).

    Waits for "load", not "networkidle": with a gr.State in the app, Gradio keeps a heartbeat
    connection open, so the network never goes idle.
    """
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 1000}, locale=locale)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.goto(url, wait_until="load")
    page.get_by_role("tab", name=re.compile(r"^GAN")).first.wait_for(timeout=30_000)  # "GAN" in any language
    return context, page, errors


@pytest.fixture
def page(browser, app_server):
    """A page on the app that records JS errors; the test fails if any were logged."""
    context, page, errors = open_app(browser, app_server)
    yield page
    context.close()
    assert errors == [], errors


def image_src(page) -> str:
    return page.locator("#gan-image img").first.get_attribute("src") or ""


def wait_for_new_image(page, old: str) -> str:
    page.wait_for_function(
        "old => { const i = document.querySelector('#gan-image img'); return i && i.src && i.src !== old; }",
        arg=old,
        timeout=20_000,
    )
    return image_src(page)


def test_gan_tab_slider_changes_the_image(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    first = image_src(page)
    assert page.locator("#gan-caption").inner_text().startswith("Digit 7, seed 42")
    slider = page.get_by_label("PC1", exact=False).first  # the number box of the PC1 slider
    slider.fill("2.5")
    slider.press("Enter")
    second = wait_for_new_image(page, first)
    assert second != first
    page.get_by_role("radio", name="3", exact=True).check()
    wait_for_new_image(page, second)
    assert page.locator("#gan-caption").inner_text().startswith("Digit 3, seed 42")
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], "gan-tab.png"), full_page=True)


def test_dice_grid_and_interpolation(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    first = image_src(page)
    page.get_by_role("button", name="🎲 New seed", exact=True).click()
    wait_for_new_image(page, first)
    page.get_by_role("tab", name="Grid", exact=True).click()
    page.get_by_role("button", name="Sample grid", exact=True).click()
    page.get_by_text("80 samples").wait_for(timeout=20_000)
    page.get_by_role("tab", name="Interpolate", exact=True).click()
    page.get_by_role("button", name="Interpolate", exact=True).click()
    page.get_by_text("3 (seed 1) → 8 (seed 2)").wait_for(timeout=20_000)
    gif = page.locator("#gan-gif img")  # the GIF plays on the page (and has a download button)
    gif.wait_for(timeout=20_000)
    assert ".gif" in (gif.get_attribute("src") or "")


def test_lstm_tab_streams_text_and_shows_the_heatmap(page):
    from ui.lstm_text import FIRST_VIEW_TEXT

    page.get_by_role("tab", name="LSTM text generation", exact=True).click()
    # opening the tab shows gates and cells over a passage before anything is generated
    page.wait_for_selector("#lstm-heatmap img", timeout=30_000)
    assert page.locator("#lstm-inspect-text textarea").input_value() == FIRST_VIEW_TEXT
    assert "JULIET:" in page.locator("#lstm-expected-text").inner_text().replace("\n", "")  # a span a char
    page.locator("#lstm-candidates").get_by_text("%").first.wait_for(timeout=30_000)  # top-5 after "JULIET:"
    length = page.get_by_label("Characters to generate", exact=False).first
    length.fill("120")
    length.press("Enter")
    page.get_by_role("button", name="Generate", exact=True).click()
    page.wait_for_function(
        "() => { const t = document.querySelector('#lstm-output textarea'); return t && t.value.length >= 127; }",
        timeout=30_000,
    )
    text = page.locator("#lstm-output textarea").input_value()
    assert text.startswith("ROMEO:\n")
    page.wait_for_function(  # the generated text went to "Inside the LSTM" and was analysed
        "() => document.querySelector('#lstm-expected-text').innerText.replaceAll('\\n', '').includes('ROMEO:')",
        timeout=30_000,
    )
    assert page.locator("#lstm-inspect-text textarea").input_value() == text
    assert page.locator("#lstm-confidence-text").inner_text().strip() != ""
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], "lstm-tab.png"), full_page=True)


def top_label(page, elem_id: str):
    """The verdict a gr.Label shows in large type (its other rows list every class)."""
    return page.locator(f"#{elem_id} [data-testid='label-output-value']")


def test_classification_tab(page):
    page.get_by_role("tab", name="LSTM sequence classification", exact=True).click()
    # opening the tab classifies what the boxes hold (the "boring …, but … a delight" sentence, "Nakamura")
    top_label(page, "sentiment-verdict").get_by_text("positive", exact=True).wait_for(timeout=20_000)
    page.locator("#sentiment-input textarea").fill("The movie was not good.")
    page.get_by_role("button", name="Classify", exact=True).first.click()
    top_label(page, "sentiment-verdict").get_by_text("negative", exact=True).wait_for(timeout=20_000)
    page.get_by_role("tab", name="Language of a name", exact=True).click()
    top_label(page, "name-verdict").get_by_text("Japanese", exact=True).wait_for(timeout=20_000)
    page.locator("#name-input textarea, #name-input input").first.fill("Schmidt")
    page.get_by_role("button", name="Classify", exact=True).last.click()
    top_label(page, "name-verdict").get_by_text("German", exact=True).wait_for(timeout=20_000)
