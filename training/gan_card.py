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
