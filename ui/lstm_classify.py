"""LSTM sequence classification tab: sentence sentiment and name → language, traced step by step."""

from __future__ import annotations

import html
from dataclasses import dataclass

import gradio as gr
import pandas as pd

from models import registry
from models.device import gpu_task
from ui.i18n import EN, I18N, localized, tr
from ui.validation import InputError, as_text

SENTIMENT_MODEL = "sentiment-lstm-sst2"
NAMES_MODEL = "names-lstm"
MAX_SENTENCE_CHARS = 2000
MAX_NAME_CHARS = 100
KNOWN_SHARE_FOR_TRUST = 0.5  # fewer known words than this share: the verdict carries a caveat

SENTIMENT_EXAMPLES = [
    "The movie was good.",
    "The movie was not good.",
    "The movie was not bad at all.",
    "I wasn't disappointed.",
    "It is never boring.",
    "There is hardly a dull moment.",
    "Far from perfect.",
    "The acting is wonderful, but the plot is a complete mess.",
    "I expected a boring film, but it was a delight from start to finish.",
]
# the tab opens on this one: the belief drops at "boring" and climbs back at "delight"
OPENING_SENTENCE = SENTIMENT_EXAMPLES[-1]
NAME_EXAMPLES = ["Nakamura", "O'Neill", "Schmidt", "Rossi", "Nguyen", "Dvořák", "Papadopoulos", "Kowalski"]


def _model(name: str):
    try:
        return registry.load_model(name).model
    except registry.ModelLoadError as error:
        raise gr.Error(str(error)) from None


def _trace(model, text: str) -> dict:
    try:
        return model.trace(text)
    except ValueError:
        raise InputError(tr("classify.error.empty", reason=tr("classify.error.nothing_left"))) from None


def _step_labels(tokens: list[str]) -> list[str]:
    """'01 not', '02 good', …: unique, and in reading order when sorted."""
    width = len(str(len(tokens)))
    return [f"{i + 1:0{width}d} {token}" for i, token in enumerate(tokens)]


def label(name: str) -> str:
    """A class name ('positive', 'German') in the page's language."""
    return tr(f"classify.label.{name}") if f"classify.label.{name}" in EN else name


def _notes(trace: dict, caveat: str | None, unknown_key: str) -> str:
    """The trace's notes as Markdown beside the verdict, in the page's language, the caveat first
    (`<unk>` written as text, not swallowed as an HTML tag)."""
    lines = [caveat] if caveat else []
    if trace["unknown"]:
        shown = trace["unknown"][:10]
        shown = (
            ", ".join(shown) if unknown_key == "classify.note.unknown_words" else " ".join(map(repr, shown))
        )
        more = " …" if len(trace["unknown"]) > 10 else ""
        lines.append(
            tr(unknown_key, count=len(trace["unknown"]), shown=html.escape(shown + more, quote=False))
        )
    if trace.get("cut"):
        limit, total = trace["cut"]
        lines.append(tr("classify.note.cut", limit=limit, total=total))
    return "\n\n".join(lines)


def _sentiment_caveat(trace: dict) -> str | None:
    """A visible warning when the model knows too few of the words to mean much."""
    unknown = set(trace["unknown"])
    known = sum(token not in unknown for token in trace["tokens"])
    if known >= max(1, len(trace["tokens"]) * KNOWN_SHARE_FOR_TRUST):
        return None
    return tr("classify.caveat.few_words", known=known, total=len(trace["tokens"]))


def _name_caveat(trace: dict) -> str | None:
    if trace["unknown"]:
        return tr("classify.caveat.alphabet", read=html.escape("".join(trace["tokens"]), quote=False))
    if len(trace["tokens"]) < 3:
        return tr("classify.caveat.short")
    return None


def _plot(frame: pd.DataFrame, x_key: str, y_key: str, **more) -> dict:
    """The belief plot with its axis titles in the page's language (the columns keep their names)."""
    return gr.update(value=frame, x_title=tr(x_key), y_title=tr(y_key), **more)


