"""Evaluation of sorani.morphology: lemma accuracy (UniMorph), morpheme F1 (tokenization gold),
lexicon coverage of the corpus, and stemming conflation on UniMorph paradigms.

UniMorph (``gold/morphology/unimorph-ckb-arab.tsv``) is used for evaluation only; it is split
deterministically (md5 of the line) into a *tune* half, the only half whose errors were looked at
while writing the grammar, and a *dev* half, reported separately.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

from sorani.evaluate import Row, row

UNIMORPH = "gold/morphology/unimorph-ckb-arab.tsv"
TOKEN_GOLD = "gold/tokenize/sentence-and-morphemes.tsv"
CORPUS = ("corpus/ktc", "corpus/blark-sorani", "corpus/ted-ckb")


def unimorph_rows(data_dir: Path) -> list[tuple[str, str, str, str]]:
    """(lemma, form, features, split) for each UniMorph line; split is "tune" or "dev"."""
    out = []
    for line in (data_dir / UNIMORPH).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[1].strip():
            continue
        lemma, form, feats = (p.strip() for p in parts[:3])
        split = "tune" if hashlib.md5(line.encode("utf-8")).digest()[0] % 2 == 0 else "dev"
        out.append((lemma, form, feats, split))
    return out


def _lemma_ok(pred: str, gold: str) -> bool:
    from sorani.morphology import fold

    pred, gold = fold(pred), fold(gold)
    if pred == gold:
        return True
    # multi-word gold lemmas like لە+ئەو: accept the same parts
    return pred.replace("+", "") == gold.replace("+", "")


def evaluate_lemma(data_dir: Path) -> list[Row]:
    from sorani.morphology import lemmatize

    rows = unimorph_rows(data_dir)
    out = []
    for split in ("dev", "tune", "all"):
        sel = [r for r in rows if split == "all" or r[3] == split]
        ok = sum(_lemma_ok(lemmatize(form), lemma) for lemma, form, _, _ in sel)
        out.append(row("lemma", f"accuracy ({split})", ok / max(1, len(sel)), len(sel)))
    return out


def _gold_tokens(line: str) -> tuple[str, list[str]]:
    raw, _, toks = line.partition("\t")
    return raw, toks.split()


def _errata() -> list[tuple[list[str], list[str]]]:
    """Documented inconsistencies of the tokenization gold (data/morphology/tokenize_errata.tsv)."""
    from sorani._data import read_rows

    return [(r[0].split(), r[1].split()) for r in read_rows("morphology/tokenize_errata.tsv")]


def _apply_errata(gold: list[str], errata: list[tuple[list[str], list[str]]]) -> tuple[list[str], int]:
    """``gold`` with every errata sequence replaced by its consistent tokens, and the count replaced."""
    n = 0
    for old, new in errata:
        i = 0
        while i + len(old) <= len(gold):
            if gold[i:i + len(old)] == old:
                gold = gold[:i] + new + gold[i + len(old):]
                i += len(new)
                n += 1
            else:
                i += 1
    return gold, n


def evaluate_morphemes(data_dir: Path) -> list[Row]:
    from sorani.morphology import fold, morphemes

    errata = _errata()
    tp = n_pred = n_gold = tp_e = n_gold_e = n_fixed = 0
    for line in (data_dir / TOKEN_GOLD).read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        raw, gold = _gold_tokens(line)
        pred = Counter(_norm_tok(fold(t)) for t, _, _ in morphemes(raw))
        pred.pop("", None)
        fixed, k = _apply_errata(gold, errata)
        n_fixed += k
        for toks, is_raw in ((gold, True), (fixed, False)):
            goldc = Counter(_norm_tok(fold(t)) for t in toks)
            goldc.pop("", None)
            if is_raw:
                tp += sum((pred & goldc).values())
                n_pred += sum(pred.values())
                n_gold += sum(goldc.values())
            else:
                tp_e += sum((pred & goldc).values())
                n_gold_e += sum(goldc.values())
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    f = 2 * p * r / max(1e-9, p + r)
    pe, re_ = tp_e / max(1, n_pred), tp_e / max(1, n_gold_e)
    fe = 2 * pe * re_ / max(1e-9, pe + re_)
    return [row("morphemes", "precision", p, n_pred), row("morphemes", "recall", r, n_gold),
            row("morphemes", "F1", f, n_gold),
            row("morphemes", f"F1 (gold with {n_fixed} errata applied, tokenize_errata.tsv)", fe, n_gold_e)]


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _norm_tok(t: str) -> str:
    t = _INVISIBLE.sub("", t)
    return "ڕ" + t[1:] if t.startswith("ر") else t


def corpus_words(data_dir: Path, max_chars: int | None = None) -> dict[str, Counter[str]]:
    """Word-token counts of each corpus source (all of it unless ``max_chars`` per source)."""
    from sorani.morphology import _word_re

    out: dict[str, Counter[str]] = {}
    for src in CORPUS:
        counts: Counter[str] = Counter()
        total = 0
        for path in sorted(p for p in (data_dir / src).rglob("*") if p.is_file() and p.name != "LICENSE"):
            text = path.read_bytes().decode("utf-8", errors="replace")
            counts.update(_word_re().findall(text))  # the word tokens of sorani.tokenize
            total += len(text)
            if max_chars and total >= max_chars:
                break
        out[src.split("/")[-1]] = counts
    return out


def evaluate_coverage(data_dir: Path) -> list[Row]:
    from sorani.morphology import is_known

    per_source = corpus_words(data_dir)
    rows = []
    all_known = all_total = 0
    for name, counts in per_source.items():
        total = sum(counts.values())
        known = sum(c for w, c in counts.items() if is_known(w))
        all_known += known
        all_total += total
        rows.append(row("coverage", f"word tokens with a lexicon analysis ({name})", known / max(1, total), total))
    rows.insert(0, row("coverage", "word tokens with a lexicon analysis (corpus/)", all_known / max(1, all_total),
                       all_total))
    # the same without words that are Arabic, not Sorani (harakat, ال, Arabic-only letters)
    k = t = 0
    for counts in per_source.values():
        for w, c in counts.items():
            if _ARABIC.search(w):
                continue
            t += c
            k += c if is_known(w) else 0
    rows.insert(1, row("coverage", "word tokens with a lexicon analysis (corpus/, Arabic words excluded)",
                       k / max(1, t), t))
    return rows


_ARABIC = re.compile("[\u064b-\u0652\u0670ثذضظطصةأإ]|^ال")


def conflation(pairs_lemma: list[tuple[str, str]], stemmer) -> tuple[float, float, int, int]:
    """(share of same-lemma form pairs with equal stems, share of equal-stem pairs whose lemmas
    differ, n same-lemma pairs, n conflated pairs) over distinct (lemma, form) items."""
    items = sorted(set(pairs_lemma))
    stems = [stemmer(f) for _, f in items]
    same = same_ok = conflated = false = 0
    for (i, (l1, f1)), (j, (l2, f2)) in combinations(enumerate(items), 2):
        if f1 == f2:
            continue
        eq = stems[i] == stems[j]
        if l1 == l2:
            same += 1
            same_ok += eq
        if eq:
            conflated += 1
            false += l1 != l2
    return same_ok / max(1, same), false / max(1, conflated), same, conflated


def evaluate_stem(data_dir: Path) -> list[Row]:
    from sorani.morphology import stem

    items = [(lemma, form) for lemma, form, _, _ in unimorph_rows(data_dir)]
    out = []
    for mode in ("full", "light"):
        ok, false, n_same, n_conf = conflation(items, lambda w, m=mode: stem(w, mode=m))
        out.append(row("stem", f"same-lemma pairs conflated ({mode})", ok, n_same))
        out.append(row("stem", f"false conflations ({mode})", false, n_conf))
    return out
