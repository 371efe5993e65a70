""" "Watch it learn" tab: a 2-D GAN trains in the student's browser (ui/live_browser.py; on the server where
TF.js cannot run, streamed as before) and a tiny char-LSTM trains live on the server."""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass

import gradio as gr

from models.toy_gan import LOSSES, VIEW, ToyGANConfig, ToyGANTrainer, TrainingDiverged, mode_centres
from ui import live_browser, live_char_lstm
from ui.i18n import I18N
from ui.images import save_png
from ui.live_char_lstm import CONCURRENCY, MAX_SEED
from ui.live_plots import curve_frame, draw_gan_frame
from ui.validation import InputError, as_float, as_int, as_text

RUN_SECONDS = 20.0  # wall-time bound of one Start (GAN) or Train (LSTM) press
FRAME_EVERY_S = 0.5  # stream a new picture and curves this often
STEP_COUNT = 10  # the Step button trains this many steps
MAX_STEPS = 20_000
MAX_POINTS = 1000

TARGET_CHOICES = [
    ("Ring of 8 Gaussians", "ring"),
    ("5×5 grid", "grid"),
    ("Spiral", "spiral"),
    ("Two moons", "moons"),
    ("Your points (below)", "custom"),
]
LOSS_CHOICES = [
    ("Minimax (Goodfellow 2014)", "minimax"),
    ("Non-saturating (Goodfellow 2014)", "non-saturating"),
    ("WGAN, weight clipping (Arjovsky 2017)", "wgan"),
    ("WGAN-GP (Gulrajani 2017)", "wgan-gp"),
    ("LSGAN (Mao 2017)", "lsgan"),
]
CONTROL_NAMES = [
    "target",
    "loss",
    "lr_generator",
    "lr_discriminator",
    "d_steps",
    "latent_dim",
    "hidden_size",
    "num_layers",
    "batch_size",
    "max_grad_norm",
    "seed",
]
DEFAULTS = {
    "target": "ring",
    "loss": "non-saturating",
    "lr_generator": 1e-3,
    "lr_discriminator": 1e-3,
    "d_steps": 1,
    "latent_dim": 2,
    "hidden_size": 64,
    "num_layers": 2,
    "batch_size": 256,
    "max_grad_norm": 0.0,
    "seed": 0,
}
PRESETS = {
    "Default: non-saturating GAN on the ring": {},
    "Mode collapse: minimax, G learns 10× faster than D": {
        "loss": "minimax",
        "lr_generator": 5e-3,
        "lr_discriminator": 5e-4,
    },
    "Fixed: the same, with 5 D steps per G step": {
        "loss": "minimax",
        "lr_generator": 5e-3,
        "lr_discriminator": 5e-4,
        "d_steps": 5,
    },
    "Fixed with WGAN-GP (steady; press Start twice)": {
        "loss": "wgan-gp",
        "lr_generator": 5e-4,
        "lr_discriminator": 5e-4,
        "d_steps": 5,
    },
    "LSGAN on the 5×5 grid": {"target": "grid", "loss": "lsgan", "hidden_size": 128},
}
# translation keys of the presets' display names (their values stay the English names above)
# the handlers' inputs (ToyGANConfig's field names) and outputs, in order
SETTINGS = ("target", "points", *CONTROL_NAMES[1:])
GAN_OUTPUTS = ("picture", "losses", "divergence", "status", "metrics", "run")
SLIDERS = {
    "d_steps": (1, 10, 1),
    "latent_dim": (1, 16, 1),
    "hidden_size": (4, 256, 4),
    "num_layers": (1, 4, 1),
    "batch_size": (8, 1024, 8),
}  # (low, high, step) of the networks' sliders
DEFAULT_POINTS = "-1.5, 1.5\n1.5, 1.5\n0, 0\n-1, -1.2\n0, -1.6\n1, -1.2"
PRESET_KEYS = dict(zip(PRESETS, ["default", "collapse", "more_d_steps", "wgan_gp", "lsgan"], strict=True))


