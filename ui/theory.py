"""Theory tab: GAN vs LSTM side by side, their losses and gate equations, each linked to the tab that shows it."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.i18n import I18N
from ui.validation import InputError

# Display LaTeX, checked against the papers and the torch.nn.LSTM docs. Kept out of ui/i18n.py: the same in
# every language. \lVert \rVert rather than \| (which Markdown could read as an escaped pipe).
FORMULAS: dict[str, str] = {
    # Goodfellow et al. 2014, eq. 1
    "minimax": r"\min_G \max_D V(D, G) = \mathbb{E}_{x \sim p_{\text{data}}}\big[\log D(x)\big]"
    r" + \mathbb{E}_{z \sim p_z}\big[\log\big(1 - D(G(z))\big)\big]",
    # the same paper, section 3: G maximises log D(G(z)) instead
    "non_saturating": r"\mathcal{L}_G = -\,\mathbb{E}_{z \sim p_z}\big[\log D(G(z))\big]",
    # Lim & Ye 2017; Miyato et al. 2018; conditional on the label y as in training/train_dcgan.py
    "hinge": r"\begin{aligned}"
    r"\mathcal{L}_D &= \mathbb{E}_{(x, y) \sim p_{\text{data}}}\big[\max(0,\, 1 - D(x, y))\big]"
    r" + \mathbb{E}_{z \sim p_z,\, y}\big[\max(0,\, 1 + D(G(z, y), y))\big] \\"
    r" \mathcal{L}_G &= -\,\mathbb{E}_{z \sim p_z,\, y}\big[D(G(z, y), y)\big]"
    r"\end{aligned}",
    # Arjovsky et al. 2017: the critic f ranges over 1-Lipschitz functions
    "wgan": r"\min_G \max_{\lVert f \rVert_L \le 1} \; \mathbb{E}_{x \sim p_{\text{data}}}\big[f(x)\big]"
    r" - \mathbb{E}_{z \sim p_z}\big[f(G(z))\big]",
    # Gulrajani et al. 2017, Algorithm 1 (lambda = 10)
    "wgan_gp": r"\mathcal{L}_D = \mathbb{E}_{z}\big[D(G(z))\big] - \mathbb{E}_{x}\big[D(x)\big]"
    r" + \lambda\, \mathbb{E}_{\hat x}\big[(\lVert \nabla_{\hat x} D(\hat x) \rVert_2 - 1)^2\big],"
    r" \quad \hat x = \epsilon x + (1 - \epsilon)\, G(z),\; \epsilon \sim U[0, 1]",
    # Mao et al. 2017, eq. 2 with a = 0, b = 1, c = 1
    "lsgan": r"\mathcal{L}_D = \tfrac{1}{2}\mathbb{E}_{x}\big[(D(x) - 1)^2\big] + \tfrac{1}{2}\mathbb{E}_{z}\big[D(G(z))^2\big],"
    r" \qquad \mathcal{L}_G = \tfrac{1}{2}\mathbb{E}_{z}\big[(D(G(z)) - 1)^2\big]",
    # Miyato et al. 2018
    "spectral_norm": r"\bar W_{\text{SN}} = \frac{W}{\sigma(W)}, \qquad"
    r" \sigma(W) = \max_{\lVert v \rVert_2 = 1} \lVert W v \rVert_2",
    # torch.nn.LSTM docs: gates in the order i, f, g, o
    "lstm": r"\begin{aligned}"
    r" i_t &= \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \\"
    r" f_t &= \sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf}) \\"
    r" g_t &= \tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) \\"
    r" o_t &= \sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho}) \\"
    r" c_t &= f_t \odot c_{t-1} + i_t \odot g_t \\"
    r" h_t &= o_t \odot \tanh(c_t)"
    r"\end{aligned}",
}

# "Show me" targets: the ids of the app's top-level tabs (app.py) → the key of the button's text.
TAB_TARGETS: dict[str, str] = {
    "gan": "theory.go.gan",
    "lstm-text": "theory.go.lstm_text",
    "lstm-classify": "theory.go.lstm_classify",
    "live-training": "theory.go.live_training",
    "rcgan": "theory.go.rcgan",
}
DISPLAY_MATH = [{"left": "$$", "right": "$$", "display": True}]


@dataclass(frozen=True)
class Destination:
    """Where a "Show me" button leads: a top-level tab, optionally one of its sub-tabs, and control values
    to preselect there (a preset, a gate)."""

    tab_id: str
    subtabs: gr.Tabs | None = None
    subtab_id: str | None = None
    values: tuple[tuple[gr.components.Component, object], ...] = ()
    label_key: str | None = None  # the button's text (default: the tab's "Show me" text)

    @property
    def outputs(self) -> list:
        return ([self.subtabs] if self.subtabs is not None else []) + [control for control, _ in self.values]

    def updates(self):
        """The updates for [the top-level tabs, *self.outputs] (a single one when that is all)."""
        sub = [gr.Tabs(selected=self.subtab_id)] if self.subtabs is not None else []
        updates = [select_tab(self.tab_id), *sub, *[value for _, value in self.values]]
        return updates if len(updates) > 1 else updates[0]


# after the switch, the page scrolls to the top of the tabs: a student lands at the start of the view
SCROLL_TO_TABS_JS = "() => { document.getElementById('app-tabs')?.scrollIntoView({block: 'start'}); }"


def select_tab(tab_id: str) -> gr.Tabs:
    """The update that selects the top-level tab `tab_id`."""
    if tab_id not in TAB_TARGETS:
        raise InputError(f"Unknown tab {tab_id!r}; expected one of {sorted(TAB_TARGETS)}.")
    return gr.Tabs(selected=tab_id)


def show_me_button(tabs: gr.Tabs, target: str | Destination) -> gr.Button:
    """A small button that switches `tabs` to a tab (id) or a Destination (no API endpoint)."""
    destination = target if isinstance(target, Destination) else Destination(target)
    # wide enough for the longest label on one line (a 390 px phone still fits one per row)
    label = destination.label_key or TAB_TARGETS[destination.tab_id]
    button = gr.Button(I18N(label), size="sm", variant="secondary", scale=0, min_width=260)
    button.click(
        destination.updates, None, [tabs, *destination.outputs], queue=False, api_visibility="private"
    ).then(None, js=SCROLL_TO_TABS_JS, api_visibility="private")
    return button


def _text(key: str) -> gr.Markdown:
    return gr.Markdown(I18N(key))


def _formula(name: str) -> gr.Markdown:
    return gr.Markdown(
        f"$${FORMULAS[name]}$$", latex_delimiters=DISPLAY_MATH, elem_classes=["theory-formula"]
    )


def build_tab(tabs: gr.Tabs, collapsed: Destination | None = None) -> None:
    """The Theory tab; `tabs` is the app's top-level gr.Tabs, which the "Show me" buttons switch;
    `collapsed`: where the image GAN that collapsed is shown (the failure's real-life counterpart)."""
    with gr.Tab(I18N("theory.tab"), id="theory"):
        _text("theory.intro")
        _text("theory.compare")
        with gr.Row():
            show_me_button(tabs, "gan")
            show_me_button(tabs, "lstm-text")
        _text("theory.gan.intro")
        _formula("minimax")
        _text("theory.gan.nonsat")
        _formula("non_saturating")
        _text("theory.gan.hinge")
        _formula("hinge")
        _text("theory.gan.ours")
        show_me_button(tabs, "gan")
        _text("theory.unstable.why")
        if collapsed is not None:
            show_me_button(tabs, collapsed)
        _formula("wgan")
        _text("theory.unstable.gp")
        _formula("wgan_gp")
        _text("theory.unstable.lsgan")
        _formula("lsgan")
        _text("theory.unstable.sn")
        _formula("spectral_norm")
        _text("theory.unstable.more")
        show_me_button(tabs, "live-training")
        _text("theory.lstm.intro")
        _formula("lstm")
        _text("theory.lstm.gates")
        show_me_button(tabs, "lstm-text")
        _text("theory.lstm.classify")
        show_me_button(tabs, "lstm-classify")
        _text("theory.lstm.slow")
        show_me_button(tabs, "live-training")
        _text("theory.sequence_gan")
        show_me_button(tabs, "rcgan")
        gr.Markdown(I18N("theory.references"), elem_classes=["references"])  # titles stay as published
