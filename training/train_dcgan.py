"""Train the class-conditional DCGAN on MNIST (train split) and save it as weights/dcgan-mnist.

Hinge loss, spectral-norm projection discriminator, EMA of the generator's weights, and
checkpoint selection by the evaluation (class accuracy and FID of the EMA generator, sampled in
eval mode exactly as the app samples). Data: ../shared/data/mnist, or the four files from
https://ossci-datasets.s3.amazonaws.com/mnist/ (mirror of http://yann.lecun.com/exdb/mnist/).

    python -m training.train_dcgan --device cuda --epochs 60
    python -m training.train_dcgan --dry-run
    torchrun --standalone --nproc_per_node 2 -m training.train_dcgan --device cpu --dry-run   # DDP

Under torchrun (WORLD_SIZE > 1) G and D are wrapped in DistributedDataParallel (NCCL on GPUs, one
per process; gloo on CPUs): each process reads its own shard of every epoch's shuffled order with
--batch-size images, gradients are averaged across processes, and rank 0 alone keeps the EMA,
evaluates and saves.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

from models.dcgan import ConditionalGAN, GANConfig, Generator, compute_latent_directions
from models.mnist_classifier import MnistClassifier
from training.averaging import update_ema
from training.data_paths import add_data_dir_argument
from training.evaluate_gan import evaluate_generator
from training.mnist_data import load_mnist, to_model_range
from training.run_record import command_line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "mnist/ (the four MNIST .gz files)")
    p.add_argument("--out", default="weights/dcgan-mnist", help="output weights folder (Hub-shaped)")
    p.add_argument("--classifier", default="weights/mnist-classifier", help="classifier used to evaluate")
    p.add_argument("--epochs", type=int, default=40, help="passes over the 60k training digits")
    p.add_argument("--minutes", type=float, default=0, help="stop after this many minutes (0: no limit)")
    p.add_argument("--batch-size", type=int, default=128, help="real and fake images per step")
    p.add_argument("--lr", type=float, default=2e-4, help="Adam learning rate of G and D")
    p.add_argument("--ema-decay", type=float, default=0.999, help="decay of the EMA of G's weights")
    p.add_argument("--latent-dim", type=int, default=64, help="size of the noise vector z")
    p.add_argument("--width", type=int, default=64, help="base channel count of G and D")
    p.add_argument("--eval-every", type=int, default=2, help="evaluate the EMA generator every N epochs")
    p.add_argument("--eval-samples", type=int, default=10000, help="generated samples per evaluation")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu", help="cpu or cuda")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--dry-run", action="store_true", help="a few batches and a tiny evaluation only")
    return p.parse_args(argv)


@torch.no_grad()
def recalibrate_batchnorm(generator: Generator, batches: int, batch_size: int, device: str) -> None:
    """Recompute BatchNorm running statistics for the EMA weights (their own, not the trained G's)."""
    for module in generator.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.reset_running_stats()
            module.momentum = None  # cumulative average over the batches below
    generator.train()
    rng = torch.Generator(device="cpu").manual_seed(1234)
    for _ in range(batches):
        z = torch.randn(batch_size, generator.config.latent_dim, generator=rng).to(device)
        labels = torch.randint(0, generator.config.num_classes, (batch_size,), generator=rng).to(device)
        generator(z, labels)
    generator.eval()


def selection_key(result: dict) -> tuple:
    """Prefer checkpoints that label digits right (≥ 97%), then the lowest FID."""
    return (
        result["class_accuracy"] >= 0.97,
        -result["fid"] if result["class_accuracy"] >= 0.97 else 0,
        result["class_accuracy"],
    )


@dataclass
class Processes:
    """Where this process runs: world size and rank under torchrun (1 and 0 alone), and its device."""

    world: int
    rank: int
    device: str


def start_processes(device: str) -> Processes:
    """Join the process group when launched by torchrun (NCCL on GPUs, one per process; gloo on CPUs)."""
    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    if world > 1:
        dist.init_process_group("nccl" if device.startswith("cuda") else "gloo")
        if device.startswith("cuda"):
            device = f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}"
            torch.cuda.set_device(device)
        print(f"rank {rank} of world size {world} on {device}", flush=True)
    return Processes(world, rank, device)


@dataclass
class Digits:
    """The train split on the device (images in [-1, 1]) and the test split on the CPU."""

    real: torch.Tensor  # (N, 1, 28, 28)
    labels: torch.Tensor  # (N,)
    test_real: torch.Tensor  # (M, 1, 28, 28)
    test_labels: torch.Tensor  # (M,)