@gpu_task
def classify_sentiment(text: str):
    """Sentiment of a sentence with the belief after each word.

    Returns (label + probabilities, P(positive) per word as a table, words coloured by how much each
    moved the belief, the trace as data, notes).
    """
    model = _model(SENTIMENT_MODEL)
    text = as_text(text, "Sentence", MAX_SENTENCE_CHARS)
    trace = _trace(model, text)
    positive = trace["labels"].index("positive")
    p_positive = trace["probs"][:, positive].tolist()
    moves = [
        p - q for p, q in zip(p_positive, [0.5, *p_positive[:-1]], strict=True)
    ]  # signed change per word
    biggest = max(abs(m) for m in moves) or 1.0
    spans = [(token, round(move / biggest, 3)) for token, move in zip(trace["tokens"], moves, strict=True)]
    plot = pd.DataFrame({"word": _step_labels(trace["tokens"]), "P(positive)": p_positive})
    final = trace["probs"][-1].tolist()
    data = {
        "label": trace["labels"][max(range(len(final)), key=final.__getitem__)],
        "probabilities": dict(zip(trace["labels"], final, strict=True)),
        "tokens": trace["tokens"],
        "p_positive_after_each_token": p_positive,
        "change_per_token": moves,
        "unknown_words": trace["unknown"],
    }
    notes = _notes(trace, _sentiment_caveat(trace), "classify.note.unknown_words")
    verdict = {label(name): p for name, p in zip(trace["labels"], final, strict=True)}
    return verdict, _plot(plot, "classify.axis.word", "classify.axis.p_positive"), spans, data, notes


@gpu_task
def classify_name(name: str):
    """Language of a surname: the top 3 and how each grew character by character."""
    model = _model(NAMES_MODEL)
    name = as_text(name, "Name", MAX_NAME_CHARS)
    trace = _trace(model, name)
    probs, labels = trace["probs"], trace["labels"]  # (T, C)
    top3 = probs[-1].topk(min(3, len(labels))).indices.tolist()
    steps = _step_labels(trace["tokens"])
    plot = pd.DataFrame(
        [
            {"character": step, "language": label(labels[c]), "probability": float(probs[t, c])}
            for c in top3
            for t, step in enumerate(steps)
        ]
    )
    data = {
        "label": labels[top3[0]],
        "probabilities": {labels[c]: float(probs[-1, c]) for c in range(len(labels))},
        "characters": trace["tokens"],
        "trace": [{labels[c]: round(float(p[c]), 4) for c in range(len(labels))} for p in probs],
        "unknown_characters": trace["unknown"],
    }
    verdict = {label(labels[c]): float(probs[-1, c]) for c in top3}
    notes = _notes(trace, _name_caveat(trace), "classify.note.unknown_chars")
    belief = _plot(
        plot, "classify.axis.character", "classify.axis.probability", color_title=tr("classify.axis.language")
    )
    return verdict, belief, data, notes


# Outputs by name, in the handlers' order; the skip counts and the component lists both come from these.
SENTIMENT_OUTPUTS = ("verdict", "belief", "moved", "data", "notes")
NAME_OUTPUTS = ("languages", "plot", "data", "notes")


def first_view(sentence, verdict, name, languages) -> list:
    """On opening the tab: the verdicts for what the two boxes hold, so a student sees a belief trace
    before clicking anything. A verdict already shown (a student coming back) and input that cannot
    be classified are left alone: the buttons report those."""
    outputs = []
    for text, shown, classify, count in (
        (sentence, verdict, classify_sentiment, len(SENTIMENT_OUTPUTS)),
        (name, languages, classify_name, len(NAME_OUTPUTS)),
    ):
        # an empty gr.Label sends {"label": None, "confidences": None}
        if (shown or {}).get("label") is None and isinstance(text, str) and text.strip():
            try:
                outputs += classify(text)
                continue
            except gr.Error:
                pass
        outputs += [gr.skip()] * count
    return outputs


@dataclass(frozen=True)
class SentimentView:
    sentence: gr.Textbox
    button: gr.Button
    examples: gr.Examples
    verdict: gr.Label
    belief: gr.LinePlot
    moved: gr.HighlightedText
    data: gr.JSON
    notes: gr.Markdown

    @property
    def outputs(self) -> list:
        return [getattr(self, name) for name in SENTIMENT_OUTPUTS]


@dataclass(frozen=True)
class NameView:
    name: gr.Textbox
    button: gr.Button
    examples: gr.Examples
    languages: gr.Label
    plot: gr.LinePlot
    data: gr.JSON
    notes: gr.Markdown

    @property
    def outputs(self) -> list:
        return [getattr(self, name) for name in NAME_OUTPUTS]


@dataclass(frozen=True)
class ClassifyTab:
    tab: gr.Tab
    sentiment: SentimentView
    name: NameView
    subtabs: gr.Tabs  # sentiment ("classify-sentiment") and names ("classify-names")


def _trace_accordion() -> gr.JSON:
    with gr.Accordion(I18N("classify.trace.accordion"), open=False):
        return gr.JSON(label=I18N("classify.trace"))


def _input_row(label_key: str, value: str, max_length: int, elem_id: str, **kwargs) -> tuple:
    with gr.Row():
        box = gr.Textbox(
            label=I18N(label_key), value=value, scale=4, max_length=max_length, elem_id=elem_id, **kwargs
        )
        button = gr.Button(I18N("classify.button"), variant="primary", scale=1)
    return box, button


