"""The app module: builds without launching, wires the documented endpoints, validates input."""

import gradio as gr
import pytest
from PIL import Image

import app
from ui import gan
from ui.validation import as_float, as_int


def test_import_builds_the_blocks_without_launching():
    assert isinstance(app.demo, gr.Blocks)
    names = {d.get("api_name") for d in app.demo.config["dependencies"]}
    assert {"gan_generate", "gan_interpolate", "gan_grid", "gan_load_model", "ping"} <= names


def test_handlers_in_process():
    image_path, verdict, caption = gan.gan_generate("", 4, 7, 0.8, 1.0, 0, 0, 0, 0, 0, 0, -1.0)
    assert Image.open(image_path).size == (336, 336) and set(verdict) == {"real", "fake"}
    assert abs(sum(verdict.values()) - 1) < 1e-6 and caption.startswith("Digit **4**, seed **7**")
    strip_path, gif_path, _ = gan.gan_interpolate("", 1, 1, 7, 2, 4, 1.0)
    strip = Image.open(strip_path)
    assert strip.width > strip.height and gif_path.endswith(".gif")
    grid, caption = gan.gan_grid("", "5", 3, 1.0, 2)
    assert caption.startswith("4 samples")


def test_batched_generation_matches_single_requests():
    """The slider endpoint's batch form: one pass for many requests, same pictures, bad rows isolated."""
    rows = [("", 4, 7, 0.8, 1.0, 0, 0, 0, 0, 0, 0, -1.0), ("", 9, 123, 1.0, *[0.0] * 8)]
    bad = ("", 4, "seven", 0.8, *[0.0] * 8)
    images, verdicts, captions = gan.gan_generate_batch(*map(list, zip(*rows, bad, strict=True)))
    for k, row in enumerate(rows):
        single_path, single_verdict, single_caption = gan.gan_generate(*row)
        assert Image.open(images[k]).tobytes() == Image.open(single_path).tobytes()
        assert verdicts[k] == pytest.approx(single_verdict, abs=1e-5) and captions[k] == single_caption
    assert images[2] is None and verdicts[2] is None and "Seed must be a whole number" in captions[2]
    with pytest.raises(gr.Error, match="Seed must be a whole number"):  # alone, a bad request is an error
        gan.gan_generate_batch(*[[value] for value in bad])


@pytest.mark.parametrize(
    "value, message",
    [
        (None, "whole number"),
        (True, "whole number"),
        ("x", "whole number"),
        (float("nan"), "whole number"),
        (2.5, "whole number"),
        (11, "from 0 to 10"),
        ([1], "whole number"),
    ],
)
def test_as_int_rejects(value, message):
    with pytest.raises(gr.Error, match=message):
        as_int(value, "Seed", 0, 10)


def test_as_int_and_as_float_accept_numbers_and_numeric_text():
    assert as_int("7", "Seed", 0, 10) == 7 and as_int(7.0, "Seed", 0, 10) == 7
    assert as_float("0.5", "ψ", 0, 1) == 0.5
    for bad in (float("inf"), float("-inf"), float("nan"), 1.5, "big"):
        with pytest.raises(gr.Error, match="ψ must be a number from 0 to 1"):
            as_float(bad, "ψ", 0, 1)


def test_provenance_panel_lists_every_model():
    from ui import about

    text = about.models_provenance()
    for name in about.SHOWN:
        assert f"**{name}**: bundled folder `weights/{name}`" in text


def test_queue_does_not_rebuild_its_analytics_summary_after_every_event():
    """Gradio's default rebuilds a pandas summary of up to 10,000 events after each one (bench/load_bench.py)."""
    queue = app.demo._queue
    assert queue.ANAYLTICS_CACHE_FREQUENCY >= 1000  # (sic: Gradio's spelling)
    records = [{"function": "gan_generate", "status": "success", "process_time": 0.01, "time": 0.0}] * 50
    queue.events_recorded, queue.event_count_at_last_cache = 1, 0
    before = queue.cached_event_analytics_summary
    queue.compute_analytics_summary(records)
    assert queue.cached_event_analytics_summary is before  # not recomputed one event later
