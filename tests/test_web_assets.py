"""ui/web_assets.py: web/ files served by Gradio with versioned URLs and cache headers."""

import brotli
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
    assert [m.cls for m in kwargs["app_kwargs"]["middleware"][1:]] == [
        web_assets.CacheHeaders,
        web_assets.Precompressed,
    ]


WASM = "vendor/onnxruntime-web/ort-wasm-simd-threaded.wasm"  # stored as WASM + ".br"


def test_a_brotli_file_is_served_at_its_own_name_compressed_to_a_browser_that_takes_br(http):
    stored = (web_assets.WEB_DIR / (WASM + ".br")).read_bytes()
    url = web_assets.asset_map()[WASM]
    assert url == web_assets.asset_url(WASM) and WASM + ".br" not in web_assets.asset_map()
    answer = http.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert answer.status_code == 200 and answer.headers["content-encoding"] == "br"
    assert answer.headers["content-type"] == "application/wasm"
    assert answer.headers["cache-control"] == web_assets.CACHE_FOREVER
    assert "accept-encoding" in answer.headers["vary"].lower()
    assert int(answer.headers["content-length"]) == len(stored)  # what travels: the compressed bytes
    assert answer.content == brotli.decompress(stored)  # the client inflates it
    assert answer.content[:4] == b"\0asm"
    again = http.get(url, headers={"Accept-Encoding": "br", "If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_a_browser_without_br_gets_the_inflated_file(http):
    url = web_assets.asset_url(WASM)
    answer = http.get(url, headers={"Accept-Encoding": "gzip;q=1.0, identity"})
    assert answer.status_code == 200 and "content-encoding" not in answer.headers
    assert answer.content[:4] == b"\0asm" and len(answer.content) > 10_000_000


def test_a_path_outside_web_or_missing_is_not_answered_by_the_middleware(http):
    missing = web_assets.FILE_ROUTE + str(web_assets.WEB_DIR / "gan" / "nope.wasm")
    assert http.get(missing).status_code in (403, 404)  # Gradio's own answer
    outside = web_assets.FILE_ROUTE + str(web_assets.WEB_DIR / ".." / "app.py")
    assert http.get(outside, headers={"Accept-Encoding": "br"}).status_code in (403, 404)
