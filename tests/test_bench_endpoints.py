"""bench/endpoints.py: the model-free endpoints exist only with GANLAB_BENCH=1, and answer like the real ones."""

from PIL import Image

from bench import endpoints


def api_names(demo) -> set[str]:
    return {fn.api_name for fn in demo.fns.values() if fn.api_name}


def test_bench_endpoints_are_added_only_with_ganlab_bench(monkeypatch):
    import app

    monkeypatch.delenv("GANLAB_BENCH", raising=False)
    plain = api_names(app.build_demo())
    monkeypatch.setenv("GANLAB_BENCH", "1")
    bench = api_names(app.build_demo())
    assert {"noop_image", "noop_gan"} <= bench and not {"noop_image", "noop_gan"} & plain
    assert plain <= bench and "gan_generate" in plain


def test_noop_endpoints_give_gan_generate_shaped_outputs():
    image = endpoints.noop_image()
    assert isinstance(image, Image.Image) and image.size == (336, 336)
    pictures, scores, notes = endpoints.noop_image_batch([1, 2, 3])
    assert len(pictures) == len(scores) == len(notes) == 3
    assert scores[0] == {"real": 0.5, "fake": 0.5} and notes[0] == "no model"
