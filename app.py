"""GAN & LSTM Lab: play with real pretrained GANs and LSTMs in the browser (Gradio 6 Blocks)."""

from __future__ import annotations

import logging
import os

# One BLAS thread per call, set before NumPy loads: the char-LSTM's batch-1 steps run through NumPy's
# BLAS, whose idle worker threads would otherwise spin on the other core while other users wait.
os.environ.setdefault("OPENBLAS_NUM_THREADS", os.environ.get("GANLAB_TORCH_THREADS", "1"))
# Gradio's queue rebuilds a pandas summary of its last 10,000 events after *every* event (it feeds only
# the monitoring dashboard, which this app does not open): ~7 ms per call after 300 events, ~24 ms after
# 10,000, all holding the GIL. Once per 10,000 events instead; bench/load_bench.py --rounds shows it.
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "10000")

import gradio as gr  # noqa: E402
import torch
from huggingface_hub.utils import logging as hub_logging

from ui import (
    a11y,
    about,
    gan,
    language,
    lesson,
    live_training,
    lstm_classify,
    lstm_text,
    permalink,
    rcgan,
    style,
    theory,
    web_assets,
)
from ui.i18n import I18N, in_english, localized

# A user's bad input is one line in the log (ui/validation.InputError); faults keep their tracebacks.
_log_handler = logging.StreamHandler()
_log_handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
logging.getLogger("ganlab").addHandler(_log_handler)
logging.getLogger("ganlab").setLevel(logging.INFO)
# The background Hub check retries quietly; the Model panel tells users what happened.
hub_logging.set_verbosity_error()
# Small models at batch 1: one thread per call keeps latency steady under Gradio's worker threads.
torch.set_num_threads(int(os.environ.get("GANLAB_TORCH_THREADS", "1")))

TITLE = "GAN & LSTM Lab"  # the browser tab's title: the app's name, the same in every language


def ping() -> str:
    """Health check: answers 'ok' without touching a model."""
    return "ok"


class Lab(gr.Blocks):
    """gr.Blocks whose API docs ("Use via API", gradio_client's view_api) give labels in English.

    Labels are I18N placeholders that only the browser page translates; the API docs would show them raw.
    """

    def get_api_info(self, all_endpoints: bool = False, page: str | None = None):
        return in_english(super().get_api_info(all_endpoints, page))


def wire_permalinks(
    demo: gr.Blocks, tabs: gr.Tabs, gan_tab: gan.GanTab, text_tab: lstm_text.LstmTextTab, run_lstm: gr.State
) -> None:
    """On page load: a permalink's settings first (ui/permalink.py), then the image (and a linked text) they give.

    `run_lstm`: set True by the restore when the link's LSTM text is to be generated.
    """
    linked = [gan_tab.explore.linked, text_tab.linked]
    restored = demo.load(
        permalink.make_restore(linked),
        None,
        permalink.restore_outputs(tabs, linked, run_lstm),
        api_visibility="private",
    )
    explore = gan_tab.explore
    restored.then(
        None, explore.page_inputs, explore.page_outputs, js=gan.explore_js()
    )  # in the page (or server)
    restored.then(
        localized(permalink.generate_if_linked),
        [run_lstm, *text_tab.linked.inputs],
        text_tab.generate_outputs,
        api_visibility="private",
        preprocess=False,
    ).then(
        localized(lstm_text.inside_after_generation),
        [run_lstm, *text_tab.inside_inputs],
        text_tab.inside_outputs,
        api_visibility="private",
        preprocess=False,
    )


def build_demo() -> gr.Blocks:
    """Build the whole app without launching it (tests import this)."""
    web_assets.register()  # web/: the page's own modules, vendored runtimes, exported models
    with Lab(title=TITLE) as demo:
        with gr.Row(equal_height=False):
            gr.Markdown(I18N("app.header"))
            language.switch()
        run_lstm = gr.State(False)  # a permalink's LSTM text is to be generated
        with gr.Tabs(elem_id="app-tabs") as tabs:
            gan_tab = gan.build_tab()
            text_tab = lstm_text.build_tab(run_lstm)
            classify_tab = lstm_classify.build_tab()
            live_tab = live_training.build_tab()
            rcgan.build_tab()
            theory.build_tab(tabs, lesson.collapsed_destination(gan_tab))
            lesson.build_lesson(tabs, lesson.destinations(gan_tab, text_tab, classify_tab, live_tab))
        provenance_panel = about.build_panel()
        wire_permalinks(demo, tabs, gan_tab, text_tab, run_lstm)
        demo.load(
            localized(gan.provenance),
            [gan_tab.panel.model_in_use],
            [gan_tab.panel.provenance, gan_tab.panel.model_in_use],
            api_visibility="private",
        )
        demo.load(about.models_provenance, None, provenance_panel, api_visibility="private")
        demo.load(None, None, None, js=a11y.alt_text_js(), api_visibility="private")  # images' alt text
        demo.load(gan.served_weights, None, gan_tab.explore.served_weights, api_visibility="private")
        demo.load(
            None, None, None, js=gan.gan_browser.preload_js(gan.default_model_id())
        )  # fetch the GAN early
        demo.load(None, None, None, js=language.MARK_CURRENT_JS, api_visibility="private")
        gr.api(ping, api_name="ping")
        if os.environ.get("GANLAB_BENCH") == "1":  # model-free twins of endpoints, for bench/ only
            from bench import endpoints

            endpoints.register()
    demo.queue(default_concurrency_limit=int(os.environ.get("GANLAB_CONCURRENCY", "4")), max_size=256)
    return demo


demo = build_demo()

if __name__ == "__main__":
    demo.launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "0.0.0.0"),
        server_port=int(os.environ.get("GRADIO_SERVER_PORT", os.environ.get("PORT", "7860"))),
        footer_links=["api", "gradio", "settings"],
        theme=style.theme(),
        css=style.CSS,
        # middlewares: the page's language before Gradio starts (ui/language.py), cache headers of web/
        **web_assets.launch_kwargs(language.launch_kwargs()),
        head=web_assets.head_html(),  # window.ganlabAsset(path): versioned URLs of web/ files
        i18n=I18N,  # every tab in English and Simplified Chinese (ui/i18n.py)
        show_error=True,  # messages of unexpected errors reach the user (never a traceback)
        # per-session state (gr.State, component updates) of at most this many sessions, oldest
        # dropped first: memory stays bounded however many students come and go
        state_session_capacity=int(os.environ.get("GANLAB_SESSIONS", "500")),
    )
