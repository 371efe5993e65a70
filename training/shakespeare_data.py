"""Read Tiny Shakespeare and split it the way nanoGPT's shakespeare_char does.

The file is Karpathy's char-rnn data set (about 1.1 M characters of Shakespeare's plays):
https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_DATA_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "tinyshakespeare" / "input.txt"
UPSTREAM_URL = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"
TRAIN_FRACTION = 0.9  # nanoGPT: first 90 % train, last 10 % validation


def load_text(path: str | Path = DEFAULT_DATA_PATH) -> str:
    """The whole corpus as one string."""
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
