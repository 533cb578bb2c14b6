"""Transliteration between Sorani Arabic script and Latin (Hawar as in the wergor pairs).

>>> to_latin("کوردستان جوانە")
'kurdistan cwane'
>>> to_arabic("kurdistan cwane")
'کوردستان جوانە'

Only Sorani words change script: digits, punctuation, Latin words inside Arabic text, emoji, URLs,
e-mail addresses pass through untouched (hashtags and mentions have their letters transliterated).

Arabic → Latin: the written letters map one to one except ``و`` (w, u, or û for ``وو``) and ``ی``
(y or î), and the unwritten short vowel i (bizroke, ``کردن`` → ``kirdin``) must be inserted. Those
choices are made by a model over syllable structure (``sorani._translit_model``) trained by
``scripts/build_translit.py`` on the MIT wergor pairs; word-initial ``ئ`` is silent.

Latin → Arabic is rule-driven (``data/translit/latin.tsv``): the bizroke i is dropped, ``û`` is
``وو``, a word-initial a e ê o û takes ``ئ``, ``e``/``h`` restore ``ە``/``ه``, ``ł``/``ř``
restore ``ڵ``/``ڕ``.

Schemes (``data/translit/schemes.tsv``): ``"wergor"`` (default: ł ř ḧ ë ẍ) and ``"ll-rr"``
(``ڵ`` → ``ll``, ``ڕ`` → ``rr``). ``capitalize=True`` capitalises the first word of each sentence.
Word-initial ``ر``/``ڕ`` is written ``r`` and restored as ``ر``, as in the wergor pairs.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sorani._data import read_rows
from sorani.tokenize import _AR_LETTER, _WORD, pieces

__all__ = ["to_latin", "to_arabic", "latin_word", "arabic_word", "SCHEMES", "translit_stage"]

SCHEMES = ("wergor", "ll-rr")
_CACHE_MAX = 300_000
_MEMO_LEN = 80  # longer words/chunks are converted but not memoized

_AR_RUN = re.compile(f"[{_AR_LETTER}][{_AR_LETTER}\u064b-\u0655\u0670\u0640\u200c\u200d]*")
_AR_START = re.compile(f"[{_AR_LETTER}]")
_PLAIN_WORD = re.compile(_WORD).fullmatch  # exactly one word token
# a word between runs of punctuation that are tokens of their own
_PUNCT = r"[.,،؛;:!?؟…«»()\[\]{}\"'“”‘’-]*"
_PUNCT_WORD = re.compile(f"({_PUNCT})({_WORD})({_PUNCT})").fullmatch
# the same over lines (chunks joined by line breaks)
_PLAIN_LINES = re.compile(f"^({_WORD})$", re.M).findall
_PUNCT_LINES = re.compile(f"^({_PUNCT})({_WORD})({_PUNCT})$", re.M).findall
_SENT_END = re.compile(r"[.!?؟…]")


def _check_scheme(scheme: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown transliteration scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")


# ---------------------------------------------------------------- tables (loaded once)

@cache
def _variants() -> dict[int, str]:
    return {ord(row[0]): row[1] if len(row) > 1 else "" for row in read_rows("translit/variants.tsv")}


@cache
def _variant_search():  # type: ignore[no-untyped-def]
    """``search`` of a regex matching any character ``_variants`` changes."""
    return re.compile("[" + "".join(map(re.escape, map(chr, _variants()))) + "]").search


_MODEL = None


def _model():  # type: ignore[no-untyped-def]
    global _MODEL
    if _MODEL is None:
        from sorani._translit_model import Model
        _MODEL = Model.from_rows(read_rows("translit/model.tsv"))
    return _MODEL


@cache
def _fixed_words() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("translit/words.tsv")}


@cache
def _scheme_table(scheme: str) -> dict[int, str]:
    return {ord(row[1]): row[2] for row in read_rows("translit/schemes.tsv") if row[0] == scheme}


@cache
def _latin_tables() -> tuple[dict[str, str], dict[str, str]]:
    inner: dict[str, str] = {}
    initial: dict[str, str] = {}
    for row in read_rows("translit/latin.tsv"):
        row = tuple(row) + ("", "")
        inner[row[0]] = row[1]
        initial[row[0]] = row[2]
    return inner, initial


@cache
def _reverse_scheme(scheme: str) -> tuple[tuple[str, str], ...]:
    """(variant spelling, wergor letter), longest first."""
    pairs = [(row[2], row[1]) for row in read_rows("translit/schemes.tsv") if row[0] == scheme]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


# ---------------------------------------------------------------- words

def canonical_arabic(word: str) -> str:
    """The word in the canonical letters the model knows: Arabic/Persian variants mapped, marks
    dropped, old ``ه`` + ZWNJ read as ``ە``, word-initial ``ڕ`` as ``ر``.

    >>> canonical_arabic("كوردستان")
    'کوردستان'
    """
    w = word.translate(_variants()) if _variant_search()(word) else word
    if "\u200c" in w:
        w = w.replace("ه\u200c", "ە").replace("\u200c", "")
    if w.endswith("ه") and len(w) > 1:
        w = w[:-1] + "ە"
    if w.startswith("ڕ"):
        w = "ر" + w[1:]
    return w


_FINAL_HEH = re.compile(r"(?<=[^\n])ه(?=\n|\Z)")
_INITIAL_RREH = re.compile(r"^ڕ", re.M)


def _canonical_many(words: list[str]) -> list[str]:
    """``canonical_arabic`` of each word (none containing a line break), on one joined string."""
    big = "\n".join(words)
    if _variant_search()(big):
        replacements = _variant_replacements()
        if replacements is None:
            big = big.translate(_variants())
        else:
            for a, b in replacements:
                if a in big:
                    big = big.replace(a, b)
    if "\u200c" in big:
        big = big.replace("ه\u200c", "ە").replace("\u200c", "")
    if "ه" in big:
        big = _FINAL_HEH.sub("ە", big)
    if "ڕ" in big:
        big = _INITIAL_RREH.sub("ر", big)
    return big.split("\n") if words else []


@cache
def _variant_replacements() -> list[tuple[str, str]] | None:
    """``_variants`` as ``str.replace`` steps (the same as the translation when no replacement
    makes a character another step changes), else ``None``."""
    steps = [(chr(k), v) for k, v in _variants().items() if v != chr(k)]
    if any(a in b for _, b in steps for a, _ in steps):
        return None
    return steps


def _memoized(memo: dict[str, str], word: str, scheme: str,
              convert: Callable[[str, str], str]) -> str:
    """``convert(word, scheme)`` through a bounded per-scheme memo (short words only)."""
    out = memo.get(word)
    if out is None:
        out = convert(word, scheme)
        if len(word) <= _MEMO_LEN:
            if len(memo) >= _CACHE_MAX:
                memo.clear()
            memo[word] = out
    return out


@cache
def _latin_word_cache(scheme: str) -> dict[str, str]:
    return {}


def latin_word(word: str, scheme: str = "wergor") -> str:
    """Latin spelling of one Sorani word (Arabic letters only; anything else is kept as is).

    >>> latin_word("کردن")
    'kirdin'
    >>> latin_word("ڕۆژهەڵات", scheme="ll-rr")
    'rojhellat'
    """
    _check_scheme(scheme)
    return _memoized(_latin_word_cache(scheme), word, scheme, _latin_word)


def _latin_word(word: str, scheme: str) -> str:
    if not word:
        return word
    canon = canonical_arabic(word)
    # letters the model does not know (other scripts glued in) are kept as they are
    out = _fixed_words().get(canon) or "".join((_MODEL or _model()).predict(canon)) if canon else ""
    if scheme != "wergor":
        out = out.translate(_scheme_table(scheme))
    return out


@cache
def _arabic_word_cache(scheme: str) -> dict[str, str]:
    return {}


def arabic_word(word: str, scheme: str = "wergor") -> str:
    """Sorani Arabic spelling of one Latin word; a word with letters outside the Kurdish Latin
    alphabet (a foreign name, another language) is returned unchanged.

    >>> arabic_word("kirdin")
    'کردن'
    >>> arabic_word("Hellbijardin", scheme="ll-rr")
    'هەڵبژاردن'
    """
    _check_scheme(scheme)
    return _memoized(_arabic_word_cache(scheme), word, scheme, _arabic_word)


def _arabic_word(word: str, scheme: str) -> str:
    low = word.lower()
    if "\u0307" in low:
        low = low.replace("\u0307", "")  # İ lowers to i + combining dot
    for variant, letter in _reverse_scheme(scheme):
        low = low.replace(variant, letter)
    table, initial, alphabet = _latin_compiled()
    if not alphabet(low):
        return word
    fixed = _fixed_latin().get(low)
    if fixed is not None:
        return fixed
    return initial[low[0]] + low[1:].translate(table)


@cache
def _fixed_latin() -> dict[str, str]:
    return {row[1]: row[0] for row in read_rows("translit/words.tsv")}


@cache
def _latin_compiled():  # type: ignore[no-untyped-def]
    """``str.translate`` table, word-initial forms and a full-match test of the alphabet."""
    inner, initial = _latin_tables()
    letters = "".join(sorted(inner))
    return ({ord(k): v for k, v in inner.items()}, initial,
            re.compile(f"[{re.escape(letters)}]+").fullmatch)


# ---------------------------------------------------------------- texts

def to_latin(text: str, scheme: str = "wergor", capitalize: bool = False) -> str:
    """Latin transliteration of a Sorani text; only Sorani words change.

    >>> to_latin("ساڵی ٢٠٢٠، لە هەولێر.")
    'sałî ٢٠٢٠، le hewlêr.'
    >>> to_latin("دەنووسم. ئەو هات", capitalize=True)
    'Denûsim. Ew hat'
    >>> to_latin("ڕۆژی iPhone 😀", scheme="ll-rr")
    'rojî iPhone 😀'
    """
    if not isinstance(text, str):
        raise TypeError(f"to_latin() expects str, not {type(text).__name__}")
    _check_scheme(scheme)
    if capitalize:
        out = [_latin_piece_cached(p, scheme) for p in pieces(text)]
        _capitalize(out, [_AR_START.match(p) is not None for p in pieces(text)])
        return "".join(out)
    return _by_chunks(text, scheme, _chunk_cache("latin", scheme), _latin_chunk, _latin_chunks)


_BREAK = re.compile(r"\r*\n")  # a line break with the \r a line ends with
_BREAK_OUT = re.compile(r" (\r*\n) ")


def _by_chunks(text: str, scheme: str, memo: dict[str, str], convert,  # type: ignore[no-untyped-def]
               convert_many=None) -> str:
    """Apply ``convert(chunk, scheme)`` to the space-separated chunks of ``text``, memoized.
    No token spans a space, so chunk by chunk equals token by token, and the common case (a
    chunk seen before) costs one dictionary look-up. The chunks of all lines are converted in
    one batch (``convert_many``); a line break (with the \r its line ends with) is a chunk of
    its own, kept as it is."""
    if text.endswith("\r"):
        core = text.rstrip("\r")
        return _by_chunks(core, scheme, memo, convert, convert_many) + text[len(core):]
    lines = "\n" in text
    crlf = lines and "\r" in text
    pure = False  # every line ends with \r\n (\r nowhere else)
    if crlf:
        n = text.count("\r\n")
        pure = n == text.count("\r") == text.count("\n")
        text = text.replace("\r\n", " \r\n ") if pure else _BREAK.sub(r" \g<0> ", text)
    elif lines:
        text = text.replace("\n", " \n ")
    chunks = text.split(" ")
    out = list(map(memo.get, chunks))
    if None in out:
        if len(memo) >= _CACHE_MAX:
            memo.clear()
        missing = set(chunks).difference(memo)
        new = {}
        if lines:
            for chunk in [chunk for chunk in missing if "\n" in chunk]:
                missing.discard(chunk)
                new[chunk] = chunk
        if convert_many is not None:
            new.update(convert_many(missing, scheme))
        else:
            new.update((chunk, convert(chunk, scheme)) for chunk in missing)
        if max(map(len, new)) <= _MEMO_LEN:
            memo.update(new)
        else:
            memo.update((k, v) for k, v in new.items() if len(k) <= _MEMO_LEN)
        out = list(map(new.get, chunks, out))
    res = " ".join(out)  # type: ignore[arg-type]
    if not lines:
        return res
    if pure:
        return res.replace(" \r\n ", "\r\n")
    return _BREAK_OUT.sub(r"\1", res) if crlf else res.replace(" \n ", "\n")


@cache
def _chunk_cache(direction: str, scheme: str) -> dict[str, str]:
    return {}


def _latin_chunks(chunks: set[str], scheme: str) -> dict[str, str]:
    """``_latin_chunk`` of many chunks (the cold path): the chunks are sorted by kind with
    regexes over their joined text, and the words not seen before go to the model in one
    batch (``_latin_words``)."""
    words = _chunk_cache("latin-piece", scheme)
    rest = [chunk for chunk in chunks if "\n" not in chunk]
    if len(rest) < len(chunks):  # (never from _by_chunks) a chunk with a line break
        return {chunk: _latin_chunk(chunk, scheme) for chunk in chunks}
    big = "\n".join(rest)
    plain = _PLAIN_LINES(big)
    wrapped = []
    need = set(plain).difference(words)
    other = []
    if len(plain) < len(rest):
        left_over = set(rest).difference(plain)
        wrapped = _PUNCT_LINES("\n".join(left_over))
        need.update(set([w for _, w, _ in wrapped]).difference(words))
        if len(wrapped) < len(left_over):
            left_over.difference_update([left + w + right for left, w, right in wrapped])
        else:
            left_over = set()
        for chunk in left_over:
            if chunk:
                ps = pieces(chunk)
                other.append((chunk, ps))
                need.update(p for p in ps if _AR_START.match(p) and p not in words)
            else:
                other.append((chunk, ()))
    new = _latin_words(need, scheme, words) if need else {}
    get = words.get
    out = dict(zip(plain, map(new.get, plain, map(get, plain))))
    for left, word, right in wrapped:
        out[left + word + right] = left + (new[word] if word in new else words[word]) + right
    for chunk, ps in other:
        parts = []
        for p in ps:
            if _AR_START.match(p):
                parts.append(new[p] if p in new else words[p])
            elif p[0] in "#@" and len(p) > 1:
                parts.append(_latin_piece(p, scheme))
            else:
                parts.append(p)
        out[chunk] = "".join(parts)
    if len(words) >= _CACHE_MAX:
        words.clear()
    return out


def _latin_words(need: set[str], scheme: str, words: dict[str, str]) -> dict[str, str]:
    """Latin of each word of ``need`` (Arabic-letter pieces without line breaks, not in the memo
    ``words``, which learns them and their canonical forms): known spellings from
    ``words.tsv``, the rest from the model in one batch."""
    need_list = list(need)
    cws = _canonical_many(need_list)
    got = list(map(words.get, cws))  # spelling variants share a canonical form
    if None in got:
        fixed = _fixed_words()
        table = _scheme_table(scheme) if scheme != "wergor" else None
        res_cw: dict[str, str] = {}
        missing = {cw for cw, r in zip(cws, got) if r is None}
        for cw in missing.intersection(fixed):
            r = fixed[cw]
            if r:
                res_cw[cw] = r.translate(table) if table else r
        todo = list(missing.difference(res_cw))
        if todo:
            outs = (_MODEL or _model()).transliterate(todo)
            if table:
                outs = [r.translate(table) for r in outs]
            res_cw.update(zip(todo, outs))
        got = list(map(res_cw.get, cws, got))
        _memo_update(words, res_cw)
    res = dict(zip(need_list, got))
    _memo_update(words, res)  # type: ignore[arg-type]
    return res  # type: ignore[return-value]


def _memo_update(memo: dict[str, str], new: dict[str, str]) -> None:
    """Add the entries of ``new`` with keys up to ``_MEMO_LEN`` long to ``memo``."""
    if new and max(map(len, new)) <= _MEMO_LEN:
        memo.update(new)
    else:
        memo.update((k, v) for k, v in new.items() if len(k) <= _MEMO_LEN)


def _latin_chunk(chunk: str, scheme: str) -> str:
    if not chunk:
        return chunk
    if _PLAIN_WORD(chunk):  # the common case: one Sorani word
        memo = _chunk_cache("latin-piece", scheme)
        res = memo.get(chunk)
        if res is None:
            canon = canonical_arabic(chunk)
            res = _fixed_words().get(canon) or "".join((_MODEL or _model()).predict(canon))
            if scheme != "wergor":
                res = res.translate(_scheme_table(scheme))
            if len(chunk) <= _MEMO_LEN:
                memo[chunk] = res
        return res
    return "".join([_latin_piece_cached(p, scheme) for p in pieces(chunk)])


def _latin_piece_cached(piece: str, scheme: str) -> str:
    memo = _chunk_cache("latin-piece", scheme)
    res = memo.get(piece)
    if res is None:
        res = _latin_piece(piece, scheme)
        if len(piece) <= _MEMO_LEN:
            if len(memo) >= _CACHE_MAX:
                memo.clear()
            memo[piece] = res
    return res


def _latin_piece(piece: str, scheme: str) -> str:
    first = piece[0]
    if _AR_START.match(first):
        return _latin_word(piece, scheme)
    if (first == "#" or first == "@") and len(piece) > 1:  # hashtag, mention
        return _AR_RUN.sub(lambda m: latin_word(m.group(), scheme), piece)
    return piece


def _capitalize(out: list[str], is_word: list[bool]) -> None:
    start = True
    for i, piece in enumerate(out):
        if is_word[i]:
            if start and piece:
                out[i] = piece[0].upper() + piece[1:]
            start = False
        elif _SENT_END.search(piece):
            start = True
        elif piece.strip() and not piece.isspace() and piece[0].isalnum():
            start = False


_LATIN_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+").fullmatch  # one plain Latin word


def to_arabic(text: str, scheme: str = "wergor") -> str:
    """Sorani Arabic-script spelling of a Latin (Hawar) text; Arabic-script words, digits,
    punctuation, URLs, e-mail addresses and emoji pass through.

    >>> to_arabic("Ez dixwazim bo Hewlêr biçim, 2024!")
    'ئەز دخوازم بۆ هەولێر بچم, 2024!'
    >>> to_arabic("serok Barzanî", scheme="ll-rr")
    'سەرۆک بارزانی'
    """
    if not isinstance(text, str):
        raise TypeError(f"to_arabic() expects str, not {type(text).__name__}")
    _check_scheme(scheme)
    return _by_chunks(text, scheme, _chunk_cache("arabic", scheme), _arabic_chunk, _arabic_chunks)


def _arabic_chunks(chunks: set[str], scheme: str) -> dict[str, str]:
    """``_arabic_chunk`` of many chunks; a chunk that is one plain Latin word takes the short way."""
    plain = _LATIN_WORD
    out = {}
    for chunk in chunks:
        out[chunk] = _arabic_word(chunk, scheme) if plain(chunk) else _arabic_chunk(chunk, scheme)
    return out


def _arabic_chunk(chunk: str, scheme: str) -> str:
    if not chunk:
        return chunk
    memo = _arabic_piece_cache(scheme)
    out = []
    for piece in pieces(chunk):
        res = memo.get(piece)
        if res is None:
            res = _arabic_piece(piece, scheme)
            if len(piece) <= _MEMO_LEN:
                if len(memo) >= _CACHE_MAX:
                    memo.clear()
                memo[piece] = res
        out.append(res)
    return "".join(out)


@cache
def _arabic_piece_cache(scheme: str) -> dict[str, str]:
    return {}


def _arabic_piece(piece: str, scheme: str) -> str:
    first = piece[0]
    if first.isalpha() and not _AR_START.match(first) and not _URLISH.match(piece):
        # a Latin word, maybe with inner ' or - : transliterate the letter runs
        return _LATIN_RUN.sub(lambda m: arabic_word(m.group(), scheme), piece)
    if (first == "#" or first == "@") and len(piece) > 1:
        return _LATIN_RUN.sub(lambda m: arabic_word(m.group(), scheme), piece)
    return piece


_URLISH = re.compile(r"(?:https?://|www\.)|[^\s@]+@[^\s@]+\.")


# ---------------------------------------------------------------- Doc stage

def translit_stage(doc) -> None:  # type: ignore[no-untyped-def]
    """Doc stage ``translit``: fill ``token.latin`` for words, hashtags and mentions.

    >>> from sorani.doc import analyze
    >>> [t.latin for t in analyze("سڵاو 2!", stages=["translit"]).tokens]
    ['siław', None, None]
    """
    for tok in doc.tokens:
        if tok.kind in ("word", "hashtag", "mention"):
            tok.latin = _latin_piece_cached(tok.text, "wergor")
