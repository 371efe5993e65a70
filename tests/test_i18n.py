"""English and Simplified Chinese strings: the same keys, none empty, every key used is defined, no UI string left plain."""

import json
import re

import gradio as gr
from gradio.i18n import I18nData

import app
from models.lstm_inspect import GATE_NAMES
from models.toy_gan import VIEW
from ui import gan, live_char_lstm, live_training
from ui.i18n import EN, I18N, ZH
from ui.live_texts import TEXTS

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_same_keys_and_no_empty_values():
    assert set(EN) == set(ZH)
    assert all(isinstance(v, str) and v.strip() for v in [*EN.values(), *ZH.values()])
    assert I18N.translations_dict == {"en": EN, "zh": ZH}


def test_chinese_is_chinese():
    untranslated = [key for key, text in ZH.items() if not CJK.search(text) or text == EN[key]]
    assert untranslated == []


def test_tables_and_formula_free_texts_match():
    """The comparison table has the same shape in both languages; LaTeX stays in ui/theory.py."""
    for table in (EN["theory.compare"], ZH["theory.compare"]):
        assert {row.count("|") for row in table.splitlines()} == {4}
    assert len(EN["theory.compare"].splitlines()) == len(ZH["theory.compare"].splitlines())
    assert not any("$$" in text for text in [*EN.values(), *ZH.values()])


# keys the default app does not show, and why
UNUSED_BY_DEFAULT = {
    "gan.pc.absent": "a direction slider's label for a model with fewer than 5 directions",
    # asked for by Gradio's own status tracker (a hidden screen-reader line), which ships no text for them
    "common.complete": "Gradio's status tracker",
    "common.error": "Gradio's status tracker",
}


def _run_time_keys() -> set[str]:
    """Keys the handlers write through ui.i18n.tr (not through the layout's I18N): quoted in the code
    (`tr("gan.caption", …)`), or under a prefix the code fills in (`tr(f"classify.label.{name}")`)."""
    from pathlib import Path

    ui = Path(app.__file__).parent / "ui"
    code = "\n".join(path.read_text() for path in ui.rglob("*.py") if "texts" not in path.parts)
    prefixes = re.findall(r'tr\(f"([\w.-]+)\{', code) + re.findall(r'f"([\w.-]+)\{\w+\}" in EN', code)
    quoted = set(re.findall(r'"([\w-]+\.[\w.-]+)"', code)) - set(re.findall(r'I18N\("([\w.-]+)"\)', code))
    page = "\n".join(p.read_text() for p in (ui.parent / "web").rglob("*.js") if "vendor" not in p.parts)
    quoted |= set(re.findall(r'\bt[r]?\("([\w-]+\.[\w.-]+)"', page))  # web/i18n.js t("page.live.ready")
    prefixes += re.findall(r"\bt[r]?\(`([\w.-]+)\$\{", page)  # t(`page.live.state.${state}`)
    return {key for key in EN if key in quoted or any(key.startswith(p) for p in prefixes)}


def test_every_key_the_app_uses_is_defined_and_every_key_is_used():
    used = set(_keys(app.demo.get_config_file()))
    assert used - set(EN) == set()
    assert set(EN) - used - _run_time_keys() == set(UNUSED_BY_DEFAULT)


