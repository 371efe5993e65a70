"""The GAN tab's Explore view computed in the student's browser (web/gan/), the server as fallback.

Every slider `input` runs a page-only Gradio event (`fn=None`, `js=...`): web/gan/view.js computes the
image, verdict and caption with the exported model (tools/export_gan_web.py) and returns them as the
outputs' values, so dragging sends nothing to the server. When the page cannot (no WebAssembly, a
file blocked, a community model in use, an invalid value) it changes a hidden number instead, whose
`.change` runs the server path `/gan_generate` exactly as before, the same endpoint gradio_client
users call.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import gradio as gr

from ui.web_assets import asset_url

VIEW_MODULE = "gan/view.js"
# The line under the image saying where Explore runs: run-time text, (English, Chinese) side by side.
NOTES: dict[str, tuple[str, str]] = {
    "browser": (
        "⚡ Computed in your browser: moving a slider sends nothing to the server.",
        "⚡ 在你的浏览器中计算：拖动滑块不会向服务器发送任何请求。",
    ),
    "fallback": (
        "⚠️ The in-page model could not load ({reason}); Explore runs on the server instead.",
        "⚠️ 页面内模型无法加载（{reason}）；“探索”改由服务器计算。",
    ),
    "community": (
        "Community generators run on the server: each move is a request.",
        "社区生成器在服务器上运行：每次移动都是一次请求。",
    ),
    "other_weights": (
        "The server now serves other weights than the page's copy: Explore runs on the server.",
        "服务器现在使用的权重与页面内的副本不同：“探索”改由服务器计算。",
    ),
}
URL_TO_FILE_NAME_JS = r"/\S+\/([^/?\s]+)(\?\S*)?/g"  # in a failure's message: no server paths on screen
# The digit's <img> in the GAN tab (ui/gan.py elem_id "gan-image"): the page draws each new digit into a
# canvas laid over it, before Gradio's update of the same image arrives (most of a move's time).
IMAGE_SELECTOR = "#gan-image img"
# The sliders' elem_ids, which the page follows itself (explore.json "slider_ids", written by
# tools/export_gan_web.py): a slider's `input` repaints the digit at once, before Gradio's event reaches the view.
PSI_SLIDER_ID = "gan-truncation"


def direction_slider_id(k: int) -> str:
    """elem_id of the k-th (0-based) principal-direction slider."""
    return f"gan-pc{k + 1}"


def raw_slider_id(dim: int) -> str:
    """elem_id of the slider that shifts latent coordinate `dim`."""
    return f"gan-z{dim}"


def slider_ids(num_directions: int, raw_dims: tuple[int, ...]) -> list[str]:
    """The followed sliders' elem_ids in the Explore event's order: ψ, the directions, the raw shifts."""
    return [PSI_SLIDER_ID, *map(direction_slider_id, range(num_directions)), *map(raw_slider_id, raw_dims)]


RANDOM_SEED_JS = "() => Math.floor(Math.random() * 100000)"  # 🎲: a seed in [0, 99999], no request


def _start_js(default_model: str) -> str:
    """JS expression: the page's one explorer (a promise), created on first use."""
    notes = {
        language: {key: pair[i] for key, pair in NOTES.items()} for i, language in enumerate(("en", "zh"))
    }
    options = {"defaultModel": default_model, "notes": notes, "imageSelector": IMAGE_SELECTOR}
    options = json.dumps(options, ensure_ascii=False)
    module = json.dumps(VIEW_MODULE)
    return (
        f"(window.ganlabExplore ??= import(window.ganlabAsset({module})).then((view) => "
        f"view.startExplore({{...{options}, assetUrl: window.ganlabAsset}})))"
    )


def explore_js(default_model: str) -> str:
    """The page-only event function: (model id, digit, seed, ψ, shifts…) → [image, verdict, caption, note, tick]."""
    fallback = json.dumps(NOTES["fallback"][0])
    return f"""async (...values) => {{
        try {{
            return await (await {_start_js(default_model)}).render(values);
        }} catch (error) {{
            console.warn("GAN explorer failed, using the server:", error);
            const reason = String(error?.message || error).replace({URL_TO_FILE_NAME_JS}, "$1");
            const note = {fallback}.replace("{{reason}}", reason.slice(0, 120));
            return [undefined, undefined, undefined, note, Date.now() + Math.random()];
        }}
    }}"""


def preload_js(default_model: str) -> str:
    """For `demo.load(js=...)`: start fetching the runtime and the model as the page opens."""
    return f"() => {{ try {{ {_start_js(default_model)}.catch(() => {{}}); }} catch (error) {{}} }}"


@functools.cache
def _file_sha256(path: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def weights_fingerprint(weights_file: Path) -> str:
    """sha256 of a weights file (cached per file version): what the page compares with its export's."""
    return _file_sha256(str(weights_file), weights_file.stat().st_mtime_ns)


def served_weights_box() -> gr.Textbox:
    """Hidden: the fingerprint of the weights the server serves now, filled on page load."""
    return gr.Textbox(value="", visible=False)


def runtime_note() -> gr.Markdown:
    """The one line saying where Explore is computed (filled by the page)."""
    return gr.Markdown(elem_id="gan-runtime")


def server_trigger() -> gr.Number:
    """Hidden: the page changes it to have the server compute Explore (fallback)."""
    return gr.Number(value=0, visible=False, elem_id="gan-server-trigger")


def check_assets() -> None:
    """Fail at start-up, not in a classroom, if the page's files are missing (asset_url raises)."""
    for path in (
        VIEW_MODULE,
        "gan/model.js",
        "gan/latent.js",
        "models/dcgan-mnist/generator.onnx",
        "models/dcgan-mnist/discriminator.onnx",
    ):
        asset_url(path)
