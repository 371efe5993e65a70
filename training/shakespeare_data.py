"""Read Tiny Shakespeare and split it the way nanoGPT's shakespeare_char does.

The file is Karpathy's char-rnn data set (about 1.1 M characters of Shakespeare's plays):
https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt
"""

from __future__ import annotations

from pathlib import Path

from training.data_paths import DEFAULT_DATA_DIR

UPSTREAM_URL = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"
TRAIN_FRACTION = 0.9  # nanoGPT: first 90 % train, last 10 % validation


def text_path(data_dir: str | Path = DEFAULT_DATA_DIR) -> Path:
    """Where a --data-dir keeps the corpus: tinyshakespeare/input.txt."""
    return Path(data_dir) / "tinyshakespeare" / "input.txt"


def load_text(path: str | Path) -> str:
    """The whole corpus (the file at `path`, e.g. text_path(data_dir)) as one string."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: download it from {UPSTREAM_URL}")
    return path.read_text(encoding="utf-8")


def split_text(text: str) -> tuple[str, str]:
    """(train, validation): the first 90 % and the last 10 % of the characters, in order."""
    n = int(len(text) * TRAIN_FRACTION)
    return text[:n], text[n:]


def build_vocab(text: str) -> str:
    """The sorted distinct characters of the corpus: the model's vocabulary (index = position)."""
    return "".join(sorted(set(text)))
