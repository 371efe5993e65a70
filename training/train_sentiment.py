"""Train the word-level sentiment LSTM on SST-2 (phrases of the train split); ship it in float16.

    python training/train_sentiment.py --threads 2 --epochs 4
    python training/train_sentiment.py --dry-run         # a few tiny batches into a temp dir (<30 s)

Every prefix of every training phrase is scored against the phrase's label, later prefixes weighted
more (weight ∝ position), plus the full phrase once more: the model learns to be a classifier after
each word, so its left-to-right trace means something and its verdict is the trace's last step.
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
from models.text_classifier import PAD, UNK, SentimentConfig, SentimentLSTM, tokenize_words  # noqa: E402
from training.averaging import update_ema  # noqa: E402
from training.evaluate_sentiment import DATA_DIR, evaluate, read_rt_polarity, read_sst  # noqa: E402
from training.run_record import run_facts  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument(
    "--data", default=str(DATA_DIR), help="folder with sst2/{train,dev}.tsv and rt-polarity.*"
)
parser.add_argument("--out", default=None, help="weights folder (default weights/sentiment-lstm-sst2)")
parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
parser.add_argument("--device", default="cpu", help="torch device to train on ('cpu', 'cuda')")
parser.add_argument("--epochs", type=float, default=4, help="passes over the training phrases")
parser.add_argument("--batch-size", type=int, default=64, help="phrases per step")
parser.add_argument("--lr", type=float, default=2e-3, help="peak Adam learning rate (linear decay to 0)")
parser.add_argument("--max-vocab", type=int, default=20000, help="most frequent words kept")
parser.add_argument("--min-freq", type=int, default=1, help="a word needs this many train occurrences")
parser.add_argument("--embedding-dim", type=int, default=200, help="size of the word embedding")
parser.add_argument("--hidden-size", type=int, default=384, help="LSTM units per layer")
parser.add_argument("--num-layers", type=int, default=1, help="stacked LSTM layers")
parser.add_argument("--dropout", type=float, default=0.5, help="dropout on embeddings and before the head")
parser.add_argument(
    "--word-dropout", type=float, default=0.05, help="train-time chance a word reads as <unk>"
)
parser.add_argument("--prefix-weight", type=float, default=0.5, help="share of the loss on earlier prefixes")
parser.add_argument(
    "--ema", type=float, default=0.0, help="evaluate and ship an EMA of the weights with this decay (0: off)"
)
parser.add_argument("--seed", type=int, default=1337, help="seed of weights, dropout and batch order")
parser.add_argument(
    "--dry-run", action="store_true", help="a few tiny batches, tiny eval, temp out dir (<30 s)"
)
args = parser.parse_args()

torch.set_num_threads(1 if args.dry_run else args.threads)
torch.manual_seed(args.seed)
generator = torch.Generator().manual_seed(args.seed)
out_dir = Path(
    args.out or (tempfile.mkdtemp(prefix="sentiment-") if args.dry_run else "weights/sentiment-lstm-sst2")
)

# ---- data: SST-2 train phrases; dev for the reported figure ----
train = read_sst(Path(args.data) / "sst2" / "train.tsv")
dev = read_sst(Path(args.data) / "sst2" / "dev.tsv")
if args.dry_run:
    train, dev = train[:640], dev[:64]
    args.embedding_dim, args.hidden_size, args.epochs = 16, 32, 1
counts = Counter(token for sentence, _ in train for token in tokenize_words(sentence))
words = [w for w, n in counts.most_common(args.max_vocab) if n >= args.min_freq and w not in (PAD, UNK)]
config = SentimentConfig(
    vocab=[PAD, UNK, *words],
    embedding_dim=args.embedding_dim,
    hidden_size=args.hidden_size,
    num_layers=args.num_layers,
    dropout=args.dropout,
)
device = torch.device(args.device)
model = SentimentLSTM(config).to(device)
encoded = [(model.encode(sentence)[0][: config.max_tokens], label) for sentence, label in train]
encoded = [(ids, label) for ids, label in encoded if len(ids)]
num_params = sum(p.numel() for p in model.parameters())
print(
    f"{len(encoded):,} train phrases, {len(dev)} dev sentences, vocab {len(config.vocab):,}, {num_params:,} params"
)


def batches():
    """Shuffled batches of similar length: (ids (B, T) right-padded, lengths (B,), labels (B,))."""
    order = torch.randperm(len(encoded), generator=generator).tolist()
    pool = args.batch_size * 50  # sort within pools of 50 batches: little padding, still shuffled
    chunks = []
    for start in range(0, len(order), pool):
        part = sorted(order[start : start + pool], key=lambda i: len(encoded[i][0]))
        chunks += [part[i : i + args.batch_size] for i in range(0, len(part), args.batch_size)]
    for k in torch.randperm(len(chunks), generator=generator).tolist():
        rows = [encoded[i] for i in chunks[k]]
        ids = torch.nn.utils.rnn.pad_sequence([r for r, _ in rows], batch_first=True)
        yield ids, torch.tensor([len(r) for r, _ in rows]), torch.tensor([y for _, y in rows])


def prefix_loss(logits: torch.Tensor, lengths: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """(1 - w) · CE of the full phrase + w · CE over its prefixes, prefix t weighted ∝ t."""
    B, T, C = logits.shape
    steps = torch.arange(1, T + 1, device=logits.device)[None].expand(B, T)  # (B, T) 1-based position
    weights = torch.where(steps <= lengths[:, None], steps.float(), 0.0)  # (B, T)
    weights = weights / weights.sum(1, keepdim=True)
    per_step = F.cross_entropy(logits.reshape(B * T, C), labels.repeat_interleave(T), reduction="none")
    prefixes = (per_step.view(B, T) * weights).sum(1).mean()
    final = F.cross_entropy(logits[torch.arange(B, device=logits.device), lengths - 1], labels)
    return (1 - args.prefix_weight) * final + args.prefix_weight * prefixes


steps_per_epoch = -(-len(encoded) // args.batch_size)
total_steps = 3 if args.dry_run else int(args.epochs * steps_per_epoch)
optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / total_steps))
ema_model = copy.deepcopy(model) if args.ema > 0 else None  # Polyak / EMA average of the weights
step, start_time, history = 0, time.time(), []
while step < total_steps:
    model.train()
    for ids, lengths, labels in batches():
        if args.word_dropout > 0:  # teach the model what an unknown word looks like
            drop = torch.rand(ids.shape, generator=generator) < args.word_dropout
            ids = ids.masked_fill(drop & (ids > 0), 1)
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
        if step % 200 == 0 or step == total_steps:
            print(f"step {step}/{total_steps} loss {loss.item():.4f} {time.time() - start_time:.0f}s")
        if step % steps_per_epoch == 0 or step == total_steps:
            result = evaluate(copy.deepcopy(model if ema_model is None else ema_model).cpu(), dev)
            history.append({"step": step, "dev_accuracy": result["accuracy"]})
            print(f"step {step}: dev accuracy {result['accuracy']:.4f}")
        if step == total_steps:
            break
train_seconds = time.time() - start_time

# ---- ship float16 weights (the EMA's with --ema), then measure what was shipped ----
model = model if ema_model is None else ema_model
model.cpu().half().save_pretrained(out_dir)
shipped = SentimentLSTM.from_pretrained(str(out_dir)).eval()
dev_result = evaluate(shipped, dev)
rt_result = evaluate(shipped, read_rt_polarity(args.data)[:: 50 if args.dry_run else 1])
result = {
    "sst2_dev": dev_result,
    "rt_polarity": rt_result,
    "train_phrases": len(encoded),
    **run_facts(args, out_dir, step, num_params, train_seconds, "evaluate_sentiment.py"),
    "history": history,
}
(out_dir / "eval.json").write_text(json.dumps(result, indent=2) + "\n")
size_bytes, command = result["model_safetensors_bytes"], result["command"]
where = (
    torch.cuda.get_device_name(device)
    if device.type == "cuda"
    else f"{torch.get_num_threads()} CPU thread(s)"
)
card = f"""---
license: mit
library_name: pytorch
datasets:
- stanfordnlp/sst2
- cornell-movie-review-data/rotten_tomatoes
tags:
- lstm
- text-classification
- sentiment-analysis
- sst2
- pytorch_model_hub_mixin
- model_hub_mixin
metrics:
- accuracy
model-index:
- name: sentiment-lstm-sst2
  results:
  - task:
      type: text-classification
    dataset:
      name: SST-2
      type: stanfordnlp/sst2
      split: validation
    metrics:
    - type: accuracy
      value: {dev_result["accuracy"]:.4f}
      name: Dev accuracy
