"""Accuracy and macro-F1 of a name-LSTM weights folder on the seeded, stratified 10 % hold-out.

python -m training.evaluate_names --weights weights/names-lstm

The names data (one file per language, one name per line) is deduplicated on (name, language) before
the split, so no hold-out name is also a training name of the same language. Prints the figures, a
per-language table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import torch

from models.text_classifier import NameLSTM
from training.data_paths import DEFAULT_DATA_DIR, add_data_dir_argument, repo_relative

# one file per language, one name a line (UTF-8)
UPSTREAM_URL = (
    "https://download.pytorch.org/tutorial/data.zip"  # data/names/ of the PyTorch char-RNN tutorial
)


def names_dir(data_dir: str | Path = DEFAULT_DATA_DIR) -> Path:
    """The folder of <Language>.txt files below a --data-dir."""
    return Path(data_dir) / "names"


def read_names(folder: str | Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Distinct (name, language) pairs, sorted, and the languages (file stems, sorted), of a folder of <Language>.txt."""
    files = sorted(Path(folder).glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no *.txt files in {folder}: the names data comes from {UPSTREAM_URL}")
    pairs = set()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pairs.add((line.strip(), path.stem))
    return sorted(pairs), [path.stem for path in files]


def split_names(
    pairs: list[tuple[str, str]], seed: int = 0, holdout: float = 0.1
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Stratified split: in each language a seeded shuffle, the first ceil(holdout · n) held out."""
    rng = random.Random(seed)
    train, test = [], []
    for language in sorted({lang for _, lang in pairs}):
        group = [p for p in pairs if p[1] == language]
        rng.shuffle(group)
        k = max(1, round(holdout * len(group)))
        test += group[:k]
        train += group[k:]
    return train, test


def encode_batch(model: NameLSTM, names: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Names → right-padded ids (B, T) and lengths (B,), cut to max_chars as `trace` cuts them."""
    rows = []
    for name in names:
        ids = model.encode(name)[0][: model.config.max_chars]
        rows.append(ids if len(ids) else torch.tensor([0]))
    return torch.nn.utils.rnn.pad_sequence(rows, batch_first=True), torch.tensor([len(r) for r in rows])


@torch.inference_mode()
def predict(model: NameLSTM, names: list[str], batch_size: int = 512) -> list[int]:
    """The verdict (last prefix's argmax) for each name."""
    model.eval()
    predictions = []
    for start in range(0, len(names), batch_size):
        ids, lengths = encode_batch(model, names[start : start + batch_size])
        logits = model(ids)  # (B, T, C)
        predictions += logits[torch.arange(len(ids)), lengths - 1].argmax(-1).tolist()
    return predictions


def evaluate(
    model: NameLSTM, examples: list[tuple[str, str]], languages_of: dict[str, set[str]] | None = None
) -> dict:
    """Accuracy, macro-F1 and per-language precision / recall / F1 / support.

    With `languages_of` (name → every language the data lists it under) also "accuracy_any_language":
    a guess counts when it is any of the name's languages (context for the accuracy, not a replacement).
    """
    labels = model.config.labels
    truth = [labels.index(lang) for _, lang in examples]
    guess = predict(model, [name for name, _ in examples])
    extra = {}
    if languages_of is not None:
        hits = sum(labels[g] in languages_of[name] for (name, _), g in zip(examples, guess, strict=True))
        extra["accuracy_any_language"] = hits / len(examples)
    per_class = {}
    for c, label in enumerate(labels):
        tp = sum(1 for t, g in zip(truth, guess, strict=True) if t == g == c)
        predicted, support = guess.count(c), truth.count(c)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    accuracy = sum(t == g for t, g in zip(truth, guess, strict=True)) / len(examples)
    macro_f1 = sum(v["f1"] for v in per_class.values()) / len(labels)
    return {
        "accuracy": accuracy,
        "macro_f1": macro_f1,
        "examples": len(examples),
        **extra,
        "per_class": per_class,
    }


def languages_by_name(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """name → the languages `pairs` list it under."""
    languages: dict[str, set[str]] = {}
    for name, language in pairs:
        languages.setdefault(name, set()).add(language)
    return languages


def listed_under_other_languages(train: list[tuple[str, str]], test: list[tuple[str, str]]) -> int:
    """How many test (name, language) pairs have a name that `train` lists, under other languages only."""
    in_train = languages_by_name(train)
    return sum(name in in_train and language not in in_train[name] for name, language in test)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--weights", default="weights/names-lstm", help="weights folder")
    add_data_dir_argument(p, "names/<Language>.txt")
    p.add_argument("--split-seed", type=int, default=0, help="seed of the stratified hold-out split")
    p.add_argument("--threads", type=int, default=1, help="CPU threads for torch")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    model = NameLSTM.from_pretrained(args.weights).eval()
    pairs = read_names(names_dir(args.data_dir))[0]
    train, test = split_names(pairs, seed=args.split_seed)
    result = evaluate(model, test, languages_by_name(pairs))
    result["holdout_listed_in_train_under_other_languages"] = listed_under_other_languages(train, test)
    print(
        f"hold-out accuracy {result['accuracy']:.4f}, macro-F1 {result['macro_f1']:.4f} ({len(test)} names)"
    )
    print(
        f"  {result['holdout_listed_in_train_under_other_languages']} hold-out names are training names of"
        f" other languages; counting a guess of any of a name's languages as right: "
        f"{result['accuracy_any_language']:.4f}"
    )
    for label, row in result["per_class"].items():
        print(
            f"  {label:<11} P {row['precision']:.2f}  R {row['recall']:.2f}  F1 {row['f1']:.2f}  n={row['support']}"
        )
    summary = {k: v for k, v in result.items() if k != "per_class"}
    print(json.dumps({"weights": repo_relative(args.weights), **summary}))
    return result


if __name__ == "__main__":
    main()
