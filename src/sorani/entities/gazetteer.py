"""Search folding, word scanning and the authored gazetteer (``sorani/data/gazetteer``).

Matching is done on *folded keys*: Arabic and Persian letter forms, ``ه``/``ە``, ``ڕ``/``ر``,
``ڵ``/``ل``, doubled ``وو`` and ``یی``, ZWNJ, tatweel and harakat do not matter.

>>> fold_key("ئه‌ڵمانیا") == fold_key("ئەلمانیا")
True
>>> [(w.start, w.end, w.key) for w in scan("لە تورکیا، ١٣٠")]
[(0, 2, 'لە'), (3, 9, 'تورکیا'), (9, 10, '،'), (11, 14, '130')]
>>> gazetteer().lookup("ئەڵمانیا").english
'Germany'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, repeat
from operator import is_
from pathlib import Path
from typing import Any

from sorani._chars import AR_LETTER as _AR_LETTER
from sorani._data import SortedWords, cached_derived, compile_cached, data_path
from sorani._gc import no_cycle_collection

# one-to-one character folding (offsets are kept): letter variants, digits, dashes, quotes
_FOLD_PAIRS = {
    "ك": "ک", "ي": "ی", "ى": "ی", "ې": "ێ", "ۍ": "ێ", "ة": "ە", "ه": "ە", "ھ": "ە", "ۀ": "ە",
    "ڕ": "ر", "ڵ": "ل", "ؤ": "ۆ", "أ": "ا", "إ": "ا", "ٱ": "ا", "ڤ": "ڤ", "ۋ": "ۆ", "ٶ": "ۆ",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}
_FOLD_PAIRS.update({chr(0x0660 + i): str(i) for i in range(10)})
_FOLD_PAIRS.update({chr(0x06F0 + i): str(i) for i in range(10)})
FOLD = str.maketrans(_FOLD_PAIRS)
# the same table as a list indexed by code point (a character past its end is left as it is:
# str.translate keeps a character whose lookup raises IndexError), read much faster than a dict
_FOLD_TABLE = list(range(max(FOLD) + 1))
for _c, _v in FOLD.items():
    _FOLD_TABLE[_c] = ord(_v)
del _c, _v
# characters left out of a key (they are kept in the folded text so offsets stay one-to-one)
_DROP = compile_cached("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u2060\ufeff]")

# the Arabic-script letters of the tokenizer; marks here exclude the bidi marks (gaps)
_AR_MARK = r"\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
# words, numbers and single punctuation characters, matched in the original (unfolded) text:
# folding maps letters to letters and Arabic-Indic/Persian digits to ASCII ones, so the digit
# classes take all three digit sets and the units are those of the folded text
_DIGIT = r"0-9\u0660-\u0669\u06f0-\u06f9"
_WORD = compile_cached(rf"[{_AR_LETTER}][{_AR_LETTER}{_AR_MARK}]*|[A-Za-z][A-Za-z{_DIGIT}]*"
                   rf"|[{_DIGIT}]+(?:[.,٫٬][{_DIGIT}]+)*|[^\s{_AR_MARK}\u200b\u200e\u200f\ufeff]")
# (skipped characters, unit): every character outside a unit is one _WORD does not start with
_GAP_WORD = compile_cached(rf"([\s{_AR_MARK}\u200b\u200e\u200f\ufeff]*)({_WORD.pattern})")
_SPLIT_WORD = compile_cached(f"({_WORD.pattern})")  # split: gap, unit, gap, unit, …, gap


def fold(text: str) -> str:
    """Fold ``text`` one character to one character (same length, same offsets).

    >>> fold("كوردستانی") == "کوردستانی"
    True
    """
    return text.translate(_FOLD_TABLE)


def fold_key(text: str) -> str:
    """The matching key of a word: folded, marks and joiners dropped, ``وو``/``یی`` collapsed.

    >>> fold_key("بەرگریی") == fold_key("بەرگری")
    True
    """
    got = _FOLD_KEYS.get(text)
    if got is None:  # (the same words and names recur: the keys of short ones are kept)
        if len(text) > 64:
            return key_of_folded(text.translate(_FOLD_TABLE))
        if len(_FOLD_KEYS) > 100_000:
            _FOLD_KEYS.clear()
        got = _FOLD_KEYS[text] = key_of_folded(text.translate(_FOLD_TABLE))
    return got


_FOLD_KEYS: dict[str, str] = {}  # text -> fold_key(text)


def key_of_folded(s: str) -> str:
    """``fold_key`` of a string that is already ``fold``-ed."""
    if _DROP.search(s):
        s = _DROP.sub("", s)
    if "وو" in s:
        s = s.replace("وو", "و")
    if "یی" in s:
        s = s.replace("یی", "ی")
    return s


class Word:
    """A scanned unit: a word, a number or one punctuation character, with its span in the
    original text, its folded form ``f`` (same length as the original) and its key."""

    __slots__ = ("start", "end", "f", "key", "kind")

    def __init__(self, start: int, end: int, f: str, key: str | None = None, kind: str | None = None) -> None:
        self.start, self.end, self.f = start, end, f
        if key is None or kind is None:
            _, key, kind = _form(f)
        self.key, self.kind = key, kind

    def __repr__(self) -> str:
        return f"Word({self.f!r}, {self.start}, {self.end})"


class WordList(list):  # type: ignore[type-arg]
    """The list of words ``scan`` returns; later stages keep their per-text indexes of it in
    ``cache`` (the list is not changed after the scan)."""

    __slots__ = ("cache", "units", "starts", "ends")

    def __init__(self, words: Any = ()) -> None:
        super().__init__(words)
        self.cache: dict[str, Any] = {}
        self.units: dict[str, list[int]] | None = None  # scan: unit of the text -> its word indices
        self.starts: list[int] | None = None  # scan: the words' start offsets
        self.ends: list[int] | None = None  # scan: the words' end offsets


def scan(text: str) -> list[Word]:
    """Words, numbers and punctuation of ``text`` with offsets into it.

    >>> [w.f for w in scan("«سڵاو»")] == ["«", "سلاو", "»"]
    True
    """
    return _scan(text, None)


def scan_reusing(text: str) -> list[Word]:
    """``scan``, its words taken from those given back by ``recycle`` (they are set anew): for
    a caller whose words never leave it (``sorani.facts.extract_facts``).

    >>> words = scan_reusing("لە تورکیا")
    >>> recycle(words)
    >>> [(w.f, w.start) for w in scan_reusing("«سڵاو»")] == [("«", 0), ("سلاو", 1), ("»", 5)]
    True
    """
    return _scan(text, _POOL)


def recycle(words: list[Word]) -> None:
    """Give the words of a ``scan_reusing`` back, to be reused by the next one. The caller must
    hold no other reference to them (nor to the list, which is emptied)."""
    room = _POOL_MAX - len(_POOL)
    if room > 0 and type(words) is WordList:
        _POOL.extend(words[:room])
    words.clear()


_POOL: list[Word] = []  # words given back by recycle
_POOL_MAX = 30_000  # (a long document; more would only hold memory)


def _scan(text: str, pool: list[Word] | None) -> list[Word]:
    forms = _FORMS
    if len(forms) > 200_000:
        forms.clear()
    compiled = _compiled_scan()
    if compiled is not None:  # the same words, split and set in C (sorani/_facts_c.c)
        out = WordList()
        with no_cycle_collection():
            out.units, out.starts, out.ends, at, merged, fkeys, fbits = compiled(
                text, forms, _add_forms, pool, out, Word, _WORD_SLOTS)
        out.cache["key_at"] = (at, merged)  # (taken by the tagger's key index of these words)
        out.cache["flagged"] = _flagged(fkeys, fbits)
        return out
    forms_get = forms.get
    # the units and the gaps between them, in one flat list (no tuple a unit): every character
    # is either a gap character or one a unit starts with, so the units are those of _GAP_WORD;
    # the running sum of the lengths gives each unit's start (even places) and end (odd places)
    parts = _SPLIT_WORD.split(text)
    offsets = list(accumulate(map(len, parts)))
    unit_list = parts[1::2]
    # (folded form, key, kind) of each unit, read in C; the forms not met before are made at once
    infos = list(map(forms_get, unit_list))
    if None in infos:
        new_units = list(dict.fromkeys(compress(unit_list, map(is_, infos, repeat(None)))))
        forms.update(zip(new_units, _with_bits(_forms(new_units))))
        infos = list(map(forms_get, unit_list))
    starts, ends = offsets[0::2], offsets[1::2]
    with no_cycle_collection():
        if pool:  # words of earlier texts, set anew (no allocation, and none freed)
            k = len(pool) - min(len(pool), len(infos))
            out = WordList(pool[k:])
            del pool[k:]
            for w, start, end, info in zip(out, starts, ends, infos):
                w.start = start
                w.end = end
                w.f, w.key, w.kind, _ = info
            if len(out) < len(infos):
                m = len(out)
                starts_, ends_, infos_ = starts[m:], ends[m:], infos[m:]
            else:
                starts_ = ends_ = infos_ = []
        else:
            out = WordList()
            starts_, ends_, infos_ = starts, ends, infos
        append = out.append
        new = object.__new__
        for start, end, info in zip(starts_, ends_, infos_):
            w = new(Word)  # the slots set here, without a call of Word.__init__ a word
            w.start = start
            w.end = end
            w.f, w.key, w.kind, _ = info
            append(w)
        units: dict[str, list[int]] = {}
        units_get = units.get
        i = 0
        for unit in unit_list:
            at = units_get(unit)
            if at is None:
                units[unit] = [i]
            else:
                at.append(i)
            i += 1
    out.units = units
    out.starts, out.ends = starts, ends
    # the keys with query bits, each once, in the order of their first unit (as the C scan)
    seen: set[str] = set()
    fkeys, fbits = [], []
    for unit in units:
        _, key, _, bits = forms[unit]
        if key not in seen:
            seen.add(key)
            if bits:
                fkeys.append(key)
                fbits.append(bits)
    out.cache["flagged"] = _flagged(fkeys, fbits)
    return out


def _flagged(keys: list[str], bits: list[int]) -> tuple[int, int, list[str], list[int]]:
    """What ``_KeyIndex.found`` reads of a scan: (generation, the bits of the queries known now,
    the text's keys some query finds, their bits)."""
    return _QUERY_GEN[0], (1 << len(_KEY_QUERIES)) - 1, keys, bits


_WORD_SLOTS = (Word.start, Word.end, Word.f, Word.key, Word.kind)  # (member descriptors, for the C scan)
_COMPILED: list[Any] = []


def _compiled_scan() -> Any:
    """``scan`` of ``sorani._facts_c`` (None: not built, or ``SORANI_PURE_PYTHON`` set)."""
    if not _COMPILED:
        from sorani._compiled import load

        module = load("_facts_c", 5)
        _COMPILED[:] = [module.scan, module.forms] if module is not None else [None, None]
    return _COMPILED[0]


_KINDS = ("num", "word", "punct")


def _add_forms(new_units: list[str]) -> None:
    """Add the forms of units not met before to ``_FORMS`` (called by the C scan; its ``forms``
    is ``_forms`` in C)."""
    _FORMS.update(zip(new_units, _with_bits(_COMPILED[1](new_units, _FOLD_TABLE, _KINDS))))


# Queries over the keys of a text (``sorani.entities.tagger._KeyIndex.found``): a regex whose
# verdict on a key depends on the key alone. Each has a bit; a form in ``_FORMS`` carries the bits
# of the queries that find its key, so that the compiled scan lists a text's keys found by any
# query (``flagged``) and a query runs over the keys of new forms only.
# (id of the regex, lines) -> (its bit, the regex): by id, since hashing a compiled pattern hashes
# all its code (a name trie's is large) at every call; the entry keeps the regex, so its id stays
_KEY_QUERIES: dict[tuple[int, bool], tuple[int, Any]] = {}
_QUERY_GEN = [0]  # changed when the bits are given out anew


def key_query(rx: Any, lines: bool) -> tuple[int, int]:
    """(bit, generation) of the query ``rx`` (``findall`` over the keys, one a line after a line
    break, a group the whole key; or with ``lines`` the keys in whose line it finds a match); a
    new query is given the next bit and the forms met before get its verdict."""
    query = (id(rx), lines)
    got = _KEY_QUERIES.get(query)
    if got is not None:
        return got[0], _QUERY_GEN[0]
    if len(_KEY_QUERIES) >= 60:  # (queries made anew again and again: start over)
        _KEY_QUERIES.clear()
        _QUERY_GEN[0] += 1
        for unit, info in _FORMS.items():
            _FORMS[unit] = info[:3] + (0,)
    bit = 1 << len(_KEY_QUERIES)
    _KEY_QUERIES[query] = (bit, rx)
    hits = set(query_keys(list({info[1]: None for info in _FORMS.values()}), rx, lines))
    if hits:
        for unit, info in _FORMS.items():
            if info[1] in hits:
                _FORMS[unit] = info[:3] + (info[3] | bit,)
    return bit, _QUERY_GEN[0]


def query_keys(keys: list[str], rx: Any, lines: bool, blob: str | None = None) -> list[str]:
    """The keys of ``keys`` that the query ``(rx, lines)`` finds (``key_query``); ``blob``, if
    given, is ``keys`` joined as here (made once for several queries)."""
    if blob is None:
        blob = "\n" + "\n".join(keys)
    return list(keys_ending(blob, rx)) if lines else rx.findall(blob)


def keys_ending(blob: str, rx: Any) -> set[str]:
    """The keys of ``blob`` (one a line, after a line break) in which ``rx`` finds a match: the
    line of each match."""
    out = set()
    for m in rx.finditer(blob):
        p = m.start()
        e = blob.find("\n", p)
        out.add(blob[blob.rfind("\n", 0, p) + 1:e if e >= 0 else len(blob)])
    return out


def _with_bits(infos: list[tuple[str, str, str]]) -> list[tuple[str, str, str, int]]:
    """``infos`` (folded form, key, kind) with the bits of the queries that find each key."""
    if not _KEY_QUERIES:
        return [info + (0,) for info in infos]
    keys = list({info[1]: None for info in infos})
    bits = dict.fromkeys(keys, 0)
    blob = "\n" + "\n".join(keys)
    for (_, lines), (bit, rx) in _KEY_QUERIES.items():
        for k in query_keys(keys, rx, lines, blob):
            bits[k] |= bit
    return [info + (bits[info[1]],) for info in infos]


def _forms(raw: list[str]) -> list[tuple[str, str, str]]:
    """``_form`` of each unit of ``raw`` (units hold no line break): one translation, one
    deletion and one collapse over them all, joined by line breaks.

    >>> _forms(["ئه‌ڵمانیا", "،", "١٣٠"]) == [_form(u) for u in ("ئه‌ڵمانیا", "،", "١٣٠")]
    True
    """
    folded = "\n".join(raw).translate(_FOLD_TABLE)
    keys = key_of_folded(folded)  # (a line break keeps the units' collapses apart)
    out = []
    for u, f, key in zip(raw, folded.split("\n"), keys.split("\n")):
        if f == u:  # (one string kept for the unit, its form and its key when they are alike)
            f = u
        if key == f or len(f) == 1:
            key = f
        c = f[0]
        out.append((f, key, "num" if c.isdigit() else ("word" if c.isalpha() else "punct")))
    return out


# raw word form -> (folded form, key, kind, the key_query bits of its key): the same forms recur
# all through a text
_FORMS: dict[str, tuple[str, str, str, int]] = {}


def _form(raw: str) -> tuple[str, str, str]:
    """(folded form, key, kind) of a unit of the original text."""
    if _FOLDED_OR_DROPPED.search(raw) is None and "وو" not in raw and "یی" not in raw:
        f = key = raw  # nothing to fold, drop or collapse (most words)
    else:
        f = raw.translate(_FOLD_TABLE)
        key = key_of_folded(f) if len(f) > 1 else f
    c = f[0]
    return f, key, "num" if c.isdigit() else ("word" if c.isalpha() else "punct")


# the characters that folding changes or a key leaves out
_FOLDED_OR_DROPPED = compile_cached("[" + re.escape("".join(_FOLD_PAIRS)) + "\u064b-\u065f\u0670\u0640\u06d6-\u06ed"
                                "\u200b-\u200f\u2060\ufeff]")


def word_keys(text: str) -> list[str]:
    """Keys of the words of ``text`` (punctuation and numbers included).

    >>> word_keys("ناگۆرنۆ - قەرەباخ")
    ['ناگۆرنۆ', '-', 'قەرەباخ']
    """
    # the keys of the units ``scan`` finds, without building its words (the gazetteer and the
    # rule vocabulary call this for every entry at load)
    forms, keys = _FORMS, _UNIT_KEYS
    if len(keys) > 200_000:
        keys.clear()
    out = []
    for unit in _SPLIT_WORD.split(text)[1::2]:
        key = keys.get(unit)
        if key is None:
            info = forms.get(unit)
            key = keys[unit] = info[1] if info is not None else _form(unit)[1]
        out.append(key)
    return out


_UNIT_KEYS: dict[str, str] = {}  # unit -> its key, for word_keys


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: ``label`` PER/LOC/ORG, canonical ``english`` name, ``subtype``,
    ``wikidata`` id ('' when unknown) and its Sorani ``variants``."""

    label: str
    english: str
    subtype: str
    wikidata: str
    variants: tuple[str, ...]


class Gazetteer:
    """The loaded gazetteer: single-word names by key, multi-word names by their first key."""

    def __init__(self, entries: list[Entry], variant_keys: list[Any] | None = None) -> None:
        self.entries = entries
        self.single: dict[str, tuple[Entry, bool]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], Entry, bool]]] = {}
        for n, e in enumerate(entries):
            for i, v in enumerate(e.variants):
                ambiguous = v.startswith("~")
                # the keys of each variant, computed here or given (as ``gazetteer`` caches them)
                keys = tuple(variant_keys[n][i] if variant_keys else word_keys(v.lstrip("~")))
                if not keys:
                    continue
                if len(keys) == 1:
                    self.single.setdefault(keys[0], (e, ambiguous))
                else:
                    self.multi.setdefault(keys[0], []).append((keys, e, ambiguous))
        for lst in self.multi.values():
            lst.sort(key=lambda item: -len(item[0]))
        self._surface: dict[str, tuple[tuple[Entry, bool], int]] | None = None
        self.word_cache: dict[str, Any] = {}  # word form -> match candidates (entities.tagger)

    def surface(self) -> dict[str, tuple[tuple[Entry, bool], int]]:
        """Every one-word name with every allowed suffix: surface key -> (hit, name length)."""
        if self._surface is None:
            self._surface = _Surface(self.single)
        return self._surface

    def lookup(self, name: str) -> Entry | None:
        """The entry whose spelling is exactly ``name`` (after folding), or ``None``."""
        keys = tuple(word_keys(name))
        if len(keys) == 1:
            hit = self.single.get(keys[0])
            return hit[0] if hit else None
        for k, e, _ in self.multi.get(keys[0], ()) if keys else ():
            if k == keys:
                return e
        return None


class _Surface(dict):  # type: ignore[type-arg]
    """``Gazetteer.surface()``, filled on lookup: every one-word name key, and every key followed
    by an allowed suffix (a name listed earlier wins a clash, as when the table was built
    whole); ``get`` is the only way to read it."""

    def __init__(self, single: dict[str, tuple[Entry, bool]]) -> None:
        super().__init__()
        self.single = single
        self.order: dict[str, int] | None = None
        self.suffixes, _, self.longest = affixes()

    def get(self, key: str, default: Any = None) -> Any:
        try:
            got = self[key]
            return default if got is None else got
        except KeyError:
            pass
        single = self.single
        hit = single.get(key)
        if hit is not None:
            got: Any = (hit, len(key))
        else:
            got = None
            if self.order is None:
                self.order = {k: i for i, k in enumerate(single)}
            order, suffixes, best = self.order, self.suffixes, len(single)
            for n in range(1, min(self.longest, len(key)) + 1):
                if key[-n:] in suffixes:
                    i = order.get(key[:-n])
                    if i is not None and i < best:
                        best, got = i, key[:-n]
            if got is not None:
                got = (single[got], len(got))
        if len(self) > 200_000:
            self.clear()
        self[key] = got
        return default if got is None else got


GAZETTEER_FILES = ("countries.tsv", "places.tsv", "kurdish_places.tsv", "organisations.tsv", "people.tsv")


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of ``sorani/data/gazetteer`` (loaded once). The parsed rows and the keys of
    their variants are kept in the user cache directory (``sorani._data.cached_derived``, checked
    against the data files and this code), which saves ~15 ms at the start of a process."""
    import sorani._chars

    sources = [str(data_path("gazetteer") / name) for name in GAZETTEER_FILES]
    tables = cached_derived("gazetteer-tables", sources + [__file__, sorani._chars.__file__], _gazetteer_tables)
    got = _gazetteer_from_tables(tables)
    if got is None:  # (a field holding a separator: never in the shipped data)
        rows = _gazetteer_rows()
        got = Gazetteer([Entry(*row[:4], tuple(row[4])) for row in rows], [row[5] for row in rows])
    return got


# The cached form of the gazetteer: its entries and both tables as a few strings (one line a
# row, tab-separated fields), which ``marshal`` reads in one piece and ``str.split`` takes apart
# in C; the objects of ``Gazetteer`` are then made with few Python-level steps (~5 ms less at
# the start of a process than rows of tuples and ``Gazetteer.__init__``).
_SEPS = ("\n", "\t", "\x1f")


def _gazetteer_tables() -> tuple[str, ...] | None:
    """(entries, single-word keys, their entries, their ambiguity, multi-word keys, their
    entries, their ambiguity, and the four ``_heads_of``) of the gazetteer, each a string of
    lines; None when a field holds a separator."""
    rows = _gazetteer_rows()
    gaz = Gazetteer([Entry(*row[:4], tuple(row[4])) for row in rows], [row[5] for row in rows])
    fields = [f for e in gaz.entries for f in (e.label, e.english, e.subtype, e.wikidata, *e.variants)]
    if not gaz.entries or any(sep in f for f in fields for sep in _SEPS) \
            or any(not v for e in gaz.entries for v in e.variants) \
            or any(not k or "\n" in k for k in gaz.single) \
            or any(not k or " " in k or "\n" in k for lst in gaz.multi.values() for keys, _, _ in lst for k in keys):
        return None
    index = {id(e): n for n, e in enumerate(gaz.entries)}
    multi = [(keys, e, amb) for lst in gaz.multi.values() for keys, e, amb in lst]
    return ("\n".join("\t".join((e.label, e.english, e.subtype, e.wikidata, "\x1f".join(e.variants)))
                      for e in gaz.entries),
            "\n".join(gaz.single), "\n".join(str(index[id(e)]) for e, _ in gaz.single.values()),
            "\n".join("1" if amb else "" for _, amb in gaz.single.values()),
            "\n".join(" ".join(keys) for keys, _, _ in multi), "\n".join(str(index[id(e)]) for _, e, _ in multi),
            "\n".join("1" if amb else "" for _, _, amb in multi), *_heads_of(gaz))


def _heads_of(gaz: Gazetteer) -> tuple[str, str, str, str]:
    """The prefilters of the tagger (``_single_heads``, ``_name_heads``) as lines: the lengths of
    the one-word name keys, their first three letters, the first three letters of every name key,
    and the name keys shorter than three letters."""
    keys = list(gaz.single) + list(gaz.multi)
    return ("\n".join(map(str, sorted({len(k) for k in gaz.single}))), "\n".join(sorted({k[:3] for k in gaz.single})),
            "\n".join(sorted({k[:3] for k in keys})), "\n".join(sorted({k for k in keys if len(k) < 3})))


def _gazetteer_from_tables(tables: Any) -> Gazetteer | None:
    """The ``Gazetteer`` of ``_gazetteer_tables`` (None for anything else)."""
    if not isinstance(tables, tuple) or len(tables) != 11 or not all(type(t) is str for t in tables):
        return None
    with no_cycle_collection():
        try:
            return _gazetteer_build(tables)
        except (ValueError, IndexError):  # (a cache file not written by _gazetteer_tables)
            return None


def _gazetteer_build(tables: tuple[str, ...]) -> Gazetteer:
    rows, s_keys, s_idx, s_amb, m_keys, m_idx, m_amb = (t.split("\n") for t in tables[:7])
    new, entries = object.__new__, []
    append = entries.append
    for row in rows:
        label, english, subtype, wikidata, variants = row.split("\t")
        e = new(Entry)  # (a frozen dataclass: its fields set as __init__ would, without its calls)
        e.__dict__.update(label=label, english=english, subtype=subtype, wikidata=wikidata,
                          variants=tuple(variants.split("\x1f")) if variants else ())
        append(e)
    gaz = new(Gazetteer)
    gaz.entries = entries
    at = entries.__getitem__
    gaz.single = dict(zip(s_keys, zip(map(at, map(int, s_idx)), map(bool, s_amb)))) if tables[1] else {}
    multi: dict[str, list[tuple[tuple[str, ...], Entry, bool]]] = {}
    if tables[4]:
        for keys, e, amb in zip(map(str.split, m_keys, repeat(" ")), map(at, map(int, m_idx)), map(bool, m_amb)):
            lst = multi.get(keys[0])
            if lst is None:
                lst = multi[keys[0]] = []
            lst.append((tuple(keys), e, amb))
    gaz.multi = multi
    gaz._surface = None
    gaz.word_cache = {}
    lengths, heads, three, short = (frozenset(t.split("\n")) if t else frozenset() for t in tables[7:])
    gaz.heads = (tuple(sorted(map(int, lengths))), heads, three, short)  # (read by the tagger)
    return gaz


def _gazetteer_rows() -> list[tuple[str, str, str, str, tuple[str, ...], list[list[str]]]]:
    """(label, english, subtype, wikidata, variants, the keys of each variant) of every entry."""
    rows = []
    for e in _gazetteer_entries():
        rows.append((e.label, e.english, e.subtype, e.wikidata, e.variants,
                     [word_keys(v.lstrip("~")) for v in e.variants]))
    return rows


def _gazetteer_entries() -> list[Entry]:
    entries: list[Entry] = []
    for name in GAZETTEER_FILES:
        for line in _lines(data_path("gazetteer") / name):
            cells = line.split("\t")
            if len(cells) < 3 or cells[2] not in ("PER", "LOC", "ORG"):
                continue
            cells += [""] * (5 - len(cells))
            variants = tuple(v.strip() for v in cells[0].split("|") if v.strip())
            entries.append(Entry(cells[2], cells[1].strip(), cells[3].strip(), cells[4].strip(), variants))
    return entries


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def affixes() -> tuple[frozenset[str], tuple[str, ...], int]:
    """(suffix keys, prefix keys longest first, longest suffix length)."""
    suffixes = frozenset(fold_key(s.strip()) for s in _lines(data_path("gazetteer") / "suffixes.tsv"))
    prefixes = tuple(sorted({fold_key(s.strip()) for s in _lines(data_path("gazetteer") / "prefixes.tsv")},
                            key=len, reverse=True))
    return suffixes, prefixes, max(map(len, suffixes))


@cache
def triggers() -> dict[str, dict[tuple[str, ...], str]]:
    """Rule vocabulary of ``entities/triggers.tsv``: category -> {key tuple: phrase} (kept in
    the user cache directory like ``gazetteer``)."""
    import sorani._chars

    sources = [str(data_path("entities") / "triggers.tsv"), __file__, sorani._chars.__file__]
    return cached_derived("triggers", sources, _triggers)  # type: ignore[no-any-return]


def _triggers() -> dict[str, dict[tuple[str, ...], str]]:
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for line in _lines(data_path("entities") / "triggers.tsv"):
        cat, _, phrase = line.partition("\t")
        phrase, _, value = phrase.partition("\t")
        phrase = phrase.strip()
        if value.strip():
            out.setdefault(cat.strip(), {})[tuple(word_keys(phrase))] = value.strip()
            continue
        if phrase:
            out.setdefault(cat.strip(), {})[tuple(word_keys(phrase))] = phrase
    return out


@cache
def single_triggers(category: str) -> frozenset[str]:
    """The one-word phrases of a trigger category, as keys."""
    return frozenset(k[0] for k in triggers().get(category, {}) if len(k) == 1)


_COMMON: list[Any] = []  # the loaded common words: a SortedWords, then a frozenset
_COMMON_SET_AFTER = 1000  # words searched (~20 us each) in the sorted list before the set pays for its ~15 ms


def common_words() -> frozenset[str]:
    """Keys of common (non-name) Sorani words: built by ``scripts/build_entity_lexicon.py``
    (sorted, one a line). Only ``in`` may be asked: the first texts search the sorted list
    (``sorani._data.SortedWords``), later ones get a ``frozenset`` (loaded once)."""
    if _COMMON:
        got = _COMMON[0]
        if type(got) is not frozenset and got.lookups > _COMMON_SET_AFTER:
            got = _COMMON[0] = got.to_frozenset()
        return got  # type: ignore[no-any-return]
    path = data_path("entities") / "common_words.txt"
    if not path.exists():
        _COMMON.append(frozenset())
        return _COMMON[0]  # type: ignore[no-any-return]
    with open(path, "rb") as fh:  # (searched as UTF-8 bytes: no decoding of the whole list)
        text = fh.read()
    body = text[text.index(b"\n\n") + 2:] if text.startswith(b"#") and b"\n\n" in text else text
    _COMMON.append(SortedWords(body))
    return _COMMON[0]  # type: ignore[no-any-return]


@cache
def given_names() -> frozenset[str]:
    """Keys of frequent given names (``entities/given_names.txt``; the keys kept in the user cache
    directory like ``gazetteer``, one a line)."""
    import sorani._chars

    sources = [str(data_path("entities") / "given_names.txt"), __file__, sorani._chars.__file__]
    keys = cached_derived("given-names", sources, _given_name_keys)
    if type(keys) is not str:
        keys = _given_name_keys()
    return frozenset(keys.split("\n")) if keys else frozenset()


def _given_name_keys() -> str:
    """The keys of ``given_names``, one a line (a key holds no line break: no unit does)."""
    return "\n".join(dict.fromkeys(fold_key(w.strip()) for w in _lines(data_path("entities") / "given_names.txt")))


@cache
def events() -> list[tuple[tuple[str, ...], str]]:
    """Event stems (key tuples, longest first) and their event names (kept in the user cache
    directory like ``gazetteer``)."""
    import sorani._chars

    sources = [str(data_path("entities") / "events.tsv"), __file__, sorani._chars.__file__]
    rows = cached_derived("events", sources, _events)
    if not isinstance(rows, list) or not all(isinstance(r, tuple) and len(r) == 2 and isinstance(r[0], tuple)
                                             for r in rows):
        rows = _events()
    return rows


def _events() -> list[tuple[tuple[str, ...], str]]:
    rows = []
    for line in _lines(data_path("entities") / "events.tsv"):
        stem, _, event = line.partition("\t")
        rows.append((tuple(word_keys(stem.strip())), event.strip()))
    rows.sort(key=lambda r: (-len(r[0]), -len(r[0][-1])))
    return rows
