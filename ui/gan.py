"""GAN tab: steer a class-conditional DCGAN with latent sliders and ask its discriminator."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import gradio as gr
import torch

from models import registry
from models.dcgan import ConditionalGAN
from models.device import gpu_task
from ui import gan_browser
from ui.i18n import I18N, localized, tr
from ui.images import display_scale, save_png, tile, to_pil, write_gif
from ui.links import Linked, LinkRow, link_row, wire_link
from ui.validation import InputError, as_float, as_int, as_text
from ui.widgets import MAX_SEED, image_output, seed_box

MODEL_NAME = "dcgan-mnist"
COLLAPSED_NAME = "dcgan-mnist-collapsed"  # the same architecture trained the naive way (its card says how)
# Community generators in the standard DCGAN layout (models/community_dcgan.py) that the tab offers.
KNOWN_COMMUNITY_REPOS = ["huggan/dcgan-mnist"]
NUM_DIRECTION_SLIDERS = 5  # leading principal directions shown as sliders
RAW_DIMS = (0, 1, 2)  # raw latent coordinates shown as sliders
SLIDER_RANGE = 4.0  # directions and raw dims move by at most ±4 (z is N(0, 1) per dim)
# slider requests per forward pass (bench/load_bench.py)
GAN_MAX_BATCH = int(os.environ.get("GANLAB_GAN_BATCH", "16"))
GAN_LANES = int(os.environ.get("GANLAB_GAN_LANES", "2"))  # batches served at once


def _loaded(model_id: object) -> registry.LoadedModel:
    """The model named by 'owner/name' or 'owner/name@revision' ('' = the default)."""
    text = as_text(model_id, "Model repo id", 300).strip()
    repo_id, _, revision = text.partition("@")
    try:
        return registry.load_model(MODEL_NAME, repo_id or None, revision or None)
    except registry.ModelLoadError as error:
        raise InputError(str(error)) from None


def _verdict(realness: float) -> dict[str, float]:
    """D's verdict as a gr.Label value, its classes named in the page's language (the API's: real, fake)."""
    return {tr("page.gan.real"): realness, tr("page.gan.fake"): 1.0 - realness}


def _is_conditional(gan) -> bool:
    return isinstance(gan, ConditionalGAN)


def describe(loaded: registry.LoadedModel) -> str:
    """Where the model in use came from, in the page's language (the registry's own notice stays English)."""
    if loaded.source == "hub":
        where = tr("gan.where.hub", repo=loaded.repo_id, commit=(loaded.revision or "?")[:10])
    else:
        where = tr("gan.where.bundled", folder=Path(loaded.location).name)
    text = tr("gan.model_in_use", where=where) + (f" — {loaded.notice}" if loaded.notice else "")
    return text if _is_conditional(loaded.model) else text + "\n\n" + tr("gan.note.unconditional")


def _direction_labels(gan, translated: bool = False) -> list[str]:
    """'PC1 (23% of style variance)', …; `translated`: with I18N placeholders (the browser fills them in)."""
    shares = gan.direction_variance.tolist()
    if not translated:  # run time (a newly loaded model): in the page's language
        return [
            tr("gan.pc.label", k=k + 1, share=f"{shares[k]:.0%}")
            if k < len(shares)
            else tr("gan.pc.label_absent", k=k + 1)
            for k in range(NUM_DIRECTION_SLIDERS)
        ]
    share, absent = I18N("gan.pc.share"), I18N("gan.pc.absent")
    return [
        f"PC{k + 1} ({shares[k]:.0%} {share})" if k < len(shares) else f"PC{k + 1} ({absent})"
        for k in range(NUM_DIRECTION_SLIDERS)
    ]


def _explore_request(model_id: str, digit: int, seed: int, truncation: float, *shifts: float) -> tuple:
    """Validate one Explore request → (gan, z (latent_dim,), digit, seed, ψ); bad values raise gr.Error."""
    gan = _loaded(model_id).model
    digit = as_int(digit, "Digit", 0, 9)
    seed = as_int(seed, "Seed", 0, MAX_SEED)
    truncation = as_float(truncation, "Truncation ψ", 0.0, 2.0)
    if len(shifts) != NUM_DIRECTION_SLIDERS + len(RAW_DIMS):
        raise InputError(
            f"Expected {NUM_DIRECTION_SLIDERS + len(RAW_DIMS)} slider values, got {len(shifts)}."
        )
    names = [f"PC{k + 1}" for k in range(NUM_DIRECTION_SLIDERS)] + [f"z[{d}]" for d in RAW_DIMS]
    values = [as_float(v, name, -SLIDER_RANGE, SLIDER_RANGE) for v, name in zip(shifts, names, strict=True)]
    directions = values[:NUM_DIRECTION_SLIDERS][: len(gan.latent_directions)]
    raw = {
        d: v
        for d, v in zip(RAW_DIMS, values[NUM_DIRECTION_SLIDERS:], strict=True)
        if d < gan.config.latent_dim
    }
    return gan, gan.compose_latent(seed, truncation, directions, raw), digit, seed, truncation


def _render(gan, requests: list[tuple]) -> list[tuple]:
    """One forward pass of G (and D) for requests to the same model → (image path, verdict, caption) each."""
    z = torch.stack([r[1] for r in requests])  # (B, latent_dim)
    labels = torch.tensor([r[2] for r in requests])  # (B,)
    images = gan.generate(z, labels)  # (B, C, H, W)
    realness = gan.realness(images, labels).tolist() if _is_conditional(gan) else None
    results = []
    for k, (_, _, digit, seed, truncation) in enumerate(requests):
        picture = save_png(to_pil(images[k], scale=display_scale(images.shape[-1])))
        if realness is None:
            results.append(
                (
                    picture,
                    None,
                    tr("gan.caption.unconditional", seed=seed, psi=f"{truncation:g}")
                    + tr("gan.note.unconditional"),
                )
            )
            continue
        caption = tr(
            "page.gan.caption", digit=digit, seed=seed, psi=f"{truncation:g}", real=f"{realness[k]:.0%}"
        )
        results.append((picture, _verdict(realness[k]), caption))
    return results


@gpu_task
def gan_generate(model_id: str, digit: int, seed: int, truncation: float, *shifts: float):
    """One digit from (digit, seed, ψ, direction and raw-dim shifts), with D's verdict."""
    request = _explore_request(model_id, digit, seed, truncation, *shifts)
    return _render(request[0], [request])[0]


@gpu_task
def gan_generate_batch(*columns: list) -> tuple[list, list, list]:
    """Gradio batch form of `gan_generate`: one list per input, one list per output.

    Requests that arrive together share one forward pass per model. A batch of one raises gr.Error on
    bad input like `gan_generate`; in a larger batch a bad request gets its message as its caption (an
    exception would fail everyone's request in the batch).
    """
    rows = list(zip(*columns, strict=True))
    if len(rows) == 1:
        return tuple([value] for value in gan_generate(*rows[0]))
    outputs: list[tuple | None] = [None] * len(rows)
    groups: dict[int, list[tuple[int, tuple]]] = {}  # id(model) → [(row index, request)]
    for i, row in enumerate(rows):
        try:
            request = _explore_request(*row)
        except gr.Error as error:
            outputs[i] = (None, None, f"⚠️ {error.message}")
            continue
        groups.setdefault(id(request[0]), []).append((i, request))
    for members in groups.values():
        for (i, _), result in zip(members, _render(members[0][1][0], [r for _, r in members]), strict=True):
            outputs[i] = result
    return tuple(list(column) for column in zip(*outputs, strict=True))


@gpu_task
def gan_interpolate(
    model_id: str,
    digit_start: int,
    seed_start: int,
    digit_end: int,
    seed_end: int,
    frames: int,
    truncation: float,
):
    """Walk from one (digit, seed) to another: a strip of frames and a looping GIF."""
    gan = _loaded(model_id).model
    digit_start, digit_end = as_int(digit_start, "Start digit", 0, 9), as_int(digit_end, "End digit", 0, 9)
    seed_start, seed_end = (
        as_int(seed_start, "Start seed", 0, MAX_SEED),
        as_int(seed_end, "End seed", 0, MAX_SEED),
    )
    frames = as_int(frames, "Frames", 2, 24)
    truncation = as_float(truncation, "Truncation ψ", 0.0, 2.0)
    z_start = gan.compose_latent(seed_start, truncation)
    z_end = gan.compose_latent(seed_end, truncation)
    images, realness = gan.interpolate(z_start, z_end, digit_start, digit_end, frames)
    scale = display_scale(images.shape[-1], 112)
    strip, gif = (
        save_png(tile(images, columns=frames, scale=scale, gap=2)),
        write_gif(images, scale=2 * scale),
    )
    if realness is None:
        return (
            strip,
            gif,
            tr("gan.caption.interp_unconditional", seed_start=seed_start, seed_end=seed_end)
            + tr("gan.note.unconditional"),
        )
    scores = " · ".join(f"{p:.0%}" for p in realness.tolist())
    caption = tr(
        "gan.caption.interp",
        start=digit_start,
        seed_start=seed_start,
        end=digit_end,
        seed_end=seed_end,
        scores=scores,
    )
    return strip, gif, caption


def _grid(gan, digit: str, seed: int, truncation: float, size: int) -> tuple[str, str]:
    """A size×size grid of one digit, or one row per digit for 'all', and its caption."""
    size = as_int(size, "Grid size", 2, 10)
    seed = as_int(seed, "Seed", 0, MAX_SEED)
    truncation = as_float(truncation, "Truncation ψ", 0.0, 2.0)
    if str(digit).strip().lower() == "all":
        labels = torch.arange(10).repeat_interleave(size)
    else:
        labels = torch.full((size * size,), as_int(digit, "Digit", 0, 9))
    images = gan.sample(labels, torch.Generator().manual_seed(seed), truncation)
    grid = save_png(tile(images, columns=size, scale=display_scale(images.shape[-1], 84), gap=2))
    if not _is_conditional(gan):
        return grid, tr(
            "gan.caption.grid_unconditional", count=len(labels), seed=seed, psi=f"{truncation:g}"
        ) + tr("gan.note.unconditional")
    realness = gan.realness(images, labels)
    caption = tr(
        "gan.caption.grid",
        count=len(labels),
        seed=seed,
        psi=f"{truncation:g}",
        mean=f"{realness.mean():.0%}",
        lowest=f"{realness.min():.0%}",
    )
    return grid, caption


@gpu_task
def gan_grid(model_id: str, digit: str, seed: int, truncation: float, size: int):
    """A size×size grid of one digit, or one row per digit for 'all': the variety G learned."""
    return _grid(_loaded(model_id).model, digit, seed, truncation, size)


@gpu_task
def gan_grid_collapsed(digit: str, seed: int, truncation: float, size: int):
    """The same grid (digits, seeds, ψ) from the mode-collapsed GAN (weights/dcgan-mnist-collapsed)."""
    try:
        gan = registry.load_model(COLLAPSED_NAME).model
    except registry.ModelLoadError as error:
        raise InputError(str(error)) from None
    grid, caption = _grid(gan, digit, seed, truncation, size)
    return grid, tr("gan.note.collapsed") + " " + caption


def gan_load_model(repo_id: str, revision: str):
    """Load another compatible generator from the Hub; on failure the current model keeps serving."""
    repo_id = as_text(repo_id, "Repo id", 300).strip()
    revision = as_text(revision, "Revision", 120).strip()
    model_id = repo_id + (f"@{revision}" if revision else "")
    try:
        loaded = _loaded(model_id)
    except gr.Error as error:
        raise InputError(
            tr("gan.load.failed", model=repr(model_id), reason=str(error.message).rstrip(".。"))
        ) from None
    labels = _direction_labels(loaded.model)
    gr.Info(tr("gan.load.done", model=loaded.repo_id))
    return model_id, describe(loaded), *[gr.update(label=label) for label in labels]


def source_info(loaded: registry.LoadedModel) -> str:
    """Under "Model in use": whether the Hub repo or the bundled copy is serving."""
    if loaded.source == "hub":
        return tr("gan.source.hub", commit=(loaded.revision or "?")[:10])
    return tr("gan.source.bundled", folder=Path(loaded.location).name)


def redraw_if_loaded(loaded: bool, *explore_values):
    """After the Load button: the Explore image from the newly loaded model (nothing after a failure)."""
    return gan_generate(*explore_values) if loaded else [gr.skip()] * 3


def provenance(model_id: str):
    """On page load: where the model in use came from (the panel's line and the box's note)."""
    loaded = _loaded(model_id)
    return describe(loaded), gr.update(info=source_info(loaded))


def load_from_panel(repo_id: str, revision: str) -> list:
    """The Load button: `gan_load_model`, but a failure is one warning and every control stays as it was."""
    try:
        model_id, description, *labels = gan_load_model(repo_id, revision)
    except gr.Error as error:
        gr.Warning(error.message)
        return [gr.skip()] * (2 + NUM_DIRECTION_SLIDERS) + [False]
    info = gr.update(value=model_id, info=source_info(_loaded(model_id)))
    return [info, description, *labels, True]


def served_weights() -> str:
    """Fingerprint of the default model's weights as served now (the Hub's copy may replace the bundled)."""
    loaded = registry.load_model(MODEL_NAME)
    weights = Path(loaded.location) / "model.safetensors"
    return gan_browser.weights_fingerprint(weights) if weights.is_file() else "unknown"


def default_model_id() -> str:
    return registry.load_model(MODEL_NAME).repo_id


def explore_js() -> str:
    """The page-only Explore event (ui/gan_browser.py) for the default model, e.g. after a permalink restore."""
    gan_browser.check_assets()
    return gan_browser.explore_js(default_model_id())


@dataclass(frozen=True)
class ModelPanel:
    """Which generator serves the tab, where it came from, and the controls that load another."""

    model_in_use: gr.Textbox  # the repo id (and @revision) every GAN handler reads
    provenance: gr.Markdown
    repo: gr.Dropdown
    revision: gr.Textbox
    load: gr.Button
    api_load: gr.Button
    loaded: gr.State


@dataclass(frozen=True)
class ExploreView:
    """Explore: one digit steered by latent sliders, with D's verdict."""

    linked: Linked  # model, digit, seed, ψ, PC sliders, raw sliders: gan_generate's inputs, in order
    direction_sliders: list[gr.Slider]
    raw_sliders: list[gr.Slider]
    dice: gr.Button
    reset: gr.Button
    link: LinkRow
    image: gr.Image
    verdict: gr.Label
    caption: gr.Markdown
    runtime_note: gr.Markdown  # one line: computed in the page, or why on the server (ui/gan_browser.py)
    server_trigger: gr.Number  # hidden: the page changes it to have the server compute Explore
    served_weights: gr.Textbox  # hidden: sha256 of the weights the server serves (the page compares)

    @property
    def inputs(self) -> list:
        return self.linked.inputs

    @property
    def outputs(self) -> list:
        return [self.image, self.verdict, self.caption]

    @property
    def page_inputs(self) -> list:
        """What the page-only Explore event reads: gan_generate's inputs, then the served weights."""
        return [*self.inputs, self.served_weights]

    @property
    def page_outputs(self) -> list:
        """What the page-only Explore event sets (gan_browser.explore_js): the outputs, note, trigger."""
        return [*self.outputs, self.runtime_note, self.server_trigger]


@dataclass(frozen=True)
class InterpolateView:
    inputs: list  # after the model id: start digit, start seed, end digit, end seed, frames, ψ
    button: gr.Button
    outputs: list  # strip, GIF, caption


@dataclass(frozen=True)
class GridView:
    inputs: list  # after the model id: digit ('all' or '0'…'9'), seed, ψ, grid size
    button: gr.Button
    outputs: list  # grid image, caption
    collapsed_button: gr.Button  # the same grid from the mode-collapsed GAN
    collapsed_outputs: list  # its grid image, caption


@dataclass(frozen=True)
class GanTab:
    """What the app wires of the GAN tab: the Explore view (permalinks) and the model panel."""

    panel: ModelPanel
    explore: ExploreView
    interpolate: InterpolateView
    grid: GridView
    subtabs: gr.Tabs  # Explore ("gan-explore"), Interpolate ("gan-interpolate"), Grid ("gan-grid")


def _model_panel(default: registry.LoadedModel) -> ModelPanel:
    with gr.Accordion(I18N("gan.model.accordion"), open=False):
        # replaced on page load by gan.provenance: run-time text, English (see ui/i18n.py)
        provenance_md = gr.Markdown(describe(default), elem_id="gan-provenance")
        model_in_use = gr.Textbox(value=default.repo_id, label=I18N("gan.model.in_use"), interactive=False)
        with gr.Row():
            repo = gr.Dropdown(
                [default.repo_id, *KNOWN_COMMUNITY_REPOS],
                value=default.repo_id,
                allow_custom_value=True,
                scale=3,
                label=I18N("gan.model.repo"),
            )
            revision = gr.Textbox(value="", label=I18N("gan.model.revision"), scale=2)
            load = gr.Button(I18N("gan.model.load"), scale=1)
            api_load = gr.Button(
                I18N("gan.model.load"), visible=False
            )  # /gan_load_model for API users: errors raise, as before
        loaded = gr.State(False)  # the last Load succeeded: the image is redrawn with the new model
    return ModelPanel(model_in_use, provenance_md, repo, revision, load, api_load, loaded)


def _latent_slider(label, elem_id: str) -> gr.Slider:
    return gr.Slider(-SLIDER_RANGE, SLIDER_RANGE, value=0.0, step=0.1, label=label, elem_id=elem_id)


def _explore_view(default: registry.LoadedModel, model_in_use: gr.Textbox) -> ExploreView:
    with gr.Tab(I18N("gan.explore.tab"), id="gan-explore"), gr.Row():
        with gr.Column(scale=1):
            digit = gr.Radio([(str(d), d) for d in range(10)], value=7, label=I18N("gan.digit"))
            with gr.Row():
                seed = seed_box(42, I18N("common.seed"), elem_id="gan-seed")
                dice = gr.Button(I18N("common.new_seed"), scale=0)
            truncation = gr.Slider(
                0.0,
                1.5,
                value=1.0,
                step=0.05,
                label=I18N("gan.truncation"),
                elem_id=gan_browser.PSI_SLIDER_ID,
            )
            gr.Markdown(I18N("gan.directions_help"))
            labels = _direction_labels(default.model, translated=True)
            directions = [
                _latent_slider(label, gan_browser.direction_slider_id(k)) for k, label in enumerate(labels)
            ]
            raw = [_latent_slider(I18N(f"gan.raw_dim{d}"), gan_browser.raw_slider_id(d)) for d in RAW_DIMS]
            reset = gr.Button(I18N("gan.reset"))
        with gr.Column(scale=1):
            image = image_output(I18N("gan.image"), "gan-image", height=340, buttons=["download"])
            verdict = gr.Label(label=I18N("gan.verdict"), num_top_classes=2)
            caption = gr.Markdown(elem_id="gan-caption")
            runtime_note, server_trigger = gan_browser.runtime_note(), gan_browser.server_trigger()
            served_weights = gan_browser.served_weights_box()
            link = link_row("gan", "gan")
    # the URL keys of a permalink, beside the controls they set (gan_generate's argument order)
    controls = {"model": model_in_use, "digit": digit, "seed": seed, "psi": truncation}
    controls |= {f"pc{k + 1}": slider for k, slider in enumerate(directions)}
    controls |= {f"z{d}": slider for d, slider in zip(RAW_DIMS, raw, strict=True)}
    linked = Linked("gan", controls)
    return ExploreView(
        linked,
        directions,
        raw,
        dice,
        reset,
        link,
        image,
        verdict,
        caption,
        runtime_note,
        server_trigger,
        served_weights,
    )


def _digit_dropdown(value: int, key: str) -> gr.Dropdown:
    return gr.Dropdown([(str(d), d) for d in range(10)], value=value, label=I18N(key))


def _interpolate_view() -> InterpolateView:
    with gr.Tab(I18N("gan.interp.tab"), id="gan-interpolate"):
        with gr.Row():
            digit_start = _digit_dropdown(3, "gan.interp.start_digit")
            seed_start = seed_box(1, I18N("gan.interp.start_seed"))
            digit_end = _digit_dropdown(8, "gan.interp.end_digit")
            seed_end = seed_box(2, I18N("gan.interp.end_seed"))
        with gr.Row():
            frames = gr.Slider(2, 24, value=10, step=1, label=I18N("gan.interp.frames"))
            truncation = gr.Slider(0.0, 1.5, value=1.0, step=0.05, label=I18N("gan.truncation"))
            button = gr.Button(I18N("gan.interp.button"), variant="primary")
        strip = image_output(I18N("gan.interp.strip"), "gan-strip")
        gif = image_output(I18N("gan.interp.gif"), "gan-gif", buttons=["download"])  # plays on the page
        caption = gr.Markdown(elem_id="gan-strip-caption")
    inputs = [digit_start, seed_start, digit_end, seed_end, frames, truncation]
    return InterpolateView(inputs, button, [strip, gif, caption])


def _grid_view() -> GridView:
    with gr.Tab(I18N("gan.grid.tab"), id="gan-grid"):
        with gr.Row():
            # display names translated, values unchanged: the handler gets "all" or "0"…"9"
            digit = gr.Dropdown(
                [(I18N("gan.grid.all"), "all")] + [(str(d), str(d)) for d in range(10)],
                value="all",
                label=I18N("gan.digit"),
            )
            seed = seed_box(0, I18N("common.seed"))
            truncation = gr.Slider(0.0, 1.5, value=1.0, step=0.05, label=I18N("gan.truncation"))
            size = gr.Slider(2, 10, value=8, step=1, label=I18N("gan.grid.per_row"))
            button = gr.Button(I18N("gan.grid.button"), variant="primary")
        image = image_output(I18N("gan.grid.image"), "gan-grid")
        caption = gr.Markdown(elem_id="gan-grid-caption")
        collapsed_button = gr.Button(I18N("gan.grid.collapsed_button"), elem_id="gan-grid-collapsed-button")
        collapsed_image = image_output(I18N("gan.grid.collapsed_image"), "gan-grid-collapsed")
        collapsed_caption = gr.Markdown(elem_id="gan-grid-collapsed-caption")
    outputs, collapsed_outputs = [image, caption], [collapsed_image, collapsed_caption]
    return GridView([digit, seed, truncation, size], button, outputs, collapsed_button, collapsed_outputs)


def layout() -> GanTab:
    """The GAN tab's components; call inside gr.Blocks (then `wire`)."""
    default = registry.load_model(MODEL_NAME)
    with gr.Tab(I18N("gan.tab"), id="gan"):
        gr.Markdown(I18N("gan.intro"))
        panel = _model_panel(default)
        with gr.Tabs() as subtabs:
            explore = _explore_view(default, panel.model_in_use)
            return GanTab(panel, explore, _interpolate_view(), _grid_view(), subtabs)


def _wire_explore(explore: ExploreView) -> None:
    sliders = explore.direction_sliders + explore.raw_sliders
    c = explore.linked.controls
    in_page = explore_js()
    # Computed in the page on every move (ui/gan_browser.py); the page changes server_trigger when
    # the server must compute (in-page model unavailable, a community model, an invalid value).
    gr.on(
        [c["digit"].change, c["seed"].change, c["psi"].input, *[s.input for s in sliders]],
        None,
        explore.page_inputs,
        explore.page_outputs,
        js=in_page,
        trigger_mode="always_last",
        show_progress="hidden",  # a move is done in a frame or two: no loading overlay to draw and clear
    )
    # preprocess=False: the handlers validate raw values themselves, so every bad input gets a
    # message that names the control and its range (Gradio's own checks name neither).
    explore.server_trigger.change(
        localized(gan_generate_batch),  # batched calls share the language of the batch's first request
        explore.inputs,
        explore.outputs,
        api_name="gan_generate",
        trigger_mode="always_last",
        preprocess=False,
        # Slider moves of many users that wait together share one forward pass; two batches at a time
        # (one per core: under load the batches grow instead of threads fighting over the cores).
        batch=True,
        max_batch_size=GAN_MAX_BATCH,
        concurrency_limit=GAN_LANES,
        concurrency_id="gan_generate",
        api_description="One digit from digit, seed, truncation ψ, 5 principal-direction shifts and 3 raw "
        "latent shifts; returns the image, the discriminator's verdict and a caption.",
    )
    explore.dice.click(None, None, c["seed"], js=gan_browser.RANDOM_SEED_JS)  # 🎲 in the page: no request
    wire_link(explore.link, explore.linked)
    reset_values = [1.0] + [0.0] * len(sliders)  # ψ too: at ψ = 0 every seed draws the same digit
    explore.reset.click(None, None, [c["psi"], *sliders], js=f"() => {reset_values}").then(
        None, explore.page_inputs, explore.page_outputs, js=in_page
    )  # in the page too


def wire(tab: GanTab) -> None:
    """The GAN tab's listeners and API endpoints."""
    model_in_use = tab.panel.model_in_use
    _wire_explore(tab.explore)
    tab.interpolate.button.click(
        localized(gan_interpolate),
        [model_in_use, *tab.interpolate.inputs],
        tab.interpolate.outputs,
        api_name="gan_interpolate",
        preprocess=False,
        api_description="Frames from (start digit, start seed) to (end digit, end seed); a strip image and a GIF.",
    )
    tab.grid.button.click(
        localized(gan_grid),
        [model_in_use, *tab.grid.inputs],
        tab.grid.outputs,
        api_name="gan_grid",
        preprocess=False,
        api_description="A grid of samples of one digit ('0'-'9') or one row per digit ('all').",
    )
    tab.grid.collapsed_button.click(
        localized(gan_grid_collapsed),
        tab.grid.inputs,
        tab.grid.collapsed_outputs,
        api_name="gan_grid_collapsed",
        preprocess=False,
        api_description="The same grid (digit, seed, ψ, size) from the mode-collapsed GAN, for comparison.",
    )
    _wire_panel(tab.panel, tab.explore)


def _wire_panel(panel: ModelPanel, explore: ExploreView) -> None:
    panel.api_load.click(
        localized(gan_load_model),
        [panel.repo, panel.revision],
        [panel.model_in_use, panel.provenance, *explore.direction_sliders],
        api_name="gan_load_model",
        preprocess=False,
        api_description="Load a compatible generator from a Hub repo id (and revision).",
    )
    panel.load.click(
        localized(load_from_panel),
        [panel.repo, panel.revision],
        [panel.model_in_use, panel.provenance, *explore.direction_sliders, panel.loaded],
        api_visibility="private",
        preprocess=False,
        show_progress="minimal",
    ).then(
        localized(redraw_if_loaded),
        [panel.loaded, *explore.inputs],
        explore.outputs,
        api_visibility="private",
        preprocess=False,
    )


def build_tab() -> GanTab:
    """The GAN tab's layout and listeners; call inside gr.Blocks."""
    tab = layout()
    wire(tab)
    return tab
