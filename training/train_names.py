"""Train the character-level name → language LSTM; hold out a seeded, stratified 10 % for the figures.

    python training/train_names.py --threads 2 --epochs 20
    python training/train_names.py --dry-run             # a few tiny batches into a temp dir (<30 s)

Class imbalance (Russian is about half the names, Vietnamese 0.4 %): the cross-entropy weights each
language by (its share of the training names) ^ -class-weight-power, scaled to mean 1 over the
training names; 0.5 ("square-root inverse frequency") lifts rare languages without letting them
swallow the common ones. Every prefix is scored too (weight ∝ position), so the character-by-character
trace is the model's real belief, and the verdict is its last step.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from the repo root
from models.text_classifier import NameConfig, NameLSTM  # noqa: E402
from training.averaging import update_ema  # noqa: E402
from training.evaluate_names import (  # noqa: E402
    DATA_DIR,
    evaluate,
    languages_by_name,
    listed_under_other_languages,
    read_names,
    split_names,
)
from training.run_record import run_facts  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--data", default=str(DATA_DIR), help="folder of <Language>.txt files, one name a line")
parser.add_argument("--out", default=None, help="weights folder (default weights/names-lstm)")
parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
parser.add_argument("--device", default="cpu", help="torch device to train on ('cpu', 'cuda')")
parser.add_argument("--epochs", type=float, default=20, help="passes over the training names")
parser.add_argument("--batch-size", type=int, default=64, help="names per step")
parser.add_argument("--lr", type=float, default=3e-3, help="peak Adam learning rate (linear decay to 0)")
parser.add_argument("--embedding-dim", type=int, default=64, help="size of the character embedding")
parser.add_argument("--hidden-size", type=int, default=256, help="LSTM units per layer")
parser.add_argument("--num-layers", type=int, default=2, help="stacked LSTM layers")
parser.add_argument(
    "--dropout", type=float, default=0.3, help="dropout on embeddings, between layers, before head"
)
parser.add_argument(
    "--class-weight-power", type=float, default=0.5, help="loss weight ∝ share^-power (0: off)"
)
parser.add_argument("--prefix-weight", type=float, default=0.3, help="share of the loss on earlier prefixes")
parser.add_argument(
    "--val-fraction",
    type=float,
    default=0.0,
    help="hold a stratified share of the training names out as a validation set for choosing a recipe (0: none)",
)
parser.add_argument("--split-seed", type=int, default=0, help="seed of the stratified hold-out split")
parser.add_argument(
    "--ema", type=float, default=0.0, help="evaluate and ship an EMA of the weights with this decay (0: off)"
)
parser.add_argument("--seed", type=int, default=1337, help="seed of weights, dropout and batch order")
parser.add_argument("--dry-run", action="store_true", help="a few tiny batches, temp out dir (<30 s)")
args = parser.parse_args()

torch.set_num_threads(1 if args.dry_run else args.threads)
torch.manual_seed(args.seed)
generator = torch.Generator().manual_seed(args.seed)
out_dir = Path(args.out or (tempfile.mkdtemp(prefix="names-") if args.dry_run else "weights/names-lstm"))

# ---- data: distinct (name, language) pairs, stratified 90 / 10 split ----
pairs, languages = read_names(args.data)
train, test = split_names(pairs, seed=args.split_seed)
validation = []
if args.val_fraction > 0:  # a validation set inside the training names: the hold-out stays untouched
    train, validation = split_names(train, seed=args.split_seed + 1, holdout=args.val_fraction)
if args.dry_run:
    args.embedding_dim, args.hidden_size, args.epochs = 16, 32, 1
config = NameConfig(
    vocab="".join(sorted({ch for name, _ in train for ch in name})),
    labels=languages,
    embedding_dim=args.embedding_dim,
    hidden_size=args.hidden_size,
    num_layers=args.num_layers,
    dropout=args.dropout,
)
device = torch.device(args.device)
model = NameLSTM(config).to(device)
encoded = [(model.encode(name)[0][: config.max_chars], languages.index(lang)) for name, lang in train]
counts = Counter(label for _, label in encoded)
share = torch.tensor([counts[c] / len(encoded) for c in range(len(languages))])
class_weight = share**-args.class_weight_power  # (C,)
class_weight = class_weight / (class_weight * share).sum()  # mean weight 1 over the training names
class_weight = class_weight.to(device)
num_params = sum(p.numel() for p in model.parameters())
print(
    f"{len(encoded):,} train / {len(test):,} hold-out names, {len(languages)} languages, {num_params:,} params"
)
print("class weights: " + ", ".join(f"{lang} {w:.2f}" for lang, w in zip(languages, class_weight.tolist())))


def batches():
    """Shuffled batches: (ids (B, T) right-padded, lengths (B,), labels (B,))."""
    order = torch.randperm(len(encoded), generator=generator).tolist()
    for start in range(0, len(order), args.batch_size):
        rows = [encoded[i] for i in order[start : start + args.batch_size]]
        ids = torch.nn.utils.rnn.pad_sequence([r for r, _ in rows], batch_first=True)
        yield ids, torch.tensor([len(r) for r, _ in rows]), torch.tensor([y for _, y in rows])


def prefix_loss(logits: torch.Tensor, lengths: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Class-weighted (1 - w) · CE of the full name + w · CE over its prefixes (prefix t weighted ∝ t)."""
    B, T, C = logits.shape
    steps = torch.arange(1, T + 1, device=logits.device)[None].expand(B, T)  # (B, T)
    weights = torch.where(steps <= lengths[:, None], steps.float(), 0.0)
    weights = weights / weights.sum(1, keepdim=True)  # (B, T), each row sums to 1
    per_step = F.cross_entropy(logits.reshape(B * T, C), labels.repeat_interleave(T), reduction="none")
    prefixes = (per_step.view(B, T) * weights).sum(1)  # (B,)
    final = F.cross_entropy(
        logits[torch.arange(B, device=logits.device), lengths - 1], labels, reduction="none"
    )  # (B,)
    per_name = (1 - args.prefix_weight) * final + args.prefix_weight * prefixes
    return (per_name * class_weight[labels]).mean()


