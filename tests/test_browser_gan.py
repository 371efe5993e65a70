"""The GAN explorer computed in the page (web/gan/): same digits as the server, no request while dragging,
the server path when the in-page model cannot load."""

import base64
import hashlib
import io
import re

import numpy as np
import pytest
import torch
from PIL import Image

from tests.conftest import ROOT
from tests.test_browser import browser, open_app  # noqa: F401 - the browser fixture is used by name

pytestmark = pytest.mark.browser

BROWSER_NOTE = "Computed in your browser"
# the app under test serves the bundled weights (the fake Hub has no copy of the default model)
BUNDLED_WEIGHTS = hashlib.sha256(
    (ROOT / "weights" / "dcgan-mnist" / "model.safetensors").read_bytes()
).hexdigest()
# (digit, seed, ψ, 5 direction shifts, 3 raw shifts): every digit, extreme seeds, ψ and slider ends
SETTINGS = [
    (7, 42, 1.0, 0, 0, 0, 0, 0, 0, 0, 0),
    (0, 0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0),
    (1, 1, 0.0, 0, 0, 0, 0, 0, 0, 0, 0),
    (2, 2**31 - 1, 2.0, 0, 0, 0, 0, 0, 0, 0, 0),
    (3, 987, 0.7, 1.5, 0, 0, 0, 0, 0, 0, -2),
    (4, 99_999, 1.5, -4, 4, 0, 0, 0, 0, 0, 0),
    (5, 123_456_789, 0.5, 0, 0, 2.5, -2.5, 1, 0, 0, 0),
    (6, 17, 1.0, 0, 0, 0, 0, 0, 4, -4, 4),
    (8, 31_337, 1.2, 0.3, -0.7, 1.1, 2.2, -3.3, 0.1, 0.2, -0.3),
    (9, 2024, 0.95, 4, 4, 4, 4, 4, 4, 4, 4),
    (9, 5, 1.0, -4, -4, -4, -4, -4, -4, -4, -4),
    (0, 65_536, 0.25, 1, 0, 0, 0, 0, 0, 0, 0),
    (1, 1_000_000, 1.75, 0, -1, 0, 0, 0, 0, 0, 0),
    (2, 7, 1.05, 0, 0, 0, 0, 3.9, 0, 0, 0),
    (3, 8, 0.6, 0, 0, 0, 0, 0, -3.9, 0, 0),
    (4, 2**30, 1.0, 0, 0, 0, 0, 0, 0, 2, 0),
    (5, 11, 1.3, 2, 2, 0, 0, 0, 0, 0, 0),
    (6, 12, 0.8, 0, 0, -2, -2, 0, 0, 0, 0),
    (7, 13, 1.0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1),
    (8, 14, 0.05, 0, 0, 0, 0, 0, 1, 1, 1),
    (9, 15, 1.45, -1.5, 0, 1.5, 0, -1.5, 0, 0, 0),
]


@pytest.fixture(scope="module")
def explorer_page(browser, app_server):  # noqa: F811 - pytest injects the imported fixture by name
    """One page whose in-page explorer has loaded; JS errors fail the module."""
    context, page, errors = open_app(browser, app_server)
    page.locator("#gan-runtime").get_by_text(BROWSER_NOTE).wait_for(timeout=60_000)
    yield page
    context.close()
    assert errors == [], errors


def _gray(source: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(source)).convert("L"), dtype=np.int16)


def _data_url_bytes(url: str) -> bytes:
    assert url.startswith("data:image/png;base64,"), url[:40]
    return base64.b64decode(url.split(",", 1)[1])


def test_the_page_gives_the_servers_digits(explorer_page, client):
    model = ""  # the default model, in the page and through the API
    outputs = explorer_page.evaluate(
        "async ([model, rows, served]) => { const e = await window.ganlabExplore; const out = [];"
        " for (const r of rows) out.push(await e.render([model, ...r, served])); return out; }",
        [model, [list(s) for s in SETTINGS], BUNDLED_WEIGHTS],
    )
    worst_pixel, worst_verdict = 0, 0.0
    for setting, (file, verdict, caption, _, trigger) in zip(SETTINGS, outputs, strict=True):
        assert trigger is None, setting  # computed in the page, not sent to the server
        path, server_verdict, server_caption = client.predict(model, *setting, api_name="/gan_generate")
        page_pixels, server_pixels = _gray(_data_url_bytes(file["url"])), _gray(open(path, "rb").read())
        assert page_pixels.shape == server_pixels.shape == (336, 336)
        worst_pixel = max(worst_pixel, int(np.abs(page_pixels - server_pixels).max()))
        real = {c["label"]: c["confidence"] for c in server_verdict["confidences"]}["real"]
        page_real = {c["label"]: c["confidence"] for c in verdict["confidences"]}["real"]
        worst_verdict = max(worst_verdict, abs(page_real - real))
        assert verdict["label"] == server_verdict["label"] or abs(real - 0.5) < 0.01, setting
        assert caption.split(" The discriminator")[0] == server_caption.split(" The discriminator")[0]
    print(
        f"page vs server over {len(SETTINGS)} settings: max pixel {worst_pixel}/255, verdict {worst_verdict:.2e}"
    )
    assert worst_pixel <= 2 and worst_verdict <= 0.01


