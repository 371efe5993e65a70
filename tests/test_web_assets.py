"""ui/web_assets.py: web/ files served by Gradio with versioned URLs and cache headers."""

import gradio as gr
import pytest
from fastapi.testclient import TestClient

from ui import web_assets


@pytest.fixture(scope="module")
def http():
    web_assets.register()
    with gr.Blocks() as demo:
        gr.Markdown("assets")
    app = gr.routes.App.create_app(demo, app_kwargs=web_assets.launch_kwargs()["app_kwargs"])
    with TestClient(app) as client:
        yield client


def test_versioned_urls_are_cached_for_good_and_plain_ones_revalidate(http):
    url = web_assets.asset_url("models/dcgan-mnist/explore.json")
    assert "?v=" in url and url.startswith(web_assets.FILE_ROUTE)
    answer = http.get(url)
    assert answer.status_code == 200 and answer.json()["latent_dim"] > 0
    assert answer.headers["cache-control"] == web_assets.CACHE_FOREVER
    assert http.get(url.split("?")[0]).headers["cache-control"] == web_assets.CACHE_REVALIDATE


def test_the_head_maps_every_page_file_and_refuses_unknown_ones():
    assets = web_assets.asset_map()
    assert "vendor/onnxruntime-web/ort.wasm.min.mjs" in assets and "vendor/manifest.json" not in assets
    assert "window.GANLAB_ASSETS" in web_assets.head_html()
    with pytest.raises(ValueError, match="gan/nope.js"):
        web_assets.asset_url("gan/nope.js")
    with pytest.raises(ValueError):
        web_assets.asset_url("../app.py")
    assert web_assets.head_tags("vendor/onnxruntime-web/ort.wasm.min.mjs").startswith(
        '<link rel="modulepreload"'
    )


def test_launch_kwargs_keep_the_other_middlewares():
    kwargs = web_assets.launch_kwargs({"app_kwargs": {"middleware": ["language"]}, "ssr_mode": False})
    assert kwargs["ssr_mode"] is False and kwargs["app_kwargs"]["middleware"][0] == "language"
    assert kwargs["app_kwargs"]["middleware"][1].cls is web_assets.CacheHeaders
