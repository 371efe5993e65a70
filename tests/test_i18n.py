"""English and Simplified Chinese strings: the same keys, none empty, every key used is defined."""

import json
import re

import gradio as gr
from gradio.i18n import I18nData

from ui import lesson, theory
from ui.i18n import EN, I18N, ZH

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


def test_every_key_the_tabs_use_is_defined_and_every_key_is_used():
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            theory.build_tab(tabs)
            lesson.build_lesson(tabs)
    used = set(_keys(demo.get_config_file()))
    assert used and used == set(EN)


def _keys(value):
    """The translation keys in a Blocks config: I18nData objects, and the strings Markdown turns them into."""
    if isinstance(value, I18nData):
        yield value.key
    elif isinstance(value, str) and value.startswith("__i18n__"):
        yield json.loads(value.removeprefix("__i18n__"))["key"]
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