def _points(text: object) -> tuple[tuple[float, float], ...]:
    """'x, y' per line → points; every problem names its line."""
    text = as_text(text, "Your points", 100_000)
    points = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p for p in re.split(r"[,;\s]+", line.strip()) if p]
        try:
            x, y = (float(p) for p in parts)
        except ValueError:
            raise InputError(
                f"Your points, line {number}: expected 'x, y', got {line.strip()[:40]!r}."
            ) from None
        if not (math.isfinite(x) and math.isfinite(y) and abs(x) <= VIEW and abs(y) <= VIEW):
            raise InputError(
                f"Your points, line {number}: x and y must be from {-VIEW:g} to {VIEW:g}, got {x}, {y}."
            )
        points.append((round(x, 4), round(y, 4)))
    if not 1 <= len(points) <= MAX_POINTS:
        raise InputError(f"Your points: give 1 to {MAX_POINTS} points ('x, y' per line), got {len(points)}.")
    return tuple(points)


def _gan_config(
    target,
    points,
    loss,
    lr_generator,
    lr_discriminator,
    d_steps,
    latent_dim,
    hidden_size,
    num_layers,
    batch_size,
    max_grad_norm,
    seed,
) -> ToyGANConfig:
    """The run's config from the controls' raw values (each parameter fills the field of its name)."""
    if target not in {value for _, value in TARGET_CHOICES}:
        raise InputError(
            f"Target must be one of ring, grid, spiral, moons, custom; got {str(target)[:30]!r}."
        )
    if loss not in LOSSES:
        raise InputError(f"Loss must be one of {', '.join(LOSSES)}; got {str(loss)[:30]!r}.")
    return ToyGANConfig(
        target=target,
        loss=loss,
        points=_points(points) if target == "custom" else (),
        lr_generator=as_float(lr_generator, "G learning rate", 1e-6, 1.0),
        lr_discriminator=as_float(lr_discriminator, "D learning rate", 1e-6, 1.0),
        d_steps=as_int(d_steps, "D steps per G step", 1, 10),
        latent_dim=as_int(latent_dim, "Noise dimension", 1, 16),
        hidden_size=as_int(hidden_size, "Width", 4, 256),
        num_layers=as_int(num_layers, "Depth", 1, 4),
        batch_size=as_int(batch_size, "Batch size", 8, 1024),
        max_grad_norm=as_float(max_grad_norm, "Gradient clipping", 0, 100),
        seed=as_int(seed, "Seed", 0, MAX_SEED),
    )


def _gan_outputs(trainer: ToyGANTrainer, state: str, notes: list[str], rate: float | None = None):
    """(picture, loss curves, divergence curve, status line, metrics) for the trainer as it is now."""
    shot = trainer.snapshot()
    losses = curve_frame(trainer.losses, ["step", "D", "G"])
    if losses is not None:
        losses = losses.melt("step", var_name="network", value_name="loss")
    divergence = curve_frame(trainer.divergence, ["step", "MMD²"])
    last = trainer.losses[-1] if trainer.losses else (0, math.nan, math.nan)
    modes = shot["modes"]
    metrics = {
        "step": trainer.step,
        "d_loss": last[1],
        "g_loss": last[2],
        "mmd2": trainer.divergence[-1][1],
        "mmd2_at_start": trainer.divergence[0][1],
        "modes_covered": modes,
        "state": state,
        "steps_per_second": None if rate is None else round(rate, 1),
    }
    total = len(mode_centres(trainer.config.target)) if modes is not None else 0
    status = (
        f"**Step {trainer.step}** ({state}) · D loss {last[1]:.3f} · G loss {last[2]:.3f} · "
        f"MMD² {metrics['mmd2']:.4f} (at start {metrics['mmd2_at_start']:.4f})"
        + (f" · modes covered {modes}/{total}" if modes is not None else "")
        + (f" · {rate:.0f} steps/s" if rate else "")
        + "".join(f"\n\n{note}" for note in notes)
    )
    return save_png(draw_gan_frame(shot)), losses, divergence, status, metrics


