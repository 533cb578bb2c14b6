"""Bench stage helpers for transliteration. ``to_arabic`` must be timed on Latin text, so on
import (before timing starts) this module renders the benchmark corpus, the 1 MB line and the
glued token in Latin with ``sorani.to_latin``; the timed function then looks a line's Latin up and
converts it back with ``sorani.to_arabic``. A line not prepared (the warm-up word) is converted
to Latin first, untimed cost included."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import GLUED  # noqa: E402
from corpus import load_corpus  # noqa: E402

from sorani.translit import to_arabic, to_latin  # noqa: E402

_LINES = load_corpus()
_LATIN = {line: to_latin(line) for line in _LINES}
_BIG = " ".join(_LINES)[: 1 << 20]
_LATIN[_BIG] = to_latin(_BIG)
_LATIN[GLUED] = to_latin(GLUED)


def to_arabic_of_latin(line: str) -> str:
    """``to_arabic`` of the Latin rendering of a corpus line."""
    latin = _LATIN.get(line)
    return to_arabic(latin if latin is not None else to_latin(line))
