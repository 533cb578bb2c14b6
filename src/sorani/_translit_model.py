"""The Arabic→Latin decision model: which Latin spelling each Arabic letter takes in context.

Every letter of a (canonical) Sorani word gets a *label*, the Latin string it becomes:
a consonant ``ک`` becomes ``k`` or ``ki`` (the unwritten short vowel, bizroke, after it), ``و``
becomes ``w``, ``u``, ``û`` (the first of ``وو``), ``""`` (the second of ``وو``), ``wi`` …, ``ی``
becomes ``y``, ``î`` … Labels are chosen left to right by an averaged perceptron over
syllable-structure features: windows of letters, of letter classes (vowel, و, ی, stop, fricative,
liquid, nasal) around the letter, and the two labels chosen before it. Decoding is greedy, so time
is linear in the word length; a decision depends only on a 9-letter window and the two previous
labels, so decisions are cached on that key.

``align`` turns a gold pair into labels; ``train`` learns the weights (``scripts/build_translit.py``
ships them as ``data/translit/model.tsv``; ``sorani evaluate --task translit`` retrains them on
folds to measure held-out accuracy).
"""
from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sorani._data import read_rows

PAD = 4  # letters of context on each side
LEFT, RIGHT = "<" * PAD, ">" * PAD

# letter windows (a letters left, b-1 right), class windows, fine-class windows
_WORD_T = [(a, b) for a in range(PAD + 1) for b in range(1, PAD + 2) if a + b <= 7]
_CLS_T = [(a, b) for a in range(PAD + 1) for b in range(1, PAD + 2) if a + b <= 8]
_SON_T = [(a, b) for a in range(4) for b in range(1, 5) if a + b <= 6]


def letter_table() -> dict[str, tuple[str, str]]:
    """Arabic letter -> (default Latin, class) from ``data/translit/letters.tsv``."""
    return {row[0]: (row[1], row[2]) for row in read_rows("translit/letters.tsv")}


def class_maps() -> tuple[dict[int, str], dict[int, str]]:
    """``str.translate`` tables: letter -> coarse class (V W Y Q C) and fine class (V W Y Q T S L N)."""
    coarse: dict[int, str] = {}
    fine: dict[int, str] = {}
    for letter, (_, cls) in letter_table().items():
        fine[ord(letter)] = cls
        coarse[ord(letter)] = cls if cls in "VWYQ" else "C"
    return coarse, fine


def features(s: str, c: str, f: str, k: int, prev: str, prev2: str) -> list[str]:
    """Feature strings for the letter at ``s[k]`` (``s`` padded word, ``c``/``f`` its class strings)."""
    ch = s[k]
    out = [f"w{a}{b}|{s[k - a:k + b]}" for a, b in _WORD_T]
    out += [f"c{a}{b}|{ch}{c[k - a:k + b]}" for a, b in _CLS_T]
    out += [f"s{a}{b}|{ch}{f[k - a:k + b]}" for a, b in _SON_T]
    out.append(f"p|{prev}|{s[k:k + 2]}")
    out.append(f"pp|{prev2}|{prev}|{ch}")
    out.append(f"pw|{prev}|{s[k - 1:k + 2]}")
    return out


# ---------------------------------------------------------------- alignment of gold pairs

def _options(ch: str, prev: str, table: dict[str, tuple[str, str]]) -> list[str]:
    if ch == "و":
        base = ["û", "", "w", "u"] if prev == "و" else ["û", "w", "u"]
    elif ch == "ی":
        base = ["y", "î"]
    else:
        base = [table[ch][0] if ch in table else ch]
    return base + [b + "i" for b in base]


def align(arabic: str, latin: str) -> list[str] | None:
    """Split ``latin`` into one label per letter of ``arabic`` (``None`` when impossible).

    >>> align("کردن", "kirdin")
    ['ki', 'r', 'di', 'n']
    """
    table = letter_table()
    n, m = len(arabic), len(latin)
    memo: dict[tuple[int, int], tuple[str, ...] | None] = {}
    # iterative DP from the end (no recursion limit on long words)
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n:
                memo[i, j] = () if j == m else None
                continue
            res = None
            for o in _options(arabic[i], arabic[i - 1] if i else "", table):
                if latin.startswith(o, j):
                    rest = memo.get((i + 1, j + len(o)))
                    if rest is not None:
                        res = (o,) + rest
                        break
            memo[i, j] = res
    out = memo.get((0, 0))
    if out is None and latin.startswith("i") and n:
        rest = memo.get((0, 1))
        if rest is not None:
            out = ("i" + rest[0],) + rest[1:]
    return list(out) if out is not None else None


# ---------------------------------------------------------------- model

