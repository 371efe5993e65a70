"""Pretrained word vectors in GloVe's text format, for the sentiment LSTM's vocabulary and embedding.

GloVe: Pennington, Socher & Manning 2014 (https://nlp.stanford.edu/projects/glove/). The text format is
what the upstream zip holds: one line per word, `word v1 … vD`, the most frequent words first;
`training/spacy_vectors.py` writes spaCy's vectors in it.
"""

from __future__ import annotations

from pathlib import Path

import torch


def read_vectors(path: str | Path, keep: set[str], top: int) -> tuple[list[str], dict[str, torch.Tensor]]:
    """(the file's first `top` words in its order, {word: vector (D,)} for those words and `keep`'s).

    A hyphenated `keep` word the file lacks ("well-made") takes the mean of its parts' vectors when
    the file has every part. Raises ValueError on a line whose width differs from the first line's.
    """
    parts = {part for word in keep if "-" in word for part in word.split("-") if part}
    wanted = keep | parts
    first, vectors, width = [], {}, None
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            word, _, values = line.rstrip("\n").partition(" ")
            if number < top:
                first.append(word)
            elif word not in wanted:
                continue
            vector = torch.tensor([float(v) for v in values.split(" ")])
            width = len(vector) if width is None else width
            if len(vector) != width:
                raise ValueError(
                    f"{path}: line {number + 1} ({word!r}) has {len(vector)} values, expected {width}"
                )
            vectors.setdefault(word, vector)
    for word in sorted(keep - vectors.keys()):
        pieces = [part for part in word.split("-") if part]
        if "-" in word and pieces and all(part in vectors for part in pieces):
            vectors[word] = torch.stack([vectors[part] for part in pieces]).mean(0)
    return first, vectors


def vocabulary(counts: dict[str, int], frequent: list[str], min_freq: int, glove: tuple) -> list[str]:
    """Train words as without vectors (`frequent`), then train words seen less often that have a vector,
    then the vectors' most frequent words: each once, in that order."""
    first, vectors = glove
    rare = [w for w, n in sorted(counts.items(), key=lambda c: -c[1]) if n < min_freq and w in vectors]
    return list(dict.fromkeys([*frequent, *rare, *first]))


def initialise(embedding: torch.nn.Embedding, vocab: list[str], vectors: dict[str, torch.Tensor]) -> int:
    """Set the rows of words with a vector to it (the others keep their random start); returns how many.

    Vectors wider than the embedding are first projected onto their top principal components (of the
    vocabulary's vectors, centred) and scaled to a standard deviation of 1, the scale of the random
    rows' N(0, 1) start: so e.g. 300-d vectors can start a 200-d embedding.
    """
    rows = [(i, vectors[w]) for i, w in enumerate(vocab) if i > 1 and w in vectors]  # not <pad>, <unk>
    if not rows:
        return 0
    width, dim = len(rows[0][1]), embedding.embedding_dim
    if width < dim:
        raise ValueError(f"--embedding-dim is {dim} but the vectors have only {width} values")
    table = torch.stack([vector for _, vector in rows])
    if width > dim:
        table = principal_components(table, dim)
    with torch.no_grad():
        embedding.weight[torch.tensor([i for i, _ in rows])] = table.to(embedding.weight.dtype)
    return len(rows)


def principal_components(table: torch.Tensor, dim: int) -> torch.Tensor:
    """(N, W) → (N, dim): the centred rows in the basis of their `dim` largest principal directions."""
    centred = table.double() - table.double().mean(0)
    _, _, directions = torch.linalg.svd(centred, full_matrices=False)
    directions = directions[:dim]
    # each direction's sign fixed (its entries sum to ≥ 0): the same start whatever sign the SVD returns
    directions = directions * torch.where(directions.sum(1, keepdim=True) < 0, -1.0, 1.0)
    projected = centred @ directions.T
    return (projected / projected.std()).float()
