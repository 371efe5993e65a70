"""Train the recurrent conditional GAN (an LSTM writing digits row by row) on MNIST's train split.

Hinge loss, spectrally normalised projection discriminator (a CNN, optionally with ProGAN's
minibatch std, or an LSTM giving a verdict after each row), an optional MSGAN mode-seeking term on
G, Adam, EMA of the generator's weights, and checkpoint selection by the project's evaluation
(class accuracy, then FID of the EMA generator, sampled exactly as the app samples).
Saves a Hub-shaped folder (config.json, model.safetensors, training_log.json).

    python -m training.train_rcgan --minutes 35 --threads 2
    python -m training.train_rcgan --dry-run
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
from pathlib import Path

import torch
import torch.nn.functional as F

from models.mnist_classifier import MnistClassifier
from models.rcgan import DISCRIMINATORS, RCGANConfig, RecurrentGAN
from training.averaging import update_ema
from training.data_paths import add_data_dir_argument
from training.evaluate_gan import evaluate_generator
from training.mnist_data import load_mnist, to_model_range
from training.run_record import command_line

DEFAULT_OUT = "weights/rcgan-mnist"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "mnist/ (the four MNIST .gz files)")
    p.add_argument("--out", default=DEFAULT_OUT, help="output weights folder (Hub-shaped)")
    p.add_argument("--classifier", default="weights/mnist-classifier", help="classifier used to evaluate")
    p.add_argument("--epochs", type=int, default=100, help="passes over the 60k training digits")
    p.add_argument("--minutes", type=float, default=0, help="stop after this many minutes (0: no limit)")
    p.add_argument("--batch-size", type=int, default=64, help="real and fake images per step")
    p.add_argument("--lr-g", type=float, default=2e-4, help="Adam learning rate of G")
    p.add_argument("--lr-d", type=float, default=2e-4, help="Adam learning rate of D (TTUR: larger)")
    p.add_argument("--beta1", type=float, default=0.5, help="Adam β1 of G and D")
    p.add_argument("--beta2", type=float, default=0.999, help="Adam β2 of G and D")
    p.add_argument("--ema-decay", type=float, default=0.999, help="decay of the EMA of G's weights")
    p.add_argument("--hidden-size", type=int, default=256, help="LSTM state size of G")
    p.add_argument("--num-layers", type=int, default=1, help="LSTM layers of G")
    p.add_argument("--no-feedback", action="store_true", help="do not feed the row just written back in")
    p.add_argument("--discriminator", choices=DISCRIMINATORS, default="cnn", help="CNN or per-row LSTM D")
    p.add_argument("--d-width", type=int, default=64, help="D's first CNN width or LSTM state size")
    p.add_argument(
        "--latent-to-state", action="store_true", help="G's initial LSTM state from z and the label"
    )
    p.add_argument("--minibatch-std", type=int, default=0, help="CNN D: minibatch-std group size (0: off)")
    p.add_argument(
        "--mode-seeking", type=float, default=0, help="weight of MSGAN's mode-seeking term on G (0: off)"
    )
    p.add_argument("--mode-seeking-cap", type=float, default=0, help="no reward past this ratio (0: no cap)")
    p.add_argument("--eval-every", type=float, default=1, help="evaluate the EMA generator every N epochs")
    p.add_argument("--eval-samples", type=int, default=5000, help="generated samples per evaluation")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--dry-run", action="store_true", help="a few batches and a tiny evaluation only")
    return p.parse_args(argv)


def selection_key(result: dict) -> tuple:
    """Prefer checkpoints that label digits right (≥ 97%), then the lowest FID."""
    good = result["class_accuracy"] >= 0.97
    return (good, -result["fid"] if good else 0, result["class_accuracy"])


def discriminator_loss(gan: RecurrentGAN, real, labels, fake, fake_labels) -> torch.Tensor:
    """Hinge loss E[relu(1 − D(x, y))] + E[relu(1 + D(G(z, y'), y'))], over every row's verdict for the LSTM D."""
    scores = gan.discriminator(torch.cat([real, fake]), torch.cat([labels, fake_labels]))
    return F.relu(1 - scores[: len(real)]).mean() + F.relu(1 + scores[len(real) :]).mean()


def fake_labels_and_latents(
    config: RCGANConfig, batch: int, paired: bool
) -> tuple[torch.Tensor, torch.Tensor]:
    """Random digits (B,) and z (B, latent_dim); `paired`: the second half repeats the first half's digits."""
    if paired:
        labels = torch.randint(0, config.num_classes, (batch // 2,)).repeat(2)
    else:
        labels = torch.randint(0, config.num_classes, (batch,))
    return labels, torch.randn(len(labels), config.latent_dim)


def mode_seeking_loss(fake: torch.Tensor, z: torch.Tensor, cap: float = 0) -> torch.Tensor:
    """MSGAN (Mao et al. 2019, https://arxiv.org/abs/1903.05628): 1 / (mean|G(z1) − G(z2)| / mean|z1 − z2|)
    over pairs of the same digit (the two halves of the batch), so G gains by letting z change the image.
    cap > 0 stops the reward at that ratio (DSGAN's bound, Yang et al. 2019, https://arxiv.org/abs/1901.09024):
    real pairs of a digit give about 0.24 (pixels in [−1, 1], z ~ N(0, I))."""
    half = len(fake) // 2
    ratio = (fake[:half] - fake[half:]).abs().mean() / (z[:half] - z[half:]).abs().mean()
    if cap:
        ratio = ratio.clamp(max=cap)
    return 1 / (ratio + 1e-5)


def train_epoch(gan, ema, optimizers, real, labels, args, step: int, stop_at: int) -> tuple[int, dict]:
    """One shuffled pass (or until step stop_at); returns the step count and the last losses."""
    opt_g, opt_d = optimizers
    batch = args.batch_size
    order = torch.randperm(len(real))
    gan.train()
    for i in range(len(real) // batch):
        idx = order[i * batch : (i + 1) * batch]
        fake_labels, z = fake_labels_and_latents(gan.config, batch, paired=args.mode_seeking > 0)
        fake = gan.generator(z, fake_labels)

        # (1) update D: minimise the hinge loss on real rows/images and on G's
        loss_d = discriminator_loss(gan, real[idx], labels[idx], fake.detach(), fake_labels)
        opt_d.zero_grad(set_to_none=True)
        loss_d.backward()
        opt_d.step()

        # (2) update G: maximise D's verdict on its digits (and, with --mode-seeking, their spread)
        loss_g = -gan.discriminator(fake, fake_labels).mean()
        if args.mode_seeking:
            loss_g = loss_g + args.mode_seeking * mode_seeking_loss(fake, z, args.mode_seeking_cap)
        opt_g.zero_grad(set_to_none=True)
        loss_g.backward()
        opt_g.step()

        update_ema(ema, gan.generator, 0.0 if step < 500 else args.ema_decay)
        step += 1
        if step >= stop_at or (args.dry_run and i >= 3):
            break
    return step, {"loss_d": round(loss_d.item(), 4), "loss_g": round(loss_g.item(), 4)}


def evaluate(ema, classifier, test_real, test_labels, num_samples: int) -> dict:
    """Class accuracy, FID and diversity of the EMA generator, sampled as the app does."""
    ema.eval()
    latent_dim = ema.config.latent_dim
    result = evaluate_generator(
        lambda lab, rng: ema(torch.randn(len(lab), latent_dim, generator=rng), lab),
        classifier,
        test_real,
        test_labels,
        num_samples=num_samples,
        seed=0,
    )
    return {k: v for k, v in result.items() if not isinstance(v, (list, dict))}


def build(args: argparse.Namespace) -> RecurrentGAN:
    config = RCGANConfig(
        hidden_size=args.hidden_size,
        num_layers=args.num_layers,
        feed_previous_row=not args.no_feedback,
        discriminator=args.discriminator,
        discriminator_width=args.d_width,
        latent_to_state=args.latent_to_state,
        minibatch_std=args.minibatch_std,
    )
    return RecurrentGAN(config)


def save(gan: RecurrentGAN, state: tuple, log: dict, out: Path, argv: list[str] | None) -> None:
    """Load the selected (EMA G, D) state into `gan`, save it Hub-shaped with its training_log.json."""
    gan.generator.load_state_dict(state[0])
    gan.discriminator.load_state_dict(state[1])
    gan.eval().save_pretrained(out)
    record = {
        "command": command_line("training.train_rcgan", argv),
        "device": "cpu",
        "threads": torch.get_num_threads(),
        "generator_parameters": sum(p.numel() for p in gan.generator.parameters()),
        "discriminator_parameters": sum(p.numel() for p in gan.discriminator.parameters()),
    } | log
    (out / "training_log.json").write_text(json.dumps(record, indent=1))
    print(f"selected step {log['selected']['step']}: {json.dumps(log['selected'])}; saved to {out}")
    print(f"next: python -m training.evaluate_gan --arch rcgan --gan {out}")


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.dry_run and args.out == DEFAULT_OUT:
        args.out = tempfile.mkdtemp(prefix="rcgan-dry-run-")
    images, labels = load_mnist(args.data_dir, "train")
    test_images, test_labels = load_mnist(args.data_dir, "test")
    if args.dry_run:
        images, labels, test_images, test_labels = (
            images[:512],
            labels[:512],
            test_images[:500],
            test_labels[:500],
        )
        args.epochs, args.eval_samples, args.eval_every = 1, 200, 1
    real, test_real = to_model_range(images), to_model_range(test_images)
    classifier = MnistClassifier.from_pretrained(args.classifier, strict=True).eval()

    gan = build(args)
    ema = copy.deepcopy(gan.generator).eval()
    betas = (args.beta1, args.beta2)
    optimizers = (
        torch.optim.Adam(gan.generator.parameters(), lr=args.lr_g, betas=betas),
        torch.optim.Adam(gan.discriminator.parameters(), lr=args.lr_d, betas=betas),
    )
    eval_steps = max(1, int(args.eval_every * (len(real) // args.batch_size)))
    history, best, best_state, step, start = [], None, None, 0, time.time()
    while step < args.epochs * (len(real) // args.batch_size):
        step, losses = train_epoch(gan, ema, optimizers, real, labels, args, step, step + eval_steps)
        elapsed = time.time() - start
        result = evaluate(ema, classifier, test_real, test_labels, args.eval_samples)
        result |= losses | {"step": step, "epoch": round(step * args.batch_size / len(real), 2)}
        result["minutes"] = round(elapsed / 60, 2)
        history.append(result)
        print(json.dumps(result), flush=True)
        if best is None or selection_key(result) > selection_key(best):
            best = result
            best_state = (copy.deepcopy(ema.state_dict()), copy.deepcopy(gan.discriminator.state_dict()))
        if args.dry_run or (args.minutes and elapsed > args.minutes * 60):
            break

    save(gan, best_state, {"selected": best, "history": history}, Path(args.out), argv)
    return best


if __name__ == "__main__":
    main()
