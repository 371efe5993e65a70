"""Train the class-conditional DCGAN on MNIST (train split) and save it as weights/dcgan-mnist.

Hinge loss, spectral-norm projection discriminator, EMA of the generator's weights, and
checkpoint selection by the evaluation (class accuracy and FID of the EMA generator, sampled in
eval mode exactly as the app samples). Data: ../shared/data/mnist, or the four files from
https://ossci-datasets.s3.amazonaws.com/mnist/ (mirror of http://yann.lecun.com/exdb/mnist/).

    python training/train_dcgan.py --device cuda --epochs 60
    python training/train_dcgan.py --dry-run
    torchrun --standalone --nproc_per_node 2 training/train_dcgan.py --device cpu --dry-run   # DDP

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
import sys
import tempfile
import time
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from models.dcgan import ConditionalGAN, GANConfig, Generator, compute_latent_directions  # noqa: E402
from models.mnist_classifier import MnistClassifier  # noqa: E402
from training.averaging import update_ema  # noqa: E402
from training.evaluate_gan import evaluate_generator  # noqa: E402
from training.mnist_data import DEFAULT_DATA_DIR, load_mnist, to_model_range  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="folder with the MNIST .gz files")
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


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)  # the same initial weights in every process
    device = args.device
    world, rank = int(os.environ.get("WORLD_SIZE", "1")), int(os.environ.get("RANK", "0"))
    if world > 1:  # launched by torchrun
        dist.init_process_group("nccl" if device.startswith("cuda") else "gloo")
        if device.startswith("cuda"):
            device = f"cuda:{int(os.environ.get('LOCAL_RANK', '0'))}"
            torch.cuda.set_device(device)
        print(f"rank {rank} of world size {world} on {device}", flush=True)
    if args.dry_run and args.out == "weights/dcgan-mnist":
        args.out = tempfile.mkdtemp(prefix="dcgan-dry-run-")
    config = GANConfig(latent_dim=args.latent_dim, generator_width=args.width, discriminator_width=args.width)

    images, labels = load_mnist(args.data_dir, "train")
    test_images, test_labels = load_mnist(args.data_dir, "test")
    if args.dry_run:
        images, labels = images[:512], labels[:512]
        test_images, test_labels = test_images[:500], test_labels[:500]
        args.epochs, args.eval_samples = 1, 200
    real = to_model_range(images).to(device)  # (N, 1, 28, 28), all of it on the device
    labels = labels.to(device)
    classifier = MnistClassifier.from_pretrained(args.classifier, strict=True).to(device).eval()
    test_real = to_model_range(test_images)

    gan = ConditionalGAN(config).to(device)
    generator, discriminator = gan.generator, gan.discriminator
    ema = copy.deepcopy(generator).eval()
    g_train, d_train = generator, discriminator
    if world > 1:  # averages gradients across processes; rank 0's weights are broadcast at the start
        g_train, d_train = DistributedDataParallel(generator), DistributedDataParallel(discriminator)
    torch.manual_seed(args.seed + rank)  # but different noise in each process
    opt_g = torch.optim.Adam(generator.parameters(), lr=args.lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(discriminator.parameters(), lr=args.lr, betas=(0.5, 0.999))

    steps_per_epoch = len(real) // args.batch_size
    history, best, best_state = [], None, None
    start, step = time.time(), 0
    for epoch in range(1, args.epochs + 1):
        generator.train()
        discriminator.train()
        # the same shuffled order in every process, each reading its own shard of it
        order = torch.randperm(len(real), generator=torch.Generator().manual_seed(args.seed * 1000 + epoch))
        order = order[rank::world].to(device)
        for i in range(steps_per_epoch // world):
            idx = order[i * args.batch_size : (i + 1) * args.batch_size]
            x, y = real[idx], labels[idx]
            fake_labels = torch.randint(0, config.num_classes, (len(idx),), device=device)
            z = torch.randn(len(idx), config.latent_dim, device=device)

            # (1) update D: minimise hinge loss  E[relu(1 - D(x, y))] + E[relu(1 + D(G(z, y'), y'))]
            fake = g_train(z, fake_labels)
            scores = d_train(torch.cat([x, fake.detach()]), torch.cat([y, fake_labels]))  # one pass (DDP)
            loss_d = F.relu(1 - scores[: len(idx)]).mean() + F.relu(1 + scores[len(idx) :]).mean()
            opt_d.zero_grad(set_to_none=True)
            loss_d.backward()
            opt_d.step()

            # (2) update G: maximise D(G(z, y'), y')
            loss_g = -d_train(fake, fake_labels).mean()
            opt_g.zero_grad(set_to_none=True)
            loss_g.backward()
            opt_g.step()

            update_ema(ema, generator, 0.0 if step < 500 else args.ema_decay)
            step += 1
            if args.dry_run and i >= 3:
                break
        elapsed = time.time() - start
        print(
            f"epoch {epoch} step {step} loss_d {loss_d.item():.3f} loss_g {loss_g.item():.3f} {elapsed:.0f}s",
            flush=True,
        )
        out_of_time = bool(args.minutes and elapsed > args.minutes * 60)
        if world > 1:  # rank 0's clock decides for everyone, so all processes stop together
            flag = torch.tensor([float(out_of_time)], device=device)
            dist.broadcast(flag, src=0)
            out_of_time = bool(flag.item())
            if rank != 0:
                if out_of_time:
                    break
                continue
        if epoch % args.eval_every and epoch != args.epochs and not out_of_time:
            continue
        recalibrate_batchnorm(ema, batches=20 if not args.dry_run else 2, batch_size=500, device=device)
        result = evaluate_generator(
            lambda lab, rng: ema(
                torch.randn(len(lab), config.latent_dim, generator=rng).to(device), lab.to(device)
            ),
            classifier,
            test_real,
            test_labels,
            num_samples=args.eval_samples,
            seed=0,
        )
        result = {k: v for k, v in result.items() if not isinstance(v, (list, dict))} | {
            "epoch": epoch,
            "step": step,
        }
        history.append(result)
        print(json.dumps(result), flush=True)
        if best is None or selection_key(result) > selection_key(best):
            best = result
            best_state = (copy.deepcopy(ema.state_dict()), copy.deepcopy(discriminator.state_dict()))
        if out_of_time:
            break

    if world > 1:
        checksum = sum(float(p.detach().double().sum()) for p in generator.parameters())
        print(f"rank {rank}: generator parameter checksum {checksum:.10e}", flush=True)
        dist.barrier()
        dist.destroy_process_group()
        if rank != 0:
            return {}
    # keep the selected checkpoint, add its principal latent directions, save Hub-shaped
    generator.load_state_dict(best_state[0])
    discriminator.load_state_dict(best_state[1])
    directions, variance = compute_latent_directions(generator, config.num_directions)
    gan.latent_directions.copy_(directions)
    gan.direction_variance.copy_(variance)
    gan = gan.cpu().eval()
    out = Path(args.out)
    gan.save_pretrained(out)
    record = {
        "command": "python training/train_dcgan.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "device": torch.cuda.get_device_name() if device.startswith("cuda") else "cpu",
        "generator_parameters": sum(p.numel() for p in generator.parameters()),
        "discriminator_parameters": sum(p.numel() for p in discriminator.parameters()),
        "selected": best,
        "history": history,
    }
    (out / "training_log.json").write_text(json.dumps(record, indent=1))
    print(f"selected epoch {best['epoch']}: {json.dumps(best)}; saved to {out}")
    print(f"next: python training/evaluate_gan.py --gan {out} --card  (writes eval.json and the model card)")
    return best


if __name__ == "__main__":
    main()