---

# Word-level sentiment LSTM (SST-2)

A one-direction LSTM read left to right ({config.num_layers} layer(s) of {config.hidden_size} units,
{config.embedding_dim}-d word embeddings learned from scratch, dropout {config.dropout}). After every word
a linear head reads the LSTM state joined with a running max over all states so far, giving
P(positive) after each word; the verdict is the last of these, so the word-by-word trace is the model's
real belief, not a separate explanation. {num_params:,} parameters, stored in float16
({size_bytes / 1e6:.1f} MB); the vocabulary ({len(config.vocab):,} words, lowercased, SST-style
tokens such as `n't` and `'s`) is inside config.json. Load with
`models.text_classifier.SentimentLSTM.from_pretrained(folder)`.

## Data

SST-2 train split ({len(encoded):,} phrases and sentences; the GLUE version, 1 = positive). Nothing
else: no pretrained embeddings. Words seen fewer than {args.min_freq} time(s) in training (at most
{args.max_vocab:,} kept) read as `<unk>`.

## Results (the shipped float16 weights)

| set | sentences | accuracy | words read as `<unk>` |
|---|---|---|---|
| SST-2 dev | {dev_result["examples"]} | **{dev_result["accuracy"]:.4f}** | {dev_result["unk_rate"]:.1%} |
| rt-polarity (out of training set) | {rt_result["examples"]} | **{rt_result["accuracy"]:.4f}** | {rt_result["unk_rate"]:.1%} |

rt-polarity shares its source (Rotten Tomatoes snippets) with SST, and SST's sentences were drawn from
it, so part of it overlaps the training sentences; it checks robustness to a different tokenisation and
selection, not a new domain. The SST-2 dev set was used while choosing the recipe.

## Training

Adam (lr {args.lr}, linear decay to 0), batch {args.batch_size}, {args.epochs} epochs, word dropout
{args.word_dropout}, gradient clipping at 1.0{f", weights averaged by an EMA (decay {args.ema}) and the average shipped" if args.ema else ""}; loss = {1 - args.prefix_weight} × cross-entropy of the full
phrase + {args.prefix_weight} × cross-entropy of every prefix against the phrase's label (prefix t weighted
∝ t). {train_seconds / 60:.1f} min on {where}.

```
{command}
python training/evaluate_sentiment.py --weights {out_dir}
```
"""
(out_dir / "README.md").write_text(card)
print(f"SST-2 dev accuracy {dev_result['accuracy']:.4f}, rt-polarity accuracy {rt_result['accuracy']:.4f}")
print(json.dumps({k: v for k, v in result.items() if k not in ("history", "args")}))
