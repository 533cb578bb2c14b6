"""Reachability of the gold words of the typed-as sets by ``sorani.repair``'s candidate generation.

For every gold word (punctuation stripped, as in ``sorani evaluate --task repair``): is it among
the words that any edge of the repair lattice can output (word candidates, joins of up to
``MAX_JOIN`` tokens, splits, conjunction splits, splits after a non-joining letter, two tokens
re-segmented, fixed expressions)? Unreachable words are classified:

  key-match   its skeleton key (``data/repair/ambiguity.tsv``) is a typed key of one typed token,
              but the candidate generation did not produce it (pruned, or unknown to the model)
  join<n>     its key is the key of n adjacent typed tokens written together
  split       its key is a proper part of one typed token's key (glued words)
  edit        none of these: the closest typed piece (1-3 adjacent tokens or part of one) differs
              from the gold word's key by letters outside the ambiguity table; the edit
              operations are counted (a frequent one is a missing ambiguity class, a scattered
              one a typo or a gold rewrite: خوا → خودا, ناکا → ناکات, digits for number words)

and by lexicon status: ``model`` (in the word model), ``analyzer`` (only the morphological
analyzer knows it), ``absent``. Evaluation only: reads the gold sets (development data), ships
nothing. The classes and the list come from the even (development) lines only unless ``--half all``; the odd
(held-out) lines are only counted. Usage: SORANI_DATA=../shared/data python scripts/repair_reachability.py [--list] [--half dev|all]
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sorani.repair as R  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import TYPED_SETS, _load_pairs, _words  # noqa: E402
from sorani.lm import key_scheme, word_lm  # noqa: E402
from sorani.morphology import is_known  # noqa: E402


def lattice_words(line: str) -> tuple[set[str], list[str]]:
    """Every word some edge of the repair lattice of ``line`` can output, and the typed tokens."""
    matches = list(R._WORD_RE.finditer(line))
    words = [R._RUN_RE.sub(r"\1", m.group(0)) for m in matches]
    joinable = [line[matches[k].end():matches[k + 1].start()] == " " for k in range(len(matches) - 1)]
    ae = any("\u0629" in w for w in words)
    pk = R._PERSIAN_RE.search(line) is not None
    out: set[str] = set()
    n = len(words)
    for i in range(n):
        out.update(c for c, _ in R._candidates(words[i], ae, pk))
        for parts, _ in R._split_candidates(words[i], ae, pk):
            out.update(parts)
        for _, parts, _ in R._conjunction_splits(words[i], ae, pk):
            out.update(parts)
        for _, parts, _ in R._invisible_splits(words[i], ae, pk):
            out.update(parts)
        for span in range(2, R.MAX_JOIN + 1):
            if i + span > n or not all(joinable[i:i + span - 1]):
                break
            out.update(c for c, _ in R._join_candidates(tuple(words[i:i + span]), ae, pk))
            if span <= R.RESEGMENT_SPAN:
                for parts, _ in R._resegment_candidates(tuple(words[i:i + span]), ae, pk):
                    out.update(parts)
        for _span, standard in R._formula_matches(words, joinable, i):  # fixed expressions (انشاءالله → ئینشائەڵڵا)
            out.update(standard.split())
    return out, words


def edit_ops(a: str, b: str) -> list[str]:
    """Letter edits turning key ``a`` (typed) into key ``b`` (gold)."""
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            ops.append(f"{a[i1:i2] or '∅'}→{b[j1:j2] or '∅'}")
    return ops


def classify(gold: str, typed: list[str]) -> tuple[str, list[str]]:
    ks = key_scheme()
    k = ks.key(gold)
    surf = [R._surface(t) for t in typed]
    if any(k in ks.typed_keys(s) for s in surf):
        return "key-match", []
    for span in (2, 3, 4):
        for i in range(len(surf) - span + 1):
            joined = "".join(surf[i:i + span])
            if k == ks.key(joined) or k in ks.typed_keys(joined):
                return f"join{span}", []
    tkeys = [ks.key(s) for s in surf]
    if any(k in t and k != t for t in tkeys):
        return "split", []
    pieces = set(tkeys)
    for span in (2, 3):
        pieces.update("".join(tkeys[i:i + span]) for i in range(len(tkeys) - span + 1))
    for t in list(pieces):  # parts of a glued token
        for i in range(len(t)):
            for j in range(i + 2, len(t) + 1):
                pieces.add(t[i:j])
    best = min(pieces, key=lambda p: (len(edit_ops(p, k)), -difflib.SequenceMatcher(None, p, k).ratio()),
               default="")
    return "edit", edit_ops(best, k)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--list", action="store_true", help="list every unreachable gold word")
    ap.add_argument("--half", default="dev", choices=("dev", "all"),
                    help="lines whose unreachable words are classified and listed: the even "
                         "(development) lines only (default), or all lines; the reachable share "
                         "of the odd (held-out) lines is printed in aggregate either way")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.data)
    if data is None:
        print("repair_reachability: shared data not found", file=sys.stderr)
        return 1
    lm = word_lm()
    R._load()
    ops_all: Counter[str] = Counter()
    for name in TYPED_SETS:
        pairs = _load_pairs(data / "gold" / "normalize" / f"{name}.tsv")
        classes: Counter[tuple[str, str]] = Counter()
        reach = [[0, 0], [0, 0]]
        for i, (typed, gold) in enumerate(pairs):
            cands, words = lattice_words(typed)
            for w in _words(gold):
                ok = w in cands
                reach[i % 2][0] += ok
                reach[i % 2][1] += 1
                if ok or (i % 2 and args.half == "dev"):
                    continue
                cls, ops = classify(w, words)
                lex = "model" if w in lm.counts else ("analyzer" if is_known(w) else "absent")
                classes[(cls, lex)] += 1
                ops_all.update(ops)
                if args.list:
                    print(f"  {name[15:]}:{i}\t{cls}\t{lex}\t{w}\t{' '.join(ops)}\t| {typed}")
        (d, dn), (h, hn) = reach
        print(f"{name}: reachable {(d + h) / (dn + hn):.3f} of {dn + hn} gold words "
              f"(even lines {d / dn:.3f}, odd lines {h / hn:.3f})")
        for (cls, lex), c in sorted(classes.items(), key=lambda kv: -kv[1]):
            print(f"    {cls:10} {lex:9} {c}")
    print("letter edits of the 'edit' class (typed key → gold key), most frequent:")
    print("   ", ", ".join(f"{op} {c}" for op, c in ops_all.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
