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
from itertools import accumulate
TYPE_CHECKING = False  # typing is not imported at run time (import speed)
if TYPE_CHECKING:
    from typing import Any

from sorani._data import read_rows
from sorani._record import Record, field
from sorani._record import new as _new

# a candidate end: a terminator or line break with the terminators and closing quotes that
# follow it, and a source in brackets glued to a closing quote (`."(ناو - ١٣٩٥)`) when whitespace follows
# it (group 1), then the whitespace after them (group 2); ``re.split`` by it gives the text
# between candidates, each candidate and its whitespace as strings (no match objects)
_END = r"([.!?؟…۔\n](?:(?<=\n)|[.!?؟…۔\"'»”’)\]]*(?:(?<=[\"'»”’])\([^()\n]{1,80}\)(?=\s|\Z))?))(\s*)"
_WORD_BEFORE = r"[^\s\"'«“(\[]*$"
_LAST_BREAK = r"(?s:.*)[\s\"'«“(\[]"  # up to the last character that ends a word: the word follows

class Sentence(Record):
    """A sentence: its ``text`` and ``start``/``end`` code-point offsets in the input.

    (A tuple underneath, ``(text, start, end)``: made and read quickly.)"""

    __slots__ = ()
    text = field(0, "the sentence as in the input")
    start = field(1, "code-point offset of its first character")
    end = field(2, "code-point offset after its last character")

    def __new__(cls, text: str, start: int, end: int) -> Sentence:
        return _new(cls, (text, start, end))

    def __repr__(self) -> str:
        return f"Sentence(text={self.text!r}, start={self.start}, end={self.end})"

    def to_dict(self, offset: int = 0) -> dict[str, Any]:
        return {"text": self.text, "start": self.start + offset, "end": self.end + offset}


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """The listed abbreviations, and the characters they end with (a quick first test)."""
    words = frozenset(row[0] for row in read_rows("abbreviations.tsv"))
    return words, frozenset(w[-1] for w in words)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return re.compile(_END), re.compile(_WORD_BEFORE), re.compile(_LAST_BREAK)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an initial or a known abbreviation."""
    if dot == 0:
        return False
    last = text[dot - 1]
    if dot == 1 or text[dot - 2] in _OPENERS:  # a one-letter word: an initial
        if text[dot - 2] in "\"'" and dot > 2 and text[dot - 3].isalnum():
            return False  # a letter glued to a quote that closes a word is a clitic (`"کرماشان"ن.`), not an initial
        return last.isalpha()
    words, last_chars = _abbreviations()
    if last not in last_chars and text[dot - 2] != ".":
        return False
    lo = max(0, dot - 20)
    if last == "\n":  # ($ matches before a final line break too)
        word = _patterns()[1].search(text, lo, dot)
        w = word.group() if word else ""
    else:  # the same word, found from its end (one match, not one a position)
        brk = _patterns()[2].match(text, lo, dot)
        w = text[brk.end() if brk else lo:dot]
    return bool(w) and (w in words or all(len(part) == 1 and part.isalpha() for part in w.split(".")))


_OPENERS = frozenset(" \t\n\r\"'«“([\u00a0")
_OPENERS_DOT = _OPENERS | {"."}


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace between them belongs to none.

    >>> [(s.start, s.end) for s in sentences("سڵاو. چۆنی؟")]
    [(0, 5), (6, 11)]
    """
    if not isinstance(text, str):
        raise TypeError(f"sentences() expects str, not {type(text).__name__}")
    n = len(text)
    # parts: between, candidate, whitespace, between, candidate, whitespace, ..., between
    parts = _patterns()[0].split(text)
    # a candidate's whitespace is all taken by the pattern, so every sentence starts at a
    # non-space character: after the previous end's whitespace, or here
    start = n - len(text.lstrip()) if text[:1].isspace() else 0
    spans: list[Sentence] = []
    if len(parts) > 1:
        append = spans.append
        offsets = list(accumulate(map(len, parts), initial=0))
        last_chars = _abbreviations()[1]
        for term, space, a in zip(parts[1::3], parts[2::3], offsets[1::3]):
            first = term[0]
            if first != "\n":
                e = a + len(term)  # after the terminator and its closing quotes: not a space
                if not space and e != n:
                    continue  # not followed by whitespace: a decimal, a URL, an abbreviation's dot
                if first == "." or first == "…":
                    # (quick tests first: what _is_abbreviation would reject at once)
                    if (first == "." and len(term) == 1 and 0 < a
                            and (a == 1 or text[a - 1] in last_chars or text[a - 2] in _OPENERS_DOT)
                            and _is_abbreviation(text, a)):
                        continue
                    if text[a - 1] == " " and text[a - 2:a] == "و ":
                        continue  # "و ..." is "and so on": the sentence goes on
            else:  # a line break: the sentence ends before it, without the spaces before it
                e = a
                if e > start and text[e - 1].isspace():
                    e = start + len(text[start:a].rstrip())
            if e > start:
                append(_new(Sentence, (text[start:e], start, e)))
            start = a + len(term) + len(space)
    if start < n:  # the rest (it starts with a non-space character)
        rest = text[start:].rstrip()
        spans.append(_new(Sentence, (rest, start, start + len(rest))))
    return spans
