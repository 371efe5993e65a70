"""The page's language: English or 简体中文, chosen by a switch in the header and remembered.

Gradio 6.31 picks its locale once, from the browser's language, as the page starts, and re-renders only
some labels when it changes later. So the choice is made before Gradio starts: a script in the page's
head reads `?lang=` (a teacher's link), else the choice remembered in the browser's storage, else the
browser's own language, and presents that to Gradio as the browser's language. The switch stores the
choice and reloads the page, so every tab, tab labels included, comes up in it at once. The script also
keeps `lang` in the page's address and in a cookie: that is how handlers learn which language to write
in (ui/i18n.language_of). Works offline and inside a Space's iframe (no third-party request).
"""

from __future__ import annotations

import json

import gradio as gr

STORAGE_KEY = "ganlab-lang"

HEAD_SCRIPT = """<script>
(() => {
  const known = (l) => l === 'en' || l === 'zh';
  const url = new URL(window.location.href);
  let lang = url.searchParams.get('lang');
  let stored = null;
  try { stored = window.localStorage.getItem('%(key)s'); } catch (e) {}
  if (!known(lang)) lang = known(stored) ? stored : null;
  if (!known(lang)) lang = String(navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  Object.defineProperty(Navigator.prototype, 'language', { get: () => locale, configurable: true });
  Object.defineProperty(Navigator.prototype, 'languages', { get: () => [locale], configurable: true });
  document.cookie = 'ganlab_lang=' + lang + '; path=/; SameSite=Lax';
  if (url.searchParams.get('lang') !== lang) {
    url.searchParams.set('lang', lang);
    window.history.replaceState(window.history.state, '', url.toString());
  }
  window.ganlabLanguage = lang;
  window.ganlabSetLanguage = (next) => {
    if (!known(next)) return;
    try { window.localStorage.setItem('%(key)s', next); } catch (e) {}
    const target = new URL(window.location.href);
    target.searchParams.set('lang', next);
    window.location.assign(target.toString());
  };
})();
</script>""".replace("%(key)s", STORAGE_KEY)

# the switch: each language named in itself; the current one is marked by the script below
SWITCH_HTML = """<nav class="lang-switch" aria-label="Language / 语言">
  <button type="button" data-lang="en" onclick="window.ganlabSetLanguage('en')">English</button>
  <span aria-hidden="true">|</span>
  <button type="button" data-lang="zh" onclick="window.ganlabSetLanguage('zh')">中文</button>
</nav>"""

MARK_CURRENT_JS = """() => {
  document.querySelectorAll('.lang-switch button').forEach((b) => {
    const current = b.dataset.lang === window.ganlabLanguage;
    b.setAttribute('aria-pressed', String(current));
  });
}"""

CSS = """
.lang-switch { display: flex; gap: 6px; justify-content: flex-end; align-items: center; font-size: 0.95rem; }
.lang-switch button { background: none; border: none; padding: 2px 6px; cursor: pointer; color: inherit;
  text-decoration: underline; }
.lang-switch button[aria-pressed="true"] { font-weight: 700; text-decoration: none; }
"""


def switch() -> gr.HTML:
    """The English / 中文 switch; call in the header's layout."""
    return gr.HTML(SWITCH_HTML, elem_id="lang-switch", padding=False, container=False)


PAGE_PREFIXES = ("page.", "control.", "error.")  # the texts the page's own code writes (web/i18n.js)


def page_texts_script() -> str:
    """<script> with window.GANLAB_TEXTS: every text the page's own code writes, in both languages."""
    from ui.i18n import EN, ZH

    texts = {
        language: {key: text for key, text in table.items() if key.startswith(PAGE_PREFIXES)}
        for language, table in (("en", EN), ("zh", ZH))
    }
    data = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    return f"<script>window.GANLAB_TEXTS = {data};</script>"


class LanguageFirst:
    """ASGI middleware: HEAD_SCRIPT at the very top of the page's <head>, so it runs before Gradio's
    own scripts (`launch(head=...)` is added by Gradio's frontend after it has picked its locale)."""

    def __init__(self, app):
        self.app = app
        self.script = (HEAD_SCRIPT + page_texts_script()).encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or not scope.get("path", "").endswith("/"):
            return await self.app(scope, receive, send)
        start, body = None, []

        async def capture(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            await send_page(start, b"".join(body))

        async def send_page(start_message, content):
            headers = dict(start_message.get("headers", []))
            is_html = headers.get(b"content-type", b"").startswith(b"text/html")
            if is_html and b"content-encoding" not in headers and b"<head>" in content:
                content = content.replace(b"<head>", b"<head>" + self.script, 1)
                kept = [(k, v) for k, v in start_message["headers"] if k.lower() != b"content-length"]
                start_message = {
                    **start_message,
                    "headers": [*kept, (b"content-length", str(len(content)).encode())],
                }
            await send(start_message)
            await send({"type": "http.response.body", "body": content})

        return await self.app(scope, receive, capture)


def launch_kwargs() -> dict:
    """Keyword arguments for `demo.launch` that add the middleware to Gradio's FastAPI app."""
    from starlette.middleware import Middleware

    return {"app_kwargs": {"middleware": [Middleware(LanguageFirst)]}}
