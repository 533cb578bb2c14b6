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
