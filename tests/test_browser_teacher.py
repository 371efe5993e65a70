"""A teacher's first ten minutes (issue 15), in a real browser: every control does what it says."""

import re

import pytest

from tests.test_browser import browser, open_app, top_label  # noqa: F401 - fixtures used by name

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, app_server):  # noqa: F811
    context, page, errors = open_app(browser, app_server)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield page
    context.close()
    assert errors == [], errors


def open_tab(page, name: str):
    page.get_by_role("tab", name=name, exact=True).first.click()


def test_examples_and_enter_classify_at_once(page, client):
    open_tab(page, "LSTM sequence classification")
    top_label(page, "sentiment-verdict").get_by_text("positive", exact=True).wait_for(timeout=20_000)
    expected = client.predict("The movie was not good.", api_name="/classify_sentiment")[0]["label"]
    page.get_by_text("The movie was not good.", exact=True).first.click()  # an example: fills and classifies
    top_label(page, "sentiment-verdict").get_by_text(expected, exact=True).wait_for(timeout=20_000)
    assert page.locator("#sentiment-input textarea").input_value() == "The movie was not good."
    box = page.locator("#sentiment-input textarea")
    box.fill("A wonderful, moving film.")
    box.press("Enter")  # Enter classifies
    top_label(page, "sentiment-verdict").get_by_text("positive", exact=True).wait_for(timeout=20_000)
    assert box.input_value() == "A wonderful, moving film."  # and adds no line break
    open_tab(page, "Language of a name")
    top_label(page, "name-verdict").get_by_text("Japanese", exact=True).wait_for(timeout=20_000)
    name = page.locator("#name-input textarea, #name-input input").first
    name.fill("Schmidt")
    name.press("Enter")
    top_label(page, "name-verdict").get_by_text("German", exact=True).wait_for(timeout=20_000)
    page.get_by_text("Rossi", exact=True).first.click()
    top_label(page, "name-verdict").get_by_text("Italian", exact=True).wait_for(timeout=20_000)


def test_unknown_words_and_barely_readable_input_carry_a_visible_caveat(page):
    open_tab(page, "LSTM sequence classification")
    box = page.locator("#sentiment-input textarea")
    box.fill("zorgle blarf quux good")
    box.press("Enter")
    notes = page.locator("#sentiment-notes")
    notes.get_by_text("Read with care", exact=False).wait_for(timeout=20_000)
    assert "read as <unk>: zorgle, blarf, quux" in notes.inner_text()  # not swallowed as an HTML tag
    open_tab(page, "Language of a name")
    name = page.locator("#name-input textarea, #name-input input").first
    name.fill("Ng☃")
    name.press("Enter")
    page.locator("#name-notes").get_by_text("outside the alphabet", exact=False).wait_for(timeout=20_000)


