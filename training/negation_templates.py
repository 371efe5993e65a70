"""Templated negation and contrast phrases for the sentiment LSTM, built from SST-2 train words.

SST-2's train phrases hold many "not" + positive word → negative phrases but almost no negated
negative ones ("not bad" → positive), so a model trained on them reads "not" as a negative word. These
templates put SST-2 train words of known polarity into short frames whose label follows from the
grammar alone: a negator flips the word ("is n't boring" → positive), two negators cancel ("never
fails to entertain" → positive), and after "but" the second clause decides ("good , but dull" →
negative). Each word's polarity is SST-2's own label for the one-word train phrase; the part of speech
is read off the train phrases around it (after "very", after "a", before "it"). Nothing here reads SST-2
dev, rt-polarity or the negation probe. `split_words` keeps a share of the words out of training, so a
validation set of templates on unseen words measures what generalises, not what was memorised.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from models.text_classifier import tokenize_words

SINGULAR = [
    "the film",
    "the movie",
    "it",
    "this film",
    "this movie",
    "the picture",
    "the story",
    "the script",
    "the plot",
    "the acting",
    "the direction",
    "the ending",
    "the dialogue",
    "the screenplay",
    "the premise",
    "the whole thing",
    "this one",
    "the sequel",
    "the comedy",
    "the drama",
    "the thriller",
    "the soundtrack",
    "the first hour",
    "the documentary",
]
PLURAL = [
    "the jokes",
    "the characters",
    "the performances",
    "the actors",
    "the effects",
    "the scenes",
    "the songs",
    "the battles",
]
PEOPLE = ["i", "we", "you", "audiences", "my kids", "most viewers", "the critics", "my friends"]
BE = {"singular": ["is", "was"], "plural": ["are", "were"]}
# negated frames: {s} subject, {be} verb, {a} the adjective → label = 1 - polarity(adjective)
NEGATED_ADJECTIVE = [
    "{s} {be} not {a}",
    "{s} {be} n't {a}",
    "{s} {be} not very {a}",
    "{s} {be} not {a} at all",
    "{s} {be} n't {a} at all",
    "{s} {be} not at all {a}",
    "{s} {be} n't really {a}",
    "{s} {be} never {a}",
    "{s} {be} hardly {a}",
    "{s} {be} far from {a}",
    "not {a}",
    "not {a} at all",
    "not at all {a}",
    "never {a}",
    "hardly {a}",
    "far from {a}",
    "{s} never feels {a}",
    "{s} does n't feel {a}",
    "{s} did n't seem {a}",
    "{s} never gets {a}",
    "nothing about {s} {be} {a}",
    "there is nothing {a} about {s}",
    "no one will find {s} {a}",
    "nobody could call {s} {a}",
    "{p} did not find {s} {a}",
    "{p} did n't think {s} {be} {a}",
    "{s} {be} not the least bit {a}",
    "{s} {be} not particularly {a}",
    "not for a moment {a}",
    "{s} {be} by no means {a}",
]
PLAIN_ADJECTIVE = [
    "{s} {be} {a}",
    "{s} {be} very {a}",
    "{s} {be} really {a}",
    "{a}",
    "{s} feels {a}",
    "{s} {be} {a} throughout",
    "{p} found {s} {a}",
    "{s} {be} always {a}",
]
NEGATED_NOUN = [
    "{s} {be} not a {n}",
    "{s} {be} n't a {n}",
    "not a {n}",
    "far from a {n}",
    "{s} {be} no {n}",
    "{s} {be} hardly a {n}",
    "{s} {be} never a {n}",
    "by no means a {n}",
]
PLAIN_NOUN = ["{s} {be} a {n}", "a {n}", "{s} {be} a real {n}", "what a {n}"]
NEGATED_VERB = [
    "{p} did n't {v} it",
    "{p} did not {v} it",
    "{p} do n't {v} it",
    "{p} wo n't {v} it",
    "{p} ca n't {v} it",
    "no one will {v} it",
    "nobody will {v} it",
    "{p} never {v} it",
    "{p} could not {v} it",
    "{p} would n't {v} it",
]
PLAIN_VERB = ["{p} {v} it", "{p} will {v} it", "{p} really {v} it", "you 'll {v} it"]
# two negators cancel → label = polarity of the word
DOUBLE = [
    "{s} never fails to {v}",
    "{p} ca n't say that {p} did n't {v} {s}",
    "you ca n't not {v} {s}",
    "there is nothing not to {v}",
    "{p} ca n't say {s} {be} n't {a}",
    "{s} {be} not without {n2}",
    "it is not that {s} {be} n't {a}",
    "no one could say {s} {be} not {a}",
]
JOINS = [
    "{x} , but {y}",
    "{x} but {y}",
    "though {x} , {y}",
    "although {x} , {y}",
    "{y} , though {x}",
    "{y} , even though {x}",
    "{x} , yet {y}",
    "{x} ; still , {y}",
    "{y} , although {x}",
]
ADJECTIVE_CUES = {"very", "too", "so", "quite", "really", "pretty", "most"}
ADJECTIVE_ENDS = (
    "ous",
    "ful",
    "ive",
    "ic",
    "al",
    "able",
    "ible",
    "less",
    "ent",
    "ant",
    "y",
    "ish",
    "-worthy",
)
NEGATION_WORDS = re.compile(r"\b(not|n't|never|no|nothing|hardly|nobody|none|neither|nor|without)\b|far from")


def sentiment_words(train: list[tuple[str, int]]) -> dict[str, dict[str, int]]:
    """{"adjective" | "noun" | "verb": {word: polarity}} from SST-2 train phrases."""
    single = {s: y for s, y in train if re.fullmatch(r"[a-z]+(-[a-z]+)?", s)}
    after = Counter()  # after[a, b]: how often b follows a
    for sentence, _ in train:
        tokens = sentence.split()
        for a, b in zip(tokens, tokens[1:], strict=False):
            after[a, b] += 1
    cue = lambda w, cues: sum(after[c, w] for c in cues)  # noqa: E731
    adjectives = {
        w: y
        for w, y in single.items()
        if not w.endswith("ly")
        and (cue(w, ADJECTIVE_CUES) >= 2 or (cue(w, {"a", "an"}) >= 2 and w.endswith(ADJECTIVE_ENDS)))
    }
    nouns = {
        w: y
        for w, y in single.items()
        if w not in adjectives
        and cue(w, {"a", "an"}) >= 2
        and cue(w, ADJECTIVE_CUES) == 0
        and after[w, "film"] + after[w, "movie"] == 0
        and after[w, "of"] + after[w, ","] + after[w, "."] >= 2
        and not w.endswith(("ly", "ing", "ed"))
    }
    verbs = {
        w: y
        for w, y in single.items()
        if w not in adjectives
        and w not in nouns
        and cue(w, {"to"}) >= 2
        and after[w, "it"] + after[w, "this"] + after[w, "the"] >= 2
        and cue(w, {"a", "an", "the"}) == 0
        and cue(w, ADJECTIVE_CUES) == 0
        and not w.endswith(("ly", "ing", "ed", "s"))
    }
    return {"adjective": adjectives, "noun": nouns, "verb": verbs}


def split_words(words: dict[str, dict[str, int]], held_out: float, seed: int) -> tuple[dict, dict]:
    """(train words, held-out words): the same share of each part of speech, drawn with `seed`."""
    rng = random.Random(seed)
    train, valid = {}, {}
    for pos, table in words.items():
        names = sorted(table)
        rng.shuffle(names)
        cut = int(len(names) * held_out)
        valid[pos] = {w: table[w] for w in names[:cut]}
        train[pos] = {w: table[w] for w in names[cut:]}
    return train, valid


def _subject(rng: random.Random) -> dict[str, str]:
    number = "plural" if rng.random() < 0.25 else "singular"
    subject = rng.choice(PLURAL if number == "plural" else SINGULAR)
    return {"s": subject, "be": rng.choice(BE[number]), "p": rng.choice(PEOPLE)}


def clause(words: dict[str, dict[str, int]], rng: random.Random, negated: bool) -> tuple[str, int]:
    """One simple clause and its label: a word of known polarity in a plain or a negated frame."""
    parts = [(pos, w) for pos, w in (("adjective", 6), ("noun", 2), ("verb", 2)) if words[pos]]
    pos = rng.choices([p for p, _ in parts], weights=[w for _, w in parts])[0]
    word, polarity = rng.choice(sorted(words[pos].items()))
    frames = {
        "adjective": (PLAIN_ADJECTIVE, NEGATED_ADJECTIVE),
        "noun": (PLAIN_NOUN, NEGATED_NOUN),
        "verb": (PLAIN_VERB, NEGATED_VERB),
    }[pos]
    frame = rng.choice(frames[negated])
    slots = {"a": word, "n": word, "v": word, **_subject(rng)}
    return _articles(frame.format(**slots)), polarity if not negated else 1 - polarity


def _articles(text: str) -> str:
    """'a' → 'an' before a vowel."""
    return re.sub(r"\ba (?=[aeiou])", "an ", text)


def double_negation(words: dict[str, dict[str, int]], rng: random.Random) -> tuple[str, int]:
    """Two negators that cancel: the label is the word's own polarity."""
    slots = {
        k: rng.choice(sorted(words[pos].items())) if words[pos] else ("", 0)
        for k, pos in (("a", "adjective"), ("v", "verb"), ("n2", "noun"))
    }
    usable = [f for f in DOUBLE if all(slots[k][0] for k in ("a", "v", "n2") if f"{{{k}}}" in f)]
    if not usable:
        return clause(words, rng, negated=False)
    frame = rng.choice(usable)
    key = "v" if "{v}" in frame else "n2" if "{n2}" in frame else "a"
    text = frame.format(**{k: w for k, (w, _) in slots.items()}, **_subject(rng))
    return _articles(text), slots[key][1]


