"""Why ``sorani.spell.check`` accepts a misspelling: the misspelled words of ``gold/spelling`` that
``check`` does not flag, on the dev half only (the even rows, as in ``sorani evaluate --task
spelling``; the odd, held-out rows are skipped unread, since they may only be scored in aggregate by
the evaluation), by the rule that accepted them:

  list:<sources>    a word of the word list (``sorani.lm``): s = dictionary headword, p = Pewan
                    list, w = wergor, t = a transcript spelling counted under its standard one,
                    run = seen in running text (TED, KurdishLID), norun = never seen there
  affix             an affixed form of a known stem (``_known_affixed``)
  compound          a known word followed by a known or affixed word (``_compound_py``)
  no-neighbour      no known word one edit or keyboard confusion away: taken for a name
  analyzer          the morphological analyzer knows it (``_morph_ok``)

Evaluation only: reads the spelling sets (no licence), ships nothing.
Usage: SORANI_DATA=../shared/data python scripts/spell_detection.py [--list]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani.spell as S  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import _spelling_rows  # noqa: E402
from sorani.lm import word_lm  # noqa: E402


def cause(word: str) -> str:
    """The rule of ``check`` that accepts ``word`` (a word ``check`` does not flag)."""
    w = word.replace("\u200c", "")
    lm = word_lm()
    if w in S._accepted():
        return f"list:{lm.flags.get(w, '') or '-'}:{'run' if S._running(w) >= 1.0 else 'norun'}"
    if not S._ARABIC_LETTER.search(w):
        return "no-arabic-letter"
    if S._check(w):
        return "affix" if S._known_affixed(w) else "compound"
    if not S._near_known(w):
        return "no-neighbour"
    return "analyzer"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="print each missed dev word with its cause")
    args = ap.parse_args()
    data = shared_data_dir()
    if data is None:
        print("spell_detection: ../shared/data not found (set SORANI_DATA)", file=sys.stderr)
        return 1
    errors, _ = _spelling_rows(data)
    dev = errors[0::2]  # the held-out odd rows are never read here
    causes: Counter[str] = Counter()
    missed = []
    for word, golds in dev:
        if S.check(word):
            c = cause(word)
            causes[c] += 1
            missed.append((c, word, golds[0]))
    print(f"dev misspellings: {len(dev)}, not flagged: {len(missed)} ({len(missed) / len(dev):.3f})")
    for c, k in causes.most_common():
        print(f"  {c:20s} {k}")
    if args.list:
        for c, word, gold in sorted(missed):
            print(c, word, gold, sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