def test_a_failed_model_load_is_one_message_and_the_controls_stay(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    page.get_by_text("Model: where it came from, or load another").click()
    in_use = page.get_by_label("Model in use")
    before = in_use.input_value()
    page.get_by_text(re.compile(r"Served from the (Hub|bundled copy)")).first.wait_for(timeout=20_000)
    repo = page.get_by_label("Hub repo id", exact=False).first
    repo.fill("nobody-here/no-such-model")
    repo.press("Enter")
    page.get_by_role("button", name="Load model", exact=True).click()
    page.get_by_text("Could not load", exact=False).first.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert in_use.input_value() == before
    # no red "Error" pill over the PC sliders, the model box or the provenance line
    assert page.locator(".error, [data-testid='status-tracker'] .error").filter(has_text="Error").count() == 0
    assert page.locator("#gan-provenance").inner_text().strip() != ""


def test_reset_restores_psi_and_the_gif_plays_on_the_page(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    psi = page.locator("#gan-truncation input[type=number]")
    psi.fill("0")
    psi.press("Enter")
    page.get_by_role("button", name="Reset sliders", exact=False).click()
    page.wait_for_function("() => document.querySelector('#gan-truncation input[type=number]').value === '1'")
    open_tab(page, "Interpolate")
    page.get_by_role("button", name="Interpolate", exact=True).click()
    gif = page.locator("#gan-gif img")
    gif.wait_for(timeout=30_000)
    assert ".gif" in (gif.get_attribute("src") or "")


def test_position_slider_spans_the_text_and_follows_the_keyboard(page):
    open_tab(page, "LSTM text generation")
    page.wait_for_selector("#lstm-heatmap img", timeout=30_000)
    box = page.locator("#lstm-inspect-text textarea")
    box.fill("To be, or not to be: that is the question.\u2603")
    page.get_by_role("button", name="Analyse", exact=True).click()
    page.locator("#lstm-inspect-notes").get_by_text("left out", exact=False).wait_for(timeout=20_000)
    assert page.locator("#lstm-notes").inner_text().strip() == ""  # not under the generated text
    ranges = page.locator("input[type=range]")
    position = next(r for r in ranges.all() if "osition" in (r.get_attribute("aria-label") or ""))
    page.wait_for_function(
        "el => el.max === '42'", arg=position.element_handle(), timeout=20_000
    )  # 43 characters less the one the model never saw
    caption = page.get_by_text(re.compile(r"\(character \d+ of 42\)")).first
    caption.wait_for(timeout=20_000)
    before = caption.inner_text()
    position.focus()
    position.press("ArrowRight")
    page.wait_for_function(
        "old => [...document.querySelectorAll('p, span')].some(e => /character \\d+ of 42/.test(e.textContent)"
        " && !e.textContent.includes(old))",
        arg=re.search(r"character \d+", before).group(0),
        timeout=20_000,
    )


def test_confidence_reads_as_text_and_the_heatmap_is_legible(page):
    open_tab(page, "LSTM text generation")
    page.wait_for_selector("#lstm-heatmap img", timeout=30_000)
    expected = page.locator("#lstm-expected-text .char-text")
    expected.wait_for(timeout=20_000)
    assert "O Romeo, Romeo!" in expected.inner_text()  # words intact, spaces as spaces
    span = expected.locator(".ch").nth(3)
    assert re.fullmatch(r"\d\.\d\d", span.get_attribute("title") or "")
    size = page.evaluate(
        "() => { const i = document.querySelector('#lstm-heatmap img'); return [i.naturalWidth, i.naturalHeight]; }"
    )
    assert size[0] <= 800 and size[1] >= 300  # wrapped into blocks: cells stay big when scaled to a phone


def test_lesson_show_me_lands_on_the_named_view(page):
    open_tab(page, "Lesson")
    page.locator("#lesson-jump input").click()
    page.get_by_role("option", name=re.compile("^10 ")).click()
    step10 = page.locator("#lesson-step10")
    step10.get_by_text("char-LSTM", exact=False).first.wait_for(timeout=10_000)
    page.mouse.wheel(0, 800)  # a student scrolled down to the step's buttons
    step10.get_by_role("button", name="Show me: watch it learn →", exact=True).click()
    page.locator("#charlstm-train").wait_for(state="visible", timeout=10_000)  # the char-LSTM sub-tab
    page.wait_for_function(  # the view starts at the top of the window, not mid-page
        "() => { const t = document.getElementById('app-tabs').getBoundingClientRect().top; return t > -5 && t < 200; }",
        timeout=5_000,
    )
    open_tab(page, "Lesson")
    page.locator("#lesson-jump input").click()
    page.get_by_role("option", name=re.compile("^5 ")).click()
    page.locator("#lesson-step5").get_by_role("button", name="Show me: watch it learn →", exact=True).click()
    page.locator("#gan2d-preset input").wait_for(state="visible", timeout=10_000)
    assert page.locator("#gan2d-preset input").input_value().startswith("Mode collapse")


def test_the_link_button_copies_and_says_so(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    page.locator("#gan-link-button").click()
    page.locator("#gan-link-copied.shown").wait_for(timeout=10_000)
    link = page.locator("#gan-link textarea, #gan-link input").first.input_value()
    assert "tab=gan" in link and "seed=42" in link
    assert page.evaluate("() => navigator.clipboard.readText()") == link


def test_one_font_for_every_weight_and_no_raw_keys(page):
    page.wait_for_selector("#gan-image img", timeout=30_000)
    families = page.evaluate(
        "() => [...document.querySelectorAll('h1, h2, h3, strong, button')].map(e => getComputedStyle(e).fontFamily)"
    )
    assert families and not any("Source Sans" in f for f in families), set(families)
    assert (
        page.evaluate("() => [...document.fonts].filter(f => f.family.includes('Source Sans')).length") == 0
    )
    page.get_by_role("button", name="🎲 New seed", exact=True).click()
    page.wait_for_timeout(1500)
    raw_keys = page.evaluate(
        "() => [...document.querySelectorAll('body *:not(script)')].flatMap(e => [...e.childNodes])"
        ".filter(n => n.nodeType === 3 && /\\b(common|gan|lstm|live|classify|lesson|theory)\\.[a-z_]+\\b/.test(n.textContent))"
        ".map(n => n.textContent.trim()).filter(t => t && !t.includes(' '))"
    )
    assert raw_keys == [], raw_keys  # e.g. the status tracker's hidden "common.complete"


def test_a_negative_seed_is_a_message_and_the_picture_stays(page):
    page.wait_for_function(
        "() => (document.querySelector('#gan-image img') || {}).src?.startsWith('data:')", timeout=60_000
    )
    before = page.locator("#gan-image img").first.get_attribute("src")
    seed = page.locator("#gan-seed input").first
    seed.fill("-5")
    seed.press("Enter")
    page.locator("#gan-caption").get_by_text("must be from 0 to", exact=False).wait_for(timeout=20_000)
    assert page.locator("#gan-image img").first.get_attribute("src") == before  # the last valid picture stays
