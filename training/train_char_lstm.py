"""Train the character-level LSTM on Tiny Shakespeare within a time budget; ship the best model in fp16.

    python -m training.train_char_lstm --device cuda --minutes 6
    python -m training.train_char_lstm --dry-run          # a few batches on the CPU, into a temp dir
    python -m training.train_char_lstm --device cpu --threads 1 --init-from FOLDER --lr 3e-4 \\
        --final-lr-fraction 0 --minutes 25                 # fine-tune a trained folder

Truncated backpropagation through time: the training text is cut into `batch_size` contiguous
streams read `seq_len` characters at a time, carrying the LSTM state between chunks.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
import torch.nn.functional as F

from models.char_lstm import CharLSTM, CharLSTMConfig
from training.averaging import add_ema_argument, update_ema
from training.data_paths import add_data_dir_argument, repo_relative
from training.evaluate_char_lstm import validation_loss
from training.run_record import command_line, recorded_args
from training.shakespeare_data import UPSTREAM_URL, build_vocab, load_text, split_text, text_path


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "tinyshakespeare/input.txt")
    p.add_argument("--out", default=None, help="weights folder (default weights/char-lstm-shakespeare)")
    p.add_argument("--device", default="auto", help="'auto' (cuda if available, else cpu), 'cuda', 'cpu'")
    p.add_argument(
        "--init-from", default=None, help="weights folder to start from (its config; size flags are ignored)"
    )
    p.add_argument("--threads", type=int, default=0, help="CPU threads for torch (0: torch's default)")
    p.add_argument("--hidden-size", type=int, default=480, help="LSTM units per layer")
    p.add_argument("--num-layers", type=int, default=3, help="stacked LSTM layers")
    p.add_argument("--embedding-dim", type=int, default=64, help="size of the character embedding")
    p.add_argument(
        "--dropout",
        type=float,
        default=None,
        help="dropout on embedding, between layers, before head (default 0.35, or the --init-from folder's)",
    )
    p.add_argument("--seq-len", type=int, default=256, help="characters per truncated-BPTT chunk")
    p.add_argument("--batch-size", type=int, default=128, help="parallel contiguous streams of training text")
    p.add_argument("--lr", type=float, default=2e-3, help="peak AdamW learning rate")
    p.add_argument("--weight-decay", type=float, default=0.1, help="AdamW weight decay on weight matrices")
    p.add_argument("--grad-clip", type=float, default=1.0, help="max global gradient norm")
    p.add_argument("--warmup-steps", type=int, default=100, help="linear learning-rate warm-up steps")
    p.add_argument(
        "--final-lr-fraction", type=float, default=0.1, help="the cosine ends at lr times this fraction"
    )
    p.add_argument(
        "--minutes", type=float, default=6.0, help="training time budget (the cosine decays over it)"
    )
    p.add_argument(
        "--max-steps", type=int, default=0, help="stop after this many steps (0: time budget only)"
    )
    p.add_argument(
        "--weight-drop",
        type=float,
        default=0.0,
        help="DropConnect on the recurrent weights W_hh, one mask per batch (AWD-LSTM; 0: off)",
    )
    add_ema_argument(p)
    p.add_argument("--eval-every", type=int, default=200, help="steps between validation-loss evaluations")
    p.add_argument(
        "--seed", type=int, default=1337, help="seed of the initial weights, dropout and data offsets"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="a few tiny batches, tiny eval, temp out dir (<30 s)"
    )
    return p.parse_args(argv)


def build_model(args: argparse.Namespace, text: str) -> tuple[CharLSTM, dict | None]:
    """A new model sized by the flags, or --init-from's (float32, its dropout replaced when given).

    Also returns how the starting weights were made with --init-from (their eval.json, {} without one).
    """
    if not args.init_from:
        config = CharLSTMConfig(
            vocab=build_vocab(text),
            embedding_dim=args.embedding_dim,
            hidden_size=args.hidden_size,
            num_layers=args.num_layers,
            dropout=0.35 if args.dropout is None else args.dropout,
        )
        return CharLSTM(config), None
    model = CharLSTM.from_pretrained(args.init_from)  # float32 whatever was stored
    if args.dropout is not None:
        model.config.dropout = model.dropout.p = args.dropout
        model.lstm.dropout = args.dropout if model.config.num_layers > 1 else 0.0
    eval_path = Path(args.init_from) / "eval.json"
    return model, json.loads(eval_path.read_text()) if eval_path.exists() else {}


def batches(train_ids: torch.Tensor, batch_size: int, seq_len: int, generator: torch.Generator):
    """Endless (x, y, new_epoch) chunks (B, seq_len) of B contiguous streams; a random offset per epoch."""
    while True:
        offset = int(torch.randint(seq_len, (1,), generator=generator))
        length = (len(train_ids) - offset - 1) // batch_size
        data = train_ids[offset : offset + batch_size * length + 1]
        x, y = data[:-1].view(batch_size, length), data[1:].view(batch_size, length)
        for start in range(0, length - seq_len + 1, seq_len):
            yield x[:, start : start + seq_len], y[:, start : start + seq_len], start == 0


def make_optimizer(model: CharLSTM, args: argparse.Namespace) -> torch.optim.AdamW:
    """AdamW with weight decay on the weight matrices only."""
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=args.lr,
        betas=(0.9, 0.99),
    )


def learning_rate(args: argparse.Namespace, step: int, progress: float) -> float:
    """Linear warm-up, then cosine from lr to lr * final_lr_fraction over the budget (progress in [0, 1])."""
    warmup = min(1.0, (step + 1) / max(args.warmup_steps, 1))
    final = args.final_lr_fraction
    return args.lr * warmup * (final + (1 - final) / 2 * (1 + math.cos(math.pi * min(progress, 1.0))))


def train_forward(model: CharLSTM, x: torch.Tensor, state, weight_drop: float):
    """The model's forward pass, with --weight-drop: W_hh with dropped entries (Merity et al., 2018)."""
    if weight_drop <= 0:
        return model(x, state)
    params = dict(model.named_parameters())
    recurrent = [name for name in params if name.startswith("lstm.weight_hh")]
    dropped = {name: F.dropout(params[name], weight_drop, training=True) for name in recurrent}
    return torch.func.functional_call(model, dropped, (x, state))


