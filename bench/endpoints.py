"""Model-free twins of the app's endpoints, which the benchmarks compare against (GANLAB_BENCH=1 only).

/noop_image: a fixed image of /gan_generate's size (bench/gan_bench.py); /noop_gan: /gan_generate's
event (batched, same lanes, same outputs) with no model call (bench/load_bench.py --floor), so what
remains is Gradio's own cost.
"""

from __future__ import annotations

import gradio as gr
from PIL import Image

from ui import gan
from ui.images import save_png


def noop_image() -> Image.Image:
    """Benchmark baseline: a fixed 336×336 image, the size /gan_generate returns, with no model call."""
    return Image.new("L", (336, 336), 0)


def noop_image_batch(seeds: list) -> tuple[list, list, list]:
    """Benchmark floor: /gan_generate's event (batched, same lanes, same outputs) with no model call."""
    picture = save_png(noop_image())
    return [picture] * len(seeds), [{"real": 0.5, "fake": 0.5}] * len(seeds), ["no model"] * len(seeds)


def register() -> None:
    """Add /noop_image and /noop_gan to the gr.Blocks being built (call it inside `with demo:`)."""
    hidden = gr.Image(visible=False, format="png")
    gr.Button(visible=False).click(noop_image, None, hidden, api_name="noop_image")
    floor_inputs = [gr.Number(visible=False)]
    floor_outputs = [gr.Image(visible=False), gr.Label(visible=False), gr.Markdown(visible=False)]
    gr.Button(visible=False).click(
        noop_image_batch,
        floor_inputs,
        floor_outputs,
        api_name="noop_gan",
        preprocess=False,
        batch=True,
        max_batch_size=gan.GAN_MAX_BATCH,
        concurrency_limit=gan.GAN_LANES,
    )
