"""Where the spelling suggestions miss: the gold corrections of ``gold/spelling`` that
``sorani.spell.suggest(word, 5)`` does not offer, classified on the dev half only (the even rows, as
in ``sorani evaluate --task spelling``; the odd, held-out rows are skipped unread, since they may only
be scored in aggregate by the evaluation):

  ranked-out      the gold is a candidate of ``suggest``, ranked after the fifth
  split           the gold is two words or more (a space left out, often with a second fix)
  edit1-vocab     the gold is a word of the word list one edit (letter left out, added, replaced,
                  two swapped) from the typed word, but no candidate
  edit1-affix     the gold is one edit away and only the affix rules accept it (an inflected form
                  the word list lacks: ڕاکێشە → ڕابکێشە)
  edit1-analyzer  the same, accepted by the morphological analyzer only
  far             two edits or more, in some list (``check(gold, strict=True)``)
  absent          in no shippable list, no rule accepts it (a name, a loan word)

With ``--morph-edits``, for the edit1-affix and edit1-analyzer misses: the rank of the gold among
all one-edit forms of the typed word that the affix and compound rules or the analyzer accept
(``_known_affixed``, ``_check``, ``_morph_ok``: the candidates a morphological
one-edit generator would add), ranked by edit cost minus the prior ``suggest`` gives inflected
forms (the frequency of their stem) and minus the share of running-text tokens with the same
prefix and suffix strings. Rank 1 means such a generator would propose the gold first.

Evaluation only: reads the spelling sets (no licence), ships nothing.
Usage: SORANI_DATA=../shared/data python scripts/spell_reachability.py [--list] [--morph-edits]
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani.spell as S  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import _spelling_rows  # noqa: E402
from sorani.lm import iter_affix_stems, word_lm  # noqa: E402


@cache
def letters() -> str:
    """Letters of the words seen five times or more in the word model (the edit alphabet)."""
    counts = word_lm().counts
    return "".join(sorted({ch for w in S._vocab() if counts[w] >= 5 for ch in w}))


def edits1(w: str) -> set[str]:
    out: set[str] = set()
    for i in range(len(w) + 1):
        head, tail = w[:i], w[i:]
        if tail:
            out.add(head + tail[1:])
        if len(tail) > 1:
            out.add(head + tail[1] + tail[0] + tail[2:])
        for a in letters():
            out.add(head + a + tail)
            if tail:
                out.add(head + a + tail[1:])
    out.discard(w)
    return out


def affix_parts(v: str) -> tuple[str, str] | None:
    """(prefix string, suffix string) around the first known stem of ``v``."""
    stems = S._stem_set()
    for stem in iter_affix_stems(v):
        if stem in stems and stem != v:
            core = stem[:-1] if stem.endswith("\u06d5") and stem not in v else stem
            at = v.find(core)
            return (v[:at], v[at + len(core):]) if at >= 0 else None
    return None


@cache
def affix_shares() -> tuple[dict[str, float], dict[str, float]]:
    """Share of running-text tokens (word count 1 at least) with each prefix and suffix string."""
    pre: Counter[str] = Counter()
    suf: Counter[str] = Counter()
    total = 0.0
    for w, c in word_lm().counts.items():
        if c >= 1.0:
            p, s = affix_parts(w) or ("", "")
            pre[p] += c
            suf[s] += c
            total += c
    return {k: v / total for k, v in pre.items()}, {k: v / total for k, v in suf.items()}


def morph_edit_rank(w: str, gold: str) -> int | None:
    """Rank of ``gold`` among the one-edit forms of ``w`` the word list lacks that the affix or
    compound rules or the analyzer accept (see above)."""
    counts = word_lm().counts
    pre, suf = affix_shares()
    scored = []
    for v in edits1(w):
        if v in counts or not (S._known_affixed(v) or S._check(v) or S._morph_ok(v)):
            continue
        parts = affix_parts(v) or ("", "")
        share = math.log(pre.get(parts[0], 0.0) + 1e-6) + math.log(suf.get(parts[1], 0.0) + 1e-6)
        scored.append((S._cost(w, v) - S._freq_score(v, S._derived_from(v)) - S.FREQ_WEIGHT * share, v))
    scored.sort()
    ranked = [v for _, v in scored]
    return ranked.index(gold) + 1 if gold in ranked else None


def classify(w: str, golds: list[str]) -> tuple[str, str]:
    vocab = S._vocab()
    full: list[str] = []
    for _, c in S._scored(w.replace("\u200c", "")):
        if c != w and c not in full:
            full.append(c)
    ranks = [full.index(g) + 1 for g in golds if g in full]
    if ranks:
        return "ranked-out", golds[0]
    if any(" " in g for g in golds):
        return "split", next(g for g in golds if " " in g)
    near = edits1(w)
    for g in golds:
        if g in near:
            if g in vocab:
                return "edit1-vocab", g
            if S._known_affixed(g) or S._check(g):
                return "edit1-affix", g
            if S._morph_ok(g):
                return "edit1-analyzer", g
    for g in golds:
        if S.check(g, strict=True):
            return "far", g
    return "absent", golds[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="print every miss")
    ap.add_argument("--morph-edits", action="store_true", help="rank of the gold among the one-edit forms the affix rules accept")
    args = ap.parse_args(argv)
    data = shared_data_dir()
    if data is None:
        print("shared data not found ($SORANI_DATA)", file=sys.stderr)
        return 1
    errors, _ = _spelling_rows(data)
    S.suggest("\u06af\u06d5\u0631\u0645")
    kinds: Counter[str] = Counter()
    morph: Counter[str] = Counter()
    for i, (w, golds) in enumerate(errors):
        if i % 2:
            continue  # held-out row: never classified nor printed
        if any(g in S.suggest(w, 5) for g in golds):
            kinds["hit"] += 1
            continue
        kind, gold = classify(w, golds)
        kinds[kind] += 1
        extra = ""
        if args.morph_edits and kind in ("edit1-affix", "edit1-analyzer"):
            r = morph_edit_rank(w.replace("\u200c", ""), gold)
            morph["not generated" if r is None else "rank 1" if r == 1 else "rank 2-5" if r <= 5 else "rank > 5"] += 1
            extra = f"\tmorph-edit rank {r}"
        if args.list:
            print(f"dev\t{kind}\t{w}\t{gold}{extra}")
    print(f"dev ({sum(kinds.values())} words): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if args.morph_edits:
        print("  one-edit affix forms, gold among them: " + ", ".join(f"{k} {v}" for k, v in sorted(morph.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
