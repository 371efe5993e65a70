"""Train the character-level LSTM on Tiny Shakespeare within a time budget; ship the best model in fp16.

    python3 training/train_char_lstm.py --device cuda --minutes 6
    python3 training/train_char_lstm.py --dry-run          # a few batches on the CPU, into a temp dir
    python3 training/train_char_lstm.py --device cpu --threads 1 --init-from FOLDER --lr 3e-4 \
        --final-lr-fraction 0 --minutes 25                 # fine-tune a trained folder

Truncated backpropagation through time: the training text is cut into `batch_size` contiguous
streams read `seq_len` characters at a time, carrying the LSTM state between chunks.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import shlex
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from the repo root
from models.char_lstm import CharLSTM, CharLSTMConfig  # noqa: E402
from training.averaging import update_ema  # noqa: E402
from training.evaluate_char_lstm import validation_loss  # noqa: E402
from training.shakespeare_data import DEFAULT_DATA_PATH, UPSTREAM_URL, build_vocab, load_text, split_text  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--data", default=str(DEFAULT_DATA_PATH), help="path of tinyshakespeare input.txt")
parser.add_argument("--out", default=None, help="weights folder (default weights/char-lstm-shakespeare)")
parser.add_argument("--device", default="auto", help="'auto' (cuda if available, else cpu), 'cuda', 'cpu'")
parser.add_argument(
    "--init-from", default=None, help="weights folder to start from (its config; size flags are ignored)"
)
parser.add_argument("--threads", type=int, default=0, help="CPU threads for torch (0: torch's default)")
parser.add_argument("--hidden-size", type=int, default=480, help="LSTM units per layer")
parser.add_argument("--num-layers", type=int, default=3, help="stacked LSTM layers")
parser.add_argument("--embedding-dim", type=int, default=64, help="size of the character embedding")
parser.add_argument(
    "--dropout",
    type=float,
    default=None,
    help="dropout on embedding, between layers, before head (default 0.35, or the --init-from folder's)",
)
parser.add_argument("--seq-len", type=int, default=256, help="characters per truncated-BPTT chunk")
parser.add_argument(
    "--batch-size", type=int, default=128, help="parallel contiguous streams of training text"
)
parser.add_argument("--lr", type=float, default=2e-3, help="peak AdamW learning rate")
parser.add_argument("--weight-decay", type=float, default=0.1, help="AdamW weight decay on weight matrices")
parser.add_argument("--grad-clip", type=float, default=1.0, help="max global gradient norm")
parser.add_argument("--warmup-steps", type=int, default=100, help="linear learning-rate warm-up steps")
parser.add_argument(
    "--final-lr-fraction", type=float, default=0.1, help="the cosine ends at lr times this fraction"
)
parser.add_argument(
    "--minutes", type=float, default=6.0, help="training time budget (the cosine decays over it)"
)
parser.add_argument(
    "--max-steps", type=int, default=0, help="stop after this many steps (0: time budget only)"
)
parser.add_argument(
    "--weight-drop",
    type=float,
    default=0.0,
    help="DropConnect on the recurrent weights W_hh, one mask per batch (AWD-LSTM; 0: off)",
)
parser.add_argument(
    "--ema", type=float, default=0.0, help="evaluate and ship an EMA of the weights with this decay (0: off)"
)
parser.add_argument("--eval-every", type=int, default=200, help="steps between validation-loss evaluations")
parser.add_argument(
    "--seed", type=int, default=1337, help="seed of the initial weights, dropout and data offsets"
)
parser.add_argument(
    "--dry-run", action="store_true", help="a few tiny batches, tiny eval, temp out dir (<30 s)"
)
args = parser.parse_args()

if args.threads > 0:
    torch.set_num_threads(args.threads)
if args.dry_run:
    torch.set_num_threads(1)
    args.batch_size, args.seq_len, args.max_steps, args.eval_every, args.warmup_steps = 4, 32, 3, 2, 1
out_dir = Path(
    args.out or (tempfile.mkdtemp(prefix="char-lstm-") if args.dry_run else "weights/char-lstm-shakespeare")
)
auto_device = "cuda" if torch.cuda.is_available() else "cpu"
device = torch.device(auto_device if args.device == "auto" else args.device)
torch.manual_seed(args.seed)
torch.set_float32_matmul_precision("high")  # TF32 matmuls on recent GPUs (cuDNN RNNs use TF32 already)

# ---- data: nanoGPT split, first 90 % train, last 10 % validation ----
text = load_text(args.data)
train_text, val_text = split_text(text)
pretrain = None  # with --init-from: how the starting weights were made (their eval.json, if any)
if args.init_from:
    model = CharLSTM.from_pretrained(args.init_from)  # float32 whatever was stored
    if args.dropout is not None:
        model.config.dropout = model.dropout.p = args.dropout
        model.lstm.dropout = args.dropout if model.config.num_layers > 1 else 0.0
    config = model.config
    eval_path = Path(args.init_from) / "eval.json"
    pretrain = json.loads(eval_path.read_text()) if eval_path.exists() else {}
else:
    config = CharLSTMConfig(
        vocab=build_vocab(text),
        embedding_dim=args.embedding_dim,
        hidden_size=args.hidden_size,
        num_layers=args.num_layers,
        dropout=0.35 if args.dropout is None else args.dropout,
    )
    model = CharLSTM(config)
model = model.to(device)
train_ids, dropped = model.encode(train_text)
val_ids, dropped_val = model.encode(val_text[:2000] if args.dry_run else val_text)
if dropped or dropped_val:
    raise SystemExit(f"the data has characters outside the model's vocabulary: {dropped + dropped_val}")
train_ids = train_ids.to(device)
num_params = sum(p.numel() for p in model.parameters())
print(
    f"{len(train_ids):,} train / {len(val_ids):,} val chars, vocab {len(config.vocab)}, {num_params:,} params"
)
print(f"device {device}, fp16 weights ≈ {2 * num_params / 1e6:.1f} MB")


def batches(generator: torch.Generator):
    """Endless (x, y, new_epoch) chunks (B, seq_len) of B contiguous streams; a random offset per epoch."""
    while True:
        offset = int(torch.randint(args.seq_len, (1,), generator=generator))
        length = (len(train_ids) - offset - 1) // args.batch_size
        data = train_ids[offset : offset + args.batch_size * length + 1]
        x, y = data[:-1].view(args.batch_size, length), data[1:].view(args.batch_size, length)
        for start in range(0, length - args.seq_len + 1, args.seq_len):
            yield x[:, start : start + args.seq_len], y[:, start : start + args.seq_len], start == 0


decay = [p for p in model.parameters() if p.dim() >= 2]
no_decay = [p for p in model.parameters() if p.dim() < 2]
optimizer = torch.optim.AdamW(
    [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
    lr=args.lr,
    betas=(0.9, 0.99),
)


def learning_rate(step: int, progress: float) -> float:
    """Linear warm-up, then cosine from lr to lr * final_lr_fraction over the budget (progress in [0, 1])."""
    warmup = min(1.0, (step + 1) / max(args.warmup_steps, 1))
    final = args.final_lr_fraction
    return args.lr * warmup * (final + (1 - final) / 2 * (1 + math.cos(math.pi * min(progress, 1.0))))


recurrent = [name for name, _ in model.named_parameters() if name.startswith("lstm.weight_hh")]


def train_forward(x: torch.Tensor, state):
    """The model's forward pass, with --weight-drop: W_hh with dropped entries (Merity et al., 2018)."""
    if args.weight_drop <= 0:
        return model(x, state)
    params = dict(model.named_parameters())
    dropped = {name: F.dropout(params[name], args.weight_drop, training=True) for name in recurrent}
    return torch.func.functional_call(model, dropped, (x, state))


