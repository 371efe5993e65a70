"""LSTM text generation tab: a character LSTM continues a prompt, and shows what happened inside it."""

from __future__ import annotations

import functools
import random
import time
from dataclasses import dataclass

import gradio as gr
import torch

from models import registry
from models.char_lstm import MAX_PROMPT_CHARS, CharLSTM
from models.device import gpu_task
from models.lstm_inspect import GATE_NAMES, as_display_values, inspect_text, most_variable_units
from ui.heatmap import heatmap, show_char
from ui.i18n import I18N, localized, tr
from ui.images import save_png
from ui.links import Linked, LinkRow, link_row, wire_link
from ui.text_view import readable_text
from ui.validation import InputError, as_float, as_int, as_text
from ui.widgets import MAX_SEED, seed_box

MODEL_NAME = "char-lstm-shakespeare"
MAX_NEW_CHARS = 1000
MAX_INPUT_CHARS = 20_000  # longer prompts are refused; the model reads the last MAX_PROMPT_CHARS
MAX_ANALYSE_CHARS = 1000
HEATMAP_CHARS = 120  # columns of the heatmap: the first characters of the text
HEATMAP_UNITS = 8
STREAM_EVERY_S = 0.05
# what "Inside the LSTM" reads when the tab is first opened: a speaker's name, a colon, line breaks
FIRST_VIEW_TEXT = (
    "JULIET:\nO Romeo, Romeo! wherefore art thou Romeo?\nDeny thy father and refuse thy name;\n"
    "Or, if thou wilt not, be but sworn my love,\nAnd I'll no longer be a Capulet.\n"
)
GENERATE_TIME_LIMIT_S = 60  # a busy server stops a generation here, with a note, rather than run on


def _model() -> CharLSTM:
    try:
        return registry.load_model(MODEL_NAME).model
    except registry.ModelLoadError as error:
        raise gr.Error(str(error)) from None


def _encode(model: CharLSTM, text: str) -> tuple[torch.Tensor, str]:
    """Indices of text, and a note on what was changed or left out (empty when nothing)."""
    ids, dropped = model.encode(text)
    notes = []
    if dropped:
        shown = " ".join(repr(ch) for ch in dropped[:20]) + (" …" if len(dropped) > 20 else "")
        notes.append(tr("lstm.note.dropped", shown=shown))
    if model.decode(ids) != text.replace("\r\n", "\n") and not dropped:
        notes.append(tr("lstm.note.respelled"))
    return ids, "\n".join(notes)


def _confidence_spans(chars: str, probs: list[float]) -> list[tuple[str, float | None]]:
    """HighlightedText value: each character with the probability it had (more colour = surer)."""
    return [(ch, round(p, 3)) for ch, p in zip(chars, probs, strict=True)]


@gpu_task
def lstm_generate(prompt: str, length: int, temperature: float, top_k: int, top_p: float, seed: int):
    """Stream the continuation of `prompt`: (text so far, per-character confidence, notes)."""
    model = _model()
    prompt = as_text(prompt, "Prompt", MAX_INPUT_CHARS)
    length = as_int(length, "Length", 1, MAX_NEW_CHARS)
    temperature = as_float(temperature, "Temperature", 0.0, 3.0)
    top_k = as_int(top_k, "Top-k", 0, len(model.config.vocab))
    top_p = as_float(top_p, "Top-p", 0.01, 1.0)
    seed = as_int(seed, "Seed", 0, MAX_SEED)
    ids, notes = _encode(model, prompt)
    if len(ids) > MAX_PROMPT_CHARS:
        notes = (notes + "\n" if notes else "") + tr("lstm.note.prompt_cut", limit=MAX_PROMPT_CHARS)
    shown_prompt = model.decode(ids)
    generator = torch.Generator().manual_seed(seed)
    text, probs, last = "", [], time.monotonic()
    deadline = last + GENERATE_TIME_LIMIT_S
    for index, prob, _ in model.generate(ids, length, temperature, top_k, top_p, generator):
        text += model.config.vocab[index]
        probs.append(prob)
        if time.monotonic() > deadline:
            notes = (notes + "\n" if notes else "") + tr(
                "lstm.note.time_limit", seconds=GENERATE_TIME_LIMIT_S, written=len(text), length=length
            )
            break
        if len(probs) == 1 or time.monotonic() - last >= STREAM_EVERY_S:  # first character at once
            last = time.monotonic()
            yield shown_prompt + text, [(shown_prompt, None), *_confidence_spans(text, probs)], notes
    yield shown_prompt + text, [(shown_prompt, None), *_confidence_spans(text, probs)], notes


