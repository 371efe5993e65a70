"""LSTM text generation tab: handlers in-process, and through the running app with gradio_client."""

import gradio as gr
import pytest
from gradio_client.exceptions import AppError
from PIL import Image

from ui import lstm_text


def final(generator):
    return list(generator)[-1]


def test_generate_streams_and_is_reproducible():
    chunks = list(lstm_text.lstm_generate("ROMEO:\n", 60, 0.8, 0, 1.0, 5))
    text, spans, notes = chunks[-1]
    assert text.startswith("ROMEO:\n") and len(text) == len("ROMEO:\n") + 60
    assert spans[0] == ("ROMEO:\n", None) and len(spans) == 61
    assert all(0 < p <= 1 for _, p in spans[1:]) and notes == ""
    assert final(lstm_text.lstm_generate("ROMEO:\n", 60, 0.8, 0, 1.0, 5))[0] == text
    assert final(lstm_text.lstm_generate("ROMEO:\n", 60, 0.8, 0, 1.0, 6))[0] != text


def test_first_view_analyses_a_passage_only_in_an_empty_tab():
    text, expected, heatmap_path, units, unit_spans, notes, caption, top5, where = lstm_text.first_view(
        False, "", "", 1, "f", 7
    )
    assert text == lstm_text.FIRST_VIEW_TEXT and "forget gate" in caption and "layer 2" in caption
    assert [ch for ch, _ in expected] == list(text) and Image.open(heatmap_path).size[0] > 0
    assert (top5, where) == lstm_text.lstm_candidates(text, 7) and "JULIET:" in where
    skipped = [gr.skip()] * 9
    assert lstm_text.first_view(False, "my own text", "", 1, "c", 7) == skipped
    assert lstm_text.first_view(False, "", "ROMEO:\nWhat", 1, "c", 7) == skipped
    assert lstm_text.first_view(True, "", "", 1, "c", 7) == skipped  # a permalink's text is coming


def test_a_permalinks_text_is_looked_inside():
    text, expected, *_, where = lstm_text.inside_after_generation(True, "KING:\nPeace", 0, "c", 5)
    assert text == "KING:\nPeace" and [ch for ch, _ in expected] == list(text) and "KING:" in where
    assert lstm_text.inside_after_generation(False, "KING:\nPeace", 0, "c", 5) == [gr.skip()] * 9
    assert lstm_text.inside_after_generation(True, "", 0, "c", 5) == [gr.skip()] * 9


def test_candidates_after_an_analysis_never_raise():
    assert lstm_text.candidates_quietly("To be", 3) == lstm_text.lstm_candidates("To be", 3)
    assert lstm_text.candidates_quietly("", 3) == (gr.skip(), gr.skip())
    assert lstm_text.candidates_quietly("To be", "x") == (gr.skip(), gr.skip())


def test_greedy_equals_top_k_one():
    greedy = final(lstm_text.lstm_generate("To be", 40, 0.0, 0, 1.0, 1))[0]
    assert final(lstm_text.lstm_generate("To be", 40, 1.0, 1, 1.0, 2))[0] == greedy


def test_unknown_characters_are_reported_not_fatal():
    text, _, notes = final(lstm_text.lstm_generate("Café “naïve” 你好 🎉", 5, 0.8, 0, 1.0, 0))
    assert text.startswith("Cafe 'naive'") and "'你' '好' '🎉'" in notes


def test_empty_and_long_prompts():
    text, _, _ = final(lstm_text.lstm_generate("", 10, 0.8, 0, 1.0, 0))
    assert len(text) == 10
    text, _, notes = final(lstm_text.lstm_generate("a" * 5000, 3, 0.8, 0, 1.0, 0))
    assert "Only the last 2048 prompt characters are read" in notes and len(text) == 5003


@pytest.mark.parametrize(
    "args, message",
    [
        (("x", 0, 0.8, 0, 1.0, 0), "Length must be from 1 to 1000"),
        (("x", 5000, 0.8, 0, 1.0, 0), "Length"),
        (("x", 5, "nan", 0, 1.0, 0), "Temperature"),
        (("x", 5, 0.8, -1, 1.0, 0), "Top-k"),
        (("x", 5, 0.8, 0, 0.0, 0), "Top-p"),
        (("x" * 30_000, 5, 0.8, 0, 1.0, 0), "Prompt is 30000 characters long"),
        ((42, 5, 0.8, 0, 1.0, 0), "Prompt must be text"),
    ],
)
def test_bad_generation_settings(args, message):
    with pytest.raises(gr.Error, match=message):
        final(lstm_text.lstm_generate(*args))


def test_analyse_views():
    text = "ROMEO:\nWhat light through yonder window breaks?\n"
    expected, image, units, unit_spans, notes, caption = lstm_text.lstm_analyze(text, 1, "f")
    assert expected[0] == ("R", None) and len(expected) == len(text)
    assert Image.open(image).width > Image.open(image).height
    assert len(units["choices"]) == 8 and units["value"] == units["choices"][0]
    assert len(unit_spans) == len(text) and all(-1 <= v <= 1 for _, v in unit_spans)
    assert "forget gate f, layer 2" in caption
    assert lstm_text.lstm_unit(text, 0, "c", 3)[0][0] == "R"
    candidates, where = lstm_text.lstm_candidates(text, 7)
    assert len(candidates) == 5 and abs(sum(candidates.values())) <= 1 and "character 7 of" in where


@pytest.mark.parametrize(
    "args, message",
    [
        (("", 1, "c"), "at least two characters"),
        (("🎉🎉🎉", 1, "c"), "at least two"),
        (("ab", 7, "c"), "Layer"),
        (("ab", 1, "x"), "Quantity"),
        (("a" * 1001, 1, "c"), "Text is 1001 characters long"),
    ],
)
def test_bad_analysis_input(args, message):
    with pytest.raises(gr.Error, match=message):
        lstm_text.lstm_analyze(*args)


def test_streaming_through_the_api(client):
    job = client.submit("ROMEO:\n", 400, 0.8, 0, 1.0, 0, api_name="/lstm_generate")
    outputs = [out for out in job]
    assert len(outputs) >= 2  # streamed in pieces, not in one answer
    text, spans, _ = job.result()
    assert text.startswith("ROMEO:\n") and len(text) == 407
    assert len(outputs[0][0]) < len(text)
    with pytest.raises(AppError, match="Top-p"):
        client.predict("x", 5, 0.8, 0, 7.0, 0, api_name="/lstm_generate")


def test_analyse_and_candidates_through_the_api(client):
    expected, heatmap_path, units, unit_spans, notes, caption = client.predict(
        "ROMEO:\nWhat light", 1, "c", api_name="/lstm_analyze"
    )
    assert heatmap_path.endswith(".png") and "cell state c" in caption
    candidates, where = client.predict("ROMEO:\nWhat light", 7, api_name="/lstm_candidates")
    assert len(candidates["confidences"]) == 5
