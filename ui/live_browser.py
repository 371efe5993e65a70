"""The 2-D GAN of "Watch it learn" trained in the student's browser (web/live/, TensorFlow.js).

The tab's Gradio controls stay as they are (labels translated as before); its buttons, presets and the
tab's opening run JavaScript only (`fn=None`), which reads the controls' values and drives
web/live/view.js, so a run sends no request to the server. Where TF.js cannot load (a blocked file,
no WebAssembly and no CPU backend), the same buttons press hidden server buttons wired to
ui/live_training.py's handlers (/train_gan_2d and /reset_gan_2d, unchanged), and one line says so.
"""

from __future__ import annotations

import json

import gradio as gr

from ui.i18n import I18N
from ui.web_assets import asset_url

SERVER_BUTTONS = ("start", "step", "pause", "reset", "first")  # hidden; the server path's triggers
BROWSER_ID, SERVER_VIEW_ID = "gan2d-browser", "gan2d-server-view"
# the page's view replaces the placeholder's text (live.gan.loading) once TF.js has loaded
_TEMPLATE = '<div id="gan2d-live" class="gan2d-live-loading">${value}</div>'
# each hidden server button carries its visible twin's label (the tab's opening: Reset's)
_SERVER_LABELS = {"start": "live.start", "step": "live.step", "pause": "live.pause", "reset": "live.reset",
                  "first": "live.reset"}  # fmt: skip
_CSS = """
#gan2d-live .gan2d-live-status { min-height: 3em; margin-bottom: 6px; }
#gan2d-live .gan2d-live-error { color: #b3261e; font-weight: 600; margin-top: 4px; }
#gan2d-live canvas { max-width: 100%; height: auto; }
#gan2d-live .gan2d-live-charts { display: flex; flex-wrap: wrap; gap: 8px; }
#gan2d-live .gan2d-live-numbers { font-size: 11px; white-space: pre-wrap; word-break: break-all; }
"""


def _view_getter(step_count: int) -> str:
    """JS: an async function resolving to the page's LiveView, or null where TF.js cannot run (then the
    server view shows, with one line saying why). Loads once; every listener awaits the same promise."""
    options = json.dumps({"stepCount": step_count})  # no time limit: the student's own CPU
    return f"""(() => {{
  window.gan2dLive ??= (async () => {{
    const serverView = () => document.getElementById("{SERVER_VIEW_ID}");
    let element = null;
    for (let i = 0; i < 300 && !element; i++) {{  // the tab's HTML may mount after this first call
      element = document.getElementById("gan2d-live");
      if (!element) await new Promise((ok) => setTimeout(ok, 20));
    }}
    try {{
      if (!element) throw new Error("the view's element never appeared");
      const view = await import(new URL("{asset_url("live/view.js")}", document.baseURI).href);
      const live = await view.mount(element, {options});
      if (serverView()) serverView().style.display = "none";
      return live;
    }} catch (error) {{
      console.warn("2-D GAN in the page unavailable:", error);
      if (element) element.textContent = "TensorFlow.js could not start in this browser (" + error.message +
        "): the GAN trains on the server, as before.";
      if (serverView()) serverView().style.display = "";
      return null;
    }}
  }})();
  return window.gan2dLive;
}})"""


def _call(getter: str, method: str, server_button: str | None) -> str:
    """JS listener: the page's view.method(values), else a click on the hidden server button."""
    fallback = f'document.getElementById("gan2d-server-{server_button}")?.click()' if server_button else ""
    return f"""async (...values) => {{
  const live = await {getter}();
  if (live) live.{method}(values); else {{ {fallback}; }}
}}"""


def view_html() -> gr.HTML:
    """The in-page view's place (status line, scene, curves, numbers), the server's view hidden meanwhile."""
    return gr.HTML(
        I18N("live.gan.loading"),
        html_template=_TEMPLATE,
        elem_id=BROWSER_ID,
        css_template=_CSS,
        # TF.js loads when the tab is first opened (tab.select), not for every visitor of the app
        js_on_load=f'if (!window.gan2dLive) document.getElementById("{SERVER_VIEW_ID}")?.style.setProperty("display", "none");',
    )


def server_buttons() -> dict[str, gr.Button]:
    """Hidden buttons carrying the server path's events (and its API names)."""
    return {
        name: gr.Button(I18N(_SERVER_LABELS[name]), visible="hidden", elem_id=f"gan2d-server-{name}")
        for name in SERVER_BUTTONS
    }


def wire(view, tab: gr.Tab, step_count: int, presets: dict[str, list]) -> None:
    """Browser-side listeners on the visible buttons, the preset menu and the tab. `view`: a LiveGanView;
    `presets`: preset name → the values of view.preset_fields."""
    getter = _view_getter(step_count)
    values = [*view.settings, view.controls["max_steps"]]
    private = dict(api_visibility="private", queue=False)
    for button, method, server in [(view.start, "start", "start"), (view.step, "step", "step"),
                                   (view.reset, "reset", "reset")]:  # fmt: skip
        button.click(None, values, None, js=_call(getter, method, server), **private)
    view.pause.click(None, None, None, js=_call(getter, "pause", "pause"), **private)
    table = json.dumps(presets)
    view.controls["preset"].input(
        None, view.controls["preset"], view.preset_fields, js=f"(name) => ({table})[name]", **private
    ).then(None, values, None, js=_call(getter, "reset", "reset"), **private)
    tab.select(None, values, None, js=_call(getter, "showFirstFrame", "first"), **private)
