"""The entity tagger: gazetteer matching with glued prepositions and clitics, rules for the
patterns of Sorani news, dates, propagation of names through the document, and (when its
weights are present) the statistical tagger for names nothing else knows.

>>> [(e.text, e.label) for e in find_entities("هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیاش")]
[('هایکۆ ماس', 'PER'), ('ئەڵمانیا', 'LOC')]
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from dataclasses import dataclass
from bisect import bisect_left
from itertools import chain, compress, count, repeat
from operator import and_, attrgetter, is_, is_not, itemgetter
from typing import Any

from sorani._data import compile_cached
from sorani._gc import no_cycle_collection
from sorani._regex import trie_pattern
from sorani.entities.gazetteer import (
    Entry, Word, WordList, affixes, common_words, fold_key, gazetteer, given_names, key_of_folded, key_query, keys_ending,
    scan, single_triggers, triggers,
)


# folded constants used by the rules
_K_YEAR_OF = fold_key("ساڵی")
_K_YEARS_OF = fold_key("ساڵانی")
_K_TA = fold_key("تا")
_K_HATA = fold_key("هەتا")
_K_TAKU = fold_key("تاکو")
_K_HATAKU = fold_key("هەتاکو")
_K_LE = fold_key("لە")
_K_BO = fold_key("بۆ")
_K_BETWEEN = fold_key("نێوان")
_K_ORDINAL_I = fold_key("ەمی")
# a part of a year or a season before a bare year (کۆتایی 2012, هاوینی 2010, پێش 2003), not before a unit noun
_YEAR_PERIOD_HEADS = frozenset(fold_key(x) for x in (
    "کۆتایی", "سەرەتای", "ناوەڕاستی", "نیوەی", "هاوینی", "زستانی", "بەهاری", "پاییزی", "پێش", "دوای", "لەدوای",
    "لەپێش", "لەکۆتایی", "لەسەرەتای"))
_YEAR_NOUNS = frozenset(fold_key(x) for x in (
    "کەس", "ساڵ", "ساڵە", "مەتر", "کیلۆمەتر", "دۆلار", "دینار", "تۆن", "هەزار", "ملیۆن", "خولەک", "چرکە", "ڕۆژ"))
_YEAR_POSTPOSITIONS = frozenset(fold_key(x) for x in ("دا", "ەوە", "وە"))
_K_NATIVE_OF = fold_key("خەڵکی")
_K_KAN = fold_key("کان")
_K_NAMED = fold_key("بەناوی")
_K_NAMED_PL = fold_key("بەناوەکانی")
_K_BE = fold_key("بە")
_K_NAME_OF = fold_key("ناوی")
_K_NAMES_OF = fold_key("ناوەکانی")

_K_COMRADE = fold_key("هاوڕێ")
_K_SAYYID = fold_key("سەید")
_K_MONTH = fold_key("مانگی")
_K_COPULA = fold_key("یە")
_SENT_END_SET = frozenset({".", "!", "؟", "?", ":", "\n"})
_K_KNOWN = fold_key("ناسراو")
_K_KNOWN_AS = fold_key("ناسراوبە")
_K_KE = fold_key("کە")
_K_CENTRE = fold_key("ناوەندی")
_K_HEADED_BY = fold_key("سەرۆکایەتیی")
_K_PRESIDENCY = fold_key("سەرۆکایەتی")
_DEFINITE_ENDS = tuple(fold_key(x) for x in ("ەکان", "ەکانی", "ەکە", "ەکەی", "ەکاندا", "ەکەدا", "ییەکان", "ترین"))
_NAME_PARTICLES = frozenset(fold_key(x) for x in ("دی", "دێ", "دا", "ڤان", "فان", "فۆن", "بن", "ئیبن", "ئەبو", "ئەل", "ئال"))
_K_PRESIDENT = fold_key("سەرۆک")
_K_REPUBLIC_OF = fold_key("کۆماری")
_PLACE_CLASSIFIERS = frozenset(fold_key(x) for x in (
    "شاری", "شارۆچکەی", "گوندی", "گوندەکانی", "ناوچەی", "ناحیەی", "قەزای", "پارێزگای", "گەڕەکی", "سنووری",
    "لەشاری", "لەگوندی", "لەناوچەی", "بەناوچەی", "شارەکانی", "ناوچەکانی"))
_NAMED_PLACE_HEADS = frozenset(fold_key(x) for x in ("گوندی", "گەڕەکی", "شارۆچکەی", "ناحیەی", "قەزای"))
_K_SER, _K_SERBE = fold_key("سەر"), fold_key("سەربە")
_SURNAME_NAME_ENDS = tuple(fold_key(x) for x in ("زادە", "پوور", "پور", "نژاد", "ئۆغڵو", "ئۆغلو", "ئۆغلوو"))
_SURNAME_PIECES = frozenset(fold_key(x) for x in ("پوور", "پور", "پووری", "پوری", "زادە", "نژاد", "ئۆغڵو", "ئۆغلو", "ئۆغلوو"))  # عەبدی پوور, فەرەج پووری
_INDEF_ENDS = tuple(fold_key(x) for x in ("ێکی", "یەکی", "ێک", "یەک"))
_PREPOSITIONS = frozenset(fold_key(x) for x in ("لە", "بە", "بۆ", "لەگەڵ", "لەسەر", "لەناو", "بەبێ"))
_DEFINITE_I = tuple(fold_key(x) for x in ("کەی", "کانی"))
_SURNAME_ENDS = tuple(fold_key(x) for x in ("زادە", "پور", "پوور", "ی"))
_DESCRIPTIVE_HEADS = frozenset(fold_key(x) for x in ("شاری", "شارۆچکەی", "گوندی", "ناوچەی", "گەڕەکی"))

LABELS = ("PER", "LOC", "ORG", "DATE")
_DROP_EDGE = "\u200c\u200d\u0640"
_GENTILIC_SUFFIXES = frozenset({"ی", "یە", "یان"}) - {"یان"}
_GENTILIC_DA = frozenset({"یدا", "یدایە"})


@dataclass
class Entity:
    """A named-entity span: ``text[start:end]``, ``label`` (PER/LOC/ORG/DATE), the canonical
    ``english`` name and ``wikidata`` id when the gazetteer knows it, and ``how`` it was found
    (gazetteer, rule, document, model)."""

    start: int
    end: int
    label: str
    text: str
    english: str = ""
    wikidata: str = ""
    how: str = "gazetteer"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "type": self.label, "text": self.text}
        if self.english:
            d["english"] = self.english
        if self.wikidata:
            d["wikidata"] = self.wikidata
        d["how"] = self.how
        return d


# ---------------------------------------------------------------------------------------------
# gazetteer matching

def _splits(w: Word) -> list[tuple[int, str]]:
    """(offset inside the token, rest) for the bare token and after each glued preposition."""
    f = w.f
    out = [(0, f)]
    prefixes = affixes()[1]
    if w.kind != "word" or not f.startswith(prefixes):
        return out
    for p in prefixes:
        if f.startswith(p) and len(f) - len(p) >= 3:
            off = len(p)
            while off < len(f) and f[off] in _DROP_EDGE:
                off += 1
            out.append((off, f[off:]))
    return out


def _strip_suffix(stem: str, single: dict[str, tuple[Entry, bool]]) -> tuple[tuple[Entry, bool], int] | None:
    """Match ``stem`` = name + allowed suffix; returns (hit, length of the name part)."""
    hit = single.get(key_of_folded(stem))
    if hit:
        return hit, len(stem.rstrip(_DROP_EDGE))
    suffixes, _, maxsuf = affixes()
    for n in range(1, min(maxsuf + 1, len(stem) - 1)):
        suf = key_of_folded(stem[-n:])
        if suf not in suffixes:
            continue
        base = stem[:-n].rstrip(_DROP_EDGE)
        hit = single.get(key_of_folded(base))
        if hit and hit[0].label == "LOC" and stem[-n:].startswith("یی"):
            return None  # سنەییە, هەولێریی: "from Sanandaj", a gentilic adjective
        if hit:
            e = hit[0]
            if suf in _GENTILIC_SUFFIXES and e.subtype in ("country", "region") and not base.endswith(("ا", "ە", "ی", "ۆ", "و", "ێ")):
                return None  # ئێرانی, کوردستانی: gentilic adjective, not the place
            if suf in _GENTILIC_DA and e.label == "LOC" and not base.endswith(("ا", "ە", "ی", "ۆ", "و", "ێ")):
                return None  # سیستمی سوێدیدا, لاوێکی مەهابادیدا: a gentilic adjective + دا
            return hit, len(base)
    return None


def _last_match(w: Word, key: str) -> int:
    """Length of the part of ``w`` that is the name word ``key`` (+ allowed suffix), or 0."""
    f = w.f
    if w.key == key:
        return len(f.rstrip(_DROP_EDGE))
    suffixes = affixes()[0]
    if len(f) > 1 and w.key == f:  # nothing to drop or collapse (nor in a part): the base is the key
        n = len(f) - len(key)
        return len(key) if 1 <= n < min(affixes()[2] + 1, len(f)) and f.startswith(key) and f[-n:] in suffixes \
            else 0
    for n in range(1, min(affixes()[2] + 1, len(f))):
        base = f[:-n].rstrip(_DROP_EDGE)
        if key_of_folded(base) == key and key_of_folded(f[-n:]) in suffixes:
            return len(base)
    return 0


_LAST_MATCH: dict[tuple[str, str], int] = {}  # (word form, name key) -> _last_match (the form alone decides)


def _gentilic_after(words: list[Word], i: int, best: tuple[int, int, int, int, Entry]) -> bool:
    """A place name + ی right after a noun in ezafe is a gentilic adjective (… کوردی سەردەشتی)."""
    w = words[i]
    tail = w.f[best[3] - w.start:]
    name = w.f[best[2] - w.start:best[3] - w.start]
    if tail not in ("ی", "یی") or best[2] != w.start or name.endswith(("ا", "ە", "ۆ", "و", "ێ", "ی")):
        return False
    if i + 1 < len(words) and words[i + 1].kind == "word" and _verb_like(words[i + 1].key):
        return False  # سەردانی واشنگتۆنی کرد: the ی marks the object of a light verb
    prev = words[i - 1]
    if prev.kind == "word" and prev.key in given_names():
        return True  # شاهین نەجەفی, ئەحمەد بەغدادی: a place + ی after a given name is a surname
    return prev.kind == "word" and prev.f.endswith("ی") and prev.key not in single_triggers("loc_head") \
        and prev.key not in single_triggers("org_head") and prev.key not in single_triggers("loc_feature")


def _is_country(key: str) -> bool:
    """``key`` is a one-word country or region of the gazetteer (so key + ی is a gentilic)."""
    hit = gazetteer().single.get(key) or gazetteer().single.get(key[:-1] if key.endswith("ی") else "")
    return hit is not None and hit[0].label == "LOC" and hit[0].subtype in ("country", "region")


def _split_keys(w: Word) -> tuple[tuple[int, str, str], ...]:
    """``_splits`` of ``w`` with the key of each rest (cached by word form)."""
    got = _SPLITS.get(w.f)
    if got is None:
        if len(_SPLITS) > 200_000:
            _SPLITS.clear()
        if len(w.f) > 1 and w.key == w.f:  # nothing to drop or collapse: nor in a rest
            got = _SPLITS[w.f] = tuple((off, stem, stem) for off, stem in _splits(w))
        else:
            got = _SPLITS[w.f] = tuple((off, stem, w.key if off == 0 and len(stem) > 1 else key_of_folded(stem))
                                       for off, stem in _splits(w))
    return got


_SPLITS: dict[str, tuple[tuple[int, str, str], ...]] = {}


def _gazetteer_candidates(gaz: Any, w: Word) -> tuple[tuple[int, Any, Any], ...]:
    """For each split of ``w``: (offset, multi-word names starting with its rest, one-word name
    hit of the rest or None); empty when none can match. Cached by word form."""
    cache = gaz.word_cache
    got = cache.get(w.f)
    if got is not None:
        return got
    single, multi, surface = gaz.single, gaz.multi, gaz.surface()
    lengths, heads = _single_heads(gaz)
    f = w.f
    if w.kind != "word" or not f.startswith(affixes()[1]):  # one split, the bare word (as _splits)
        k = w.key if len(f) > 1 else key_of_folded(f)
        if k not in multi and not (len(f) >= 2 and (k[:2] in heads or k[:3] in heads)
                                   and _has_prefix_in(k, single, lengths)):
            if len(cache) > 200_000:
                cache.clear()
            cache[f] = ()
            return ()
    out = []
    for off, stem, k in _split_keys(w):
        hit = None
        # every one-word name a split can match (bare or with suffixes) has a key that is a
        # prefix of the split's key: none is, no match (the common case)
        if len(stem) >= 2 and (k[:2] in heads or k[:3] in heads) and _has_prefix_in(k, single, lengths):
            if len(k) == len(stem):  # fast path: no marks or collapsed letters
                hit = surface.get(k)
                if hit is not None and hit[1] < len(stem):
                    hit = _strip_suffix(stem, single)  # re-check (gentilic, longest base)
            else:
                hit = _strip_suffix(stem, single)
            if hit is not None and off and w.key in common_words():
                hit = None  # لەوانە, بەوان are words (لە+وان only by a glued preposition)
        out.append((off, multi.get(k, ()), hit))
    got = tuple(out) if any(ml or hit for _, ml, hit in out) else ()
    if len(cache) > 200_000:
        cache.clear()
    cache[w.f] = got
    return got


def _single_heads(gaz: Any) -> tuple[tuple[int, ...], frozenset[str]]:
    """The lengths of the one-word name keys of ``gaz``, and their first three letters (the
    whole key when it is shorter)."""
    got = _SINGLE_HEADS.get(id(gaz))
    if got is None or got[0] is not gaz:
        pre = getattr(gaz, "heads", None)  # (kept with the cached gazetteer tables)
        if pre is not None:
            got = _SINGLE_HEADS[id(gaz)] = (gaz, pre[0], pre[1])
        else:
            got = _SINGLE_HEADS[id(gaz)] = (gaz, tuple(sorted({len(k) for k in gaz.single})),
                                             frozenset(k[:3] for k in gaz.single))
    return got[1], got[2]


_SINGLE_HEADS: dict[int, tuple[Any, tuple[int, ...], frozenset[str]]] = {}


def _has_prefix_in(k: str, keys: Any, lengths: tuple[int, ...]) -> bool:
    """A key of ``keys`` (of the given lengths) is a prefix of ``k``."""
    for n in lengths:
        if n > len(k):
            return False
        if k[:n] in keys:
            return True
    return False


def _may_be_name(gaz: Any, w: Word) -> bool:
    """False when no split of ``w`` (the bare word, or the rest after a glued preposition) can
    begin with the key of a gazetteer name: every name key of a match is a prefix of the key of
    the split it matches, so its first three letters must be there."""
    three, short = _name_heads(gaz)
    k = w.key
    if k[:3] in three or k[:1] in short or k[:2] in short:
        return True
    if w.f.startswith(affixes()[1]):
        for _, _, k in _split_keys(w)[1:]:
            if k[:3] in three or k[:1] in short or k[:2] in short:
                return True
    return False


def _name_heads(gaz: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The first three letters of the name keys of ``gaz``, and its keys shorter than that."""
    heads = _NAME_HEADS.get(id(gaz))
    if heads is None or heads[0] is not gaz:
        pre = getattr(gaz, "heads", None)  # (kept with the cached gazetteer tables)
        if pre is not None:
            heads = _NAME_HEADS[id(gaz)] = (gaz, pre[2], pre[3])
        else:
            keys = list(gaz.single) + list(gaz.multi)
            heads = _NAME_HEADS[id(gaz)] = (gaz, frozenset(k[:3] for k in keys),
                                            frozenset(k for k in keys if len(k) < 3))
    return heads[1], heads[2]


_NAME_HEADS: dict[int, tuple[Any, frozenset[str], frozenset[str]]] = {}
_NAME_START: dict[int, tuple[Any, Any]] = {}
_NAME_RX_MIN_KEYS = 2000  # distinct keys of the first text worth compiling _name_start_rx for
_UNIT_MAY_MATCH: dict[str, bool] = {}  # unit of an original text -> can a gazetteer name start in it


def _name_start_rx(gaz: Any) -> Any:
    """A regex over ``_KeyIndex.nl_blob`` (a group: the key) for the keys a gazetteer name can start in: a one-word name key
    followed by anything (a suffix), or the first key of a multi-word name, either of them
    after an optional glued preposition. (``_gazetteer_candidates`` finds a match only for such
    a key: a one-word name's key is a prefix of the key of the split it matches, a multi-word
    name's first key is that key; the key of a word with a glued preposition is the preposition
    followed by the key of the rest, as no preposition ends in a letter the key collapses.)"""
    got = _NAME_START.get(id(gaz))
    if got is None or got[0] is not gaz:
        pattern = None
        if gaz is gazetteer():  # (the pattern text of the shipped gazetteer is kept in the user cache)
            import sys

            import sorani._chars
            import sorani._regex
            from sorani._data import cached_derived, data_path

            gmod, folder = sys.modules["sorani.entities.gazetteer"], data_path("gazetteer")
            sources = [str(folder / name) for name in (*gmod.GAZETTEER_FILES, "prefixes.tsv")]
            sources += [__file__, gmod.__file__, sorani._regex.__file__, sorani._chars.__file__]
            pattern = cached_derived("name-start", sources, lambda: _name_start_pattern(gaz))
        if type(pattern) is not str:
            pattern = _name_start_pattern(gaz)
        # over ``nl_blob``: the line break opening each key instead of the ``^`` anchor (a
        # literal first character is searched for fast; an anchor is tried at every character)
        got = _NAME_START[id(gaz)] = (gaz, compile_cached("\n(" + pattern[1:] + ")", re.M))
    return got[1]


def _name_start_pattern(gaz: Any) -> str:
    """The pattern of ``_name_start_rx``."""
    prefixes = affixes()[1]
    if any(p.endswith(("و", "ی")) for p in prefixes):  # (a collapse could join the two parts)
        three, short = _name_heads(gaz)
        return "^" + trie_pattern(three | short | set(prefixes)) + "[^\n]*$"
    pre = "(?:" + trie_pattern(prefixes) + "[\u200c\u200d\u0640]*)?"
    return f"^{pre}(?:{trie_pattern(gaz.single)}[^\n]*|{trie_pattern(gaz.multi)}$)"


def _gazetteer_matches(words: list[Word], clue: set[int]) -> list[tuple[int, int, int, int, Entry]]:
    """Longest gazetteer matches, left to right: (first word, last word, start, end, entry)."""
    gaz = gazetteer()
    word_cache = gaz.word_cache
    index = key_index(words)

    def may_match(w: Word) -> bool:
        if w.kind == "punct":
            return False
        cands = word_cache.get(w.f)
        if cands is None:
            if not _may_be_name(gaz, w):
                word_cache[w.f] = cands = ()  # what _gazetteer_candidates finds for it
            else:
                cands = _gazetteer_candidates(gaz, w)
        return bool(cands)

    out = []
    n = len(words)
    resume = 0
    last_match = _LAST_MATCH
    units = getattr(words, "units", None)
    if units is not None and (_NAME_START.get(id(gaz)) is not None or len(index.at) > _NAME_RX_MIN_KEYS):
        # a name can start only in a word whose key opens with a name's first letters or with a
        # glued preposition (the folded form opens with one only if the key does): one regex over
        # the text's distinct keys finds those; each of them is tested once a form (may_match).
        # (The regex is compiled for the first long text: a short one is cheaper without it.)
        at, merged = index.at, index.merged
        lists = []
        for k in index.found(_name_start_rx(gaz)):
            positions = at[k]
            if k not in merged:  # one form
                if may_match(words[positions[0]]):
                    lists.append(positions)
            else:  # several forms of one key
                memo: dict[str, bool] = {}
                keep = []
                for i in positions:
                    w = words[i]
                    ok = memo.get(w.f)
                    if ok is None:
                        ok = memo[w.f] = may_match(w)
                    if ok:
                        keep.append(i)
                if keep:
                    lists.append(keep)
        starts = _merge(lists)
    elif units is not None:  # forms of the original text: a verdict a form
        verdict = _UNIT_MAY_MATCH
        if len(verdict) > 200_000:
            verdict.clear()
        lists = []
        three, short = _name_heads(gaz)
        prefixes = affixes()[1]
        for u, lst in index.by_form.items():
            ok = verdict.get(u)
            if ok is None:
                w = words[lst[0]]
                k = w.key
                if w.kind != "punct" and word_cache.get(w.f) is None and not (
                        k[:3] in three or k[:1] in short or k[:2] in short) and not w.f.startswith(prefixes):
                    word_cache[w.f] = ()  # _may_be_name is False: what may_match finds, without calls
                    ok = verdict[u] = False
                else:
                    ok = verdict[u] = may_match(w)
            if ok:
                lists.append(lst)
        starts = _merge(lists)
    else:
        starts = index.where_word(may_match)
    for i in starts:  # the words that can start a name
        if i < resume:
            continue
        w = words[i]
        cands = word_cache.get(w.f) or _gazetteer_candidates(gaz, w)
        best: tuple[int, int, int, int, Entry] | None = None
        for off, multi_names, hit in cands:
            for keys, entry, amb in multi_names:
                m = len(keys)
                if i + m > n or (best and m <= best[1] - best[0] + 1):
                    continue
                if m > 2 and (words[i + 1].key != keys[1]  # (the second word first: most names fail there)
                              or m > 3 and not all(words[i + j].key == keys[j] for j in range(2, m - 1))):
                    continue
                last = words[i + m - 1]
                last_len = last_match.get((last.f, keys[-1]))
                if last_len is None:
                    if len(last_match) > 200_000:
                        last_match.clear()
                    last_len = last_match[(last.f, keys[-1])] = _last_match(last, keys[-1])
                if not last_len or (amb and i not in clue):
                    continue
                # words of a multi-word name are separated by spaces or a hyphen only
                best = (i, i + m - 1, w.start + off, words[i + m - 1].start + last_len, entry)
                break
            if best is None or best[1] == best[0]:
                if hit and not (hit[0][1] and i not in clue):
                    cand = (i, i, w.start + off, w.start + off + hit[1], hit[0][0])
                    if best is None or (cand[3] - cand[2]) > (best[3] - best[2]):
                        best = cand
        if best and best[0] == best[1] and best[4].label == "LOC" and i > 0 and _gentilic_after(words, i, best):
            best = None  # کۆڵبەرێکی کوردی سەردەشتی, لاوێکی مەریوانی: "from Sardasht", not the town
        if best:
            out.append(best)
            resume = best[1] + 1
    return out


# ---------------------------------------------------------------------------------------------
# rules

