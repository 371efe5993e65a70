"""Train the MNIST classifier (judge and FID feature space of the GAN) and save weights/mnist-classifier.

Trains on the first 55k digits of the train split, validates on its last 5k, and only then
measures the saved folder on the 10k test digits (eval.json, and the model card's figure).
Data: ../shared/data/mnist, or the four files from https://ossci-datasets.s3.amazonaws.com/mnist/
(mirror of http://yann.lecun.com/exdb/mnist/).

    python -m training.train_mnist_classifier --threads 1
    python -m training.train_mnist_classifier --dry-run
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from models.mnist_classifier import ClassifierConfig, MnistClassifier
from training.data_paths import add_data_dir_argument
from training.mnist_data import load_mnist, to_model_range
from training.run_record import command_line

VALIDATION_SIZE = 5000  # the last digits of the train split, never trained on


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "mnist/ (the four MNIST .gz files)")
    p.add_argument("--out", default=None, help="output weights folder (default weights/mnist-classifier)")
    p.add_argument("--epochs", type=int, default=5, help="passes over the 55k training digits")
    p.add_argument("--batch-size", type=int, default=128, help="digits per step")
    p.add_argument("--lr", type=float, default=3e-3, help="peak AdamW learning rate (one-cycle schedule)")
    p.add_argument(
        "--max-shift", type=int, default=2, help="augmentation: random shifts of ± this many pixels"
    )
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu", help="cpu or cuda")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument(
        "--dry-run", action="store_true", help="a few batches on a subset; temp folder unless --out"
    )
    return p.parse_args(argv)


def random_shift(images: torch.Tensor, max_shift: int, generator: torch.Generator) -> torch.Tensor:
    """Shift each image (B, 1, H, W) by its own random (dy, dx) in [-max_shift, max_shift], filling with -1."""
    if max_shift == 0:
        return images
    batch, _, height, width = images.shape
    padded = F.pad(images, (max_shift,) * 4, value=-1.0)  # (B, 1, H + 2s, W + 2s), -1 is background
    offsets = torch.randint(0, 2 * max_shift + 1, (2, batch), generator=generator).to(images.device)
    rows = offsets[0, :, None] + torch.arange(height, device=images.device)  # (B, H)
    cols = offsets[1, :, None] + torch.arange(width, device=images.device)  # (B, W)
    index = torch.arange(batch, device=images.device)[:, None, None]
    return padded[index, 0, rows[:, :, None], cols[:, None, :]].unsqueeze(1)  # (B, 1, H, W)


@torch.inference_mode()
def accuracy(model: MnistClassifier, images: torch.Tensor, labels: torch.Tensor) -> tuple[float, list]:
    """Overall accuracy and per-digit accuracies of model on images (N, 1, 28, 28) in [-1, 1]."""
    correct = (model.predict(images) == labels).double()
    per_digit = [round(float(correct[labels == d].mean()), 4) for d in range(model.config.num_classes)]
    return float(correct.mean()), per_digit


def write_model_card(out: Path, result: dict) -> None:
    """README.md with Hub metadata (YAML front matter); every figure comes from `result`."""
    tags = "\n".join(f"- {tag}" for tag in MnistClassifier._hub_mixin_info.model_card_data.tags)
    card = f"""---
license: mit
library_name: pytorch
datasets:
- mnist
tags:
{tags}
metrics:
- accuracy
model-index:
- name: mnist-classifier
  results:
  - task:
      type: image-classification
    dataset:
      name: MNIST
      type: mnist
      split: test
    metrics:
    - type: accuracy
      value: {result["test_accuracy"]:.4f}
      name: Test accuracy
---

# MNIST classifier

A small CNN (two 3×3 conv blocks of {result["config"]["width"]}/{2 * result["config"]["width"]} channels
with BatchNorm, a {result["config"]["feature_dim"]}-unit dense layer, dropout) defined in
`models/mnist_classifier.py`. It judges the GAN tab's digits: class accuracy of generated samples,
and its {result["config"]["feature_dim"]}-d penultimate features are the feature space of our FID
(`training/evaluate_gan.py`).

- **Data**: MNIST train split, first {result["train_size"]} digits for training, the last
  {result["validation_size"]} for validation; random shifts of ±{result["max_shift"]} px.
  The test split was used only for the figure below.
