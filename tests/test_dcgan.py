"""The conditional DCGAN: shapes, round trip, seeds, latent directions, interpolation."""

import pytest
import torch

from models.dcgan import ConditionalGAN, GANConfig, compute_latent_directions
from models.latent import slerp

SMALL = GANConfig(generator_width=8, discriminator_width=8, latent_dim=16, num_directions=4)


@pytest.fixture(scope="module")
def gan() -> ConditionalGAN:
    torch.manual_seed(0)
    return ConditionalGAN(SMALL).eval()


def test_shapes_and_ranges(gan):
    images = gan.sample(torch.arange(10), torch.Generator().manual_seed(0))
    assert images.shape == (10, 1, 28, 28)
    assert images.min() >= -1 and images.max() <= 1
    realness = gan.realness(images, torch.arange(10))
    assert realness.shape == (10,) and ((realness > 0) & (realness < 1)).all()


def test_save_load_round_trip_is_identical(gan, tmp_path):
    gan.save_pretrained(tmp_path)
    loaded = ConditionalGAN.from_pretrained(tmp_path, strict=True)
    assert loaded.config == SMALL
    z, labels = torch.randn(4, 16), torch.tensor([1, 2, 3, 4])
    assert torch.equal(gan.generate(z, labels), loaded.generate(z, labels))
    assert torch.equal(
        gan.realness(gan.generate(z, labels), labels), loaded.realness(loaded.generate(z, labels), labels)
    )


def test_same_seed_same_image_and_other_seed_differs(gan):
    z1, z2, z3 = (gan.compose_latent(s).unsqueeze(0) for s in (7, 7, 8))
    label = torch.tensor([3])
    assert torch.equal(gan.generate(z1, label), gan.generate(z2, label))
    assert not torch.equal(gan.generate(z1, label), gan.generate(z3, label))


def test_truncation_zero_gives_the_mean_latent(gan):
    assert torch.equal(gan.compose_latent(123, truncation=0.0), torch.zeros(16))


def test_direction_and_raw_shifts_move_the_latent(gan):
    gan.latent_directions.copy_(torch.eye(4, 16))
    z = gan.compose_latent(5, 1.0, [0.5, 0, 0, 0], {3: -1.0})
    base = gan.compose_latent(5)
    assert torch.allclose(z - base, torch.tensor([0.5, 0, 0, -1.0] + [0] * 12))


def test_latent_directions_are_unit_and_ordered(gan):
    directions, variance = compute_latent_directions(gan.generator, 4, num_samples=512)
    assert directions.shape == (4, 16)
    assert torch.allclose(directions.norm(dim=1), torch.ones(4), atol=1e-5)
    assert (variance[:-1] >= variance[1:]).all() and variance.sum() <= 1


def test_interpolation_ends_match_the_endpoints(gan):
    z_a, z_b = gan.compose_latent(1), gan.compose_latent(2)
    frames, realness = gan.interpolate(z_a, z_b, 3, 8, steps=5)
    assert frames.shape == (5, 1, 28, 28) and realness.shape == (5,)
    assert torch.allclose(frames[0], gan.generate(z_a[None], torch.tensor([3]))[0], atol=1e-5)
    assert torch.allclose(frames[-1], gan.generate(z_b[None], torch.tensor([8]))[0], atol=1e-5)


def test_slerp_endpoints():
    a, b = torch.randn(16), torch.randn(16)
    path = slerp(a, b, torch.tensor([[0.0], [1.0]]))
    assert torch.allclose(path[0], a, atol=1e-5) and torch.allclose(path[1], b, atol=1e-5)


@pytest.mark.parametrize(
    "values",
    [{"latent_dim": 0}, {"image_size": 64}, {"num_directions": 99}, {"latent_dim": 4, "num_directions": 8}],
)
def test_config_rejects_bad_values(values):
    with pytest.raises(ValueError, match="config.json"):
        GANConfig.from_dict(values)