def _keys(value):
    """The translation keys in a Blocks config: I18nData objects, and strings with a placeholder inside."""
    if isinstance(value, I18nData):
        yield value.key
    elif isinstance(value, str) and "__i18n__" in value:
        placeholder = value[value.index("__i18n__") + len("__i18n__") :]
        yield json.loads(placeholder[: placeholder.index("}") + 1])["key"]
    elif isinstance(value, dict):
        for item in value.values():
            yield from _keys(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _keys(item)


def test_markdown_structure_matches_and_every_bold_closes():
    """Rendered as CommonMark, each ZH text has the EN text's headings, list items and links, and no stray **."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark").enable("table")
    for key in EN:
        english, chinese = markdown.render(EN[key]), markdown.render(ZH[key])
        assert "**" not in english and "**" not in chinese, key
        assert all(len(h) <= 60 for h in re.findall(r"<h\d>(.*?)</h\d>", english + chinese)), key
        for tag in ("<h2>", "<h3>", "<li>", "<tr>", "<a ", "<strong>"):
            if tag == "<strong>":  # Chinese may bold a little more or less, but bolds where English does
                assert (english.count(tag) > 0) == (chinese.count(tag) > 0), (key, tag)
            else:
                assert english.count(tag) == chinese.count(tag), (key, tag)


# Props whose text the user sees and Gradio 6.31 translates (its frontend looks for placeholders in these).
TEXT_PROPS = ("label", "info", "placeholder", "title", "caption", "description")
# Component types whose `value` is UI text (for the others, `value` is data: a prompt, a number, a repo id).
TEXT_VALUE_TYPES = {"markdown", "html", "button"}
# Not checked: plots' x_title / y_title (Gradio 6.31 translates no axis titles, so they stay English),
# and `value` of inputs (data: a prompt, an example sentence, a repo id). Components that show nothing:
HIDDEN_TYPES = {"api": "gr.api endpoints (ping) have no UI", "state": "gr.State is never rendered"}
# Plain strings that may stay untranslated, each with the reason.
ALLOWED_ELEM_IDS = {
    "gan-provenance": "run-time text: gan.provenance replaces it on page load",
    "lang-switch": "the language switch names each language in itself: English | 中文",
}
REPO_ID = re.compile(r"^[\w.-]+/[\w.-]+(@\S+)?$")  # Hub repo ids (the GAN tab's model picker): names


def _allowed(text: str) -> bool:
    return (
        not text.strip()  # empty: nothing to translate
        or not re.search(r"[^\W\d_]", text)  # no letters: digits "0"–"9", symbols, numbers
        or REPO_ID.match(text) is not None
        or (text.startswith("$$") and text.endswith("$$"))  # a LaTeX formula (ui/theory.py): no words
    )


def _translated(text) -> bool:
    return isinstance(text, I18nData) or "__i18n__" in str(text)


def _untranslated(component: dict) -> list[str]:
    """'type#id prop: text' for every user-visible plain string of one component in the config."""
    props = component.get("props", {})
    if props.get("elem_id") in ALLOWED_ELEM_IDS or component.get("type") in HIDDEN_TYPES:
        return []
    texts = [(name, props.get(name)) for name in TEXT_PROPS]
    if component.get("type") in TEXT_VALUE_TYPES:
        texts.append(("value", props.get("value")))
    # Radio / Dropdown choices are (display name, value) pairs: only the display name is UI text
    texts += [("choice", pair[0]) for pair in props.get("choices") or []]
    return [
        f"{component.get('type')}#{props.get('elem_id') or component.get('id')} {name}: {text!r}"
        for name, text in texts
        if isinstance(text, str | I18nData) and not _translated(text) and not _allowed(str(text))
    ]


def test_no_ui_string_is_left_plain():
    """Every label, info text, button text, Markdown text, tab name and choice name is an I18N key."""
    components = app.demo.get_config_file()["components"]
    assert len(components) > 100
    assert [problem for component in components for problem in _untranslated(component)] == []


def test_the_walk_finds_plain_strings():
    with gr.Blocks() as demo:
        gr.Markdown("plain")
        gr.Button(I18N("common.stop"))
        gr.Dropdown([("Ring", "ring"), (I18N("live.target.grid"), "grid"), ("7", 7)], label="Loss")
        gr.Markdown("", elem_id="gan-provenance")
    problems = [p for c in demo.get_config_file()["components"] for p in _untranslated(c)]
    assert problems == [
        f"markdown#{demo.get_config_file()['components'][0]['id']} value: 'plain'",
        f"dropdown#{demo.get_config_file()['components'][2]['id']} label: 'Loss'",
        f"dropdown#{demo.get_config_file()['components'][2]['id']} choice: 'Ring'",
    ]


def test_choices_keep_their_values():
    """Translated display names, unchanged values: handlers and the API get what they got before."""
    components = {c["id"]: c for c in app.demo.get_config_file()["components"]}
    choices = [c["props"]["choices"] for c in components.values() if c["props"].get("choices")]
    values = [[pair[1] for pair in group] for group in choices]
    assert list(live_training.PRESETS) in values and [*TEXTS, live_char_lstm.OWN_TEXT] in values
    assert [value for _, value in live_training.TARGET_CHOICES] in values
    assert [value for _, value in live_training.LOSS_CHOICES] in values
    assert list(GATE_NAMES) in values and [0, 1] in values and ["all", *map(str, range(10))] in values


def test_texts_that_repeat_a_constant_still_agree():
    assert {key: EN[f"lstm.quantity.{key}"] for key in GATE_NAMES} == GATE_NAMES
    assert {name: EN[f"live.preset.{key}"] for name, key in live_training.PRESET_KEYS.items()} == {
        name: name for name in live_training.PRESETS
    }
    assert all(EN[f"live.lstm.text.{key}"] == name for name, key in live_char_lstm.TEXT_KEYS.items())
    assert all(EN[f"live.target.{value}"] == label for label, value in live_training.TARGET_CHOICES)
    assert all(EN[f"live.loss.{value}"] == label for label, value in live_training.LOSS_CHOICES)
    assert all(f"gan.raw_dim{d}" in EN for d in gan.RAW_DIMS)
    for texts in (EN, ZH):
        assert f"-{VIEW:g} " in texts["live.points"] and f" {VIEW:g}" in texts["live.points"]
        assert f"{live_training.RUN_SECONDS:.0f}" in texts["live.max_steps"]
        assert texts["live.step"].endswith(f"×{live_training.STEP_COUNT}")
        assert f"{live_char_lstm.MAX_TEXT_CHARS:,}" in texts["live.lstm.text"]


def test_api_docs_show_english_labels():
    """I18N placeholders are for the page; /info (Use via API, gradio_client) keeps the English labels."""
    info = app.demo.get_api_info(all_endpoints=True)
    assert "__i18n__" not in json.dumps(info)
    labels = [p["label"] for p in info["named_endpoints"]["/lstm_generate"]["parameters"]]
    assert labels == [
        "Prompt",
        "Characters to generate",
        "Temperature",
        "Top-k (0 = off)",
        "Top-p (1 = off)",
        "Seed",
    ]


def test_no_text_shows_raw_asterisks_once_rendered():
    """CommonMark leaves `*预测：*` as literal asterisks (a closing * after punctuation, before a CJK letter)."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark").enable("table")
    for table in (EN, ZH):
        for key, text in table.items():
            shown = re.sub(r"<code>.*?</code>|<[^>]+>", "", markdown.render(text), flags=re.S)
            assert "*" not in shown.replace("×", ""), (key, shown[:200])