def _read(text: object, layer: object, quantity: object) -> tuple[CharLSTM, torch.Tensor, int, str, str]:
    """Validate the inspection inputs → (model, ids, layer, quantity, notes)."""
    model = _model()
    text = as_text(text, "Text", MAX_ANALYSE_CHARS)
    layer = as_int(layer, "Layer", 0, model.config.num_layers - 1)
    if quantity not in GATE_NAMES:
        raise InputError(
            tr("lstm.error.quantity", choices=", ".join(GATE_NAMES), value=repr(str(quantity)[:20]))
        )
    ids, notes = _encode(model, text)
    if len(ids) < 2:
        raise InputError(tr("lstm.error.too_short"))
    return model, ids, layer, quantity, notes


def _unit_spans(chars: str, values: torch.Tensor) -> list[tuple[str, float]]:
    return [(ch, round(v, 3)) for ch, v in zip(chars, values.tolist(), strict=True)]


@gpu_task
def lstm_analyze(text: str, layer: int, quantity: str):
    """Read `text` and show how expected each character was, and a heatmap of one gate or state.

    Returns (confidence spans, heatmap image, the units shown, spans coloured by the first unit, notes).
    """
    model, ids, layer, quantity, notes = _read(text, layer, quantity)
    info = inspect_text(model, ids)
    chars = model.decode(ids)
    confidence = [(chars[0], None), *_confidence_spans(chars[1:], info["prob_of_next"].tolist())]
    units = most_variable_units(info, quantity, layer, HEATMAP_UNITS)
    values = as_display_values(info, quantity, layer)  # (T, H) in [-1, 1]
    window = values[:HEATMAP_CHARS, units].T.numpy()  # (units, chars)
    image = save_png(heatmap(window, [f"#{u}" for u in units], chars[:HEATMAP_CHARS]))  # unit numbers
    caption = tr(
        "lstm.heatmap.caption",
        quantity=tr(f"lstm.quantity.{quantity}"),
        layer=layer + 1,
        units=len(units),
        chars=min(len(chars), HEATMAP_CHARS),
        first=units[0],
    )
    unit_spans = _unit_spans(chars, values[:, units[0]])
    return confidence, image, gr.update(choices=units, value=units[0]), unit_spans, notes, caption


def first_view(linked: bool, inspect: str, output: str, layer: int, quantity: str, position: int):
    """On opening the tab: the views of "Inside the LSTM" over a few lines of Romeo and Juliet, so a
    student sees gates, cells and next-character guesses before generating. A tab that already holds
    a text (generated, pasted, or a student coming back) or is about to (`linked`: a permalink's
    generation) is left as it is. Returns (the text, *lstm_analyze's, *lstm_candidates' outputs)."""
    if linked or any(isinstance(v, str) and v.strip() for v in (inspect, output)):
        return [gr.skip()] * len(INSIDE_OUTPUTS)
    return _look_inside(FIRST_VIEW_TEXT, layer, quantity, position)


def inside_after_generation(generated: bool, output: str, layer: int, quantity: str, position: int):
    """After a generation (Generate, or a permalink's when `generated`): "Inside the LSTM" reads the
    generated text."""
    if not generated or not isinstance(output, str) or not output.strip():
        return [gr.skip()] * len(INSIDE_OUTPUTS)
    return _look_inside(output[-MAX_ANALYSE_CHARS:], layer, quantity, position)


def _look_inside(text: str, layer: int, quantity: str, position: int) -> list:
    try:
        return [text, *lstm_analyze(text, layer, quantity), *lstm_candidates(text, position)]
    except gr.Error:  # a model that cannot load, a bad position: the buttons and slider report it
        return [gr.skip()] * len(INSIDE_OUTPUTS)


