"""The running app through gradio_client: every endpoint, and bad input that must not break it."""

from pathlib import Path

import pytest
from gradio_client.exceptions import AppError
from PIL import Image

MODEL = ""  # empty: the app's default model
NO_SHIFTS = dict(shift_0=0, shift_1=0, shift_2=0, shift_3=0, shift_4=0, shift_5=0, shift_6=0, shift_7=0)


def generate(client, **overrides):
    params = dict(model_id=MODEL, digit=7, seed=42, truncation=1.0) | NO_SHIFTS | overrides
    return client.predict(*params.values(), api_name="/gan_generate")


def test_api_lists_the_documented_endpoints(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    for name in ("/gan_generate", "/gan_interpolate", "/gan_grid", "/gan_load_model"):
        assert name in endpoints


def test_gan_generate(client):
    image_path, verdict, caption = generate(client)
    image = Image.open(image_path)
    assert image.size == (336, 336)
    assert verdict["label"] in ("real", "fake")
    assert "Digit **7**, seed **42**" in caption
    again = Image.open(generate(client)[0])
    assert list(image.get_flattened_data()) == list(again.get_flattened_data())  # same inputs → same digit
    other = Image.open(generate(client, seed=43)[0])
    assert list(image.get_flattened_data()) != list(other.get_flattened_data())


def test_gan_interpolate(client):
    strip, gif, caption = client.predict(MODEL, 3, 1, 8, 2, 6, 1.0, api_name="/gan_interpolate")
    assert Image.open(strip).width > Image.open(strip).height
    animation = Image.open(gif)
    assert animation.format == "GIF" and animation.n_frames == 10  # 6 there, 4 back
    assert caption.startswith("3 (seed 1) → 8 (seed 2)")


def test_gan_grid(client):
    grid, caption = client.predict(MODEL, "all", 0, 1.0, 4, api_name="/gan_grid")
    assert Image.open(grid).size[1] > Image.open(grid).size[0]  # 10 rows of 4
    assert caption.startswith("40 samples")
    single, caption = client.predict(MODEL, "3", 0, 1.0, 3, api_name="/gan_grid")
    assert caption.startswith("9 samples")


def test_load_model_from_the_hub_and_use_it(client, fake_hub):
    model_id, provenance, *_ = client.predict("someone/digits-gan", "", api_name="/gan_load_model")
    assert model_id == "someone/digits-gan"
    commit = fake_hub.repos["someone/digits-gan"][0]
    assert f"commit `{commit[:10]}`" in provenance
    image_path, _, _ = generate(client, model_id="someone/digits-gan")
    assert Image.open(image_path).size == (336, 336)


@pytest.mark.parametrize(
    "overrides, message",
    [
        (dict(seed="NaN"), "Seed"),  # JSON has no NaN literal: clients send text
        (dict(seed=2**40), "Seed must be from 0 to 2147483647"),
        (dict(seed=-1), "Seed"),
        (dict(seed=1.5), "whole number"),
        (dict(truncation="inf"), "Truncation"),
        (dict(truncation="nan"), "Truncation"),
        (dict(truncation=-3), "Truncation"),
        (dict(shift_0=99), "PC1"),
        (dict(shift_7="left"), "z\\[2\\]"),
        (dict(digit=12), "Digit"),
        (dict(digit="seven"), "Digit"),
        (dict(model_id="../../etc/passwd"), "not a Hub repo id"),
        (dict(model_id="nobody/nothing"), "No public model repo"),
    ],
)
def test_bad_input_gets_a_clear_error_and_the_app_keeps_serving(client, overrides, message):
    with pytest.raises(AppError, match=message):
        generate(client, **overrides)
    assert Path(generate(client)[0]).exists()


def test_bad_input_on_the_other_endpoints(client):
    with pytest.raises(AppError, match="Frames"):
        client.predict(MODEL, 3, 1, 8, 2, 1000, 1.0, api_name="/gan_interpolate")
    with pytest.raises(AppError, match="Grid size"):
        client.predict(MODEL, "all", 0, 1.0, -5, api_name="/gan_grid")
    with pytest.raises(AppError, match="Digit"):
        client.predict(MODEL, "eleven", 0, 1.0, 4, api_name="/gan_grid")
    with pytest.raises(AppError, match="Repo id is 10000 characters long"):
        client.predict("x" * 10_000, "", api_name="/gan_load_model")


def test_identical_concurrent_requests_all_succeed(thread_client):
    """A class opening the same default view at once: every download must be complete."""
    from concurrent.futures import ThreadPoolExecutor

    def one(_):
        path, _, _ = generate(thread_client(), seed=4242)
        return Image.open(path).convert("L").tobytes()

    with ThreadPoolExecutor(16) as pool:
        images = list(pool.map(one, range(48)))
    assert len(set(images)) == 1


def test_community_unconditional_generator(client):
    model_id, provenance, *_ = client.predict("huggan/tiny-dcgan", "", api_name="/gan_load_model")
    assert "unconditional" in provenance
    image_path, verdict, caption = generate(client, model_id="huggan/tiny-dcgan")
    image = Image.open(image_path)
    assert image.size == (320, 320) and image.mode == "RGB"
    assert not verdict and "no discriminator" in caption
    grid, caption = client.predict("huggan/tiny-dcgan", "all", 0, 1.0, 3, api_name="/gan_grid")
    assert caption.startswith("30 samples") and "unconditional" in caption
    strip, gif, caption = client.predict("huggan/tiny-dcgan", 3, 1, 8, 2, 4, 1.0, api_name="/gan_interpolate")
    assert Image.open(gif).n_frames == 6 and "no discriminator" in caption