@dataclass
class Progress:
    """What the training loop has seen so far, and the best validated weights (on the CPU)."""

    step: int = 0
    chars_seen: int = 0
    smoothed: float | None = None  # smoothed training loss
    best_loss: float = float("inf")
    best_step: int = 0
    best_state: dict | None = None
    history: list[dict] = field(default_factory=list)


def validate(model: CharLSTM, val_ids: torch.Tensor, run: Progress, lr: float, start: float) -> None:
    """Validation loss on the whole validation split; keep the weights when they are the best so far."""
    val_loss = validation_loss(model, val_ids)
    elapsed = time.perf_counter() - start
    if val_loss < run.best_loss:
        run.best_loss, run.best_step = val_loss, run.step
        run.best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
    run.history.append({"step": run.step, "val_loss": round(val_loss, 4), "seconds": round(elapsed, 1)})
    train_msg = f"train {run.smoothed:.4f}" if run.smoothed is not None else "train -"
    speed = run.chars_seen / max(elapsed, 1e-9)
    print(
        f"step {run.step:6d} | {train_msg} | val {val_loss:.4f} | best {run.best_loss:.4f} @ {run.best_step}"
        f" | lr {lr:.2e} | {elapsed:6.1f}s | {speed:,.0f} chars/s",
        flush=True,
    )


def train(
    model: CharLSTM, train_ids: torch.Tensor, val_ids: torch.Tensor, args: argparse.Namespace
) -> tuple[Progress, float]:
    """Truncated BPTT until the time budget (or --max-steps) is spent; returns (progress, seconds)."""
    optimizer = make_optimizer(model, args)
    budget_s = args.minutes * 60
    # Polyak / EMA averaging of the weights (optional): validation, checkpointing and shipping then use the average
    ema_model = copy.deepcopy(model) if args.ema > 0 else None
    run, state = Progress(), None
    start = time.perf_counter()
    model.train()
    for x, y, new_epoch in batches(
        train_ids, args.batch_size, args.seq_len, torch.Generator().manual_seed(args.seed)
    ):
        step_share = run.step / args.max_steps if args.max_steps else 0.0
        progress = max((time.perf_counter() - start) / budget_s, step_share)
        done = progress >= 1.0
        if run.step % args.eval_every == 0 or done:  # (1) validation loss on the whole validation split
            lr = learning_rate(args, run.step, progress)
            validate(model if ema_model is None else ema_model, val_ids, run, lr, start)
            model.train()
        if done:
            break

        # (2) one truncated-BPTT step: state carried from the previous chunk, gradients cut at its start
        state = None if new_epoch or state is None else tuple(s.detach() for s in state)
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(args, run.step, progress)
        logits, state = train_forward(model, x, state, args.weight_drop)  # (B, T, V)
        loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
        optimizer.step()
        if ema_model is not None:
            update_ema(ema_model, model, args.ema)
        run.step += 1
        run.chars_seen += x.numel()
        if run.step % 20 == 0 or args.dry_run:  # .item() syncs the GPU: not every step
            run.smoothed = loss.item() if run.smoothed is None else 0.9 * run.smoothed + 0.1 * loss.item()
    return run, time.perf_counter() - start


