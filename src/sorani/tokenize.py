"""Tokens with their kind, normalized form and span in the original text.

>>> [t.text for t in tokenize("سڵاو، جیهان! 2.5٪ https://rudaw.net")]
['سڵاو', '،', 'جیهان', '!', '2.5٪', 'https://rudaw.net']
>>> t = tokenize("كوردستان")[0]
>>> (t.norm, t.kind, t.start, t.end)
('کوردستان', 'word', 0, 8)

The text is split once by one regular expression into pieces that cover it (tokens and the
gaps between them); ``Token`` objects are made from the pieces when first used, so a caller that
only needs the token strings (``TokenList.texts()``) pays for nothing else.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import accumulate, compress, repeat
from operator import ne
TYPE_CHECKING = False  # typing is not imported at run time (import speed)
if TYPE_CHECKING:
    from typing import Any

from sorani._chars import AR_LETTER as _AR_LETTER
from sorani._chars import AR_MARK as _AR_MARK
from sorani._chars import DIGIT as _DIGIT
from sorani.normalize import normalize

KINDS = ("word", "number", "punctuation", "url", "email", "hashtag", "mention", "latin", "emoji", "symbol")

# Character classes (raw input, before normalization).
_EMOJI = r"\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_EMOJI_MOD = r"\ufe0f\U0001f3fb-\U0001f3ff\u20e3"
_GAP = r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad]+"

_URL = r"(?:https?://|www\.)[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?،؛؟)\]}'’]"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_NUMBER = rf"[%٪]?[{_DIGIT}]+(?:[.,٫٬/:][{_DIGIT}]+)*[%٪]?"
_WORD = rf"[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*"
_LATIN = r"[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff](?:[^\W\d_\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]|['’\-][^\W\d_\u0600-\u06ff])*"
_TAG = rf"[#@][{_AR_LETTER}A-Za-z0-9_][{_AR_LETTER}{_AR_MARK}A-Za-z0-9_]*"
_EMOJI_SEQ = rf"[\U0001f1e6-\U0001f1ff]{{2}}|[{_EMOJI}][{_EMOJI_MOD}]*(?:\u200d[{_EMOJI}][{_EMOJI_MOD}]*)*"



class _Patterns:
    """The tokenizer's regular expressions, compiled on first use (keeps ``import`` fast)."""

    def __init__(self) -> None:
        # one alternation covering every character: a piece is a token or a gap
        self.pieces = re.compile("|".join([_WORD, _GAP, _URL, _EMAIL, _TAG, _NUMBER, _LATIN, _EMOJI_SEQ,
                                           r"\.\.\.", r"."]), re.DOTALL)
        self.gap = re.compile(_GAP)
        self.kinds = [("url", re.compile(_URL)), ("email", re.compile(_EMAIL)),
                      ("number", re.compile(_NUMBER))]
        self.word_start = re.compile(f"[{_AR_LETTER}]")
        self.emoji_start = re.compile(f"[{_EMOJI}\U0001f1e6-\U0001f1ff]")


@cache
def _patterns() -> _Patterns:
    return _Patterns()


_KIND_CACHE: dict[str, str] = {}  # piece -> kind ("gap" for gaps); words repeat a lot
_CACHE_MAX = 200_000


def _cached(cache: dict[str, str], key: str, compute: Callable[[str], str]) -> str:
    """``compute(key)`` through a bounded cache (it stops growing when full)."""
    value = cache.get(key)
    if value is None:
        value = compute(key)
        if len(cache) < _CACHE_MAX:
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
    if first.isalpha():
        return "latin"
    if p.emoji_start.match(first):
        return "emoji"
    if piece == "..." or unicodedata.category(first).startswith("P"):
        return "punctuation"
    return "symbol"


_NORMALIZED_KINDS = frozenset(("word", "number", "hashtag"))
_NORM_CACHE: dict[str, str] = {}


def _normalized(text: str) -> str:
    """``normalize(text)``, cached per distinct token text (word forms repeat a lot)."""
    return _cached(_NORM_CACHE, text, normalize)


class Token:
    """A token: ``text`` as in the input, ``start``/``end`` code-point offsets into the input,
    ``kind`` (one of ``KINDS``) and ``norm``, the normalized form (``sorani.normalize(text)``).
    Later stages fill ``lemma``, ``pos``, ``features``, ``morphemes`` and ``latin``."""

    # later-stage fields live in the instance dict, made only when a stage sets one
    __slots__ = ("text", "start", "end", "kind", "_norm", "__dict__")
    lemma: str | None = None
    pos: str | None = None
    features: dict[str, str] | None = None
    morphemes: list[Any] | None = None
    latin: str | None = None

    def __init__(self, text: str, start: int, end: int, kind: str | None = None) -> None:
        self.text, self.start, self.end = text, start, end
        self.kind = kind or _kind(text)

    @property
    def norm(self) -> str:
        try:
            return self._norm
        except AttributeError:  # not computed yet (a slot left unset makes tokens cheaper)
            norm = self._norm = _normalized(self.text) if self.kind in _NORMALIZED_KINDS else self.text
            return norm

    def to_dict(self, offset: int = 0) -> dict[str, Any]:
        """JSON form: ``text``, ``norm``, ``kind``, ``start``, ``end`` (plus any later-stage field
        that is set). ``offset`` shifts the span, for text that is part of a larger input."""
        d: dict[str, Any] = {"text": self.text, "norm": self.norm, "kind": self.kind,
                             "start": self.start + offset, "end": self.end + offset}
        for field in ("lemma", "pos", "features", "morphemes", "latin"):
            value = getattr(self, field)
            if value is not None:
                d[field] = value
        return d

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Token) and (self.text, self.start, self.end, self.kind)
                == (other.text, other.start, other.end, other.kind))

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))


class TokenList(Sequence[Token]):
    """The tokens of a text, a read-only sequence of ``Token``; objects are built on first use."""

    __slots__ = ("text", "_pieces", "_tokens")

    def __init__(self, text: str, pieces: list[str]) -> None:
        self.text = text
        self._pieces = pieces
        self._tokens: list[Token] | None = None

    def _build(self) -> list[Token]:
        if self._tokens is None:
            pieces = self._pieces
            kinds = _KIND_CACHE
            tokens: list[Token] = []
            append = tokens.append
            for p, s in zip(pieces, accumulate(map(len, pieces), initial=0)):
                k = kinds.get(p) or _kind(p)
                if k != "gap":
                    append(Token(p, s, s + len(p), k))
            self._tokens = tokens
        return self._tokens

    def texts(self) -> list[str]:
        """The token strings alone, without building ``Token`` objects."""
        pieces = self._pieces
        kinds = list(map(_KIND_CACHE.get, pieces))
        if None in kinds:
            kinds = [k or _kind(p) for p, k in zip(pieces, kinds)]
        return list(compress(pieces, map(ne, kinds, repeat("gap"))))

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]  # int -> Token, slice -> list
        return self._build()[i]

    def __len__(self) -> int:
        return len(self._build())

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
    return TokenList(text, _patterns().pieces.findall(text))
