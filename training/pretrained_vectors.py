"""Pretrained word vectors in GloVe's text format, for the sentiment LSTM's vocabulary and embedding.

GloVe: Pennington, Socher & Manning 2014 (https://nlp.stanford.edu/projects/glove/). The text format is
what the upstream zip holds: one line per word, `word v1 … vD`, the most frequent words first.
"""

from __future__ import annotations

from pathlib import Path

import torch


def read_vectors(path: str | Path, keep: set[str], top: int) -> tuple[list[str], dict[str, torch.Tensor]]:
    """(the file's first `top` words in its order, {word: vector (D,)} for those words and `keep`'s).

    Raises ValueError on a line whose width differs from the first line's.
    """
    first, vectors, width = [], {}, None
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            word, _, values = line.rstrip("\n").partition(" ")
            if number < top:
                first.append(word)
            elif word not in keep:
                continue
            vector = torch.tensor([float(v) for v in values.split(" ")])
            width = len(vector) if width is None else width
            if len(vector) != width:
                raise ValueError(
                    f"{path}: line {number + 1} ({word!r}) has {len(vector)} values, expected {width}"
                )
            vectors.setdefault(word, vector)
    return first, vectors


def vocabulary(counts: dict[str, int], frequent: list[str], min_freq: int, glove: tuple) -> list[str]:
    """Train words as without vectors (`frequent`), then train words seen less often that have a vector,
    then the vectors' most frequent words: each once, in that order."""
    first, vectors = glove
    rare = [w for w, n in sorted(counts.items(), key=lambda c: -c[1]) if n < min_freq and w in vectors]
    return list(dict.fromkeys([*frequent, *rare, *first]))


def initialise(embedding: torch.nn.Embedding, vocab: list[str], vectors: dict[str, torch.Tensor]) -> int:
    """Set the rows of words with a vector to it (the others keep their random start); returns how many."""
    if vectors and len(next(iter(vectors.values()))) != embedding.embedding_dim:
        width = len(next(iter(vectors.values())))
        raise ValueError(f"--embedding-dim is {embedding.embedding_dim} but the vectors have {width} values")
    rows = [(i, vectors[w]) for i, w in enumerate(vocab) if i > 1 and w in vectors]  # not <pad>, <unk>
    with torch.no_grad():
        for i, vector in rows:
            embedding.weight[i] = vector
    return len(rows)
