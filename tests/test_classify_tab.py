"""LSTM sequence classification tab: handlers in-process and through the running app."""

import gradio as gr
import pytest
from gradio_client.exceptions import AppError

from ui import lstm_classify


def test_sentiment_trace_ends_at_the_verdict():
    verdict, belief, spans, data, notes = lstm_classify.classify_sentiment("The movie was not bad at all.")
    plot = belief["value"]  # an update: the frame, and axis titles in the page's language
    assert (belief["x_title"], belief["y_title"]) == ("word read", "P(positive)")
    assert set(verdict) == {"negative", "positive"} and abs(sum(verdict.values()) - 1) < 1e-5
    assert list(plot.columns) == ["word", "P(positive)"] and len(plot) == len(data["tokens"])
    assert plot["P(positive)"].iloc[-1] == pytest.approx(verdict["positive"])
    assert data["probabilities"] == pytest.approx(verdict) and data["label"] == max(verdict, key=verdict.get)
    assert [t for t, _ in spans] == data["tokens"] and max(abs(s) for _, s in spans) == pytest.approx(1.0)
    assert sum(data["change_per_token"]) == pytest.approx(verdict["positive"] - 0.5, abs=1e-5)


def test_sentiment_words_sort_in_reading_order():
    plot = lstm_classify.classify_sentiment(" ".join(["good"] * 12))[1]["value"]
    assert list(plot["word"]) == sorted(plot["word"])


def test_name_top3_and_trace():
    top3, belief, data, notes = lstm_classify.classify_name("Nakamura")
    plot = belief["value"]
    assert len(top3) == 3 and data["label"] == max(top3, key=top3.get)
    assert len(data["trace"]) == len("Nakamura") == len(data["characters"])
    assert data["trace"][-1][data["label"]] == pytest.approx(top3[data["label"]], abs=1e-4)
    assert set(plot["language"]) == set(top3)


def test_first_view_classifies_what_the_boxes_hold_once():
    empty = {"label": None, "confidences": None}  # what an empty gr.Label sends
    outputs = lstm_classify.first_view("The movie was not bad at all.", empty, "Nakamura", None)
    assert len(outputs) == 9
    assert outputs[:5][0] == lstm_classify.classify_sentiment("The movie was not bad at all.")[0]
    assert outputs[5] == lstm_classify.classify_name("Nakamura")[0]
    # a verdict already shown is kept; empty or bad input waits for the button, which explains
    kept = lstm_classify.first_view("Great.", {"label": "positive"}, "   ", None)
    assert kept == [gr.skip()] * 9
    assert lstm_classify.first_view(None, None, 3, None) == [gr.skip()] * 9


@pytest.mark.parametrize("fn", [lstm_classify.classify_sentiment, lstm_classify.classify_name])
@pytest.mark.parametrize(
    "bad, message",
    [
        ("", "Nothing to classify"),
        ("   \n", "Nothing to classify"),
        (None, "Nothing to classify"),
        (3, "must be text"),
    ],
)
def test_bad_input(fn, bad, message):
    with pytest.raises(gr.Error, match=message):
        fn(bad)


def test_long_input_is_bounded_with_a_note():
    *_, notes = lstm_classify.classify_sentiment("good " * 390)
    assert "cut to its first" in notes
    with pytest.raises(gr.Error, match="Sentence is 2005 characters long"):
        lstm_classify.classify_sentiment("x" * 2005)


def test_classify_through_the_api(client):
    verdict, plot, spans, data, notes = client.predict(
        "A gorgeous, moving film.", api_name="/classify_sentiment"
    )
    assert verdict["label"] in ("positive", "negative") and data["tokens"][:2] == ["a", "gorgeous"]
    top3, plot, data, notes = client.predict("Rossi", api_name="/classify_name")
    assert len(top3["confidences"]) == 3 and len(data["trace"]) == 5
    with pytest.raises(AppError, match="Nothing to classify"):
        client.predict("   ", api_name="/classify_name")


def test_in_chinese_the_verdict_labels_notes_and_axes_are_chinese():
    from ui.i18n import in_language

    verdict, belief, _, data, notes = in_language("zh", lstm_classify.classify_sentiment, "zorgle blarf good")
    assert set(verdict) == {"积极", "消极"} and data["label"] in {
        "positive",
        "negative",
    }  # the data stays English
    assert belief["x_title"] == "读到的词" and "请谨慎看待" in notes and "未知词" in notes
    top3, belief, _, _ = in_language("zh", lstm_classify.classify_name, "Schmidt")
    assert "德语" in top3 and belief["color_title"] == "语言" and "德语" in set(belief["value"]["language"])


# what each example of the tab means: the tab shows negation the shipped model reads right (issue 20)
EXAMPLE_MEANINGS = {
    "The movie was good.": "positive",
    "The movie was not good.": "negative",
    "The movie was not bad at all.": "positive",
    "I wasn't disappointed.": "positive",
    "It is never boring.": "positive",
    "There is hardly a dull moment.": "positive",
    "Far from perfect.": "negative",
    "The acting is wonderful, but the plot is a complete mess.": "negative",
    "I expected a boring film, but it was a delight from start to finish.": "positive",
}


def test_every_sentiment_example_is_read_as_it_means():
    assert list(EXAMPLE_MEANINGS) == lstm_classify.SENTIMENT_EXAMPLES
    for sentence, meaning in EXAMPLE_MEANINGS.items():
        verdict = lstm_classify.classify_sentiment(sentence)[0]
        assert max(verdict, key=verdict.get) == meaning, (sentence, verdict)
