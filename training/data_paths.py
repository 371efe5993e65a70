"""Where the training scripts find their data: one `--data-dir` for all, the repo-relative ../shared/data.

Each data set keeps its own folder below it (mnist/, names/, sentiment/, tinyshakespeare/); their
formats, licences and upstream URLs are in the modules that read them and in ../shared/data/README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"


def add_data_dir_argument(parser: argparse.ArgumentParser, reads: str) -> None:
    """--data-dir (a Path, default ../shared/data); `reads` names what the script reads below it."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help=f"data folder holding {reads} (default: ../shared/data beside the repository)",
    )


def repo_relative(path: str | Path) -> str:
    """A path as a record should name it: from the repo root when it lies inside the repo or in
    ../shared (e.g. "weights/names-lstm", "../shared/data/names"); anywhere else, or when it names no
    file or folder here (a Hub repo id), as given."""
    if not Path(path).exists():
        return str(path)
    resolved = Path(path).resolve()
    if resolved.is_relative_to(REPO_ROOT):
        return resolved.relative_to(REPO_ROOT).as_posix() or "."
    if resolved.is_relative_to(REPO_ROOT.parent / "shared"):
        return "../" + resolved.relative_to(REPO_ROOT.parent).as_posix()
    return str(path)