class Model:
    """Label sets per letter and feature weights: ``weights[feature] = {label: weight}``."""

    def __init__(self, labels: dict[str, list[str]], weights: dict[str, dict[str, float]]) -> None:
        self.labels = labels
        self.weights = weights
        self.coarse, self.fine = class_maps()
        self.default = {k: v[0] for k, v in letter_table().items()}
        self._cache: dict[tuple[str, str, str], str] = {}
        self._single_waw = [lab for lab in labels.get("و", ["w"]) if lab] or ["w"]

    def predict(self, word: str) -> list[str]:
        """One Latin label per letter of ``word`` (a canonical Sorani word)."""
        s = LEFT + word + RIGHT
        c = s.translate(self.coarse)
        f = s.translate(self.fine)
        labels, weights, cache, default = self.labels, self.weights, self._cache, self.default
        out: list[str] = []
        prev = prev2 = "<"
        for k in range(PAD, PAD + len(word)):
            ch = s[k]
            labs = labels.get(ch)
            if ch == "و" and s[k - 1] != "و" and labs:
                labs = self._single_waw  # the silent second half of وو needs a first half
            if labs is None:
                lab = default.get(ch, ch)
            elif len(labs) == 1:
                lab = labs[0]
            else:
                key = (s[k - PAD:k + PAD + 1], prev, prev2)
                lab = cache.get(key)  # type: ignore[assignment]
                if lab is None:
                    lab = _best(features(s, c, f, k, prev, prev2), labs, weights)
                    if len(cache) > 500_000:
                        cache.clear()
                    cache[key] = lab
            out.append(lab)
            prev2, prev = prev, lab
        return out

    def to_rows(self) -> list[str]:
        """The model as TSV lines: ``@labels`` lines, then ``feature<TAB>label=weight ...``."""
        lines = [f"@{ch}\t" + "\t".join(labs) for ch, labs in sorted(self.labels.items())]
        for feat in sorted(self.weights):
            cells = [f"{lab}={w:.3f}" for lab, w in sorted(self.weights[feat].items())]
            lines.append(feat + "\t" + "\t".join(cells))
        return lines

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> Model:
        labels: dict[str, list[str]] = {}
        weights: dict[str, dict[str, float]] = {}
        for row in rows:
            if row[0].startswith("@"):
                labels[row[0][1:]] = list(row[1:])
                continue
            d = {}
            for cell in row[1:]:
                lab, _, w = cell.rpartition("=")
                d[lab] = float(w)
            weights[row[0]] = d
        return cls(labels, weights)


def _best(feats: list[str], labs: list[str], weights: dict[str, dict[str, float]]) -> str:
    scores = dict.fromkeys(labs, 0.0)
    get = weights.get
    for x in feats:
        d = get(x)
        if d:
            for lab, v in d.items():
                if lab in scores:
                    scores[lab] += v
    # ties go to the first label (labels are listed most frequent first)
    best = labs[0]
    top = scores[best]
    for lab in labs[1:]:
        if scores[lab] > top:
            best, top = lab, scores[lab]
    return best


def train(data: Iterable[tuple[str, list[str]]], epochs: int = 6, seed: int = 0,
          prune: float = 0.05) -> Model:
    """Averaged perceptron over ``(arabic word, labels)`` pairs; deterministic for a given seed.

    Training uses the gold history (previous labels), so each position's features are computed
    once and kept as integer ids.
    """
    data = list(data)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for word, labs in data:
        for ch, lab in zip(word, labs):
            counts[ch][lab] += 1
    labels = {ch: sorted(d, key=lambda lab: (-d[lab], lab)) for ch, d in counts.items()}
    model = Model(labels, {})
    coarse, fine = model.coarse, model.fine
    ids: dict[str, int] = {}
    items: list[tuple[tuple[int, ...], list[str], str]] = []  # (feature ids, label set, gold)
    for word, gold in data:
        s = LEFT + word + RIGHT
        c, f = s.translate(coarse), s.translate(fine)
        prev = prev2 = "<"
        for i, g in enumerate(gold):
            labs = labels[word[i]]
            if word[i] == "و" and (i == 0 or word[i - 1] != "و"):
                labs = model._single_waw
            if len(labs) > 1:
                feats = features(s, c, f, i + PAD, prev, prev2)
                items.append((tuple(ids.setdefault(x, len(ids)) for x in feats), labs, g))
            prev2, prev = prev, g
    w: list[dict[str, float]] = [{} for _ in ids]
    u: list[dict[str, float]] = [{} for _ in ids]
    step = 0
    rng = random.Random(seed)
    order = list(range(len(items)))
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            feats_i, labs, g = items[n]
            step += 1
            scores = dict.fromkeys(labs, 0.0)
            for x in feats_i:
                for lab, v in w[x].items():
                    if lab in scores:
                        scores[lab] += v
            p = labs[0]
            for lab in labs[1:]:
                if scores[lab] > scores[p]:
                    p = lab
            if p != g:
                for x in feats_i:
                    wx, ux = w[x], u[x]
                    wx[g] = wx.get(g, 0.0) + 1.0
                    wx[p] = wx.get(p, 0.0) - 1.0
                    ux[g] = ux.get(g, 0.0) + step
                    ux[p] = ux.get(p, 0.0) - step
    names = list(ids)
    weights: dict[str, dict[str, float]] = {}
    for x, d in enumerate(w):
        avg = {lab: round(v - u[x][lab] / step, 3) for lab, v in d.items()}
        avg = {lab: v for lab, v in avg.items() if abs(v) >= prune}
        if avg:
            weights[names[x]] = avg
    model.weights = weights
    return model


# ---------------------------------------------------------------- gold pairs and folds

PAIRS = "gold/translit/wergor-pairs.tsv"


def load_pairs(path) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Distinct ``(latin, arabic)`` pairs of a ``Latin<TAB>Arabic`` file, sorted."""
    pairs = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) == 2 and cells[0] and cells[1]:
                pairs.add((cells[0], cells[1]))
    return sorted(pairs)


def fold_of(arabic: str, k: int = 5) -> int:
    """Deterministic fold of a word (all pairs of one Arabic word share a fold)."""
    import zlib
    return zlib.crc32(arabic.encode("utf-8")) % k


def training_data(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """``(arabic, labels)`` for every pair that aligns."""
    out = []
    for latin, arabic in pairs:
        labs = align(arabic, latin)
        if labs is not None:
            out.append((arabic, labs))
    return out
