"""The Arabic→Latin decision model: which Latin spelling each Arabic letter takes in context.

Every letter of a (canonical) Sorani word gets a *label*, the Latin string it becomes:
a consonant ``ک`` becomes ``k`` or ``ki`` (the unwritten short vowel, bizroke, after it), ``و``
becomes ``w``, ``u``, ``û`` (the first of ``وو``), ``""`` (the second of ``وو``), ``wi`` …, ``ی``
becomes ``y``, ``î`` …

Syllable structure decides most letters outright: the bizroke only breaks a cluster, so a
consonant takes it only before another consonant; ``و`` and ``ی`` before a vowel letter are the
consonants w and y; the ``و`` after an ``û`` is its silent second half, and ``û`` needs a next
``و``. The remaining letters (a consonant before a consonant, ``و``/``ی`` before a consonant or
at the end) are decided by an averaged perceptron over windows of letters and of letter classes
(vowel, و, ی, stop, fricative, liquid, nasal) up to three letters on each side. A decision depends
only on the two letters on each side and the classes of the third ones, so decisions are cached on
that key; time is linear in the word length. ``Model.transliterate`` decides many words at once
(the cold path of ``sorani.translit``), with the same outputs as ``Model.predict``.

``align`` turns a gold pair into labels; ``train`` learns the weights (``scripts/build_translit.py``
ships them as ``data/translit/model.tsv``; ``sorani evaluate --task translit`` retrains them on
folds to measure held-out accuracy).
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import add, itemgetter

from sorani._data import read_rows

PAD = 4  # letters of context on each side
LEFT, RIGHT = "<" * PAD, ">" * PAD

# Feature templates (a letters left of the letter, b - 1 right of it) over the coarse classes,
# the fine classes and the letters. The class templates' partial score is cached on the class
# window that fixes it (few distinct ones), the letter windows are looked up each time.
_CLS_T = [(a, b) for a in range(4) for b in range(1, 5) if a + b <= 6]
_SON_T = [(a, b) for a in range(4) for b in range(1, 5) if a + b <= 5]
_WORD_T = [(1, 2), (0, 2), (1, 1), (2, 1), (0, 3), (2, 2), (1, 3), (2, 3)]  # within 2 letters
N_TEMPLATES = len(_CLS_T) + len(_SON_T) + len(_WORD_T)
_N_CLS = len(_CLS_T)
_N_CLASS = len(_CLS_T) + len(_SON_T)
# the same templates as slices of the 7-letter window around the letter (index 3)
_CLS_S = [(3 - a, 3 + b) for a, b in _CLS_T]
_SON_S = [(3 - a, 3 + b) for a, b in _SON_T]
_WORD_S = [(3 - a, 3 + b) for a, b in _WORD_T]
_SEVEN = re.compile(".{7}", re.S).findall
_SLICES = [itemgetter(*[slice(a, b) for a, b in t]) for t in (_CLS_S, _SON_S, _WORD_S)]

# positions the model decides, on the coarse class string (C consonant, V vowel letter, W و,
# Y ی, Q ئ, > end): a consonant before a consonant, و or ی not before a vowel letter
_OPEN = re.compile(r"C(?=C)|[WY](?!V)")


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


def keys(s: str, c: str, f: str, k: int) -> list[str]:
    """Feature keys for the letter at ``s[k]``, one per template (``s`` the padded word, ``c``/``f``
    its coarse and fine class strings)."""
    out = [c[k - a:k + b] for a, b in _CLS_T]
    out += [f[k - a:k + b] for a, b in _SON_T]
    out += [s[k - a:k + b] for a, b in _WORD_T]
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
    """Label lists per letter (most frequent first) and weights per letter and template:
    ``weights[letter][template] = {key: {label: weight}}``. Decoding uses a compiled copy: per
    letter one dict per template, mapping a key to the weight margin of the second label (two
    labels) or to a tuple of weights aligned with the label list."""

    def __init__(self, labels: dict[str, list[str]],
                 weights: dict[str, list[dict[str, dict[str, float]]]],
                 fixed: dict[str, str] | None = None) -> None:
        self.labels = labels
        self.weights = weights
        # coarse classes of (previous, this, next, next but one) letter -> outcome when syllable
        # structure settles it: "+i"/"+" (bizroke or not after a consonant) or the label of و/ی
        self.fixed = fixed if fixed is not None else {}
        self.coarse, self.fine = class_maps()
        self.default = {k: v[0] for k, v in letter_table().items()}
        waw = labels.get("و", ["w"])
        self._waw_ok = [i for i, lab in enumerate(waw) if lab] or [0]
        self._waw_single = [i for i, lab in enumerate(waw) if lab and not lab.startswith("û")] or [0]
        self._waw_silent = waw.index("") if "" in waw else 0
        self._compiled: dict[str, list[dict[str, object]]] = {}
        self._parts: dict[str, tuple[list[dict[str, object]], ...]] = {}
        # open positions found on the letters themselves (words of known letters only)
        cls = {k: v[1] for k, v in letter_table().items()}
        cons = "".join(k for k, v in cls.items() if v not in "VWYQ")
        vowels = "".join(k for k, v in cls.items() if v == "V")
        glides = "".join(k for k, v in cls.items() if v in "WY")
        self._known = re.compile(f"[{''.join(cls)}]*").fullmatch
        # a consonant whose only label is its default letter needs no decision
        cons1 = "".join(k for k in cons if self.labels.get(k) and
                        self.labels[k] != [self.default[k]] and self.labels[k] != [""])
        opener = re.compile(f"[{cons1}](?=[{cons}])|[{glides}](?![{vowels}])")
        self._open = opener.finditer
        self._split_windows = re.compile(f"(?:{opener.pattern})(?<=(....))(?=(...))").split
        # the default letters as str.replace steps (the same as str.translate when no Latin
        # letter is an Arabic one)
        steps = list(self.default.items())
        self._default_steps = None if any(a in b for _, b in steps for a, _ in steps) else steps
        self._default_table = {ord(k): v for k, v in self.default.items()}
        self._fine_of = {k: v for k, v in cls.items()}
        self._fine_of.update({"<": "<", ">": ">"})
        # fine classes of a window of known letters and pads through its UTF-16 low bytes
        # (the letters are U+06xx with distinct low bytes, none equal to those of < and >)
        fb = bytearray(range(256))
        for k, v in self._fine_of.items():
            fb[ord(k) & 255] = ord(v)
        self._fine_bytes = bytes(fb)
        self._coarse_of_fine = {ord(x): "C" for x in "TSLN"}
        self._long_u = frozenset(lab for lab in waw if lab.startswith("û"))
        self._silent_label = waw[self._waw_silent]
        self._decided: dict[str, str] = {}
        self._decided7: dict[str, str] = {}
        self._groups: dict[str, object] = {}
        self.compile()

    def compile(self) -> None:
        comp: dict[str, list[dict[str, object]]] = {}
        for ch, tables in self.weights.items():
            labs = self.labels.get(ch, [])
            out: list[dict[str, object]] = []
            for table in tables:
                d: dict[str, object] = {}
                for key, ws in table.items():
                    vec = [ws.get(lab, 0.0) for lab in labs]
                    d[key] = vec[1] - vec[0] if len(labs) == 2 else tuple(vec)
                out.append(d)
            comp[ch] = out
        self._compiled = comp
        self._parts = {ch: (t[:_N_CLS], t[_N_CLS:_N_CLASS], t[_N_CLASS:]) for ch, t in comp.items()}
        self._decided = {}
        self._decided7 = {}
        self._groups = {}

    def allowed(self, ch: str, prev: str, nxt: str) -> list[int] | None:
        """Indices of the labels ``ch`` may take after label ``prev`` before letter ``nxt``
        (``None``: all of them)."""
        if ch != "و":
            return None
        if prev.startswith("û"):
            return [self._waw_silent]
        return self._waw_ok if nxt == "و" else self._waw_single

    def predict(self, word: str) -> list[str]:
        """One Latin label per letter of ``word`` (a canonical Sorani word).

        A word of known letters only (the common case) finds its open positions with one regex
        over the letters; each decision is looked up by its 7-letter window, which fixes it."""
        known = self._known(word) is not None
        out = list(map(self.default.get, word, word))
        n = len(word)
        s = LEFT + word + RIGHT
        silent = -1
        if known:
            positions = [m.start() for m in self._open(word)]
        else:  # other characters are kept: open positions on the coarse class string
            positions = [m.start() - 1 for m in
                         _OPEN.finditer(("<" + word + ">>").translate(self.coarse), 1, n + 2)]
        for i in positions:
            if i == silent:
                continue
            k = i + PAD
            out[i] = lab = self._window_label(s[k - 3:k + 4]) if known else self._decide(s[k - 3:k + 4])
            if lab in self._long_u and i + 1 < n:  # the next و is the silent half of û
                silent = i + 1
                out[silent] = self._silent_label
        return out

    def transliterate(self, words: Iterable[str]) -> list[str]:
        """``"".join(self.predict(w))`` for each word, batched: the words of known letters are
        joined into one padded string, the open positions decided in one ``re.sub`` pass and
        every other letter mapped by ``str.translate``.

        >>> from sorani.translit import _model
        >>> _model().transliterate(["کردن", "کوردستان", ""])
        ['kirdin', 'kurdistan', '']
        """
        words = list(words)
        known = self._known
        batch = [w for w in words if known(w) is not None]
        res: dict[str, str] = {}
        if batch:
            sep = RIGHT[:3] + LEFT[:3]
            big = LEFT[:3] + sep.join(batch) + RIGHT[:3]
            # the text between open positions, and around each the 3 letters before and the
            # letter, the 3 letters after
            cut = self._split_windows(big)
            segs = cut[0::3]
            w7s = list(map(add, cut[1::3], cut[2::3]))
            labs = list(map(self._decided7.get, w7s))
            if None in labs:
                self._decide_windows({w7 for w7, lab in zip(w7s, labs) if lab is None})
                labs = list(map(self._decided7.__getitem__, w7s))
            for lab in self._long_u:  # the next letter of an û (a و) is its silent half
                if lab in labs:
                    self._silence(labs, segs, lab)
            parts = [""] * (2 * len(labs) + 1)
            parts[0::2] = segs
            parts[1::2] = labs
            done = "".join(parts)
            if self._default_steps is None:
                done = done.translate(self._default_table)
            else:
                for a, b in self._default_steps:
                    if a in done:
                        done = done.replace(a, b)
            res = dict(zip(batch, done[3:-3].split(sep)))
        return [res[w] if w in res else "".join(self.predict(w)) for w in words]

    def _silence(self, labs: list[str], segs: list[str], long_u: str) -> None:
        """Give the letter after each ``long_u`` label the silent label: the next open position
        when adjacent (``segs`` between them empty), else the first letter of the text between."""
        silenced = set()
        j = labs.index(long_u)
        while True:
            if j not in silenced:
                nxt = segs[j + 1]
                if not nxt:
                    if j + 1 < len(labs):
                        labs[j + 1] = self._silent_label
                        silenced.add(j + 1)
                elif nxt[0] != ">":
                    segs[j + 1] = self._silent_label + nxt[1:]
            try:
                j = labs.index(long_u, j + 1)
            except ValueError:
                return

    def _decide_windows(self, w7s: set[str]) -> None:
        """``_window_label`` of many windows of known letters into the window cache, their
        classes computed on one joined string."""
        uniq = list(w7s)
        fine = "".join(uniq).encode("utf-16-le")[::2].translate(self._fine_bytes).decode("ascii")
        fws = _SEVEN(fine)
        cws = _SEVEN(fine.translate(self._coarse_of_fine))
        decided, decide = self._decided, self._decide
        if len(decided) > 500_000:
            decided.clear()
        if len(self._decided7) > 500_000:
            self._decided7.clear()
        out = []
        for w7, fw, cw in zip(uniq, fws, cws):
            win = w7[1:6] + fw[0] + fw[6]
            lab = decided.get(win)
            if lab is None:
                decided[win] = lab = decide(w7, fw, cw)
            out.append(lab)
        self._decided7.update(zip(uniq, out))

    def _window_label(self, w7: str) -> str:
        """The label of the middle letter of ``w7`` (known letters and pads), cached on the
        window, then on the two letters each side and the third ones' fine classes."""
        lab = self._decided7.get(w7)
        if lab is None:
            fine = self._fine_of
            win = w7[1:6] + fine[w7[0]] + fine[w7[6]]
            lab = self._decided.get(win)
            if lab is None:
                fw = w7.encode("utf-16-le")[::2].translate(self._fine_bytes).decode("ascii")
                lab = self._decide(w7, fw, fw.translate(self._coarse_of_fine))
                if len(self._decided) > 500_000:
                    self._decided.clear()
                self._decided[win] = lab
            if len(self._decided7) > 500_000:
                self._decided7.clear()
            self._decided7[w7] = lab
        return lab

    def _decide(self, w7: str, fw: str | None = None, cw: str | None = None) -> str:
        """The label of the middle letter of the 7-letter window ``w7`` (an open position, not
        the silent half of an û) from syllable structure or the perceptron; ``fw``/``cw`` the
        window's fine and coarse classes when already known."""
        ch = w7[3]
        default = self.default.get(ch, ch)
        labs = self.labels.get(ch)
        if not labs:
            return default
        allowed = None
        if ch == "و":
            allowed = self._waw_ok if w7[4] == "و" else self._waw_single
            if len(allowed) == 1:
                return labs[allowed[0]]
        if len(labs) == 1:
            return labs[0] or default
        if cw is None:
            cw = w7.translate(self.coarse)
        fx = self.fixed.get(cw[2:6])
        if fx is not None:
            return default + fx[1:] if fx[:1] == "+" else fx
        v = self._score(ch, labs, w7, cw, fw if fw is not None else w7.translate(self.fine))
        if len(labs) == 2:
            return labs[1] if v > 0 else labs[0]  # type: ignore[operator]
        best = -1
        for j in (allowed if allowed is not None else range(len(labs))):
            if best < 0 or v[j] > v[best]:  # type: ignore[index]
                best = j
        return labs[best]

    def _score(self, ch: str, labs: list[str], s: str, c: str, f: str) -> object:
        """Margin of the second label (two labels) or the score tuple, for the letter in the
        middle of the 7-letter window ``s`` (``c``/``f`` its coarse and fine classes). The
        partial scores of the coarse-class, fine-class and letter templates are cached on the
        window fixing each."""
        parts = self._parts.get(ch)
        n = len(labs)
        if parts is None:
            return 0.0 if n == 2 else (0.0,) * n
        groups = self._groups
        k0, k1, k2 = ch + c, ch + "|" + f, s[1:6]
        g0 = groups.get(k0)
        if g0 is None:
            g0 = self._group(k0, parts, 0, c, n)
        g1 = groups.get(k1)
        if g1 is None:
            g1 = self._group(k1, parts, 1, f, n)
        g2 = groups.get(k2)
        if g2 is None:
            g2 = self._group(k2, parts, 2, s, n)
        if n == 2:
            return g0 + g1 + g2  # type: ignore[operator]
        return tuple(map(sum, zip(g0, g1, g2)))  # type: ignore[call-overload]

    def _group(self, key: str, parts: tuple[list[dict[str, object]], ...], g: int, window: str,
               n: int) -> object:
        """The partial score of template group ``g`` over ``window``, cached on ``key``."""
        vals = filter(None, map(dict.get, parts[g], _SLICES[g](window)))
        if n == 2:
            v: object = sum(vals)  # type: ignore[arg-type]
        else:
            v = tuple(map(sum, zip(*vals))) or (0.0,) * n  # type: ignore[arg-type]
        if len(self._groups) > 300_000:
            self._groups.clear()
        self._groups[key] = v
        return v

    def to_rows(self) -> list[str]:
        """The model as TSV lines: ``@letter<TAB>labels...``, then
        ``letter|template|key<TAB>label=weight ...``."""
        lines = [f"@{ch}\t" + "\t".join(labs) for ch, labs in sorted(self.labels.items())]
        lines += [f"!{ctx}\t{out}" for ctx, out in sorted(self.fixed.items())]
        for ch in sorted(self.weights):
            for i, table in enumerate(self.weights[ch]):
                for key in sorted(table):
                    cells = [f"{lab}={w:.3f}" for lab, w in sorted(table[key].items())]
                    lines.append(f"{ch}|{i}|{key}\t" + "\t".join(cells))
        return lines

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> Model:
        labels: dict[str, list[str]] = {}
        weights: dict[str, list[dict[str, dict[str, float]]]] = {}
        fixed: dict[str, str] = {}
        for row in rows:
            if row[0].startswith("@"):
                labels[row[0][1:]] = list(row[1:])
                continue
            if row[0].startswith("!"):
                fixed[row[0][1:]] = row[1] if len(row) > 1 else ""
                continue
            ch, i, key = row[0].split("|", 2)
            d = {}
            for cell in row[1:]:
                lab, _, w = cell.rpartition("=")
                d[lab] = float(w)
            tables = weights.setdefault(ch, [{} for _ in range(N_TEMPLATES)])
            tables[int(i)][key] = d
        return cls(labels, weights, fixed)


