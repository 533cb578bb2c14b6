"""Tokens with their kind, normalized form and span in the original text.

>>> [t.text for t in tokenize("سڵاو، جیهان! 2.5٪ https://rudaw.net")]
['سڵاو', '،', 'جیهان', '!', '2.5٪', 'https://rudaw.net']
>>> t = tokenize("كوردستان")[0]
>>> (t.norm, t.kind, t.start, t.end)
('کوردستان', 'word', 0, 8)

One regular expression splits the text into pieces that cover it (tokens and the gaps between
them). A compiled scanner (``sorani/_speedups.c``, built when a C compiler is present) takes plain
words, numbers and lone punctuation itself and hands the rest to that expression, chunk by chunk,
with the same result.
The tokens are kept as columns; ``Token`` objects are made when first used, so a caller that only
needs the token strings (``TokenList.texts()``) pays for nothing else.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import accumulate, compress, count, repeat
from operator import add, is_, itemgetter
TYPE_CHECKING = False  # typing is not imported at run time (import speed)
if TYPE_CHECKING:
    from typing import Any

from sorani._compiled import speedups
from sorani._gc import no_cycle_collection
from sorani._chars import AR_LETTER as _AR_LETTER
from sorani._chars import AR_MARK as _AR_MARK
from sorani._chars import DIGIT as _DIGIT
from sorani._record import Record, field
from sorani._record import new as _new
from sorani.normalize import normalize


KINDS = ("word", "number", "punctuation", "url", "email", "hashtag", "mention", "latin", "emoji", "symbol")

# Character classes (raw input, before normalization).
_EMOJI = r"\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_EMOJI_MOD = r"\ufe0f\U0001f3fb-\U0001f3ff\u20e3"
_GAP = r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad]+"

_URL = r"(?:https?://|www\.)[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?،؛؟)\]}'’]"
_EMAIL = r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # (bounded: linear time)
_NUMBER = rf"[%٪]?[{_DIGIT}]+(?:[.,٫٬/:][{_DIGIT}]+)*[%٪]?"
_WORD = rf"[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*"
_LATIN = r"[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff](?:[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]|['’\-][^\W\d_\u0600-\u06ff])*"
_TAG = rf"[#@][{_AR_LETTER}A-Za-z0-9_][{_AR_LETTER}{_AR_MARK}A-Za-z0-9_]*"
_EMOJI_SEQ = rf"[\U0001f1e6-\U0001f1ff]{{2}}|[{_EMOJI}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI}][{_EMOJI_MOD}]*)*"



class _Patterns:
    """The tokenizer's regular expressions, compiled on first use (keeps ``import`` fast)."""

    def __init__(self) -> None:
        alternatives = [_WORD, _GAP, _URL, _EMAIL, _TAG, _NUMBER, _LATIN, _EMOJI_SEQ, r"\.\.\.", r"."]
        # one alternation covering every character: a piece is a token or a gap
        self.pieces = re.compile("|".join(alternatives), re.DOTALL)
        # the same, but a token takes one space that follows it (the commonest gap): half as
        # many matches, the tokens are the same (no token holds a space; a piece that starts
        # with a gap character is a gap)
        self.tokens = re.compile("|".join(a if a == _GAP else f"(?:{a}) ?" for a in alternatives), re.DOTALL)
        self.gap = re.compile(_GAP)
        self.kinds = [("url", re.compile(_URL)), ("email", re.compile(_EMAIL)),
                      ("number", re.compile(_NUMBER))]
        self.word_start = re.compile(f"[{_AR_LETTER}]")
        self.emoji_start = re.compile(f"[{_EMOJI}\U0001f1e6-\U0001f1ff]")


@cache
def _patterns() -> _Patterns:
    return _Patterns()



def _ranges(chars: str) -> Iterator[range]:
    """The code points of a regular-expression character class body (``"a-z_"``), within the BMP."""
    for lo, hi, single in re.findall(r"(.)-(.)|(.)", chars):
        yield range(ord(single or lo), min(ord(single or hi), 0xFFFF) + 1)


