"""Character n-gram model of Sorani word spellings (``data/repair/charlm.tsv.gz``, built by
``scripts/build_charlm.py``): how standard a spelling looks, for words the word model hardly knows.

>>> from sorani._charlm import spelling_logprob
>>> spelling_logprob("ڕەحم") > spelling_logprob("ڕحم")
True
"""
from __future__ import annotations

import gzip
import math
from functools import cache, lru_cache

from sorani._data import data_path

DISCOUNT = 0.75
ALPHABET = 60  # letters the uniform base distribution spreads over


class CharLM:
    """Interpolated absolute-discounting character n-gram model."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}
        self.context: dict[str, int] = {}
        self.followers: dict[str, int] = {}
        self.order = 1
        with gzip.open(data_path("repair/charlm.tsv.gz"), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                h, ch, c = line.rstrip("\n").split("\t")
                n = int(c)
                self.counts[(h, ch)] = n
                self.context[h] = self.context.get(h, 0) + n
                self.followers[h] = self.followers.get(h, 0) + 1
        self.order = 1 + max(map(len, self.context), default=0)
        # context -> (1 / count, weight of the lower order), for prob()
        self._ctx = {h: (1.0 / ct, DISCOUNT * self.followers[h] / ct) for h, ct in self.context.items()}
        self._terms: dict[str, float] = {}  # order letters -> log prob of the last given the others (bounded)

    def prob(self, history: str, ch: str) -> float:
        """P(ch | the last order-1 letters of history)."""
        p = 1.0 / ALPHABET
        counts, ctx = self.counts, self._ctx
        n = len(history)
        for k in range(n + 1):
            h = history[n - k:]
            info = ctx.get(h)
            if info is None:
                break
            c = counts.get((h, ch), 0)
            p = (c - DISCOUNT) * info[0] + info[1] * p if c > DISCOUNT else info[1] * p
        return p

    def logprob(self, word: str) -> float:
        """Natural log of P(word), the word end included: the sum of log ``prob`` of each
        letter given the letters before it, each term computed once per distinct window of
        ``order`` letters (the same arithmetic in the same order)."""
        compiled = _compiled_logprob()
        if compiled is not None:  # the same in C (sorani._repair_c.char_logprob)
            return compiled(word, self.order, ALPHABET, DISCOUNT, self._ctx, self.counts, self._terms)
        return self._logprob_py(word)

    def _logprob_py(self, word: str) -> float:
        """``logprob`` in pure Python."""
        n = self.order - 1
        s = "^" * n + word + "$"
        terms = self._terms
        total = 0
        for i in range(n, len(s)):
            t = terms.get(s[i - n:i + 1])
            if t is None:
                if len(terms) > 200_000:
                    terms.clear()
                t = terms[s[i - n:i + 1]] = math.log(self.prob(s[i - n:i], s[i]))
            total += t
        return total


@cache
def _compiled_logprob():  # type: ignore[no-untyped-def]
    """``char_logprob`` of the optional compiled module ``sorani._repair_c`` (None: pure Python)."""
    from sorani._compiled import REPAIR_VERSION, load

    mod = load("_repair_c", REPAIR_VERSION)
    return None if mod is None else mod.char_logprob


@cache
def char_lm() -> CharLM:
    """The bundled model, loaded once."""
    return CharLM()


@lru_cache(maxsize=200_000)
def spelling_logprob(word: str) -> float:
    """Natural log of the probability of ``word`` as a spelling (letters and length)."""
    return char_lm().logprob(word[:60])
