"""A model soup of sentiment-LSTM fine-tunes: their weights averaged into one model of the same shape.

    python -m training.soup_sentiment --ingredients runs/soup/seed1 runs/soup/seed2 --out weights/sentiment-lstm-sst2
    python -m training.soup_sentiment --dry-run --data-dir DIR   # two tiny fine-tunes souped in a temp dir

Fine-tunes of one starting point that differ only in seed (batch order, dropout, the templates drawn)
stay in one basin of the loss, so the mean of their weights is one model that is usually better than
each of them (Wortsman et al. 2022, "Model soups", https://arxiv.org/abs/2203.05482). `uniform` averages
every ingredient; `greedy` takes them in order of validation and keeps each only if the soup's
validation does not drop. The ingredients must share their validation sets (one --data-seed); SST-2
dev, rt-polarity and the negation probe are measured once, on the soup that ships.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
from pathlib import Path

import torch

from models.text_classifier import SentimentLSTM
from training import train_sentiment
from training.data_paths import add_data_dir_argument, repo_relative
from training.evaluate_sentiment import PROBE, evaluate_all
from training.sentiment_card import write_card

SHARED = ("init_from", "valid_phrases", "template_valid", "dry_run")  # ingredients must agree on these


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add_data_dir_argument(parser, "sentiment/sst2/{train,dev}.tsv and sentiment/rt-polarity.{pos,neg}")
    add("--ingredients", nargs="+", default=[], help="weights folders made by training.train_sentiment")
    add("--method", choices=("uniform", "greedy"), default="uniform", help="which ingredients go in")
    add("--out", default=None, help="weights folder of the soup (a temp dir with --dry-run)")
    add("--start-note", default=None, help="how the ingredients' --init-from folder was made (card)")
    add("--notes", default=None, help="markdown file appended to the card (how the recipe was chosen)")
    add("--threads", type=int, default=1, help="CPU threads for torch")
    add("--dry-run", action="store_true", help="train two tiny ingredients with --dry-run and soup them")
    return parser.parse_args(argv)


def data_seed(recorded: dict) -> int:
    """The --data-seed a run's validation sets were drawn with (its --seed when not given)."""
    return recorded["seed"] if recorded.get("data_seed") is None else recorded["data_seed"]


def load_ingredients(folders: list[str]) -> tuple[list[SentimentLSTM], list[dict]]:
    """The float32 models and eval.json records of the folders; ValueError if they cannot be souped."""
    models = [SentimentLSTM.from_pretrained(f).float() for f in folders]
    records = [json.loads((Path(f) / "eval.json").read_text()) for f in folders]
    first = records[0]["args"]
    for folder, model, record in zip(folders, models, records, strict=True):
        if model.config != models[0].config:
            raise ValueError(f"{folder}: its config differs from {folders[0]}'s; a soup needs one shape")
        differs = [k for k in SHARED if record["args"].get(k) != first.get(k)]
        if differs or data_seed(record["args"]) != data_seed(first):
            raise ValueError(f"{folder}: {differs or ['data_seed']} differ from {folders[0]}'s")
    return models, records


@torch.no_grad()
def average(models: list[SentimentLSTM]) -> SentimentLSTM:
    """A model whose every parameter is the mean of the ingredients' (float32)."""
    soup = SentimentLSTM(models[0].config)
    states = [m.state_dict() for m in models]
    soup.load_state_dict({k: torch.stack([s[k].float() for s in states]).mean(0) for k in states[0]})
    return soup.eval()


def validation_data(recorded: dict, data_dir: Path) -> dict:
    """The validation sets the ingredients were chosen by, rebuilt from their recorded arguments."""
    keys = ("seed", "data_seed", "valid_phrases", "template_valid", "templates", "negation_repeat")
    args = train_sentiment.parse_args(["--data-dir", str(data_dir)])
    vars(args).update({k: recorded.get(k) for k in keys} | {"dry_run": recorded["dry_run"]})
    return train_sentiment.load_data(args)