def init_from_record(args: argparse.Namespace, pretrain: dict | None, run: Progress) -> dict | None:
    """With --init-from: the starting folder, how it was made, and its validation loss when loaded."""
    if pretrain is None:
        return None
    return {
        "folder": repo_relative(args.init_from),
        "command": pretrain.get("command"),
        "device": pretrain.get("device"),
        "val_loss_shipped": pretrain.get("val_loss_shipped"),
        "init_val_loss": run.history[0]["val_loss"],
    }


def training_section(args: argparse.Namespace, result: dict) -> str:
    """The card's account of how the weights were made: one command, or pretraining + fine-tuning."""
    weight_drop = f"; DropConnect {args.weight_drop} on the recurrent weights" if args.weight_drop else ""
    ema = f"; weights averaged by an EMA (decay {args.ema})" if args.ema else ""
    recipe = (
        f"Truncated BPTT over {args.batch_size} contiguous streams of {args.seq_len} characters, AdamW "
        f"(peak lr {args.lr}, weight decay {args.weight_decay}), {args.warmup_steps} warm-up steps then "
        f"cosine decay to {args.final_lr_fraction} × lr over the time budget, gradient clipping at "
        f"{args.grad_clip}{weight_drop}{ema}; the checkpoint with the lowest validation loss is kept."
    )
    origin = result["init_from"]
    if origin is None:
        return f"## Training\n\n{recipe}\n\n```\n{result['command']}\n```\n"
    pretrain_command = origin["command"] or "(unknown: the folder has no eval.json)"
    return f"""## Training

Two runs. Pretraining (on {origin["device"] or "an unrecorded device"}; shipped validation loss
{origin["val_loss_shipped"]}):

```
{pretrain_command}
```

Fine-tuning from those weights (`{origin["folder"]}`, validation loss {origin["init_val_loss"]:.4f}
when loaded) on {result["device"]}: {recipe}

```
{result["command"]}
```
"""


CARD = """---
license: mit
library_name: pytorch
datasets:
- tiny_shakespeare
tags:
- lstm
- char-rnn
- text-generation
- pytorch_model_hub_mixin
- model_hub_mixin
---

# Character-level LSTM on Tiny Shakespeare

A {config.num_layers}-layer LSTM ({config.hidden_size} units per layer, {config.embedding_dim}-d character
embedding, dropout {config.dropout}) predicting the next character; {r[params]:,} parameters, stored in
float16 ({size_mb:.1f} MB). Load it with `models.char_lstm.CharLSTM.from_pretrained(folder)`,
which casts the weights back to float32.

## Data and split

Tiny Shakespeare ({text_chars:,} characters, {vocab_size}-character vocabulary) from
{url}. Split as nanoGPT's `shakespeare_char`: the first 90 % of the characters for training,
the last 10 % ({r[val_chars]:,} characters{dry_run_note}) for validation.

## Result

Validation loss of the shipped float16 weights: **{shipped_loss:.4f} nats/char**
({bits:.3f} bits/char); best float32 checkpoint before conversion: {best_loss:.4f},
at step {r[best_step]} of {r[steps]} ({train_minutes:.1f} min on {r[device]}, {r[epochs]} epochs).
The validation text is read as 32 contiguous streams, each starting from a zero state.

{training}"""


