"""Language and dialect identification for Kurdish and its neighbours.

A multinomial naive Bayes model over character 1–5-grams of each word (with word boundaries),
each word's score divided by the square root of its number of n-grams, plus a prior per label
fitted on held-out text (it weighs most on short text), trained by ``scripts/train_langid.py`` from the KurdishLID development sentences (MIT) and TED
English (Apache-2.0), shipped in ``sorani/data/langid/`` and loaded lazily on first use. No
download; the words of a text are looked up and new words scored in C by the optional compiled
extension (``sorani/_speedups.c``) when it is built, else in pure Python (``SORANI_PURE_PYTHON=1``
forces it), with the same results to the last bit; without the extension :func:`identify_many`
scores the new words of a batch at once with numpy when it is installed. Arabic-script text is folded first
(Arabic ``ك ي ى ة ؤ`` to Kurdish letters, old ``ه`` + ZWNJ and word-final ``ه`` to ``ە``, no
harakat or tatweel) so that Sorani typed on Arabic or Persian keyboards or in the old spelling is
still Sorani. Sorani typed without the
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
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from typing import Any
from zlib import crc32

from sorani._compiled import speedups
from sorani._data import cached_derived, data_path

LABELS: tuple[str, ...] = ("ckb-Arab", "ckb-Latn", "kmr-Arab", "kmr-Latn", "sdh-Arab", "hac-Arab",
                           "zza-Latn", "fa", "ar", "tr", "en")
UND = "und"
MODEL_FILE = "langid/model.bin"
MIN_LETTERS = 3  # fewer letters than this: und
MAGIC = b"SORANI-LANGID 2\n"
_LITTLE = sys.byteorder == "little"

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


def _fold_table() -> Any:
    """:func:`fold` of each character below U+0700 for the compiled path (``langid_fold`` in
    ``sorani/_speedups.c``): its code point translated and lower-cased, ``0xFFFFFFFE`` for a
    character dropped, ``0xFFFFFFFF`` where C must leave a word to :func:`fold` (a combining mark,
    which NFC may reorder or compose, a character not NFC alone, one whose lower case is several
    characters, and outside Latin-1 to Latin Extended-B and the Arabic block, such as Greek final
    sigma). Below U+0700 every character of combining class 0 is no second of a canonical
    composition (tests/test_langid_speedups.py checks it), so a word of table characters is NFC."""
    from array import array

    table = array("I", [0xFFFFFFFF]) * 0x700
    for c in [*range(0x300), *range(0x600, 0x700)]:
        ch = chr(c)
        if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch):
            continue
        t = ch.translate(_FOLD).lower()
        if not t:
            table[c] = 0xFFFFFFFE
        elif len(t) == 1:
            table[c] = ord(t)
    return table


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
    """Hashed feature ids of one folded word: CRC-32 of each feature's UTF-8, modulo ``2**bits``.

    >>> feature_ids("ok", (1, 2), 19) == hashed_ids(["ok"], (1, 2), 19)[0].tolist()
    True
    """
    mask = (1 << bits) - 1
    return [crc32(f.encode("utf-8", "surrogatepass")) & mask for f in word_features(word, orders)]


_TABLES: dict[Any, Any] = {}


def _crc_table() -> Any:
    """The CRC-32 (zlib's, reflected polynomial 0xEDB88320) byte table, numpy."""
    got = _TABLES.get("crc")
    if got is None:
        import numpy as np

        t = np.arange(256, dtype=np.uint32)
        for _ in range(8):
            t = np.where(t & 1, (t >> 1) ^ np.uint32(0xEDB88320), t >> 1).astype(np.uint32)
        got = _TABLES["crc"] = t
    return got


def _templates(length: int, orders: tuple[int, ...]) -> tuple[Any, Any]:
    """Start and end offsets (numpy) of the n-grams of a padded word of ``length`` characters,
    in the order of :func:`word_features` (the whole word apart)."""
    key = (length, orders)
    got = _TABLES.get(key)
    if got is None:
        import numpy as np

        spans = [(i, i + k) for k in orders for i in range(length - k + 1)]
        arr = np.array(spans, dtype=np.int64).reshape(-1, 2)
        got = (arr[:, 0].copy(), arr[:, 1].copy())
        if length <= 256:
            _TABLES[key] = got
    return got


def hashed_ids(words: Sequence[str], orders: Sequence[int], bits: int) -> tuple[Any, Any]:
    """:func:`feature_ids` of many folded words at once with numpy: all the words' ids in one
    array, and the number of features of each word (the CRC-32 of every n-gram computed a byte
    position at a time over all of them).

    >>> ids, counts = hashed_ids(["ok", "کورد"], (1, 2, 3), 19)
    >>> counts.tolist(), ids[10:].tolist() == feature_ids("کورد", (1, 2, 3), 19)
    ([10, 16], True)
    """
    import numpy as np

    orders = tuple(orders)
    top = max(orders)
    padded = [f" {w} " for w in words]
    if not padded:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lens = [len(x) for x in padded]
    joined = "".join(padded)
    data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    boff = np.zeros(len(cp) + 1, dtype=np.int64)  # byte offset of each character
    np.cumsum(1 + (cp >= 0x80) + (cp >= 0x800) + (cp >= 0x10000), out=boff[1:])
    tmpl = [_templates(x, orders) for x in lens]
    n_grams = np.array([len(t[0]) for t in tmpl], dtype=np.int64)
    offsets = np.repeat(np.cumsum([0] + lens[:-1]), n_grams)
    starts = boff[np.concatenate([t[0] for t in tmpl]) + offsets]
    blen = boff[np.concatenate([t[1] for t in tmpl]) + offsets] - starts
    order = np.argsort(-blen, kind="stable")  # longest first: a prefix is still running
    starts, blen = starts[order], blen[order]
    table = _crc_table()
    crc = np.full(len(starts), 0xFFFFFFFF, dtype=np.uint32)
    shift = np.uint32(8)
    for t in range(int(blen[0]) if len(blen) else 0):
        n = int(np.count_nonzero(blen > t))
        c = crc[:n]
        crc[:n] = table[(c ^ data[starts[:n] + t]) & 0xFF] ^ (c >> shift)
    ids = np.empty(len(crc), dtype=np.int64)
    ids[order] = (crc ^ np.uint32(0xFFFFFFFF)) & np.uint32((1 << bits) - 1)
    # the whole padded words (zlib), after each word's n-grams
    mask = (1 << bits) - 1
    wholes = [crc32(x.encode("utf-8", "surrogatepass")) & mask if len(x) > top else -1 for x in padded]
    ends = np.cumsum(n_grams)
    ids = np.insert(ids, ends, wholes)
    keep = ids >= 0
    counts = n_grams + np.array([w >= 0 for w in wholes], dtype=np.int64)
    return ids[keep], counts


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
    quantized to one byte per column, with per-word and per-token caches.

    Scores are added as packed integers, in C: a word's and a token's score are each one Python
    ``int`` holding one 64-bit field per column (a cost, ``-log-likelihood`` in units of
    ``2**-FIXED_BITS`` nats) and two count fields (words scored, words in scripts the model does
    not know); a text's score is the sum of its tokens'. A word's cost fields are its n-grams'
    summed ``q`` times one integer (``step * 2**FIXED_BITS / n_features ** word_power``, rounded),
    computed in pure Python from cached windows of ``max(orders)`` characters (each the sum of
    its prefixes' rows) when a text brings few new words, else for all the new words of a text
    (or of a batch of texts, :meth:`guess_many`) at once with numpy (:func:`hashed_ids`): the
    same integers either way. No field overflows below :attr:`chunk_chars` characters a sum.
    With the compiled extension (:meth:`_compiled`) a text's raw words are found, looked up in
    the per-word cache, scored when new (the same integers as :meth:`_word`) and summed in C, and
    the guess's numbers are computed there with the same floating-point operations in the same
    order as :meth:`_decide` (``langid_guess``); only folding a new word calls back into Python.
    """

    CACHE_SIZE = 300_000
    NGRAM_CACHE_SIZE = 1_000_000
    FIXED_BITS = 26  # fixed-point fraction bits of the packed costs
    FORMAT = 2
    NUMPY_MIN = 64  # new words scored at once from which numpy is used (its calls cost ~2 µs each)

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
        # a word's summed feature log-likelihoods are divided by (its number of features) **
        # word_power: long words, with many overlapping n-grams, do not outvote short ones
        self.word_power = word_power
        self.meta = meta or {}
        if len(weights) != (1 << bits) * len(self.columns):
            raise ValueError("corrupt langid model: weight table size mismatch")
        k = len(self.columns)
        self._k = k
        self._nbytes = 8 * (k + 2)  # packed: k cost fields, words scored, words in other scripts
        self._one_word = 1 << (64 * k)
        self._one_other = 1 << (64 * (k + 1))
        self._unit = 2.0 ** -self.FIXED_BITS
        # a feature adds at most 255 * step * 2**FIXED_BITS to a field, a character at most 18
        # features (1-letter words); fields are 64 bits
        self.chunk_chars = (1 << 64) // (255 * round(step * 2 ** self.FIXED_BITS) * 18 + 1)
        self._mults: dict[int, int] = {}
        self._table: Any = None  # the weights as a numpy (rows, columns) array, on first use
        # the bias as fixed-point costs (relative to the largest), the start of every text's sum
        top = max(self.bias)
        self._start = sum(round((top - b) * 2 ** self.FIXED_BITS) << (64 * j)
                          for j, b in enumerate(self.bias))
        n_labels = len(self.labels)
        self._variants = None if self._merge is None or self.columns[:n_labels] != self.labels \
            else tuple((j, self._merge[j]) for j in range(n_labels, k))
        # the pure-Python path (few new words): packed rows (64-bit fields, the counts 0) of the
        # weight table, of n-grams and of the windows of max(orders) characters at each
        # position of a padded word (the sum of the rows of the window's prefixes of the orders)
        self._max_order = max(self.orders)
        self._window_slices: dict[int, tuple[slice, ...]] = {}
        self._prefixes: dict[int, tuple[slice, ...]] = {}  # window length -> slices of features
        self._rows = _Cache(self._row, 1 << bits)
        self._ngrams = _Cache(self._ngram, self.NGRAM_CACHE_SIZE)
        self._fans = _Cache(self._fan, self.NGRAM_CACHE_SIZE)
        self._words: dict[str, int] = {}  # raw word -> packed score
        self._cache: dict[str, int] = {}  # whitespace-separated token -> packed score of its words
        self._c: Any = False  # (the compiled extension, this model for it) or None, on first use

    def clear_caches(self) -> None:
        """Forget every cached row, n-gram, word and token score (as in a fresh process)."""
        for c in (self._rows, self._ngrams, self._fans, self._words, self._cache):
            c.clear()

    # packed scores
    def _mult(self, length: int) -> int:
        """The multiplier of the summed ``q`` of a padded word of ``length`` characters:
        ``step * 2**FIXED_BITS / n_features ** word_power``, with the features of
        :func:`word_features`."""
        got = self._mults.get(length)
        if got is None:
            top = max(self.orders)
            n = sum(max(0, length - k + 1) for k in self.orders) + (length > top)
            got = round(self.step * 2 ** self.FIXED_BITS / n ** self.word_power)
            if length <= 1024:
                self._mults[length] = got
        return got

    def _row(self, i: int) -> int:
        k = self._k
        spread = bytearray(8 * k)
        spread[::8] = self.weights[i * k:i * k + k]
        return int.from_bytes(spread, "little")

    def _ngram(self, gram: str) -> int:
        return self._rows[crc32(gram.encode("utf-8", "surrogatepass")) & ((1 << self.bits) - 1)]

    def _fan(self, window: str) -> int:
        prefixes = self._prefixes.get(len(window))
        if prefixes is None:
            prefixes = self._prefixes[len(window)] = tuple(
                slice(0, k) for k in self.orders if k <= len(window))
        return sum(map(self._ngrams.__getitem__, map(window.__getitem__, prefixes)))

    def _windows(self, length: int) -> tuple[slice, ...]:
        got = self._window_slices.get(length)
        if got is None:
            m = self._max_order
            got = tuple(slice(i, i + m) for i in range(length))
            if length <= 256:
                self._window_slices[length] = got
        return got

    def _word(self, word: str) -> int:
        """The packed score of one folded word, in pure Python."""
        padded = f" {word} "
        n = len(padded)
        total = sum(map(self._fans.__getitem__, map(padded.__getitem__, self._windows(n))))
        if n > self._max_order:  # the whole padded word
            total += self._ngram(padded)
        return total * self._mult(n) + self._one_word

    def _compiled(self) -> tuple[Any, tuple[Any, ...]] | None:
        """The compiled extension (``langid_words``/``langid_text`` in ``sorani/_speedups.c``:
        the same integers as the pure-Python path) and this model as it takes it, or None."""
        got = self._c
        if got is False:
            mod = speedups()
            got = None
            if mod is not None and self._k <= 64 and 0 < min(self.orders) and max(self.orders) < 64 \
                    and len(set(self.orders)) == len(self.orders) and 0 < self.bits <= 32:
                from array import array

                try:  # (a model whose numbers do not fit the C types stays in Python)
                    mults = array("Q", [0, 0, 0] + [self._mult(n) for n in range(3, 129)])
                    got = (mod, (mod.langid_model(self.weights, self._k, self.bits, self.orders, mults,
                                                  self._merge, self._unit * self.scale, _fold_table()),
                                 self._mult))
                except (OverflowError, ValueError):
                    got = None
            self._c = got
        return got

    def _score_words(self, words: list[str]) -> list[int]:
        """Packed scores of folded words (of known scripts): in C when the extension is built,
        else in pure Python (cached n-grams) when they are few, else with numpy over all their
        features at once."""
        compiled = self._compiled()
        if compiled is not None:
            return compiled[0].langid_words(words, compiled[1])
        if len(words) < self.NUMPY_MIN:
            return list(map(self._word, words))
        try:
            import numpy as np
        except ImportError:  # pragma: no cover - numpy is a dependency
            return list(map(self._word, words))
        k = self._k
        mults = [self._mult(len(w) + 2) for w in words]
        if self._table is None:
            self._table = np.frombuffer(self.weights, dtype=np.uint8).reshape(-1, k)
        ids, counts = hashed_ids(words, self.orders, self.bits)
        starts = np.zeros(len(counts), dtype=np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        sums = np.add.reduceat(self._table[ids], starts, axis=0, dtype=np.uint64)
        packed = np.empty((len(words), k + 2), dtype="<u8")
        np.multiply(sums, np.array(mults, dtype=np.uint64)[:, None], out=packed[:, :k],
                    casting="unsafe")
        packed[:, k] = 1
        packed[:, k + 1] = 0
        buf = packed.tobytes()
        nb = self._nbytes
        return [int.from_bytes(buf[i:i + nb], "little") for i in range(0, len(buf), nb)]

    def _fill(self, tokens: Iterable[str]) -> dict[str, int]:
        """Packed scores of every distinct token of ``tokens`` (cached, or computed now: the
        new words of all of them scored at once) and the caches updated."""
        cache, known = self._cache, self._words
        out: dict[str, int] = {}
        todo: dict[str, list[str]] = {}
        for t in dict.fromkeys(tokens):
            v = cache.get(t)
            if v is None:
                todo[t] = _WORD.findall(t)
            else:
                out[t] = v
        if not todo:
            return out
        raws: dict[str, int | None] = {r: known.get(r) for r in chain.from_iterable(todo.values())}
        new: dict[str, list[str]] = {}  # folded word -> its new raw forms
        for raw, v in raws.items():
            if v is None:
                word = fold(raw)
                if not word:
                    raws[raw] = 0
                elif not _known_script(word[0]):
                    raws[raw] = self._one_other
                else:
                    new.setdefault(word, []).append(raw)
        if new:
            for forms, v in zip(new.values(), self._score_words(list(new))):
                for raw in forms:
                    raws[raw] = v
        if len(known) + len(raws) > self.CACHE_SIZE:
            known.clear()
        known.update(raws)  # type: ignore[arg-type]
        if len(cache) + len(todo) > self.CACHE_SIZE:
            cache.clear()
        for t, rs in todo.items():
            out[t] = cache[t] = sum([raws[r] for r in rs])  # type: ignore[misc]
        return out

    def _unpack(self, packed: int) -> list[int]:
        b = packed.to_bytes(self._nbytes, "little")
        if _LITTLE:
            return memoryview(b).cast("Q").tolist()
        return [int.from_bytes(b[i:i + 8], "little") for i in range(0, self._nbytes, 8)]

    def _values(self, tokens: list[str], new: dict[str, int] | None = None) -> list[int]:
        vals = list(map(self._cache.get, tokens))
        if None in vals:
            if new is not None:  # scored with other texts (identify_many)
                vals = [new.get(t) if v is None else v for t, v in zip(tokens, vals)]
            if None in vals:
                new = self._fill([t for t, v in zip(tokens, vals) if v is None])
                vals = [new[t] if v is None else v for t, v in zip(tokens, vals)]
        return vals

    def _packed_fields(self, text: str, start: int = 0, new: dict[str, int] | None = None) -> list[int]:
        """The fields of ``start`` plus the summed packed scores of the tokens of ``text``."""
        if type(text) is not str:  # (a str subclass is read as the plain string, on both paths)
            text = str.__str__(text)
        if len(text) <= self.chunk_chars:
            compiled = self._compiled()
            if compiled is not None:  # the words of the text looked up or scored in C
                return compiled[0].langid_text(text, start, self._words, self.CACHE_SIZE, fold, 0,
                                               self._one_other, compiled[1])
            return self._unpack(sum(self._values(text.split(), new), start))
        out = self._unpack(start)  # sums that could overflow a field: in chunks
        tokens = text.split()
        step = max(1, self.chunk_chars // max(1, max(map(len, tokens), default=1)))
        for i in range(0, len(tokens), step):
            part = self._unpack(sum(self._values(tokens[i:i + step], new)))
            out = [a + b for a, b in zip(out, part)]
        return out

    def word_score(self, word: str) -> tuple[float, ...]:
        """Summed log-likelihoods of one folded word's features for each column (divided by
        its number of features ** ``word_power``)."""
        if not word or not _known_script(word[0]):
            return (0.0,) * self._k
        unit = self._unit
        return tuple(-c * unit for c in self._unpack(self._score_words([word])[0])[:self._k])

    def token_score(self, token: str) -> tuple[float, ...]:
        """Scores of the words in one whitespace-separated token, then the number of words
        scored and the number of words in scripts the model does not know."""
        vals = self._unpack(self._fill([token])[token])
        unit = self._unit
        return tuple(-c * unit for c in vals[:self._k]) + (float(vals[-2]), float(vals[-1]))

    def scores(self, text: str) -> tuple[list[float], int, int]:
        """Summed scores of the words of ``text`` for each label, the number of words scored and
        the number of words in other scripts."""
        vals = self._packed_fields(text)
        unit = self._unit
        return [-c * unit for c in vals[:self._k]], vals[-2], vals[-1]

    def guess(self, text: str, _new: dict[str, int] | None = None) -> LangGuess:
        """The best label of ``text`` (see :func:`identify`)."""
        if type(text) is not str:  # (as in _packed_fields)
            text = str.__str__(text)
        compiled = self._compiled()
        if compiled is not None and self._merge is not None and len(text) <= self.chunk_chars:
            # the words looked up or scored and the numbers of _decide in C
            got = compiled[0].langid_guess(text, self._start, self._words, self.CACHE_SIZE, fold, 0,
                                           self._one_other, compiled[1])
            if got is None:
                return _und()
            n, best, merged = got
            if n < MIN_LETTERS and _letters(text) < MIN_LETTERS:
                return _und()
            return LangGuess(self.labels[best], merged[best] / sum(merged), _exps=merged,
                             _labels=self.labels)
        # costs: -(summed log-likelihoods + bias - max(bias)) in fixed point
        return self._decide(text, self._packed_fields(text, self._start, _new))

    def _decide(self, text: str, costs: list[int]) -> LangGuess:
        """The guess from the fields of a text's packed score (its bias included)."""
        other = costs.pop()
        n = costs.pop()
        # too short, or mostly in other scripts (Cyrillic, Han, Hebrew ...)
        if n == 0 or other > n or (n < MIN_LETTERS and _letters(text) < MIN_LETTERS):
            return _und()
        factor = self._unit * self.scale / math.sqrt(n)
        low = min(costs)
        exp = math.exp
        exps = [exp((low - c) * factor) for c in costs]
        if self._merge is None:
            return LangGuess(self.labels[costs.index(low)], 1.0 / sum(exps), _exps=exps,
                             _labels=self.labels)
        if self._variants is not None:
            merged = exps[:len(self.labels)]
            for j, dst in self._variants:
                merged[dst] += exps[j]
        else:
            merged = [0.0] * len(self.labels)
            for j, e in zip(self._merge, exps):
                merged[j] += e
        best = max(merged)
        return LangGuess(self.labels[merged.index(best)], best / sum(merged), _exps=merged,
                         _labels=self.labels)

    def guess_many(self, texts: Iterable[str], batch: int = 2000) -> list[LangGuess]:
        """The best label of each text (as :meth:`guess`), the new words of ``batch`` texts
        scored at once."""
        out: list[LangGuess] = []
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if len(chunk) >= batch:
                out += self._guess_chunk(chunk)
                chunk = []
        return out + self._guess_chunk(chunk) if chunk else out

    def _guess_chunk(self, texts: list[str]) -> list[LangGuess]:
        if self._compiled() is not None:  # each text's new words scored in C as they come
            return [self.guess(text) for text in texts]
        get = self._cache.get
        tokens = [text.split() for text in texts]
        vals = [list(map(get, ts)) for ts in tokens]
        missing = [t for ts, vs in zip(tokens, vals) if None in vs
                   for t, v in zip(ts, vs) if v is None]
        new = self._fill(missing) if missing else {}
        out = []
        start, limit = self._start, self.chunk_chars
        for text, ts, vs in zip(texts, tokens, vals):
            if len(text) > limit:
                out.append(self.guess(text, new))
                continue
            if None in vs:
                vs = [new[t] if v is None else v for t, v in zip(ts, vs)]
            out.append(self._decide(text, self._unpack(sum(vs, start))))
        return out

    # storage
    def to_bytes(self) -> bytes:
        head = {"format": self.FORMAT, "labels": self.columns, "bits": self.bits, "step": self.step,
                "orders": self.orders, "scale": self.scale, "bias": self.bias,
                "word_power": self.word_power, "meta": self.meta}
        return (MAGIC + json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n" +
                zlib.compress(self.weights, 9))

    @classmethod
    def from_bytes(cls, blob: bytes, inflate: Any = zlib.decompress) -> Model:
        if not blob.startswith(MAGIC):
            raise ValueError("not a sorani langid model")
        nl = blob.index(b"\n", len(MAGIC))
        head = json.loads(blob[len(MAGIC):nl])
        if head.get("format") != cls.FORMAT:
            raise ValueError(f"langid model format {head.get('format')} (this code reads "
                             f"{cls.FORMAT}): retrain with scripts/train_langid.py")
        weights = inflate(blob[nl + 1:])
        return cls(head["labels"], weights, head["bits"], head["step"], head["orders"], head["scale"],
                   head.get("meta"), head.get("bias"), head.get("word_power", 0.0))


class _Cache(dict):  # type: ignore[type-arg]
    """A dict that computes a missing value with ``compute`` (looked up by ``dict.__getitem__``,
    in C) and is emptied when it holds ``size`` entries."""

    __slots__ = ("compute", "size")

    def __init__(self, compute: Any, size: int) -> None:
        super().__init__()
        self.compute = compute
        self.size = size

    def __missing__(self, key: Any) -> Any:
        value = self.compute(key)
        if len(self) >= self.size:
            self.clear()
        self[key] = value
        return value


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
    size = 1 << bits
    counts = np.zeros((size, k))
    for ci, wc in enumerate(word_counts):
        ids, n_feats = hashed_ids(list(wc), orders, bits)
        wts = np.repeat(np.fromiter(wc.values(), dtype=np.float64, count=len(wc)), n_feats)
        counts[:, ci] = np.bincount(ids, weights=wts, minlength=size)
    keep = counts.sum(1) >= min_count
    logp = np.log(counts + alpha)
    logp -= np.log(counts[keep].sum(0) + alpha * keep.sum())
    rel = logp.max(1, keepdims=True) - logp
    q = np.minimum(np.rint(rel / step), 255).astype(np.uint8)
    q[~keep] = 0
    return Model(labels, q.tobytes(), bits, step, orders, scale, meta, bias, word_power)


@cache
def load_model() -> Model:
    """The bundled model (read once; its inflated weights are kept in the user cache directory,
    see ``sorani._data.cached_derived``, which saves most of the loading time)."""
    path = data_path(MODEL_FILE)
    return Model.from_bytes(path.read_bytes(), lambda packed: cached_derived(
        "langid-weights", [str(path)], lambda: zlib.decompress(packed)))


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


def identify_many(texts: Iterable[str], batch: int = 2000) -> list[LangGuess]:
    """:func:`identify` of each text, the same results, faster for many texts: the words first
    seen in ``batch`` texts are scored together (with numpy).

    >>> [g.label for g in identify_many(["ئەمڕۆ هەوا خۆشە", "Bugün hava çok güzel", ""])]
    ['ckb-Arab', 'tr', 'und']
    """
    texts = list(texts)
    for t in texts:
        if not isinstance(t, str):
            raise TypeError(f"identify_many() expects str items, not {type(t).__name__}")
    return load_model().guess_many(texts, batch)