def load_digits(args: argparse.Namespace, device: str) -> Digits:
    """MNIST train and test splits; with --dry-run their first 512 and 500 digits."""
    images, labels = load_mnist(args.data_dir, "train")
    test_images, test_labels = load_mnist(args.data_dir, "test")
    if args.dry_run:
        images, labels = images[:512], labels[:512]
        test_images, test_labels = test_images[:500], test_labels[:500]
    real = to_model_range(images).to(device)  # (N, 1, 28, 28), all of it on the device
    return Digits(real, labels.to(device), to_model_range(test_images), test_labels)


@dataclass
class Training:
    """The GAN, the EMA of its generator, the modules that train (DDP-wrapped under torchrun), optimisers."""

    gan: ConditionalGAN
    ema: Generator
    g_train: torch.nn.Module
    d_train: torch.nn.Module
    opt_g: torch.optim.Optimizer
    opt_d: torch.optim.Optimizer


def build_training(config: GANConfig, args: argparse.Namespace, procs: Processes) -> Training:
    gan = ConditionalGAN(config).to(procs.device)
    generator, discriminator = gan.generator, gan.discriminator
    ema = copy.deepcopy(generator).eval()
    g_train, d_train = generator, discriminator
    if procs.world > 1:  # averages gradients across processes; rank 0's weights are broadcast at the start
        g_train, d_train = DistributedDataParallel(generator), DistributedDataParallel(discriminator)
    torch.manual_seed(args.seed + procs.rank)  # but different noise in each process
    opt_g = torch.optim.Adam(generator.parameters(), lr=args.lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=args.lr, betas=(0.5, 0.999))
    return Training(gan, ema, g_train, d_train, opt_g, opt_d)


