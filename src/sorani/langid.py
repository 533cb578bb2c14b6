"""Language and dialect identification for Kurdish and its neighbours.

A multinomial naive Bayes model over character 1–5-grams of each word (with word boundaries),
each word's score divided by the square root of its number of n-grams, plus a prior per label
fitted on held-out text (it weighs most on short text), trained by ``scripts/train_langid.py`` from the KurdishLID development sentences (MIT) and TED
English (Apache-2.0), shipped in ``sorani/data/langid/`` and loaded lazily on first use. Pure
Python, no download. Arabic-script text is folded first (Arabic ``ك ي ى ة ؤ`` to Kurdish letters,
old ``ه`` + ZWNJ and word-final ``ه`` to ``ە``, no harakat or tatweel) so that Sorani typed on
Arabic or Persian keyboards or in the old spelling is still Sorani. Sorani typed without the
Kurdish letters (``ل ر ي و`` for ``ڵ ڕ ێ ۆ``, ``ه`` or nothing for ``ە``) has a column of its own
in the model (``ckb-Arab/keyboard``, trained on keyboard-typed copies of the Sorani sentences),
whose probability counts for ``ckb-Arab``: it does not blur the clean Sorani column, which keeps
Sorani apart from its neighbours.

Labels are BCP-47 tags: ``ckb-Arab`` ``ckb-Latn`` ``kmr-Arab`` ``kmr-Latn`` ``sdh-Arab``
``hac-Arab`` ``zza-Latn`` ``fa`` ``ar`` ``tr`` ``en``, and ``und`` for text that is too short or
not language (digits, emoji, symbols, other scripts).

>>> identify("ئەمڕۆ کەشوهەوا لە هەولێر زۆر گەرمە").label
'ckb-Arab'
>>> identify("Ez ê sibê biçim bajêr.").label
'kmr-Latn'
>>> identify("12 345 🙂").label
'und'
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from zlib import crc32
from collections import Counter
from operator import add
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sorani._data import data_path

LABELS: tuple[str, ...] = ("ckb-Arab", "ckb-Latn", "kmr-Arab", "kmr-Latn", "sdh-Arab", "hac-Arab",
                           "zza-Latn", "fa", "ar", "tr", "en")
UND = "und"
MODEL_FILE = "langid/model.bin"
MIN_LETTERS = 3  # fewer letters than this: und
MAGIC = b"SORANI-LANGID 2\n"

# --- text folding and features ------------------------------------------------------------------

_FOLD = str.maketrans({
    "\u0643": "\u06a9",  # ك -> ک
    "\u064a": "\u06cc",  # ي -> ی
    "\u0649": "\u06cc",  # ى -> ی
    "\u0629": "\u06d5",  # ة -> ە (Arabic keyboards type Sorani e as ta marbuta)
    "\u0624": "\u06c6",  # ؤ -> ۆ
    "\u06be": "\u0647",  # ھ -> ه
    "\u06c0": "\u06d5",  # ۀ -> ە
    "\u0640": None,      # tatweel
    **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat
    "\u0670": None,      # superscript alef
    "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None,
    "\u0130": "i",       # İ (str.lower would give i + combining dot)
})
# a raw word: letters, with combining marks (harakat, Gorani ٛ ٙ, Latin accents), tatweel and
# ZWNJ inside; each distinct raw word is folded and scored once (cached)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670\u200c\u200d])*")


# word-final ه is ە in the old spelling (and in Southern Kurdish as often written): folded, so
# that a final ه tells nothing about the dialect
_FINAL_HEH = re.compile("\u0647(?![^\\W\\d_]|[\u064b-\u065f\u0670])")


def fold(text: str) -> str:
    """Text as the model sees it: lower case, Arabic-keyboard and old-spelling forms of Kurdish
    letters folded, harakat and tatweel dropped.

    >>> fold("ئه‌وه‌ی كوردي")
    'ئەوەی کوردی'
    """
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if "\u200c" in text:
            text = text.replace("\u0647\u200c", "\u06d5").replace("\u200c", "")
        text = text.translate(_FOLD)
        if "\u0647" in text:
            text = _FINAL_HEH.sub("\u06d5", text)
    return text.lower()


def word_features(word: str, orders: Sequence[int] = (1, 2, 3, 4, 5)) -> list[str]:
    """Character n-grams of one folded word padded with spaces, plus the whole padded word.

    >>> word_features("ok", (1, 2))
    [' ', 'o', 'k', ' ', ' o', 'ok', 'k ', ' ok ']
    """
    padded = f" {word} "
    n = len(padded)
    feats = [padded[i:i + k] for k in orders for i in range(n - k + 1)]
    if n > max(orders):
        feats.append(padded)
    return feats


def feature_ids(word: str, orders: Sequence[int], bits: int) -> list[int]:
    """Hashed feature ids of one folded word: CRC-32 of each feature's UTF-8, modulo ``2**bits``."""
    mask = (1 << bits) - 1
    return [crc32(f.encode("utf-8", "surrogatepass")) & mask for f in word_features(word, orders)]


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters only; digits and symbols are separators).

    >>> words("ئه‌مڕۆ ٣ كتێبم كڕی!")
    ['ئەمڕۆ', 'کتێبم', 'کڕی']
    """
    out = []
    for w in _WORD.findall(text):
        w = fold(w)
        if w:
            out.append(w)
    return out


# --- results ------------------------------------------------------------------------------------


class LangGuess:
    """The identified language: ``label`` (BCP-47), its ``probability`` and ``probabilities``, a
    dict over every label (``und`` included; computed on first access)."""

    __slots__ = ("label", "probability", "_probs", "_exps", "_labels")

    def __init__(self, label: str, probability: float, probabilities: dict[str, float] | None = None,
                 *, _exps: Sequence[float] = (), _labels: Sequence[str] = ()) -> None:
        self.label = label
        self.probability = probability
        self._probs = probabilities
        self._exps = _exps
        self._labels = _labels

    @property
    def probabilities(self) -> dict[str, float]:
        if self._probs is None:
            total = sum(self._exps)
            probs = dict(zip(self._labels, [e / total for e in self._exps]))
            probs[UND] = 0.0
            self._probs = probs
        return self._probs

    def top(self, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` most likely labels with their probabilities."""
        return sorted(self.probabilities.items(), key=lambda kv: -kv[1])[:k]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "probability": round(self.probability, 4),
                "probabilities": {k: round(v, 4) for k, v in self.probabilities.items() if v >= 1e-4}}

    def __repr__(self) -> str:
        return f"LangGuess(label={self.label!r}, probability={self.probability:.4f})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LangGuess):
            return NotImplemented
        return (self.label, self.probabilities) == (other.label, other.probabilities)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class LangSpan:
    """A sentence with its language: ``start``/``end`` are code-point offsets in the input."""

    text: str
    start: int
    end: int
    label: str
    probability: float

    def to_dict(self, offset: int = 0) -> dict[str, Any]:
        return {"text": self.text, "start": self.start + offset, "end": self.end + offset,
                "label": self.label, "probability": round(self.probability, 4)}


