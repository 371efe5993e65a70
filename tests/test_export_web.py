"""tools/export_gan_web.py: the shipped browser graph reproduces from the bundled weights and matches PyTorch."""

import json

import brotli
import numpy as np
import pytest
import torch

from tools import export_gan_web


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("web-gan")
    export_gan_web.main(["--out-dir", str(out)])
    return out


def test_rerunning_reproduces_the_shipped_files(exported):
    for name in ("generator.onnx.br", "discriminator.onnx.br", "explore.json"):
        assert (exported / name).read_bytes() == (export_gan_web.OUT_DIR / name).read_bytes(), name


def test_graph_matches_the_pytorch_gan(exported):
    from onnx.reference import ReferenceEvaluator

    gan = export_gan_web.load_bundled()
    z = torch.randn(3, gan.config.latent_dim, generator=torch.Generator().manual_seed(3)) * 1.5
    labels = torch.tensor([0, 7, 9])
    images, realness = gan.generate(z, labels), gan.realness(gan.generate(z, labels), labels)
    generator, discriminator = (
        ReferenceEvaluator(brotli.decompress((exported / f"{name}.onnx.br").read_bytes()))
        for name in ("generator", "discriminator")
    )
    onehot = torch.eye(gan.config.num_classes)[labels].numpy()
    (graph_images,) = generator.run(None, {"z": z.numpy(), "onehot": onehot})
    (graph_realness,) = discriminator.run(None, {"image": graph_images, "onehot": onehot})

    def pixels(x):
        return ((np.clip(x, -1, 1) + 1) * 127.5).round()

    assert graph_images.shape == (3, 1, 28, 28)
    assert np.abs(pixels(graph_images) - pixels(images.numpy())).max() <= 2  # fp16 weights: within 2/255
    assert np.abs(graph_realness - realness.numpy()).max() < 0.01


def test_page_config_carries_the_directions_and_ranges(exported):
    gan = export_gan_web.load_bundled()
    config = json.loads((exported / "explore.json").read_text())
    assert config["latent_dim"] == gan.config.latent_dim
    assert torch.equal(torch.tensor(config["latent_directions"]), gan.latent_directions)
    assert config["display_scale"] * config["image_size"] == 336
    assert len(config["direction_labels"]) == config["num_direction_sliders"]