@cache
def _head_kind() -> dict[str, str]:
    """The kind a piece's first character decides: a letter starts a word, a gap character a gap
    (kind "", false), a character that starts no longer token (punctuation such as ، « » ( ) ؟ !)
    is a token alone, an Eastern Arabic or Persian digit always starts a number."""
    p = _patterns()
    head: dict[str, str] = {}
    for codes in _ranges(_AR_LETTER):
        head.update((chr(c), "word") for c in codes)
    # (every gap character is below U+3001 but the BOM)
    head.update((c, "") for c in map(chr, [*range(0x3001), 0xFEFF]) if p.gap.match(c))
    starts_more = re.compile(rf"[\w.%٪#@+\-{_EMOJI}\U0001f1e6-\U0001f1ff]")  # (+ - may start an email)
    for c in map(chr, [*range(0x21, 0x80), *range(0xA0, 0x100), *range(0x600, 0x700), *range(0x2010, 0x2070)]):
        if c not in head:
            if "\u0660" <= c <= "\u0669" or "\u06f0" <= c <= "\u06f9":
                head[c] = "number"
            elif not starts_more.match(c):
                head[c] = _classify(c)
    return head


_KIND_CACHE: dict[str, str] = {}  # piece -> kind ("gap" for gaps); words repeat a lot
_CACHE_MAX = 200_000


def _cached(cache: dict[str, str], key: str, compute: Callable[[str], str]) -> str:
    """``compute(key)`` through a bounded cache (it stops growing when full)."""
    value = cache.get(key)
    if value is None:
        value = compute(key)
        if len(cache) < _CACHE_MAX and len(key) <= 64:
            cache[key] = value
    return value


def _kind(piece: str) -> str:
    return _cached(_KIND_CACHE, piece, _classify)


def _classify(piece: str) -> str:
    p = _patterns()
    first = piece[0]
    if p.gap.fullmatch(piece):
        return "gap"
    if p.word_start.match(first):
        return "word"
    if first == "#" and len(piece) > 1:
        return "hashtag"
    if first == "@" and len(piece) > 1:
        return "mention"
    for kind, rx in p.kinds:
        if len(piece) > 1 or kind == "number":
            if rx.fullmatch(piece):
                return kind
    if first.isalpha() and not "\u0600" <= first <= "\u06ff":  # (a lone tatweel is no Latin)
        return "latin"
    if p.emoji_start.match(first):
        return "emoji"
    if piece == "..." or unicodedata.category(first).startswith("P"):
        return "punctuation"
    return "symbol"


def _columns(text: str) -> tuple[list[str], list[int], list[str]]:
    """The tokens of ``text`` as columns (texts, starts, kinds), in pure Python: the pieces of
    ``_Patterns.tokens``, the gaps left out. A piece's kind comes from its first character where
    that decides, else from ``_kind`` (cached)."""
    pieces = _patterns().tokens.findall(text)
    kinds = list(map(_head_kind().get, map(_first, pieces)))
    if None in kinds:
        for i in compress(count(), map(is_, kinds, repeat(None))):
            kind = _kind(pieces[i].rstrip(" "))
            kinds[i] = "" if kind == "gap" else kind
    starts = accumulate(map(len, pieces), initial=0)
    # (a gap's kind is "", false: compress keeps the tokens)
    texts = compress(map(str.rstrip, pieces, repeat(" ")), kinds)
    return list(texts), list(compress(starts, kinds)), list(filter(None, kinds))


_CHUNKS: dict[str, tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]] = {}
_CHUNKS_MAX = 50_000  # (at most a few tens of MB, whatever the input)


