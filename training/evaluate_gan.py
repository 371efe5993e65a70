"""Evaluate a class-conditional digit generator with our MNIST classifier.

Metrics: class accuracy (does the classifier read the requested digit?), FID in the classifier's
penultimate feature space (Heusel et al. 2017, https://arxiv.org/abs/1706.08500; Inception
features do not suit 28×28 digits), and diversity (mean pairwise L2 distance between samples of
one digit, pixels in [0, 1]), each next to its real-data reference.

    python -m training.evaluate_gan --gan weights/dcgan-mnist --classifier weights/mnist-classifier
    python -m training.evaluate_gan --arch rcgan --gan weights/rcgan-mnist --json weights/rcgan-mnist/eval.json

Any generator with `sample(labels, rng)` → (B, 1, 28, 28) in [-1, 1] can be scored: --arch names its class.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

import torch

from models.mnist_classifier import MnistClassifier
from training.data_paths import add_data_dir_argument, repo_relative
from training.mnist_data import load_mnist, to_model_range
from training.run_record import command_line

ARCHITECTURES = ("dcgan", "rcgan")  # models.dcgan.ConditionalGAN, models.rcgan.RecurrentGAN
SampleFn = Callable[[torch.Tensor, torch.Generator], torch.Tensor]  # (labels (B,), rng) → (B, 1, 28, 28)


@torch.inference_mode()
def classifier_outputs(
    classifier: MnistClassifier, images: torch.Tensor, batch_size: int = 500
) -> tuple[torch.Tensor, torch.Tensor]:
    """Images (N, 1, 28, 28) in [-1, 1] → (features (N, F) float64, predicted digits (N,)), on the CPU."""
    classifier.eval()
    device = classifier.device
    features, preds = [], []
    for i in range(0, len(images), batch_size):
        f = classifier.features(images[i : i + batch_size].to(device).float())
        features.append(f.double().cpu())
        preds.append(classifier.head(f).argmax(1).cpu())
    return torch.cat(features), torch.cat(preds)


def gaussian_fit(features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Features (N, F) → mean (F,) and covariance (F, F), in float64."""
    features = features.double()
    mean = features.mean(dim=0)
    centered = features - mean
    return mean, centered.T @ centered / (len(features) - 1)


def _sqrtm_psd(matrix: torch.Tensor) -> torch.Tensor:
    """Square root of a symmetric positive semi-definite matrix via eigh (negative eigenvalues → 0)."""
    values, vectors = torch.linalg.eigh((matrix + matrix.T) / 2)
    return vectors @ torch.diag(values.clamp_min(0).sqrt()) @ vectors.T


def frechet_distance(features_a: torch.Tensor, features_b: torch.Tensor) -> float:
    """|μa − μb|² + Tr(Σa + Σb − 2 (Σa^½ Σb Σa^½)^½) between Gaussian fits of (N, F) and (M, F)."""
    mean_a, cov_a = gaussian_fit(features_a)
    mean_b, cov_b = gaussian_fit(features_b)
    root_a = _sqrtm_psd(cov_a)
    product = root_a @ cov_b @ root_a  # symmetric PSD, same trace-sqrt as (Σa Σb)^½
    product_eigs = torch.linalg.eigvalsh((product + product.T) / 2).clamp_min(0)
    trace_term = cov_a.trace() + cov_b.trace() - 2 * product_eigs.sqrt().sum()
    return float((mean_a - mean_b).square().sum() + trace_term)


def pairwise_diversity(images: torch.Tensor) -> float:
    """Mean L2 distance between distinct pairs of images (N, 1, 28, 28) in [-1, 1], pixels scaled to [0, 1]."""
    n = len(images)
    if n < 2:
        raise ValueError(f"diversity needs at least 2 images, got {n}")
    flat = (images.double().cpu().flatten(1) + 1) / 2  # (N, 784) in [0, 1]
    distances = torch.cdist(flat, flat, compute_mode="donot_use_mm_for_euclid_dist")  # (N, N), 0 diagonal
    return float(distances.sum() / (n * (n - 1)))


