"""The compiled search of sorani.morphology (``sorani/_morph_c.c``) gives exactly the candidates of
the pure-Python path it replaces (skipped when the module is not built)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani import morphology as m
from sorani._compiled import load

mod = load("_morph_c", m._MORPH_C_VERSION)
pytestmark = pytest.mark.skipif(mod is None, reason="the compiled module is not built")

LETTERS = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"
SUFFIXES = ["", "ی", "ەکە", "ەکان", "ان", "یان", "ێک", "یەک", "مان", "ەوە", "دا", "ش", "یی", "ایەتی", "ە",
            "کان", "ەکانیش", "یش", "م", "ت", "تان", "ین", "یت", "ەک"]


def compiled():
    m._noun_analyses("کتێب", m._lexicon())  # binds the search and gives the module its tables
    assert m._noun_analyses is mod.noun_analyses
    return mod.noun_analyses


def same(w: str) -> None:
    lex = m._lexicon()
    py, c = m._noun_analyses_py(w, lex), compiled()(w, lex)
    assert repr(py) == repr(c)  # the same candidates, floats to the last bit, in the same order


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=40))
def test_random_letters(w: str) -> None:
    same(w)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._lexicon().nouns)[::50]), st.sampled_from(SUFFIXES), st.sampled_from(SUFFIXES))
def test_lexicon_words_with_suffixes(stem: str, s1: str, s2: str) -> None:
    same(stem + s1 + s2)


def test_words() -> None:
    for w in ("", "ی", "یی", "کتێبەکانمان", "ناوچان", "خۆکوژی", "دادگەری", "ماڵەکە", "ناوچەیی", "کۆتاییەک",
              "لایەک", "خانوویەک", "یەکگرتوویی", "ی" * 300, "ەکان" * 100, "😀کتێب", "\ud800ی"):
        same(w)


def test_misuse() -> None:
    f = compiled()
    with pytest.raises(TypeError):
        f(b"abc")
    with pytest.raises(TypeError):
        f(None)
    with pytest.raises(TypeError):
        f(type("S", (str,), {})("کتێب"))  # a str subclass
    with pytest.raises(TypeError):
        f()
    with pytest.raises(TypeError):
        mod.set_noun_tables(("not", "tables"))
    with pytest.raises(TypeError):
        mod.set_noun_tables(None)
    assert f("کتێب") == m._noun_analyses_py("کتێب", m._lexicon())  # the tables survived


def verb_hits():
    m._verb_hits("دەکەم")  # binds the search and gives the module its tables
    assert m._verb_hits is mod.verb_hits
    return mod.verb_hits


VERB_PREFIXES = ["", "دە", "نا", "نە", "ب", "مە", "دەی", "نەیدە", "هەڵ", "دا", "ڕا", "تێ", "لێ", "بیر"]
VERB_ENDINGS = ["", "م", "یت", "ێت", "ات", "ین", "ن", "ەوە", "ایەوە", "ووە", "بوو", "یان", "ە", "ەرەوە"]


def same_hits(w: str) -> None:
    assert repr(m._verb_hits_py(w)) == repr(verb_hits()(w))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=40))
def test_verb_hits_random_letters(w: str) -> None:
    same_hits(w)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VERB_PREFIXES), st.sampled_from(sorted(m._lexicon().verb_stems)[::3]),
       st.sampled_from(VERB_ENDINGS))
def test_verb_hits_verb_forms(pre: str, stem: str, end: str) -> None:
    same_hits(pre + stem + end)


def test_verb_hits_words_and_misuse() -> None:
    for w in ("", "ب", "ک", "دەکات", "نەیدەتوانی", "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8, "ە" * 500, "😀دەکەم"):
        same_hits(w)
    f = verb_hits()
    for bad in (None, b"x", type("S", (str,), {})("دەکەم")):
        with pytest.raises(TypeError):
            f(bad)
    with pytest.raises(TypeError):
        mod.set_verb_tables(())
    assert f("دەکەم") == m._verb_hits_py("دەکەم")


FOLD_LETTERS = "ه\u200cرکيةاەھہأإآ\u0640\u064bڒ\u200d\u00adبی"


def compiled_fold():
    m._fold_fast("کورد")
    assert m._fold_fast is mod.fold
    return mod.fold


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=FOLD_LETTERS, max_size=12))
def test_fold_is_fold(w: str) -> None:
    assert compiled_fold()(w) == m.fold(w)


def test_fold_words_and_misuse() -> None:
    f = compiled_fold()
    for w in ("", "ر", "ه", "اه", "ره", "کوردستانه", "ه\u200c", "ھ\u200c", "هه\u200c\u200c", "\u200cر", "😀ه",
              "ئهفسانه", "\ud800ه", "كوردستانه" * 1000):
        assert f(w) == m.fold(w)
    assert f(type("S", (str,), {})("ره")) is None  # a str subclass: Python folds it
    assert f(None) is None
    with pytest.raises(TypeError):
        mod.set_fold_table("x", frozenset())
    with pytest.raises(ValueError):
        mod.set_fold_table({"ab": "c"}, frozenset())
    assert f("كوردستانه") == m.fold("كوردستانه")  # the table survived


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._compound_heads())[::97]), st.text(alphabet=LETTERS, max_size=12),
       st.integers(1, 14), st.integers(0, 14))
def test_head_lengths(head: str, rest: str, lo: int, hi: int) -> None:
    m._head_lengths("کورد", 3, 4)
    assert m._head_lengths is mod.head_lengths
    w = head + rest
    assert mod.head_lengths(w, lo, hi) == m._head_lengths_py(w, lo, hi)
    with pytest.raises(TypeError):
        mod.head_lengths(w, lo)
    with pytest.raises(ValueError):
        mod.head_lengths(w, 0, hi)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._lexicon().nouns)[::50]), st.sampled_from(SUFFIXES), st.sampled_from(SUFFIXES),
       st.integers(-2, 40))
def test_noun_end_and_light_end(stem: str, s1: str, s2: str, k: int) -> None:
    w = stem + s1 + s2
    m._chain_end("کتێبەکان", 3)
    m._has_light_end("کتێب")
    assert m._chain_end is mod.noun_end and m._has_light_end is mod.has_light_end
    assert mod.noun_end(w, k) == m._chain_end_py(w, k)
    for light in ("", "کردن", "کردنەوەی", "بوونی", "کراو"):
        assert mod.has_light_end(w + light) == m._has_light_end_py(w + light)
        assert mod.has_light_end(light + w) == m._has_light_end_py(light + w)


def test_ends_misuse() -> None:
    m._chain_end("کتێبەکان", 3)
    m._has_light_end("کتێب")
    with pytest.raises(TypeError):
        mod.noun_end(b"x", 1)
    with pytest.raises(TypeError):
        mod.has_light_end(None)
    with pytest.raises(ValueError):
        mod.set_light_ends({"ab": True})
    assert mod.has_light_end("ڕوونکردنەوە") == m._has_light_end_py("ڕوونکردنەوە")


TEXT_CHARS = LETTERS + "كيةهـ\u064e\u0670\u200c\u200d\u200b ،.!٢3aé😀\u0600\u06dd\ufb50\ufefc\ufdfc\U0001d400\n"


def test_word_table_is_word_re() -> None:
    import re

    table, word = m._word_table(), m._word_re()
    start = re.compile(word.pattern[: word.pattern.index("]") + 1])
    for code in range(0x10000):
        c = chr(code)
        assert bool(table[code] & 1) == bool(start.fullmatch(c))
        assert bool(table[code] & 2) == bool(word.fullmatch("ب" + c))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TEXT_CHARS, max_size=80))
def test_word_lemmas_is_findall(text: str) -> None:
    words = m._word_re().findall(text)
    cache = {w: "L" + w for w in words[::2]}
    out, missing = mod.word_lemmas(text, cache, m._word_table())
    assert out == [cache.get(w, w) for w in words]
    assert missing == [i for i, w in enumerate(words) if w not in cache]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=TEXT_CHARS, max_size=80))
def test_lemmatize_text_is_pure_python(text: str) -> None:
    assert m.lemmatize_text(text) == m._lemmatize_text_py(text)
    m._LEMMAS.clear()
    assert m._lemmatize_text_py(text) == m.lemmatize_text(text)


def test_word_lemmas_misuse() -> None:
    table = m._word_table()
    for args in ((b"x", {}, table), ("x", [], table), ("x", {}, b"ab"), ("x", {}, bytearray(table)), ("x", {})):
        with pytest.raises(TypeError):
            mod.word_lemmas(*args)
    s = type("S", (str,), {})("کتێبەکان کتێب")
    assert m.lemmatize_text(s) == m._lemmatize_text_py(str(s)) == ["کتێب", "کتێب"]
    assert mod.word_lemmas("", {}, table) == ([], [])
    long = "کتێبەکان " * 20000 + "ب" * 100000
    assert m.lemmatize_text(long) == m._lemmatize_text_py(long)


def test_lemmatize_text_cache_full(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "منداڵەکان لە قوتابخانەکەدا دەخوێنن، منداڵەکان دەڕۆن و کتێبەکانیان دەخوێننەوە"
    expected = m._lemmatize_text_py(text)
    monkeypatch.setattr(m, "_LEMMA_CACHE_MAX", 3)
    m._LEMMAS.clear()
    for _ in range(3):
        assert m.lemmatize_text(text) == expected
        assert len(m._LEMMAS) <= len(set(m._word_re().findall(text)))
