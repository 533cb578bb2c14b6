"""The compiled word scan (``scan`` of sorani/_facts_c.c) against the pure-Python one
(``sorani.entities.gazetteer._scan``): the same words, unit index and offsets. The sample
strings were written for these tests."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani._compiled import load
from sorani.entities.gazetteer import Word, WordList, recycle, scan, scan_reusing

G = sys.modules["sorani.entities.gazetteer"]
compiled = load("_facts_c", 5)
pytestmark = pytest.mark.skipif(compiled is None, reason="the compiled extension is not built")

TRICKY = list("ئەمڕۆکوردیلێڵۆكيىةؤھۀهـ\u064b\u064e\u0650\u0652\u0670\u0654\u065b\u06d6\u06ed\u0610\u061a"
              "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u0300İIıabcZzéç ،.,٫٬!?\t\n\r\x0b\x1c\x85\u00a0\u2028"
              "\u3000_09٠٩۰۹-–'ﻻﷲﭐ\ufdfc\ufefc\ufefd\u0750\u08ff😀ω中") + ["\ud800", "\udfff", "\U00010400"]
# two key queries known, so that the scans list keys with bits (``_KeyIndex.found``)
G.key_query(re.compile("\n([^\n])$", re.M), False)
G.key_query(re.compile("[کك]"), True)

tricky_text = st.lists(st.sampled_from(TRICKY), max_size=60).map("".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=80)


def _dump(words: list[Word]) -> tuple:
    return ([(w.start, w.end, w.f, w.key, w.kind) for w in words], words.units, words.starts, words.ends,
            words.cache.get("flagged"))  # (the keys some key query finds, with their bits)


def _pure(text: str, reuse: bool = False) -> tuple:
    G._COMPILED[:] = [None]
    try:
        return _dump(scan_reusing(text) if reuse else scan(text))
    finally:
        G._COMPILED[:] = []


def _c(text: str, reuse: bool = False) -> tuple:
    G._COMPILED[:] = []
    return _dump(scan_reusing(text) if reuse else scan(text))


@settings(max_examples=300, deadline=None)
@given(tricky_text)
def test_same_words_tricky(text: str) -> None:
    assert _c(text) == _pure(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_same_words_any(text: str) -> None:
    assert _c(text) == _pure(text)


@settings(max_examples=50, deadline=None)
@given(st.lists(tricky_text, min_size=1, max_size=4))
def test_same_words_reusing(texts: list[str]) -> None:
    for text in texts:  # words given back by recycle are set anew
        words = scan_reusing(text)
        got = _dump(words)
        recycle(words)
        assert got == _pure(text)


def test_unit_classes_every_code_point() -> None:
    """Each code point alone, and after a letter, a Latin letter and a digit, splits as the
    regular expression splits it."""
    for cp in range(0x110000):
        if 0x0600 <= cp <= 0x08ff or 0xfb00 <= cp <= 0xfeff or cp < 0x3100 or cp % 97 == 0:
            c = chr(cp)
            text = f"{c}ب{c}a{c}1{c}1{c}"
            assert _c(text)[0] == _pure(text)[0], hex(cp)


def test_glued_and_long() -> None:
    text = "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8 + " ١٢٣٫٤٥,٦٧. " + "a1" * 300
    assert _c(text) == _pure(text)
    big = ("لە تورکیا، ١٣٠ سەرباز کوژران. " * 2000)
    assert _c(big) == _pure(big)


def test_str_subclass_and_types() -> None:
    class S(str):
        pass

    assert _c(S("لە تورکیا")) == _pure("لە تورکیا")
    slots = G._WORD_SLOTS
    with pytest.raises(TypeError):
        compiled.scan(b"x", {}, G._add_forms, None, WordList(), Word, slots)
    with pytest.raises(TypeError):
        compiled.scan("x", [], G._add_forms, None, WordList(), Word, slots)
    with pytest.raises(TypeError):
        compiled.scan("x", {}, G._add_forms, None, WordList(), Word, slots[:4])
    with pytest.raises(TypeError):
        compiled.scan("x", {}, G._add_forms, None, WordList(), str, slots)
    with pytest.raises(TypeError):
        compiled.scan("x", {"x": "bad"}, G._add_forms, None, WordList(), Word, slots)
    with pytest.raises(RuntimeError):
        compiled.scan("x", {}, lambda new: None, None, WordList(), Word, slots)
    with pytest.raises(TypeError):  # a pool of other objects
        compiled.scan("x", {"x": ("x", "x", "word")}, G._add_forms, [object()], WordList(), Word, slots)


def test_regex_split_agrees() -> None:
    """The units are those of ``_SPLIT_WORD.split`` (the definition the C code follows)."""
    text = "ئه‌ڵمانیا\u200cش، abc12 ٣٫٥٫ 1,2,,3 ـــ x\u2060y"
    units = [p for p in G._SPLIT_WORD.split(text)[1::2]]
    assert [text[s:e] for s, e in zip(_c(text)[2], _c(text)[3])] == units
    assert re.escape  # (the module's regexes stay the reference)


def _index(text: str, pure: bool) -> tuple:
    from sorani.entities.tagger import key_index

    G._COMPILED[:] = [None] if pure else []
    try:
        idx = key_index(scan(text))
    finally:
        G._COMPILED[:] = []
    return list(idx.at.items()), idx.merged, idx.blob


@settings(max_examples=200, deadline=None)
@given(tricky_text)
def test_same_key_index(text: str) -> None:
    assert _index(text, False) == _index(text, True)


def test_same_key_index_of_forms_of_one_key() -> None:
    text = "ئەڵمانیا ئه‌ڵمانیا ئەلمانیا، ئەڵمانیا بوو بو بوو ١٢ 12 ۱۲ ١٢"
    got = _index(text, False)
    assert got == _index(text, True) and got[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(tricky_text.filter(bool), max_size=8) | st.lists(any_text.filter(bool), max_size=8))
def test_same_forms(units: list[str]) -> None:
    units = [u.replace("\n", " ") for u in units]  # (units hold no line break)
    assert compiled.forms(units, G._FOLD_TABLE, G._KINDS) == G._forms(units) == [G._form(u) for u in units]


def test_forms_of_every_code_point() -> None:
    units = [chr(cp) + chr(cp) + "ی" + chr(cp) for cp in range(0x110000) if cp < 0x3000 or 0xfb00 <= cp <= 0xffff
             or cp % 101 == 0]
    units = [u for u in units if "\n" not in u]
    assert compiled.forms(units, G._FOLD_TABLE, G._KINDS) == G._forms(units)
    for bad in ([""], [1]):
        with pytest.raises(TypeError):
            compiled.forms(bad, G._FOLD_TABLE, G._KINDS)
    with pytest.raises(TypeError):
        compiled.forms(["x"], ["a"], G._KINDS)


def _slow_suffix_bases(stem: str) -> tuple:
    from sorani.entities.gazetteer import affixes, key_of_folded

    suffixes, _, maxsuf = affixes()
    return tuple((key_of_folded(stem[:-m]), len(stem) - m) for m in range(1, min(maxsuf + 1, len(stem) - 2))
                 if key_of_folded(stem[-m:]) in suffixes)


def _slow_last_match(w: Word, key: str) -> int:
    from sorani.entities.gazetteer import affixes, key_of_folded
    from sorani.entities.tagger import _DROP_EDGE

    f = w.f
    if w.key == key:
        return len(f.rstrip(_DROP_EDGE))
    for n in range(1, min(affixes()[2] + 1, len(f))):
        base = f[:-n].rstrip(_DROP_EDGE)
        if key_of_folded(base) == key and key_of_folded(f[-n:]) in affixes()[0]:
            return len(base)
    return 0


NAMEISH = st.lists(st.sampled_from(list("ئەمریکاوویییشدانتێ\u200cـ\u064e") + ["یش", "دا", "ەوە", "یان", "ی"]),
                   min_size=1, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(NAMEISH, NAMEISH)
def test_suffix_shortcuts_exact(stem: str, key_text: str) -> None:
    """The shortcuts of ``_suffix_bases`` and ``_last_match`` for a form with nothing to drop or
    collapse give what the general loops give."""
    from sorani.entities.gazetteer import fold_key
    from sorani.entities.tagger import _last_match, _suffix_bases

    assert _suffix_bases(stem) == _slow_suffix_bases(stem)
    ws = scan("لە" + stem)
    if not ws:
        return
    w = ws[0]
    from sorani.entities.gazetteer import key_of_folded
    from sorani.entities.tagger import _SPLITS, _split_keys, _splits

    _SPLITS.pop(w.f, None)
    assert _split_keys(w) == tuple((off, st, w.key if off == 0 and len(st) > 1 else key_of_folded(st))
                                   for off, st in _splits(w))
    w = scan(stem)[0] if scan(stem) else w
    for key in (fold_key(key_text), fold_key(stem)[:len(fold_key(stem)) // 2 + 1], fold_key(stem)[:-2]):
        assert _last_match(w, key) == _slow_last_match(w, key)


def test_many_distinct_units() -> None:
    """Tens of thousands of distinct units (the table grows past its first size) and repeats."""
    letters = "ابپتجچحخدرزسشعفقکگلمنوهیێۆە"
    words = [letters[i % 27] + letters[(i // 27) % 27] + letters[(i // 729) % 27] for i in range(20000)]
    text = " ".join(words + words[::3]) + " " + " ".join(str(i) for i in range(5000))
    assert _c(text) == _pure(text)