def candidates_quietly(text: str, position: int):
    """`lstm_candidates` after an analysis, so the top-5 panel shows the text now looked inside; left
    as it is when that cannot be done (the slider reports why when moved)."""
    try:
        return lstm_candidates(text, position)
    except gr.Error:
        return gr.skip(), gr.skip()


def position_range(text: str, position: int):
    """The Position slider over the text in "Inside the LSTM": 1 … its length (the value kept inside)."""
    if not isinstance(text, str) or not text:
        return gr.skip()
    length = max(1, len(_model().encode(text[:MAX_ANALYSE_CHARS])[0]))
    try:
        value = min(max(1, int(position)), length)
    except (TypeError, ValueError):
        value = min(7, length)
    return gr.update(maximum=length, value=value)


def lstm_unit(text: str, layer: int, quantity: str, unit: int):
    """The text coloured by one unit's value: a single neuron's view of the text."""
    model, ids, layer, quantity, _ = _read(text, layer, quantity)
    unit = as_int(unit, "Unit", 0, model.config.hidden_size - 1)
    values = as_display_values(inspect_text(model, ids), quantity, layer)[:, unit]
    return _unit_spans(model.decode(ids), values)


def lstm_candidates(text: str, position: int):
    """The model's five likeliest next characters after reading text up to `position` (1-based)."""
    model = _model()
    text = as_text(text, "Text", MAX_INPUT_CHARS)
    ids, _ = _encode(model, text)
    if len(ids) == 0:
        raise InputError(tr("lstm.error.no_text"))
    position = as_int(position, "Position", 1, 10**6)
    position = min(position, len(ids))
    logits, _ = model.step(ids[max(0, position - MAX_PROMPT_CHARS) : position])
    probs = torch.softmax(logits.float(), dim=-1)
    top = torch.topk(probs, 5)
    read = model.decode(ids[max(0, position - 30) : position])
    candidates = {
        f"{show_char(model.config.vocab[i])}": p for i, p in zip(top.indices.tolist(), top.values.tolist())
    }
    return candidates, tr(
        "lstm.candidates.caption", read=read.replace(chr(10), "⏎"), position=position, length=len(ids)
    )


@dataclass(frozen=True)
class LstmTextTab:
    """What the app wires of the LSTM text tab: the generation (permalinks) and "Inside the LSTM"."""

    tab: gr.Tab
    linked: Linked  # prompt, length, temperature, top-k, top-p, seed: lstm_generate's inputs, in order
    generate: gr.Button
    stop: gr.Button
    dice: gr.Button
    link: LinkRow
    output: gr.Textbox
    confidence: gr.HighlightedText
    notes: gr.Markdown
    inspect: gr.Textbox
    layer: gr.Radio
    quantity: gr.Dropdown
    analyse: gr.Button
    expected: gr.HighlightedText
    heatmap: gr.Image
    unit: gr.Dropdown
    unit_view: gr.HighlightedText
    heatmap_caption: gr.Markdown
    inspect_notes: gr.Markdown
    position: gr.Slider
    position_caption: gr.Markdown
    candidates: gr.Label

    def components(self, names: tuple[str, ...]) -> list:
        return [getattr(self, name) for name in names]

    @property
    def generate_outputs(self) -> list:
        return self.components(GENERATE_OUTPUTS)

    @property
    def inside_inputs(self) -> list:
        """`inside_after_generation`'s inputs after its first argument."""
        return [self.output, self.layer, self.quantity, self.position]

    @property
    def inside_outputs(self) -> list:
        return self.components(INSIDE_OUTPUTS)


# Outputs by name, in the handlers' order; the skip counts and the component lists both come from these.
GENERATE_OUTPUTS = ("output", "confidence", "notes")
ANALYSE_OUTPUTS = ("expected", "heatmap", "unit", "unit_view", "inspect_notes", "heatmap_caption")
CANDIDATES_OUTPUTS = ("candidates", "position_caption")
INSIDE_OUTPUTS = ("inspect", *ANALYSE_OUTPUTS, *CANDIDATES_OUTPUTS)


