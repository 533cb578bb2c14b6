"""Metrics shared by the evaluation tasks."""
from __future__ import annotations

from difflib import SequenceMatcher

_STRIP = ".,،؛;:!?؟«»\"“”()[]"


def words(text: str) -> list[str]:
    """Whitespace words with surrounding punctuation stripped (empty ones dropped)."""
    return [w for w in (w.strip(_STRIP) for w in text.split()) if w]


def word_matches(pred: str, gold: str) -> tuple[int, int]:
    """(gold words reproduced exactly, gold words): the words of ``pred`` and ``gold`` aligned by
    longest matching blocks (difflib), so a split or joined word costs only itself."""
    p, g = words(pred), words(gold)
    sm = SequenceMatcher(a=p, b=g, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks()), len(g)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
