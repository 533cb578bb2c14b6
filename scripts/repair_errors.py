"""Error analysis of ``sorani.repair`` on the typed-as sets (evaluation only: reads the gold sets,
ships nothing).

For every gold word the output misses (alignment as in ``sorani evaluate --task repair``):
``choice`` when the repair lattice could output it (a better choice among candidates would fix it),
``unreachable`` when no edge produces it; and a letter category from the difference between the
output word aligned to it (if any) and the gold word: which ambiguous letter pair differs
(ه/ە ی/ێ و/ۆ/وو ل/ڵ ر/ڕ ک/گ ئ …), ``spacing`` (the gold word is a join/split of output words),
or ``other``. Usage: SORANI_DATA=../shared/data python scripts/repair_errors.py [--half dev|held-out|all] [--list]
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from repair_reachability import lattice_words  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import TYPED_SETS, _load_pairs, _words  # noqa: E402
from sorani.repair import repair  # noqa: E402

PAIRS = [("ه", "ە"), ("ی", "ێ"), ("و", "ۆ"), ("و", "وو"), ("ل", "ڵ"), ("ر", "ڕ"), ("ک", "گ"),
         ("ج", "چ"), ("ب", "پ"), ("ز", "ژ"), ("ف", "ڤ"), ("∅", "ئ"), ("∅", "ە"), ("ە", "∅"),
         ("∅", "ی"), ("∅", "ێ"), ("∅", "و"), ("ی", "ییە")]


def letter_category(out: str, gold: str) -> str:
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, out, gold, autojunk=False).get_opcodes():
        if tag != "equal":
            ops.append((out[i1:i2] or "∅", gold[j1:j2] or "∅"))
    cats = []
    for a, b in ops:
        if (a, b) in PAIRS or (b, a) in PAIRS:
            cats.append(f"{a}/{b}")
        else:
            cats.append(f"{a}→{b}")
    return " ".join(cats)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="dev", choices=("dev", "held-out", "all"))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    data = shared_data_dir()
    for name in TYPED_SETS:
        pairs = _load_pairs(data / "gold" / "normalize" / f"{name}.tsv")
        cats: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        total = ok = 0
        for i, (typed, gold) in enumerate(pairs):
            if (args.half == "dev" and i % 2) or (args.half == "held-out" and not i % 2):
                continue
            out = repair(typed)
            ow, gw = _words(out), _words(gold)
            lattice, _ = lattice_words(typed)
            sm = difflib.SequenceMatcher(None, ow, gw, autojunk=False)
            total += len(gw)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag == "equal":
                    ok += i2 - i1
                    continue
                for j in range(j1, j2):
                    g = gw[j]
                    reach = "choice" if g in lattice else "unreach"
                    if tag == "replace" and i2 - i1 == j2 - j1:
                        o = ow[i1 + j - j1]
                        cat = letter_category(o, g)
                    elif tag == "replace" and "".join(ow[i1:i2]).replace(" ", "") == "".join(gw[j1:j2]):
                        o, cat = " ".join(ow[i1:i2]), "spacing-split"
                    elif tag == "replace" and i2 - i1 < j2 - j1 and "".join(ow[i1:i2]) == "".join(gw[j1:j2]):
                        o, cat = " ".join(ow[i1:i2]), "spacing-join"
                    elif tag == "replace":
                        o = " ".join(ow[i1:i2])
                        cat = "spacing:gold-joins" if j2 - j1 < i2 - i1 else "spacing:gold-splits"
                    else:
                        o, cat = "", "missing(added by gold)"
                    kinds[reach] += 1
                    c1 = cat if len(cat) < 12 or cat.startswith(("spacing", "missing")) else "other"
                    cats[(reach, c1)] += 1
                    if args.list:
                        print(f"{name[15:]}\t{i}\t{reach}\t{cat}\t{o}\t{g}")
        print(f"{name} {args.half}: {ok}/{total} = {ok / max(total, 1):.4f}; misses {dict(kinds)}")
        for (r, c), n in cats.most_common():
            print(f"   {n:4d} {r:8s} {c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