- **Command**: `{result["command"]}`
- **Test accuracy**: {100 * result["test_accuracy"]:.2f}% on the {result["test_size"]} MNIST test digits
  ({result["test_errors"]} errors); validation accuracy {100 * result["validation_accuracy"]:.2f}%.
- **Training time**: {result["train_seconds"]:.0f} s on {result["device"]}.

Load with `MnistClassifier.from_pretrained("weights/mnist-classifier")`; inputs are
(B, 1, 28, 28) images in [-1, 1].
"""
    (out / "README.md").write_text(card)


def load_splits(args: argparse.Namespace) -> tuple[torch.Tensor, ...]:
    """(train images, train labels) on the device and (validation images, labels): the train split's
    first 55k and last 5k digits, images in [-1, 1]; with --dry-run their first 512 and 500."""
    images, labels = load_mnist(args.data_dir, "train")
    train_images, train_labels = images[:-VALIDATION_SIZE], labels[:-VALIDATION_SIZE]
    val_images, val_labels = to_model_range(images[-VALIDATION_SIZE:]), labels[-VALIDATION_SIZE:]
    if args.dry_run:
        train_images, train_labels = train_images[:512], train_labels[:512]
        val_images, val_labels = val_images[:500], val_labels[:500]
    train_real = to_model_range(train_images).to(args.device)  # (N, 1, 28, 28), all of it on the device
    return train_real, train_labels.to(args.device), val_images, val_labels


def train(
    model: MnistClassifier,
    splits: tuple[torch.Tensor, ...],
    args: argparse.Namespace,
    rng: torch.Generator,
) -> float:
    """AdamW with a one-cycle schedule and random shifts; returns the last epoch's validation accuracy."""
    train_real, train_labels, val_images, val_labels = splits
    steps_per_epoch = len(train_real) // args.batch_size
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=5e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch, pct_start=0.2
    )
    start = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = torch.randperm(len(train_real), generator=rng).to(args.device)
        for i in range(steps_per_epoch):
            idx = order[i * args.batch_size : (i + 1) * args.batch_size]
            x = random_shift(train_real[idx], args.max_shift, rng)  # (B, 1, 28, 28)
            loss = F.cross_entropy(model(x), train_labels[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            if i % 100 == 0:
                print(f"epoch {epoch} step {i}/{steps_per_epoch} loss {loss.item():.4f}", flush=True)
        val_accuracy, _ = accuracy(model, val_images, val_labels)
        print(f"epoch {epoch} validation accuracy {val_accuracy:.4f} {time.time() - start:.0f}s", flush=True)
    return val_accuracy


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = torch.Generator().manual_seed(args.seed)
    if args.out is None:
        args.out = (
            tempfile.mkdtemp(prefix="mnist-classifier-dry-run-")
            if args.dry_run
            else "weights/mnist-classifier"
        )
    splits = load_splits(args)
    if args.dry_run:
        args.epochs = 1
    config = ClassifierConfig()
    model = MnistClassifier(config).to(args.device)
    start = time.time()
    val_accuracy = train(model, splits, args, rng)
    train_seconds = time.time() - start

    # save Hub-shaped, then measure what was saved (not the in-memory model) on the test split
    out = Path(args.out)
    model.cpu().eval().save_pretrained(out)
    saved = MnistClassifier.from_pretrained(out, strict=True).to(args.device).eval()
    test_images, test_labels = load_mnist(args.data_dir, "test")
    if args.dry_run:
        test_images, test_labels = test_images[:1000], test_labels[:1000]
    test_accuracy, per_digit = accuracy(saved, to_model_range(test_images), test_labels)
    result = {
        "test_accuracy": test_accuracy,
        "test_errors": round((1 - test_accuracy) * len(test_labels)),
        "test_size": len(test_labels),
        "per_digit_test_accuracy": per_digit,
        "validation_accuracy": val_accuracy,
        "train_size": len(splits[0]),
        "validation_size": len(splits[3]),
        "epochs": args.epochs,
        "max_shift": args.max_shift,
        "train_seconds": round(train_seconds, 1),
        "device": args.device,
        "config": config.__dict__,
        "command": command_line("training.train_mnist_classifier", argv),
        "dry_run": args.dry_run,
    }
    (out / "eval.json").write_text(json.dumps(result, indent=1))
    write_model_card(out, result)
    print(f"test accuracy {test_accuracy:.4f} ({result['test_errors']} errors); saved to {out}")
    return result


if __name__ == "__main__":
    main()
