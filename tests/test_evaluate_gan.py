"""GAN evaluation: Fréchet distance, diversity, and evaluate_generator on untrained tiny models."""

import pytest
import torch

from models.dcgan import ConditionalGAN, GANConfig
from models.mnist_classifier import ClassifierConfig, MnistClassifier
from training.evaluate_gan import (
    evaluate_generator,
    frechet_distance,
    pairwise_diversity,
    real_fid_floor,
)

torch.set_num_threads(1)


def test_fid_of_a_set_with_itself_is_zero():
    features = torch.randn(2000, 32, generator=torch.Generator().manual_seed(0))
    assert abs(frechet_distance(features, features)) < 1e-6


def test_fid_grows_with_a_shift_and_a_scale():
    features = torch.randn(2000, 32, generator=torch.Generator().manual_seed(0))
    shifted = features + 0.5
    assert frechet_distance(features, shifted) == pytest.approx(32 * 0.25, rel=1e-6)
    assert frechet_distance(features, features * 2) > 1.0


def test_fid_matches_closed_form_for_diagonal_gaussians():
    # for diagonal covariances FID = Σ (σa − σb)², here 8 · (1 − 3)² with the sample covariances
    a = torch.randn(20000, 8, generator=torch.Generator().manual_seed(1))
    b = 3 * torch.randn(20000, 8, generator=torch.Generator().manual_seed(2))
    assert frechet_distance(a, b) == pytest.approx(8 * 4, rel=0.05)


def test_diversity_of_identical_images_is_zero():
    assert pairwise_diversity(torch.zeros(10, 1, 28, 28).uniform_(-1, 1)[:1].repeat(10, 1, 1, 1)) == 0.0


def test_diversity_of_black_and_white_pair():
    images = torch.stack([torch.full((1, 28, 28), -1.0), torch.full((1, 28, 28), 1.0)])
    assert pairwise_diversity(images) == pytest.approx(28.0)  # √784 · 1 in [0, 1] pixels


def tiny_models() -> tuple[ConditionalGAN, MnistClassifier]:
    torch.manual_seed(0)
    gan = ConditionalGAN(GANConfig(generator_width=8, discriminator_width=8)).eval()
    classifier = MnistClassifier(ClassifierConfig(width=4, feature_dim=16)).eval()
    return gan, classifier


def fake_real_set(n: int = 300) -> tuple[torch.Tensor, torch.Tensor]:
    rng = torch.Generator().manual_seed(3)
    return torch.rand(n, 1, 28, 28, generator=rng) * 2 - 1, torch.arange(n) % 10


def test_evaluate_generator_on_an_untrained_gan():
    gan, classifier = tiny_models()
    images, labels = fake_real_set()
    result = evaluate_generator(
        lambda lab, rng: gan.sample(lab, rng), classifier, images, labels, num_samples=200, batch_size=64
    )
    assert result["num_samples"] == 200
    assert 0.0 <= result["class_accuracy"] <= 1.0
    assert len(result["per_digit_accuracy"]) == 10
    assert all(0.0 <= a <= 1.0 for a in result["per_digit_accuracy"])
    assert result["fid"] >= 0.0
    assert len(result["per_digit_diversity"]) == len(result["per_digit_diversity_real"]) == 10
    assert 0.0 <= result["diversity"] <= 28.0
    assert result["diversity_real"] > result["diversity"]  # uniform noise vs an untrained generator


def test_evaluate_generator_is_deterministic_and_rejects_uneven_counts():
    gan, classifier = tiny_models()
    images, labels = fake_real_set()
    run = lambda: evaluate_generator(  # noqa: E731
        lambda lab, rng: gan.sample(lab, rng), classifier, images, labels, num_samples=100, seed=5
    )
    assert run() == run()
    with pytest.raises(ValueError, match="multiple of 10"):
        evaluate_generator(lambda lab, rng: gan.sample(lab, rng), classifier, images, labels, num_samples=105)


def test_real_fid_floor_of_identical_sets_is_zero():
    _, classifier = tiny_models()
    images, _ = fake_real_set()
    assert abs(real_fid_floor(classifier, images, images)) < 1e-6
    assert real_fid_floor(classifier, images, images.flip(-1) * 0.5) > 0


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_evaluate_generator_on_cuda():
    gan, classifier = tiny_models()
    gan, classifier = gan.cuda(), classifier.cuda()
    images, labels = fake_real_set()
    result = evaluate_generator(
        lambda lab, rng: gan.sample(lab, rng).cuda(), classifier, images, labels, num_samples=100
    )
    assert 0.0 <= result["class_accuracy"] <= 1.0 and result["fid"] >= 0.0