def hinge_step(
    t: Training, x: torch.Tensor, y: torch.Tensor, fake_labels: torch.Tensor, z: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """One update of D then G on real digits x (B, 1, 28, 28) of labels y; returns (loss_d, loss_g)."""
    # (1) update D: minimise hinge loss  E[relu(1 - D(x, y))] + E[relu(1 + D(G(z, y'), y'))]
    fake = t.g_train(z, fake_labels)
    scores = t.d_train(torch.cat([x, fake.detach()]), torch.cat([y, fake_labels]))  # one pass (DDP)
    loss_d = F.relu(1 - scores[: len(x)]).mean() + F.relu(1 + scores[len(x) :]).mean()
    t.opt_d.zero_grad(set_to_none=True)
    loss_d.backward()
    t.opt_d.step()

    # (2) update G: maximise D(G(z, y'), y')
    loss_g = -t.d_train(fake, fake_labels).mean()
    t.opt_g.zero_grad(set_to_none=True)
    loss_g.backward()
    t.opt_g.step()
    return loss_d, loss_g


def train_epoch(
    t: Training, data: Digits, args: argparse.Namespace, procs: Processes, epoch: int, step: int
) -> tuple[int, torch.Tensor, torch.Tensor]:
    """One pass over this process's shard of the epoch's shuffled order; returns (step, loss_d, loss_g)."""
    config, device = t.gan.config, procs.device
    t.gan.generator.train()
    t.gan.discriminator.train()
    # the same shuffled order in every process, each reading its own shard of it
    order = torch.randperm(len(data.real), generator=torch.Generator().manual_seed(args.seed * 1000 + epoch))
    order = order[procs.rank :: procs.world].to(device)
    steps_per_epoch = len(data.real) // args.batch_size
    for i in range(steps_per_epoch // procs.world):
        idx = order[i * args.batch_size : (i + 1) * args.batch_size]
        fake_labels = torch.randint(0, config.num_classes, (len(idx),), device=device)
        z = torch.randn(len(idx), config.latent_dim, device=device)
        loss_d, loss_g = hinge_step(t, data.real[idx], data.labels[idx], fake_labels, z)
        update_ema(t.ema, t.gan.generator, 0.0 if step < 500 else args.ema_decay)
        step += 1
        if args.dry_run and i >= 3:
            break
    return step, loss_d, loss_g


def agreed_out_of_time(out_of_time: bool, procs: Processes) -> bool:
    """Rank 0's clock decides for everyone, so all processes stop together."""
    if procs.world == 1:
        return out_of_time
    flag = torch.tensor([float(out_of_time)], device=procs.device)
    dist.broadcast(flag, src=0)
    return bool(flag.item())


def evaluate_ema(
    t: Training, classifier: MnistClassifier, data: Digits, args: argparse.Namespace, device: str
) -> dict:
    """Class accuracy and FID of the EMA generator (its own BatchNorm statistics), sampled as the app does."""
    ema, latent_dim = t.ema, t.gan.config.latent_dim
    recalibrate_batchnorm(ema, batches=20 if not args.dry_run else 2, batch_size=500, device=device)
    result = evaluate_generator(
        lambda lab, rng: ema(torch.randn(len(lab), latent_dim, generator=rng).to(device), lab.to(device)),
        classifier,
        data.test_real,
        data.test_labels,
        num_samples=args.eval_samples,
        seed=0,
    )
    return {k: v for k, v in result.items() if not isinstance(v, (list, dict))}


def train_and_select(
    t: Training, classifier: MnistClassifier, data: Digits, args: argparse.Namespace, procs: Processes
) -> tuple[dict | None, tuple | None, list[dict]]:
    """Train for --epochs (or --minutes); evaluate every --eval-every epochs on rank 0 and keep the best.

    Returns (the best evaluation, its (EMA generator, discriminator) state dicts, every evaluation).
    """
    history, best, best_state = [], None, None
    start, step = time.time(), 0
    for epoch in range(1, args.epochs + 1):
        step, loss_d, loss_g = train_epoch(t, data, args, procs, epoch, step)
        elapsed = time.time() - start
        print(
            f"epoch {epoch} step {step} loss_d {loss_d.item():.3f} loss_g {loss_g.item():.3f} {elapsed:.0f}s",
            flush=True,
        )
        out_of_time = agreed_out_of_time(bool(args.minutes and elapsed > args.minutes * 60), procs)
        if procs.rank != 0:  # only rank 0 evaluates
            if out_of_time:
                break
            continue
        if epoch % args.eval_every and epoch != args.epochs and not out_of_time:
            continue
        result = evaluate_ema(t, classifier, data, args, procs.device) | {"epoch": epoch, "step": step}
        history.append(result)
        print(json.dumps(result), flush=True)
        if best is None or selection_key(result) > selection_key(best):
            best = result
            best_state = (copy.deepcopy(t.ema.state_dict()), copy.deepcopy(t.gan.discriminator.state_dict()))
        if out_of_time:
            break
    return best, best_state, history


def stop_processes(t: Training, procs: Processes) -> None:
    """Under torchrun: print a checksum of the generator (equal in every process) and leave the group."""
    checksum = sum(float(p.detach().double().sum()) for p in t.gan.generator.parameters())
    print(f"rank {procs.rank}: generator parameter checksum {checksum:.10e}", flush=True)
    dist.barrier()
    dist.destroy_process_group()


def save_selected(t: Training, best_state: tuple, out: Path) -> None:
    """Keep the selected checkpoint, add its principal latent directions, save Hub-shaped."""
    gan = t.gan
    gan.generator.load_state_dict(best_state[0])
    gan.discriminator.load_state_dict(best_state[1])
    directions, variance = compute_latent_directions(gan.generator, gan.config.num_directions)
    gan.latent_directions.copy_(directions)
    gan.direction_variance.copy_(variance)
    gan.cpu().eval().save_pretrained(out)


def training_record(t: Training, device: str, command: str, best: dict, history: list[dict]) -> dict:
    """training_log.json: how the folder was made, its sizes, the selected evaluation and every other."""
    return {
        "command": command,
        "device": torch.cuda.get_device_name() if device.startswith("cuda") else "cpu",
        "generator_parameters": sum(p.numel() for p in t.gan.generator.parameters()),
        "discriminator_parameters": sum(p.numel() for p in t.gan.discriminator.parameters()),
        "selected": best,
        "history": history,
    }


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)  # the same initial weights in every process
    procs = start_processes(args.device)
    if args.dry_run and args.out == "weights/dcgan-mnist":
        args.out = tempfile.mkdtemp(prefix="dcgan-dry-run-")
    config = GANConfig(latent_dim=args.latent_dim, generator_width=args.width, discriminator_width=args.width)
    data = load_digits(args, procs.device)
    if args.dry_run:
        args.epochs, args.eval_samples = 1, 200
    classifier = MnistClassifier.from_pretrained(args.classifier, strict=True).to(procs.device).eval()
    training = build_training(config, args, procs)
    best, best_state, history = train_and_select(training, classifier, data, args, procs)
    if procs.world > 1:
        stop_processes(training, procs)
        if procs.rank != 0:
            return {}
    out = Path(args.out)
    save_selected(training, best_state, out)
    record = training_record(
        training, procs.device, command_line("training.train_dcgan", argv), best, history
    )
    (out / "training_log.json").write_text(json.dumps(record, indent=1))
    print(f"selected epoch {best['epoch']}: {json.dumps(best)}; saved to {out}")
    print(f"next: python -m training.evaluate_gan --gan {out} --card  (writes eval.json and the model card)")
    return best


if __name__ == "__main__":
    main()