# ---- training loop ----
budget_s = args.minutes * 60
# Polyak / EMA averaging of the weights (optional): validation, checkpointing and shipping then use the average
ema_model = copy.deepcopy(model) if args.ema > 0 else None
best_loss, best_step, best_state = float("inf"), 0, None
step, chars_seen, state, smoothed = 0, 0, None, None
history = []
start = time.perf_counter()
model.train()
for x, y, new_epoch in batches(torch.Generator().manual_seed(args.seed)):
    progress = max((time.perf_counter() - start) / budget_s, step / args.max_steps if args.max_steps else 0.0)
    done = progress >= 1.0
    if step % args.eval_every == 0 or done:  # (1) validation loss on the whole validation split
        evaluated = model if ema_model is None else ema_model
        val_loss = validation_loss(evaluated, val_ids)
        if val_loss < best_loss:
            best_loss, best_step = val_loss, step
            best_state = {k: v.detach().to("cpu", copy=True) for k, v in evaluated.state_dict().items()}
        elapsed = time.perf_counter() - start
        history.append({"step": step, "val_loss": round(val_loss, 4), "seconds": round(elapsed, 1)})
        train_msg = f"train {smoothed:.4f}" if smoothed is not None else "train -"
        print(f"step {step:6d} | {train_msg} | val {val_loss:.4f} | best {best_loss:.4f} @ {best_step}"
              f" | lr {learning_rate(step, progress):.2e} | {elapsed:6.1f}s | {chars_seen / max(elapsed, 1e-9):,.0f} chars/s",
              flush=True)  # fmt: skip
        model.train()
    if done:
        break

    # (2) one truncated-BPTT step: state carried from the previous chunk, gradients cut at its start
    state = None if new_epoch or state is None else tuple(s.detach() for s in state)
    for group in optimizer.param_groups:
        group["lr"] = learning_rate(step, progress)
    logits, state = train_forward(x, state)  # (B, T, V)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_clip)
    optimizer.step()
    if ema_model is not None:
        update_ema(ema_model, model, args.ema)
    step += 1
    chars_seen += x.numel()
    if step % 20 == 0 or args.dry_run:  # .item() syncs the GPU: not every step
        smoothed = loss.item() if smoothed is None else 0.9 * smoothed + 0.1 * loss.item()
