"""The best word accuracy *any* keyboard repair could reach on the typed-as gold sets.

A system that repairs typing can change, for every typed word, which letter of an ambiguity class
was meant, where the spaces go, and which letters a typist left out or doubled; it cannot know that
the corrector also rewrote words (خوا → خودا, ئەکا → ئەکات, بەوانە → بەمانە) or added words. This
script measures how many gold words are within reach of such a perfect repairer, independently of
sorani's lexicon, language model and candidate generation, with two readings of "keyboard error":

  classes   every letter is replaced by its class (``data/repair/ambiguity.tsv`` typed rows:
            ی ێ ي ى → one class, و ۆ → one, ل ڵ, ر ڕ, ه ە ة, ك ک گ, ج چ, ف ڤ, ز ژ, ب پ, ئ ا …),
            doubled letters count once (وو, ڵڵ), and spaces are free;
  generous  as classes, and also every vowel letter (ا ئ ە ه ی ێ و ۆ) may have been left out or
            added (so a word of vowels only, ئەو, و, is always within reach), and the Arabic letters of loanwords are read as their Kurdish sounds
            (ط → ت, ص ث → س, ض ظ ذ → ز, ع → ئ, غ → خ): only the consonant skeleton must agree.

For each sentence the gold words are matched, in order and without overlap, to pieces of the
typed text (all spaces removed) with equal keys; the bound is the largest number of gold words so
matched, over the gold words (micro average, words as ``sorani evaluate --task repair`` counts
them). This is generous to the system: a key match is not a check that the letters are right.
Only aggregate figures are printed; ``--examples`` lists unmatched gold words of the even
(development) lines. Evaluation only: reads the gold sets, ships nothing.
Usage: SORANI_DATA=../shared/data python scripts/repair_bound.py [--examples]
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import TYPED_SETS, _load_pairs, _words  # noqa: E402
from sorani.normalize import normalize  # noqa: E402

_CLASSES = ["یێيىئ", "وۆ", "لڵ", "رڕ", "هەة", "كکگ", "جچ", "فڤ", "زژ", "بپ", "اآأإ"]
_LOANS = {"ط": "ت", "ص": "س", "ث": "س", "ض": "ز", "ظ": "ز", "ذ": "ز", "ع": "", "غ": "خ"}
_VOWELS = set("اآأإئەهةیێيىوۆ")


def _class_of() -> dict[str, str]:
    table = {}
    for cls in _CLASSES:
        for ch in cls:
            table[ch] = cls[0]
    return table


_TABLE = _class_of()


def key(text: str, generous: bool) -> str:
    """The class key of ``text``: spaces and marks dropped, a letter doubled inside a word once."""
    out: list[str] = []
    for word in normalize(text).split():
        prev = ""
        for ch in word:
            if generous:
                ch = _LOANS.get(ch, ch)
                if not ch or ch in _VOWELS:
                    continue
            ch = _TABLE.get(ch, ch)
            if ch.isalpha() and ch != prev:
                out.append(ch)
                prev = ch
    return "".join(out)


def best_matches(typed: str, gold_words: list[str], generous: bool) -> list[bool]:
    """Which gold words a monotone, non-overlapping match to pieces of the typed key can cover."""
    t = key(typed, generous)
    g = [key(w, generous) for w in gold_words]
    n, m = len(g), len(t)
    # best[i][j]: most gold words among the first i matched within the first j key letters
    best = [[0] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w = g[i - 1]
        for j in range(m + 1):
            v = max(best[i - 1][j], best[i][j - 1] if j else 0)
            if j >= len(w) and t[j - len(w):j] == w and best[i - 1][j - len(w)] + 1 > v:
                v = best[i - 1][j - len(w)] + 1
                take[i][j] = True
            best[i][j] = v
    hit = [False] * n
    i, j = n, m
    while i > 0 and j >= 0:
        w = g[i - 1]
        if take[i][j] and best[i][j] == best[i - 1][j - len(w)] + 1:
            hit[i - 1] = True
            i, j = i - 1, j - len(w)
        elif j and best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            i -= 1
    return hit


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", action="store_true", help="unmatched gold words, even lines only")
    args = ap.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("no ../shared/data (set SORANI_DATA)", file=sys.stderr)
        return 1
    print(f"{'set':30} {'reading':9} {'all':>6} {'dev':>6} {'held-out':>8} {'words':>6}")
    for name in TYPED_SETS:
        pairs = _load_pairs(data / "gold" / "normalize" / f"{name}.tsv")
        for generous in (False, True):
            hits = [[0, 0], [0, 0]]
            for i, (typed, gold) in enumerate(pairs):
                words = _words(gold)
                hit = best_matches(typed, words, generous)
                hits[i % 2][0] += sum(hit)
                hits[i % 2][1] += len(words)
                if args.examples and generous and i % 2 == 0:
                    missed = [w for w, h in zip(words, hit) if not h]
                    if missed:
                        print(f"  {name} line {i}: {' '.join(missed)}")
            ok, total = hits[0][0] + hits[1][0], hits[0][1] + hits[1][1]
            reading = "generous" if generous else "classes"
            print(f"{name:30} {reading:9} {ok / total:6.3f} {hits[0][0] / hits[0][1]:6.3f} "
                  f"{hits[1][0] / hits[1][1]:8.3f} {total:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
