""" "Watch it learn" handlers in-process, and the /train_gan_2d and /train_char_lstm endpoints through the API."""

import math
import os

import gradio as gr
import pytest
import torch

from ui import live_char_lstm, live_training
from ui.live_texts import TEXTS

# target, points, loss, lr G, lr D, D steps, noise dim, width, depth, batch, grad clip, seed
GAN = ["ring", "", "non-saturating", 1e-3, 1e-3, 1, 2, 32, 2, 64, 0.0, 0]


def last(generator):
    *_, final = generator
    return final


def with_(**changes) -> list:
    names = ["target", "points", *live_training.CONTROL_NAMES[1:]]
    return [changes.get(name, value) for name, value in zip(names, GAN, strict=True)]


def test_train_streams_and_continues_the_same_run():
    picture, losses, divergence, status, metrics, run = last(live_training.train_gan_2d(*GAN, 60, None))
    assert os.path.getsize(picture) > 1000 and picture.endswith(".png")
    assert metrics["step"] == 60 and metrics["state"] == "paused" and math.isfinite(metrics["mmd2"])
    assert set(losses["network"]) == {"D", "G"} and list(divergence["step"]) == [0, 50, 60]
    assert status.startswith("**Step 60** (paused)") and "modes covered" in status
    _, _, _, status, metrics, same = last(live_training.step_gan_2d(*GAN, 60, run))
    assert same is run and metrics["step"] == 60 + live_training.STEP_COUNT
    _, _, _, status, metrics, other = last(live_training.train_gan_2d(*with_(seed=1), 20, run))
    assert other is not run and metrics["step"] == 20 and "Settings changed" in status


def test_same_inputs_and_seed_give_the_same_run():
    first = last(live_training.train_gan_2d(*GAN, 30, None))[4]
    second = last(live_training.train_gan_2d(*GAN, 30, None))[4]
    assert {k: v for k, v in first.items() if k != "steps_per_second"} == {
        k: v for k, v in second.items() if k != "steps_per_second"
    }


def test_reset_shows_the_untrained_networks():
    picture, losses, divergence, status, metrics, run = live_training.reset_gan_2d(*GAN, None)
    assert metrics["step"] == 0 and losses is None and len(divergence) == 1 and os.path.exists(picture)
    assert "Press Start" in status


def test_your_points_target():
    points = "0, 0\n1.5, -1\n\n-2 2"
    *_, metrics, run = last(live_training.train_gan_2d(*with_(target="custom", points=points), 10, None))
    assert run.config.points == ((0.0, 0.0), (1.5, -1.0), (-2.0, 2.0)) and metrics["modes_covered"] is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lr_generator": 5.0}, "G learning rate must be a number from 1e-06 to 1, got 5.0"),
        ({"lr_discriminator": float("nan")}, "D learning rate must be a number from 1e-06 to 1, got nan"),
        ({"hidden_size": 100_000}, "Width must be from 4 to 256, got 100000"),
        ({"batch_size": 2.5}, "Batch size must be a whole number from 8 to 1024"),
        ({"loss": "hinge"}, "Loss must be one of minimax"),
        ({"target": "circle"}, "Target must be one of ring"),
        ({"target": "custom", "points": ""}, "give 1 to 1000 points"),
        ({"target": "custom", "points": "0, 0\n1, two"}, "line 2: expected 'x, y'"),
        ({"target": "custom", "points": "9, 0"}, "line 1: x and y must be from -3 to 3"),
    ],
)
def test_bad_gan_inputs_name_the_value_and_range(changes, message):
    with pytest.raises(gr.Error, match=message.replace("(", r"\(").replace(")", r"\)")):
        last(live_training.train_gan_2d(*with_(**changes), 10, None))


def test_steps_per_run_are_bounded():
    with pytest.raises(gr.Error, match="Steps per run must be from 1 to 20000, got 10000000"):
        last(live_training.train_gan_2d(*GAN, 10**7, None))


