"""Per-character scores shown as text: colour behind the characters, words intact, the number on hover or tap.

A gr.HighlightedText puts every character in its own box and breaks words; it stays the handlers' output
(and the API's), hidden, and a script in the page redraws its value as plain text in a gr.HTML beside it.
"""

from __future__ import annotations

import json

import gradio as gr

# scale "probability": value in [0, 1], blue deepening with certainty; "signed": [-1, 1], blue–orange
# (the heatmap's colours: readable with colour blindness)
RENDER_JS = """(value) => {
  const scale = %(scale)s;
  const rows = Array.isArray(value) ? value : (value && value.data) || [];
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const spans = rows.map((row) => {
    const token = Array.isArray(row) ? row[0] : row.token;
    const score = Array.isArray(row) ? row[1] : row.class_or_confidence;
    if (score === null || score === undefined || typeof score !== 'number') return esc(token);
    const alpha = scale === 'signed' ? Math.min(1, Math.abs(score)) * 0.75 : Math.max(0, score) * 0.75;
    const rgb = scale === 'signed' && score > 0 ? '230,97,1' : '33,102,172';
    const number = score.toFixed(2);
    const shown = token === '\\n' ? '⏎\\n' : esc(token);
    return `<span class="ch" tabindex="0" data-v="${number}" title="${number}" ` +
      `style="background:rgba(${rgb},${alpha.toFixed(3)})">${shown}</span>`;
  });
  return `<div class="char-text">${spans.join('')}</div>`;
}"""

CSS = """
.char-text { white-space: pre-wrap; word-break: normal; overflow-wrap: anywhere; font-family: ui-monospace,
  SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; line-height: 1.6; font-size: 0.95rem; }
.char-text .ch { position: relative; border-radius: 0; }
.char-text .ch:focus { outline: 2px solid #333; }
.char-text .ch:focus::after { content: attr(data-v); position: absolute; left: 0; top: -1.5em; background: #222;
  color: #fff; padding: 0 4px; font-size: 0.75rem; border-radius: 3px; z-index: 5; white-space: nowrap; }
"""


def readable_text(source: gr.HighlightedText, label, scale: str, elem_id: str) -> gr.HTML:
    """A gr.HTML that shows `source`'s value as text (call in a layout, after `source`)."""
    view = gr.HTML(label=label, show_label=True, elem_id=elem_id, container=True)
    script = RENDER_JS % {"scale": json.dumps(scale)}
    source.change(None, source, view, js=script, api_visibility="private", queue=False)
    return view