def contrast(words: dict[str, dict[str, int]], rng: random.Random) -> tuple[str, int]:
    """Two clauses of opposite polarity joined by but / though: the label is the clause that counts."""
    while True:
        x, x_label = clause(words, rng, negated=rng.random() < 0.4)
        y, y_label = clause(words, rng, negated=rng.random() < 0.4)
        if x_label != y_label:
            return rng.choice(JOINS).format(x=x, y=y), y_label


def templated(words: dict[str, dict[str, int]], count: int, seed: int) -> list[tuple[str, int]]:
    """`count` distinct templated phrases with labels: ~45% negated clauses, 15% plain, 15% double
    negation, 25% contrast, drawn with `seed`."""
    rng, seen, out = random.Random(seed), set(), []
    if not any(words.values()):
        return out
    makers = [
        lambda: clause(words, rng, True),
        lambda: clause(words, rng, False),
        lambda: double_negation(words, rng),
        lambda: contrast(words, rng),
    ]
    for _ in range(count * 20):
        if len(out) == count:
            break
        text, label = rng.choices(makers, weights=[45, 15, 15, 25])[0]()
        if text not in seen:
            seen.add(text)
            out.append((text, label))
    return out


def normalized(text: str) -> str:
    """A phrase as its lowercased word tokens only, to compare phrases written with or without punctuation."""
    return " ".join(t for t in tokenize_words(text) if t == "n't" or t[0].isalnum())


def has_negation(sentence: str) -> bool:
    """Whether a phrase holds a negation word (not, n't, never, no, nothing, hardly, far from, ...)."""
    return NEGATION_WORDS.search(sentence.lower()) is not None
