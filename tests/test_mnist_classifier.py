"""MNIST classifier: shapes, save → load round trip, augmentation, and the training script's dry run."""

import subprocess
import sys
from pathlib import Path

import pytest
import torch

from models.mnist_classifier import ClassifierConfig, MnistClassifier
from training.train_mnist_classifier import random_shift

ROOT = Path(__file__).resolve().parents[1]
torch.set_num_threads(1)


def tiny_classifier() -> MnistClassifier:
    torch.manual_seed(0)
    return MnistClassifier(ClassifierConfig(width=4, feature_dim=16)).eval()


def test_shapes():
    model = tiny_classifier()
    images = torch.rand(3, 1, 28, 28) * 2 - 1
    assert model(images).shape == (3, 10)
    assert model.features(images).shape == (3, 16)
    assert model.predict(images).shape == (3,)


def test_save_load_round_trip(tmp_path):
    model = tiny_classifier()
    with torch.no_grad():  # non-trivial BatchNorm statistics, so the buffers must travel too
        model.body[1].running_mean.uniform_(-1, 1)
    model.save_pretrained(tmp_path)
    loaded = MnistClassifier.from_pretrained(tmp_path, strict=True).eval()
    assert loaded.config == model.config
    images = torch.rand(5, 1, 28, 28) * 2 - 1
    with torch.no_grad():
        assert torch.equal(model(images), loaded(images))


def test_config_rejects_unknown_keys():
    with pytest.raises(ValueError, match="does not use"):
        ClassifierConfig.from_dict({"width": 8, "depth": 3})


def test_random_shift_moves_pixels_within_range():
    images = torch.full((64, 1, 28, 28), -1.0)
    images[:, 0, 14, 14] = 1.0
    shifted = random_shift(images, 2, torch.Generator().manual_seed(0))
    assert shifted.shape == images.shape
    rows, cols = (shifted[:, 0] == 1.0).nonzero()[:, 1:].T
    assert len(rows) == 64  # the bright pixel survives in every image
    assert (rows - 14).abs().max() <= 2 and (cols - 14).abs().max() <= 2
    assert len(set(zip(rows.tolist(), cols.tolist(), strict=True))) > 5
    assert torch.equal(random_shift(images, 0, torch.Generator()), images)


def test_training_dry_run(tmp_path, tiny_data_dir):
    out = tmp_path / "clf"
    script = ["-m", "training.train_mnist_classifier", "--dry-run", "--data-dir", str(tiny_data_dir)]
    result = subprocess.run(
        [sys.executable, *script, "--threads", "1", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for name in ("config.json", "model.safetensors", "eval.json", "README.md"):
        assert (out / name).exists(), name
    card = (out / "README.md").read_text()
    assert card.startswith("---\nlicense: mit\nlibrary_name: pytorch\ndatasets:\n- mnist\n")
    MnistClassifier.from_pretrained(out, strict=True)