@pytest.mark.filterwarnings("ignore:⚠️ Training stopped")
def test_nan_during_training_stops_with_a_notice_and_a_picture():
    run = last(live_training.train_gan_2d(*GAN, 10, None))[-1]
    with torch.no_grad():
        run.generator.net[0].weight.fill_(float("nan"))
    picture, _, _, status, metrics, same = last(live_training.train_gan_2d(*GAN, 10, run))
    assert "Training stopped" in status and "became nan at step 11" in status
    assert metrics["state"] == "diverged" and os.path.getsize(picture) > 1000
    with pytest.raises(gr.Error, match="This run stopped because"):
        last(live_training.train_gan_2d(*GAN, 10, same))
    assert last(live_training.train_gan_2d(*with_(seed=5), 10, same))[4]["step"] == 10  # a new setting: fresh


def test_presets_set_every_control():
    for name in live_training.PRESETS:
        values = live_training.apply_preset(name)
        assert len(values) == len(live_training.CONTROL_NAMES)
    collapse = dict(
        zip(live_training.CONTROL_NAMES, live_training.apply_preset(list(live_training.PRESETS)[1]))
    )
    assert collapse["loss"] == "minimax" and collapse["lr_generator"] == 10 * collapse["lr_discriminator"]
    with pytest.raises(gr.Error, match="Unknown preset"):
        live_training.apply_preset("nope")


def test_char_lstm_streams_samples_and_cuts_huge_text():
    outputs = list(live_char_lstm.train_char_lstm("hello there " * 3000, 3e-3, 1, 0.8, 0))
    curve, samples, status = outputs[-1]
    assert "(done)" in status and "only the first 20,000 are used" in status and "36,000 characters" in status
    assert "— step 0 (untrained):" in samples and "(final)" in samples and len(curve) > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("short", 3e-3, 1, 0.8, 0), "at least 20 characters, got 5"),
        ((TEXTS[next(iter(TEXTS))], 50.0, 1, 0.8, 0), "Learning rate must be a number from 1e-05 to 0.1"),
        ((TEXTS[next(iter(TEXTS))], 3e-3, 600, 0.8, 0), "Seconds must be a number from 1 to 30"),
        ((TEXTS[next(iter(TEXTS))], 3e-3, 1, 0.0, 0), "Temperature must be a number from 0.1 to 2"),
    ],
)
def test_bad_lstm_inputs(args, message):
    with pytest.raises(gr.Error, match=message):
        last(live_char_lstm.train_char_lstm(*args))


@pytest.mark.filterwarnings("ignore:⚠️ Training stopped")
def test_char_lstm_nan_is_reported(monkeypatch):
    def broken(self):
        raise live_char_lstm.TrainingDiverged("the loss became nan at step 1")

    monkeypatch.setattr(live_char_lstm.TinyLSTMTrainer, "train_step", broken)
    curve, samples, status = last(live_char_lstm.train_char_lstm(TEXTS[next(iter(TEXTS))], 3e-3, 2, 0.8, 0))
    assert "Training stopped: the loss became nan at step 1" in status and "step 0" in samples


def test_gan_endpoint_streams_through_the_api(client):
    job = client.submit(*GAN, 200, api_name="/train_gan_2d")
    updates = list(job)
    picture, losses, divergence, status, metrics = job.result()
    assert len(updates) >= 1 and os.path.getsize(picture) > 1000
    assert metrics["step"] == 200 and metrics["mmd2"] < metrics["mmd2_at_start"]
    assert status.startswith("**Step 200**")


def test_gan_endpoint_reports_bad_input(client):
    with pytest.raises(Exception, match="G learning rate must be a number from 1e-06 to 1"):
        client.predict(*with_(lr_generator=100), 10, api_name="/train_gan_2d")


def test_char_lstm_endpoint_through_the_api(client):
    curve, samples, status = client.predict(
        TEXTS[next(iter(TEXTS))], 3e-3, 2, 0.8, 0, api_name="/train_char_lstm"
    )
    assert "(done)" in status and samples.count("— step") >= 2


def test_endpoints_are_listed(client):
    endpoints = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert {"/train_gan_2d", "/train_char_lstm", "/reset_gan_2d"} <= set(endpoints)
