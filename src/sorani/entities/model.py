"""The statistical name tagger: a greedy averaged perceptron over BIO tags (PER, LOC, ORG),
pure Python, trained by ``scripts/train_ner.py`` (weights in ``data/entities/ner_model.json``,
provenance in its header). It only looks at words that nothing else explains: unknown words
outside the spans found by the gazetteer and the rules, and it keeps a tag only when its score
beats ``O`` by a margin.

>>> feats = features([_W("لە"), _W("کۆبانێ"), _W("گوتی")], 1, "O", frozenset())
>>> "p1=لە" in feats and "n1=گوتی" in feats
True
"""
from __future__ import annotations

import json
from functools import cache
from typing import Any

from sorani._data import data_path

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
MARGIN = 1.0


class _W:
    """A stand-in word for examples and tests (``key``, ``kind``)."""

    def __init__(self, key: str, kind: str = "word") -> None:
        self.key, self.kind, self.f = key, kind, key


def _shape(w: Any, common: frozenset[str]) -> str:
    if w.kind != "word":
        return w.kind if w.kind == "num" else "p" + w.key
    return "c" if w.key in common else "u"


def features(words: list[Any], i: int, prev_tag: str, common: frozenset[str],
             gazetteer_hint: str = "") -> list[str]:
    """Feature strings of word ``i`` (context words, affixes, shape, previous tag)."""
    w = words[i]
    k = w.key
    n = len(words)
    p1 = words[i - 1].key if i > 0 else "<s>"
    p2 = words[i - 2].key if i > 1 else "<s>"
    n1 = words[i + 1].key if i + 1 < n else "</s>"
    n2 = words[i + 2].key if i + 2 < n else "</s>"
    f = ["b", "w=" + k, "s2=" + k[-2:], "s3=" + k[-3:], "s4=" + k[-4:], "f2=" + k[:2], "f3=" + k[:3],
         "len=" + str(min(len(k), 10)), "sh=" + _shape(w, common),
         "p1=" + p1, "p2=" + p2, "n1=" + n1, "n2=" + n2, "t=" + prev_tag, "t+p1=" + prev_tag + p1,
         "p1+n1=" + p1 + "|" + n1,
         "psh=" + (_shape(words[i - 1], common) if i else "<s>"),
         "nsh=" + (_shape(words[i + 1], common) if i + 1 < n else "</s>")]
    if gazetteer_hint:
        f.append("gz=" + gazetteer_hint)
    return f


@cache
def _weights() -> dict[str, dict[str, float]] | None:
    path = data_path("entities") / "ner_model.json"
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return data.get("weights")


def score(weights: dict[str, dict[str, float]], feats: list[str]) -> dict[str, float]:
    s: dict[str, float] = {}
    for f in feats:
        row = weights.get(f)
        if row:
            for t, v in row.items():
                s[t] = s.get(t, 0.0) + v
    return s


def apply_model(words: list[Any], spans: Any, common: frozenset[str]) -> None:
    """Tag the remaining unknown words with the trained model (no-op without weights)."""
    weights = _weights()
    if not weights:
        return
    from sorani.entities.tagger import _trim_clitics, _unknown, stops

    stp = stops()
    n = len(words)
    prev = "O"
    i = 0
    while i < n:
        w = words[i]
        if spans.owner[i] >= 0 or w.kind != "word" or w.key in stp or not _unknown(w, common):
            prev = "O" if spans.owner[i] < 0 else "B-" + (spans.items[spans.owner[i]][4] or "O")
            i += 1
            continue
        s = score(weights, features(words, i, prev, common))
        best = max(TAGS, key=lambda t: s.get(t, 0.0))
        if best == "O" or s.get(best, 0.0) - s.get("O", 0.0) < MARGIN:
            prev = "O"
            i += 1
            continue
        label = best[2:]
        j = i + 1
        while j < n and spans.owner[j] < 0 and words[j].kind == "word" and words[j].key not in stp:
            s2 = score(weights, features(words, j, "I-" + label, common))
            if max(TAGS, key=lambda t: s2.get(t, 0.0)) != "I-" + label:
                break
            j += 1
        last = words[j - 1]
        end = last.start + _trim_clitics(last, keep_i=label != "LOC" or not (j < n and words[j].kind == "word"),
                                         person=label == "PER")
        spans.add(i, j - 1, w.start, end, label, None, "model")
        prev = "I-" + label
        i = j
