"""Accuracy of a sentiment-LSTM weights folder: SST-2 dev, rt-polarity, and the negation probe.

    python -m training.evaluate_sentiment --weights weights/sentiment-lstm-sst2

Prints the figures and one JSON line. rt-polarity (Pang & Lee 2005) holds the same kind of
Rotten Tomatoes snippets SST was built from, so it is a check on other sentences, not a new domain.
The negation probe (tests/data/negation_probe.tsv, see tests/data/README.md) is short negation and
contrast sentences written for this check; nothing trains or selects on it.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import torch

from models.text_classifier import SentimentLSTM
from training.data_paths import DEFAULT_DATA_DIR, REPO_ROOT, add_data_dir_argument

DATA_DIR = DEFAULT_DATA_DIR
PROBE = REPO_ROOT / "tests" / "data" / "negation_probe.tsv"


def read_sst(path: str | Path) -> list[tuple[str, int]]:
    """(sentence, label) pairs of an SST-2 tsv with header `sentence<TAB>label` (1 = positive)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["sentence", "label"]:
        raise ValueError(f"{path}: expected the header 'sentence<TAB>label', got {lines[0]!r}")
    pairs = [line.rsplit("\t", 1) for line in lines[1:] if line.strip()]
    return [(sentence.strip(), int(label)) for sentence, label in pairs]


def read_rt_polarity(data_dir: str | Path = DATA_DIR) -> list[tuple[str, int]]:
    """The 5331 + 5331 rt-polarity sentences (cp1252) under data_dir/sentiment/, positive = 1."""
    examples = []
    for suffix, label in (("neg", 0), ("pos", 1)):
        text = (Path(data_dir) / "sentiment" / f"rt-polarity.{suffix}").read_text(encoding="cp1252")
        examples += [(line.strip(), label) for line in text.splitlines() if line.strip()]
    return examples


def read_probe(path: str | Path = PROBE) -> list[tuple[str, str, int]]:
    """(category, sentence, label) rows of the probe tsv with header `category<TAB>sentence<TAB>label`."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["category", "sentence", "label"]:
        raise ValueError(f"{path}: expected the header 'category<TAB>sentence<TAB>label', got {lines[0]!r}")
    rows = [line.split("\t") for line in lines[1:] if line.strip()]
    return [(category, sentence, int(label)) for category, sentence, label in rows]


def encode_batch(model: SentimentLSTM, sentences: list[str]) -> tuple[torch.Tensor, torch.Tensor, int, int]:
    """Sentences → right-padded ids (B, T), lengths (B,), and counts of unknown / all tokens.

    Inputs are cut to the model's max_tokens as `trace` cuts them; an empty sentence reads one <unk>.
    """
    rows, unknown, total = [], 0, 0
    for sentence in sentences:
        ids, _, _ = model.encode(sentence)
        ids = ids[: model.config.max_tokens] if len(ids) else torch.tensor([1])
        unknown, total = unknown + int((ids == 1).sum()), total + len(ids)
        rows.append(ids)
    lengths = torch.tensor([len(r) for r in rows])
    return torch.nn.utils.rnn.pad_sequence(rows, batch_first=True), lengths, unknown, total


@torch.inference_mode()
def p_positive(
    model: SentimentLSTM, sentences: list[str], batch_size: int = 256
) -> tuple[list[float], int, int]:
    """P(positive) of each verdict (the last prefix), and counts of unknown / all tokens."""
    model.eval()
    probs, unknown, total = [], 0, 0
    positive = model.config.labels.index("positive")
    for start in range(0, len(sentences), batch_size):
        chunk = sentences[start : start + batch_size]
        ids, lengths, n_unk, n_tok = encode_batch(model, chunk)
        logits = model(ids)  # (B, T, 2)
        last = logits[torch.arange(len(chunk)), lengths - 1]  # (B, 2) the verdict = the last prefix
        probs += last.float().softmax(-1)[:, positive].tolist()
        unknown, total = unknown + n_unk, total + n_tok
    return probs, unknown, total


def evaluate(model: SentimentLSTM, examples: list[tuple[str, int]]) -> dict:
    """Accuracy of the verdicts (last prefix) and the share of tokens read as <unk>."""
    probs, unknown, total = p_positive(model, [s for s, _ in examples])
    correct = sum((p > 0.5) == bool(y) for p, (_, y) in zip(probs, examples, strict=True))
    return {
        "accuracy": correct / max(len(examples), 1),
        "examples": len(examples),
        "unk_rate": unknown / max(total, 1),
    }


def evaluate_probe(model: SentimentLSTM, rows: list[tuple[str, str, int]]) -> dict:
    """Probe accuracy overall and per category, and each sentence's P(positive)."""
    probs, _, _ = p_positive(model, [sentence for _, sentence, _ in rows])
    right = defaultdict(list)
    for (category, _, label), p in zip(rows, probs, strict=True):
        right[category].append((p > 0.5) == bool(label))
    every = [r for rs in right.values() for r in rs]
    return {
        "accuracy": sum(every) / len(every),
        "examples": len(every),
        "per_category": {c: {"accuracy": sum(rs) / len(rs), "examples": len(rs)} for c, rs in right.items()},
        "sentences": [
            {"category": c, "sentence": s, "label": y, "p_positive": round(p, 4)}
            for (c, s, y), p in zip(rows, probs, strict=True)
        ],
    }


def evaluate_all(model: SentimentLSTM, data_dir: Path, probe: Path, rt_every: int = 1) -> dict:
    """The three figures of a model: SST-2 dev, rt-polarity (every rt_every-th sentence), the probe."""
    return {
        "sst2_dev": evaluate(model, read_sst(Path(data_dir) / "sentiment" / "sst2" / "dev.tsv")),
        "rt_polarity": evaluate(model, read_rt_polarity(data_dir)[::rt_every]),
        "negation_probe": evaluate_probe(model, read_probe(probe)),
    }


def summary(result: dict) -> str:
    """The figures of `evaluate_all` as lines of text."""
    lines = []
    for key, name in (("sst2_dev", "SST-2 dev"), ("rt_polarity", "rt-polarity")):
        r = result[key]
        lines.append(
            f"{name:<16}accuracy {r['accuracy']:.4f} ({r['examples']} sentences, {r['unk_rate']:.1%} <unk>)"
        )
    probe = result["negation_probe"]
    lines.append(f"{'negation probe':<16}accuracy {probe['accuracy']:.4f} ({probe['examples']} sentences)")
    for category, r in probe["per_category"].items():
        lines.append(f"  {category:<18}{r['accuracy']:.4f} ({r['examples']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weights", default="weights/sentiment-lstm-sst2", help="weights folder")
    add_data_dir_argument(parser, "sentiment/sst2/dev.tsv and sentiment/rt-polarity.{pos,neg}")
    parser.add_argument("--probe", default=str(PROBE), help="negation probe tsv")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    parser.add_argument(
        "--sentences", action="store_true", help="also print each probe sentence's P(positive)"
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    model = SentimentLSTM.from_pretrained(args.weights).eval()
    result = evaluate_all(model, Path(args.data_dir), Path(args.probe))
    print(summary(result))
    if args.sentences:
        for row in result["negation_probe"]["sentences"]:
            mark = "ok " if (row["p_positive"] > 0.5) == bool(row["label"]) else "BAD"
            print(f"{mark} {row['p_positive']:.3f} {row['label']} {row['category']:<17} {row['sentence']}")
    figures = {k: {n: v for n, v in r.items() if n != "sentences"} for k, r in result.items()}
    print(json.dumps({"weights": args.weights, **figures}))
    return result


if __name__ == "__main__":
    main()
