"""Files the page runs itself (web/: vendored runtimes, exported models, our ES modules), served by Gradio.

Gradio serves a static folder at `/gradio_api/file=<path>` with an ETag but no Cache-Control, so each
visit would fetch the 4 MB runtime again. Every URL handed to the page carries `?v=<content hash>`
(not the modification time: a fresh checkout on every deploy would change all URLs), and
`CacheHeaders` marks such answers immutable for a year; a changed file gets a new URL.

Use: importing registers web/ (`register()` again is harmless); `asset_url("gan/model.js")` for one
file; `head_tags(...)` preloads ES modules;
`head_html()` in `launch(head=...)` (or a gr.HTML's `head`) gives the page `window.GANLAB_ASSETS`, the
map of every web/ file to its versioned URL (page code looks its files up there: `assetUrl(path)`);
`launch_kwargs()` adds the middlewares: `demo.launch(**web_assets.launch_kwargs(), ...)`.

Precompressed files: `web/X.br` (brotli, made by tools/) is served at X's own URL, as it is with
`Content-Encoding: br` to a browser that accepts it (every current one does: the browser inflates it
natively, streaming) and inflated here for one that does not. That keeps the big files (the runtime's
14 MB wasm, the model) under a Space's 10 MB per file and the first visit's download small.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from urllib.parse import unquote

import gradio as gr

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
FILE_ROUTE = "/gradio_api/file="  # absolute: page code may import() it (a relative name would be bare)
CACHE_FOREVER = "public, max-age=31536000, immutable"  # a versioned URL never changes its bytes
CACHE_REVALIDATE = "no-cache"  # an unversioned web/ URL: ask each time (the ETag answers cheaply)
SKIPPED = {"manifest.json"}  # vendor_web.py's input, not a page file
BROTLI = ".br"  # web/X.br is served at X's URL (see the module's docstring)
MEDIA_TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}


def register() -> None:
    """Let Gradio serve web/ as static files (served in place, never copied to its cache)."""
    gr.set_static_paths([str(WEB_DIR)])


@functools.cache
def _version(stored: str, mtime_ns: int) -> str:
    return hashlib.sha256(Path(stored).read_bytes()).hexdigest()[:12]


def _stored_file(path: Path) -> Path | None:
    """The file on disk behind web/ path `path`: itself, or its brotli copy `path.br`; None if neither."""
    if not path.is_relative_to(WEB_DIR):
        return None
    compressed = path.with_name(path.name + BROTLI)
    return path if path.is_file() else compressed if compressed.is_file() else None


def asset_url(relative_path: str) -> str:
    """URL of web/<relative_path> for the page, e.g. '/gradio_api/file=/…/web/gan/model.js?v=3f2a…'.

    Raises ValueError for a file that is not in web/ (a typo should fail at start-up).
    """
    path = (WEB_DIR / relative_path).resolve()
    stored = _stored_file(path)
    if stored is None:
        raise ValueError(f"no file {relative_path!r} under web/")
    return f"{FILE_ROUTE}{path}?v={_version(str(stored), stored.stat().st_mtime_ns)}"


def asset_map() -> dict[str, str]:
    """Every page file under web/ → its versioned URL, keys relative to web/ ('gan/model.js'); a
    brotli copy is listed under the name it is served as."""
    files = sorted(p for p in WEB_DIR.rglob("*") if p.is_file() and p.name not in SKIPPED)
    names = [p.relative_to(WEB_DIR).as_posix().removesuffix(BROTLI) for p in files]
    return {name: asset_url(name) for name in names}


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


@functools.cache
def _read(stored: str, mtime_ns: int, inflate: bool) -> bytes:
    import brotli  # a dependency of Gradio's

    data = Path(stored).read_bytes()
    return brotli.decompress(data) if inflate else data


class Precompressed:
    """ASGI middleware: answers for web/X whose file on disk is X.br (Gradio would answer 404)."""

    def __init__(self, app):
        self.app = app
        self.marker = FILE_ROUTE + WEB_DIR.as_posix() + "/"

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if self.marker not in path or scope.get("method") not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        wanted = WEB_DIR / unquote(path.split(self.marker, 1)[1])
        stored = _stored_file(wanted.resolve())
        if stored is None or stored.suffix != BROTLI:
            return await self.app(scope, receive, send)
        await self.answer(scope, receive, send, wanted, stored)

    async def answer(self, scope, receive, send, wanted: Path, stored: Path) -> None:
        from starlette.datastructures import Headers
        from starlette.responses import Response

        request_headers = Headers(scope=scope)
        etag = f'"{_version(str(stored), stored.stat().st_mtime_ns)}"'
        versioned = b"v=" in scope.get("query_string", b"")
        headers = {"cache-control": CACHE_FOREVER if versioned else CACHE_REVALIDATE, "etag": etag}
        headers["vary"] = "Accept-Encoding"
        if request_headers.get("if-none-match") == etag:
            return await Response(status_code=304, headers=headers)(scope, receive, send)
        encodings = request_headers.get("accept-encoding", "").split(",")
        brotli_ok = "br" in [encoding.split(";")[0].strip() for encoding in encodings]
        if brotli_ok:
            headers["content-encoding"] = "br"
        body = _read(str(stored), stored.stat().st_mtime_ns, inflate=not brotli_ok)
        media_type = MEDIA_TYPES.get(wanted.suffix, "application/octet-stream")
        await Response(body, media_type=media_type, headers=headers)(scope, receive, send)


def launch_kwargs(base: dict | None = None) -> dict:
    """Keyword arguments for `demo.launch` that add this module's middlewares to Gradio's FastAPI app,
    after the middlewares `base` (another module's launch_kwargs()) already adds."""
    from starlette.middleware import Middleware

    base = base or {}
    app_kwargs = dict(base.get("app_kwargs", {}))
    ours = [Middleware(CacheHeaders), Middleware(Precompressed)]
    app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), *ours]
    return {**base, "app_kwargs": app_kwargs}


register()
