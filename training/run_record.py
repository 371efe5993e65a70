"""The facts every training run records in its eval.json beside its own figures."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

import torch


def run_facts(
    args: argparse.Namespace,
    out_dir: Path,
    steps: int,
    params: int,
    train_seconds: float,
    evaluate_script: str,
) -> dict:
    """Steps, size, threads, versions, arguments, and the commands that made and measure the folder."""
    return {
        "train_seconds": round(train_seconds, 1),
        "steps": steps,
        "params": params,
        "model_safetensors_bytes": (Path(out_dir) / "model.safetensors").stat().st_size,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "dry_run": args.dry_run,
        "args": vars(args),
        "command": "python " + shlex.join(sys.argv),
        "eval_command": f"python training/{evaluate_script} --weights {out_dir}",
    }
