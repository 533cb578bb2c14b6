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

# a candidate end: a terminator or line break with the terminators and closing quotes that
# follow it, then the whitespace after them (one character class first: the regex engine scans
# for it quickly)
_END = r"[.!?؟…۔\n](?:(?<=\n)|[.!?؟…۔\"'»”’)\]]*)(\s*)"
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
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """The listed abbreviations, and the characters they end with (a quick first test)."""
    words = frozenset(row[0] for row in read_rows("abbreviations.tsv"))
    return words, frozenset(w[-1] for w in words)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_END), re.compile(_WORD_BEFORE)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an initial or a known abbreviation."""
    if dot == 0:
        return False
    last = text[dot - 1]
    if dot == 1 or text[dot - 2] in _OPENERS:  # a one-letter word: an initial
        return last.isalpha()
    words, last_chars = _abbreviations()
    if last not in last_chars and text[dot - 2] != ".":
        return False
    word = _patterns()[1].search(text, max(0, dot - 20), dot)
    w = word.group() if word else ""
    return bool(w) and (w in words or all(len(part) == 1 and part.isalpha() for part in w.split(".")))


_OPENERS = frozenset(" \t\n\r\"'«“([\u00a0")


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace between them belongs to none.

    >>> [(s.start, s.end) for s in sentences("سڵاو. چۆنی؟")]
    [(0, 5), (6, 11)]
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() expects str, not {type(text).__name__}")
    spans: list[Sentence] = []
    append = spans.append
    start = 0
    n = len(text)
    for m in _patterns()[0].finditer(text):
        a, end = m.span()
        first = text[a]
        if first != "\n":
            if end == m.start(1) and end != n:
                continue  # not followed by whitespace: a decimal, a URL, an abbreviation's dot
            if first == "." or first == "…":
                if end - a == 1 + len(m.group(1)) and first == "." and _is_abbreviation(text, a):
                    continue
                if text[a - 2:a] == "و ":
                    continue  # "و ..." is "and so on": the sentence goes on
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            s0 = start + len(chunk) - len(chunk.lstrip())
            append(Sentence(stripped, s0, s0 + len(stripped)))
        start = end
    chunk = text[start:]
    stripped = chunk.strip()
    if stripped:
        s0 = start + len(chunk) - len(chunk.lstrip())
        append(Sentence(stripped, s0, s0 + len(stripped)))
    return spans