def model_card(
    args: argparse.Namespace,
    config: CharLSTMConfig,
    text_chars: int,
    losses: tuple[float, float],
    result: dict,
) -> str:
    """README.md with Hub metadata; every figure comes from `result` and the (shipped, best fp32) losses."""
    shipped_loss, best_loss = losses
    return CARD.format(
        config=config,
        r=result,
        size_mb=result["model_safetensors_bytes"] / 1e6,
        text_chars=text_chars,
        vocab_size=len(config.vocab),
        url=UPSTREAM_URL,
        dry_run_note=" — dry run: truncated" if args.dry_run else "",
        shipped_loss=shipped_loss,
        bits=shipped_loss / math.log(2),
        best_loss=best_loss,
        train_minutes=result["train_seconds"] / 60,
        training=training_section(args, result),
    )


def configure(args: argparse.Namespace) -> tuple[Path, torch.device]:
    """Threads, --dry-run's tiny sizes, seed and matmul precision; returns (the output folder, the device)."""
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.dry_run:
        torch.set_num_threads(1)
        args.batch_size, args.seq_len, args.max_steps, args.eval_every, args.warmup_steps = 4, 32, 3, 2, 1
    out_dir = Path(
        args.out
        or (tempfile.mkdtemp(prefix="char-lstm-") if args.dry_run else "weights/char-lstm-shakespeare")
    )
    auto_device = "cuda" if torch.cuda.is_available() else "cpu"
    device = torch.device(auto_device if args.device == "auto" else args.device)
    torch.manual_seed(args.seed)
    torch.set_float32_matmul_precision("high")  # TF32 matmuls on recent GPUs (cuDNN RNNs use TF32 already)
    return out_dir, device


def encode_splits(model: CharLSTM, text: str, dry_run: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """(train ids on the model's device, validation ids on the CPU; its first 2000 chars with --dry-run)."""
    train_text, val_text = split_text(text)
    train_ids, dropped = model.encode(train_text)
    val_ids, dropped_val = model.encode(val_text[:2000] if dry_run else val_text)
    if dropped or dropped_val:
        raise SystemExit(f"the data has characters outside the model's vocabulary: {dropped + dropped_val}")
    return train_ids.to(model.device), val_ids


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    out_dir, device = configure(args)

    # ---- data: nanoGPT split, first 90 % train, last 10 % validation ----
    text = load_text(text_path(args.data_dir))
    model, pretrain = build_model(args, text)
    model = model.to(device)
    config = model.config
    train_ids, val_ids = encode_splits(model, text, args.dry_run)
    num_params = sum(p.numel() for p in model.parameters())
    print(
        f"{len(train_ids):,} train / {len(val_ids):,} val chars, vocab {len(config.vocab)}, {num_params:,} params"
    )
    print(f"device {device}, fp16 weights ≈ {2 * num_params / 1e6:.1f} MB")
    run, train_seconds = train(model, train_ids, val_ids, args)

    # ---- ship: best weights in float16, reloaded (as float32) and measured ----
    model.load_state_dict(run.best_state)
    # cuDNN keeps LSTM weights in one shared buffer: copy out first
    model.cpu().half().save_pretrained(out_dir)
    shipped = CharLSTM.from_pretrained(str(out_dir)).to(device)
    shipped_loss = validation_loss(shipped, val_ids)
    result = {
        "val_loss_shipped": round(shipped_loss, 4),
        "val_loss_best_fp32": round(run.best_loss, 4),
        "steps": run.step,
        "best_step": run.best_step,
        "train_seconds": round(train_seconds, 1),
        "chars_seen": run.chars_seen,
        "epochs": round(run.chars_seen / len(train_ids), 1),
        "val_chars": len(val_ids),
        "params": num_params,
        "model_safetensors_bytes": (out_dir / "model.safetensors").stat().st_size,
        "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
        "torch": torch.__version__,
        "dry_run": args.dry_run,
        "config": asdict(config),
        "args": recorded_args(args),
        "command": command_line("training.train_char_lstm", argv),
        "init_from": init_from_record(args, pretrain, run),
        "history": run.history,
    }
    (out_dir / "eval.json").write_text(json.dumps(result, indent=2) + "\n")
    (out_dir / "README.md").write_text(
        model_card(args, config, len(text), (shipped_loss, run.best_loss), result)
    )
    print(json.dumps({k: v for k, v in result.items() if k not in ("history", "args", "config")}))
    return result


if __name__ == "__main__":
    main()
