"""Sentence spans.

A sentence ends at ``. ! ? ؟ …`` (with any closing quotes or brackets that follow) before
whitespace or the end of the text, and at every line break (headlines and paragraphs are lines).
A full stop after an initial (``د.``), a listed abbreviation (``پ.د.``) or inside a number or URL
does not end a sentence, nor does an ellipsis after ``و`` ("and so on").

>>> [s.text for s in sentences('د. ئازاد گوتی: "ئەمڕۆ ٢٫٥ ملیۆن کەس دەنگیان دا." پاشان ڕۆیشت!')]
['د. ئازاد گوتی: "ئەمڕۆ ٢٫٥ ملیۆن کەس دەنگیان دا."', 'پاشان ڕۆیشت!']
"""
from __future__ import annotations

import re
from functools import cache
TYPE_CHECKING = False  # typing is not imported at run time (import speed)
if TYPE_CHECKING:
    from typing import Any

from sorani._data import read_rows

_END = r"[.!?؟…۔]+[\"'»”’)\]]*(?=\s|$)|\n"
_WORD_BEFORE = r"[^\s\"'«“(\[]*$"


class Sentence:
    """A sentence: its ``text`` and ``start``/``end`` code-point offsets in the input."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    def __repr__(self) -> str:
        return f"Sentence(text={self.text!r}, start={self.start}, end={self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and (self.text, self.start, self.end) == (
            other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def to_dict(self, offset: int = 0) -> dict[str, Any]:
        return {"text": self.text, "start": self.start + offset, "end": self.end + offset}


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("abbreviations.tsv"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an initial or a known abbreviation."""
    word = re.compile(_WORD_BEFORE).search(text, max(0, dot - 20), dot)
    if word is None:
        return False
    w = word.group()
    if not w:
        return False
    return w in _abbreviations() or (len(w) == 1 and w.isalpha()) or \
        all(len(part) == 1 and part.isalpha() for part in w.split("."))


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace between them belongs to none.

    >>> [(s.start, s.end) for s in sentences("سڵاو. چۆنی؟")]
    [(0, 5), (6, 11)]
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() expects str, not {type(text).__name__}")
    spans: list[Sentence] = []
    start = 0
    for m in re.finditer(_END, text):
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        if text[m.start()] in ".…" and text[max(0, m.start() - 2):m.start()] == "و ":
            continue  # "و ..." is "and so on": the sentence goes on
        _append(text, start, m.end(), spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        s = start + lead
        spans.append(Sentence(stripped, s, s + len(stripped)))