def _chunk_columns(chunk: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
    """``_columns(chunk)`` for a short text without whitespace, cached: such chunks (a word with
    its comma, a number, a Latin word) repeat a lot. The compiled scanner asks for all but plain
    words, numbers and lone punctuation."""
    found = _CHUNKS.get(chunk)
    if found is None:
        texts, starts, kinds, start = [], [], [], 0
        head = _head_kind()
        for piece in _patterns().pieces.findall(chunk):  # (a loop: the chunks are short)
            kind = head.get(piece[0]) or _kind(piece)
            if kind != "gap":
                texts.append(piece)
                starts.append(start)
                kinds.append(kind)
            start += len(piece)
        found = (tuple(texts), tuple(starts), tuple(kinds))
        if len(_CHUNKS) < _CHUNKS_MAX and len(chunk) <= 64 and len(texts) <= 8:
            _CHUNKS[chunk] = found
    return found


# The table of the compiled scanner, one byte per code point of the BMP: the low three bits say
# what a token starting with the character is (0: ask the regular expression, always safe), the
# high bits what the character can continue.
_START = {"word": 1, "": 2, "punctuation": 3, "symbol": 4, "number": 5}
_CONTINUES_WORD, _DIGIT_BIT, _SEPARATOR_BIT, _PERCENT_BIT, _SPACE_BIT = 0x08, 0x10, 0x20, 0x40, 0x80
SCANNER_KINDS = ("word", "punctuation", "symbol", "number")  # (codes 1, 3, 4, 5)


@cache
def _scanner_table() -> bytes:
    table = bytearray(0x10000)
    pieces = _patterns().pieces
    probes = ("x", "a@b.cd", "١٢", "...", "ب", "http://x.y", "#x")
    for char, kind in _head_kind().items():
        # (a character decides its token alone only if the expression agrees on every probe)
        alone = kind in ("punctuation", "symbol") or kind == ""
        if kind in ("word", "number") or (alone and all(
                len(pieces.match(char + probe).group()) == 1 for probe in probes)):
            table[ord(char)] = _START[kind]
    for chars, bit in ((_AR_LETTER, _CONTINUES_WORD), (_AR_MARK, _CONTINUES_WORD),
                       (_DIGIT, _DIGIT_BIT), (".,٫٬/:", _SEPARATOR_BIT), ("%٪", _PERCENT_BIT)):
        for codes in _ranges(chars):
            for code in codes:
                table[code] |= bit
    for char in re.findall(r"\s", "".join(map(chr, range(0x10000)))):  # (no token holds one)
        table[ord(char)] |= _SPACE_BIT
    return bytes(table)


_NORMALIZED_KINDS = frozenset(("word", "number", "hashtag"))
_NORM_CACHE: dict[str, str] = {}


def _normalized(text: str) -> str:
    """``normalize(text)``, cached per distinct token text (word forms repeat a lot)."""
    return _cached(_NORM_CACHE, text, normalize)


_first = itemgetter(0)


class Token(Record):
    """A token: ``text`` as in the input, ``start``/``end`` code-point offsets into the input,
    ``kind`` (one of ``KINDS``) and ``norm``, the normalized form (``sorani.normalize(text)``).
    Later stages fill ``lemma``, ``pos``, ``features``, ``morphemes`` and ``latin``.

    (A tuple underneath, ``(text, start, end, kind)``: tokens are made and read quickly; the
    later-stage fields live in the instance dict, made only when a stage sets one. Tokens made
    by the compiled scanner are not tracked by the cycle collector, so a field must not refer
    back to a token, directly or through a container: such a cycle would never be freed.)"""

    text = field(0, "the token as in the input")
    start = field(1, "code-point offset of its first character in the input")
    end = field(2, "code-point offset after its last character")
    kind = field(3, "one of KINDS")
    lemma: str | None = None
    pos: str | None = None
    features: dict[str, str] | None = None
    morphemes: list[Any] | None = None
    latin: str | None = None

    def __new__(cls, text: str, start: int, end: int, kind: str | None = None) -> Token:
        return _new(cls, (text, start, end, kind or _kind(text)))

    @property
    def norm(self) -> str:
        text = self[0]
        if self[3] in _NORMALIZED_KINDS:
            norm = _NORM_CACHE.get(text)
            return norm if norm is not None else _normalized(text)
        return text

    def to_dict(self, offset: int = 0) -> dict[str, Any]:
        """JSON form: ``text``, ``norm``, ``kind``, ``start``, ``end`` (plus any later-stage field
        that is set). ``offset`` shifts the span, for text that is part of a larger input."""
        d: dict[str, Any] = {"text": self.text, "norm": self.norm, "kind": self.kind,
                             "start": self.start + offset, "end": self.end + offset}
        for name in ("lemma", "pos", "features", "morphemes", "latin"):
            value = getattr(self, name)
            if value is not None:
                d[name] = value
        return d

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r})"

    def __hash__(self) -> int:
        return hash(self[:3])


