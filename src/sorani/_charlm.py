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
MEMO_SIZE = 200_000  # log probabilities of (history, letter) remembered by CharLM._logp


class CharLM:
    """Interpolated absolute-discounting character n-gram model."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}  # history + letter -> count
        self.context: dict[str, int] = {}
        self.followers: dict[str, int] = {}
        self.order = 1
        with gzip.open(data_path("repair/charlm.tsv.gz"), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                h, ch, c = line.rstrip("\n").split("\t")
                n = int(c)
                self.counts[h + ch] = n
                self.context[h] = self.context.get(h, 0) + n
                self.followers[h] = self.followers.get(h, 0) + 1
        self.order = 1 + max(map(len, self.context), default=0)
        # context -> (1 / count, weight of the lower order), for prob()
        self._ctx = {h: (1.0 / ct, DISCOUNT * self.followers[h] / ct) for h, ct in self.context.items()}
        self._memo: dict[str, float] = {}

    def prob(self, history: str, ch: str) -> float:
        """P(ch | the last order-1 letters of history)."""
        n = self.order - 1
        return self._p(history[max(0, len(history) - n):] + ch if n else ch)

    def _p(self, key: str) -> float:
        """P(key[-1] | key[:-1]) (key: a history of order-1 letters at most and a letter): the
        history suffixes interpolated, shortest first."""
        p = 1.0 / ALPHABET
        counts, ctx = self.counts, self._ctx
        m = len(key) - 1
        for j in range(m, -1, -1):
            info = ctx.get(key[j:m])
            if info is None:
                break
            c = counts.get(key[j:], 0)
            p = (c - DISCOUNT) * info[0] + info[1] * p if c > DISCOUNT else info[1] * p
        return p

    def logprob(self, word: str) -> float:
        """Natural log of P(word), the word end included."""
        return sum(self.terms(word))

    def _logp(self, key: str) -> float:
        """Natural log of ``_p(key)``, remembered (``MEMO_SIZE`` at most)."""
        v = self._memo.get(key)
        if v is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            v = self._memo[key] = math.log(self._p(key))
        return v

    def terms(self, word: str) -> tuple[float, ...]:
        """Natural log of P(letter | history) at every letter of ``word`` and its end (in this
        order they sum to ``logprob(word)``)."""
        n = self.order - 1
        s = "^" * n + word + "$"
        return tuple(self._logp(s[k:k + n + 1]) for k in range(len(s) - n))

    def gain(self, word: str, terms: tuple[float, ...], i: int, a: int, new: str) -> float:
        """``logprob`` of ``word`` with ``word[i:i + a]`` replaced by ``new`` minus ``logprob(word)``
        (``terms``: ``self.terms(word)``), computed over the letters whose history changes only."""
        n = self.order - 1
        v = word[:i] + new + word[i + a:]
        s = "^" * n + v + "$"
        end = min(i + len(new) + n, len(v) + 1)
        total = 0.0
        for k in range(i, end):
            total += self._logp(s[k:k + n + 1])
        for k in range(i, min(i + a + n, len(terms))):
            total -= terms[k]
        return total


@cache
def char_lm() -> CharLM:
    """The bundled model, loaded once."""
    return CharLM()


@lru_cache(maxsize=200_000)
def spelling_logprob(word: str) -> float:
    """Natural log of the probability of ``word`` as a spelling (letters and length)."""
    return char_lm().logprob(word[:60])
