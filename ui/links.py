"""The "link to this" button's JS: a tab's inputs → the page's own URL with them as query parameters.

Built in the browser, which knows the page's public address (proxies included); ui/permalink.py
reads the parameters back when such a link is opened.
"""

from __future__ import annotations


def link_js(tab: str, names: list[str]) -> str:
    """A JS function of the tab's input values (in `names` order) returning the permalink."""
    keys = ", ".join(f"'{n}'" for n in names)
    return f"""(...values) => {{
        const url = new URL(window.location.href.split('?')[0].split('#')[0]);
        url.searchParams.set('tab', '{tab}');
        [{keys}].forEach((name, i) => {{
            const v = values[i];
            if (v !== null && v !== undefined && !(name === 'model' && v === '')) url.searchParams.set(name, v);
        }});
        return url.toString();
    }}"""


GAN_PARAMS = ["model", "digit", "seed", "psi", "pc1", "pc2", "pc3", "pc4", "pc5", "z0", "z1", "z2"]
LSTM_PARAMS = ["prompt", "n", "temp", "k", "p", "seed"]