train_seconds = time.perf_counter() - start

# ---- ship: best weights in float16, reloaded (as float32) and measured ----
model.load_state_dict(best_state)
model.cpu().half().save_pretrained(out_dir)  # cuDNN keeps LSTM weights in one shared buffer: copy out first
shipped = CharLSTM.from_pretrained(str(out_dir)).to(device)
shipped_loss = validation_loss(shipped, val_ids)
size_bytes = (out_dir / "model.safetensors").stat().st_size
command = "python3 training/train_char_lstm.py " + shlex.join(sys.argv[1:])
result = {
    "val_loss_shipped": round(shipped_loss, 4),
    "val_loss_best_fp32": round(best_loss, 4),
    "steps": step,
    "best_step": best_step,
    "train_seconds": round(train_seconds, 1),
    "chars_seen": chars_seen,
    "epochs": round(chars_seen / len(train_ids), 1),
    "val_chars": len(val_ids),
    "params": num_params,
    "model_safetensors_bytes": size_bytes,
    "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
    "torch": torch.__version__,
    "dry_run": args.dry_run,
    "config": asdict(config),
    "args": vars(args),
    "command": command,
    "init_from": None if pretrain is None else {
        "folder": args.init_from,
        "command": pretrain.get("command"),
        "device": pretrain.get("device"),
        "val_loss_shipped": pretrain.get("val_loss_shipped"),
        "init_val_loss": history[0]["val_loss"],
    },
    "history": history,
}  # fmt: skip
(out_dir / "eval.json").write_text(json.dumps(result, indent=2) + "\n")


def training_section(result: dict) -> str:
    """The card's account of how the weights were made: one command, or pretraining + fine-tuning."""
    recipe = (
        f"Truncated BPTT over {args.batch_size} contiguous streams of {args.seq_len} characters, AdamW "
        f"(peak lr {args.lr}, weight decay {args.weight_decay}), {args.warmup_steps} warm-up steps then "
        f"cosine decay to {args.final_lr_fraction} × lr over the time budget, gradient clipping at "
        f"{args.grad_clip}{f'; DropConnect {args.weight_drop} on the recurrent weights' if args.weight_drop else ''}{f'; weights averaged by an EMA (decay {args.ema})' if args.ema else ''}; the checkpoint with the lowest validation loss is kept."
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


card = f"""---
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
embedding, dropout {config.dropout}) predicting the next character; {num_params:,} parameters, stored in
float16 ({size_bytes / 1e6:.1f} MB). Load it with `models.char_lstm.CharLSTM.from_pretrained(folder)`,
which casts the weights back to float32.

## Data and split

Tiny Shakespeare ({len(text):,} characters, {len(config.vocab)}-character vocabulary) from
{UPSTREAM_URL}. Split as nanoGPT's `shakespeare_char`: the first 90 % of the characters for training,
the last 10 % ({len(val_ids):,} characters{" — dry run: truncated" if args.dry_run else ""}) for validation.

## Result

Validation loss of the shipped float16 weights: **{shipped_loss:.4f} nats/char**
({shipped_loss / math.log(2):.3f} bits/char); best float32 checkpoint before conversion: {best_loss:.4f},
at step {best_step} of {step} ({train_seconds / 60:.1f} min on {result["device"]}, {result["epochs"]} epochs).
The validation text is read as 32 contiguous streams, each starting from a zero state.

{training_section(result)}"""
(out_dir / "README.md").write_text(card)
print(json.dumps({k: v for k, v in result.items() if k not in ("history", "args", "config")}))
