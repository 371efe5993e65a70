"""Accessibility and the Chinese UI in a real browser: alt text, keyboard only, phone width, zh-CN labels."""

import os
import re

import pytest

from tests.test_browser import browser, image_src, wait_for_new_image  # noqa: F401 - fixture used by name

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}  # an iPhone 12–15 in CSS pixels


@pytest.fixture
def open_page(browser, app_server):  # noqa: F811 - pytest injects the imported fixture by name
    """A factory of pages (viewport, locale) on the app, opened on the GAN tab; any JS error fails the test."""
    contexts, errors = [], []

    def open_(viewport: dict | None = None, locale: str = "en-US"):
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 1000}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(app_server, wait_until="load")  # gr.State's heartbeat: never "networkidle"
        page.wait_for_selector("#gan-image img", timeout=30_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert errors == [], errors


def wait_for_alt(page, image_id: str, text: str) -> str:
    page.wait_for_function(
        "([id, text]) => (document.querySelector('#' + id + ' img')?.alt || '').includes(text)",
        arg=[image_id, text],
        timeout=20_000,
    )
    return page.locator(f"#{image_id} img").first.get_attribute("alt")


def test_generated_images_have_alt_text_naming_digit_and_seed(open_page):
    page = open_page()
    alt = wait_for_alt(page, "gan-image", "Digit 7, seed 42")
    assert alt.startswith("Generated digit: Digit 7, seed 42, ψ = 1.") and "real" in alt
    page.get_by_role("radio", name="3", exact=True).check()
    wait_for_alt(page, "gan-image", "Digit 3, seed 42")
    page.get_by_role("tab", name="Grid", exact=True).click()
    page.get_by_role("button", name="Sample grid", exact=True).click()
    assert wait_for_alt(page, "gan-grid", "80 samples, seed 0").startswith("Samples: 80 samples")


def _tab_to(page, selector: str, limit: int = 120) -> int:
    """Press Tab until the focused element is inside `selector`; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s)", selector):
            return presses
    raise AssertionError(f"{limit} Tab presses never reached {selector}")


def test_keyboard_only_reaches_the_seed_and_a_slider_and_changes_the_image(open_page):
    page = open_page()
    wait_for_alt(page, "gan-image", "seed 42")
    first = image_src(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_to(page, "#gan-seed")
    page.keyboard.press("Control+A")
    page.keyboard.type("123")
    second = wait_for_new_image(page, first)
    wait_for_alt(page, "gan-image", "seed 123")
    _tab_to(page, "#gan-truncation input[type=range]")
    page.keyboard.press("ArrowLeft")  # 1.0 → 0.95
    wait_for_new_image(page, second)
    assert "seed 123, ψ = 0.95" in wait_for_alt(page, "gan-image", "ψ = 0.95")


def _screenshot(page, name: str) -> None:
    page.screenshot(path=os.path.join(os.environ["GRADIO_TEMP_DIR"], name), full_page=True)


def _scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_phone_width_gan_and_theory_tabs_have_no_horizontal_scroll(open_page):
    page = open_page(viewport=PHONE)
    wait_for_alt(page, "gan-image", "seed 42")
    _screenshot(page, "phone-gan-tab.png")
    assert _scroll_width(page) <= PHONE["width"]
    _select_top_tab(page, "Theory: GAN vs LSTM")
    page.get_by_text("GAN: a forger and a detective").wait_for(timeout=10_000)
    page.wait_for_function("() => document.querySelectorAll('.katex').length >= 8")
    _screenshot(page, "phone-theory-tab.png")
    assert _scroll_width(page) <= PHONE["width"]


def _select_top_tab(page, name: str) -> None:
    """Select a top-level tab, also when a narrow screen moved it into the tab bar's "More tabs" menu."""
    tab = page.get_by_role("tab", name=name, exact=True)
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    page.locator(".overflow-menu > button").first.click()  # the first tab bar's "More tabs" (⋯)
    page.locator(".overflow-dropdown").first.get_by_role("button", name=name, exact=True).click()


def test_chinese_locale_translates_every_tab_and_keeps_the_values(open_page):
    page = open_page(locale="zh-CN")
    page.get_by_role("tab", name="GAN 生成对抗网络", exact=True).wait_for()
    assert page.get_by_role("button", name="🎲 换个种子", exact=True).is_visible()
    # "PC1 (23% 的风格方差)": a placeholder inside a label
    assert page.get_by_text("的风格方差").first.is_visible()
    alt = wait_for_alt(page, "gan-image", "种子 42")
    assert alt.startswith("生成的数字: 数字 7")  # run-time captions in the page's language too
    page.get_by_role("tab", name="网格", exact=True).click()
    page.get_by_role("button", name="生成网格", exact=True).click()  # the Dropdown shows 全部 and sends "all"
    page.get_by_text("80 个样本").wait_for(timeout=20_000)
    for tab in ["LSTM 文本生成", "LSTM 序列分类", "实时训练", "原理：GAN 与 LSTM 对比", "导学课程"]:
        page.get_by_role("tab", name=tab, exact=True).click()
        page.wait_for_timeout(300)
        text = page.evaluate("document.body.innerText")
        assert "__i18n__" not in text and not re.search(r"\bLoading…", text), tab
    page.get_by_role("tab", name="实时训练", exact=True).click()
    page.locator("#gan2d-live-status").get_by_text("第 0 步（就绪）").wait_for(
        timeout=30_000
    )  # the page's status, in Chinese
    page.locator("#gan2d-preset input").click()
    page.get_by_role("option", name="模式崩溃：极小极大损失，G 的学习速度是 D 的 10 倍", exact=True).click()
    # the page's preset table got the English name (the value) and set the loss to "minimax", shown in Chinese
    loss = page.get_by_role("combobox", name="损失函数", exact=True)
    page.wait_for_function(
        "e => e.value === '极小极大（Goodfellow 2014）'", arg=loss.element_handle(), timeout=20_000
    )
