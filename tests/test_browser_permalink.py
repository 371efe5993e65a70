"""Permalinks in a real browser: a copied link, opened in a fresh page, shows the same image / text."""

import base64
import io
from urllib.parse import urlencode

import pytest
from PIL import Image

from tests.test_browser import browser, image_src  # noqa: F401 - the browser fixture is used by name

pytestmark = pytest.mark.browser


@pytest.fixture
def new_page(browser, app_server):  # noqa: F811 - pytest injects the imported fixture by name
    """A factory of pages that fail the test on any JS error."""
    contexts, errors = [], []

    def open_page(query: str = ""):
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(app_server + query, wait_until="load")  # gr.State's heartbeat: never "networkidle"
        page.get_by_role("tab", name="GAN", exact=True).wait_for(timeout=30_000)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], errors


def pixels(page, src: str) -> bytes:
    """The shown image's gray levels: a data: URL drawn in the page (web/gan/) or a file from the server."""
    if src.startswith("data:"):
        return Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))).convert("L").tobytes()
    return Image.open(io.BytesIO(page.request.get(src).body())).convert("L").tobytes()


def max_difference(a: bytes, b: bytes) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def test_gan_permalink_restores_the_same_image(new_page, client):
    params = {"tab": "gan", "digit": 3, "seed": 987, "psi": 0.7, "pc1": 1.5, "z2": -2}
    page = new_page("?" + urlencode(params))
    page.locator("#gan-caption").get_by_text("Digit 3, seed 987").wait_for(timeout=30_000)
    shown = pixels(page, image_src(page))
    expected_path, _, _ = client.predict("", 3, 987, 0.7, 1.5, 0, 0, 0, 0, 0, 0, -2, api_name="/gan_generate")
    # computed in the page with fp16-stored weights (tools/export_gan_web.py): within 2/255 of the server
    assert max_difference(shown, Image.open(expected_path).convert("L").tobytes()) <= 2

    # the "link" button gives a URL that reproduces the page's image in a fresh page
    page.get_by_role("button", name="🔗 Link to this digit", exact=True).click()
    page.wait_for_function("() => document.querySelector('#gan-link textarea, #gan-link input').value !== ''")
    link = page.locator("#gan-link textarea, #gan-link input").first.input_value()
    assert "digit=3" in link and "seed=987" in link and "pc1=1.5" in link
    again = new_page("?" + link.split("?", 1)[1])
    again.locator("#gan-caption").get_by_text("Digit 3, seed 987").wait_for(timeout=30_000)
    assert pixels(again, image_src(again)) == shown


def test_lstm_permalink_restores_the_same_text(new_page, client):
    params = {"tab": "lstm-text", "prompt": "KING:\n", "n": 80, "temp": 0.9, "k": 20, "p": 0.95, "seed": 5}
    page = new_page("?" + urlencode(params))
    expected = client.predict("KING:\n", 80, 0.9, 20, 0.95, 5, api_name="/lstm_generate")[0]
    page.wait_for_function(
        "n => { const t = document.querySelector('#lstm-output textarea'); return t && t.value.length >= n; }",
        arg=len(expected),
        timeout=30_000,
    )
    assert page.locator("#lstm-output textarea").input_value() == expected
    assert (
        page.get_by_role("tab", name="LSTM text generation", exact=True).get_attribute("aria-selected")
        == "true"
    )
    # "Inside the LSTM" ends on the linked text, not on the passage an empty tab opens with
    page.wait_for_function(
        "() => document.querySelector('#lstm-expected-text').innerText.replaceAll('\\n', '').includes('KING:')",
        timeout=30_000,
    )
    page.wait_for_timeout(1500)
    assert page.locator("#lstm-inspect-text textarea").input_value() == expected


def test_bad_permalink_values_are_skipped_with_a_notice(new_page):
    page = new_page("?" + urlencode({"tab": "gan", "digit": 42, "seed": 5}))
    page.get_by_text("Digit: Digit must be from 0 to 9").first.wait_for(timeout=30_000)
    page.locator("#gan-caption").get_by_text("Digit 7, seed 5").wait_for(timeout=30_000)  # the rest applied
