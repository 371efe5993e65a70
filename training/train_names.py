"""Train the character-level name → language LSTM; hold out a seeded, stratified 10 % for the figures.

    python -m training.train_names --threads 2 --epochs 20
    python -m training.train_names --dry-run             # a few tiny batches into a temp dir (<30 s)

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
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import torch

from models.text_classifier import NameConfig, NameLSTM
from training.averaging import add_ema_argument
from training.data_paths import add_data_dir_argument
from training.evaluate_names import (
    evaluate,
    languages_by_name,
    listed_under_other_languages,
    names_dir,
    read_names,
    split_names,
)
from training.run_record import command_line, run_facts
from training.sequence_training import linear_decay, pad_batch, prefix_loss, training_step

Example = tuple[str, str]  # (name, language)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_data_dir_argument(p, "names/<Language>.txt, one name a line")
    p.add_argument("--out", default=None, help="weights folder (default weights/names-lstm)")
    p.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    p.add_argument("--device", default="cpu", help="torch device to train on ('cpu', 'cuda')")
    p.add_argument("--epochs", type=float, default=20, help="passes over the training names")
    p.add_argument("--batch-size", type=int, default=64, help="names per step")
    p.add_argument("--lr", type=float, default=3e-3, help="peak Adam learning rate (linear decay to 0)")
    p.add_argument("--embedding-dim", type=int, default=64, help="size of the character embedding")
    p.add_argument("--hidden-size", type=int, default=256, help="LSTM units per layer")
    p.add_argument("--num-layers", type=int, default=2, help="stacked LSTM layers")
    p.add_argument(
        "--dropout", type=float, default=0.3, help="dropout on embeddings, between layers, before head"
    )
    p.add_argument(
        "--class-weight-power", type=float, default=0.5, help="loss weight ∝ share^-power (0: off)"
    )
    p.add_argument("--prefix-weight", type=float, default=0.3, help="share of the loss on earlier prefixes")
    p.add_argument(
        "--val-fraction",
        type=float,
        default=0.0,
        help="hold a stratified share of the training names out as a validation set for choosing a recipe (0: none)",
    )
    p.add_argument("--split-seed", type=int, default=0, help="seed of the stratified hold-out split")
    add_ema_argument(p)
    p.add_argument("--seed", type=int, default=1337, help="seed of weights, dropout and batch order")
    p.add_argument("--dry-run", action="store_true", help="a few tiny batches, temp out dir (<30 s)")
    return p.parse_args(argv)


@dataclass
class NamesData:
    """Distinct (name, language) pairs and their stratified split; `validation` is empty unless asked for."""

    pairs: list[Example]
    languages: list[str]
    train: list[Example]
    test: list[Example]
    validation: list[Example]


def load_data(args: argparse.Namespace) -> NamesData:
    """Distinct (name, language) pairs, stratified 90 / 10 split (and a validation share of the 90)."""
    pairs, languages = read_names(names_dir(args.data_dir))
    train, test = split_names(pairs, seed=args.split_seed)
    validation = []
    if args.val_fraction > 0:  # a validation set inside the training names: the hold-out stays untouched
        train, validation = split_names(train, seed=args.split_seed + 1, holdout=args.val_fraction)
    return NamesData(pairs, languages, train, test, validation)


def build_model(args: argparse.Namespace, data: NamesData) -> NameLSTM:
    config = NameConfig(
        vocab="".join(sorted({ch for name, _ in data.train for ch in name})),
        labels=data.languages,
        embedding_dim=args.embedding_dim,
        hidden_size=args.hidden_size,
        num_layers=args.num_layers,
        dropout=args.dropout,
    )
    return NameLSTM(config).to(args.device)


def class_weights(labels: list[int], num_classes: int, power: float) -> torch.Tensor:
    """share^-power per class (C,), scaled so that the mean weight over `labels` is 1."""
    counts = Counter(labels)
    share = torch.tensor([counts[c] / len(labels) for c in range(num_classes)])
    weight = share**-power  # (C,)
    return weight / (weight * share).sum()


def batches(encoded: list[tuple[torch.Tensor, int]], batch_size: int, generator: torch.Generator):
    """Shuffled batches: (ids (B, T) right-padded, lengths (B,), labels (B,))."""
    order = torch.randperm(len(encoded), generator=generator).tolist()
    for start in range(0, len(order), batch_size):
        yield pad_batch([encoded[i] for i in order[start : start + batch_size]])


def train(
    model: NameLSTM,
    encoded: list[tuple[torch.Tensor, int]],
    class_weight: torch.Tensor,
    args: argparse.Namespace,
    generator: torch.Generator,
) -> tuple[NameLSTM, int, float]:
    """Adam with linear decay and clipping; returns (the model to ship: the EMA's with --ema, steps, seconds)."""
    steps_per_epoch = -(-len(encoded) // args.batch_size)
    total_steps = 3 if args.dry_run else int(args.epochs * steps_per_epoch)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    schedule = linear_decay(optimizer, total_steps)
    ema_model = copy.deepcopy(model) if args.ema > 0 else None  # Polyak / EMA average of the weights
    step, start_time = 0, time.time()
    while step < total_steps:
        model.train()
        for ids, lengths, labels in batches(encoded, args.batch_size, generator):
            ids, lengths, labels = ids.to(args.device), lengths.to(args.device), labels.to(args.device)
            loss = prefix_loss(model(ids), lengths, labels, args.prefix_weight, class_weight)
            training_step(model, loss, optimizer, schedule, ema_model, args.ema)
            step += 1
            if step % steps_per_epoch == 0 or step == total_steps:
                seconds = time.time() - start_time
                epoch = step / steps_per_epoch
                print(f"step {step}/{total_steps} (epoch {epoch:.0f}) loss {loss.item():.4f} {seconds:.0f}s")
            if step == total_steps:
                break
    return (model if ema_model is None else ema_model), step, time.time() - start_time


CARD = """---
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
      value: {holdout[accuracy]:.4f}
      name: Hold-out accuracy
    - type: f1
      value: {holdout[macro_f1]:.4f}
      name: Hold-out macro-F1
---

# Name → language LSTM

A one-direction character LSTM ({config.num_layers} layers of {config.hidden_size} units, {config.embedding_dim}-d
character embedding, dropout {config.dropout}) that guesses which of {num_languages} languages a surname
comes from. After every character a linear head reads the LSTM state joined with a running max over all
states so far, so the trace shows the belief after each letter; the verdict is its last step.
{num_params:,} parameters ({size_mb:.1f} MB, stored in float16, loaded as float32). The {vocab_size} known characters
(accents kept) and the language names are in config.json; unknown characters are dropped and reported.
Load with `models.text_classifier.NameLSTM.from_pretrained(folder)`.

## Data and split

The names of the PyTorch char-RNN tutorial, one file per language. {num_pairs:,} distinct (name,
language) pairs after removing duplicates; a stratified, seeded (seed {args.split_seed}) 10 % of each
language is held out ({num_test:,} names) and used only for the figures below. Some names belong to several
languages, which caps the reachable accuracy.

## Class imbalance

Russian is {russian_share:.0%} of the training names. The loss weights each
language by share^-{args.class_weight_power} (scaled to mean 1 over training names): from
{weight_min:.2f} (most common) to {weight_max:.2f} (rarest).

## Results (hold-out)

Accuracy **{holdout[accuracy]:.4f}**, macro-F1 **{holdout[macro_f1]:.4f}**.

{listed_elsewhere} hold-out names are also training names of other languages (the data lists some names
under several languages), so no classifier gets all of them right. Counting a guess of any of a name's
languages as right, accuracy is {holdout[accuracy_any_language]:.4f} (context, not the figure above).

| language | train | hold-out | precision | recall | F1 |
|---|---|---|---|---|---|
{rows}

## Training

Adam (lr {args.lr}, linear decay to 0), batch {args.batch_size}, {args.epochs} epochs, gradient clipping at
1.0; loss = {full_weight} × cross-entropy of the full name + {args.prefix_weight} × cross-entropy
of every prefix (prefix t weighted ∝ t), class-weighted{ema_note}. {train_minutes:.1f} min on
{where}.

```
{command}
{eval_command}
```
"""


def model_card(
    args: argparse.Namespace, model: NameLSTM, data: NamesData, class_weight: list[float], result: dict
) -> str:
    """README.md with Hub metadata; every figure comes from `result`, the data and the class weights."""
    holdout = result["holdout"]
    counts = Counter(lang for _, lang in data.train)
    rows = "\n".join(
        f"| {lang} | {counts[lang]} | {r['support']} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} |"
        for lang, r in holdout["per_class"].items()
    )
    device = torch.device(args.device)
    ema_note = f"; weights averaged by an EMA (decay {args.ema}) and the average shipped" if args.ema else ""
    return CARD.format(
        args=args,
        config=model.config,
        holdout=holdout,
        num_languages=len(data.languages),
        num_params=result["params"],
        size_mb=result["model_safetensors_bytes"] / 1e6,
        vocab_size=len(model.config.vocab),
        num_pairs=len(data.pairs),
        num_test=len(data.test),
        russian_share=counts["Russian"] / len(data.train),
        weight_min=min(class_weight),
        weight_max=max(class_weight),
        listed_elsewhere=listed_under_other_languages(data.train, data.test),
        rows=rows,
        full_weight=1 - args.prefix_weight,
        ema_note=ema_note,
        train_minutes=result["train_seconds"] / 60,
        where=torch.cuda.get_device_name(device)
        if device.type == "cuda"
        else f"{torch.get_num_threads()} CPU thread(s)",
        command=result["command"],
        eval_command=result["eval_command"],
    )


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(1 if args.dry_run else args.threads)
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    out_dir = Path(args.out or (tempfile.mkdtemp(prefix="names-") if args.dry_run else "weights/names-lstm"))
    data = load_data(args)
    if args.dry_run:
        args.embedding_dim, args.hidden_size, args.epochs = 16, 32, 1
    model = build_model(args, data)
    encoded = [
        (model.encode(name)[0][: model.config.max_chars], data.languages.index(lang))
        for name, lang in data.train
    ]
    class_weight = class_weights(
        [label for _, label in encoded], len(data.languages), args.class_weight_power
    )
    num_params = sum(p.numel() for p in model.parameters())
    print(
        f"{len(encoded):,} train / {len(data.test):,} hold-out names, {len(data.languages)} languages, {num_params:,} params"
    )
    print(
        "class weights: "
        + ", ".join(f"{lang} {w:.2f}" for lang, w in zip(data.languages, class_weight.tolist()))
    )
    model, steps, train_seconds = train(model, encoded, class_weight.to(args.device), args, generator)

    # ---- save in float16 (each file under 10 MB; the EMA's with --ema), then measure what was saved ----
    model.cpu().half().save_pretrained(out_dir)
    shipped = NameLSTM.from_pretrained(str(out_dir)).eval()
    result = {
        "holdout": evaluate(shipped, data.test, languages_by_name(data.pairs)),
        "validation": evaluate(shipped, data.validation) if data.validation else None,
        "train_names": len(encoded),
        "class_weights": dict(zip(data.languages, [round(w, 3) for w in class_weight.tolist()])),
        **run_facts(
            args,
            out_dir,
            steps,
            num_params,
            train_seconds,
            "evaluate_names",
            command_line("training.train_names", argv),
        ),
    }
    (out_dir / "eval.json").write_text(json.dumps(result, indent=2) + "\n")
    (out_dir / "README.md").write_text(model_card(args, model, data, class_weight.tolist(), result))
    holdout = result["holdout"]
    print(f"hold-out accuracy {holdout['accuracy']:.4f}, macro-F1 {holdout['macro_f1']:.4f}")
    summary = {k: v for k, v in result.items() if k not in ("args", "holdout")}
    print(json.dumps(summary | {"accuracy": holdout["accuracy"], "macro_f1": holdout["macro_f1"]}))
    return result


if __name__ == "__main__":
    main()
