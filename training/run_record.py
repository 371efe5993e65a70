"""The facts every training run records in its eval.json beside its own figures."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

import torch

from training.data_paths import repo_relative


def command_line(module: str, argv: list[str] | None = None) -> str:
    """How to rerun this: "python -m training.<script> ARGS" (argv as given, default sys.argv[1:])."""
    return f"python -m {module} " + shlex.join(sys.argv[1:] if argv is None else argv)


def recorded_args(args: argparse.Namespace) -> dict:
    """vars(args) with every path named as repo_relative names it (no machine's absolute path)."""
    return {
        key: repo_relative(value) if isinstance(value, Path) or _is_absolute_path(value) else value
        for key, value in vars(args).items()
    }


def _is_absolute_path(value: object) -> bool:
    return isinstance(value, str) and Path(value).is_absolute()


def run_facts(
    args: argparse.Namespace,
    out_dir: Path,
    steps: int,
    params: int,
    train_seconds: float,
    evaluate_script: str,
    command: str | None = None,
) -> dict:
    """Steps, size, threads, versions, arguments, and the commands that made and measure the folder.

    evaluate_script: the module (or file) name of the evaluation script, e.g. "evaluate_names";
    command: the training command (default: this process's, as `python -m training.<script>`).
    """
    if command is None:
        command = command_line(f"training.{Path(sys.argv[0]).stem}")
    return {
        "train_seconds": round(train_seconds, 1),
        "steps": steps,
        "params": params,
        "model_safetensors_bytes": (Path(out_dir) / "model.safetensors").stat().st_size,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "dry_run": args.dry_run,
        "args": recorded_args(args),
        "command": command,
        "eval_command": f"python -m training.{Path(evaluate_script).stem} --weights {repo_relative(out_dir)}",
    }