# --- the model ----------------------------------------------------------------------------------


class Model:
    """Naive Bayes log-likelihoods of hashed features (CRC-32 of each n-gram modulo ``2**bits``),
    quantized to one byte per label, with a per-word score cache."""

    CACHE_SIZE = 300_000

    def __init__(self, labels: Sequence[str], weights: bytes, bits: int, step: float,
                 orders: Sequence[int], scale: float, meta: dict[str, Any] | None = None,
                 bias: Sequence[float] | None = None, word_power: float = 0.0) -> None:
        # one weight column per entry of ``columns``; a column named "label/variant" (a
        # sub-class, such as Sorani typed on an Arabic keyboard) adds its probability to "label"
        self.columns = tuple(labels)
        self.labels = tuple(dict.fromkeys(c.split("/")[0] for c in self.columns))
        self._merge = None if self.labels == self.columns else \
            tuple(self.labels.index(c.split("/")[0]) for c in self.columns)
        self.weights = weights  # 2**bits rows of len(columns) bytes q: log-likelihood -step * q
        self.bits = bits
        self.step = step
        self.orders = tuple(orders)
        self.scale = scale  # probabilities: softmax((score + bias) * scale / sqrt(n_words))
        # a prior per column in log-likelihood units (fitted on held-out text by the trainer)
        self.bias = tuple(bias) if bias else (0.0,) * len(self.columns)
        if len(self.bias) != len(self.columns):
            raise ValueError("corrupt langid model: bias size mismatch")
        self._bias_row = self.bias + (0, 0)  # a row of token scores (see token_score)
        # a word's summed feature log-likelihoods are divided by (its number of features) **
        # word_power: long words, with many overlapping n-grams, do not outvote short ones
        self.word_power = word_power
        self.meta = meta or {}
        if len(weights) != (1 << bits) * len(self.columns):
            raise ValueError("corrupt langid model: weight table size mismatch")
        self._words: dict[str, tuple[float, ...]] = {}  # folded word -> score per label
        # whitespace-separated token -> (score per label ..., words scored, words in other scripts)
        self._cache: dict[str, tuple[float, ...]] = {}

    def word_score(self, word: str) -> tuple[float, ...]:
        """Summed log-likelihoods of one folded word's features for each column."""
        hit = self._words.get(word)
        if hit is not None:
            return hit
        k = len(self.columns)
        w = self.weights
        rows = [w[i * k:i * k + k] for i in feature_ids(word, self.orders, self.bits)]
        step = -self.step / len(rows) ** self.word_power
        score = tuple(sum(col) * step for col in zip(*rows))
        if len(self._words) >= self.CACHE_SIZE:
            self._words.clear()
        self._words[word] = score
        return score

    def token_score(self, token: str) -> tuple[float, ...]:
        """Scores of the words in one whitespace-separated token, then the number of words
        scored and the number of words in scripts the model does not know."""
        hit = self._cache.get(token)
        if hit is not None:
            return hit
        k = len(self.columns)
        acc = [0.0] * (k + 2)
        for raw in _WORD.findall(token):
            word = fold(raw)
            if not word:
                continue
            if not _known_script(word[0]):
                acc[k + 1] += 1
                continue
            acc[:k] = map(add, acc[:k], self.word_score(word))
            acc[k] += 1
        score = tuple(acc)
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[token] = score
        return score

    def scores(self, text: str) -> tuple[list[float], int, int]:
        """Summed scores of the words of ``text`` for each label, the number of words scored and
        the number of words in other scripts."""
        get = self._cache.get
        miss = self.token_score
        vals = [get(t) or miss(t) for t in text.split()]
        if not vals:
            return [0.0] * len(self.columns), 0, 0
        s = [sum(col) for col in zip(*vals)]
        other = s.pop()
        n = s.pop()
        return s, int(n), int(other)

    def guess(self, text: str) -> LangGuess:
        """The best label of ``text`` (see :func:`identify`)."""
        get = self._cache.get
        miss = self.token_score
        vals = [get(t) or miss(t) for t in text.split()]
        vals.append(self._bias_row)  # the bias, summed with the words' scores
        s = [sum(col) for col in zip(*vals)]
        other = s.pop()
        n = s.pop()
        # too short, or mostly in other scripts (Cyrillic, Han, Hebrew ...)
        if n == 0 or other > n or (n < MIN_LETTERS and _letters(text) < MIN_LETTERS):
            return _und()
        factor = self.scale / math.sqrt(n)
        top = max(s)
        exps = [math.exp((x - top) * factor) for x in s]
        if self._merge is None:
            return LangGuess(self.labels[s.index(top)], 1.0 / sum(exps), _exps=exps, _labels=self.labels)
        merged = [0.0] * len(self.labels)
        for j, e in zip(self._merge, exps):
            merged[j] += e
        best = max(merged)
        return LangGuess(self.labels[merged.index(best)], best / sum(merged), _exps=merged,
                         _labels=self.labels)

    # storage
    def to_bytes(self) -> bytes:
        head = {"format": 2, "labels": self.columns, "bits": self.bits, "step": self.step,
                "orders": self.orders, "scale": self.scale, "bias": self.bias,
                "word_power": self.word_power, "meta": self.meta}
        return (MAGIC + json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" +
                zlib.compress(self.weights, 9))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        if not blob.startswith(MAGIC):
            raise ValueError("not a sorani langid model")
        nl = blob.index(b"\n", len(MAGIC))
        head = json.loads(blob[len(MAGIC):nl])
        weights = zlib.decompress(blob[nl + 1:])
        return cls(head["labels"], weights, head["bits"], head["step"], head["orders"], head["scale"],
                   head.get("meta"), head.get("bias"), head.get("word_power", 0.0))


