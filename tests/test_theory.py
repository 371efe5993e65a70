"""The Theory and Lesson tabs: they build, every formula is there, and "Show me" / Next / Back switch views."""

import inspect
import json

import gradio as gr
import pytest

from ui import lesson, theory


@pytest.fixture(scope="module")
def built():
    """Theory and Lesson beside stand-in tabs with the app's ids (no models loaded)."""
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            for tab_id in theory.TAB_TARGETS:
                with gr.Tab(tab_id, id=tab_id):
                    gr.Markdown(tab_id)
            theory.build_tab(tabs)
            lesson.build_lesson(tabs)
    return demo, tabs


def _handlers_writing_to(demo: gr.Blocks, block) -> list:
    return [f for f in demo.fns.values() if [o._id for o in f.outputs] == [block._id]]


def test_tabs_build_with_their_ids(built):
    demo, _ = built
    ids = {b.id for b in demo.blocks.values() if isinstance(b, gr.Tab)}
    assert {"theory", "lesson"} <= ids


def test_every_formula_is_a_display_math_markdown(built):
    demo, _ = built
    markdowns = {
        b.value: b.latex_delimiters
        for b in demo.blocks.values()
        if isinstance(b, gr.Markdown) and isinstance(b.value, str)
    }
    for name, latex in theory.FORMULAS.items():
        assert f"$${latex}$$" in markdowns, name
        assert {"left": "$$", "right": "$$", "display": True} in markdowns[f"$${latex}$$"]
        assert "$" not in latex and latex.count("{") == latex.count("}"), name
    config = json.dumps(demo.get_config_file(), default=str)
    assert all(json.dumps(f"$${latex}$$")[1:-1] in config for latex in theory.FORMULAS.values())


def test_formulas_hold_the_papers_terms():
    f = theory.FORMULAS
    assert r"\log D(x)" in f["minimax"] and r"\log\big(1 - D(G(z))\big)" in f["minimax"]
    assert r"\min_G \max_D" in f["minimax"]
    assert r"-\,\mathbb{E}_{z \sim p_z}\big[\log D(G(z))\big]" in f["non_saturating"]
    assert r"\max(0,\, 1 - D(x, y))" in f["hinge"] and r"\max(0,\, 1 + D(G(z, y), y))" in f["hinge"]
    assert r"\mathcal{L}_G &= -\,\mathbb{E}" in f["hinge"]
    assert r"\lVert \nabla_{\hat x} D(\hat x) \rVert_2 - 1)^2" in f["wgan_gp"]
    assert r"\lVert f \rVert_L \le 1" in f["wgan"]
    assert r"(D(x) - 1)^2" in f["lsgan"] and r"D(G(z))^2" in f["lsgan"]
    # PyTorch's nn.LSTM: gates i, f, g, o (this order), sigmoid except tanh for g; then c_t and h_t
    lstm = f["lstm"]
    rows = [lstm.index(f"{gate}_t &=") for gate in "ifgoch"]
    assert rows == sorted(rows)
    for gate, act in zip("ifgo", [r"\sigma", r"\sigma", r"\tanh", r"\sigma"], strict=True):
        assert (
            f"{gate}_t &= {act}(W_{{i{gate}}} x_t + b_{{i{gate}}} + W_{{h{gate}}} h_{{t-1}} + b_{{h{gate}}})"
            in lstm
        )
    assert r"c_t &= f_t \odot c_{t-1} + i_t \odot g_t" in lstm and r"h_t &= o_t \odot \tanh(c_t)" in lstm


def test_show_me_buttons_switch_to_every_target(built):
    demo, tabs = built
    handlers = _handlers_writing_to(demo, tabs)
    assert len(handlers) >= len(theory.TAB_TARGETS)
    selected = set()
    for handler in handlers:
        assert handler.inputs == [] and handler.api_visibility == "private"
        update = handler.fn()
        assert isinstance(update, gr.Tabs)
        selected.add(update.selected)
    assert selected == set(theory.TAB_TARGETS)


def test_select_tab_refuses_an_unknown_tab():
    with pytest.raises(gr.Error, match="Unknown tab 'nope'"):
        theory.select_tab("nope")


def test_the_app_has_every_target_tab():
    import app

    ids = {b.id for b in app.demo.blocks.values() if isinstance(b, gr.Tab)}
    assert set(theory.TAB_TARGETS) | {"theory", "lesson"} <= ids


def test_lesson_steps_and_navigation(built):
    demo, _ = built
    walkthroughs = [b for b in demo.blocks.values() if isinstance(b, gr.Walkthrough)]
    assert len(walkthroughs) == 1
    steps = [b for b in demo.blocks.values() if isinstance(b, gr.Step)]
    assert sorted(s.id for s in steps) == list(range(1, len(lesson.STEPS) + 1)) and len(steps) == 10
    reveals = [b for b in demo.blocks.values() if isinstance(b, gr.Accordion) and not b.open]
    assert len(reveals) == len(steps)
    handlers = _handlers_writing_to(demo, walkthroughs[0])
    buttons = [h for h in handlers if not inspect.signature(h.fn).parameters]  # Back / Next
    assert len(handlers) == len(buttons) + 1  # and the "Go to step" picker
    assert lesson.go_to_step(7).selected == 7
    targets = sorted(h.fn().selected for h in buttons)
    assert targets == sorted([*range(1, 10), *range(2, 11)])  # Back on steps 2-10, Next on steps 1-9
    with pytest.raises(gr.Error, match="from 1 to 10, got 11"):
        lesson.go_to_step(11)