def _prepared(run: ToyGANTrainer | None, config: ToyGANConfig, notes: list[str]) -> ToyGANTrainer:
    """The run to continue (same settings) or a fresh one."""
    if run is not None and run.config == config:
        if run.failure:
            raise InputError(
                f"This run stopped because {run.failure}. Change a setting (e.g. lower the "
                "learning rates or clip the gradients) or press Reset."
            )
        return run
    if run is not None:
        notes.append("Settings changed: a new run started from step 0.")
    try:
        return ToyGANTrainer(config)
    except ValueError as error:
        raise InputError(str(error)) from None


def _train(trainer: ToyGANTrainer, max_steps: int, notes: list[str]):
    """Stream outputs (+ the trainer as State) while training at most max_steps steps and RUN_SECONDS."""
    start = last_frame = time.monotonic()
    first_step = trainer.step
    outputs = None
    try:
        for _ in trainer.steps(max_steps):
            now = time.monotonic()
            if now - start > RUN_SECONDS:
                notes.append(f"Paused after the {RUN_SECONDS:.0f} s limit of one run: press Start to go on.")
                break
            if now - last_frame >= FRAME_EVERY_S:
                last_frame = now
                outputs = _gan_outputs(
                    trainer, "training", notes, (trainer.step - first_step) / (now - start)
                )
                yield *outputs, trainer
        else:
            notes.append(f"Trained {trainer.step - first_step} steps.")
        trainer.record_divergence()
    except TrainingDiverged as error:
        trainer.failure = str(error)
        message = (
            f"⚠️ Training stopped: {error}. Lower the learning rates, clip the gradients or pick "
            "another loss, then press Reset."
        )
        gr.Warning(message)
        if outputs is None:
            outputs = _gan_outputs(trainer, "stopped", [])
        yield (
            outputs[0],
            outputs[1],
            outputs[2],
            outputs[3] + "\n\n" + message,
            outputs[4] | {"state": "diverged", "error": str(error)},
            trainer,
        )
        return
    elapsed = time.monotonic() - start
    yield *_gan_outputs(trainer, "paused", notes, (trainer.step - first_step) / max(elapsed, 1e-9)), trainer


def train_gan_2d(
    target,
    points,
    loss,
    lr_generator,
    lr_discriminator,
    d_steps,
    latent_dim,
    hidden_size,
    num_layers,
    batch_size,
    max_grad_norm,
    seed,
    max_steps,
    run=None,
):
    """Train the 2-D GAN for up to max_steps steps (and RUN_SECONDS), streaming pictures, curves and numbers.

    Continues the session's run when the settings are unchanged, else starts a new one.
    """
    config = _gan_config(
        target,
        points,
        loss,
        lr_generator,
        lr_discriminator,
        d_steps,
        latent_dim,
        hidden_size,
        num_layers,
        batch_size,
        max_grad_norm,
        seed,
    )
    max_steps = as_int(max_steps, "Steps per run", 1, MAX_STEPS)
    notes: list[str] = []
    yield from _train(_prepared(run, config, notes), max_steps, notes)


def step_gan_2d(*values):
    """Train STEP_COUNT steps and show the result (train_gan_2d's inputs; its max_steps is ignored)."""
    *settings, _max_steps, run = values
    yield from train_gan_2d(*settings, STEP_COUNT, run)


def reset_gan_2d(
    target,
    points,
    loss,
    lr_generator,
    lr_discriminator,
    d_steps,
    latent_dim,
    hidden_size,
    num_layers,
    batch_size,
    max_grad_norm,
    seed,
    run=None,
):
    """A fresh run at step 0 (the untrained networks), replacing the session's run."""
    config = _gan_config(
        target,
        points,
        loss,
        lr_generator,
        lr_discriminator,
        d_steps,
        latent_dim,
        hidden_size,
        num_layers,
        batch_size,
        max_grad_norm,
        seed,
    )
    trainer = _prepared(None, config, [])
    return *_gan_outputs(trainer, "ready", ["Press Start to train, or Step for 10 steps."]), trainer


