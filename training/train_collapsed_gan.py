"""Train the conditional DCGAN the naive way until it mode-collapses, and keep it as a teaching example.

What goes wrong on purpose: the original minimax GAN objective with the non-saturating generator
loss (Goodfellow et al. 2014, https://arxiv.org/abs/1406.2661), no averaging of G, and G updated
several times per D update with a larger learning rate. Between two D updates G climbs the same
fixed D, so every noise vector is pushed to the point that D currently likes best: the samples of
a digit stop depending on z (mode collapse). Training stops once the evaluation's diversity has
fallen below --stop-ratio of the real digits' diversity (or at --steps / --minutes).

    python -m training.train_collapsed_gan --threads 2
    python -m training.train_collapsed_gan --dry-run
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from models.dcgan import ConditionalGAN, GANConfig, compute_latent_directions
from models.mnist_classifier import MnistClassifier
from training.data_paths import add_data_dir_argument
from training.evaluate_gan import evaluate_generator
from training.mnist_data import load_mnist, to_model_range
from training.run_record import command_line

DEFAULT_OUT = "weights/dcgan-mnist-collapsed"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "mnist/ (the four MNIST .gz files)")
    p.add_argument("--out", default=DEFAULT_OUT, help="output weights folder (Hub-shaped)")
    p.add_argument("--classifier", default="weights/mnist-classifier", help="classifier used to evaluate")
    p.add_argument("--steps", type=int, default=3000, help="D updates at most")
    p.add_argument("--minutes", type=float, default=15, help="stop after this many minutes (0: no limit)")
    p.add_argument("--g-steps", type=int, default=5, help="G updates per D update (the naive part)")
    p.add_argument("--lr-g", type=float, default=1e-3, help="Adam learning rate of G")
    p.add_argument("--lr-d", type=float, default=1e-4, help="Adam learning rate of D")
    p.add_argument("--batch-size", type=int, default=64, help="real and fake images per step")
    p.add_argument("--width", type=int, default=32, help="base channel count of G and D (new GAN only)")
    p.add_argument("--init-from", default="", help="start from this ConditionalGAN folder (G and D)")
    p.add_argument("--check-every", type=int, default=100, help="evaluate every N D updates")
    p.add_argument("--check-samples", type=int, default=1000, help="generated samples per check")
    p.add_argument("--stop-ratio", type=float, default=0.3, help="stop when diversity < ratio × real's")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--dry-run", action="store_true", help="a few steps and a tiny evaluation only")
    return p.parse_args(argv)


def naive_step(gan: ConditionalGAN, optimizers, x, y, args) -> dict:
    """One D update on the minimax loss, then args.g_steps G updates against that same D."""
    opt_g, opt_d = optimizers
    config, batch = gan.config, len(x)
    # (1) update D: maximise log D(x, y) + log(1 − D(G(z, y'), y'))  (BCE on logits)
    fake_labels = torch.randint(0, config.num_classes, (batch,))
    fake = gan.generator(torch.randn(batch, config.latent_dim), fake_labels).detach()
    loss_d = (
        F.softplus(-gan.discriminator(x, y)).mean() + F.softplus(gan.discriminator(fake, fake_labels)).mean()
    )
    opt_d.zero_grad(set_to_none=True)
    loss_d.backward()
    opt_d.step()
    # (2) update G several times: maximise log D(G(z, y'), y')  (non-saturating)
    for _ in range(args.g_steps):
        fake_labels = torch.randint(0, config.num_classes, (batch,))
        fake = gan.generator(torch.randn(batch, config.latent_dim), fake_labels)
        loss_g = F.softplus(-gan.discriminator(fake, fake_labels)).mean()
        opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        opt_g.step()
    return {"loss_d": round(loss_d.item(), 4), "loss_g": round(loss_g.item(), 4)}


def check(gan: ConditionalGAN, classifier, test_real, test_labels, num_samples: int) -> dict:
    """The evaluation's figures for G in eval mode, as the app samples."""
    result = evaluate_generator(
        lambda labels, rng: gan.sample(labels, rng), classifier, test_real, test_labels, num_samples, seed=0
    )
    gan.generator.train()
    return {k: v for k, v in result.items() if not isinstance(v, (list, dict))}


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.dry_run:
        args.steps, args.check_every, args.check_samples = 3, 3, 200
        args.out = tempfile.mkdtemp(prefix="collapsed-dry-run-") if args.out == DEFAULT_OUT else args.out
    images, labels = load_mnist(args.data_dir, "train")
    test_images, test_labels = load_mnist(args.data_dir, "test")
    real, test_real = to_model_range(images), to_model_range(test_images)
    classifier = MnistClassifier.from_pretrained(args.classifier, strict=True).eval()
    if args.init_from:  # a healthy GAN whose G is then let run ahead of its D
        gan = ConditionalGAN.from_pretrained(args.init_from, strict=True)
    else:
        gan = ConditionalGAN(GANConfig(generator_width=args.width, discriminator_width=args.width))
    optimizers = (
        torch.optim.Adam(gan.generator.parameters(), lr=args.lr_g, betas=(0.5, 0.999)),
        torch.optim.Adam(gan.discriminator.parameters(), lr=args.lr_d, betas=(0.5, 0.999)),
    )
    history, start = [], time.time()
    gan.train()
    for step in range(1, args.steps + 1):
        idx = torch.randint(0, len(real), (args.batch_size,))
        losses = naive_step(gan, optimizers, real[idx], labels[idx], args)
        if step % args.check_every:
            continue
        result = check(gan, classifier, test_real, test_labels, args.check_samples)
        result |= losses | {"step": step, "minutes": round((time.time() - start) / 60, 2)}
        history.append(result)
        print(json.dumps(result), flush=True)
        collapsed = result["diversity"] < args.stop_ratio * result["diversity_real"]
        if collapsed or (args.minutes and time.time() - start > args.minutes * 60):
            break

    directions, variance = compute_latent_directions(gan.generator, gan.config.num_directions)
    gan.latent_directions.copy_(directions)
    gan.direction_variance.copy_(variance)
    out = Path(args.out)
    gan.eval().save_pretrained(out)
    record = {
        "command": command_line("training.train_collapsed_gan", argv),
        "device": "cpu",
        "threads": torch.get_num_threads(),
        "final": history[-1],
        "history": history,
    }
    (out / "training_log.json").write_text(json.dumps(record, indent=1))
    print(f"stopped at step {history[-1]['step']}; saved to {out}")
    return history[-1]


if __name__ == "__main__":
    main()
