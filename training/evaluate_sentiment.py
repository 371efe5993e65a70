"""Accuracy of a sentiment-LSTM weights folder on SST-2 dev and on rt-polarity (out of training set).

python training/evaluate_sentiment.py --weights weights/sentiment-lstm-sst2

Prints the figures and one JSON line. rt-polarity (Pang & Lee 2005) holds the same kind of
Rotten Tomatoes snippets SST was built from, so it is a check on other sentences, not a new domain.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from models.text_classifier import SentimentLSTM  # noqa: E402

DATA_DIR = Path("/work/shared/data/sentiment")


def read_sst(path: str | Path) -> list[tuple[str, int]]:
    """(sentence, label) pairs of an SST-2 tsv with header `sentence<TAB>label` (1 = positive)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["sentence", "label"]:
        raise ValueError(f"{path}: expected the header 'sentence<TAB>label', got {lines[0]!r}")
    pairs = [line.rsplit("\t", 1) for line in lines[1:] if line.strip()]
    return [(sentence.strip(), int(label)) for sentence, label in pairs]


def read_rt_polarity(data_dir: str | Path = DATA_DIR) -> list[tuple[str, int]]:
    """The 5331 + 5331 rt-polarity sentences (cp1252), positive = 1."""
    examples = []
    for suffix, label in (("neg", 0), ("pos", 1)):
        text = (Path(data_dir) / f"rt-polarity.{suffix}").read_text(encoding="cp1252")
        examples += [(line.strip(), label) for line in text.splitlines() if line.strip()]
    return examples


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
def evaluate(model: SentimentLSTM, examples: list[tuple[str, int]], batch_size: int = 256) -> dict:
    """Accuracy of the verdicts (last prefix) and the share of tokens read as <unk>."""
    model.eval()
    correct, unknown, total = 0, 0, 0
    for start in range(0, len(examples), batch_size):
        chunk = examples[start : start + batch_size]
        ids, lengths, n_unk, n_tok = encode_batch(model, [s for s, _ in chunk])
        logits = model(ids)  # (B, T, 2)
        last = logits[torch.arange(len(chunk)), lengths - 1]  # (B, 2) the verdict = the last prefix
        labels = torch.tensor([y for _, y in chunk])
        correct += int((last.argmax(-1) == labels).sum())
        unknown, total = unknown + n_unk, total + n_tok
    return {
        "accuracy": correct / len(examples),
        "examples": len(examples),
        "unk_rate": unknown / max(total, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--weights", default="weights/sentiment-lstm-sst2", help="weights folder")
    parser.add_argument("--data", default=str(DATA_DIR), help="folder with sst2/ and rt-polarity.pos/.neg")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = SentimentLSTM.from_pretrained(args.weights).eval()
    dev = evaluate(model, read_sst(Path(args.data) / "sst2" / "dev.tsv"))
    rt = evaluate(model, read_rt_polarity(args.data))
    print(
        f"SST-2 dev accuracy    {dev['accuracy']:.4f} ({dev['examples']} sentences, {dev['unk_rate']:.1%} <unk>)"
    )
    print(
        f"rt-polarity accuracy  {rt['accuracy']:.4f} ({rt['examples']} sentences, {rt['unk_rate']:.1%} <unk>)"
    )
    print(json.dumps({"weights": args.weights, "sst2_dev": dev, "rt_polarity": rt}))


if __name__ == "__main__":
    main()