def show_first_frame(*values):
    """On opening the tab: the untrained run, unless this session already has one (reset_gan_2d's inputs)."""
    *settings, run = values
    if run is not None:
        return [gr.skip()] * len(GAN_OUTPUTS)
    return reset_gan_2d(*settings, run)


def apply_preset(name: str) -> list:
    """Control values of a preset (defaults for every control it does not set)."""
    if name not in PRESETS:
        raise InputError(f"Unknown preset {str(name)[:40]!r}.")
    values = DEFAULTS | PRESETS[name]
    return [values[key] for key in CONTROL_NAMES]


def _gan_controls() -> dict:
    """The GAN's input components, keyed like SETTINGS plus preset and max_steps."""
    d = DEFAULTS
    # choices: display names translated, values unchanged (the handlers get "ring", "minimax", …)
    presets = [(I18N(f"live.preset.{PRESET_KEYS[name]}"), name) for name in PRESETS]
    c = {
        "preset": gr.Dropdown(
            presets, value=list(PRESETS)[0], label=I18N("live.preset"), elem_id="gan2d-preset"
        )
    }
    targets = [(I18N(f"live.target.{value}"), value) for _, value in TARGET_CHOICES]
    c["target"] = gr.Radio(targets, value=d["target"], label=I18N("live.target"))
    c["points"] = gr.Textbox(  # the label names the range [-VIEW, VIEW] (checked in tests/test_i18n.py)
        label=I18N("live.points"), value=DEFAULT_POINTS, lines=4, max_lines=8
    )
    losses = [(I18N(f"live.loss.{value}"), value) for _, value in LOSS_CHOICES]
    c["loss"] = gr.Dropdown(losses, value=d["loss"], label=I18N("live.loss"))
    with gr.Row():
        for key in ("lr_generator", "lr_discriminator"):
            c[key] = gr.Number(d[key], label=I18N(f"live.{key}"), minimum=1e-6, maximum=1.0, step=1e-4)
    with gr.Accordion(I18N("live.networks"), open=False):
        for key, (low, high, step) in SLIDERS.items():
            c[key] = gr.Slider(low, high, value=d[key], step=step, label=I18N(f"live.{key}"))
        c["max_grad_norm"] = gr.Number(
            d["max_grad_norm"], label=I18N("live.max_grad_norm"), minimum=0, maximum=100
        )
        c["seed"] = gr.Number(d["seed"], label=I18N("common.seed"), precision=0, minimum=0, maximum=MAX_SEED)
    c["max_steps"] = gr.Slider(  # the label names RUN_SECONDS
        10, MAX_STEPS, value=5000, step=10, label=I18N("live.max_steps")
    )
    return c


@dataclass(frozen=True)
class LiveGanView:
    """The 2-D GAN's controls (keyed like SETTINGS, plus preset and max_steps), buttons and outputs."""

    controls: dict
    start: gr.Button
    pause: gr.Button
    step: gr.Button
    reset: gr.Button
    outputs: dict  # keyed like GAN_OUTPUTS (the server path's outputs)
    server: dict  # hidden buttons of the server path, keyed like live_browser.SERVER_BUTTONS

    @property
    def settings(self) -> list:
        return [self.controls[key] for key in SETTINGS]

    @property
    def preset_fields(self) -> list:
        return [self.controls[key] for key in CONTROL_NAMES]

    @property
    def output_list(self) -> list:
        return [self.outputs[key] for key in GAN_OUTPUTS]


