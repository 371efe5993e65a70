"""The Theory and Lesson tabs in a real browser: formulas rendered by KaTeX, "Show me" switches tabs, Chinese."""

import pytest

from tests.test_browser import browser, open_app  # noqa: F401 - the browser fixture is used by name
from ui.theory import FORMULAS

pytestmark = pytest.mark.browser


def _open(browser, app_server, locale: str):  # noqa: F811
    """A page on the app in `locale`, and the list its JS errors land in."""
    _, page, errors = open_app(browser, app_server, locale=locale)
    return page, errors


def _selected_tab(page, name: str) -> None:
    page.wait_for_function(
        "name => [...document.querySelectorAll('[role=tab]')]"
        ".some(t => t.textContent.trim() === name && t.getAttribute('aria-selected') === 'true')",
        arg=name,
        timeout=10_000,
    )


def test_theory_formulas_render_and_show_me_switches_tabs(browser, app_server):  # noqa: F811
    page, errors = _open(browser, app_server, "en-US")
    page.get_by_role("tab", name="Theory: GAN vs LSTM", exact=True).click()
    page.get_by_text("GAN: a forger and a detective").wait_for(timeout=10_000)
    sources = page.locator('.katex annotation[encoding="application/x-tex"]')
    page.wait_for_function("n => document.querySelectorAll('.katex').length >= n", arg=len(FORMULAS))
    rendered = {" ".join(s.split()) for s in sources.all_text_contents()}
    assert {" ".join(latex.split()) for latex in FORMULAS.values()} <= rendered
    assert page.locator(".katex-error").count() == 0
    page.get_by_role("button", name="Show me: LSTM text generation →", exact=True).first.click()
    _selected_tab(page, "LSTM text generation")
    page.get_by_role("tab", name="Lesson", exact=True).click()
    page.get_by_role("button", name="Next →", exact=True).first.click()
    step2 = page.locator("#lesson-step2")
    step2.get_by_text("Truncation ψ").first.wait_for(timeout=10_000)
    step2.get_by_text("Reveal", exact=True).click()
    step2.get_by_text("Truncation trades variety for typicality").wait_for(timeout=5_000)
    step2.get_by_role("button", name="Show me: the GAN tab →", exact=True).click()
    _selected_tab(page, "GAN")
    page.context.close()
    assert errors == [], errors


def test_chinese_locale(browser, app_server):  # noqa: F811
    page, errors = _open(browser, app_server, "zh-CN")
    page.get_by_role("tab", name="原理：GAN 与 LSTM 对比", exact=True).click()
    page.get_by_text("GAN：伪造者与鉴定师").wait_for(timeout=10_000)
    assert page.get_by_text("长短期记忆网络（LSTM）", exact=False).first.is_visible()
    page.get_by_role("tab", name="导学课程", exact=True).click()
    page.get_by_role("button", name="下一步 →", exact=True).first.click()
    page.locator("#lesson-step2").get_by_text("揭晓答案", exact=True).wait_for(timeout=10_000)
    page.context.close()
    assert errors == [], errors