def _known_script(ch: str) -> bool:
    return ch < "\u0250" or "\u0600" <= ch <= "\u077f" or "\u1e00" <= ch <= "\u1eff" \
        or "\ufb50" <= ch <= "\ufeff"


def _letters(text: str) -> int:
    return sum(len(fold(w)) for w in _WORD.findall(text))


def _und() -> LangGuess:
    probs = {lab: 0.0 for lab in LABELS}
    probs[UND] = 1.0
    return LangGuess(UND, 1.0, probs)


def train(samples: Iterable[tuple[str, str]], labels: Sequence[str] = LABELS,
          orders: Sequence[int] = (1, 2, 3, 4, 5), bits: int = 20, alpha: float = 0.1,
          min_count: int = 2, step: float = 0.05, scale: float = 1.0,
          meta: dict[str, Any] | None = None, bias: Sequence[float] | None = None,
          word_power: float = 0.0) -> Model:
    """Train a naive Bayes model on ``(text, label)`` pairs (uniform class prior, then ``bias``
    added per column at prediction); needs numpy.

    Hashed features seen fewer than ``min_count`` times overall are dropped (all-zero rows);
    log-likelihoods are stored relative to the best label of each feature, quantized to ``step``
    nats in one byte.
    """
    import numpy as np

    index = {lab: i for i, lab in enumerate(labels)}
    k = len(labels)
    word_counts: list[Counter[str]] = [Counter() for _ in labels]
    for text, label in samples:
        word_counts[index[label]].update(words(text))
    ids_of: dict[str, list[int]] = {}
    size = 1 << bits
    counts = np.zeros((size, k))
    for ci, wc in enumerate(word_counts):
        ids: list[int] = []
        wts: list[int] = []
        for w, n in wc.items():
            fs = ids_of.get(w)
            if fs is None:
                fs = ids_of[w] = feature_ids(w, orders, bits)
            ids.extend(fs)
            wts.extend([n] * len(fs))
        counts[:, ci] = np.bincount(np.asarray(ids, dtype=np.int64), weights=np.asarray(wts, dtype=np.float64),
                                    minlength=size)
    keep = counts.sum(1) >= min_count
    logp = np.log(counts + alpha)
    logp -= np.log(counts[keep].sum(0) + alpha * keep.sum())
    rel = logp.max(1, keepdims=True) - logp
    q = np.minimum(np.rint(rel / step), 255).astype(np.uint8)
    q[~keep] = 0
    return Model(labels, q.tobytes(), bits, step, orders, scale, meta, bias, word_power)