def _phrase_at(words: list[Word], i: int, table: dict[tuple[str, ...], str]) -> int:
    """Number of words of the longest phrase of ``table`` starting at word ``i`` (0 if none)."""
    index = _INDEX.get(id(table))
    if index is None or index[0] is not table:
        idx: dict[str, list[tuple[str, ...]]] = {}
        for keys in table:
            idx.setdefault(keys[0], []).append(keys)
        index = _INDEX[id(table)] = (table, idx)
    cands = index[1].get(words[i].key)
    if not cands:
        return 0
    best = 0
    n = len(words)
    nxt = words[i + 1].key if i + 1 < n else None
    for keys in cands:
        m = len(keys)
        # (the second word first: most phrases that open with the key differ there)
        if m > best and i + m <= n and (m == 1 or nxt == keys[1] and (
                m == 2 or all(words[i + j].key == keys[j] for j in range(2, m)))):
            best = m
    return best


_INDEX: dict[int, tuple[Any, dict[str, list[tuple[str, ...]]]]] = {}


def _is_candidate(w: Word, common: frozenset[str], stops: frozenset[str]) -> bool:
    """Could ``w`` be part of a person's or place's name? (a word that is not a function word,
    trigger or verb-like common word)."""
    return w.kind == "word" and w.key not in stops and len(w.key) >= 2


def _unknown(w: Word, common: frozenset[str]) -> bool:
    key = w.key
    if w.kind != "word" or len(key) < 2:
        return False
    last = _UNKNOWN_LAST
    if last[0] is common:  # (the usual case: the same common words as the last call)
        got = last[1].get(key)
        if got is not None:
            return got
    cache = _UNKNOWN.get(id(common))
    if cache is None or cache[0] is not common or len(cache[1]) > 200_000:
        cache = _UNKNOWN[id(common)] = (common, {})
    last[0], last[1] = cache
    got = cache[1].get(key)
    if got is None:
        got = cache[1][key] = _unknown_key(key, common)
    return got


# id(common words) -> (common words, {key: _unknown_key(key)})
_UNKNOWN: dict[int, tuple[frozenset[str], dict[str, bool]]] = {}
_UNKNOWN_LAST: list[Any] = [None, None]  # the entry of _UNKNOWN used last: (common words, its cache)


_MORPH_ENDINGS = tuple(sorted({fold_key(x) for x in (
    "ەکان", "ەکە", "ەکانی", "ەکەی", "ەکانمان", "ەکانیان", "ەکەمان", "ەکانەوە", "ەکەدا", "ەکاندا", "ان", "انی",
    "ێک", "ێکی", "یەک", "یەکی", "ی", "یش", "ش", "دا", "ەوە", "وە", "یان", "مان", "تان", "م", "ت", "یە", "ە",
    "ین", "ن", "ێت", "ات", "وو", "ووە", "بوو", "کرد", "کردووە", "کرا", "ەتی", "ییەکان", "ییە", "یی",
    "کە", "کەی", "کان", "کانی")},  # after a vowel: کارگە+کەی, بەرنامە+کان
    key=len, reverse=True))


_MORPH_SET = frozenset(_MORPH_ENDINGS)
_MORPH_LENGTHS = sorted({len(e) for e in _MORPH_ENDINGS}, reverse=True)


def _unknown_key(k: str, common: frozenset[str], depth: int = 0) -> bool:
    """``k`` is not a common word, nor one with up to two endings of ``_MORPH_ENDINGS`` cut off."""
    if k in common:
        return False
    if depth >= 2:
        return True
    endings, by_last = _MORPH_SET, _MORPH_BY_LAST
    size = len(k) - 2  # (the longest ending that leaves two letters)
    if size <= 0:
        return True
    for n in by_last.get(k[-1], ()):  # (only the endings that end in the key's last letter)
        if n <= size and k[-n:] in endings:
            k1 = k[:-n]
            if k1 in common:
                return False
            if depth == 0:  # (the second cut, inline: a word of two cuts is tested by membership)
                for n2 in by_last.get(k1[-1], ()):
                    if n2 <= size - n and k1[-n2:] in endings and k1[:-n2] in common:
                        return False
    return True


# last letter -> the lengths of the endings that end in it, longest first (as _MORPH_ENDINGS)
_MORPH_BY_LAST: dict[str, list[int]] = {}
for _e in _MORPH_ENDINGS:
    if len(_e) not in _MORPH_BY_LAST.setdefault(_e[-1], []):
        _MORPH_BY_LAST[_e[-1]].append(len(_e))
del _e


_INDEF_I = ("یک", "یکی")


def _common_stem(k: str, common: frozenset[str]) -> bool:
    """``k`` is a common word + یک / یکی, the indefinite spelt with ی (حاڵیک for حاڵێک)."""
    return any(k.endswith(e) and len(k) - len(e) >= 2 and not _unknown_key(k[:-len(e)], common) for e in _INDEF_I)


def _common_compound(k: str, common: frozenset[str]) -> bool:
    """The key ``k`` is a compound of two common words, the second one bare or in ezafe:
    مانگ+نامەی, زۆر+کەس, ڕێ+و+ڕەسمی (each part three letters or more, or joined by و)."""
    for a in range(2, len(k) - 2):
        head = k[:a]
        if head not in common:
            continue
        rest = k[a:]
        if a == 2:
            if not rest.startswith("و"):
                continue
            rest = rest[1:]
        if len(rest) >= 3 and (rest in common or rest[-1] == "ی" and rest[:-1] in common):
            return True
    return False


def _clause_name_word(w: Word, stp: frozenset[str], common: frozenset[str]) -> bool:
    """An unknown word of three letters or more, not a function word or a verb: a clause that
    opens with two of them may open with a name."""
    k = w.key
    return len(k) >= 3 and k not in stp and _unknown(w, common) and not _verb_like(k)


_SPEAKER_REACH = 8  # words a sentence-opening speaker may stand before its speech verb
_K_KE_AND = frozenset((fold_key("کە"), "و"))
_CLAUSE_NAME: dict[str, bool] = {}  # word form -> _clause_name_word (stops and common words are fixed)
_QUOTE_OPEN = frozenset(('"', "«", "“"))
_K_E = fold_key("ە")


_PER_CLITICS = ("یشەوە", "یشدا", "ەوە", "یش", "ەو")
_ARABIC_ARTICLE = ("ال", "وال")  # (an Arabic title in a bibliography: الاقتصاد السیاسی)
_K_ABU = fold_key("ئەبو")
# short past verbs that _verb_like leaves out (three letters or fewer)
_SHORT_VERBS = frozenset(fold_key(x) for x in ("هات", "چوو", "کرد", "بوو", "مرد", "برد", "گرت", "دا", "وت", "گوت",
                                                "ناسراو"))
_K_DE = fold_key("دە")
_LIST_COMMAS = frozenset(("،", ","))
_LIST_ENDS = frozenset(("،", ",", ":", ".", "؛", ")", "(", "؟", "!"))
# adverbs that may stand between a speaker and the speech verb (X هەروەها دەڵێت)
_SPEECH_ADVERBS = frozenset(fold_key(x) for x in ("هەروەها", "هەروەھا", "هەروەک", "هەروا", "پێشتر", "دواتر", "ئەمڕۆ", "دوێنێ"))
_NAME_CLITICS = tuple(fold_key(x) for x in ("یشەوە", "ەوە", "یە"))
# a verb whose ەوە is no name clitic (ڕوونیکردۆتەوە, کردەوە): the stem left is no name
_VERB_EWE = tuple(fold_key(x) for x in ("ۆتەوە", "ووەتەوە", "ویەتەوە", "وونەتەوە", "یانەتەوە", "بووەوە", "کردەوە", "رایەوە"))
_ALL_CLITICS = ("یشەوە", "یشدا", "ەوە", "یەوە", "یدا", "ەدا", "دا", "یش", "یان", "ەو", "ی")


_NEG_START = tuple(fold_key(x) for x in ("نا", "نە"))
_VERB_FINAL = tuple(fold_key(x) for x in ("ت", "ن", "م", "ێ", "ە", "وە", "ی", "ا", "و"))
_VERB_START = tuple(fold_key(x) for x in ("دە", "نا", "نە", "بکە", "کرد", "بوو", "هات"))
_VERB_END_PREFIXED = tuple(fold_key(x) for x in ("ێت", "ێن", "ین", "ات", "ەن"))
_VERB_END = tuple(fold_key(x) for x in ("ووە", "وون", "بوو", "کرد", "کردووە", "کرا", "دا", "یە",
                                         "ران", "راوە", "راون", "اند", "اندن", "ێکی", "یەکی", "ێنرا",
                                         "درا", "ژرا", "گیرا", "خرا", "نرا", "نران", "نراوە", "چوو", "چوون",
                                         # a compound verb written as one word: مۆردەکات, بەڕێوەدەچێت
                                         "دەکات", "دەکەن", "دەکەین", "دەکرێت", "دەکرێن", "دەبێت", "دەبن", "دەدات",
                                         "دەدەن", "دەچێت", "دەچن",
                                         # a perfect or a passive past: ڕوونیکردۆتەوە, گوترا
                                         "ۆتەوە", "ۆتە", "ترا", "تران"))


def _is_speech_key(key: str) -> bool:
    return key in single_triggers("speech")


def _ezafe_noun(w: Word, common: frozenset[str]) -> bool:
    """A common noun in ezafe (کوشتنی, ئازادکردنی): it opens a phrase, not a name."""
    return w.f.endswith("ی") and (w.key in common or w.key[:-1] in common)


_VERB_PREFIX = tuple(fold_key(x) for x in ("دە", "نا", "نە", "ب", "ئە", "ڕا", "دا", "هەڵ", "وەر", "تێ"))


def _verb_like(key: str) -> bool:
    """A word that looks like a verb form (دەکات, کردووە, نییە …)."""
    if key.startswith(_VERB_START) and len(key) > 3 and (key.endswith(_VERB_FINAL) or not key.startswith(_NEG_START)):
        return True  # (نادر, ناسرزادە: نا/نە + a stem without a personal ending is no verb)
    return key.endswith(_VERB_END) or (key.endswith(_VERB_END_PREFIXED) and key.startswith(_VERB_PREFIX))


def _trim_clitics(w: Word, keep_i: bool, person: bool = False) -> int:
    """Length of ``w`` without a trailing clitic (ش, یش, دا, ەوە, ...; the ezafe ی unless
    ``keep_i``); for a person's name only the unambiguous ones."""
    f = w.f
    suffixes = affixes()[0]
    if person and f.endswith("ییە") and len(f) >= 6:
        return len(f) - 2  # محەممەدییە: a name in ی + the copula
    for suf in (_PER_CLITICS if person else _ALL_CLITICS):
        if f.endswith(suf) and len(f) - len(suf) >= 3 and suf in suffixes:
            if suf == "ی" and keep_i or person and suf == "یش" and len(f) - len(suf) < 4:
                continue  # (ئیبیش, قورەیش: a short name's own یش)
            return len(f) - len(suf)
    return len(f)


_STOP_EXTRA = ("و", "لە", "بە", "بۆ", "کە", "ئەو", "ئەم", "هەروەها", "بەڵام", "لەگەڵ", "لەسەر", "دوای", "پاش",
               "پێش", "تا", "هەتا", "یان", "وەک", "وەکو", "ئەوە", "ئەمە", "بەپێی", "بەگوێرەی", "لەلایەن",
               "لەبارەی", "دەربارەی", "هەر", "هەموو", "چەند", "زۆر", "ئێستا", "ئەمڕۆ", "دوێنێ", "ئەوان", "ئێمە",
               "من", "تۆ", "ئەو", "خۆی", "نێوان", "لەنێوان", "ناو", "لەناو", "سەر", "ژێر", "دژی", "بێ", "هیچ",
               "کوڕی", "کچی", "برای", "خوشکی", "هاوسەری", "باوکی", "دایکی", "ڕابردوو", "داهاتوو", "یەک", "دوو", "سێ",
               "چوار", "پێنج", "شەش", "حەوت", "هەشت", "نۆ", "دە", "سەد", "هەزار", "ڕێبەری", "ڕێبەر",
               "گرتنگە", "گرتنگەی", "لەوبارەوە", "لەمبارەوە", "لەبارەیەوە", "لەوبارەیەوە", "لەمبارەیەوە", "هەروەها", "پاشان", "دواتر")


def _stops() -> frozenset[str]:
    t = triggers()
    keys = {fold_key(w) for w in _STOP_EXTRA}
    for cat in ("title", "honorific", "loc_head", "loc_feature", "org_head", "speech", "source", "date_head",
                "weekday", "month", "more_than", "less_than", "about"):
        keys |= {k[0] for k in t.get(cat, {})}
    keys -= {k[0] for k in t.get("month", {}) if len(k) == 1 and k[0] in given_names()}  # ڕەمەزان, ڕەجەب
    return frozenset(keys)


_STOPS: frozenset[str] | None = None


def stops() -> frozenset[str]:
    """Keys that never start or continue a discovered name (function words and rule triggers)."""
    global _STOPS
    if _STOPS is None:
        _STOPS = _stops()
    return _STOPS


_START, _END, _KEY, _F = attrgetter("start"), attrgetter("end"), attrgetter("key"), attrgetter("f")
_FIRST = itemgetter(0)


def word_starts(words: list[Word]) -> list[int]:
    """The start offsets of ``words`` (ascending), kept by ``scan`` with its word list."""
    got = getattr(words, "starts", None)
    return list(map(_START, words)) if got is None else got


def word_ends(words: list[Word]) -> list[int]:
    """The end offsets of ``words`` (ascending), kept by ``scan`` with its word list."""
    got = getattr(words, "ends", None)
    return list(map(_END, words)) if got is None else got


def as_word_list(words: list[Word]) -> WordList:
    """``words`` as a ``WordList`` (the same object when it is one), to share indexes."""
    return words if isinstance(words, WordList) else WordList(words)


def key_index(words: list[Word]) -> _KeyIndex:
    """The ``_KeyIndex`` of ``words`` (kept with a ``WordList`` from ``scan``, so that the
    entity and fact passes over one text share it)."""
    cache = getattr(words, "cache", None)
    if cache is None:
        return _KeyIndex(words)
    got = cache.get("key_index")
    if got is None:
        got = cache["key_index"] = _KeyIndex(words)
    return got


class _KeyIndex:
    """Where each word form and each key occurs in ``words``, so that a rule visits only the
    words it can start at, and a test that depends on the form alone is made once per form."""

    def __init__(self, words: list[Word]) -> None:
        by_form = getattr(words, "units", None)  # from scan: by unit of the original text
        if by_form is None:
            by_form = defaultdict(list)
            for i, w in enumerate(words):
                by_form[w.f].append(i)
        self.by_form: dict[str, list[int]] = by_form  # form -> ascending indices of its words
        self.words = words
        # the keys a key query finds (from the scan; None: ``found`` runs its regex)
        self.flagged = words.cache.pop("flagged", None) if type(words) is WordList else None
        made = words.cache.pop("key_at", None) if type(words) is WordList else None
        if made is not None:  # made by the compiled scan with the words (the same index)
            self.at, self.merged = made
            return
        # key -> the index list of its form (the last form of a key wins here), read in C
        lists = list(by_form.values())
        keys = list(map(_KEY, map(words.__getitem__, map(_FIRST, lists))))
        at: dict[str, list[int]] = dict(zip(keys, lists))
        merged = set()  # keys written in several forms
        if len(at) < len(lists):  # the other forms of those keys join the lists
            others = list(compress(zip(keys, lists), map(is_not, map(at.__getitem__, keys), lists)))
            for key, positions in others:
                if key not in merged:
                    at[key] = list(at[key])
                    merged.add(key)
                at[key].extend(positions)
            for key in merged:
                at[key].sort()
        self.at = at  # key -> ascending indices
        self.merged = merged  # the keys of several forms
        self.words = words

    @property
    def punct(self) -> list[int]:
        """Indices of the punctuation words."""
        got = self.__dict__.get("_punct")
        if got is None:
            # punctuation units are single characters, and so are their keys (no word or number
            # has such a key): the one-character keys are found by a regex over the keys
            words, at = self.words, self.at
            got = self.__dict__["_punct"] = _merge([at[k] for k in self.found(_ONE_CHAR_KEY)
                                                    if words[at[k][0]].kind == "punct"])
        return got

    @property
    def blob(self) -> str:
        """The distinct keys of the text, one a line: a regex over it finds every key of a
        kind at once (keys hold no line breaks)."""
        got = self.__dict__.get("_blob")
        if got is None:
            got = self.__dict__["_blob"] = "\n".join(self.at)
        return got

    @property
    def nl_blob(self) -> str:
        """``blob`` after a line break: a regex opening with a line break finds whole keys over it
        with a fast search for that character (a ``^`` anchor is tried at every character)."""
        got = self.__dict__.get("_nl_blob")
        if got is None:
            got = self.__dict__["_nl_blob"] = "\n" + self.blob
        return got

    @property
    def sorted_keys(self) -> list[str]:
        """The distinct keys of the text in sorted order (the keys opening with a string are a
        run of it)."""
        got = self.__dict__.get("_sorted")
        if got is None:
            got = self.__dict__["_sorted"] = sorted(self.at)
        return got

    def found(self, rx: Any, lines: bool = False) -> list[str]:
        """The keys of the text, in the order of ``at``, that ``rx`` finds over ``nl_blob``: the
        keys ``rx.findall`` gives (a group: the whole key), or with ``lines`` the keys in which
        ``rx`` finds a match. What ``rx`` says of a key depends on the key alone, so its verdict
        is kept with the key's forms (``gazetteer.key_query``) and the scan lists the keys
        found: the regex runs over the keys of forms not met before only.

        >>> index = key_index(scan("لە هەولێر و لەهەولێر"))
        >>> index.found(re.compile("\\n(لە[^\\n]+)$", re.M)) == [fold_key("لەهەولێر")]
        True
        """
        bit, gen = key_query(rx, lines)
        flagged = self.flagged
        if flagged is not None and flagged[0] == gen and bit & flagged[1]:
            return list(compress(flagged[2], map(and_, flagged[3], repeat(bit))))
        if not lines:
            return rx.findall(self.nl_blob)  # type: ignore[no-any-return]
        hits = keys_ending(self.nl_blob, rx)
        return [k for k in self.at if k in hits]

    def where_word(self, test: Any) -> list[int]:
        """Ascending indices of the words that pass ``test``, a test of the word's form: it is
        called once a form, with the first word of that form."""
        words = self.words
        return _merge([lst for lst in self.by_form.values() if test(words[lst[0]])])

    def positions(self, *keysets: Any) -> list[int]:
        """Ascending indices of the words whose key is in any of ``keysets``."""
        at = self.at
        if len(keysets) > 1:
            key = tuple(map(id, keysets))
            got = _UNIONS.get(key)
            if got is None:  # (an entry keeps its key sets alive: their ids are not reused)
                if len(_UNIONS) > 100:
                    _UNIONS.clear()
                got = _UNIONS[key] = (keysets, frozenset().union(*keysets))
            keys = got[1]
        else:
            keys = keysets[0]
        if len(keys) > len(at):  # walk the text's keys (in C for a set)
            if isinstance(keys, (frozenset, set)):
                found = list(map(at.__getitem__, keys.intersection(at)))
            else:
                found = [at[k] for k in at if k in keys]
        else:  # walk ``keys`` (in C; the lists are merged in order below, whatever their order)
            found = list(map(at.__getitem__, at.keys() & keys))
        if len(found) < 2:  # (_merge, inline: most rules find one key or none)
            return found[0] if found else []
        out = list(chain.from_iterable(found))
        out.sort()
        return out


# ids of key sets -> (the key sets, their union): the rules ask for the same unions again and again
_UNIONS: dict[tuple[int, ...], tuple[tuple[Any, ...], frozenset[str]]] = {}


def _merge(lists: list[list[int]]) -> list[int]:
    """The indices of ascending index lists, in one ascending list."""
    if len(lists) == 1:
        return lists[0]
    out = list(chain.from_iterable(lists))
    out.sort()
    return out


def _acronym_positions(index: _KeyIndex) -> list[int]:
    """Ascending indices of the Latin-script acronyms (2-6 letters, two capitals at least): a
    test of the form, made once a form, and only for the forms opening with a capital A-Z."""
    words, at = index.words, index.at
    # a Latin form's key is its folded form (ASCII letters and digits): the forms of one key are
    # alike, and the keys opening with a capital are found by one regex over the text's keys
    return _merge([at[k] for k in index.found(_CAPITAL_KEY) if _acronym(words[at[k][0]])])


_ONE_CHAR_KEY = re.compile("\n([^\n])$", re.M)  # (over nl_blob)
_CAPITAL_KEY = re.compile("\n([A-Z][^\n]*)$", re.M)


def _acronym(w: Word) -> bool:
    f = w.f
    return w.kind == "word" and f.isascii() and 2 <= len(f) <= 6 and f[0].isupper() and sum(c.isupper() for c in f) >= 2


def _per_table(memo: dict[int, tuple[Any, Any]], table: Any, derive: Any) -> Any:
    """``derive(table)``, kept in ``memo`` while ``table`` (a loaded table, kept alive) is the
    same object."""
    got = memo.get(id(table))
    if got is None or got[0] is not table:
        got = memo[id(table)] = (table, derive(table))
    return got[1]