def _examples(texts: list[str], box: gr.Textbox, label_key: str, classify, outputs: list) -> gr.Examples:
    """Examples that fill the box and classify at once (a verdict never sits beside another sentence)."""
    return gr.Examples(
        [[text] for text in texts],
        [box],
        outputs,
        fn=localized(classify),
        run_on_click=True,
        cache_examples=False,
        preprocess=False,
        label=I18N(label_key),
        api_visibility="private",
    )


def _sentiment_view() -> SentimentView:
    with gr.Tab(I18N("classify.sentiment.tab"), id="classify-sentiment"):
        # the tab opens on a sentence the model gets right, with a swing at "but"
        # one line that grows to three: Enter classifies (Gradio submits on Enter only in one-line boxes)
        sentence, button = _input_row(
            "classify.sentence", OPENING_SENTENCE, MAX_SENTENCE_CHARS, "sentiment-input", max_lines=3
        )
        examples_row = gr.Row()
        with gr.Row():
            with gr.Column(scale=1):
                verdict = gr.Label(
                    label=I18N("classify.verdict"), num_top_classes=2, elem_id="sentiment-verdict"
                )
                notes = gr.Markdown(elem_id="sentiment-notes")
            belief = gr.LinePlot(
                x="word",
                y="P(positive)",
                y_lim=[0, 1],
                label=I18N("classify.belief"),
                # axis titles stay English: Gradio 6.31 translates no x_title / y_title (ui/i18n.py)
                x_title="word read",
                y_title="P(positive)",
                x_label_angle=-45,
                height=280,
                elem_id="sentiment-belief",  # its ticks are the words read (they stay English)
                scale=2,
            )
        moved = gr.HighlightedText(  # the words the model read, as it read them (they stay English)
            label=I18N("classify.moved"), show_legend=False, combine_adjacent=False, elem_id="sentiment-moved"
        )
        data = _trace_accordion()
        outputs = [verdict, belief, moved, data, notes]
        with examples_row:  # the examples themselves stay English: the model reads English
            examples = _examples(
                SENTIMENT_EXAMPLES, sentence, "classify.sentiment.examples", classify_sentiment, outputs
            )
    return SentimentView(sentence, button, examples, verdict, belief, moved, data, notes)


def _name_view() -> NameView:
    with gr.Tab(I18N("classify.name.tab"), id="classify-names"):
        name, button = _input_row("classify.surname", "Nakamura", MAX_NAME_CHARS, "name-input", max_lines=1)
        examples_row = gr.Row()
        with gr.Row():
            with gr.Column(scale=1):
                languages = gr.Label(label=I18N("classify.top3"), num_top_classes=3, elem_id="name-verdict")
                notes = gr.Markdown(elem_id="name-notes")
            plot = gr.LinePlot(
                x="character",
                y="probability",
                color="language",
                y_lim=[0, 1],
                label=I18N("classify.name.belief"),
                height=280,
                scale=2,
            )
        data = _trace_accordion()
        with examples_row:
            examples = _examples(
                NAME_EXAMPLES, name, "classify.name.examples", classify_name, [languages, plot, data, notes]
            )
    return NameView(name, button, examples, languages, plot, data, notes)


def layout() -> ClassifyTab:
    with gr.Tab(I18N("classify.tab"), id="lstm-classify") as tab:
        gr.Markdown(I18N("classify.intro"))
        with gr.Tabs() as subtabs:
            return ClassifyTab(tab, _sentiment_view(), _name_view(), subtabs)


def wire(tab: ClassifyTab) -> None:
    sentiment, name = tab.sentiment, tab.name
    gr.on(
        [sentiment.button.click, sentiment.sentence.submit],
        localized(classify_sentiment),
        [sentiment.sentence],
        sentiment.outputs,
        api_name="classify_sentiment",
        preprocess=False,
        concurrency_limit=4,
        time_limit=30,
        api_description="Sentiment of a sentence: label and probabilities, P(positive) after each word, "
        "each word's signed effect, the trace as data, notes.",
    )
    tab.tab.select(
        localized(first_view),
        [sentiment.sentence, sentiment.verdict, name.name, name.languages],
        [*sentiment.outputs, *name.outputs],
        api_visibility="private",
        preprocess=False,
        concurrency_limit=4,
        time_limit=30,
    )
    gr.on(
        [name.button.click, name.name.submit],
        localized(classify_name),
        [name.name],
        name.outputs,
        api_name="classify_name",
        preprocess=False,
        concurrency_limit=4,
        time_limit=30,
        api_description="Language of a surname: top-3 languages, the belief after each character, the trace as data.",
    )


def build_tab() -> ClassifyTab:
    tab = layout()
    wire(tab)
    return tab
