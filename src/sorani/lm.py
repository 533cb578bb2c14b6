"""The word list and word bigram language model behind ``sorani.repair`` and ``sorani.spell``.

The model is ``data/repair/lm.tsv.gz``, built by ``scripts/build_lm.py`` from Apache-2.0 sources
(TED transcripts and two word lists, normalized). Probabilities are interpolated absolute
discounting (a Kneser-Ney-like backoff to the unigram), in natural-log units.

>>> from sorani.lm import word_lm
>>> lm = word_lm()
>>> lm.logprob("لەگەڵ", "لە") > lm.logprob("لەگەل", "لە")
True
"""
from __future__ import annotations

import gzip
import math
from collections.abc import Iterator
from functools import cache
from itertools import product

from sorani._data import data_path, read_rows

DISCOUNT = 0.75
# pseudo-counts for words known only from the word lists (s = SoraniKurdish headword, p = Pewan)
# t = a spelling of the transcripts that build_lm.py counted under its standard spelling
LEXICON_PSEUDO = {"": 0.0, "s": 0.4, "p": 0.3, "w": 0.3, "sp": 0.8, "sw": 0.6, "pw": 0.5, "spw": 0.9,
                  "t": 0.1}
OOV_LOGPROB = -16.0


class WordLM:
    """Unigram and bigram counts with interpolated absolute-discounting probabilities."""

    def __init__(self) -> None:
        self.counts: dict[str, float] = {}
        self.flags: dict[str, str] = {}
        self.bigrams: dict[tuple[str, str], int] = {}
        self.followers: dict[str, int] = {}
        self.total = 1.0
        with gzip.open(data_path("repair/lm.tsv.gz"), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "U":
                    word, count, flag = parts[1], int(parts[2]), parts[3]
                    self.counts[word] = count + LEXICON_PSEUDO.get(flag, 0.5)
                    if flag:
                        self.flags[word] = flag
                elif parts[0] == "B":
                    self.bigrams[(parts[1], parts[2])] = int(parts[3])
                    self.followers[parts[1]] = self.followers.get(parts[1], 0) + 1
        self.total = sum(self.counts.values())
        self._log_total = math.log(self.total)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def count(self, word: str) -> float:
        """Smoothed count of ``word`` (0 when unknown)."""
        return self.counts.get(word, 0.0)

    def unigram_logprob(self, word: str) -> float:
        """Natural log of the unigram probability (``OOV_LOGPROB`` for unknown words)."""
        c = self.counts.get(word)
        if not c:
            return OOV_LOGPROB
        return math.log(c) - self._log_total

    def logprob(self, word: str, prev: str = "<s>", uni: float | None = None) -> float:
        """Natural log of P(word | prev), interpolated with the unigram (``uni``: the unigram
        log-probability to use for a word the model does not know)."""
        c_prev = self.counts.get(prev, 0.0)
        if uni is None:
            uni = self.unigram_logprob(word)
        if c_prev < 1 or prev not in self.followers:
            return uni
        big = self.bigrams.get((prev, word), 0)
        lam = DISCOUNT * self.followers[prev] / c_prev
        p = max(big - DISCOUNT, 0.0) / c_prev + lam * math.exp(uni)
        return math.log(p) if p > 0 else uni


@cache
def word_lm() -> WordLM:
    """The bundled model, loaded once."""
    return WordLM()


class KeyScheme:
    """Skeleton keys in which keyboard-confusable spellings of a word coincide (from
    ``data/repair/ambiguity.tsv``)."""

    def __init__(self) -> None:
        table: dict[int, str | None] = {}
        self.collapse: list[tuple[str, str]] = []
        self.optional: set[str] = set()
        self.initial_optional: set[str] = set()
        self.alternative: dict[str, str] = {}
        self._typed: dict[str, tuple[str, ...]] = {}  # word -> _typed_keys(word)
        for row in read_rows("repair/ambiguity.tsv"):
            kind, letters = row[0], row[1]
            target = row[2] if len(row) > 2 else ""
            if kind == "class":
                for ch in letters:
                    table[ord(ch)] = target
            elif kind == "drop":
                for ch in letters:
                    table[ord(ch)] = None
            elif kind == "collapse":
                self.collapse.append((letters, target))
            elif kind == "optional":
                self.optional.update(letters)
            elif kind == "initial-optional":
                self.initial_optional.update(letters)
            elif kind == "alternative":
                for ch in letters:
                    self.alternative[ch] = target
        self.table = table
        self.class_table = {k: v for k, v in table.items() if v}

    def classes(self, word: str) -> str:
        """``word`` with every letter replaced by its class letter (nothing dropped)."""
        return word.translate(self.class_table)

    def cheap_indel(self, a: str) -> bool:
        """Is letter ``a`` often left out in typing (ە, ئ) or typed in excess (final ه)?"""
        return self.table.get(ord(a), a) is None or a in self.optional

    def key(self, word: str) -> str:
        """The skeleton key of a (standard) word."""
        k = word.translate(self.table)
        for a, b in self.collapse:
            while a in k:
                k = k.replace(a, b)
        return k

    def typed_keys(self, word: str) -> list[str]:
        """Keys of the words a typed ``word`` may stand for: a final optional letter (ه typed
        for ە) and an initial one (ا for ئە) tried kept and left out, alternatives tried (at
        most 16 variants: the first four letters with a choice). Kept a word.

        >>> ks = key_scheme()
        >>> ks.key("دەستان") in ks.typed_keys("دستان")
        True
        """
        got = self._typed.get(word)
        if got is None:
            if len(self._typed) > 200_000:
                self._typed.clear()
            got = self._typed[word] = self._typed_keys(word)
        return list(got)

    def _typed_keys(self, word: str) -> tuple[str, ...]:
        last = len(word) - 1
        optional, initial, alternative = self.optional, self.initial_optional, self.alternative
        parts: list[tuple[str, ...]] = []  # literal runs and the (typed, other) letters between
        start = choices = 0
        for i, ch in enumerate(word):
            if ch in optional and i == last and i > 0:
                other = ""
            elif i == 0 and ch in initial:
                other = ""
            elif i > 0 and ch in alternative:
                other = alternative[ch]
            else:
                continue
            parts += ((word[start:i],), (ch, other))
            start = i + 1
            choices += 1
            if choices == 4:  # (16 variants: the letters after are kept as typed)
                break
        parts.append((word[start:],))
        keys = map(self.key, map("".join, product(*parts))) if choices else (self.key(word),)
        return tuple(dict.fromkeys(k for k in keys if k))


@cache
def key_scheme() -> KeyScheme:
    """The keyboard key scheme, loaded once."""
    return KeyScheme()


@cache
def key_index() -> dict[str, tuple[str, ...]]:
    """Skeleton key -> known words with that key, most frequent first (at most 12)."""
    lm, ks = word_lm(), key_scheme()
    buckets: dict[str, list[str]] = {}
    for w in lm.counts:
        if w in ("<s>", "</s>") or len(w) > 40:
            continue
        buckets.setdefault(ks.key(w), []).append(w)
    return {k: tuple(sorted(v, key=lambda w: -lm.counts[w])[:12]) for k, v in buckets.items()}


@cache
def affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(prefixes, suffixes) of ``data/repair/affixes.tsv``, longest first."""
    pre: list[str] = []
    suf: list[str] = []
    for row in read_rows("repair/affixes.tsv"):
        if row[0] in ("prefix", "suffix"):
            (pre if row[0] == "prefix" else suf).append(row[1])
    key = lambda a: -len(a)  # noqa: E731
    return tuple(sorted(dict.fromkeys(pre), key=key)), tuple(sorted(dict.fromkeys(suf), key=key))


@cache
def clitics() -> tuple[str, ...]:
    """Pronoun clitics written between a prefix and the verb stem (``ڕا-ی-گەیاند``)."""
    return tuple(sorted((r[1] for r in read_rows("repair/affixes.tsv") if r[0] == "clitic"),
                        key=lambda a: -len(a)))


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix of ``a`` and ``b`` (not
    overlapping): an edit-distance table need only run on what lies between.

    >>> common_ends("کوردستان", "کوردسان")
    (5, 2)
    """
    p = 0
    m = min(len(a), len(b))
    while p < m and a[p] == b[p]:
        p += 1
    q = 0
    while q < m - p and a[-1 - q] == b[-1 - q]:
        q += 1
    return p, q


def attach(left: str, right: str) -> str:
    """Join a stem and an affix the way Sorani writes them (ە + ە… written once).

    >>> attach("ماوە", "ەکە")
    'ماوەکە'
    """
    if left.endswith("\u06d5") and right.startswith("\u06d5"):
        return left + right[1:]
    return left + right


def stems(word: str, max_prefixes: int = 2, max_suffixes: int = 3) -> set[str]:
    """Every string left when up to ``max_prefixes`` prefixes and ``max_suffixes`` suffixes are
    stripped from ``word`` (stems of at least two letters; ``word`` itself included).

    >>> "کتێب" in stems("کتێبەکانم")
    True
    """
    pre, suf = affixes()
    out = {word}
    frontier = {word}
    for _ in range(max_suffixes):
        nxt = set()
        for w in frontier:
            for s in suf:
                if w.endswith(s) and len(w) - len(s) >= 2:
                    rest = w[: -len(s)]
                    nxt.add(rest)
                    if s[0] != "\u06d5" and not rest.endswith("\u06d5"):
                        nxt.add(rest + "\u06d5")  # ماوە + کە, stem-final ە kept in the stem
        out |= nxt
        frontier = nxt
    frontier = set(out)
    for _ in range(max_prefixes):
        nxt = set()
        for w in frontier:
            for p in pre:
                if w.startswith(p) and len(w) - len(p) >= 2:
                    rest = w[len(p):]
                    nxt.add(rest)
                    for c in clitics():
                        if rest.startswith(c) and len(rest) - len(c) >= 2:
                            nxt.add(p + rest[len(c):])
                            nxt.add(rest[len(c):])
        out |= nxt
        frontier = nxt
    return out


@cache
def _suffix_chains() -> frozenset[str]:
    """The empty string, every suffix and every pair of suffixes (written together)."""
    _, suf = affixes()
    out = {""} | set(suf)
    for a in suf:
        for b in suf:
            out.add(attach(a, b))
    return frozenset(out)


@cache
def _prefix_chains() -> dict[str, tuple[str, ...]]:
    """Prefix strings (up to two prefixes, optionally followed by a pronoun clitic) -> what to
    put back before the stem (a preverb stays with its verb: ڕا-ی-گەیاند → ڕاگەیاند)."""
    pre, _ = affixes()
    out: dict[str, set[str]] = {"": {""}}
    singles = list(pre)
    for a in singles:
        out.setdefault(a, set()).update({"", a})
        for b in singles:
            out.setdefault(a + b, set()).update({"", b, a + b})
    for p, keep in list(out.items()):
        if not p:
            continue
        for c in clitics():
            out.setdefault(p + c, set()).update(keep)
    return {k: tuple(sorted(v, key=len)) for k, v in out.items()}


def affix_stems(word: str) -> list[str]:
    """Candidate stems of ``word`` (prefixes, clitics and up to two suffixes stripped), fast:
    a pass over the possible prefix and suffix boundaries with set look-ups.

    >>> "کتێب" in affix_stems("کتێبەکانم")
    True
    >>> "ڕاگەیاند" in affix_stems("ڕایگەیاند")
    True
    """
    return list(iter_affix_stems(word))


def iter_affix_stems(word: str) -> Iterator[str]:
    """``affix_stems`` one at a time, so a caller can stop at the first one it wants."""
    n = len(word)
    if n > 40:
        return
    sufs, pres = _suffix_chains(), _prefix_chains()
    ends = [i for i in range(2, n + 1) if word[i:] in sufs]
    for j in range(0, min(n - 1, 10)):
        keep = pres.get(word[:j])
        if keep is None:
            continue
        for i in ends:
            if i - j < 2 or (j == 0 and i == n):
                continue
            core = word[j:i]
            for k in keep:
                stem = k + core
                yield stem
                if not stem.endswith("\u06d5") and word[i:i + 1] != "\u06d5" and i < n:
                    yield stem + "\u06d5"