@cache
def load_model() -> Model:
    """The bundled model (read once)."""
    return Model.from_bytes(data_path(MODEL_FILE).read_bytes())


# --- public API ---------------------------------------------------------------------------------


def identify(text: str) -> LangGuess:
    """The language of ``text``: best label, its probability and all label probabilities.

    >>> g = identify("ئەم کتێبە زۆر باشە و هەموو کەس دەیخوێنێتەوە")
    >>> g.label, g.probability > 0.5
    ('ckb-Arab', True)
    >>> identify("").label
    'und'
    """
    if not isinstance(text, str):
        raise TypeError(f"identify() expects str, not {type(text).__name__}")
    return load_model().guess(text)


def identify_spans(text: str) -> list[LangSpan]:
    """One language label per sentence of ``text``, with code-point offsets.

    >>> [(s.label, s.start, s.end) for s in identify_spans("ئەمڕۆ هەوا خۆشە. Bugün hava çok güzel.")]
    [('ckb-Arab', 0, 16), ('tr', 17, 38)]
    """
    if not isinstance(text, str):
        raise TypeError(f"identify_spans() expects str, not {type(text).__name__}")
    from sorani.sentences import sentences

    model = load_model()
    out = []
    for s in sentences(text):
        g = model.guess(s.text)
        out.append(LangSpan(s.text, s.start, s.end, g.label, g.probability))
    return out
