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
        self.context: dict[str, int] = {}
        self.followers: dict[str, int] = {}
        after: dict[str, dict[str, int]] = {}  # history -> letter -> count
        self.order = 1
        with gzip.open(data_path("repair/charlm.tsv.gz"), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                h, ch, c = line.rstrip("\n").split("\t")
                n = int(c)
                after.setdefault(h, {})[ch] = n
                self.context[h] = self.context.get(h, 0) + n
                self.followers[h] = self.followers.get(h, 0) + 1
        self.order = 1 + max(map(len, self.context), default=0)
        # context -> (1 / count, weight of the lower order, letter -> count), for prob()
        self._ctx = {h: (1.0 / ct, DISCOUNT * self.followers[h] / ct, after[h])
                     for h, ct in self.context.items()}
        self._memo: dict[str, float] = {}

    def prob(self, history: str, ch: str) -> float:
        """P(ch | the last order-1 letters of history)."""
        n = self.order - 1
        return self._p(history[max(0, len(history) - n):] + ch if n else ch)

    def _p(self, key: str) -> float:
        """P(key[-1] | key[:-1]) (key: a history of order-1 letters at most and a letter): the
        history suffixes interpolated, shortest first."""
        p = 1.0 / ALPHABET
        ctx = self._ctx
        m = len(key) - 1
        ch = key[m]
        for j in range(m, -1, -1):
            info = ctx.get(key[j:m])
            if info is None:
                break
            c = info[2].get(ch, 0)
            p = (c - DISCOUNT) * info[0] + info[1] * p if c > DISCOUNT else info[1] * p
        return p

    def logprob(self, word: str) -> float:
        """Natural log of P(word), the word end included: the sum of ``terms``."""
        return sum(self.terms(word))

    def _logp(self, key: str) -> float:
        """Natural log of ``_p(key)``, remembered (``MEMO_SIZE`` at most)."""
        v = self._memo.get(key)
        if v is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            v = self._memo[key] = math.log(self._p(key))
        return v

    def logps(self, s: str, start: int, end: int) -> tuple[float, ...]:
        """Natural log of P(s[k + order - 1] | the order - 1 letters before it) for every k in
        [start, end) (``s``: a padded word, as ``terms`` writes it); in C where ``sorani._spell_c``
        is built (``char_logps``: the same doubles, sharing the memo of ``_logp``)."""
        compiled = _compiled_logps()
        if compiled is not None:
            return compiled(s, start, end)
        return self._logps_py(s, start, end)

    def _logps_py(self, s: str, start: int, end: int) -> tuple[float, ...]:
        """``logps`` in pure Python."""
        n = self.order - 1
        return tuple(self._logp(s[k:k + n + 1]) for k in range(start, end))

    def terms(self, word: str) -> tuple[float, ...]:
        """Natural log of P(letter | history) at every letter of ``word`` and its end (in this
        order they sum to ``logprob(word)``)."""
        n = self.order - 1
        s = "^" * n + word + "$"
        return self.logps(s, 0, len(s) - n)

    def gain(self, word: str, terms: tuple[float, ...], i: int, a: int, new: str) -> float:
        """``logprob`` of ``word`` with ``word[i:i + a]`` replaced by ``new`` minus ``logprob(word)``
        (``terms``: ``self.terms(word)``), computed over the letters whose history changes only."""
        n = self.order - 1
        v = word[:i] + new + word[i + a:]
        total = 0.0
        for x in self.logps("^" * n + v + "$", i, min(i + len(new) + n, len(v) + 1)):
            total += x
        for k in range(i, min(i + a + n, len(terms))):
            total -= terms[k]
        return total


@cache
def _compiled_logps():  # type: ignore[no-untyped-def]
    """``char_logps`` of the optional compiled module ``sorani._spell_c`` bound to the bundled
    model's tables and memo: what ``CharLM.logps`` computes (None: pure Python)."""
    from sorani._compiled import SPELL_VERSION, load

    mod = load("_spell_c", SPELL_VERSION)
    if mod is None:
        return None
    f, lm = mod.char_logps, char_lm()
    args = (lm._ctx, 1.0 / ALPHABET, DISCOUNT, lm._memo, MEMO_SIZE)
    n = lm.order - 1
    return lambda s, start, end: f(s, n, start, end, *args)


@cache
def char_lm() -> CharLM:
    """The bundled model, loaded once."""
    return CharLM()


@lru_cache(maxsize=200_000)
def spelling_logprob(word: str) -> float:
    """Natural log of the probability of ``word`` as a spelling (letters and length)."""
    return char_lm().logprob(word[:60])