def _generation_controls() -> dict:
    """The generation's controls keyed by their permalink URL keys (lstm_generate's argument order)."""
    prompt = gr.Textbox(value="ROMEO:\n", label=I18N("lstm.prompt"), lines=3, max_length=MAX_INPUT_CHARS)
    length = gr.Slider(1, MAX_NEW_CHARS, value=300, step=1, label=I18N("lstm.length"))
    temperature = gr.Slider(0.0, 2.0, value=0.8, step=0.05, label=I18N("lstm.temperature"))
    top_k = gr.Slider(0, 65, value=0, step=1, label=I18N("lstm.top_k"))
    top_p = gr.Slider(0.05, 1.0, value=1.0, step=0.05, label=I18N("lstm.top_p"))
    with gr.Row():
        seed = seed_box(0, I18N("common.seed"))
        dice = gr.Button(I18N("common.new_seed"), scale=0)
    controls = {"prompt": prompt, "n": length, "temp": temperature, "k": top_k, "p": top_p, "seed": seed}
    return controls, dice


def _generation(tab: gr.Tab) -> dict:
    """The generation half of the tab: fields of LstmTextTab."""
    with gr.Row():
        with gr.Column(scale=1):
            controls, dice = _generation_controls()
            with gr.Row():
                generate = gr.Button(I18N("lstm.generate"), variant="primary")
                stop = gr.Button(I18N("common.stop"), variant="stop")
            link = link_row("lstm", "lstm")
        with gr.Column(scale=2):
            output = gr.Textbox(label=I18N("lstm.output"), lines=10, elem_id="lstm-output")
            confidence = _highlighted(I18N("lstm.confidence"), elem_id="lstm-confidence")
            readable_text(confidence, I18N("lstm.confidence"), "probability", "lstm-confidence-text")
            notes = gr.Markdown(elem_id="lstm-notes")
    linked = Linked("lstm-text", controls)
    return dict(
        tab=tab,
        linked=linked,
        generate=generate,
        stop=stop,
        dice=dice,
        link=link,
        output=output,
        confidence=confidence,
        notes=notes,
    )


def _highlighted(label, **kwargs) -> gr.HighlightedText:
    """The handlers' per-character output (and the API's), hidden: ui/text_view shows it as text."""
    return gr.HighlightedText(
        label=label, show_legend=False, combine_adjacent=False, visible="hidden", **kwargs
    )


def _inside() -> dict:
    """ "Inside the LSTM": fields of LstmTextTab."""
    gr.Markdown(I18N("lstm.inside"))
    with gr.Row():
        inspect = gr.Textbox(
            label=I18N("lstm.inspect"),
            lines=4,
            max_length=MAX_ANALYSE_CHARS,
            scale=3,
            elem_id="lstm-inspect-text",
        )
        with gr.Column(scale=1):
            # display names translated, values unchanged: the handlers get 0 / 1 and "f", "i", …
            layer = gr.Radio(
                [(I18N("lstm.layer1"), 0), (I18N("lstm.layer2"), 1)], value=1, label=I18N("lstm.layer")
            )
            quantity = gr.Dropdown(
                [(I18N(f"lstm.quantity.{key}"), key) for key in GATE_NAMES],
                value="c",
                label=I18N("lstm.show"),
            )
            analyse = gr.Button(I18N("lstm.analyse"), variant="primary")
    inspect_notes = gr.Markdown(elem_id="lstm-inspect-notes")  # what was left out of the text read
    expected = _highlighted(I18N("lstm.expected"), elem_id="lstm-expected")
    readable_text(expected, I18N("lstm.expected"), "probability", "lstm-expected-text")
    heatmap_caption = gr.Markdown(elem_id="lstm-heatmap-caption")
    heatmap_image = gr.Image(
        label=I18N("lstm.heatmap"), type="filepath", format="png", interactive=False, elem_id="lstm-heatmap"
    )
    unit = gr.Dropdown([], label=I18N("lstm.unit"), allow_custom_value=True)
    unit_view = _highlighted(I18N("lstm.unit_view"), elem_id="lstm-unit-view")
    readable_text(unit_view, I18N("lstm.unit_view"), "signed", "lstm-unit-text")
    with gr.Row():
        position = gr.Slider(1, MAX_ANALYSE_CHARS, value=7, step=1, label=I18N("lstm.position"))
        with gr.Column():
            position_caption = gr.Markdown()
            candidates = gr.Label(label=I18N("lstm.candidates"), num_top_classes=5, elem_id="lstm-candidates")
    return dict(
        inspect=inspect,
        layer=layer,
        quantity=quantity,
        analyse=analyse,
        expected=expected,
        heatmap=heatmap_image,
        unit=unit,
        unit_view=unit_view,
        heatmap_caption=heatmap_caption,
        inspect_notes=inspect_notes,
        position=position,
        position_caption=position_caption,
        candidates=candidates,
    )