def test_other_served_weights_or_a_community_model_go_to_the_server(explorer_page):
    outputs = explorer_page.evaluate(
        "async (rows) => { const e = await window.ganlabExplore; const out = [];"
        " for (const r of rows) out.push(await e.render(r)); return out; }",
        [["", *SETTINGS[0], "0" * 64], ["huggan/dcgan-mnist", *SETTINGS[0], BUNDLED_WEIGHTS]],
    )
    for (file, _, _, note, trigger), reason in zip(outputs, ["other weights", "Community"], strict=True):
        assert file is None and trigger is not None and reason in note


def test_seed_to_latent_is_torchs_for_a_thousand_seeds(explorer_page):
    seeds = [0, 1, 2**31 - 1, 2**31 - 2, 2**30, *range(3, 500)]
    seeds += torch.randint(0, 2**31 - 1, (500,), generator=torch.Generator().manual_seed(0)).tolist()
    page_z = explorer_page.evaluate(
        "async (seeds) => { const m = await import(window.ganlabAsset('gan/latent.js'));"
        " return seeds.map((s) => Array.from(m.seedLatent(s, 64))); }",
        seeds,
    )
    torch_z = torch.stack([torch.randn(64, generator=torch.Generator().manual_seed(s)) for s in seeds])
    assert (torch.tensor(page_z) - torch_z).abs().max() < 2e-6  # the last float32 bits may differ


def test_dragging_and_the_keyboard_send_no_request(explorer_page):
    page = explorer_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    first = page.locator("#gan-image img").get_attribute("src")
    slider = page.locator("#gan-truncation input[type=range]")
    box = slider.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 21):  # a drag: 20 input events
        page.mouse.move(box["x"] + box["width"] * (0.5 - step * 0.02), box["y"] + box["height"] / 2)
        page.wait_for_timeout(15)
    page.mouse.up()
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    psi = slider.input_value()
    page.locator("#gan-caption").get_by_text(re.compile(f"ψ = {float(psi):g}\\.")).wait_for(timeout=10_000)
    assert page.locator("#gan-image img").get_attribute("src") != first
    page.wait_for_timeout(300)
    assert [u for u in requests if "/gradio_api/" in u and "heartbeat" not in u] == []


def test_blocked_runtime_falls_back_to_the_server_in_one_line(browser, app_server):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.route(re.compile(r".*/web/vendor/onnxruntime-web/.*"), lambda route: route.abort())
    page = context.new_page()
    page.goto(app_server, wait_until="load")
    note = page.locator("#gan-runtime")
    note.get_by_text("could not load").wait_for(timeout=60_000)
    assert note.inner_text().count("\n") == 0 and "server" in note.inner_text()
    page.locator("#gan-caption").get_by_text("Digit 7, seed 42").wait_for(timeout=30_000)
    src = page.locator("#gan-image img").get_attribute("src")
    assert "/gradio_api/file=" in src and not src.startswith("data:")  # drawn by the server
    page.locator("#gan-truncation input[type=range]").fill("0.5")
    page.locator("#gan-caption").get_by_text("ψ = 0.5").wait_for(timeout=30_000)
    context.close()


def test_a_slider_move_is_drawn_before_gradios_event_and_matches_the_server(browser, app_server, client):  # noqa: F811
    """The page follows its sliders itself (web/gan/view.js onSliderInput): each key press draws the digit at
    once into the canvas over the image, which is the server's digit, and Gradio's full-size image after
    it is too; then the canvas steps aside."""
    context, page, errors = open_app(browser, app_server)
    page.locator("#gan-runtime").get_by_text(BROWSER_NOTE).wait_for(timeout=60_000)
    page.locator("#gan-caption").get_by_text("Digit 7, seed 42").wait_for(timeout=30_000)
    page.evaluate(
        "() => { window.__drawn = []; const box = document.querySelector('#gan-image');"
        " new MutationObserver(() => { const c = box.querySelector('canvas.ganlab-live');"
        " if (c && !c.hidden && c.dataset.frame !== window.__drawn.at(-1)?.frame) window.__drawn.push("
        "{frame: c.dataset.frame, pixels: Array.from(c.getContext('2d').getImageData(0, 0, 28, 28).data)"
        ".filter((_, i) => i % 4 === 0)}); })"
        ".observe(box, {subtree: true, attributes: true, attributeFilter: ['data-frame']}); }"
    )
    before = page.evaluate("async () => (await window.ganlabExplore).state")
    page.locator("#gan-pc1 input[type=range]").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#gan-pc1 input[type=range]').value === '0.3'")
    page.wait_for_timeout(500)
    state = page.evaluate("async () => (await window.ganlabExplore).state")
    assert state["direct"] - before["direct"] == 3 and state["mode"] == "browser"
    drawn = page.evaluate("() => window.__drawn")
    assert len(drawn) >= 3  # one per key press, before Gradio's update of each
    path, _, _ = client.predict("", 7, 42, 1.0, 0.3, 0, 0, 0, 0, 0, 0, 0, api_name="/gan_generate")
    server = _gray(open(path, "rb").read())
    last = np.array(drawn[-1]["pixels"], dtype=np.int16).reshape(28, 28)
    assert np.abs(np.kron(last, np.ones((12, 12), dtype=np.int16)) - server).max() <= 2
    shown = _gray(_data_url_bytes(page.locator("#gan-image img").get_attribute("src")))
    assert shown.shape == (336, 336) and np.abs(shown - server).max() <= 2
    assert page.locator("#gan-image canvas.ganlab-live").is_hidden()  # Gradio's image, the same digit
    context.close()
    assert errors == [], errors
