"""A Chinese classroom (issue 19): every tab's main action in zh-CN, and no English on screen but the
allowed cases (proper nouns, the models' own inputs and outputs, symbols and formulas)."""

import re

import pytest

from tests.test_browser import browser, open_app  # noqa: F401 - the browser fixture is used by name

pytestmark = pytest.mark.browser

# Words that stay as they are in a Chinese page: model and method names, units, symbols, people's names
ALLOWED = {
    "GAN", "GANs", "LSTM", "DCGAN", "RCGAN", "SeqGAN", "WGAN", "LSGAN", "MNIST", "PCA", "GANSpace", "MMD", "FID",
    "PC1", "PC2", "PC3", "PC4", "PC5", "Top", "top", "Hub", "API", "EMA", "TTUR", "Adam", "PyTorch", "CPU", "GPU",
    "Goodfellow", "Arjovsky", "Gulrajani", "Mao", "Miyato", "Koyama", "Lim", "Ye", "Heusel", "Radford", "Gers",
    "Hochreiter", "Schmidhuber", "Esteban", "Yazıcı", "Jensen", "Shannon", "Wasserstein", "Lipschitz", "Jane",
    "Taylor", "Shakespeare", "Coriolanus", "Romeo", "Juliet", "ROMEO", "JULIET", "SST", "tanh", "sigmoid",
    "softmax", "nats", "tiny", "unk", "Gradio", "GIF", "PNG", "WebAssembly", "TensorFlow", "onnxruntime", "web",
    "ReLU", "critic", "hinge", "minimax", "Arabic", "English", "gan", "lstm", "lab", "mnist", "dcgan", "weights",
    "log", "loss", "Python", "Transformer", "CNN", "REINFORCE", "Gumbel", "hidden", "size", "input",
    "wasm", "NaN", "Hyland", "Rätsch", "Yu", "Karras",
}  # fmt: skip
# What a reload logs when it cuts the old page's requests: Gradio's aborted fetches, and a body still
# streaming (e.g. the explorer's runtime, brotli-encoded, when the switch reloads the page mid-download)
RELOAD_CUTS = (
    "AbortError: signal is aborted",
    "AbortError: BodyStreamBuffer was aborted",
    "Connection errored out",
)
# The models' own inputs and outputs and the API's: left as they are
SKIPPED = (
    "textarea, input, code, pre, .katex, .char-text, #lstm-output, #lstm-candidates, #lang-switch, footer,"
    " .gradio-container footer, [data-testid=json], .sentiment-examples, .examples, #gan-provenance,"
    " #models-provenance, .lang-switch, .references, #sentiment-moved, #sentiment-belief, [data-testid=dataset], .gallery"
)


def visible_english(page) -> list[str]:
    """English words in the visible text of the selected tab, outside what SKIPPED names."""
    text = page.evaluate(
        """(skipped) => {
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, el = node.parentElement;
            if (!el || el.closest(skipped) || el.closest('script, style')) continue;
            const box = el.getBoundingClientRect();
            if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
            out.push(node.textContent);
          }
          return out.join(' ');
        }""",
        SKIPPED,
    )
    words = re.findall(r"[A-Za-zÀ-ɏ]{3,}", text)  # Latin letters, accented ones too (Yazıcı, Rätsch)
    return sorted({w for w in words if w not in ALLOWED})


@pytest.fixture
def zh_page(browser, app_server):  # noqa: F811
    context, page, errors = open_app(browser, app_server, locale="zh-CN")
    yield page
    context.close()
    # a reload cuts the old page's open requests, and Gradio logs that (harmless, nothing on screen)
    cut = RELOAD_CUTS
    assert [e for e in errors if not any(c in e for c in cut)] == [], errors


def test_every_tab_in_chinese_after_its_main_action(zh_page):
    page = zh_page
    page.wait_for_selector("#gan-image img, #gan-image canvas", timeout=30_000)
    page.get_by_role("button", name="🎲 换个种子", exact=True).click()
    page.wait_for_timeout(1000)
    assert visible_english(page) == [], "GAN"
    page.get_by_role("tab", name="LSTM 文本生成", exact=True).click()
    page.wait_for_selector("#lstm-heatmap img", timeout=30_000)
    page.get_by_role("button", name="生成", exact=True).click()
    page.wait_for_timeout(4000)
    assert visible_english(page) == [], "LSTM text"
    page.get_by_role("tab", name="LSTM 序列分类", exact=True).click()
    page.locator("#sentiment-notes, #sentiment-verdict").first.wait_for(timeout=20_000)
    page.wait_for_timeout(2000)
    assert visible_english(page) == [], "classification"
    page.get_by_role("tab", name="实时训练", exact=True).click()
    page.wait_for_timeout(3000)
    assert visible_english(page) == [], "watch it learn"
    page.get_by_role("tab", name="原理：GAN 与 LSTM 对比", exact=True).click()
    assert visible_english(page) == [], "theory"
    page.get_by_role("tab", name="导学课程", exact=True).click()
    assert visible_english(page) == [], "lesson"


def test_the_switch_rerenders_every_tab_and_is_remembered(browser, app_server):  # noqa: F811
    context, page, errors = open_app(browser, app_server, locale="en-US")
    page.locator(".lang-switch button[data-lang=zh]").click()
    page.get_by_role("tab", name="GAN 生成对抗网络", exact=True).wait_for(timeout=30_000)
    labels = [t.inner_text() for t in page.get_by_role("tab").all()]
    assert {"LSTM 文本生成", "LSTM 序列分类", "实时训练", "导学课程"} <= set(labels)
    assert "lang=zh" in page.url
    page.goto(app_server, wait_until="load")  # the choice is remembered without the link parameter
    page.get_by_role("tab", name="GAN 生成对抗网络", exact=True).wait_for(timeout=30_000)
    page.locator("#gan-link-button").click()  # a teacher's permalink opens in Chinese too
    page.wait_for_function(
        "() => (document.querySelector('#gan-link textarea, #gan-link input') || {}).value?.includes('lang=zh')"
    )
    context.close()
    # a reload cuts the old page's open requests, and Gradio logs that (harmless, nothing on screen)
    cut = RELOAD_CUTS
    assert [e for e in errors if not any(c in e for c in cut)] == [], errors