def layout() -> LstmTextTab:
    """The tab's components; call inside gr.Blocks (then `wire`)."""
    with gr.Tab(I18N("lstm.tab"), id="lstm-text") as tab:
        gr.Markdown(I18N("lstm.intro"))
        generation = _generation(tab)
        return LstmTextTab(**generation, **_inside())


def _wire_generation(tab: LstmTextTab) -> gr.events.Dependency:
    wire_link(tab.link, tab.linked)
    generation = tab.generate.click(
        localized(lstm_generate),
        tab.linked.inputs,
        tab.generate_outputs,
        api_name="lstm_generate",
        preprocess=False,
        concurrency_limit=2,
        time_limit=120,
        api_description="Stream a continuation of the prompt: text so far, per-character confidence, notes.",
    )
    tab.stop.click(None, None, None, cancels=[generation], api_visibility="private")
    tab.dice.click(
        lambda: random.randint(0, 99_999), None, tab.linked.controls["seed"], api_visibility="private"
    )
    return generation


def _wire_inside(tab: LstmTextTab) -> None:
    candidates_inputs = [tab.inspect, tab.position]
    gr.on(
        [tab.analyse.click, tab.layer.input, tab.quantity.input],
        localized(lstm_analyze),
        [tab.inspect, tab.layer, tab.quantity],
        tab.components(ANALYSE_OUTPUTS),
        api_name="lstm_analyze",
        preprocess=False,
        concurrency_limit=2,
        time_limit=60,
        api_description="Per-character probabilities of a text, a heatmap of one gate/state, and one unit's view.",
    ).then(
        localized(candidates_quietly),
        candidates_inputs,
        tab.components(CANDIDATES_OUTPUTS),
        api_visibility="private",
        preprocess=False,
    )
    tab.unit.input(
        localized(lstm_unit),
        [tab.inspect, tab.layer, tab.quantity, tab.unit],
        tab.unit_view,
        api_visibility="private",
        preprocess=False,
    )
    # every way of moving the slider (drag, arrow keys, a typed number) changes its value
    tab.position.change(
        localized(lstm_candidates),
        candidates_inputs,
        tab.components(CANDIDATES_OUTPUTS),
        api_name="lstm_candidates",
        preprocess=False,
        trigger_mode="always_last",
        api_description="Top-5 next characters after reading the text up to a position.",
    )
    # the slider spans the text looked inside, whichever way it got there
    tab.inspect.change(
        localized(position_range),
        candidates_inputs,
        tab.position,
        api_visibility="private",
        preprocess=False,
        trigger_mode="always_last",
        show_progress="hidden",
    )


def wire(tab: LstmTextTab, linked: gr.State) -> None:
    """The tab's listeners. `linked`: True when a permalink will generate a text here."""
    generation = _wire_generation(tab)
    _wire_inside(tab)
    generation.then(
        localized(functools.partial(inside_after_generation, True)),
        tab.inside_inputs,
        tab.inside_outputs,
        api_visibility="private",
        preprocess=False,
    )
    tab.tab.select(
        localized(first_view),
        [linked, tab.inspect, tab.output, tab.layer, tab.quantity, tab.position],
        tab.inside_outputs,
        api_visibility="private",
        preprocess=False,
        concurrency_limit=2,
        time_limit=60,
    )


def build_tab(linked: gr.State) -> LstmTextTab:
    """The tab's layout and listeners. `linked`: True when a permalink will generate a text here."""
    tab = layout()
    wire(tab, linked)
    return tab
