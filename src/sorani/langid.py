"""Language and dialect identification for Kurdish and its neighbours.

A multinomial naive Bayes model over character 1–5-grams of each word (with word boundaries),
trained by ``scripts/train_langid.py`` from the KurdishLID development sentences (MIT) and TED
English (Apache-2.0), shipped in ``sorani/data/langid/`` and loaded lazily on first use. Pure
Python, no download. Arabic-script text is folded first (Arabic ``ك ي ى ة ؤ`` to Kurdish letters,
old ``ه`` + ZWNJ to ``ە``, no harakat or tatweel) so that Sorani typed on Arabic or Persian
keyboards or in the old spelling is still Sorani.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
# a word: letters, with combining marks (Gorani ٛ ٙ, Latin accents) and ZWNJ inside
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f\u0653-\u065f\u200c])*")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def fold(text: str) -> str:
    """The text as the model sees it: lower case, Arabic-keyboard and old-spelling forms of
    Kurdish letters folded, harakat and tatweel dropped.

    >>> fold("ئه‌وه‌ی كوردي")
    'ئەوەی کوردی'
    """
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if "\u200c" in text:
            text = text.replace("\u0647\u200c", "\u06d5").replace("\u200c", "")
    return text.translate(_FOLD).lower()


def word_features(word: str, orders: Sequence[int] = (1, 2, 3, 4, 5)) -> list[str]:
    """Character n-grams of one folded word padded with spaces, plus the word itself.

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
    """Hashed feature ids of one folded word (or word pair ``"a b"``, a single feature):
    CRC-32 of each feature's UTF-8, modulo ``2**bits``."""
    mask = (1 << bits) - 1
    feats = [word] if " " in word else word_features(word, orders)
    return [crc32(f.encode("utf-8", "surrogatepass")) & mask for f in feats]


def units(ws: list[str], bigrams: bool) -> list[str]:
    """The scored units of a list of folded words: the words, and adjacent pairs ``"a b"``."""
    if bigrams and len(ws) > 1:
        return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])]
    return ws


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters only; digits and symbols are separators)."""
    return _WORD.findall(fold(text))


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LangGuess:
    """The identified language: ``label`` (BCP-47), its ``probability`` and the probabilities of
    every label (``und`` included)."""

    label: str
    probability: float
    probabilities: dict[str, float] = field(repr=False)

    def top(self, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` most likely labels with their probabilities."""
        return sorted(self.probabilities.items(), key=lambda kv: -kv[1])[:k]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "probability": round(self.probability, 4),
                "probabilities": {k: round(v, 4) for k, v in self.probabilities.items() if v >= 1e-4}}


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

    CACHE_SIZE = 200_000

    def __init__(self, labels: Sequence[str], weights: bytes, bits: int, step: float,
                 orders: Sequence[int], scale: float, meta: dict[str, Any] | None = None,
                 word_norm: float = 0.0, bigrams: bool = False) -> None:
        self.labels = tuple(labels)
        self.weights = weights  # 2**bits rows of len(labels) bytes q: log-likelihood -step * q
        self.bits = bits
        self.step = step
        self.orders = tuple(orders)
        self.scale = scale  # probabilities: softmax(score * scale / sqrt(n_words))
        self.meta = meta or {}
        self.bigrams = bigrams  # score adjacent word pairs too
        self.word_norm = word_norm  # a word's score is divided by n_features ** word_norm
        if len(weights) != (1 << bits) * len(self.labels):
            raise ValueError("corrupt langid model: weight table size mismatch")
        self._cache: dict[str, tuple[float, ...]] = {}
        self._zero = (0.0,) * len(self.labels)

    # scoring
    def word_score(self, word: str) -> tuple[float, ...]:
        """Summed log-likelihood of one folded word's features for each label."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        k = len(self.labels)
        w = self.weights
        rows = [w[i * k:i * k + k] for i in feature_ids(word, self.orders, self.bits)]
        step = -self.step / len(rows) ** self.word_norm if rows else 0.0
        score = tuple(sum(col) * step for col in zip(*rows)) if rows else self._zero
        if len(self._cache) >= self.CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = score
        return score

    def scores(self, ws: Iterable[str]) -> list[float]:
        """Summed scores of the words ``ws`` for each label."""
        ws_scores = [self.word_score(w) for w in ws]
        if not ws_scores:
            return list(self._zero)
        return [sum(col) for col in zip(*ws_scores)]

    def guess(self, text: str) -> LangGuess:
        """The best label of ``text`` (see :func:`identify`)."""
        ws = words(text)
        n_letters = sum(map(len, ws))
        if n_letters < MIN_LETTERS:
            return _und()
        # mostly other scripts (Cyrillic, Han, Hebrew ...): not a language this model knows
        ws_known = [w for w in ws if _known_script(w[0])]
        if len(ws_known) * 2 < len(ws) or sum(map(len, ws_known)) < MIN_LETTERS:
            return _und()
        s = self.scores(units(ws_known, self.bigrams))
        factor = self.scale / math.sqrt(len(ws_known))
        top = max(s)
        exps = [math.exp((x - top) * factor) for x in s]
        total = sum(exps)
        probs = {lab: e / total for lab, e in zip(self.labels, exps)}
        probs[UND] = 0.0
        best = max(probs, key=probs.__getitem__)
        return LangGuess(best, probs[best], probs)

    # storage
    def to_bytes(self) -> bytes:
        head = {"format": 2, "labels": self.labels, "bits": self.bits, "step": self.step,
                "orders": self.orders, "scale": self.scale, "word_norm": self.word_norm, "bigrams": self.bigrams, "meta": self.meta}
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
                   head.get("meta"), head.get("word_norm", 0.0), head.get("bigrams", False))


def _known_script(ch: str) -> bool:
    return ch < "\u0250" or "\u0600" <= ch <= "\u06ff" or "\u1e00" <= ch <= "\u1eff" \
        or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff"


def _und() -> LangGuess:
    probs = {lab: 0.0 for lab in LABELS}
    probs[UND] = 1.0
    return LangGuess(UND, 1.0, probs)


def train(samples: Iterable[tuple[str, str]], labels: Sequence[str] = LABELS,
          orders: Sequence[int] = (1, 2, 3, 4, 5), bits: int = 20, alpha: float = 0.1,
          min_count: int = 2, step: float = 0.05, scale: float = 1.0, word_norm: float = 0.0,
          bigrams: bool = False, meta: dict[str, Any] | None = None) -> Model:
    """Train a naive Bayes model on ``(text, label)`` pairs (uniform class prior); needs numpy.

    Hashed features seen fewer than ``min_count`` times overall are dropped (all-zero rows);
    log-likelihoods are stored relative to the best label of each feature, quantized to ``step``
    nats in one byte.
    """
    import numpy as np

    index = {lab: i for i, lab in enumerate(labels)}
    k = len(labels)
    word_counts: list[Counter[str]] = [Counter() for _ in labels]
    for text, label in samples:
        word_counts[index[label]].update(units(words(text), bigrams))
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
    return Model(labels, q.tobytes(), bits, step, orders, scale, meta, word_norm, bigrams)


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
