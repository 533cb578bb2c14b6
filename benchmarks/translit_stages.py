"""Bench stage helpers for transliteration. ``to_arabic`` must be timed on Latin text, so on
import (before timing starts) this module renders what bench.py times (the corpus documents, the
first million characters as lines, the 1 MB line, the glued token) in Latin with
``sorani.to_latin``; the timed function looks the Latin up and converts it back with
``sorani.to_arabic``. A text not prepared (the warm-up word) is converted to Latin first, that
cost included."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import GLUED  # noqa: E402
from corpus import load_corpus, load_documents  # noqa: E402

from sorani.translit import to_arabic, to_latin  # noqa: E402

_LATIN: dict[str, str] = {}


def _prepare() -> None:
    docs = load_documents()
    lines = load_corpus(max_chars=1_000_000)
    for text in docs + lines + [" ".join(lines)[: 1 << 20], GLUED]:
        _LATIN[text] = to_latin(text)


def to_arabic_of_latin(text: str) -> str:
    """``to_arabic`` of the Latin rendering of a corpus text."""
    latin = _LATIN.get(text)
    return to_arabic(latin if latin is not None else to_latin(text))


_prepare()
