"""``sorani evaluate --task translit``: word accuracy and character error rate both ways on the
wergor pairs (``gold/translit/wergor-pairs.tsv``), held out.

The distinct pairs are split into ``K`` folds by a hash of the Arabic word; each fold is
transliterated by a model trained on the other folds only (the same training as
``scripts/build_translit.py``), so every Arabic→Latin figure is on words the model never saw.
Latin→Arabic is rule-driven (no training), so every pair is unseen by construction.
"""
from __future__ import annotations

from pathlib import Path

from sorani.evaluate import Row, row

K = 5


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (characters).

    >>> edit_distance("kirdin", "krdin")
    1
    """
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def score(pred: list[str], gold: list[str]) -> tuple[float, float]:
    """(exact word accuracy, character error rate = edits / gold characters)."""
    if not gold:
        return 0.0, 0.0
    ok = sum(p == g for p, g in zip(pred, gold))
    edits = sum(edit_distance(p, g) for p, g in zip(pred, gold))
    return ok / len(gold), edits / max(1, sum(map(len, gold)))


def heldout_latin(pairs: list[tuple[str, str]], k: int = K) -> list[str]:
    """Arabic→Latin prediction of every pair by the model of the fold that did not see it."""
    from sorani._translit_model import fold_of, train, training_data
    from sorani.translit import canonical_arabic

    preds: list[str] = [""] * len(pairs)
    for f in range(k):
        model = train(training_data(p for p in pairs if fold_of(p[1], k) != f))
        for i, (_, arabic) in enumerate(pairs):
            if fold_of(arabic, k) == f:
                preds[i] = "".join(model.predict(canonical_arabic(arabic)))
    return preds


def _line_counts(path: Path) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = tuple(line.rstrip("\n").split("\t"))
            if len(cells) == 2:
                counts[cells] = counts.get(cells, 0) + 1  # type: ignore[index]
    return counts


def evaluate_translit(data_dir: Path) -> list[Row]:
    from sorani._translit_model import PAIRS, load_pairs
    from sorani.translit import arabic_word

    path = data_dir / PAIRS
    if not path.exists():
        return []
    pairs = load_pairs(path)
    latin = [la for la, _ in pairs]
    arabic = [ar for _, ar in pairs]
    n = len(pairs)
    pred = heldout_latin(pairs)
    acc, cer = score(pred, latin)
    rows = [row("translit", f"ar->latin word acc (held-out, {K}-fold)", acc, n),
            row("translit", f"ar->latin CER (held-out, {K}-fold)", cer, n)]
    # the file is running text: weight each distinct pair by its number of lines
    counts = _line_counts(path)
    right = {pair for pair, p in zip(pairs, pred) if p == pair[0]}
    total = sum(counts.get(pair, 0) for pair in pairs)
    ok = sum(counts.get(pair, 0) for pair in right)
    rows.append(row("translit", "ar->latin word acc, token-weighted (held-out)", ok / max(total, 1), total))
    acc, cer = score([arabic_word(la) for la in latin], arabic)
    rows += [row("translit", "latin->ar word acc (rules, unseen)", acc, n),
             row("translit", "latin->ar CER (rules, unseen)", cer, n)]
    return rows
