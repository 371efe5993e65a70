"""Run-time texts follow the page's language; API clients (no cookie, no page address) keep English."""

from types import SimpleNamespace

from ui import gan, lstm_text
from ui.i18n import in_language, language_of, localized


def test_the_page_tells_the_language_and_api_clients_get_english():
    page = SimpleNamespace(cookies={}, headers={"referer": "https://x.hf.space/?tab=gan&lang=zh"})
    assert language_of(page) == "zh"
    assert language_of(SimpleNamespace(cookies={"ganlab_lang": "zh"}, headers={})) == "zh"
    assert language_of(SimpleNamespace(cookies={}, headers={})) == "en" and language_of(None) == "en"
    assert (
        language_of(SimpleNamespace(cookies={"ganlab_lang": "fr"}, headers={"referer": "/?lang=xx"})) == "en"
    )


def test_captions_verdicts_and_batches_in_chinese():
    _, verdict, caption = in_language("zh", gan.gan_generate, "", 7, 42, 1.0, *[0.0] * 8)
    assert set(verdict) == {"真实", "生成"} and caption.startswith("数字 **7**，种子 **42**")
    pictures, verdicts, captions = localized(gan.gan_generate_batch)(
        SimpleNamespace(cookies={"ganlab_lang": "zh"}, headers={}), [""], [3], [1], [1.0], *[[0.0]] * 8
    )
    assert captions[0].startswith("数字 **3**") and "真实" in verdicts[0]
    *_, english = gan.gan_generate("", 7, 42, 1.0, *[0.0] * 8)
    assert english.startswith("Digit **7**, seed **42**")


def test_streamed_generation_keeps_the_language_on_every_chunk():
    stream = localized(lstm_text.lstm_generate)(
        SimpleNamespace(cookies={"ganlab_lang": "zh"}, headers={}), "ROMEO:\n☃", 20, 0.8, 0, 1.0, 1
    )
    notes = [chunk[2] for chunk in stream]
    assert notes and all("模型在训练中从未见过的字符" in note for note in notes)


def test_the_api_answers_in_english(client):
    _, verdict, caption = client.predict("", 7, 42, 1.0, *[0.0] * 8, api_name="/gan_generate")
    assert verdict["label"] in {"real", "fake"} and caption.startswith("Digit **7**")