steps_per_epoch = -(-len(encoded) // args.batch_size)
total_steps = 3 if args.dry_run else int(args.epochs * steps_per_epoch)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / total_steps))
ema_model = copy.deepcopy(model) if args.ema > 0 else None  # Polyak / EMA average of the weights
step, start_time = 0, time.time()
while step < total_steps:
    model.train()
    for ids, lengths, labels in batches():
        ids, lengths, labels = ids.to(device), lengths.to(device), labels.to(device)
        loss = prefix_loss(model(ids), lengths, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        if ema_model is not None:
            update_ema(ema_model, model, args.ema)
        step += 1
        if step % steps_per_epoch == 0 or step == total_steps:
            print(f"step {step}/{total_steps} (epoch {step / steps_per_epoch:.0f}) loss {loss.item():.4f} "
                  f"{time.time() - start_time:.0f}s")  # fmt: skip
        if step == total_steps:
            break
train_seconds = time.time() - start_time

# ---- save in float16 (each file under 10 MB; the EMA's with --ema), then measure what was saved ----
model = model if ema_model is None else ema_model
model.cpu().half().save_pretrained(out_dir)
shipped = NameLSTM.from_pretrained(str(out_dir)).eval()
holdout = evaluate(shipped, test, languages_by_name(pairs))
listed_elsewhere = listed_under_other_languages(train, test)
result = {
    "holdout": holdout,
    "validation": evaluate(shipped, validation) if validation else None,
    "train_names": len(encoded),
    "class_weights": dict(zip(languages, [round(w, 3) for w in class_weight.tolist()])),
    **run_facts(args, out_dir, step, num_params, train_seconds, "evaluate_names.py"),
}
(out_dir / "eval.json").write_text(json.dumps(result, indent=2) + "\n")
size_bytes, command = result["model_safetensors_bytes"], result["command"]
rows = "\n".join(
    f"| {lang} | {counts[i]} | {r['support']} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} |"
    for i, (lang, r) in enumerate(holdout["per_class"].items())
)
where = (
    torch.cuda.get_device_name(device)
    if device.type == "cuda"
    else f"{torch.get_num_threads()} CPU thread(s)"
)
card = f"""---
license: mit
library_name: pytorch
datasets:
- pytorch-tutorial-names
tags:
- lstm
- char-rnn
- text-classification
- names
- pytorch_model_hub_mixin
- model_hub_mixin
metrics:
- accuracy
- f1
model-index:
- name: names-lstm
  results:
  - task:
      type: text-classification
    dataset:
      name: names (18 languages, PyTorch char-RNN tutorial)
      type: pytorch-tutorial-names
      split: stratified 10 % hold-out, seed {args.split_seed}
    metrics:
    - type: accuracy
      value: {holdout["accuracy"]:.4f}
      name: Hold-out accuracy
    - type: f1
      value: {holdout["macro_f1"]:.4f}
      name: Hold-out macro-F1
---

# Name → language LSTM

A one-direction character LSTM ({config.num_layers} layers of {config.hidden_size} units, {config.embedding_dim}-d
character embedding, dropout {config.dropout}) that guesses which of {len(languages)} languages a surname
comes from. After every character a linear head reads the LSTM state joined with a running max over all
states so far, so the trace shows the belief after each letter; the verdict is its last step.
{num_params:,} parameters ({size_bytes / 1e6:.1f} MB, stored in float16, loaded as float32). The {len(config.vocab)} known characters
(accents kept) and the language names are in config.json; unknown characters are dropped and reported.
Load with `models.text_classifier.NameLSTM.from_pretrained(folder)`.

## Data and split

The names of the PyTorch char-RNN tutorial, one file per language. {len(pairs):,} distinct (name,
language) pairs after removing duplicates; a stratified, seeded (seed {args.split_seed}) 10 % of each
language is held out ({len(test):,} names) and used only for the figures below. Some names belong to several
languages, which caps the reachable accuracy.

## Class imbalance

Russian is {counts[languages.index("Russian")] / len(encoded):.0%} of the training names. The loss weights each
language by share^-{args.class_weight_power} (scaled to mean 1 over training names): from
{min(class_weight.tolist()):.2f} (most common) to {max(class_weight.tolist()):.2f} (rarest).

## Results (hold-out)

Accuracy **{holdout["accuracy"]:.4f}**, macro-F1 **{holdout["macro_f1"]:.4f}**.

{listed_elsewhere} hold-out names are also training names of other languages (the data lists some names
under several languages), so no classifier gets all of them right. Counting a guess of any of a name's
languages as right, accuracy is {holdout["accuracy_any_language"]:.4f} (context, not the figure above).

| language | train | hold-out | precision | recall | F1 |
|---|---|---|---|---|---|
{rows}

## Training

Adam (lr {args.lr}, linear decay to 0), batch {args.batch_size}, {args.epochs} epochs, gradient clipping at
1.0; loss = {1 - args.prefix_weight} × cross-entropy of the full name + {args.prefix_weight} × cross-entropy
of every prefix (prefix t weighted ∝ t), class-weighted{f"; weights averaged by an EMA (decay {args.ema}) and the average shipped" if args.ema else ""}. {train_seconds / 60:.1f} min on
{where}.

```
{command}
python training/evaluate_names.py --weights {out_dir}
```
"""
(out_dir / "README.md").write_text(card)
print(f"hold-out accuracy {holdout['accuracy']:.4f}, macro-F1 {holdout['macro_f1']:.4f}")
print(json.dumps({k: v for k, v in result.items() if k not in ("args", "holdout")}
                 | {"accuracy": holdout["accuracy"], "macro_f1": holdout["macro_f1"]}))  # fmt: skip
