"""Accessibility: alt text for the generated images (a page-load script) and CSS for phone-width screens."""

from __future__ import annotations

import json

# A generated image (elem_id) → the Markdown that describes it (elem_id): its caption or status line.
DESCRIBED_IMAGES: dict[str, str] = {
    "gan-image": "gan-caption",  # "Digit 7, seed 42, ψ = 1. The discriminator gives it 83% real."
    "gan-strip": "gan-strip-caption",
    "gan-grid": "gan-grid-caption",
    "lstm-heatmap": "lstm-heatmap-caption",
    "gan2d-image": "gan2d-status",
}

# Gradio 6.31's gr.Image takes a fixed `alt_text`, and a handler can change it only by returning a
# gr.Image update, which would change what the API returns. So the browser keeps each <img>'s alt
# equal to "<the image's label>: <its caption>", the label in the page's language, the caption as the
# handler wrote it, and follows every new image or caption.
_ALT_TEXT_JS = """() => {
    const pairs = %s;
    const text = (element) => (element?.innerText || "").replace(/\\s+/g, " ").trim();
    const update = () => {
        for (const [imageId, captionId] of Object.entries(pairs)) {
            const box = document.getElementById(imageId);
            const img = box?.querySelector("img");
            if (!img) continue;
            const label = text(box.querySelector("[data-testid='block-label']"));
            const alt = [label, text(document.getElementById(captionId))].filter(Boolean).join(": ");
            if (img.getAttribute("alt") !== alt) img.setAttribute("alt", alt);
        }
    };
    new MutationObserver(update).observe(document.body, {
        subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["src", "alt"],
    });
    update();
}"""


def alt_text_js() -> str:
    """JS for `demo.load(js=...)`: keeps every described image's alt text in step with its caption."""
    return _ALT_TEXT_JS % json.dumps(DESCRIBED_IMAGES)