class TokenList(Sequence[Token]):
    """The tokens of a text, a read-only sequence of ``Token``; objects are built on first use.

    It holds the tokens as columns (strings, start offsets, kinds); ``texts()`` and ``spans()``
    read them without building objects."""

    __slots__ = ("text", "_texts", "_starts", "_kinds", "_tokens")

    def __init__(self, text: str, texts: list[str], starts: list[int], kinds: list[str]) -> None:
        self.text = text
        self._texts = texts
        self._starts = starts
        self._kinds = kinds
        self._tokens: list[Token] | None = None

    def _ends(self) -> Iterator[int]:
        return map(add, self._starts, map(len, self._texts))

    def _build(self) -> list[Token]:
        if self._tokens is None:
            if len(self._texts) < 1000:  # (no collection while a few hundred tokens are made)
                self._tokens = self._make_tokens()
            else:
                with no_cycle_collection():
                    self._tokens = self._make_tokens()
        return self._tokens

    def _make_tokens(self) -> list[Token]:
        compiled = speedups()
        if compiled is not None:
            return compiled.build_records(Token, self._texts, self._starts, self._kinds)  # type: ignore[no-any-return]
        return list(map(_new, repeat(Token), zip(self._texts, self._starts, self._ends(), self._kinds)))

    def texts(self) -> list[str]:
        """The token strings alone, without building ``Token`` objects."""
        return self._texts.copy()

    def spans(self) -> list[tuple[int, int, str]]:
        """``(start, end, kind)`` of each token, without building ``Token`` objects."""
        return list(zip(self._starts, self._ends(), self._kinds))

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]  # int -> Token, slice -> list
        return self._build()[i]

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[Token]:
        return iter(self._build())

    def __repr__(self) -> str:
        return f"TokenList({self._build()!r})"


def pieces(text: str) -> list[str]:
    """The pieces that cover ``text`` in order: tokens and the gaps between them
    (``"".join(pieces(text)) == text``), for stages that rewrite text token by token.

    >>> pieces("سڵاو، جیهان")
    ['سڵاو', '،', ' ', 'جیهان']
    """
    return _patterns().pieces.findall(text)


def tokenize(text: str) -> TokenList:
    """Split ``text`` into tokens: words (Arabic script, keeping internal ZWNJ), numbers with their
    separators (``٢٫٥``, ``١٬٢٥٠``, ``2.5``, ``٪٢٥``), URLs, emails, hashtags, mentions, Latin
    words, emoji, punctuation and symbols. Whitespace and stray invisible format characters are
    gaps, not tokens. Offsets are code points into ``text``.

    >>> [(t.text, t.kind) for t in tokenize("ساڵی ٢٠٢٠ #کوردستان 😀")]
    [('ساڵی', 'word'), ('٢٠٢٠', 'number'), ('#کوردستان', 'hashtag'), ('😀', 'emoji')]
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() expects str, not {type(text).__name__}")
    compiled = speedups()
    if compiled is None:
        return TokenList(text, *_columns(text))
    return TokenList(text, *compiled.scan_tokens(text, _scanner_table(), _CHUNKS, _chunk_columns, SCANNER_KINDS))
