"""The learned safety net's features, exactly as the program computes them (SafetyModel.swift).

A line is folded (format characters dropped, accents removed, lower case, apostrophes dropped,
anything else that is not a letter or digit made a space), cut into words (a run of two or more
one-letter words is read as one word: "s u i c i d e", "i.e."), and turned into
hashed features: words, pairs of words, and the 3- to 5-letter pieces of each word padded with
a space on both sides. Each feature is FNV-1a (32 bits) of its kind and text, modulo the number
of buckets. A feature counts once per window, and the window's vector is scaled to length 1.
"""
import re
import unicodedata

BUCKETS = 1 << 16


def fold(text):
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("'", "").replace("\u2019", "")
    return join_spelled(re.sub(r"[^a-z0-9]+", " ", text).split())


def join_spelled(words):
    """Runs of two or more one-letter words joined into one word."""
    out, run = [], []
    for w in words + [""]:
        if len(w) == 1:
            run.append(w)
            continue
        if len(run) > 1:
            out.append("".join(run))
        else:
            out += run
        run = []
        if w:
            out.append(w)
    return out


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def grams(words):
    """The feature strings of one window of words, each once, in a stable order."""
    seen = []
    out = set()
    def add(g):
        if g not in out:
            out.add(g)
            seen.append(g)
    for w in words:
        add("w " + w)
    for a, b in zip(words, words[1:]):
        add("b " + a + " " + b)
    for w in words:
        padded = " " + w + " "
        for n in (3, 4, 5):
            for i in range(len(padded) - n + 1):
                add("c" + padded[i:i + n])
    return seen


def vector(words, buckets=BUCKETS):
    """{bucket: value} for one window: each feature once, scaled to length 1."""
    counts = {}
    for g in grams(words):
        k = fnv1a(g.encode("utf-8")) % buckets
        counts[k] = counts.get(k, 0) + 1.0
    norm = sum(v * v for v in counts.values()) ** 0.5
    return {k: v / norm for k, v in counts.items()} if norm else {}


SENTENCE = re.compile(r"[.!?;\n]+")
# A sentence shorter than this is not scored on its own ("i.e.", "Thanks."): too few features to weigh.
FEWEST_WORDS = 3


def windows(text):
    """The whole line, and each sentence of it when there are several: the score is their maximum."""
    whole = fold(text)
    parts = [fold(p) for p in SENTENCE.split(text)]
    parts = [p for p in parts if len(p) >= FEWEST_WORDS]
    out = [whole] if whole else []
    if len(parts) > 1:
        out += parts
    return out