def per_digit_diversity(
    images: torch.Tensor, labels: torch.Tensor, per_digit: int, num_classes: int = 10
) -> list:
    """Diversity of the first `per_digit` images of each digit → list of num_classes floats."""
    return [pairwise_diversity(images[labels.cpu() == d][:per_digit]) for d in range(num_classes)]


@torch.inference_mode()
def sample_and_classify(
    sample_fn: SampleFn,
    classifier: MnistClassifier,
    labels: torch.Tensor,
    rng: torch.Generator,
    batch_size: int,
    keep: int,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Sample one image per label, batch by batch → (features (N, F), predicted digits (N,), the images
    of the batches that start before index `keep`, on the CPU)."""
    features, preds, kept = [], [], []
    for i in range(0, len(labels), batch_size):
        batch_labels = labels[i : i + batch_size]
        images = sample_fn(batch_labels, rng)  # (B, 1, 28, 28)
        if images.shape != (len(batch_labels), 1, 28, 28):
            raise ValueError(
                f"sample_fn returned shape {tuple(images.shape)}, expected ({len(batch_labels)}, 1, 28, 28)"
            )
        f, p = classifier_outputs(classifier, images, batch_size)
        features.append(f)
        preds.append(p)
        if i < keep:
            kept.append(images.float().cpu())
    return torch.cat(features), torch.cat(preds), torch.cat(kept)


@torch.inference_mode()
def evaluate_generator(
    sample_fn: SampleFn,
    classifier: MnistClassifier,
    real_test_images: torch.Tensor,
    real_test_labels: torch.Tensor,
    num_samples: int = 10000,
    seed: int = 0,
    batch_size: int = 500,
    diversity_per_digit: int = 200,
) -> dict:
    """Sample num_samples digits (equal count per digit) with sample_fn and score them.

    real_test_images: (N, 1, 28, 28) in [-1, 1]; sample_fn(labels (B,), rng) → (B, 1, 28, 28) in
    [-1, 1] on any device. Returns class_accuracy, per_digit_accuracy, fid, diversity,
    diversity_real, per_digit_diversity, per_digit_diversity_real and num_samples.
    """
    num_classes = classifier.config.num_classes
    if num_samples < 2 * num_classes or num_samples % num_classes:
        raise ValueError(
            f"num_samples={num_samples}: need a multiple of {num_classes}, at least {2 * num_classes}"
        )
    rng = torch.Generator().manual_seed(seed)
    labels = torch.arange(num_samples) % num_classes  # interleaved: every batch holds every digit
    per_digit = min(diversity_per_digit, num_samples // num_classes)
    features, preds, kept = sample_and_classify(
        sample_fn, classifier, labels, rng, batch_size, keep=per_digit * num_classes
    )
    kept_labels = labels[: len(kept)]

    real_features, _ = classifier_outputs(classifier, real_test_images, batch_size)
    correct = (preds == labels).double()
    per_digit_accuracy = [float(correct[labels == d].mean()) for d in range(num_classes)]
    diversity = per_digit_diversity(kept, kept_labels, per_digit, num_classes)
    diversity_real = per_digit_diversity(real_test_images, real_test_labels, per_digit, num_classes)
    return {
        "num_samples": num_samples,
        "class_accuracy": float(correct.mean()),
        "fid": frechet_distance(features, real_features),
        "diversity": sum(diversity) / num_classes,
        "diversity_real": sum(diversity_real) / num_classes,
        "per_digit_accuracy": per_digit_accuracy,
        "per_digit_diversity": diversity,
        "per_digit_diversity_real": diversity_real,
    }


@torch.inference_mode()
def real_fid_floor(
    classifier: MnistClassifier, train_images: torch.Tensor, test_images: torch.Tensor, num_train: int = 10000
) -> float:
    """FID of the first num_train real train images (N, 1, 28, 28) vs the test images: the best a GAN can hope for."""
    train_features, _ = classifier_outputs(classifier, train_images[:num_train])
    test_features, _ = classifier_outputs(classifier, test_images)
    return frechet_distance(train_features, test_features)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gan", default="weights/dcgan-mnist", help="generator folder or Hub repo id")
    p.add_argument(
        "--arch", choices=ARCHITECTURES, default="dcgan", help="the generator's class (see ARCHITECTURES)"
    )
    p.add_argument(
        "--classifier", default="weights/mnist-classifier", help="MnistClassifier folder or repo id"
    )
    add_data_dir_argument(p, "mnist/ (the four MNIST .gz files)")
    p.add_argument("--samples", type=int, default=10000, help="generated digits (a multiple of 10)")
    p.add_argument("--seed", type=int, default=0, help="seed of the noise vectors")
    p.add_argument("--batch-size", type=int, default=500, help="images per forward pass")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu", help="cpu or cuda")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--json", default=None, help="also write the results to this JSON file")
    p.add_argument(
        "--card", action="store_true", help="write eval.json and the DCGAN model card into --gan (dcgan only)"
    )
    return p.parse_args(argv)


def per_digit(result: dict) -> list[tuple[int, float, float, float]]:
    """(digit, accuracy, diversity, real diversity) rows of an evaluate_generator result."""
    columns = (
        result["per_digit_accuracy"],
        result["per_digit_diversity"],
        result["per_digit_diversity_real"],
    )
    return [(d, *row) for d, row in enumerate(zip(*columns, strict=True))]


def print_table(result: dict) -> None:
    print(f"{'digit':>5} {'accuracy':>9} {'diversity':>10} {'real div.':>10}")
    for d, acc, div, real in per_digit(result):
        print(f"{d:>5} {acc:>9.4f} {div:>10.3f} {real:>10.3f}")
    print(f"class accuracy {result['class_accuracy']:.4f}")
    print(f"FID {result['fid']:.3f}   (real train vs test floor {result['fid_real_floor']:.3f})")
    print(f"diversity {result['diversity']:.3f}   (real test digits {result['diversity_real']:.3f})")


def load_generator(arch: str, source: str, device: str) -> torch.nn.Module:
    """The generator of an ARCHITECTURES key from a folder or repo id, on `device`, in eval mode."""
    from models.dcgan import ConditionalGAN
    from models.rcgan import RecurrentGAN

    model_class = {"dcgan": ConditionalGAN, "rcgan": RecurrentGAN}[arch]
    return model_class.from_pretrained(source, strict=True).to(device).eval()


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.card and args.arch != "dcgan":
        raise SystemExit("--card writes the DCGAN's card; for other generators use --json")
    if args.threads:
        torch.set_num_threads(args.threads)
    start = time.time()
    gan = load_generator(args.arch, args.gan, args.device)
    classifier = MnistClassifier.from_pretrained(args.classifier, strict=True).to(args.device).eval()
    test_images, test_labels = load_mnist(args.data_dir, "test")
    train_images, _ = load_mnist(args.data_dir, "train")
    test_real = to_model_range(test_images)

    result = evaluate_generator(
        lambda labels, rng: gan.sample(labels, rng),  # truncation 1.0, eval mode: as the app samples
        classifier,
        test_real,
        test_labels,
        num_samples=args.samples,
        seed=args.seed,
        batch_size=args.batch_size,
    )
    result["fid_real_floor"] = real_fid_floor(classifier, to_model_range(train_images[:10000]), test_real)
    result |= {
        "gan": repo_relative(args.gan),
        "arch": args.arch,
        "classifier": repo_relative(args.classifier),
        "seconds": round(time.time() - start, 1),
    }
    print_table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    if args.card:
        from training.gan_card import write_gan_card

        (Path(args.gan) / "eval.json").write_text(json.dumps(result, indent=1))
        command = command_line("training.evaluate_gan", argv)
        print("wrote", write_gan_card(args.gan, result, command))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