def train(data: Iterable[tuple[str, list[str]]], epochs: int = 6, seed: int = 0,
          prune: float = 0.05, fixed_min: int = 30, fixed_share: float = 0.995) -> Model:
    """Averaged perceptron over ``(arabic word, labels)`` pairs, on the positions syllable
    structure leaves open; deterministic for a given seed. Each position's features are computed
    once and kept as integer ids."""
    data = list(data)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for word, labs in data:
        for ch, lab in zip(word, labs):
            counts[ch][lab] += 1
    labels = {ch: sorted(d, key=lambda lab: (-d[lab], lab)) for ch, d in counts.items()}
    model = Model(labels, {})
    coarse, fine = model.coarse, model.fine
    # class contexts whose outcome is (nearly) always the same: decided without the perceptron
    outcomes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for word, gold in data:
        c0 = ("<" + word + ">>").translate(coarse)
        for m in _OPEN.finditer(c0, 1, len(word) + 2):
            i = m.start() - 1
            if word[i] == "و" and i and gold[i - 1].startswith("û"):
                continue
            g = gold[i]
            outcomes[c0[i:i + 4]][g if c0[i + 1] in "WY" else ("+i" if g.endswith("i") else "+")] += 1
    for ctx, d in outcomes.items():
        total = sum(d.values())
        top = max(d, key=lambda o: (d[o], o))
        if total >= fixed_min and d[top] >= fixed_share * total:
            model.fixed[ctx] = top
    ids: dict[tuple[str, int, str], int] = {}
    items: list[tuple[tuple[int, ...], list[str], str]] = []  # (feature ids, label set, gold)
    for word, gold in data:
        s = LEFT + word + RIGHT
        c, f = s.translate(coarse), s.translate(fine)
        c0 = ("<" + word + ">>").translate(coarse)
        for m in _OPEN.finditer(c0, 1, len(word) + 2):
            i = m.start() - 1
            ch, g = word[i], gold[i]
            labs = labels[ch]
            allowed = model.allowed(ch, gold[i - 1] if i else "", word[i + 1:i + 2])
            if (allowed is None or len(allowed) > 1) and c0[i:i + 4] in model.fixed:
                continue
            if allowed is not None:
                labs = [labs[j] for j in allowed]
            if len(labs) > 1 and g in labs:
                ks = keys(s, c, f, i + PAD)
                items.append((tuple(ids.setdefault((ch, t, x), len(ids)) for t, x in enumerate(ks)),
                              labs, g))
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
    weights: dict[str, list[dict[str, dict[str, float]]]] = {}
    for (ch, t, key), x in ids.items():
        avg = {lab: round(v - u[x][lab] / max(step, 1), 3) for lab, v in w[x].items()}
        avg = {lab: v for lab, v in avg.items() if abs(v) >= prune}
        if avg:
            weights.setdefault(ch, [{} for _ in range(N_TEMPLATES)])[t][key] = avg
    model.weights = weights
    model.compile()
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