def score(model: SentimentLSTM, data: dict) -> dict:
    """Validation of a model, and their mean (what greedy ranks by)."""
    figures = train_sentiment.validate(model, data)
    return figures | {"mean": (figures["sst_valid"] + figures["template_valid"]) / 2}


def greedy(models: list[SentimentLSTM], scores: list[dict], data: dict) -> list[int]:
    """Indices kept by a greedy soup: best ingredient first, each next one kept if validation holds."""
    order = sorted(range(len(models)), key=lambda i: -scores[i]["mean"])
    kept, best = [order[0]], scores[order[0]]["mean"]
    for i in order[1:]:
        trial = score(average([models[j] for j in [*kept, i]]), data)["mean"]
        if trial >= best:
            kept, best = [*kept, i], trial
    return sorted(kept)


def dry_run_ingredients(data_dir: Path) -> list[str]:
    """Two tiny --dry-run fine-tunes of one tiny --dry-run start, differing only in --seed."""
    root = Path(tempfile.mkdtemp(prefix="sentiment-soup-"))
    common = ["--dry-run", "--data-dir", str(data_dir)]
    train_sentiment.main([*common, "--out", str(root / "start")])
    for seed in (1, 2):
        tune = ["--init-from", str(root / "start"), "--seed", str(seed), "--data-seed", "1337"]
        train_sentiment.main([*common, *tune, "--out", str(root / f"seed{seed}")])
    return [str(root / "seed1"), str(root / "seed2")]


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    folders = dry_run_ingredients(args.data_dir) if args.dry_run else args.ingredients
    if len(folders) < 2:
        raise ValueError(f"--ingredients: a soup needs at least 2 weights folders, got {len(folders)}")
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="sentiment-soup-out-"))
    models, records = load_ingredients(folders)
    data = validation_data(records[0]["args"], args.data_dir)
    scores = [score(m, data) for m in models]
    for folder, s in zip(folders, scores, strict=True):
        print(f"{folder}: {s}", flush=True)
    kept = list(range(len(models))) if args.method == "uniform" else greedy(models, scores, data)
    average([models[i] for i in kept]).half().save_pretrained(out_dir)
    shipped = SentimentLSTM.from_pretrained(str(out_dir)).eval()
    rt_every = 50 if args.dry_run else 1
    result = {**evaluate_all(shipped, Path(args.data_dir), PROBE, rt_every), **score(shipped, data)}
    result |= soup_record(args, argv, out_dir, folders, records, scores, kept)
    (out_dir / "eval.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    notes = Path(args.notes).read_text() if args.notes else ""
    write_card(out_dir, shipped.config, result, notes)
    print(json.dumps({k: result[k] for k in ("sst_valid", "template_valid", "mean", "dry_run")}))
    return result


def soup_record(args, argv, out_dir: Path, folders, records, scores, kept) -> dict:
    """The first ingredient's facts (data, counts, arguments) and the soup's: ingredients, commands."""
    first = records[0]
    given = list(argv) if argv is not None else sys.argv[1:]
    given = [repo_relative(a) if Path(a).exists() else a for a in given]
    ingredients = [
        {"folder": repo_relative(f), "seed": r["args"]["seed"], "command": r["command"], **s}
        for f, r, s in zip(folders, records, scores, strict=True)
    ]
    keep = ("params", "threads", "torch", "args", "counts", "sentiment_words", "data", "steps", "init_note")
    facts = {k: first[k] for k in keep if k in first}
    if args.start_note:
        facts["init_note"] = args.start_note
    return facts | {
        "dry_run": args.dry_run,
        "model_safetensors_bytes": (out_dir / "model.safetensors").stat().st_size,
        "train_seconds": round(sum(records[i]["train_seconds"] for i in kept), 1),
        "command": "python -m training.soup_sentiment " + shlex.join(given),
        "eval_command": f"python -m training.evaluate_sentiment --weights {repo_relative(out_dir)}",
        "soup": {"method": args.method, "kept": [ingredients[i]["folder"] for i in kept]},
        "ingredients": ingredients,
    }


if __name__ == "__main__":
    main()