def _multi_word(table: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """The phrases of ``table`` of two words or more (one dict a table, kept)."""
    return _per_table(_MULTI_WORD, table, _multi_word_phrases)  # type: ignore[no-any-return]


def _multi_word_phrases(table: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    return {k: v for k, v in table.items() if len(k) > 1}


def _first_keys(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    """The first keys of the phrases of ``table``."""
    return _per_table(_FIRST_KEYS, table, _phrase_first_keys)  # type: ignore[no-any-return]


def _phrase_first_keys(table: dict[tuple[str, ...], str]) -> frozenset[str]:
    return frozenset(k[0] for k in table)


_MULTI_WORD: dict[int, tuple[Any, Any]] = {}
_FIRST_KEYS: dict[int, tuple[Any, Any]] = {}


class _Spans:
    """Entity spans under construction, with the word indices each one covers."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.owner: list[int] = [-1] * len(words)
        self.items: list[list[Any]] = []  # [i0, i1, start, end, label, entry|None, how]
        self.local: set[int] = set()  # items whose name is not looked for elsewhere in the text

    def free(self, i0: int, i1: int) -> bool:
        return all(self.owner[k] < 0 for k in range(i0, i1 + 1))

    def add(self, i0: int, i1: int, start: int, end: int, label: str, entry: Entry | None, how: str,
            replace: bool = False) -> bool:
        if end <= start:
            return False
        if not self.free(i0, i1):
            if not replace:
                return False
            for k in range(i0, i1 + 1):
                if self.owner[k] >= 0:
                    old = self.items[self.owner[k]]
                    if old[0] < i0 or old[1] > i1:
                        return False
            for k in range(i0, i1 + 1):
                if self.owner[k] >= 0:
                    self.items[self.owner[k]][4] = None
                    self.owner[k] = -1
        idx = len(self.items)
        self.items.append([i0, i1, start, end, label, entry, how])
        for k in range(i0, i1 + 1):
            self.owner[k] = idx
        return True

    def at(self, i: int) -> list[Any] | None:
        o = self.owner[i]
        return self.items[o] if o >= 0 and self.items[o][4] else None

    def drop(self, item: list[Any]) -> None:
        """Take ``item`` back: no label, its words free again."""
        item[4] = None
        for k in range(item[0], item[1] + 1):
            self.owner[k] = -1

    def drop_after_head(self, h: int, modifier: Callable[[Word], bool], labels: tuple[str, ...]) -> None:
        """Take back the name that starts right after the head at ``h`` (or after one or two free
        words in ``modifier``) when its label is one of ``labels``: the head's phrase names it."""
        words, owner, n = self.words, self.owner, len(self.words)
        j = h + 1
        while j + 1 < n and j <= h + 2 and owner[j] < 0 and words[j].kind == "word" and modifier(words[j]):
            j += 1
        item = self.at(j) if j < n else None
        if item is not None and item[0] == j and item[4] in labels and item[2] == words[j].start and owner[h] < 0:
            self.drop(item)


_YEAR_CLITICS = frozenset({"دا", "ەوە", "ەدا", "وە", "یدا", "دایە", "ەکان", "ی"}) - {"ی"}
# 12/3/2020, ١٢-٣-٢٠٢٠ in the original text (every digit set, every dash that folds to "-")
# (the pattern opens with the digit class, not the look-behind, so that the regex engine skips
# to the digits in C: the first digit is not preceded by a digit, as in (?<!D)D{1,4})
_DATE_NUM = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9](?<![0-9\u0660-\u0669\u06f0-\u06f9]{2})"
                       r"[0-9\u0660-\u0669\u06f0-\u06f9]{0,3}(?:[/\-.–—‐‑−]| ?/ ?)"  # (2 / 8 / 2009: spaced slashes)
                       r"[0-9\u0660-\u0669\u06f0-\u06f9]{1,2}(?:[/\-.–—‐‑−]| ?/ ?)[0-9\u0660-\u0669\u06f0-\u06f9]{1,4}"
                       r"(?![0-9\u0660-\u0669\u06f0-\u06f9])")


def _dates(words: list[Word], spans: _Spans, text: str) -> None:
    """DATE spans: a small grammar over classifier heads (ڕۆژی, ساڵی …), weekdays, day numbers,
    months of every calendar, years and era words."""
    t = triggers()
    months, weekdays = t.get("month", {}), single_triggers("weekday")
    heads, eras = single_triggers("date_head"), single_triggers("era")
    year_heads = {_K_YEAR_OF, _K_YEARS_OF}
    links = {_K_TA, _K_HATA, _K_TAKU, _K_HATAKU, "-", "و"}
    n = len(words)

    def glued(a: int, b: int) -> bool:
        return words[b].start == words[a].end

    month_first = _month_first(months)
    month_multi_first = _month_multi_first(months)

    def month_at(j: int) -> int:
        if j >= n or words[j].kind != "word" or words[j].key[:2] not in month_first:
            return 0
        m = _phrase_at(words, j, months)
        if m:
            return m
        k = words[j].key
        for suf in _MONTH_SUFFIXES:
            if k.endswith(suf) and (k[:-len(suf)],) in months:
                return 1
        # a two-word month with its ezafe or clitic on the last word: تشرینی دووەمی ٢٠٢٥
        if j + 1 < n and words[j + 1].kind == "word" and k in month_multi_first:
            last = words[j + 1].key
            for suf in _MONTH_SUFFIXES:
                if last.endswith(suf) and (k, last[:-len(suf)]) in months:
                    return 2
        return 0

    def weekday_at(j: int) -> bool:
        if j >= n or words[j].kind != "word":
            return False
        k = words[j].key
        if j + 1 < n and words[j + 1].key.startswith(_K_SUR) and k in weekdays:
            return False  # چوارشەممە سووری: a feast, no date
        return k in weekdays or (k.endswith("ی") and k[:-1] in weekdays) or _weekday_rest(k, weekdays) is not None

    def year_at(j: int) -> bool:
        return j < n and words[j].kind == "num" and words[j].f.isdigit() and len(words[j].f) in (2, 4)

    def day_month(j: int) -> int:
        """Index of the last word of `DAY(ی) MONTH` / `DAY و DAY(ی) MONTH` at j, or -1."""
        if j >= n or words[j].kind != "num" or len(words[j].f) > 2:
            return -1
        k = j + 1
        if k + 1 < n and words[k].key in links and words[k + 1].kind == "num":
            k += 2
        if k + 1 < n and words[k].f == ")" and words[k + 1].key == "ی" and glued(k, k + 1) \
                and j >= 1 and words[j - 1].f == "(":
            k += 1  # ( 24 )ی سێپتەمبێر, ( 11 - 18 )ی تموز: the day in brackets
        if k < n and words[k].key == "ی" and (glued(k - 1, k) or words[k - 1].kind == "num"):
            k += 1  # 5ی حوزەیران, 5 ی حوزەیران
        if k + 1 < n and words[k].key == _K_MONTH and words[k - 1].key == "ی" and month_at(k + 1):
            k += 1  # 9ی مانگی ئازار
        if k + 1 < n and words[k].key == _K_MONTH and _month_number(words[k + 1]):
            return k + 1  # 19 مانگی هەشت, 5ی مانگی 3: a month by its number
        m = month_at(k)
        if m and k + m + 1 < n and words[k + m].f == "/" and month_at(k + m + 1):
            return k + m + month_at(k + m + 1)  # 22 ئاب / ئۆگۆست: the same month in two calendars
        return k + m - 1 if m else -1

    def day_slash_month(j: int) -> bool:
        """`DAY / MONTH` in digits at j, not part of a longer number or date (2 / 8 / 2009)."""
        if j + 2 >= n or words[j].kind != "num" or words[j + 1].f != "/" or words[j + 2].kind != "num":
            return False
        d, m = words[j].f, words[j + 2].f
        if not (d.isdigit() and m.isdigit() and len(d) <= 2 and len(m) <= 2 and 1 <= int(d) <= 31 and 1 <= int(m) <= 12):
            return False
        return not (j + 3 < n and (words[j + 3].f in ("/", "%", "٪") or words[j + 3].kind == "num"))

    def after_month(j: int) -> int:
        """Extend past a month at j-1: (ی) (ساڵی) YEAR (ی) (ERA)."""
        k = j
        if k + 1 < n and words[k].key == "ی" and words[k - 1].kind == "num" and glued(k - 1, k) \
                and (year_at(k + 1) or words[k + 1].key in year_heads and year_at(k + 2)):
            k += 1  # مانگی 3ی 2020: the ezafe after a month's number
        if k < n and words[k].key in year_heads and year_at(k + 1):
            k += 1
        if year_at(k) and (k == j or words[k - 1].key in year_heads or True):
            k += 1
            return after_year(k)
        return j

    def after_year(k: int) -> int:
        if k < n and words[k].key == "ی" and glued(k - 1, k) and k + 1 < n and _era(words[k + 1], eras):
            return k + 2
        if k < n and _era(words[k], eras) and not (k + 1 < n and words[k + 1].key.startswith(_K_LAST)):
            return k + 1  # (ساڵی 2013 کۆچی دوایی کرد: "passed away", no era)
        return k

    starts: list[int] | None = None
    ends: list[int] = []
    for mt in _DATE_NUM.finditer(text):
        if starts is None:
            starts, ends = word_starts(words), word_ends(words)
        i0 = bisect_left(starts, mt.start())  # the word starting there (starts ascend), or -1
        if i0 == n or starts[i0] != mt.start():
            i0 = -1
        i1 = bisect_left(ends, mt.end())  # the word ending there, or -1
        if i1 == n or ends[i1] != mt.end():
            i1 = -1
        if i0 >= 0 and i1 >= i0:
            if i0 >= 1 and weekday_at(i0 - 1):
                i0 -= 1
            if i0 >= 1 and words[i0 - 1].key in heads:
                i0 -= 1
            spans.add(i0, i1, words[i0].start, mt.end(), "DATE", None, "rule")

    # a date can only start at a number or at a word that is (or opens with لە and is) a head,
    # a weekday or a month: the other words are skipped
    resume = 0
    index = key_index(words)
    at = index.at
    date_keys = _date_start_keys(heads, weekdays, months)  # (the smaller of the two is walked, in C)
    start_keys = list(date_keys.intersection(at) if len(date_keys) > len(at) else at.keys() & date_keys)
    # a number's key opens with an ASCII digit (folded); another character that is a digit
    # (², ৩) is a unit of its own: the keys opening with a digit are found by two regexes
    start_keys += index.found(_ASCII_DIGIT_KEY)
    start_keys += [k for k in index.found(_OTHER_ONE_CHAR_KEY) if k.isdigit()]
    for i in _merge([at[k] for k in start_keys]):
        if i < resume:
            continue
        w = words[i]
        if w.kind == "num" and len(w.f) > 2 and not (len(w.f) == 4 and w.f.isdigit()) \
                and w.key not in heads and not w.key.startswith(_K_LE):
            continue  # (a number of three characters or more that is no year: no date starts at it)
        j = i
        core = False
        start_off = 0
        if words[j].key in heads:
            j += 1
        elif (words[j].key[:2] in (_K_LE, _K_KE) and words[j].key[2:] in heads
              or words[j].key[:4] == _K_KE + _K_LE and words[j].key[4:] in heads) and j + 1 < n \
                and (year_at(j + 1) or words[j + 1].kind == "num" and len(words[j + 1].f) <= 2 or weekday_at(j + 1)
                     or words[j + 1].key in _WEEKDAY_NUMS):
            start_off = 2  # لەساڵی 2014, کەساڵی 2011 (له‌ساڵی: after the ZWNJ, as _splits)
            if words[j].key[2:] not in heads and words[j].f[2:4] == _K_LE:
                start_off = 4  # کەلەڕۆژانی 7 تا 16ی مای
            while start_off < len(words[j].f) and words[j].f[start_off] in _DROP_EDGE:
                start_off += 1
            j += 1
        if j > i and j + 1 < n and words[j].key in _WEEKDAY_NUMS and words[j + 1].key.startswith(_K_SHEMME) \
                and weekday_at(j + 1):
            j += 1  # ڕۆژی پێنج شەممە: the weekday written in two words
        if j > i and j + 1 < n and words[j].kind == "word" and words[j].key.endswith(_K_ORDINAL_I) \
                and len(words[j].key) >= 5 and month_at(j + 1):
            j += 1  # ڕۆژی یەکەمی ئەیلوول: the day by its ordinal word
        if j > i and j + 1 < n and words[j].f == "(" and words[j + 1].kind == "num" and day_month(j + 1) >= 0:
            j += 1  # ڕۆژی ( 24 )ی سێپتەمبێر
        if day_slash_month(j) and (j > i or i >= 1 and (words[i - 1].key == _K_LE or glued(i - 1, i)
                                                          and words[i - 1].key.endswith(_K_LE))):
            j, core = j + 3, True  # لە 7 / 3 دا, بڕیارەلە7 / 3: a day and month in digits after لە or a head
        elif weekday_at(j):
            j += 1
            core = True
            c = j + 1 if j < n and words[j].key == "،" else j
            e = day_month(c)
            if e >= 0:
                j = after_month(e + 1)
        else:
            e = day_month(j)
            if e >= 0:
                j, core = after_month(e + 1), True
            elif month_at(j) and (j > i or (i >= 1 and words[i - 1].key in (_K_LE, _K_MONTH))
                                  or year_at(j + month_at(j)) or not _common_month(words[j].key)):
                j, core = after_month(j + month_at(j)), True
            elif j > i and (words[i].key in year_heads or start_off) and year_at(j):
                j, core = j + 1, True
                if j + 1 < n and words[j].key in links and year_at(j + 1):
                    j += 2
                j = after_year(j)
            elif j == i and words[j].kind == "num" and len(words[j].f) == 4 and words[j].f.isdigit() \
                    and 1300 <= int(words[j].f) <= 2099:
                prev = words[i - 1].key if i else ""
                nxt = words[i + 1] if i + 1 < n else None
                if prev in (_K_LE, _K_TA, _K_HATA, _K_BO, "-", "(") \
                        or prev in _YEAR_PERIOD_HEADS and (nxt is None or nxt.kind != "word" or nxt.key not in _YEAR_NOUNS) \
                        or prev == _K_BETWEEN and nxt is not None and nxt.key in links and year_at(i + 2) \
                        and len(words[i + 2].f) == 4 and 1300 <= int(words[i + 2].f) <= 2099 \
                        or nxt is None or nxt.kind == "punct" or (nxt.start == words[i].end and nxt.kind == "word"
                                                             and nxt.key in _YEAR_CLITICS) \
                        or nxt.key in _YEAR_POSTPOSITIONS:  # (لە سەرەتای 2010 دا: the postposition spaced)
                    j, core = i + 1, True
                    if j + 1 < n and words[j].key in links and year_at(j + 1) and len(words[j + 1].f) == 4:
                        j += 2  # 1914 - 1918
        if core and j > i:
            last = words[j - 1]
            end = last.end if last.kind != "word" or _era(last, eras) and last.key in eras else last.start + _trim_clitics(last, keep_i=False)
            if last.kind == "word" and _era(last, eras) and last.key not in eras:
                end = last.start + len(_era(last, eras))
            elif last.kind == "word" and last.key in weekdays:
                end = last.end  # هەینی: the final ی is the weekday's, not an ezafe
            elif last.kind == "word" and _weekday_rest(last.key, weekdays):
                rest = _weekday_rest(last.key, weekdays) or ""
                if fold_key(last.f[-len(rest):]) == rest:
                    end = last.end - len(rest)  # شەممەدا, هەینیش: the weekday without its clitic
            if i >= 1 and not start_off and words[i].key.startswith(_K_SHEMME) and words[i - 1].key in _WEEKDAY_NUMS \
                    and spans.owner[i - 1] < 0:
                i -= 1  # پێنج شەممە
            if spans.add(i, j - 1, words[i].start + start_off, end, "DATE", None, "rule"):
                resume = j

    # a weekday written together with the next word (text without the space after a final ە):
    # ڕۆژی سێشەممەبەهای …, چوارشەممەیان سبەی, (شەممە، دووشەممە، چوارشەممەو
    for k in set(index.found(_glued_weekday_rx(), lines=True)):
        for i in at[k]:
            w = words[i]
            if spans.owner[i] >= 0 or w.kind != "word" or k in common_words():
                continue
            cut = max((p for p in range(4, len(w.f)) if w.f[p - 1] == "ە" and fold_key(w.f[:p]) in weekdays),
                      default=0)
            rest = fold_key(w.f[cut:])
            if cut and (len(rest) >= 2 or rest == "و") and not rest.startswith(_K_SUR):  # (چوارشەممەسووری: a feast)
                i0 = i
                if i0 >= 1 and words[i0 - 1].key in _WEEKDAY_NUMS and spans.owner[i0 - 1] < 0 \
                        and w.key.startswith(_K_SHEMME):
                    i0 -= 1  # ڕۆژی پێنج شەممەبۆ: the weekday written in two words
                if i0 >= 1 and words[i0 - 1].key in heads and spans.owner[i0 - 1] < 0:
                    i0 -= 1
                spans.add(i0, i, words[i0].start, w.start + cut, "DATE", None, "rule")


_MONTH_NUMBER_WORDS = frozenset(fold_key(x) for x in (
    "یەک", "دوو", "سێ", "چوار", "پێنج", "شەش", "حەوت", "هەشت", "نۆ", "دە", "یازدە", "دوازدە"))


def _month_number(w: Word) -> bool:
    """``w`` is a month's number, 1 to 12, in digits or words (مانگی هەشت, مانگی 8)."""
    if w.kind == "num":
        return w.f.isdigit() and len(w.f) <= 2 and 1 <= int(w.f) <= 12
    k = w.key
    if w.kind == "word" and k.endswith(_MONTH_NUMBER_CLITICS) and k not in _MONTH_NUMBER_WORDS:
        k = k[:-len(next(c for c in _MONTH_NUMBER_CLITICS if k.endswith(c)))]  # مانگی چوارەوە, مانگی دەدا
    return w.kind == "word" and (k in _MONTH_NUMBER_WORDS or k[-1:] == "ی" and k[:-1] in _MONTH_NUMBER_WORDS)


_MONTH_NUMBER_CLITICS = (fold_key("دا"), fold_key("ەوە"))


_DEMONSTRATIVES = frozenset(fold_key(x) for x in ("ئەو", "ئەم"))
_SON_OF = frozenset(fold_key(x) for x in ("کوڕی", "کچی"))
_K_LAST = fold_key("دوای")  # کۆچی دوایی: death
_QUOTE_MARKS = frozenset('"«»“”\'')
_DEMONSTRATIVES_GLUED = frozenset(fold_key(x) for x in ("لەم", "لەو", "بەم", "بەو", "بۆم", "بۆو"))


@cache
def _glued_weekday_rx() -> Any:
    """A regex over ``nl_blob`` finding a weekday in ە followed by more letters in a key (the
    weekday glued to the next word, when the key opens with it): the weekdays in شەممە / شەمە,
    a literal searched fast, the key checked after (the rarer شەنبە, جومعە are not looked for
    glued)."""
    return re.compile(f"{_K_SHEMME[:3]}م?ە(?=[^\n])")


_WEEKDAY_NUMS = frozenset(fold_key(x) for x in ("یەک", "دوو", "سێ", "چوار", "پێنج"))
_K_SHEMME = fold_key("شەممە")
_K_SUR = fold_key("سوور")
_K_THAT = fold_key("ئەوە")
_K_YAN = fold_key("یان")


def _keys_with_suffix(index: _KeyIndex, suffixes: tuple[str, ...]) -> set[str]:
    """The keys of the text of ``index`` that end with one of ``suffixes`` and have three letters
    or more before it (those of the first suffix first, each suffix's in the text's order).

    >>> sorted(_keys_with_suffix(key_index(scan("سەعیدپوور و پوور")), (fold_key("پوور"),))) == [fold_key("سەعیدپوور")]
    True
    """
    rx = _SUFFIX_RX.get(suffixes)
    if rx is None:
        rx = _SUFFIX_RX[suffixes] = compile_cached("(?:" + "|".join(map(re.escape, suffixes)) + ")$", re.M)
    keys = index.found(rx, lines=True)
    out = set()
    for suf in suffixes:
        out.update(k for k in keys if k.endswith(suf))
    return {k for k in out if len(k) >= 3 + min(map(len, suffixes))}


_SUFFIX_RX: dict[tuple[str, ...], Any] = {}


_KU_ACRONYM = re.compile("^(?:ئە|ئا)?(?:[بپتجچحخدرزژسشعغفڤقکگلمنهویە][ەا]){2,}$")  # letter names: پەکەکە, ئەسەپە
_LIGHT_VERBS = frozenset(fold_key(x) for x in (
    "دەدات", "دەدەن", "دا", "دەکات", "دەکەن", "کرد", "کردووە", "کردبوو", "دەکرێت", "کرا", "دەگرێت", "گرت", "گرتووە", "دەخات", "خست", "خستووە", "دەهێنێت", "هێنا"))
_K_FEDERAL = fold_key("فیدراڵ")
# three to five letter names (a consonant + ە, یە for ی): پەکەکە, بەدەپە, هەدەپە, پەیەدە
_KURDISH_ACRONYM = re.compile("(?:[بپتجچحخدرڕزژسشعغفڤقکگلڵمنهو]ە|یە){3,5}")
_K_BOTH = fold_key("هەردوو")
_GROUP_HEADS = frozenset(fold_key(x) for x in ("گروپی", "گرووپی", "ڕێکخراوی", "تەنزیمی", "ڕژێمی", "بزووتنەوەی"))
_ORGANS = frozenset(fold_key(x) for x in ("دەستەی", "کۆمیتەی", "لیژنەی", "مەکتەبی"))  # a body's organs:
_ORGAN_KINDS = frozenset(fold_key(x) for x in ("کارگێڕی", "کارگێڕیی", "کارگێری", "کارگێریی", "ناوەندی", "ناوەندیی",
                                               "سیاسی", "سیاسیی", "بەڕێوەبەری", "بەڕێوەبەریی"))  # دەستەی کارگێڕیی X
_WEEKDAY_CLITICS = ("دا", "یدا", "ەوە", "وە", "یش", "ش", "یشدا", "شدا")


def _weekday_rest(k: str, weekdays: frozenset[str]) -> str | None:
    """The clitic after a weekday in the key ``k`` (شەممەدا -> دا), or None."""
    for suf in _WEEKDAY_CLITICS:
        if k.endswith(suf) and k[:-len(suf)] in weekdays:
            return suf
    return None


def _common_month(k: str) -> bool:
    """The month word ``k`` (bare or with a clitic) is also a common word: ئازار "pain",
    ئازارە "this pain" — a date only with a number, a year or لە / مانگی before it."""
    common = common_words()
    names = given_names()  # ڕەمەزان, ڕەجەب: a Hijri month that is also a given name
    return k in common or k in names or any(k.endswith(suf) and (k[:-len(suf)] in common or k[:-len(suf)] in names)
                                            for suf in _MONTH_SUFFIXES)


_ASCII_DIGIT_KEY = re.compile("\n([0-9][^\n]*)$", re.M)  # (over nl_blob)
_OTHER_ONE_CHAR_KEY = re.compile("\n([^\x00-\x7f\n])$", re.M)
_MONTH_SUFFIXES = ("ی", "دا", "ەوە", "یدا", "یش", "یشدا", "ە", "یە")
_DATE_START_KEYS: dict[tuple[int, int, int], tuple[Any, frozenset[str]]] = {}


def _date_start_keys(heads: frozenset[str], weekdays: frozenset[str], months: dict[tuple[str, ...], str]
                     ) -> frozenset[str]:
    """The word keys a date may start at (besides numbers): a classifier head (also glued to
    لە), a weekday (+ی), a month phrase's first key, a one-word month + suffix."""
    got = _DATE_START_KEYS.get((id(heads), id(weekdays), id(months)))
    if got is not None and got[0] == (heads, weekdays, months):
        return got[1]
    alts = set(heads) | {_K_LE + h for h in heads} | {_K_KE + h for h in heads} | {_K_KE + _K_LE + h for h in heads}
    alts |= set(weekdays) | {d + "ی" for d in weekdays}
    alts |= _first_keys(months)
    alts |= {k[0] + suf for k in months if len(k) == 1 for suf in _MONTH_SUFFIXES}
    keys = frozenset(alts)
    _DATE_START_KEYS[(id(heads), id(weekdays), id(months))] = ((heads, weekdays, months), keys)
    return keys

_MONTH_FIRST: dict[int, frozenset[str]] = {}


def _month_multi_first(months: dict[tuple[str, ...], str]) -> frozenset[str]:
    """The first keys of the two-word months (made once a table)."""
    got = _MONTH_MULTI.get(id(months))
    if got is None or got[0] is not months:
        got = _MONTH_MULTI[id(months)] = (months, frozenset(p[0] for p in months if len(p) == 2))
    return got[1]


_MONTH_MULTI: dict[int, tuple[Any, frozenset[str]]] = {}


def _month_first(months: dict[tuple[str, ...], str]) -> frozenset[str]:
    got = _MONTH_FIRST.get(id(months))
    if got is None:
        got = _MONTH_FIRST[id(months)] = frozenset(k[0][:2] for k in months)
    return got


def _era(w: Word, eras: frozenset[str]) -> str:
    """The era word (زایینی, هەتاوی, کۆچی) that ``w`` starts with, or ''."""
    if w.kind != "word":
        return ""
    for e in eras:
        if w.key.startswith(e):
            return w.f[:len(e)]
    return ""


_KIN = frozenset(fold_key(x) for x in ("کوڕی", "کچی", "برای", "خوشکی", "هاوسەری", "باوکی", "دایکی", "ناوی", "نازناوی"))
_KIN_REL = frozenset(fold_key(x) for x in ("کوڕی", "کچی", "برای", "خوشکی", "هاوسەری", "باوکی", "دایکی"))
_NAME_FIELDS = frozenset(fold_key(x) for x in ("ناو", "پاشناو", "نازناو", "ناوی", "نازناوی"))
_NAMED = frozenset({_K_NAMED, _K_NAMED_PL, _K_KNOWN_AS, _K_HEADED_BY})
_NAMED_OR_BE = _NAMED | {_K_BE, _K_KNOWN}


def _one_word_titles(titles: dict[tuple[str, ...], str], honorifics: frozenset[str]) -> frozenset[str]:
    """The one-word titles that are not honorifics (cached for the loaded tables)."""
    got = _TITLES_1.get((id(titles), id(honorifics)))
    if got is None or got[0] is not titles or got[1] is not honorifics:
        got = _TITLES_1[(id(titles), id(honorifics))] = (
            titles, honorifics, frozenset(k[0] for k in titles if len(k) == 1) - honorifics)
    return got[2]


_TITLES_1: dict[tuple[int, int], tuple[Any, Any, frozenset[str]]] = {}


def find_entities(text: str, words: list[Word] | None = None, model: bool = False) -> list[Entity]:
    """Named entities of ``text`` (PER, LOC, ORG, DATE), flat spans in the original text.

    >>> [(e.text, e.label, e.english) for e in find_entities("لەئەمریکا و ئەڵمانیاش")]
    [('ئەمریکا', 'LOC', 'United States'), ('ئەڵمانیا', 'LOC', 'Germany')]
    >>> [(e.text, e.label) for e in find_entities("بەگوێرەی وەزارەتی بەرگریی ئازەربایجان،")]
    [('وەزارەتی بەرگریی ئازەربایجان', 'ORG')]
    """
    with no_cycle_collection():
        return _find_entities(text, words, model)


_GLUED_NAME: dict[str, Any] = {}  # word form -> _glued_name
_GLUED_RX: list[Any] = []


def _glued_keys(index: _KeyIndex) -> set[str]:
    """The keys of the text of ``index`` that ``_glued_name`` can find a name in: a place or body
    of four letters or more (after a glued preposition) right after an ە, or opening the key and
    followed by two letters or more after its final ە or its ەوە."""
    if not _GLUED_RX:
        import sys

        from sorani._data import cached_derived, data_path

        gaz, gmod = gazetteer(), sys.modules["sorani.entities.gazetteer"]
        sources = [str(data_path("gazetteer") / name) for name in gmod.GAZETTEER_FILES]
        sources += [__file__, gmod.__file__]
        patterns = cached_derived("glued-names", sources, lambda: _glued_key_patterns(gaz))
        if type(patterns) is not tuple:
            patterns = _glued_key_patterns(gaz)
        _GLUED_RX.extend((compile_cached(patterns[0]), compile_cached(patterns[1], re.M)))
    inner, opening = _GLUED_RX
    return set(index.found(opening)) | set(index.found(inner, lines=True))


def _glued_key_patterns(gaz: Any) -> tuple[str, str]:
    """The patterns of ``_glued_keys``: a name after an ە (searched), a key opening with a name
    glued to more letters (over whole lines)."""
    names = {k for k, (e, amb) in gaz.single.items() if len(k) >= 4 and not amb and e.label in ("LOC", "ORG")}
    # (no optional preposition: لە, بە, کە end in ە, so a name after one of them follows an ە too)
    opening = trie_pattern({k + _K_EWE for k in names} | {k for k in names if k.endswith("ە")})
    return f"ە(?:{trie_pattern(names)})", f"\n(?=[^\n]{{7}})((?:{opening})[^\n]{{2}}[^\n]*)$"


def _glued_name(w: Word, common: frozenset[str]) -> tuple[int, int, Entry] | None:
    """(start, end inside ``w``, entry) of the longest place or organisation of four letters or
    more that the word holds between boundaries after an ە (a word written on the next one
    without its space), itself with a glued preposition and suffixes as usual; None if none."""
    f = w.f
    if len(f) < 6 or w.key in common or "\u0640" in f or "\u200c" in f:  # (a ZWNJ: ە spelt ه+ZWNJ, words spaced)
        return None
    gaz = gazetteer()
    three, _ = _name_heads(gaz)
    stp = stops()
    cuts = [p for p in range(2, len(f) - 1) if f[p - 1] == "ە"]
    ends = [p for p in cuts if p >= 4] + [len(f)]
    best: tuple[int, int, Entry] | None = None
    for s in [0, *(p for p in cuts if p <= len(f) - 4)]:
        head = key_of_folded(f[s:s + 8])
        if head[:3] not in three and head[2:5] not in three:
            continue  # no name (after a glued preposition) can start there
        left = key_of_folded(f[:s])
        if s and (len(left) < 3 and left not in _GLUED_LEFT or not _glued_word(left, common, stp, True)):
            continue  # قەسیدەکانی, دەکۆلنەوە: the name would start inside a word
        for e in ends:
            if e - s < 4 or e - s > 32 or s == 0 and e == len(f) \
                    or e < len(f) and not _glued_word(key_of_folded(f[e:]), common, stp, False):
                continue  # (پاوەنێکی, مووشەکەکان: the rest is no word of its own)
            for off, _multi, hit in _gazetteer_candidates(gaz, Word(w.start + s, w.start + e, f[s:e])):
                if hit is None or hit[0][1] or hit[0][0].label not in ("LOC", "ORG") or hit[1] < 4:
                    continue
                name = key_of_folded(f[s + off:s + off + hit[1]])
                if e < len(f) and key_of_folded(f[s + off + hit[1]:e]) not in ("", _K_EWE, _K_WE):
                    continue  # a glued word follows the name itself or its ەوە only (غەززەڕاگرێت)
                if name[-1] == "ە" and name[:-1] in common or len(name) < 4 or key_of_folded(f[e:e + 3]) == _K_KAN:
                    continue  # (a common noun + ە; تورکییەکاندا: ەکان is an ending, no glued word)
                if s and not off and not (left in stp or len(left) >= 5 and left.endswith(_K_EWE)
                                          # گەیشتنەواشنتۆن: a word of five letters or more and its final ە
                                          or len(left) >= 6 and left[-1] == "ە" and left[:-1] in common):
                    continue  # (قەلەرەشت: a compound) a glued preposition, a function word or ەوە before it
                if best is None or hit[1] > best[1] - best[0]:
                    best = (s + off, s + off + hit[1], hit[0][0])
    return best


_K_EWE, _K_WE = fold_key("ەوە"), fold_key("وە")
_INFINITIVE_I = tuple(fold_key(x) for x in ("دنی", "تنی", "ینی", "وونی", "نەوەی"))  # a verbal noun in ezafe
_PREPOSITIONS_EWE = frozenset(fold_key(x) for x in ("لەلایەن", "لە", "لەناو", "لەسەر", "بە", "لەگەڵ"))  # … ەوە
_NO_WORD_START = tuple(fold_key(x) for x in ("کان", "یی", "یەکان", "یەکە"))
_LEFT_ENDS = tuple(fold_key(x) for x in ("ەوە", "ەکە", "ەکان"))
_GLUED_LEFT = tuple(fold_key(x) for x in ("لە", "بە", "کە", "بۆ"))
_GLUED_VERB = tuple(fold_key(x) for x in ("دە", "نا", "ڕا", "هەڵ", "بکە", "دەکە"))


def _glued_word(k: str, common: frozenset[str], stp: frozenset[str], left: bool) -> bool:
    """``k``, the part of a token before (``left``) or after a glued name, is a word of its own:
    a common or function word (with a glued preposition, or a final ە), a phrase closed by ەوە or
    an article before the name, a verb after it."""
    if not left and (k.startswith(_NO_WORD_START) or len(k) < 3 and k != "و" and k not in stp):
        return False  # (مەدینەییەکان, سەماوەری: an ending, no word)
    if k in common or k in stp or k in _GLUED_LEFT or k[:2] in _GLUED_LEFT and k[2:] in ("", "ی", "یان"):
        return True
    if len(k) >= 4 and (k[:2] in _GLUED_LEFT and k[2:] in common or k[-1:] == "ە" and k[:-1] in common):
        return True
    if left:
        return len(k) >= 5 and k.endswith(_LEFT_ENDS)
    return len(k) >= 4 and (k.startswith(_GLUED_VERB) or len(k) >= 6 and _verb_like(k))  # دیالەتۆمەتبارکرا


_GLUED_LOC: dict[int, tuple[Any, Any]] = {}


def _glued_loc_heads(heads: frozenset[str]) -> frozenset[str]:
    """The place classifiers of ``heads`` with لە, بە, بۆ or کە written on them (لەگوندی)."""
    return _per_table(_GLUED_LOC, heads, _with_glued_left)  # type: ignore[no-any-return]


def _with_glued_left(heads: frozenset[str]) -> frozenset[str]:
    return frozenset(p + h for p in _GLUED_LEFT for h in heads)


_GLUED_PREFIXES = tuple(fold_key(x) for x in ("لە", "بە", "بۆ", "کە", "و"))
_GLUED: dict[frozenset[str], Any] = {}


def _glued_heads_rx(heads: frozenset[str]) -> Any:
    """A regex finding, among the keys of a text (one a line), the ends of those ending in a
    preposition or conjunction written on one of ``heads`` that has the ezafe (لەپەرلەمانی,
    دەرەوەلەپەرلەمانی): searched from the preposition, not tried from every line start."""
    got = _GLUED.get(heads)
    if got is None:
        from sorani._data import cached_derived

        def build() -> tuple[list[str], str]:
            alt = trie_pattern(h for h in heads if h.endswith("ی"))
            return key, "(?:" + "|".join(map(re.escape, _GLUED_PREFIXES)) + f")(?:{alt})$"

        key = sorted(heads)  # the stored pattern is used only for these very heads
        stored = cached_derived("glued-heads", [__file__], build)
        if type(stored) is not tuple or stored[0] != key:
            stored = build()
        got = _GLUED[heads] = compile_cached(stored[1], re.M)
    return got


def _glued_head_keys(index: _KeyIndex, heads: frozenset[str]) -> frozenset[str]:
    """The keys of the text that end in a preposition or conjunction glued to one of ``heads``
    (``_glued_heads_rx``), without ``heads`` themselves.

    >>> words = scan("لەپەرلەمانی عێراق")
    >>> sorted(_glued_head_keys(key_index(words), frozenset([fold_key("پەرلەمانی")]))) == [words[0].key]
    True
    """
    return frozenset(index.found(_glued_heads_rx(heads), lines=True)) - heads


def _glued_cut(w: Word, heads: frozenset[str]) -> int:
    """Code points of ``w`` before the head of ``heads`` it ends with, after a glued preposition
    (or conjunction) that is not followed by a ZWNJ; 0 if none."""
    f = w.f
    for m in range(max(1, len(f) - 24), len(f) - 1):
        if f[m] != "\u200c" and fold_key(f[max(0, m - 4):m]).endswith(_GLUED_PREFIXES) and fold_key(f[m:]) in heads:
            return m
    return 0


def _glued_prep_word(k: str, common: frozenset[str]) -> bool:
    """``k`` is لە or بە written on a common word (لەیادی, بەشداری is no such word: بە+شداری)."""
    return len(k) > 4 and k[:2] in (_K_LE, _K_BE) and k not in common and k[2:] in common


def _glued_multi_name(words: list[Word], i: int, w: Word, spans: Any) -> bool:
    """Add the gazetteer name of several words that starts with ``w``, the head of ``words[i]``
    cut after a glued preposition (and the word before it: ئێمەلەئەنجوومەنی وەزیران); True if
    one was added."""
    names = gazetteer().multi.get(w.key)
    if not names:
        return False
    n = len(words)
    for keys, entry, amb in names:  # (longest first: ``Gazetteer`` keeps them so)
        m = len(keys)
        if amb or i + m > n or not all(words[i + j].key == keys[j] for j in range(1, m - 1)):
            continue
        last_len = _last_match(words[i + m - 1], keys[-1])
        if last_len and spans.free(i, i + m - 1):
            return spans.add(i, i + m - 1, w.start, words[i + m - 1].start + last_len, entry.label, entry, "gazetteer")
    return False


_K_PNA = fold_key("پەیامنێر")  # the agency Peyamner


@cache
def _unseen_org_keys() -> frozenset[str]:
    """Keys whose positions the rules for unseen organisations visit (gentilics, law heads, bare
    administrative units, correspondents, homographs with ezafe, بۆ)."""
    return frozenset().union(*(single_triggers(c) for c in ("gentilic", "law", "admin_noun", "org_reporter")),
                             _homograph_i_keys(), (_K_BO,))


@cache
def _homograph_i_keys() -> frozenset[str]:
    """Keys of the org_homograph names with their ezafe ی (ڕووداوی)."""
    return frozenset(k + "ی" for k in single_triggers("org_homograph"))


def _keyed(words: list[Word], positions: list[int], keys: frozenset[str]) -> list[int]:
    """The ``positions`` whose word has one of ``keys``."""
    return [x for x in positions if words[x].key in keys]


def _find_entities(text: str, words: list[Word] | None, model: bool) -> list[Entity]:
    if not text:
        return []
    words = scan(text) if words is None else as_word_list(words)
    n = len(words)
    t = triggers()
    common, gnames, stp = common_words(), given_names(), stops()
    loc_heads, loc_features = single_triggers("loc_head"), single_triggers("loc_feature")
    org_heads, org_alone = single_triggers("org_head"), single_triggers("org_alone")
    org_named, brands = single_triggers("org_named"), single_triggers("org_brand")
    admin_nouns, place_desc = single_triggers("admin_noun"), single_triggers("org_place_desc")
    honorifics, titles = single_triggers("honorific"), t.get("title", {})
    gentilics = single_triggers("gentilic")
    org_en = t.get("org_en", {})
    titles_1 = _one_word_titles(titles, honorifics)
    at_keys = key_index(words)
    # the positions of the keys of the rules for unseen organisations, found once (most texts hold none)
    extra = at_keys.positions(_unseen_org_keys())
    clue = {i + 1 for i in at_keys.positions(loc_heads, loc_features, honorifics) if i + 1 < n}
    spans = _Spans(words)
    _dates(words, spans, text)
    for i0, i1, start, end, entry in _gazetteer_matches(words, clue):
        spans.add(i0, i1, start, end, entry.label, entry, "gazetteer")
    # a place or body written together with the words around it (no space after a final ە):
    # بەشێکەلەعێراق, غەززەڕاگرێت, لەئۆرشەلیمەوەبۆی
    glued_names = _GLUED_NAME
    if len(glued_names) > 200_000:
        glued_names.clear()
    for k in _glued_keys(at_keys):
        for i in at_keys.at[k]:
            w = words[i]
            if spans.owner[i] >= 0 or w.kind != "word":
                continue
            got = glued_names.get(w.f, 0)
            if got == 0:
                got = glued_names[w.f] = _glued_name(w, common)
            if got is not None:
                spans.add(i, i, w.start + got[0], w.start + got[1], got[2].label, got[2], "gazetteer")

    for item in list(spans.items):
        i0 = item[0]
        if item[4] == "LOC" and item[1] > i0 and words[i0].key == _K_REPUBLIC_OF and i0 >= 1 \
                and words[i0 - 1].key == _K_PRESIDENT and item[2] == words[i0].start:
            # سەرۆک کۆماری عێراق: the title سەرۆک کۆمار + the country, not the Republic of Iraq
            item[0], item[2] = i0 + 1, words[i0 + 1].start
            spans.owner[i0] = len(spans.items)  # کۆماری stays out of every other entity
            spans.items.append([i0, i0, words[i0].start, words[i0].end, None, None, "title"])
    for item in spans.items:
        # a one-word place that is also a given name, before another given name: سۆران جەمال
        i0 = item[0]
        if item[4] == "LOC" and item[1] == i0 and item[6] == "gazetteer" and words[i0].key in gnames \
                and item[2] == words[i0].start and item[3] == words[i0].end and i0 + 1 < n \
                and words[i0 + 1].key in gnames and spans.owner[i0 + 1] < 0 \
                and (i0 == 0 or words[i0 - 1].kind == "punct" or words[i0 - 1].key in titles_1
                     or words[i0 - 1].key in honorifics):
            item[4], item[5], item[6] = None, None, "rule"
            spans.owner[i0] = -1
            spans.add(i0, i0 + 1, words[i0].start, words[i0 + 1].start + _trim_clitics(words[i0 + 1], True, True),
                      "PER", None, "rule")

    for item in spans.items:
        # a given name before a one-word person of the gazetteer (a family name): ئەحمەد بارزانی
        i0 = item[0]
        if item[4] and item[1] == i0 and item[6] == "gazetteer" and i0 >= 1 and item[2] == words[i0].start \
                and (words[i0 - 1].key in _DEMONSTRATIVES and words[i0].f[item[3] - words[i0].start:][:1] == "ە"
                     or (words[i0 - 1].key in _WEEKDAY_NUMS or words[i0 - 1].key[2:] in _WEEKDAY_NUMS
                         and words[i0 - 1].key[:2] == _K_LE) and words[i0].f[item[3] - words[i0].start:] == "ی"):
            item[4] = None  # ئەو ڕووداوە "that event", دوو ڕووداوی "two events": a common noun, no name
            spans.owner[i0] = -1
            continue
        if item[4] == "PER" and item[1] == i0 and item[6] == "gazetteer" and i0 >= 1 and item[2] == words[i0].start \
                and words[i0 - 1].key in gnames and spans.owner[i0 - 1] < 0:
            item[0], item[2], item[5] = i0 - 1, words[i0 - 1].start, None
            spans.owner[i0 - 1] = spans.owner[i0]

    def name_run_back(j: int, limit: int = 4) -> int:
        """First index of the run of name-candidate words ending at ``j`` (j+1 if none)."""
        k = j
        while k >= 0 and j - k < limit and _is_candidate(words[k], common, stp) and spans.owner[k] < 0:
            k -= 1
        return k + 1

    def known_or_unknown(j: int) -> bool:
        return j < n and words[j].kind == "word" and (words[j].key in gnames or _unknown(words[j], common))

    # a listed body spelt like a common noun (org_homograph) + ezafe ی + a common noun is that common
    # noun (ڕووداوی هاتووچۆ "a traffic accident", گۆڕانی کەشوهەوا "climate change"): no name
    homograph_i = _homograph_i_keys()
    for i0 in _keyed(words, extra, homograph_i):
        item = spans.at(i0)
        if item is None or item[4] != "ORG" or item[6] != "gazetteer" or item[0] != i0 or item[1] != i0 \
                or i0 + 1 >= n or item[2] != words[i0].start or words[i0].f[item[3] - words[i0].start:] != "ی":
            continue
        nx = words[i0 + 1]
        if nx.kind == "word" and (nx.key in common or nx.key[-1:] == "ی" and nx.key[:-1] in common) \
                and nx.key not in stp \
                and spans.owner[i0 + 1] < 0 and not _is_speech_key(nx.key) \
                and not (_verb_like(nx.key) and (len(nx.key) <= 4 or nx.key.startswith(_VERB_START[:4]))):
            item[4] = None  # (هاتووچۆ looks like a verb by its ending, but is a common noun; the word stays
            # claimed, no other rule reads a name in it)
    # a head + a bare administrative unit names no body (سەرۆکایەتی هەرێم, بەڕێوەبەرایەتی ناحیە; GUIDELINES
    # ner_fresh5): the words stay claimed, with no label
    for k in _keyed(words, extra, admin_nouns):
        item = spans.at(k)
        if item is not None and item[4] == "ORG" and item[1] == k and item[0] == k - 1 and item[3] == words[k].end \
                and (words[k - 1].key in org_heads or words[k - 1].key == _K_PRESIDENCY):
            item[4] = None  # (حکومەتی هەرێم, the KRG by its short name, is no such head)
    # organisation heads: ORG-HEAD (ezafe words) (LOC|ORG|unknown name)
    glued_heads = _glued_head_keys(at_keys, org_heads)
    for i in at_keys.positions(org_heads, glued_heads) if glued_heads else at_keys.positions(org_heads):
        w = words[i]
        if w.kind != "word" or spans.owner[i] >= 0:
            continue
        if w.key not in org_heads:  # a preposition written on the head: لەپەرلەمانی عێراق
            if w.key not in glued_heads:
                continue
            cut = _glued_cut(w, org_heads)
            if not cut:
                continue
            w = Word(w.start + cut, w.end, w.f[cut:])
            if _glued_multi_name(words, i, w, spans):
                continue  # ئێمەلەئەنجوومەنی وەزیران: a body of the gazetteer after a glued word
        if w.key == _K_CENTRE and w.f.endswith("یی"):
            continue  # ناوەندیی: "central"
        if not w.f.endswith("ی") and i + 1 < n and words[i + 1].key.endswith(_DEFINITE_ENDS):
            continue  # کۆمپانیا گەورەکانی …: a head without ezafe before a definite word is a common noun
        if i >= 1 and words[i - 1].key in org_heads and spans.owner[i - 1] < 0 and not (
                i >= 2 and words[i - 2].key in org_heads and words[i - 1].key in _ORGAN_KINDS):
            continue  # handled from the first head (but کۆمیتەی ناوەندی حیزبی …: the body after an organ is its own)
        if i + 1 < n and words[i + 1].kind == "num" and len(words[i + 1].f) <= 4 and spans.owner[i + 1] < 0 \
                and (i + 2 >= n or words[i + 2].kind == "punct" or words[i + 2].key in stp
                     or words[i + 2].key == "ی" and words[i + 2].start == words[i + 1].end
                     or _verb_like(words[i + 2].key)):
            # a unit or body named by its number: لیوای 15ی سوپا, فیرقەی 112, کۆمەڵەی 78 (not a count:
            # کۆمەڵەی 50 کەس)
            spans.add(i, i + 1, w.start, words[i + 1].end, "ORG", None, "rule")
            continue
        j = i + 1
        done = False
        while j < n and j <= i + 6:
            s = spans.at(j)
            if s is not None and s[4] == "ORG" and j > i + 1 and s[0] == j \
                    and s[2] == words[j].start and (w.key in _ORGANS and words[i + 1].key in _ORGAN_KINDS or any(
                        words[x].key.endswith(_DEFINITE_I) or _DEFINITE_ENDS[2] in words[x].key for x in range(i + 1, j))):
                done = True  # دەستەی کارگێڕیی حدکا, ناوەندی چەتەکانی داعش: an organ of a known body, or a common noun
                break
            if w.key in _ORGANS and j > i + 1 and words[i + 1].key in _ORGAN_KINDS and words[j].key in org_heads:
                done = True  # دەستەی کارگێڕیی یانەی هەولێر: the body has a head of its own
                break
            if s is not None and s[4] in ("LOC", "ORG") and s[0] == j and s[2] == words[j].start:
                if s[4] == "LOC" and w.key in place_desc and s[5] is not None:
                    done = True  # ناوەندی ئانتالیا, ناوەندی دەرمانیی ماکۆ, کۆمۆنی ئۆپسالا: the centre or
                    break  # municipality of a place: the place alone (a named centre has a name: ناوەندی ڕۆنان)
                if any(words[x].key.endswith(_K_EWE) for x in range(i + 1, j)):
                    done = True  # لیستی ڕەشی تیرۆریستانەوە - … حکومەتی ئەمەریکا: a phrase closed by ەوە
                    break  # ends the name before the place
                if j == i + 1 and s[4] == "ORG" and w.key in _GROUP_HEADS and s[5] is not None \
                        and s[5].subtype in ("party", "armed_group"):
                    done = True  # گروپی دەوڵەتی ئیسلامی, ڕێکخراوی ئەلقاعیدە: a descriptive head stays out
                    break
                entry = None
                m = _phrase_at(words, i, org_en)
                if m and s[5] is not None and m == j - i:
                    en = f"{org_en[tuple(x.key for x in words[i:i + m])]} ({s[5].english})"
                    entry = Entry("ORG", en, "government", "", ())
                spans.add(i, s[1], w.start, s[3], "ORG", entry, "rule", replace=True)
                done = True
                break
            if words[j].key in _DESCRIPTIVE_HEADS and w.key == _K_CENTRE:
                break  # ناوەندی شاری X: the centre of a city, not an organisation
            if s is None and (words[j].f == "-" or words[j].key == "و") and j + 1 < n and words[j + 1].kind == "word":
                if j == i + 1:
                    break  # کۆنسوڵگەری و وەزارەتی …: a bare head coordinated with the next name has no name
                if words[j + 1].key in org_heads or words[j].f == "-" and _KURDISH_ACRONYM.fullmatch(words[j + 1].f):
                    break  # ئاژانسی پەیامنێر و ڕادیۆی زاگرۆس, پارتی گەلی کۆماری - جەهەپە: the next body or its acronym
                j += 1
                continue
            if j == i + 1 and s is None and words[j].kind == "word" and words[j].f.endswith("ی") \
                    and len(words[j].key) >= 5 and _unknown(words[j], common) and words[j].key not in stp \
                    and words[j].key not in gnames and not words[j].key.endswith(_DEFINITE_ENDS) \
                    and not _verb_like(words[j].key) and words[j].key[:-1] not in gazetteer().single \
                    and j + 1 < n and spans.owner[j + 1] < 0 \
                    and (words[j + 1].kind == "punct" or words[j + 1].key[:2] == _K_LE and len(words[j + 1].key) > 4):
                # نەخۆشخانەی ئیمرجنسی لەڕێگادا: an unknown one-word name in ی closed by a glued
                # preposition or punctuation keeps its ی (not a gentilic of a listed name: یانەی عێراقی)
                spans.add(i, j, w.start, words[j].end, "ORG", None, "rule")
                done = True
                break
            if s is not None or words[j].kind != "word" or words[j].key in stp and words[j].key not in org_heads \
                    and words[j].key not in loc_heads:
                break
            if not words[j].f.endswith(("ی", "ێتی")) and not known_or_unknown(j) \
                    and not (j + 1 < n and words[j + 1].key == "و"):
                break
            if j == i + 1 and words[j].key[:2] == _K_LE and len(words[j].key) > 5 \
                    and (words[j].key.endswith(_INDEF_ENDS) or _glued_prep_word(words[j].key, common)):
                break  # کۆمپانیای لەڕێوڕەسمێک: a preposition glued to a common word opens no name
            if known_or_unknown(j) and not words[j].key.endswith("ی") and j == i + 1:
                # a foreign name of several words: ڕۆژنامەی لۆس ئەنجلس تایمز, کەناڵی فرانس 24
                while j + 1 < n and j < i + 4 and spans.owner[j + 1] < 0 and words[j].f[-1:] != "ی" \
                        and (words[j + 1].kind == "num" and len(words[j + 1].f) <= 3
                             and not (j + 2 < n and _ezafe_noun(words[j + 2], common))  # (… لایک 100 قوتابخانەی: a count)
                             or words[j + 1].kind == "word" and _unknown(words[j + 1], common)
                             and words[j + 1].key not in stp and not _verb_like(words[j + 1].key)
                             and words[j + 1].key not in gnames
                             and not words[j + 1].key.endswith(_DEFINITE_ENDS)):
                    j += 1
                end = words[j].start + _trim_clitics(words[j], keep_i=False) if words[j].kind == "word" \
                    else words[j].end
                spans.add(i, j, w.start, end, "ORG", None, "rule")
                done = True
                break
            if j == i + 1 and _unknown(words[j], common) and words[j].key not in gnames and j + 1 < n \
                    and not words[j].key.endswith("یی") and _ezafe_noun(words[j + 1], common) \
                    and spans.owner[j + 1] < 0 and words[j + 1].key[:-1] not in stp \
                    and words[j + 1].key not in org_heads and words[j + 1].key not in loc_heads:
                # یانەی ناپۆلی نازناوی …: the name ends before a common noun in ezafe; its final ی is
                # the name's own unless the name without it is known (یانەی لیڤەرپوولی ئینگلیزی)
                end = words[j].end
                if words[j].key.endswith("ی") and words[j].key[:-1] in gazetteer().single:
                    end -= 1
                spans.add(i, j, w.start, end, "ORG", None, "rule")
                done = True
                break
            j += 1
        if not done and w.key in brands and i + 1 < n and words[i + 1].kind == "word" and spans.owner[i + 1] < 0 \
                and words[i + 1].key not in common and words[i + 1].key not in stp and words[i + 1].key not in gnames \
                and words[i + 1].key[:-1] not in common \
                and len(words[i + 1].key) >= 4 and not _verb_like(words[i + 1].key) \
                and not words[i + 1].f.endswith("ی") and not words[i + 1].key.endswith(_DEFINITE_ENDS) \
                and not words[i + 1].key.endswith(_INDEF_ENDS) \
                and not _glued_prep_word(words[i + 1].key, common) \
                and (i + 2 == n or words[i + 2].kind == "punct" or _verb_like(words[i + 2].key)
                     or words[i + 2].key in stp and words[i + 2].key not in org_heads):
            # کۆمپانیای پارسیان لەسەر …: after a company, club or media head a word that is no common word
            # (though it parses as one + an ending: پارس+یان) is the name when the phrase ends after it; a
            # common word + a one-letter clitic is none (ڕادیۆی بەستەزمانم "my poor radio")
            spans.add(i, i + 1, w.start, words[i + 1].start + _trim_clitics(words[i + 1], True, True), "ORG",
                      None, "rule")
            done = True
        if not done and w.key in org_alone and i + 1 < n and words[i + 1].kind == "word" \
                and words[i + 1].key not in stp and spans.owner[i + 1] < 0 \
                and words[i + 1].key not in admin_nouns:  # (بەڕێوەبەرایەتی ناحیە: of an unnamed subdistrict)
            j = i + 1
            while j + 1 < n and j < i + 3 and words[j].f.endswith("ی") and words[j + 1].kind == "word" \
                    and words[j + 1].key not in stp and spans.owner[j + 1] < 0 and words[j + 1].key in common \
                    and words[j + 1].f.endswith("ی"):
                j += 1
            nxt_noun = j + 1 < n and words[j + 1].kind == "word" and not _verb_like(words[j + 1].key) \
                and not _is_speech_key(words[j + 1].key) and words[j + 1].key not in _DEMONSTRATIVES
            # (وەزارەتی ناوخۆی ئەو وڵاتە: the ezafe before a demonstrative is no part of the name)
            if not (j == i + 1 and j + 1 < n and words[j + 1].key in _LIGHT_VERBS and not words[j].f.endswith("ی")):
                # (… بەڕێوەبەرایەتی تاوانبار کرد: a preverb of a compound verb, "accused the administration")
                spans.add(i, j, w.start, words[j].start + _trim_clitics(words[j], keep_i=nxt_noun), "ORG", None,
                          "rule")
        elif not done and w.key in org_named and (i == 0 or words[i - 1].kind == "punct" or words[i - 1].key in stp
                                                  or w.start > words[i].start):
            # ئەنجومەنی سەوزی چیا، ڕێکخراوی مافی مرۆڤ: an ezafe chain closed by the end of the phrase
            j = i + 1
            while j < n and j < i + 5 and words[j].kind == "word" and words[j].key not in stp \
                    and spans.owner[j] < 0 and not _verb_like(words[j].key) and words[j].f.endswith("ی") \
                    and j + 1 < n and words[j + 1].kind == "word":
                j += 1
            kj = words[j].key if j < n else ""
            # لەلایەن ڕێکخراوی مافی مرۆڤەوە: ەوە on a common noun closes the phrase a preposition opened
            ewe = 0
            if i >= 1 and words[i - 1].key in _PREPOSITIONS_EWE and kj.endswith(_K_EWE):
                ewe = next((len(c) for c in (_K_WE, _K_EWE) if kj[:-len(c)] in common
                            and not _verb_like(kj[:-len(c)]) and not kj[:-len(c)].endswith("ن")), 0)
                # (ژینگەوە: وە after the word's own ە; بڵاوکردنەوە: the particle of a verbal noun, no clitic)
            if j < n and j > i and words[j].kind == "word" and kj not in stp and spans.owner[j] < 0 \
                    and (ewe or not _verb_like(kj)) and not words[j].f.endswith("ی") \
                    and (ewe or j + 1 >= n or words[j + 1].kind == "punct" or words[j + 1].key in stp
                         or _verb_like(words[j + 1].key)
                         or words[j + 1].key.startswith(_K_LE) and len(words[j + 1].key) > 3):  # … لەدژی
                end = words[j].end - ewe if ewe else words[j].start + _trim_clitics(words[j], keep_i=True)
                spans.add(i, j, w.start, end, "ORG", None, "rule")
            elif kj == _K_BO and j > i + 1 and words[j - 1].key in common:
                # ڕێکخراوی عەرەبی بۆ مافەکانی مرۆڤ: head + modifiers + "for" + an ezafe chain closed by
                # the end of the phrase names the body
                k = j + 1
                while k < n and k < j + 4 and words[k].kind == "word" and words[k].key not in stp \
                        and spans.owner[k] < 0 and not _verb_like(words[k].key) and words[k].f.endswith("ی") \
                        and k + 1 < n and words[k + 1].kind == "word":
                    k += 1
                if k > j + 1 and k < n and words[k].kind == "word" and words[k].key not in stp \
                        and spans.owner[k] < 0 and not _verb_like(words[k].key) and not words[k].f.endswith("ی") \
                        and (k + 1 >= n or words[k + 1].kind == "punct" or _verb_like(words[k + 1].key)
                             or words[k + 1].key.startswith(_K_LE) and len(words[k + 1].key) > 3):
                    spans.add(i, k, w.start, words[k].start + _trim_clitics(words[k], keep_i=True), "ORG", None,
                              "rule")

    # a body found by its naming head + بۆ + an ezafe chain closed by the end of the phrase is one name
    # (نێوەندی مۆشی دایان بۆ لێکۆڵینەوەی ستراتیژی لەدواترین …)
    def closes(k: int) -> bool:
        return k >= n or words[k].kind == "punct" or words[k].key in stp or _verb_like(words[k].key) \
            or words[k].key[:2] == _K_LE and len(words[k].key) > 3

    for b in [x for x in extra if words[x].key == _K_BO] if extra else ():
        item = spans.at(b - 1) if b >= 2 else None
        if item is None or item[4] != "ORG" or item[6] != "rule" or item[1] != b - 1 \
                or item[3] != words[b - 1].end or words[item[0]].key not in org_named \
                and words[item[0]].key[2:] not in org_named:  # (لەنێوەندی: a preposition on the head)
            continue
        k = b + 1
        while k < n and k < b + 5 and words[k].kind == "word" and words[k].key not in stp and spans.owner[k] < 0 \
                and not _verb_like(words[k].key) and words[k].key[:2] != _K_LE:
            if closes(k + 1):
                if k > b + 1:  # (two words at least after بۆ)
                    spans.add(item[0], k, item[2], words[k].start + _trim_clitics(words[k], keep_i=True), "ORG",
                              None, "rule", replace=True)
                break
            if not words[k].f.endswith("ی"):
                break
            k += 1

    # an unknown name right after a correspondent (هەواڵنێری کوردپرێس, پەیامنێری X لە …) is the outlet
    reporters = single_triggers("org_reporter")
    for r in _keyed(words, extra, reporters):
        j = r + 1
        while j < n and j < r + 3 and words[j].kind == "word" and spans.owner[j] < 0 and _unknown(words[j], common) \
                and words[j].key not in gnames and words[j].key not in stp and not _verb_like(words[j].key):
            j += 1
        if j > r + 1 and spans.owner[r] < 0 and (j == n or words[j].kind == "punct" or words[j].key in stp
                                                or _verb_like(words[j].key) or words[j].key in gnames):
            spans.add(r + 1, j - 1, words[r + 1].start, words[j - 1].start + _trim_clitics(words[j - 1], True, True),
                      "ORG", None, "rule")

    # the ezafe chain of an ORG found by its head runs on while its words carry the ezafe and ends at
    # the first word without it (بەڕێوەبەرایەتی گشتیی کەشناسی); a dash joins two ezafe words
    # (ناوەندی زانستی - فەرهەنگی X); "A و Bی C" is one name (ئیدارەی فەرهەنگ و ئیرشادی پاوە)
    def chain_word(j: int) -> bool:
        wj = words[j]
        return wj.kind == "word" and spans.owner[j] < 0 and not _verb_like(wj.key) \
            and (wj.key not in stp or wj.key in loc_heads)

    def ezafe_chain(h: int, item: Any) -> tuple[int, int] | None:
        """(last word, end offset) of the ezafe chain after the head at ``h``, None if it does not close."""
        j, got = h + 1, None
        while j < n and j <= h + 8:
            s = spans.at(j)
            if s is not None and s is not item:
                if s[4] in ("LOC", "ORG") and s[0] == j and s[2] == words[j].start:
                    got = (s[1], s[3])
                break
            if s is None and not chain_word(j):
                break
            wj = words[j]
            if wj.f.endswith("ی"):
                if j + 2 < n and words[j + 1].f in ("-", "–") and words[j + 2].kind == "word":
                    j += 2
                    continue
                if j + 1 >= n or words[j + 1].kind == "punct" or words[j + 1].key in stp \
                        and words[j + 1].key not in loc_heads:
                    if j + 1 < n and words[j + 1].key in org_heads:
                        break  # (… ژیانەوەی یەکێتیی کورد: the name goes on into another body)
                    got = (j, wj.start + _trim_clitics(wj, keep_i=True))  # کەشناسی، : the word's own ی
                    break
                j += 1
                continue
            if wj.key in gnames and j + 1 < n and chain_word(j + 1) and known_or_unknown(j + 1) \
                    and not words[j + 1].f.endswith("ی"):
                j += 1  # named after a person: ناوەندی کلتور و هونەری محەمەد شێخۆ
                wj = words[j]
            if j + 3 < n and words[j + 1].key == "و" and chain_word(j + 2) and words[j + 2].f.endswith("ی") \
                    and words[j + 2].key not in loc_heads \
                    and not (item is not None and j == item[1] and _is_country(wj.key)) \
                    and (chain_word(j + 3) or spans.at(j + 3) is not None and spans.at(j + 3)[4] in ("LOC", "ORG")):
                j += 2
                continue  # (… ئامریکا و وڵاتانی دیکە: a name closed by its country goes on no further)
            if wj.key[:2] in (_K_LE, _K_BE) and wj.key[2:] in common:
                break  # a preposition written on a common word (بەمردوو) starts the next phrase
            got = (j, wj.start + _trim_clitics(wj, keep_i=True))
            break
        return got

    for item in list(spans.items):
        if item[4] != "ORG" or item[6] != "rule" or item[1] - item[0] > 6:
            continue
        h = item[0]
        if words[h].key not in org_heads and words[h].key not in glued_heads or not words[h].f.endswith("ی"):
            continue
        got = ezafe_chain(h, item)
        if got is not None and got[0] > item[1]:
            spans.add(h, got[0], item[2], got[1], "ORG", item[5], "rule", replace=True)

    # a head with no name found after it names a body when two or more words follow it in ezafe and the
    # chain closes before a boundary: لیژنەی باڵای هەڵبژاردن، کۆمسیۆنی باڵای سەربەخۆی هەڵبژاردنەکان
    for h in at_keys.positions(org_heads):
        wh = words[h]
        if spans.owner[h] >= 0 or not wh.f.endswith("ی") or h >= 1 and (
                words[h - 1].key in _DEMONSTRATIVES or words[h - 1].key in _DEMONSTRATIVES_GLUED
                or words[h - 1].kind == "num" or words[h - 1].key in org_heads):
            continue
        got = ezafe_chain(h, None)
        if got is None or got[0] < h + 2 or any(spans.owner[x] >= 0 for x in range(h + 1, got[0] + 1)):
            continue
        last, nxt = words[got[0]], got[0] + 1
        if nxt < n and not (words[nxt].kind == "punct" and words[nxt].f not in _QUOTE_MARKS
                            or words[nxt].key in stp and words[nxt].key != "و"
                            or words[nxt].key[:2] == _K_LE and len(words[nxt].key) > 3):
            continue  # the phrase goes on (واژۆ کرد, هێزە زەوینییەکان, گۆڤاری ئەدەبی و فارسی "X")
        if last.key.endswith(_INDEF_ENDS) or any(
                words[x].key in loc_heads or _DEFINITE_ENDS[2] in words[x].key or words[x].key.endswith(_DEFINITE_I)
                for x in range(h + 1, got[0] + 1)):
            continue  # (ەکە, ەکانی: a known, common referent; شاری X: a place, found by its own rule)
        spans.add(h, got[0], wh.start, got[1], "ORG", None, "rule")

    # the last word of a head-made ORG written together with the next word after ەوە (no space after a
    # final ە): ئەنجومەنی ئاسایشەوەسزا → ئەنجومەنی ئاسایش
    for item in spans.items:
        if item[4] != "ORG" or item[6] != "rule" or item[1] == item[0] or text.find("ەوە", item[2], item[3]) < 0:
            continue
        for x in range(item[0] + 1, item[1] + 1):
            wl = words[x]
            k = wl.f.find("ەوە", 2)
            if k >= 3 and len(wl.f) - k - 3 >= 2 and fold_key(wl.f[:k]) in common \
                    and not _unknown_key(fold_key(wl.f[k + 3:]), common):  # (نەتەوەیەکگرتووەکان is one word)
                for y in range(x + 1, item[1] + 1):
                    spans.owner[y] = -1
                item[1], item[3] = x, wl.start + k
                break

    # a body followed by its place (or parent body) in ezafe is one ORG (GUIDELINES 2.5): دادگای فیدراڵی عێراق
    for item in list(spans.items):
        if item[4] != "ORG":
            continue
        i1 = item[1]
        if i1 + 1 >= n or words[i1].kind != "word" or not words[i1].f.endswith("ی") or item[3] < words[i1].end - 1:
            continue
        nxt = spans.at(i1 + 1)
        if nxt is not None and nxt[4] in ("LOC", "ORG") and nxt[0] == i1 + 1 and nxt[2] == words[i1 + 1].start \
                and words[item[0]].key in org_heads:  # (… پەناخوازانی نەتەوە یەکگرتووەکان: a body of the UN)
            spans.add(item[0], nxt[1], item[2], nxt[3], "ORG", item[5], item[6], replace=True)

    # a reporter's byline: NAME / PLACE – (ڕێکەوت حەسەن / سلێمانی -)
    for i in at_keys.positions(("/",)):
        if not 1 <= i < n - 1 or words[i].f != "/":
            continue
        loc = spans.at(i + 1)
        if loc is None or loc[4] != "LOC" or loc[0] != i + 1:
            continue
        after = loc[1] + 1
        if after < n and words[after].f not in ("-", "–", "—", ":", "،", ","):
            continue
        k = i - 1
        while k >= 0 and k > i - 4 and words[k].kind == "word" and spans.owner[k] < 0 \
                and words[k].key not in stp and not _verb_like(words[k].key):
            k -= 1
        if k < i - 1 and i - 1 - k <= 3 and (k < 0 or words[k].kind == "punct"):
            spans.add(k + 1, i - 1, words[k + 1].start, words[i - 1].end, "PER", None, "rule")

    # honorific + name: د. X Y, کاک X ; a place name after هاوڕێ is a nom de guerre
    for i in at_keys.positions(honorifics):
        if i < n - 1 and spans.owner[i] < 0:
            if _phrase_at(words, i, titles) > 1:
                continue  # سەرۆک وەزیرانی …: the honorific opens a longer title, no name follows it
            j = i + 1
            s_ = spans.at(j)
            if s_ is not None and s_[4] == "LOC" and s_[0] == s_[1] == j and s_[2] == words[j].start \
                    and words[i].key == _K_COMRADE:
                spans.add(j, j, s_[2], s_[3], "PER", None, "rule", replace=True)
                continue
            paren = words[j].key == "(" and words[j].start > words[i].end  # خاتوو (X Y), not نووسەر(لێرە
            if (words[j].key == "." or paren) and j + 1 < n:  # د. X
                j += 1
            k = j
            wj = words[j]
            if wj.kind == "word" and len(wj.key) <= 2 and wj.key not in gnames \
                    and not (j + 1 < n and words[j + 1].kind == "word" and wj.key + words[j + 1].key in gnames) \
                    and (len(wj.key) == 1 or wj.key[-1] == _K_E or wj.key in common and not (
                        j + 1 < n and _unknown(words[j + 1], common) and not _verb_like(words[j + 1].key))):
                continue  # شاعیر ئە دەبی, نووسەر خۆ پاراستن: a piece of a word split after its ە or a short
                # common word, no name (but هە ژار; سەرۆک شی جینپینگ)
            nx = words[j + 1] if j + 1 < n else wj
            if wj.kind == "word" and wj.key in common and wj.key not in gnames and nx is not wj \
                    and nx.kind == "word" and nx.key not in _KIN and nx.key not in _NAME_PARTICLES \
                    and (wj.key[-1] == "ی" and wj.key[:-1] in common and wj.key[:-1] not in gnames
                         and (_is_speech_key(nx.key) or not _unknown(nx, common) and not _is_country(nx.key[:-1])
                              and nx.key[:-1] not in gazetteer().single)
                         or _verb_like(nx.key) and not _is_speech_key(nx.key)):
                continue  # هونەرمەند دوور دەکەوێتەوە, قازی کەسایەتی ناسراو: a common word, no name (a pen
                # name before a place + ی stays: مەلا ئاوارەی سەقزی)
            while k < n and k < j + 3 and spans.owner[k] < 0 and words[k].kind == "word" \
                    and words[k].key not in stp and not _verb_like(words[k].key) \
                    and (k == j or known_or_unknown(k) or words[k].key.endswith("ی")) \
                    and not (k > j and words[k].key in gentilics) \
                    and not (k > j and words[k].key[:2] == _K_LE and len(words[k].key) > 4
                             and words[k].key not in gnames and not _unknown_key(words[k].key[2:], common)):
                # (دکتۆر X Y لەنێوەندی …: لە glued to a common word ends the name; یاریزان X Y ئەمەریکی: a
                # nationality after the name is no part of it)
                k += 1
            if k == j + 1 and k + 1 < n and spans.owner[k] < 0 and words[k].kind == "word" and words[k].key in common \
                    and words[k].key not in stp and len(words[k].key) >= 3 and words[k].key[-1] != "ی" \
                    and not _verb_like(words[k].key) and not words[k].key.endswith(_DEFINITE_ENDS) \
                    and (words[k + 1].kind == "punct" or words[k + 1].key in stp
                         or k + 2 < n and words[k + 2].key in _LIGHT_VERBS and words[k + 1].key[:-1] in common):
                k += 1  # مامۆستا جەمال بابان چاپی کردووە: a surname that is also a word, closing the phrase
            if k > j and (not paren or k < n and words[k].f == ")"):
                spans.add(j, k - 1, words[j].start, words[k - 1].start + _trim_clitics(words[k - 1], True, True),
                          "PER", None, "rule")

    # apposition: NAME، TITLE ...   and   NAME خەڵکی ...
    title_first = _first_keys(titles)  # (no title phrase starts elsewhere: _phrase_at is 0)
    for i in at_keys.positions(("،", ",", _K_NATIVE_OF)):
        if not 1 <= i < n - 1:
            continue
        w = words[i]
        trig = (w.key == "،" or w.key == ",") and words[i + 1].key in title_first and _phrase_at(words, i + 1, titles)
        trig = trig or (w.key == _K_NATIVE_OF and i + 1 < n and words[i + 1].kind == "word"
                        and (words[i + 1].key in loc_heads or spans.at(i + 1) is not None))
        if not trig:
            continue
        j = i - 1
        k = name_run_back(j, 3)
        for x in range(j, k - 1, -1):
            if _verb_like(words[x].key):
                k = x + 1
                break
        if w.key == _K_NATIVE_OF and (k > j or _ezafe_noun(words[k], common) or words[k].kind != "word"
                             or not any(known_or_unknown(x) or words[x].key in gnames for x in range(k, j + 1))):
            continue
        if k <= j and words[j].key.endswith(_DEFINITE_ENDS) and words[j].key not in gnames:
            continue  # گومانلێکراوەکە خەڵکی …: a noun with the article is no name
        at_boundary = k == 0 or words[k - 1].kind == "punct" or words[k - 1].key in stp
        if k <= j and (any(known_or_unknown(x) for x in range(k, j + 1))
                       or (w.key != _K_NATIVE_OF and j > k and at_boundary
                           and not any(_verb_like(words[x].key) or words[x].key.endswith(_DEFINITE_ENDS)
                                       or _ezafe_noun(words[x], common) for x in range(k, j))
                           and not words[j].key.endswith(_DEFINITE_ENDS))):
            # drop leading words that look like verbs (داوای لێکردووە، سەرۆکی …)
            while k <= j and not known_or_unknown(k) and _verb_like(words[k].key):
                k += 1
            if k > j:
                continue
            spans.add(k, j, words[k].start, words[j].start + _trim_clitics(words[j], True, True), "PER", None, "rule")

    # place classifier + unknown name: شارۆچکەی X, گوندی X ; feature head: چیای X
    glued_loc = _glued_loc_heads(loc_heads)
    for i in at_keys.positions(loc_heads, loc_features, glued_loc):
        key = words[i].key
        if key in glued_loc and key not in loc_heads and key not in loc_features:
            key = key[2:]  # لەگوندی X, لەشارۆچکەی X: a preposition written on the classifier
        if i < n - 1:
            j = i + 1
            if j < n and words[j].key in loc_heads:
                j += 1
            if j + 2 < n and words[j].f in ('"', "«", "“") and key in _PLACE_CLASSIFIERS:
                # گوندی "کانی ڕەش"ی شنۆ: a quoted name after a place classifier is the place
                close = {"«": "»", "“": "”"}.get(words[j].f, words[j].f)
                k = j + 1
                while k < n and k <= j + 4 and words[k].kind == "word" and spans.owner[k] < 0:
                    k += 1
                if k < n and k > j + 1 and words[k].f == close:
                    spans.add(j + 1, k - 1, words[j + 1].start, words[k - 1].end, "LOC", None, "rule")
                continue
            if j < n and spans.owner[j] < 0 and _unknown(words[j], common) and words[j].key not in stp:
                k = j
                if k + 1 < n and _unknown(words[k + 1], common) and words[k].key[-1:] != "ی" and spans.owner[k + 1] < 0 \
                        and _trim_clitics(words[k], False) == len(words[k].f) and words[k + 1].key not in stp \
                        and not _verb_like(words[k + 1].key):
                    k += 1
                nxt_word = k + 1 < n and words[k + 1].kind == "word" and (words[k + 1].key not in stp
                                                                          or key in loc_heads)
                end = words[k].start + _trim_clitics(words[k], keep_i=not nxt_word)
                i0 = i if key in loc_features else j
                spans.add(i0, k, words[i0].start, end, "LOC", None, "rule")
                # a plural head lists several: گوندەکانی X و Y
                while _K_KAN in key and k + 2 < n and words[k + 1].key == "و" \
                        and _unknown(words[k + 2], common) and spans.owner[k + 2] < 0:
                    k += 2
                    nxt_word = k + 1 < n and words[k + 1].kind == "word" and words[k + 1].key not in stp
                    spans.add(k, k, words[k].start, words[k].start + _trim_clitics(words[k], keep_i=not nxt_word),
                              "LOC", None, "rule")
            elif (key in _NAMED_PLACE_HEADS or key[2:] in _NAMED_PLACE_HEADS and key[:2] == _K_LE) and j + 1 < n and spans.owner[j] < 0 and words[j].kind == "word" \
                    and len(words[j].key) >= 4 and words[j].key[-1] == "ی" and words[j].key not in stp \
                    and words[j].key not in common and words[j].key[:-1] in common and not _verb_like(words[j].key) \
                    and (words[j + 1].key in loc_heads or words[j + 1].key == _K_SERBE
                         or j + 2 < n and words[j + 1].key == _K_SER and words[j + 2].key == _K_BE):
                # گوندی X-ی سەر بە Y, گەڕەکی X-ی شاری Y: a name in ezafe between two place words that is a
                # common word (زەرگەتە, شەهیدان; the unknown names are found above); not ئازادی, کۆنی (a
                # common word with ی of its own)
                spans.add(j, j, words[j].start, words[j].end - 1, "LOC", None, "rule")
            elif key in loc_features and j < n:
                s = spans.at(j)
                if s is not None and s[4] == "LOC" and s[0] == j:
                    spans.add(i, s[1], words[i].start, s[3], "LOC", s[5], "rule", replace=True)

    # Latin-script acronyms name organisations: HRE, BBC, K24
    not_org = single_triggers("acronym_not_org")
    for i in _acronym_positions(at_keys):
        if spans.owner[i] < 0 and words[i].key not in not_org:  # (DNA, HIV, GDP: no organisation)
            w = words[i]
            spans.add(i, i, w.start, w.end, "ORG", None, "rule")

    # lists: a place coordinated with known places is a place too (حەسەکە، تەل تەمر، عاموودێ و دربێسی)
    changed = True
    rounds = 0
    while changed and rounds < 3:
        changed, rounds = False, rounds + 1
        owner = spans.owner
        for i in at_keys.positions(("،", ",", "و")):
            if i == 0 or i + 1 >= n or owner[i - 1] < 0 and owner[i + 1] < 0:
                continue  # (no span on either side: nothing to extend)
            left, right = spans.at(i - 1), spans.at(i + 1)
            if left is not None and left[4] == "LOC" and right is None:
                k = i + 1
                if _unknown(words[k], common) and words[k].key not in stp and not _verb_like(words[k].key):
                    k2 = k + 1 if k + 1 < n and _unknown(words[k + 1], common) and words[k + 1].key not in stp else k
                    after = words[k2 + 1].key if k2 + 1 < n else "."
                    if after in ("،", ",", "و", ")", ".", "؛") and spans.free(k, k2):
                        nxt_word = False
                        spans.add(k, k2, words[k].start, words[k2].start + _trim_clitics(words[k2], keep_i=not nxt_word),
                                  "LOC", None, "rule")
                        changed = True
            elif right is not None and right[4] == "LOC" and left is None and right[0] == i + 1:
                k2 = i - 1
                if _unknown(words[k2], common) and words[k2].key not in stp and not _verb_like(words[k2].key):
                    k = k2 - 1 if k2 >= 1 and _unknown(words[k2 - 1], common) and words[k2 - 1].key not in stp else k2
                    before = words[k - 1].key if k >= 1 else "("
                    if before in ("،", ",", "(", ":") and spans.free(k, k2):
                        spans.add(k, k2, words[k].start, words[k2].end, "LOC", None, "rule")
                        changed = True

    speech1 = single_triggers("speech")
    kin, kin_rel, name_fields = _KIN, _KIN_REL, _NAME_FIELDS

    def predicate_opener(j: int) -> bool:
        """A common noun in ezafe before another word in ezafe, or ئەوە…ی: after a name it opens the
        predicate (هاشم گرفتی بەبازاڕکردنی هەیە), no surname; a given name + ی (سەلیمی) may be one."""
        k = words[j].key
        return k[-1:] == "ی" and not known_or_unknown(j) and k[:-1] not in gnames and (
            k.startswith(_K_THAT) or k[:-1] in common and j + 1 < n and words[j + 1].kind == "word"
            and words[j + 1].f[-1] == "ی" and words[j + 1].key not in gnames and words[j + 1].key not in titles_1)

    def surname_like(j: int) -> bool:
        if j >= n or words[j].kind != "word" or words[j].key in stp or spans.owner[j] >= 0:
            return False
        k = words[j].key
        base = k  # چەلیکەوە, محەممەدییە: an unknown name + ەوە / copula is no verb
        for suf in _NAME_CLITICS:
            if k.endswith(suf) and len(k) - len(suf) >= 3 and _unknown_key(k[:-len(suf)], common) \
                    and not k[:-len(suf)].endswith("ای"):  # (دۆزرایەوە: a passive verb)
                base = k[:-len(suf)]
                break
        if (_verb_like(base) or base is not k and k.endswith(_VERB_EWE)) and k not in gnames \
                and not k.endswith(_SURNAME_NAME_ENDS) \
                and not (k[-1] == "ی" and k[:-1] in gazetteer().single):  # نەجەفی: a place + ی, no verb
            return False  # (ناسرزادە, نادری: a name that opens like a negative verb)
        if k[-1] == "ی" and k[:-1] in common and j + 1 < n and _ezafe_noun(words[j + 1], common) \
                and not words[j + 1].key.endswith(_INDEF_ENDS) \
                and words[j + 1].key not in loc_heads and not _phrase_at(words, j + 1, titles):
            return False  # شوێنی دانانی, گرفتی بەبازاڕکردنی: a chain of common nouns in ezafe
        if k.endswith(_DEFINITE_I) and not _unknown(words[j], common):
            return False  # کارگەکەی, ڕەخنەکانی: a common noun with the article is no surname
        if k.startswith(_K_LE) and len(k) > 4 and k not in gnames and not _unknown_key(k[len(_K_LE):], common):
            return False  # لەیادی, لەبارەی: لە glued to a common word
        if k in common and j + 1 < n and words[j + 1].key in _LIGHT_VERBS:
            return False  # مەککرستەڵ پەیمان دەدات: a noun before a light verb is part of the verb
        if predicate_opener(j):
            return False  # هاشم گرفتی بەبازاڕکردنی, شاسوار ئەوەشی: a common noun in ezafe opens the predicate
        if (len(k) > 4 and k[-1] == "ی" and _is_country(k[:-1]) or k in gentilics) and j >= 1 and spans.owner[j - 1] < 0:
            return False  # کارلۆس تێڤێزی ئەرژەنتینی, ئاندی ڕۆدریک ئەمەریکی: a nationality after the name
        if len(k) >= 6 and k.endswith(_K_YAN) and j >= 1 and words[j - 1].key in gnames \
                and _DEFINITE_ENDS[2] not in k and _DEFINITE_ENDS[0] not in k and not (
                j + 1 < n and words[j + 1].kind == "word" and _verb_like(words[j + 1].key)):
            return True  # شارام پەناهیان, کاراپێت سپانیان: a family name in یان after a given name
        return known_or_unknown(j) or k.endswith(_SURNAME_ENDS) and len(k) >= 5 \
            or base is not k and k.endswith(_NAME_CLITICS[:2])  # an unknown name + ەوە: چەلیکەوە

    openers: set[int] = set()
    for mark in ('"', "'"):
        openers.update(at_keys.positions((mark,))[0::2])

    def quoted_run(i: int) -> tuple[int, int] | None:
        """(first, last) word inside quote marks opening at word i, if it holds 1-4 words."""
        if words[i].f not in ('"', "«", "“", "'") or (words[i].f in ('"', "'") and i not in openers):
            return None
        close = {"«": "»", "“": "”"}.get(words[i].f, words[i].f)
        k = i + 1
        while k < n and k <= i + 5 and words[k].f != close:
            if words[k].kind != "word" and words[k].f not in ("(", ")", "-"):
                return None
            k += 1
        if k < n and words[k].f == close and k > i + 1:
            return i + 1, k - 1
        return None

    def org_named_before(i: int) -> bool:
        """An indefinite organisation noun (ڕێکخراوێک, گۆڤارێکی …) up to four words before بە ناوی at
        ``i``, with only modifiers between: "an organisation called X"."""
        for b in range(i - 1, max(-1, i - 5), -1):
            k = words[b].key
            for e in _INDEF_ENDS:
                if k.endswith(e) and len(k) > len(e) + 2:
                    stem = k[:-len(e)]
                    if stem + "ی" in org_heads or stem in org_heads:
                        return True
            if words[b].kind != "word" or k in stp and k != "و" or not (k.endswith("ی") or k == "و"):
                return False
        return False

    # named: بە ناوی X, بەناوی "X", بە ناوەکانی X و Y (an organisation when an organisation noun precedes)
    named, months_1 = _NAMED, single_triggers("month")
    for i in at_keys.positions(_NAMED_OR_BE):
        if i >= n - 1:
            continue
        j = -1
        if words[i].key in named:
            j = i + 1
        elif words[i].key == _K_BE and words[i + 1].key in (_K_NAME_OF, _K_NAMES_OF):
            j = i + 2
        elif words[i].key == _K_KNOWN and words[i + 1].key == _K_BE:
            j = i + 2
        if j < 0 or j >= n:
            continue
        if words[j].key in honorifics and j + 1 < n:
            j += 1  # بە سەرۆکایەتیی دادوەر "X"
        q = quoted_run(j)
        first = q[0] if q else j
        k = first
        while k < n and k < first + 4 and words[k].kind == "word" \
                and (words[k].key not in stp or q is not None and words[k].key in months_1) \
                and spans.owner[k] < 0 and (q is None or k <= q[1]) \
                and (q is not None or k == first or not _verb_like(words[k].key)
                     and not words[k].key.endswith(_DEFINITE_ENDS)):
            k += 1  # (a month name inside quotes is part of the name: "ڕێبەندان …"; no name word has ەکە)
        if k > first:
            end = words[k - 1].start + _trim_clitics(words[k - 1], True, True)
            spans.add(first, k - 1, words[first].start, end, "ORG" if org_named_before(i) else "PER", None, "rule")

    # quoted names: "X Y" made of name-like words; after an organisation head it is an ORG
    def org_head_before(i: int) -> int:
        """An organisation head up to four words before the quote mark at ``i``, with only
        modifiers between (ئەنجومەنی فەرهەنگی- کۆمەڵایەتیی "X"), or -1."""
        for b in range(i - 1, max(-1, i - 6), -1):
            wb = words[b]
            if wb.key in org_heads:
                return b
            if wb.key == "و" and b < i - 1:
                continue  # گۆڤاری فەرهەنگیی ئەدەبی و فارسی "X"
            if wb.kind != "word" and wb.f not in ("-", "–") or wb.kind == "word" and (
                    wb.key in stp or not wb.f.endswith(("ی", "یی"))):
                return -1  # (a modifier in ی is no verb here: پارتی دەسەڵاتداری "X")
        return -1

    org_plural = single_triggers("org_plural")
    for i in at_keys.positions(('"', "«", "“", "'")):
        q = quoted_run(i)
        # (… "A" و "B": the second quoted name of a pair after an ORG one is an ORG too)
        pair = i >= 3 and words[i - 1].key == "و" \
            and words[i - 2].f in _QUOTE_MARKS and spans.at(i - 3) is not None and spans.at(i - 3)[4] == "ORG" \
            and spans.at(i - 3)[1] == i - 3
        if q and i >= 1 and (words[i - 1].key in org_heads or words[i - 1].key in org_plural or pair) \
                and spans.owner[i - 1] < 0 and all(words[k].key not in stp for k in range(q[0], q[1] + 1)):
            # کۆمپانیای "فلای ئیمارات", ڕۆژنامەی "ئەلحەیات": a quoted name right after the head is the ORG,
            # places in it included, also when a word of it looks like a verb form (ئەل…ات, دە…ی)
            spans.add(q[0], q[1], words[q[0]].start, words[q[1]].end, "ORG", None, "rule", replace=True)
            continue
        if not q or not spans.free(q[0], q[1]):
            continue
        ws = range(q[0], q[1] + 1)
        b = org_head_before(i) if i >= 2 else -1
        if b >= 0 and b < i - 1 and all(not _verb_like(words[k].key) for k in ws):
            # a proper name set off in quotes after a descriptive head is the ORG (GUIDELINES 2.5)
            for x in range(b, i):
                it = spans.at(x)
                if it is not None and it[4] == "ORG" and it[1] < i and (it[0] >= b or it[6] == "rule"):
                    # (نووسینگەی پارتی دەسەڵاتداری "X": a rule-made ORG that runs into the descriptive head)
                    spans.drop(it)
            spans.add(q[0], q[1], words[q[0]].start, words[q[1]].end, "ORG", None, "rule")
            continue
        if all(words[k].key not in stp and not _verb_like(words[k].key) for k in ws) \
                and (words[q[0]].key in gnames or all(known_or_unknown(k) for k in ws)
                     or i >= 1 and words[i - 1].key in org_heads  # ئاژانسی "هاوار": a quoted name after the head
                     or (len(ws) >= 2 and surname_like(q[1]) and not _ezafe_noun(words[q[0]], common))
                     # "فەزراد کەمانگەر" مامۆستای …, "X Y" ڕەتیکردەوە: a quoted two-word name before a role or a speech verb
                     or len(ws) in (2, 3) and q[1] + 2 < n and (words[q[1] + 2].key in titles_1
                                                              or words[q[1] + 2].key in speech1)
                     and (known_or_unknown(q[0]) or words[q[0]].key in gnames)
                     and not any(_ezafe_noun(words[x], common) or words[x].key.endswith(_DEFINITE_ENDS) for x in ws)):
            label = "PER"
            if i >= 1 and words[i - 1].key in org_heads:
                label = "ORG"
            elif i >= 1 and (words[i - 1].key in loc_heads or words[i - 1].key in loc_features
                             or words[i - 1].key in (_K_LE, _K_BO)):
                label = "LOC"
            if q[1] + 2 < n and (words[q[1] + 2].key in titles_1 or words[q[1] + 2].key in speech1):
                label = "PER"  # (بۆ "X Y" مامۆستای …: a person, whatever the word before)
            elif q[0] == q[1] and _KURDISH_ACRONYM.fullmatch(words[q[0]].f):
                label = "ORG"  # "بەدەپە", "کەجەدە": an acronym spelt by its letters' names
            spans.add(q[0], q[1], words[q[0]].start, words[q[1]].end, label, None, "rule")

    # a name in brackets right after an organisation head is the ORG, the head left out as for a
    # quoted name (GUIDELINES 2.5): گۆڤاری (شارلی ئەبدوو)ی, ڕۆژنامەی (Svenska Dagbladet)
    for i in at_keys.positions(("(",)):
        if not 1 <= i < n - 2 or words[i].f != "(" or words[i - 1].key not in org_heads \
                or spans.owner[i - 1] >= 0 or words[i - 1].key == _K_CENTRE \
                or words[i - 1].f.endswith("یی"):  # (ناوەندی: also "central"; قوتابخانەیی: an adjective)
            continue
        k = i + 1
        while k < n and k <= i + 4 and words[k].kind == "word" and words[k].key not in stp \
                and not _verb_like(words[k].key) and not words[k].key.endswith(_DEFINITE_ENDS):
            k += 1
        if k == i + 1 and k + 1 < n and words[k + 1].f == ")" and words[k].kind == "word" \
                and words[k].key.endswith(_DEFINITE_ENDS) and words[k].key not in stp:
            k += 1  # کۆمەڵەی (پێخواسەکان): one word in brackets may be a plural with its article
        if k > i + 1 and k < n and words[k].f == ")" and words[i + 1].key not in common \
                and words[k - 1].end - words[i + 1].start >= 3 \
                and spans.add(i + 1, k - 1, words[i + 1].start, words[k - 1].end, "ORG", None, "rule", replace=True):
            spans.local.add(len(spans.items) - 1)  # (not looked for elsewhere: ڕۆژنامەی (کوردستان))

    def surname_common(j: int) -> bool:  # (before a kin word or a role, also a word that reads as an
        # inflected common word: مەلیحە چەتین خوشکی …)
        wj = words[j] if j < n else None
        return wj is not None and wj.kind == "word" and spans.owner[j] < 0 \
            and (wj.key in common or j + 1 < n and (words[j + 1].key in kin_rel or words[j + 1].key in titles_1)
                 and not _unknown(wj, common)) \
            and wj.key not in stp and wj.key not in _DEMONSTRATIVES_GLUED and len(wj.key) >= 3 \
            and not _verb_like(wj.key) and wj.key[-1] != "ی" \
            and not wj.key.endswith(_DEFINITE_ENDS) and not wj.key.endswith(_INDEF_ENDS) \
            and not (wj.key[:2] in (_K_LE, _K_BE) and wj.key[2:] in common)

    def phrase_end(j: int) -> bool:  # (not any verb: باس بکەم, گەورە بوو are compound verbs)
        return j >= n or words[j].kind == "punct" or words[j].key in stp \
            or words[j].key[:2] == _K_LE and len(words[j].key) > 3 \
            or j + 1 < n and words[j + 1].key in _LIGHT_VERBS and words[j].key[:-1] in common \
            or words[j].key in kin_rel or words[j].key in titles_1  # چاپی کردووە; X Y خوشکی …, X Y بەرپرسی …

    # given name + following name-like words: محەمەد X Y
    for i in at_keys.positions(gnames):
        if words[i].kind == "word" and spans.owner[i] < 0:
            k = i + 1
            while k < n and k < i + 4 and (surname_like(k) or words[k].key in _NAME_PARTICLES and surname_like(k + 1)
                                           or k > i + 1 and words[k].key in _SURNAME_PIECES and spans.owner[k] < 0
                                           # a common word before a surname piece: چاووش ئۆغڵو
                                           or k + 1 < n and words[k + 1].key in _SURNAME_PIECES
                                           and words[k].kind == "word" and spans.owner[k] < 0
                                           and words[k].key not in stp and spans.owner[k + 1] < 0) \
                    and not (k >= i + 2 and words[k].key[-1:] == "ی" and words[k].key[:-1] in common
                             and words[k].key not in _SURNAME_PIECES):
                k += 1  # (a common noun in ezafe after a surname opens the predicate: X Y سەردانی …;
                # a particle inside a name: ڕۆبێرت دی نیرۆ, محەمەد بن سەلمان)
            if k <= i + 2 and surname_common(k) and phrase_end(k + 1) \
                    and not (i >= 1 and (words[i - 1].key in _DEMONSTRATIVES
                                         or words[i - 1].key in _DEMONSTRATIVES_GLUED
                                         or words[i - 1].kind == "word" and words[i - 1].key not in stp
                                         and spans.owner[i - 1] < 0 and known_or_unknown(i - 1))) \
                    and (words[i].key not in common or i == 0 or words[i - 1].kind == "punct"
                         or words[i - 1].key in honorifics or words[i - 1].key in titles_1):
                k += 1  # a surname that is also a common word, closing the phrase: جەمال بابان ساڵی …
            alone_ok = (i + 1 < n and (words[i + 1].key in speech1 or k == i + 1 and words[i].key not in common
                                       and words[i + 1].kind == "word" and (
                                           predicate_opener(i + 1)
                                           # a given name opening a sentence before a preposition: هەکار لە …
                                           or (i == 0 or words[i - 1].f in _SENT_END_SET)
                                           and words[i + 1].key in _PREPOSITIONS
                                           # … ، عەبدوڵا لەیادی …: a preposition glued to a common word
                                           or (i == 0 or words[i - 1].f in _SENT_END_SET or words[i - 1].f in _LIST_COMMAS)
                                           and _glued_prep_word(words[i + 1].key, common)))) or (i >= 1 and words[i - 1].key in kin) or (i + 1 < n and words[i + 1].key == _K_KE and words[i].key not in common and (i == 0 or words[i - 1].kind == "punct"))
            if k > i + 1 or alone_ok:
                wl = words[k - 1]
                end = wl.start + _trim_clitics(wl, True, True)
                if k > i + 1 and k < n and words[k].kind == "word" and len(words[k].key) > 4 \
                        and words[k].key[-1] == "ی" and _is_country(words[k].key[:-1]) and end == wl.end \
                        and wl.key[-1] == "ی" and wl.key not in gnames and wl.key[:-1] not in gnames:
                    end -= 1  # کارلۆس تێڤێزی ئەرژەنتینی: the ezafe before a nationality
                spans.add(i, k - 1, words[i].start, end, "PER", None, "rule")

    # a kunya: ئەبو + a given name (ئەبو خالیدی سەرەک چەتە, ئەبو جەعفەری مەنسوور)
    for i in at_keys.positions((_K_ABU,)):
        if i + 1 >= n or spans.owner[i] >= 0 or spans.owner[i + 1] >= 0 or words[i + 1].kind != "word":
            continue
        k1 = words[i + 1].key
        if words[i].f.endswith("بوو") and k1 in common:
            continue  # ئەبوو is also a verb ("would be"): ئەگریجە ئەبوو پەخشان
        if k1 in gnames and not k1.endswith("ی"):
            end, last = words[i + 1].end, i + 1
        elif k1.endswith("ی") and k1[:-1] in gnames:
            end, last = words[i + 1].end - 1, i + 1
            if i + 2 < n and spans.owner[i + 2] < 0 and words[i + 2].kind == "word" and words[i + 2].key not in stp \
                    and (words[i + 2].key in gnames or _unknown(words[i + 2], common)) \
                    and not _verb_like(words[i + 2].key):
                end, last = words[i + 2].start + _trim_clitics(words[i + 2], True, True), i + 2
        else:
            continue
        spans.add(i, last, words[i].start, end, "PER", None, "rule")

    # kinship: X برای Y, کوڕی Y — names on both sides
    for i in at_keys.positions(kin_rel):
        if spans.owner[i] >= 0:
            continue
        # after: the relative's name
        j = i + 1
        if j < n and words[j].f in ('"', "«"):
            j += 1
        k = j
        while k < n and k < j + 3 and surname_like(k):
            k += 1
        if k > j and (words[j].key in gnames or known_or_unknown(j)):
            spans.add(j, k - 1, words[j].start, words[k - 1].start + _trim_clitics(words[k - 1], True, True),
                      "PER", None, "rule")
        # before: the person whose relative it is
        j = i - 1
        if j >= 0 and spans.owner[j] < 0:
            k = j
            while k >= 0 and k > j - 3 and surname_like(k):
                k -= 1
            k += 1
            if k <= j and any(words[x].key in gnames or known_or_unknown(x) for x in range(k, j + 1)) \
                    and (k == 0 or words[k - 1].kind == "punct" or words[k - 1].key in stp):
                spans.add(k, j, words[k].start, words[j].end, "PER", None, "rule")
            elif k > j and words[i].key in _SON_OF and words[j].f[-1:] == "ی" and words[j].key[:-1] in gnames \
                    and (j == 0 or words[j - 1].kind == "punct" or words[j - 1].key in stp):
                spans.add(j, j, words[j].start, words[j].end - 1, "PER", None, "rule")  # هێمنی کوڕی ئەحمەد

    # form fields: ناو و پاشناو: X ، نازناو: X ، ناوی باوک: X
    for i in at_keys.positions((":",)):
        if not 1 <= i < n - 1 or words[i].f != ":" or not any(words[x].key in name_fields for x in range(max(0, i - 4), i)):
            continue
        j = i + 1
        while j < n:
            k = j
            while k < n and k < j + 3 and words[k].kind == "word" and words[k].key not in stp \
                    and not _verb_like(words[k].key):
                k += 1
            if k == j:
                break
            s_ = spans.at(j)
            if s_ is not None and s_[4] == "LOC" and s_[0] == j and s_[1] == k - 1:
                spans.add(j, k - 1, s_[2], s_[3], "PER", None, "rule", replace=True)
            else:
                spans.add(j, k - 1, words[j].start, words[k - 1].end, "PER", None, "rule")
            if k < n and words[k].f in ("-", "–", "،") and k + 1 < n and words[k + 1].kind == "word":
                j = k + 1
                continue
            break

    # quoted lists of names: "X Y، Z W و V U"
    for i in at_keys.positions(('"', "«")):
        if words[i].f not in ('"', "«") or (words[i].f == '"' and i not in openers):
            continue
        close = "»" if words[i].f == "«" else '"'
        k = i + 1
        while k < n and k <= i + 16 and words[k].f != close:
            k += 1
        if k >= n or words[k].f != close:
            continue
        parts, cur = [], []
        for x in range(i + 1, k):
            if words[x].f in ("،", ",") or words[x].key == "و":
                parts.append(cur)
                cur = []
            else:
                cur.append(x)
        parts.append(cur)
        if len(parts) < 2 or not all(1 <= len(p) <= 3 for p in parts):
            continue
        if all(all(words[x].kind == "word" and words[x].key not in stp and not _verb_like(words[x].key)
                   for x in p) and (words[p[0]].key in gnames or surname_like(p[-1])) for p in parts):
            for p in parts:
                if spans.free(p[0], p[-1]):
                    spans.add(p[0], p[-1], words[p[0]].start, words[p[-1]].end, "PER", None, "rule")

    # lists of people: X، Y و Z next to a person
    for _ in range(2):
        owner = spans.owner
        for i in at_keys.positions(("،", ",", "و")):
            if not 1 <= i < n - 1 or owner[i - 1] < 0:
                continue
            left = spans.at(i - 1)
            if left is None or left[4] != "PER" or spans.owner[i + 1] >= 0:
                continue
            j = i + 1
            k = j
            while k < n and k < j + 3 and surname_like(k):
                k += 1
            if k > j + 1 or (k > j and words[j].key in gnames):
                spans.add(j, k - 1, words[j].start, words[k - 1].start + _trim_clitics(words[k - 1], True, True),
                          "PER", None, "rule")

    # UNKNOWN GIVEN-NAME (father's name): سەمرا عەبدولا ; and two unknown words opening a clause
    # followed by کە / و / a verb: ئیشخان ئانکۆسێ سەرەڕای …
    for i in at_keys.positions(gnames):
        if i >= 1 and spans.owner[i] < 0 and spans.owner[i - 1] < 0 \
                and _unknown(words[i - 1], common) and words[i - 1].key not in stp \
                and not _verb_like(words[i - 1].key) and (i - 1 == 0 or words[i - 2].kind == "punct"
                                                           or words[i - 2].key in stp) \
                and not (words[i].key in common and i + 1 < n and words[i + 1].key in _LIGHT_VERBS):
            spans.add(i - 1, i, words[i - 1].start, words[i].start + _trim_clitics(words[i], True, True),
                      "PER", None, "rule")
    # a word with a family-name ending (سەعیدپوور, حەسەنزادە, کاراکۆچئۆغڵو) is a surname, with the name before it
    for k in _keys_with_suffix(at_keys, _SURNAME_NAME_ENDS):
        for i in at_keys.at[k]:
            w = words[i]
            if spans.owner[i] >= 0 or w.kind != "word" or k in common or k in stp:
                continue
            stem = k[:-len(next(e for e in _SURNAME_NAME_ENDS if k.endswith(e)))].rstrip("\u200c")
            if stem in common and stem not in gnames:
                continue  # ئادەمیزادە, شازادە: a word + زادە "born"; a name + زادە is a family name
            i0 = i
            if i >= 1 and spans.owner[i - 1] < 0 and words[i - 1].kind == "word" and len(words[i - 1].key) >= 3 \
                    and words[i - 1].key not in stp and not _verb_like(words[i - 1].key) \
                    and words[i - 1].key[-1] != "ی" and not words[i - 1].key.endswith(_DEFINITE_ENDS) \
                    and words[i - 1].key not in titles_1 and words[i - 1].key not in honorifics:
                i0 = i - 1
            spans.add(i0, i, words[i0].start, w.start + _trim_clitics(w, True, True), "PER", None, "rule")

    # a first name that is also a common word before a given name (the father's name) that opens a
    # person after a byline dash, a colon or a title: هەولێر- بڵند عەبدوڵڵا, هاوکارمان بەڵێن ساڵح دەڵێت
    def common_first_names(items: list[Any]) -> None:
        for item in items:
            i0 = item[0]
            if item[4] != "PER" or i0 < 1 or item[1] != i0 or item[2] != words[i0].start \
                    or words[i0].key not in gnames or spans.owner[i0 - 1] >= 0:
                continue
            wx = words[i0 - 1]
            if wx.kind != "word" or len(wx.key) < 3 or wx.key in stp or wx.key not in common or _verb_like(wx.key) \
                    or wx.key[-1] == "ی" or wx.key.endswith(_DEFINITE_ENDS) or wx.key.endswith(_INDEF_ENDS) \
                    or wx.key in titles_1 or wx.key in honorifics or wx.key in loc_heads or wx.key in org_heads:
                continue
            if i0 >= 2 and (words[i0 - 2].f in ("-", "–", ":") or words[i0 - 2].key in titles_1
                            or words[i0 - 2].key in honorifics):
                item[0], item[2] = i0 - 1, wx.start
                spans.owner[i0 - 1] = spans.owner[i0]

    common_first_names(spans.items)
    # (a test of the form alone, made once a form; the word before is punctuation)
    opener = _CLAUSE_NAME
    if len(opener) > 200_000:
        opener.clear()
    owner = spans.owner
    # the clause openers (the first word and each word after punctuation, two words before the
    # end at least) whose form passes the test: the known verdicts are read in C
    punct = at_keys.punct
    firsts = [0, *map((1).__add__, punct[:bisect_left(punct, n - 3)])] if n > 2 else []
    verdicts = list(map(opener.get, map(_F, map(words.__getitem__, firsts))))
    if None in verdicts:
        for x in compress(count(), map(is_, verdicts, repeat(None))):
            w0 = words[firsts[x]]
            ok = opener.get(w0.f)  # (an earlier word of the same form may have set it)
            if ok is None:
                ok = opener[w0.f] = _clause_name_word(w0, stp, common)
            verdicts[x] = ok
    for i in compress(firsts, verdicts):
        if owner[i] >= 0 or owner[i + 1] >= 0:
            continue
        w1 = words[i + 1]
        ok = opener.get(w1.f)
        if ok is None:
            ok = opener[w1.f] = _clause_name_word(w1, stp, common)
        if not ok:
            continue
        nxt = words[i + 2]
        if nxt.key in (_K_KE, "و") or nxt.key in speech1 or _verb_like(nxt.key):
            spans.add(i, i + 1, words[i].start, words[i + 1].start + _trim_clitics(words[i + 1], True, True),
                      "PER", None, "rule")

    # ROLE (modifier) NAME: گەریلای هەپەگە عەگید ئیپەک, ئەکتەری ئێزیدی زوبەیدە بولوت
    for i in at_keys.positions(titles_1):
        if i >= n - 2 or spans.owner[i] >= 0:
            continue
        j = i + 1
        for _step in range(3):  # وەزیری دەرەوەی نەرویج X: modifiers and a place or body before the name
            if j >= n:
                break
            s_ = spans.at(j)
            if s_ is not None and s_[4] in ("ORG", "LOC"):
                j = s_[1] + 1
                break
            elif s_ is None and words[j].kind == "word" and words[j].key[-1:] == "ی" and len(words[j].key) > 4 \
                    and _is_country(words[j].key[:-1]):
                j += 1  # یاریزانی بەرازیلی X: a nationality after the role
            elif words[j].kind == "word" and not known_or_unknown(j) and words[j].key not in gnames \
                    and words[j].key not in stp and words[j].f.endswith("ی") and words[j].key[:-1] in common:
                j += 1  # دەرەوەی, تەندروستیی: a common noun in ezafe
            elif _step == 0 and words[j].kind == "word" and not known_or_unknown(j) and words[j].key not in gnames \
                    and words[j].key not in stp and not _verb_like(words[j].key):
                j += 1
                break
            else:
                break
        if j >= n:
            continue
        q = quoted_run(j) if words[j].f in _QUOTE_OPEN else None
        if q is not None and spans.free(q[0], q[1]) and q[1] - q[0] <= 2 and all(
                words[x].kind == "word" and words[x].key not in stp and not _verb_like(words[x].key)
                and not words[x].key.endswith(_DEFINITE_ENDS) and not _ezafe_noun(words[x], common)
                for x in range(q[0], q[1] + 1)):
            # یاریزانی چینی "چو شینان", نێردەی سەرۆکی ئەمەریکا "سکوت گریشن": a quoted name after the role
            spans.add(q[0], q[1], words[q[0]].start, words[q[1]].end, "PER", None, "rule")
            continue
        k = j
        while k < n and k < j + 3 and spans.owner[k] < 0 and words[k].kind == "word" \
                and (known_or_unknown(k) or words[k].key in gnames) and not _verb_like(words[k].key) \
                and words[k].key not in stp:
            k += 1
        if k > j and (words[j].key in gnames or k > j + 1):
            spans.add(j, k - 1, words[j].start, words[k - 1].start + _trim_clitics(words[k - 1], True, True),
                      "PER", None, "rule")

    # لە X، / لە X و … : an unknown word after "in/at" that ends its phrase is a place
    for i in [k + 1 for k in at_keys.positions((_K_LE,)) if k + 1 < n]:
        w = words[i]
        if spans.owner[i] >= 0 or w.kind != "word" or w.key in stp or w.key in gnames or len(w.key) < 3:
            continue
        if words[i - 1].key != _K_LE or not _unknown(w, common) or _verb_like(w.key) \
                or w.key.endswith(_DEFINITE_ENDS) or w.key in gazetteer().single:
            continue
        if _common_compound(w.key, common) or w.key.endswith(_INDEF_I) and _common_stem(w.key, common):
            continue  # لە مانگنامەی, لە ڕێوڕەسمی, لە زۆرکەس: a compound of common words;
            # لە حاڵیک دا: a common noun + the indefinite spelt یک (for ێک)
        after = words[i + 1] if i + 1 < n else None
        if after is None or after.key in ("،", ",", ".", "و", ")", "؛", ":") or (
                after.kind == "word" and _verb_like(after.key) and not after.key.endswith(_K_COPULA)):
            spans.add(i, i, w.start, w.start + _trim_clitics(w, keep_i=True), "LOC", None, "rule")

    # a sentence that opens with a name and a comma: كاترینا ماڵم، سۆسیۆلۆژ و …
    for i in [0] + [k + 1 for k in at_keys.positions(_SENT_END_SET)]:
        if i >= n - 2 or i and words[i - 1].f not in _SENT_END_SET:
            continue
        k = i
        while k < n and k < i + 3 and spans.owner[k] < 0 and words[k].kind == "word" \
                and (known_or_unknown(k) or words[k].key in gnames) and not _verb_like(words[k].key) \
                and words[k].key not in stp:
            k += 1
        if k > i + 1 and k < n and words[k].f in ("،", ","):
            spans.add(i, k - 1, words[i].start, words[k - 1].end, "PER", None, "rule")

    # a Kurdish-script acronym (letter names: ئەسەپە, یەمامە, جەهەپە) after a dash or in brackets
    # right after a body's name or head chain is that body's acronym
    for i in [k + 1 for k in at_keys.positions(("(", "-", "–"))]:
        if not 2 <= i < n or words[i].kind != "word" or not _KU_ACRONYM.match(words[i].key) \
                or spans.owner[i] >= 0 or words[i].key in common:
            continue
        if i + 1 < n and not (words[i + 1].kind == "punct" or words[i + 1].f == "\n" or words[i + 1].key in stp
                              or _verb_like(words[i + 1].key) or _is_speech_key(words[i + 1].key)):
            continue  # (… - پەگەدە ڕایگەیاند: a verb may follow the acronym)
        b, found = i - 2, False
        while not found and b >= 0 and b > i - 9 and words[b].kind == "word" \
                and (words[b].key not in stp or words[b].key == "و" or spans.owner[b] >= 0):
            sb = spans.at(b)
            found = words[b].key in org_heads or sb is not None and sb[4] == "ORG"
            b -= 1
        if found:
            spans.add(i, i, words[i].start, words[i].end, "ORG", None, "rule")

    # a name introduced before its acronym: ئەنجوومەنی … (IGFM), پارتی گەلی کۆماری - جەهەپە
    generic_org = single_triggers("org_generic")
    for i in [k + 1 for k in at_keys.positions(("(", "-", "–"))]:
        if not 2 <= i < n:
            continue
        s_ = spans.at(i)
        if s_ is None or s_[4] != "ORG" or s_[0] != i:
            continue
        sep = i - 1
        if words[sep].f not in ("(", "-", "–"):
            continue
        j = sep - 1
        if j < 0 or spans.owner[j] >= 0 and spans.at(j) is not None and spans.at(j)[4] == "ORG":
            continue
        k = j
        while k >= 0 and k > j - 7 and words[k].kind in ("word", "num") and words[k].key not in stp - org_heads - generic_org:
            if words[k].key in org_heads or words[k].key in generic_org:
                break
            k -= 1
        if k >= 0 and (words[k].key in org_heads or words[k].key in generic_org) and k < j:
            spans.add(k, j, words[k].start, words[j].end, "ORG", None, "rule", replace=True)

    # unknown words right before a speech verb or a title at the start of a clause: X Y گوتی
    speech_n = _multi_word(t.get("speech", {}))  # دووپاتی کردەوە
    for i in at_keys.positions(speech1, _first_keys(titles), _first_keys(speech_n)):
        if i < 1:
            continue
        if words[i].key in speech1 or _phrase_at(words, i, speech_n) \
                or (_phrase_at(words, i, titles) and words[i].key not in honorifics):
            j = i - 1
            if j >= 1 and words[j].key in _SPEECH_ADVERBS and (words[i].key in speech1 or _phrase_at(words, i, speech_n)):
                j -= 1  # X هەروەها دەڵێت: an adverb between the speaker and the verb
            k = name_run_back(j, 3)
            if k <= j and all(known_or_unknown(x) or words[x].key in gnames for x in range(k, j + 1)) \
                    and (k == 0 or words[k - 1].kind == "punct" or words[k - 1].key in stp) \
                    and not (k > 0 and words[k - 1].key in _PREPOSITIONS) \
                    and not any(_verb_like(words[x].key) and words[x].key not in gnames for x in range(k, j + 1)) \
                    and not (k > 0 and (words[k - 1].key in titles_1 or words[k - 1].key in _DEMONSTRATIVES)) \
                    and not words[j].key.endswith(_DEFINITE_ENDS):  # بەڕێوەبەری باخداری گوتی: a role;
                # (خۆپێشاندانەکان گوتی: a noun with the article is no name)
                spans.add(k, j, words[k].start, words[j].start + _trim_clitics(words[j], True, True), "PER", None, "rule")
    # an unknown word opening the sentence whose first verb is a speech verb a few words on is its speaker:
    # X دەربارەی … گوتی, X کۆبوونەوەکەی بە گرنگ وەسف کرد و گوتی (no entity, verb or quote between)
    for i in at_keys.positions(speech1):
        c = i - 1
        while c >= 0 and i - c <= _SPEAKER_REACH and words[c].kind == "word" and spans.owner[c] < 0 \
                and not (_verb_like(words[c].key) and not (words[c].key[-1] == "ی" and words[c].key in common)) \
                and words[c].key not in _K_KE_AND:
            c -= 1  # (a listed word in ezafe is no verb: دەربارەی)
        c += 1
        if c >= i - 2 or c > 0 and words[c - 1].f not in _SENT_END_SET:
            continue  # (beside the verb: the rule above; an opener in ی may be an adverb: ئاخیری "at last")
        w0 = words[c]
        if not _clause_name_word(w0, stp, common) or w0.key.endswith(_DEFINITE_ENDS) or w0.key in titles_1 \
                or w0.key[-1] == "ی" and w0.key not in gnames \
                or w0.key[:2] in (_K_LE, _K_BE) and not _unknown_key(w0.key[2:], common):
            continue
        e = c
        if known_or_unknown(c + 1) and _clause_name_word(words[c + 1], stp, common) \
                and not words[c + 1].key.endswith(_DEFINITE_ENDS) and words[c + 1].key[-1] != "ی":
            e = c + 1  # a two-word name: X Y دەربارەی … گوتی
        spans.add(c, e, w0.start, words[e].start + _trim_clitics(words[e], True, True), "PER", None, "rule")

    if model:
        from sorani.entities.model import apply_model
        apply_model(words, spans, common)

    # a place or body right after a competition head (or after one modifier in ezafe) names the
    # competition, no place: جامی ئیتاڵیا, خولی نایابی عێراق, جامی یەکێتیی ئاسیا
    comp = single_triggers("competition")
    for h in at_keys.positions(comp):  # (modifiers: نایابی, سوپەری, بژاردەی; تۆپی پێی)
        spans.drop_after_head(h, lambda w: w.f.endswith(("ی", "ى")) and w.key[:-1] in common, ("LOC", "ORG"))

    # a body right after the head of a law title (or after one or two modifiers in ezafe) is part of the
    # opaque title, no ORG: یاسای ئەنجومەنی ئاسایش, یاسای ڕیشەکێشکردنی بەعس
    laws = single_triggers("law")
    for h in _keyed(words, extra, laws):  # (ڕیشەکێشکردنی: a verbal noun in ezafe)
        spans.drop_after_head(h, lambda w: w.f.endswith("ی") and (w.key in common or w.key.endswith(_INFINITIVE_I)),
                              ("ORG",))

    # the hereditary سەید before a given name is part of the name (GUIDELINES 2.3)
    for item in spans.items:
        i0 = item[0]
        if item[4] == "PER" and i0 >= 1 and words[i0 - 1].key == _K_SAYYID and spans.owner[i0 - 1] < 0 \
                and words[i0].key in gnames and item[2] == words[i0].start:
            item[0], item[2] = i0 - 1, words[i0 - 1].start
            spans.owner[i0 - 1] = spans.owner[i0]

    # the agent clitic یان on the last name of a person before a past verb: … ئیبیشیان ڕفاند
    for item in spans.items:
        i1 = item[1]
        if item[4] != "PER" or item[6] != "rule" or i1 <= item[0] or i1 + 1 >= n or item[3] != words[i1].end:
            continue
        wl, nxt = words[i1], words[i1 + 1]
        if wl.f.endswith("یان") and len(wl.f) >= 6 and nxt.kind == "word" and _verb_like(nxt.key) \
                and nxt.key not in stp and not _is_speech_key(nxt.key) and not nxt.key.startswith(_VERB_START[:3]) \
                and _unknown_key(wl.key[:-3], common) and wl.key[:-3] not in gnames:
            item[3] = wl.end - 3  # (سەیوان سەعیدیان: a given name + یان is a family name)

    # a list of names separated by commas: an item of two or three name-like words next to a
    # person's name in the list is a person too (زانکۆ خەلیفە، هەرمان وەتمانی، مریەم قازی، …)
    todo = [item for item in spans.items if item[4] == "PER"]
    while todo:
        item = todo.pop()
        for side in (1, -1):
            c = item[1] + 1 if side == 1 else item[0] - 1  # the comma next to the name
            if not 0 <= c < n or words[c].f not in _LIST_COMMAS:
                continue
            j, got = c + side, []
            while 0 <= j < n and len(got) <= 3 and words[j].kind == "word" and spans.owner[j] < 0:
                got.append(j)
                j += side
            if not 2 <= len(got) <= 3 or not (j < 0 or j >= n or words[j].f in _LIST_ENDS):
                continue
            if side == 1 and j < n and words[j].f not in _LIST_COMMAS and not (
                    words[j].f in _SENT_END_SET or words[j].f == ")"):
                continue  # (the last item closes the sentence or the list)
            a, b = min(got), max(got)
            ws = words[a:b + 1]
            if not (ws[0].key in gnames or ws[0].key not in common and _unknown(ws[0], common)
                    and ws[0].key[-1] != "ی" and ws[-1].key.endswith(_SURNAME_ENDS)) \
                    or any(w.f.startswith(_ARABIC_ARTICLE) for w in ws) or any(
                    w.key in stp or _verb_like(w.key) and w.key not in gnames or w.key.endswith(_DEFINITE_ENDS)
                    or w.key.endswith(_INDEF_ENDS) for w in ws):
                continue
            if spans.add(a, b, ws[0].start, ws[-1].start + _trim_clitics(ws[-1], True, True), "PER", None, "rule"):
                todo.append(spans.items[-1])

    # the qualifier فیدراڵ after the place that closes a body's name stays in it (GUIDELINES:
    # ئەنجومەنی نوێنەرانی عێراقی فیدراڵ; the place alone, عێراقی فیدراڵ, is LOC عێراق)
    if _K_FEDERAL in at_keys.at:
        for item in list(spans.items):
            i1 = item[1]
            if item[4] == "ORG" and i1 + 1 < n and words[i1 + 1].key == _K_FEDERAL and i1 > item[0] \
                    and words[i1].f.endswith("ی") and item[3] >= words[i1].end - 1 and spans.owner[i1 + 1] < 0:
                w1 = words[i1 + 1]
                spans.add(item[0], i1 + 1, item[2], w1.start + _trim_clitics(w1, keep_i=False), "ORG", item[5],
                          item[6], replace=True)

    # a headline opening with an unknown name and a colon: ئەلئەسەدی: …, X : … (the speaker)
    for c in at_keys.positions((":",)):
        i = c - 1
        if not 0 <= i < n - 2 or words[c].f != ":" or words[i].kind != "word" or spans.owner[i] >= 0 \
                or not (i == 0 or words[i - 1].f in _SENT_END_SET) or words[c + 1].kind != "word":
            continue
        w = words[i]
        if len(w.key) >= 4 and _unknown(w, common) and w.key not in stp and not _verb_like(w.key) \
                and not w.key.endswith(_DEFINITE_ENDS):
            spans.add(i, i, w.start, w.end, "PER", None, "rule")

    # a gentilic after a name inside a company, club or media ORG ends the name, the name's ezafe ی left out
    # (GUIDELINES 2.5: یانەی لیڤەرپوولی ئینگلیزی → یانەی لیڤەرپوول; ڕۆژنامەی لوموندی فەرەنسی → ڕۆژنامەی لوموند)
    for g in _keyed(words, extra, gentilics):
        item = spans.at(g)
        if item is None or item[4] != "ORG" or item[6] != "rule" or item[0] > g - 2 \
                or words[item[0]].key not in brands:
            continue
        wp = words[g - 1]
        if wp.kind != "word" or not wp.f.endswith("ی") or wp.key in common or wp.key in stp \
                or wp.key.endswith("یی"):
            continue
        for x in range(g, item[1] + 1):
            spans.owner[x] = -1
        item[1], item[3] = g - 1, wp.end - (0 if wp.key in gazetteer().single else 1)

    # a head shared by two coordinated names stays out, each name is its own span (GUIDELINES 2.5:
    # هەردوو یانەی بۆرنماوس و ئارسیناڵ → ORG بۆرنماوس, ORG ئارسیناڵ)
    if _K_BOTH in at_keys.at:
        for b in at_keys.positions((_K_BOTH,)):
            h = b + 1
            item = spans.at(h) if h + 1 < n else None
            if item is None or item[4] != "ORG" or item[0] != h or item[1] <= h or words[h].key not in org_heads \
                    or item[1] + 2 >= n or words[item[1] + 1].key != "و" or item[3] != words[item[1]].end:
                continue
            j = item[1] + 2
            other = spans.at(j)
            if other is None and not (words[j].kind == "word" and words[j].key not in stp
                                      and not _verb_like(words[j].key)):  # (the second of two: also a common word)
                continue
            item[0], item[2] = h + 1, words[h + 1].start
            spans.owner[h] = -1
            if other is not None and other[4] == "LOC" and other[0] == j and other[2] == words[j].start:
                other[4], other[5] = "ORG", None  # هەردوو یانەی دهۆک و زاخۆ: the second club named by its town
            if other is None:
                spans.add(j, j, words[j].start, words[j].start + _trim_clitics(words[j], keep_i=False), "ORG", None,
                          "rule")

    # a rule-made person with a word that carries the article inside it is a glued run of common
    # words (سەرچاوەکەئەوەشی, ئەلبومەپڕداهاتەکانی, کێشەهەڵواسراوەکانی): no name
    for item in spans.items:
        if item[4] == "PER" and item[6] == "rule" and any(
                len(w.key) >= 7 and (w.key.find(_DEFINITE_ENDS[2], 2) > 0 or w.key.find(_DEFINITE_ENDS[0], 2) > 0)
                and w.key not in gnames for w in words[item[0]:item[1] + 1]):
            spans.drop(item)

    # a rule-made person opening with لە/بە glued to a common word (لەسەردەمی ئیبراهیم, لەکۆشکی سەلام) starts
    # after it: the preposition phrase is no part of a name; with no given or unknown word left, no name
    for item in spans.items:
        i0 = item[0]
        if item[4] != "PER" or item[6] != "rule" or item[1] <= i0 or item[2] != words[i0].start:
            continue
        k0 = words[i0].key
        if len(k0) > 4 and k0[:2] in (_K_LE, _K_BE) and k0 not in gnames \
                and (k0[2:] in common or k0[-1] == "ی" and k0[2:-1] in common):
            spans.owner[i0] = -1
            item[0], item[2] = i0 + 1, words[i0 + 1].start
            w1 = words[i0 + 1]
            if w1.key not in gnames and (not _unknown(w1, common) or item[1] == i0 + 1 and (
                    w1.key[-1] == "ی" or w1.key.endswith(_INDEF_ENDS))):  # (لەئەنجامی گوشاری: no name left)
                item[4] = None
                for x in range(i0 + 1, item[1] + 1):
                    spans.owner[x] = -1

    # a branch or office named with its place before the body is one ORG span (GUIDELINES ner_fresh4/5:
    # لقی هەولێری کۆمەڵەی خۆشنوسانی کوردستان, ئۆفیسی هەولێری کۆمسیۆنی …): visits only the branch words
    branch, gaz_single = single_triggers("org_branch"), gazetteer().single
    for b in at_keys.positions(branch):
        if b + 2 >= n or spans.owner[b] >= 0:
            continue
        place = spans.at(b + 1)
        if place is None:  # a listed place left untagged before the body (هەولێری کۆمسیۆنی …)
            key = words[b + 1].key
            hit = spans.owner[b + 1] < 0 and gaz_single.get(key[:-1] if key.endswith("ی") else key)
            if not hit or hit[0].label != "LOC" or hit[1]:
                continue
            end_place = b + 1
        elif place[4] != "LOC" or place[0] != b + 1:
            continue
        else:
            end_place = place[1]
        if end_place + 1 >= n:
            continue
        body = spans.at(end_place + 1)
        if body is None or body[4] != "ORG" or body[0] != end_place + 1:
            continue
        if place is not None:
            place[4] = None
        body[0], body[2], body[6] = b, words[b].start, "rule"
        for k in range(b, end_place + 1):
            spans.owner[k] = spans.owner[body[1]]

    # a directorate or ministry whose name coordinates two fields before its place is one ORG span
    # (GUIDELINES ner_fresh5: بەڕێوەبەرایەتی گشتیی میراتی کلتووری و گەشتیاریی پارێزگای ئازەربایجانی ڕۆژئاوا):
    # visits only the ORG items that open with an org_alone head
    for item in spans.items:
        if item[4] != "ORG" or words[item[0]].key not in org_alone or item[3] != words[item[1]].end:
            continue
        e = item[1]
        if e + 4 >= n or words[e + 1].key != "و" or not words[e].key.endswith("ی") \
                or not words[e + 2].f.endswith("یی") or spans.owner[e + 2] >= 0 or spans.owner[e + 1] >= 0:
            continue
        p = e + 4 if words[e + 3].key in loc_heads and spans.owner[e + 3] < 0 else e + 3
        place = spans.at(p)
        if place is None or place[4] != "LOC" or place[0] != p:
            continue
        place[4] = None
        me = spans.owner[e]
        for k in range(e + 1, place[1] + 1):
            spans.owner[k] = me
        item[1], item[3], item[6] = place[1], place[3], "rule"

    # a body given only descriptively, with a qualifier between its head and the place, is the place
    # alone (GUIDELINES ner_fresh4/ner_fresh5: کەناڵی دەوڵەتی ئێران → LOC ئێران): visits only the
    # rule-made ORG items
    desc_quals = single_triggers("org_desc_qualifier")
    for item in spans.items:
        if item[4] != "ORG" or item[6] != "rule" or item[1] - item[0] < 2 \
                or words[item[1] - 1].key not in desc_quals or item[3] != words[item[1]].end:
            continue
        hit = gaz_single.get(words[item[1]].key)
        if not hit or hit[0].label != "LOC" or hit[1]:
            continue
        for k in range(item[0], item[1]):
            spans.owner[k] = -1
        item[0], item[2], item[4], item[5], item[6] = item[1], words[item[1]].start, "LOC", hit[0], "gazetteer"

    # the agency Peyamner as interviewer (پەیامنێر: … opening a line or clause) is ORG, the word alone
    # (GUIDELINES ner_fresh4): visits only the words of that key
    for i in at_keys.at.get(_K_PNA, ()):
        if spans.owner[i] < 0 and i + 1 < n and words[i + 1].f == ":" and (i == 0 or words[i - 1].kind == "punct"):
            spans.add(i, i, words[i].start, words[i].end, "ORG", None, "rule")

    # a rule-made body without an ezafe before its town, the town closing the phrase, is one ORG span
    # (ئیدارەی ئیتلاعات ورمێ، پلاتفۆڕمی ژنانی دیجلە ئامەد): visits only the rule-made ORG items
    for item in spans.items:
        e = item[1]
        if item[4] != "ORG" or item[6] != "rule" or e + 1 >= n or item[3] != words[e].end \
                or words[e].f.endswith("ی") or words[item[0]].key not in org_heads:
            continue
        place = spans.at(e + 1)
        if place is None or place[4] != "LOC" or place[0] != e + 1 or place[1] != e + 1 \
                or place[5] is None or place[5].subtype not in ("city", "town", "capital") \
                or place[3] != words[e + 1].end or e + 2 < n and words[e + 2].kind != "punct":
            continue
        place[4] = None
        spans.owner[e + 1] = spans.owner[e]
        item[1], item[3] = e + 1, place[3]

    # a long body name that coordinates its last word with one more closing the phrase takes it in
    # (دەستەی باڵای سەربەخۆی هەڵبژاردن و ڕاپرسی بووە, یەکیەتی مامۆستایانی ئایینی مەریوان و هەورامان -):
    # visits only the rule-made ORG items
    for item in spans.items:
        e = item[1]
        if item[4] != "ORG" or item[6] != "rule" or e - item[0] < 3 or e + 2 >= n or words[e + 1].key != "و" \
                or item[3] != words[e].end or words[e].f.endswith("ی") or words[item[0]].key not in org_heads \
                or words[e + 2].kind != "word" or words[e + 2].key in stp or spans.owner[e + 1] >= 0:
            continue
        other = spans.at(e + 2)
        if other is not None and (other[4] != "LOC" or other[0] != e + 2 or other[1] != e + 2) \
                or other is None and spans.owner[e + 2] >= 0:
            continue
        if e + 3 < n and words[e + 3].kind != "punct" and not _verb_like(words[e + 3].key) \
                and not _is_speech_key(words[e + 3].key):
            continue
        if other is not None:
            other[4] = None
        for k in (e + 1, e + 2):
            spans.owner[k] = spans.owner[e]
        item[1], item[3] = e + 2, words[e + 2].end if other is None else other[3]

    before = len(spans.items)
    _propagate(words, spans, text)
    # (a family name found again alone: هەولێر- بڵند عەبدوڵڵا after عەبدولغەفار عەبدوڵڵا)
    common_first_names(spans.items[before:])
    out = []
    for i0, i1, start, end, label, entry, how in spans.items:
        if not label:
            continue
        if label in ("PER", "LOC") and end - start > 4 and text.endswith("یی", 0, end) and end == words[i1].end:
            end -= 1  # خومەینیی, سلێمانیی: a name in ی with its ezafe spelt یی (GUIDELINES 2.2)
        while end - start > 1 and text[end - 1] in _DROP_EDGE:
            end -= 1  # شوکره‌: the ZWNJ of the old ه‌ spelling (or a tatweel) is no part of the name
        while end - start > 1 and text[start] in _DROP_EDGE:
            start += 1
        out.append(Entity(start, end, label, text[start:end], entry.english if entry else "",
                          entry.wikidata if entry else "", how))
    out.sort(key=lambda e: e.start)
    _resolve_english(out)
    return out


def _propagate(words: list[Word], spans: _Spans, text: str) -> None:
    """Names found by rules or the model are found again wherever they recur in the text; a
    person's surname alone refers back to the full name."""
    names: dict[str, tuple[str, Entry | None]] = {}
    common = common_words()
    for x, (i0, i1, start, end, label, entry, how) in enumerate(spans.items):
        if not label or label == "DATE" or how == "gazetteer" or x in spans.local:
            continue
        ws = [words[k] for k in range(i0, i1 + 1)]
        if label == "PER" and len(ws) >= 2:
            # a part that is a common word, or two common words written as one (پلان+دانان), is
            # not looked for alone: it would turn every use of the word into the person
            last = fold_key(text[ws[-1].start:end]) if ws[-1].start < end else ""
            if len(last) >= 3 and last not in common and not _common_compound(last, common):
                names.setdefault(last, (label, entry))
            first = ws[0].key
            if len(first) >= 3 and first not in common and first not in given_names() \
                    and not _common_compound(first, common):
                names.setdefault(first, (label, entry))
        if len(ws) == 1:
            key = fold_key(text[start:end])
            if key in _SHORT_VERBS or label == "PER" and entry is None and key.startswith(_K_DE) \
                    and len(key) > 3 and _verb_like(key) and key not in given_names():
                continue  # a verb taken for a name once (شیلان هات) is not looked for elsewhere
            names.setdefault(key, (label, entry))
    if not names:
        return
    heads = {k[:3] for k in names}
    # the match of a word depends on its form only: found once a form, then added at each free word.
    # Only the forms whose key starts with a name's first letters (after a glued preposition) can
    # match: the keys opening with a given string are a run of the text's sorted keys (two
    # bisections a head and preposition, no regex compiled a text)
    index = key_index(words)
    ordered = index.sorted_keys
    runs: dict[str, None] = {}
    for start in {p + h for p in ("", *affixes()[1]) for h in heads}:
        lo = bisect_left(ordered, start)
        hi = bisect_left(ordered, start + "\U0010ffff", lo)
        if lo < hi:
            runs.update(dict.fromkeys(ordered[lo:hi]))
    keys = list(runs)
    by_form: dict[str, list[int]] = {}
    for key in keys:
        for i in index.at[key]:
            by_form.setdefault(words[i].f, []).append(i)
    found = []
    bases = _SUFFIX_BASES
    if len(bases) > 200_000:
        bases.clear()
    for positions in by_form.values():
        w = words[positions[0]]
        if w.kind != "word":
            continue
        for off, stem, k in _SPLITS.get(w.f) or _split_keys(w):
            if k[:3] not in heads:
                continue
            hit, length = names.get(k), len(stem)
            if hit is None:
                cuts = bases.get(stem)
                if cuts is None:
                    cuts = bases[stem] = _suffix_bases(stem)
                for base, base_len in cuts:
                    if base in names:
                        hit, length = names[base], base_len
                        break
            if hit:
                found.extend((i, off, length, hit) for i in positions)
                break
    owner = spans.owner
    for i, off, length, hit in sorted(found, key=lambda x: x[0]):
        if owner[i] < 0:
            w = words[i]
            spans.add(i, i, w.start + off, w.start + off + length, hit[0], hit[1], "document")


def _suffix_bases(stem: str) -> tuple[tuple[str, int], ...]:
    """(key, length) of each base of ``stem`` followed by an allowed suffix, shortest suffix
    first (the bases ``_propagate`` looks up among the names of a text)."""
    suffixes, _, maxsuf = affixes()
    if key_of_folded(stem) == stem:  # nothing to drop or collapse: nor in any part of it
        return tuple((stem[:-m], len(stem) - m) for m in range(1, min(maxsuf + 1, len(stem) - 2))
                     if stem[-m:] in suffixes)
    return tuple((key_of_folded(stem[:-m]), len(stem) - m) for m in range(1, min(maxsuf + 1, len(stem) - 2))
                 if key_of_folded(stem[-m:]) in suffixes)


_SUFFIX_BASES: dict[str, tuple[tuple[str, int], ...]] = {}  # stem -> _suffix_bases(stem)


def _resolve_english(ents: list[Entity]) -> None:
    """A surname or short form takes the English name of the full name met earlier."""
    full: dict[str, Entity] = {}
    for e in ents:
        if e.label != "PER":
            continue
        parts = e.text.split()
        if len(parts) >= 2:
            full[fold_key(parts[-1])] = e
        elif not e.english:
            src = full.get(fold_key(e.text))
            if src is not None:
                e.english, e.wikidata = src.english, src.wikidata
