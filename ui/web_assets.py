"""Files the page runs itself (web/: vendored runtimes, exported models, our ES modules), served by Gradio.

Gradio serves a static folder at `/gradio_api/file=<path>` with an ETag but no Cache-Control, so each
visit would fetch the 4 MB runtime again. Every URL handed to the page carries `?v=<content hash>`
(not the modification time: a fresh checkout on every deploy would change all URLs), and
`CacheHeaders` marks such answers immutable for a year; a changed file gets a new URL.

Use: importing registers web/ (`register()` again is harmless); `asset_url("gan/model.js")` for one
file; `head_tags(...)` preloads ES modules;
`head_html()` in `launch(head=...)` (or a gr.HTML's `head`) gives the page `window.GANLAB_ASSETS`, the
map of every web/ file to its versioned URL (page code looks its files up there: `assetUrl(path)`);
`launch_kwargs()` adds the cache middleware: `demo.launch(**web_assets.launch_kwargs(), ...)`.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import gradio as gr

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
FILE_ROUTE = "/gradio_api/file="  # absolute: page code may import() it (a relative name would be bare)
CACHE_FOREVER = "public, max-age=31536000, immutable"  # a versioned URL never changes its bytes
CACHE_REVALIDATE = "no-cache"  # an unversioned web/ URL: ask each time (the ETag answers cheaply)
SKIPPED = {"manifest.json"}  # vendor_web.py's input, not a page file


def register() -> None:
    """Let Gradio serve web/ as static files (served in place, never copied to its cache)."""
    gr.set_static_paths([str(WEB_DIR)])


@functools.cache
def _version(relative_path: str, mtime_ns: int) -> str:
    return hashlib.sha256((WEB_DIR / relative_path).read_bytes()).hexdigest()[:12]


def asset_url(relative_path: str) -> str:
    """URL of web/<relative_path> for the page, e.g. '/gradio_api/file=/…/web/gan/model.js?v=3f2a…'.

    Raises ValueError for a file that is not in web/ (a typo should fail at start-up).
    """
    path = (WEB_DIR / relative_path).resolve()
    if not path.is_relative_to(WEB_DIR) or not path.is_file():
        raise ValueError(f"no file {relative_path!r} under web/")
    return f"{FILE_ROUTE}{path}?v={_version(relative_path, path.stat().st_mtime_ns)}"


def asset_map() -> dict[str, str]:
    """Every page file under web/ → its versioned URL, keys relative to web/ ('gan/model.js')."""
    files = sorted(p for p in WEB_DIR.rglob("*") if p.is_file() and p.name not in SKIPPED)
    return {p.relative_to(WEB_DIR).as_posix(): asset_url(p.relative_to(WEB_DIR).as_posix()) for p in files}


def head_tags(*paths: str) -> str:
    """<link rel="modulepreload"> tags for ES modules under web/, so the browser fetches them early."""
    return "".join(f'<link rel="modulepreload" href="{asset_url(path)}">' for path in paths)


def head_html() -> str:
    """A <script> giving the page `window.GANLAB_ASSETS` (path → versioned URL) and `window.ganlabAsset`."""
    assets = json.dumps(asset_map(), sort_keys=True).replace("</", "<\\/")
    return (
        f"<script>window.GANLAB_ASSETS = {assets};\n"
        "window.ganlabAsset = (path) => {\n"
        "  const url = window.GANLAB_ASSETS[path];\n"
        "  if (!url) throw new Error(`web/${path} is not served`);\n"
        "  return new URL(url, document.baseURI).href;\n"
        "};</script>"
    )


class CacheHeaders:
    """ASGI middleware: Cache-Control on Gradio's answers for web/ files (immutable when versioned)."""

    def __init__(self, app):
        self.app = app
        self.marker = FILE_ROUTE + WEB_DIR.as_posix() + "/"  # in the path, after any root_path

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if self.marker not in path:
            return await self.app(scope, receive, send)
        versioned = b"v=" in scope.get("query_string", b"")
        value = (CACHE_FOREVER if versioned else CACHE_REVALIDATE).encode()

        async def send_with_header(message):
            if message["type"] == "http.response.start" and message.get("status") == 200:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", value)]}
            await send(message)

        return await self.app(scope, receive, send_with_header)


def launch_kwargs(base: dict | None = None) -> dict:
    """Keyword arguments for `demo.launch` that add the cache middleware to Gradio's FastAPI app, after
    the middlewares `base` (another module's launch_kwargs()) already adds."""
    from starlette.middleware import Middleware

    base = base or {}
    app_kwargs = dict(base.get("app_kwargs", {}))
    app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), Middleware(CacheHeaders)]
    return {**base, "app_kwargs": app_kwargs}


register()
