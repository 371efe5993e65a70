"""The model card (README.md with Hub YAML metadata) of a trained DCGAN folder, from measured figures."""

from __future__ import annotations

import json
from pathlib import Path

from training.data_paths import REPO_ROOT
from training.evaluate_gan import per_digit

TEMPLATE = """---
license: mit
library_name: pytorch
datasets:
- mnist
tags:
- gan
- dcgan
- conditional-gan
- image-generation
- mnist
- pytorch_model_hub_mixin
- model_hub_mixin
metrics:
- accuracy
- fid
---

# Class-conditional DCGAN for MNIST digits (GAN & LSTM Lab)

A generator (DCGAN, {g_params:,} parameters) that draws a 28×28 digit from a {latent_dim}-dim noise
vector and the digit label, shipped with the discriminator it was trained against ({d_params:,}
parameters: spectral-norm convolutions with a projection head for the label) and {k} principal latent
directions (GANSpace-style PCA of the generator's first-layer activations within each digit).
Trained with the hinge loss, Adam (2e-4, β=(0.5, 0.999)), batch 128; the generator shipped is an
exponential moving average (0.999) of the trained one, with its BatchNorm statistics recomputed,
and the checkpoint was selected by the evaluation below (epoch {epoch} of the run). {selection_note}

## Data
MNIST training split only (60,000 digits), from http://yann.lecun.com/exdb/mnist/ (mirror:
https://ossci-datasets.s3.amazonaws.com/mnist/), CC BY-SA 3.0. The test split is used only for
evaluation.

## Training command
```
{train_command}
```
(run on {train_device}; the script also runs on a CPU, about 1.2 min per epoch on 2 cores.)

## Evaluation (held-out MNIST test set)
Measured by `{eval_command}` on the saved folder, sampling exactly as the app does (eval mode,
truncation ψ = 1), with the project's MNIST classifier (`weights/mnist-classifier`, {clf_acc:.2%}
test accuracy) labelling {num_samples:,} generated digits, {per_digit:,} per requested digit.

| figure | generated | real digits |
|---|---|---|
| class accuracy (classifier agrees with the requested digit) | **{accuracy:.2%}** | {clf_acc:.2%} (classifier on test) |
| FID in the classifier's 128-d feature space, vs the test set | **{fid:.3f}** | {fid_floor:.3f} (10k train digits vs test: the floor) |
| diversity: mean pairwise L2 distance within a digit (pixels in [0, 1]) | **{diversity:.3f}** | {diversity_real:.3f} (test digits) |

Per digit:

| digit | accuracy | diversity | real diversity |
|---|---|---|---|
{per_digit_rows}

## Use
```python
import torch

from models.dcgan import ConditionalGAN  # from the GAN & LSTM Lab repository

gan = ConditionalGAN.from_pretrained("<this repo id or folder>")
images = gan.sample(torch.tensor([3, 1, 4]))  # (3, 1, 28, 28) in [-1, 1]
```
"""


def write_gan_card(folder: str | Path, result: dict, eval_command: str) -> Path:
    """Write folder/README.md from an evaluate_gan result and the folder's training_log.json."""
    folder = Path(folder)
    log = json.loads((folder / "training_log.json").read_text())
    config = json.loads((folder / "config.json").read_text())
    classifier_eval = REPO_ROOT / result["classifier"] / "eval.json"  # a repo-relative path, or absolute
    clf_acc = (
        json.loads(classifier_eval.read_text())["test_accuracy"] if classifier_eval.exists() else float("nan")
    )
    rows = "\n".join(f"| {d} | {a:.2%} | {v:.3f} | {r:.3f} |" for d, a, v, r in per_digit(result))
    text = TEMPLATE.format(
        g_params=log.get("generator_parameters", 0),
        d_params=log.get("discriminator_parameters", 0),
        latent_dim=config["latent_dim"],
        k=config["num_directions"],
        epoch=log["selected"]["epoch"],
        selection_note=(
            "That is the last evaluated epoch, so the test figures did not pick among checkpoints."
            if log["selected"]["epoch"] == log["history"][-1]["epoch"]
            else "Selection used the test-set figures, so they are slightly optimistic."
        ),
        train_command=log.get("command", "python -m training.train_dcgan"),
        train_device=log.get("device", "?"),
        eval_command=eval_command,
        clf_acc=clf_acc,
        num_samples=result["num_samples"],
        per_digit=result["num_samples"] // 10,
        accuracy=result["class_accuracy"],
        fid=result["fid"],
        fid_floor=result["fid_real_floor"],
        diversity=result["diversity"],
        diversity_real=result["diversity_real"],
        per_digit_rows=rows,
    )
    (folder / "README.md").write_text(text)
    return folder / "README.md"


FIGURES_START, FIGURES_END = "<!-- figures: python -m training.gan_card -->", "<!-- /figures -->"


def comparison_tables(named_results: dict[str, dict]) -> str:
    """Markdown tables of several evaluate_gan results side by side: the summary, then per digit
    accuracy and the diversity ratio (generated / real digits)."""
    names = list(named_results)
    first = named_results[names[0]]
    head = "| figure | " + " | ".join(names) + " | real digits |\n" + "|---" * (len(names) + 2) + "|"
    summary = [
        ("class accuracy", [f"{r['class_accuracy']:.2%}" for r in named_results.values()], "—"),
        ("FID (classifier features)", [f"{r['fid']:.3f}" for r in named_results.values()],
         f"{first['fid_real_floor']:.3f} (floor: train vs test)"),
        ("FID / floor", [f"{r['fid'] / r['fid_real_floor']:.1f}×" for r in named_results.values()], "1×"),
        ("diversity (mean pairwise L2)", [f"{r['diversity']:.3f}" for r in named_results.values()],
         f"{first['diversity_real']:.3f}"),
        ("diversity / real", [f"{r['diversity'] / r['diversity_real']:.2f}" for r in named_results.values()], "1"),
    ]  # fmt: skip
    lines = [head] + [f"| {label} | " + " | ".join(cells) + f" | {real} |" for label, cells, real in summary]
    digit_head = "| digit | " + " | ".join(f"{n}: accuracy, diversity / real" for n in names) + " |"
    digit_lines = [digit_head, "|---" * (len(names) + 1) + "|"]
    for d in range(10):
        cells = [
            f"{r['per_digit_accuracy'][d]:.1%}, {r['per_digit_diversity'][d] / r['per_digit_diversity_real'][d]:.2f}"
            for r in named_results.values()
        ]
        digit_lines.append(f"| {d} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\nPer digit:\n\n" + "\n".join(digit_lines)


def fill_figures(card: str | Path, folders: list[str]) -> None:
    """Replace the figures block of a card with the tables of the folders' eval.json (first = this model)."""
    card = Path(card)
    results = {Path(f).name: json.loads((Path(f) / "eval.json").read_text()) for f in folders}
    text = card.read_text()
    before, rest = text.split(FIGURES_START)
    _, after = rest.split(FIGURES_END)
    card.write_text(before + FIGURES_START + "\n" + comparison_tables(results) + "\n" + FIGURES_END + after)


if __name__ == "__main__":
    import sys

    folders = sys.argv[1:]  # python -m training.gan_card weights/rcgan-mnist weights/dcgan-mnist ...
    fill_figures(Path(folders[0]) / "README.md", folders)
    print(comparison_tables({Path(f).name: json.loads((Path(f) / "eval.json").read_text()) for f in folders}))