def _gan_outputs_layout() -> dict:
    status = gr.Markdown(I18N("live.status"), elem_id="gan2d-status")
    picture = gr.Image(
        label=I18N("live.picture"),
        type="filepath",
        format="png",
        interactive=False,
        height=500,
        elem_id="gan2d-image",
    )
    with gr.Row():
        losses = gr.LinePlot(
            x="step",
            y="loss",
            color="network",
            color_map={"D": "#0072B2", "G": "#E69F00"},
            label=I18N("live.losses"),
            height=240,
            elem_id="gan2d-losses",
        )
        divergence = gr.LinePlot(
            x="step", y="MMD²", label=I18N("live.divergence"), height=240, elem_id="gan2d-divergence"
        )
    with gr.Accordion(I18N("live.numbers"), open=False):
        metrics = gr.JSON(label=I18N("live.metrics"))
    run = gr.State(None, time_to_live=1800)
    return dict(
        picture=picture, losses=losses, divergence=divergence, status=status, metrics=metrics, run=run
    )


def _gan_layout() -> LiveGanView:
    with gr.Tab(I18N("live.gan.tab"), id="live-gan2d"):
        gr.Markdown(I18N("live.gan.intro"))
        with gr.Row():
            with gr.Column(scale=1):
                controls = _gan_controls()
                with gr.Row():
                    start = gr.Button(I18N("live.start"), variant="primary", elem_id="gan2d-start")
                    pause = gr.Button(I18N("live.pause"), variant="stop", elem_id="gan2d-pause")
                with gr.Row():
                    step = gr.Button(I18N("live.step"), elem_id="gan2d-step")  # names STEP_COUNT
                    reset = gr.Button(I18N("live.reset"), elem_id="gan2d-reset")
                server = live_browser.server_buttons()
            with gr.Column(scale=2):
                live_browser.view_html()
                with gr.Column(elem_id=live_browser.SERVER_VIEW_ID):
                    outputs = _gan_outputs_layout()
    return LiveGanView(controls, start, pause, step, reset, outputs, server)


def _wire_gan(view: LiveGanView) -> None:
    """The server path, on the hidden server buttons (the page presses them where TF.js cannot run)."""
    settings, outputs, run = view.settings, view.output_list, view.outputs["run"]
    streaming = dict(preprocess=False, show_progress="hidden", **CONCURRENCY)
    training = view.server["start"].click(
        train_gan_2d,
        [*settings, view.controls["max_steps"], run],
        outputs,
        api_name="train_gan_2d",
        time_limit=RUN_SECONDS + 20,
        **streaming,
        api_description="Train the 2-D GAN (continuing this session's run if the settings are unchanged), streaming "
        "a picture, loss curves, the MMD² curve, a status line and the latest numbers.",
    )
    stepping = view.server["step"].click(
        step_gan_2d,
        [*settings, view.controls["max_steps"], run],
        outputs,
        api_visibility="private",
        time_limit=RUN_SECONDS,
        **streaming,
    )
    view.server["pause"].click(None, None, None, cancels=[training, stepping], api_visibility="private")
    view.server["reset"].click(
        reset_gan_2d,
        [*settings, run],
        outputs,
        api_name="reset_gan_2d",
        preprocess=False,
        cancels=[training, stepping],
        api_description="A new 2-D GAN run at step 0.",
    )


@dataclass(frozen=True)
class LiveTab:
    tab: gr.Tab
    subtabs: gr.Tabs  # the 2-D GAN ("live-gan2d") and the char-LSTM ("live-char-lstm")
    gan: LiveGanView


def layout() -> LiveTab:
    with gr.Tab(I18N("live.tab"), id="live-training") as tab, gr.Tabs() as subtabs:
        gan = _gan_layout()
        live_char_lstm.build_tab()
    return LiveTab(tab, subtabs, gan)


def wire(tab: LiveTab) -> None:
    _wire_gan(tab.gan)
    presets = {name: apply_preset(name) for name in PRESETS}
    live_browser.wire(tab.gan, tab.tab, STEP_COUNT, presets)
    tab.gan.server["first"].click(
        show_first_frame,
        [*tab.gan.settings, tab.gan.outputs["run"]],
        tab.gan.output_list,
        api_visibility="private",
        preprocess=False,
    )


def build_tab() -> LiveTab:
    tab = layout()
    wire(tab)
    return tab
