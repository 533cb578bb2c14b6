"""The compiled analyses of sorani.morphology (``sorani/_morph_c.c``: verb_analyses, compound,
light_analyses, readable_variants, guess) give exactly the candidates of the pure-Python functions they
replace, raise on misuse (never crash) and leak nothing. Skipped when the module is not built."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani import morphology as m
from sorani._compiled import load

mod = load("_morph_c", m._MORPH_C_VERSION)
pytestmark = pytest.mark.skipif(mod is None, reason="the compiled module is not built")

LETTERS = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"
NOUN_SUFFIXES = ["", "ی", "ەکە", "ەکان", "ان", "یان", "ێک", "یەک", "مان", "ەوە", "دا", "ش", "یی", "ە", "ەکانیش"]
VERB_PREFIXES = ["", "دە", "نا", "نە", "ب", "مە", "دەی", "نەیدە", "نەیان", "هەڵ", "دا", "ڕا", "تێ", "لێ", "بیر",
                 "کۆ", "ڕوون", "ماڵ", "کار", "ڕای", "هەڵە"]
VERB_ENDINGS = ["", "م", "یت", "ێت", "ات", "ین", "ن", "ەوە", "ایەوە", "ووە", "بوو", "یان", "ە", "ەرەوە", "بم",
                "ووەتەوە", "ا", "ێ", "ەم", "و"]
LIGHT = ["کردن", "کردنەوە", "کراو", "بوون", "بووە", "کردوو", "دان", "هێنان", "گرتن", "کرا"]


def bound(name: str, probe: tuple) -> object:
    """The compiled function a morphology name is bound to (binding it first)."""
    getattr(m, name)(*probe)
    fn = getattr(m, name)
    assert getattr(fn, "__module__", None) == "sorani._morph_c" or type(fn).__name__ == "builtin_function_or_method"
    return fn


def verb_c():
    return bound("_verb_analyses", ("دەکەم", m._lexicon()))


def compound_c():
    return bound("_compound", ("نیشتمانپەروەری", m._lexicon()))


def light_c():
    return bound("_light_analyses", ("ڕوونکردنەوەیەک", m._lexicon()))


def readable_c():
    return bound("_readable_variants", ("بەاڵم", 0))


def guess_c():
    return bound("_guess", ("قڕخۆزەپڵاکانیش",))


def same_guess(w: str) -> None:
    assert repr(m._guess_py(w)) == repr(guess_c()(w))


def same_verb(w: str) -> None:
    lex = m._lexicon()
    c = verb_c()(w, lex)
    m._VERB_HEADS.clear()  # (the memo is shared: both paths fill it alike)
    assert repr(m._verb_analyses_py(w, lex)) == repr(c)  # floats to the last bit, the same order


def same_compound(w: str) -> None:
    lex = m._lexicon()
    assert repr(m._compound_py(w, lex)) == repr(compound_c()(w, lex))


def same_light(w: str) -> None:
    lex = m._lexicon()
    assert repr(m._light_analyses_py(w, lex)) == repr(light_c()(w, lex))


def same_readable(w: str) -> None:
    for which in (0, 1):
        assert repr(m._readable_variants_py(w, which)) == repr(readable_c()(w, which))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, max_size=30))
def test_random_letters(w: str) -> None:
    same_verb(w)
    same_compound(w)
    same_light(w)
    same_readable(w)
    same_guess(w)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=1, max_size=10), st.sampled_from(NOUN_SUFFIXES + ["ەکەم", "ێکیان", "ەکانیشدا"]),
       st.sampled_from(NOUN_SUFFIXES))
def test_guesses(stem: str, s1: str, s2: str) -> None:
    same_guess(stem + s1 + s2)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(VERB_PREFIXES), st.sampled_from(sorted(m._lexicon().verb_stems)[::2]),
       st.sampled_from(VERB_ENDINGS))
def test_verb_forms(pre: str, stem: str, end: str) -> None:
    same_verb(pre + stem + end)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._compound_heads())[::40]), st.sampled_from(sorted(m._lexicon().nouns)[::40]),
       st.sampled_from(NOUN_SUFFIXES))
def test_compounds(head: str, rest: str, suffix: str) -> None:
    same_compound(head + rest + suffix)
    same_light(head + rest + suffix)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._lexicon().nouns)[::40] + ["کۆ", "پێ", "دا", "ڕوون"]), st.sampled_from(LIGHT),
       st.sampled_from(NOUN_SUFFIXES))
def test_light_compounds(head: str, light: str, suffix: str) -> None:
    same_light(head + light + suffix)
    same_verb(head + light + suffix)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="اڵلئەهرڕوۆێیبکن", max_size=14))
def test_respellings(w: str) -> None:
    same_readable(w)


def test_words() -> None:
    words = ["", "ب", "ک", "دەکات", "نەیدەتوانی", "هەڵەبم", "دابوو", "کۆکردەوە", "بیرمکردەوە", "ڕایگەیاند",
             "خۆیدا", "دەیانکردەوە", "نیگارکێشی", "نیگارکێش", "ڕوونکردنەوەیەک", "یەکگرتوویی", "بەاڵم",
             "ئهفسانه", "فێربون", "ووشە", "درووست", "دەگەرێتەوە", "ئاڕاستە", "لەشارەکەدا", "و", "وو", "ڕ",
             "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8, "ە" * 500, "😀دەکەم", "\ud800ی", "و" * 300]
    for w in words:
        same_verb(w)
        same_compound(w)
        same_light(w)
        same_readable(w)
        same_guess(w)
    for w in ("لایەک", "لایەکە", "لایەکان", "بودجەی", "کۆتاییەک", "ماڵەکەیان", "ی", "یی", "ابی"):
        same_guess(w)


def test_misuse() -> None:
    S = type("S", (str,), {})
    lex = m._lexicon()
    for f in (verb_c(), compound_c(), light_c()):
        for bad in (None, b"x", 5, S("دەکەم")):
            with pytest.raises(TypeError):
                f(bad, lex)
        with pytest.raises(TypeError):
            f()
    r = readable_c()
    for args in ((None, 0), (b"x", 0), (S("بەاڵم"), 0), ("x",), ("x", "0"), ("x", 0, 1)):
        with pytest.raises(TypeError):
            r(*args)
    with pytest.raises(ValueError):
        r("x", 2)
    for bad in (None, b"x", S("کتێبەکان")):
        with pytest.raises(TypeError):
            guess_c()(bad)
    for bad in (None, (), ({}, None), ([], len)):
        with pytest.raises(TypeError):
            mod.set_guess_tables(bad)
    with pytest.raises((ValueError, OverflowError)):
        r("x", 2 ** 80)
    for setter in (mod.set_verb_analysis_tables, mod.set_compound_tables, mod.set_light_tables):
        for bad in (None, (), ({},) * 20, "x"):
            with pytest.raises(TypeError):
                setter(bad)
    same_verb("دەکەنەوە")  # the tables survived
    same_compound("نیشتمانپەروەری")
    same_light("ڕوونکردنەوەیەک")


def test_huge_input_is_fast_enough_and_agrees() -> None:
    w = "دەکەم" * 20_000 + "ەکان"
    lex = m._lexicon()
    for f in (verb_c(), compound_c(), light_c()):
        f(w, lex)
    readable_c()(w, 0)
    readable_c()(w, 1)
    guess_c()(w)
    same_verb("ب" * 5000 + "دەکەم")
    same_guess("ب" * 5000 + "ەکان")


def test_no_leak() -> None:
    """Repeated calls return every block they allocate (results discarded)."""
    lex = m._lexicon()
    words = ["دەکەنەوە", "نەیدەتوانی", "کۆکردەوە", "نیشتمانپەروەری", "ڕوونکردنەوەیەک", "بەاڵم", "فێربون",
             "ئهفسانه", "دابوو", "نیگارکێشی", "قڕخۆزەپڵا"]
    fns = [lambda w: verb_c()(w, lex), lambda w: compound_c()(w, lex), lambda w: light_c()(w, lex),
           lambda w: readable_c()(w, 0), lambda w: readable_c()(w, 1), lambda w: guess_c()(w)]

    def run(times: int) -> None:
        for _ in range(times):
            for w in words:
                for f in fns:
                    f(w)
    run(50)  # memos (_VERB_HEADS, _FEATS) filled
    gc.collect()
    before = sys.getallocatedblocks()
    run(2000)
    gc.collect()
    assert sys.getallocatedblocks() - before < 200


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("SORANI_PURE_PYTHON", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, env=env)


def test_before_tables_and_with_bad_tables_in_a_fresh_process() -> None:
    """Calls before the tables are set, and tables of the wrong shapes, raise (no crash)."""
    r = _run("""
        import sorani._morph_c as c
        def fails(f, *a):
            try:
                f(*a)
            except (TypeError, ValueError, KeyError, RuntimeError, OverflowError):
                return
            raise AssertionError((f, a))
        for f in (c.verb_analyses, c.compound, c.light_analyses):
            fails(f, "دەکەم")
        fails(c.readable_variants, "دەکەم", 0)
        fails(c.guess, "دەکەم")
        from sorani import morphology as m
        lex = m._lexicon()
        m._analyze_folded("دەکەنەوە")  # binds the searches (the module gets the real tables)
        m._compound("نیشتمانپەروەری", lex)
        m._readable_variants("بەاڵم", 0)
        t = list(c.__dict__)  # (keep the module)
        # malformed tables of the right types: the searches raise, never crash
        W = "دەکەم"
        heads = lambda value: {W[:k]: value for k in range(len(W) + 1)}  # (memo hits at every split)
        c.set_verb_analysis_tables(({}, {}, frozenset(), frozenset(), frozenset(), {}, {}, {}, {}, tuple,
                                    heads("not a tuple"), {}, frozenset(), frozenset(), frozenset()))
        fails(c.verb_analyses, "دەکەم")
        c.set_verb_analysis_tables(({}, {}, frozenset(), frozenset(), frozenset(), {}, {}, {}, {}, tuple,
                                    heads(((["bad row"], "", True, True),)), {}, frozenset(), frozenset(),
                                    frozenset()))
        fails(c.verb_analyses, "دەکەم")
        c.set_verb_analysis_tables(({}, {}, frozenset(), frozenset(), frozenset(), {}, {}, {}, {}, tuple,
                                    {}, {"": 5}, frozenset({""}), frozenset(), frozenset()))
        fails(c.verb_analyses, "دەکەم")
        c.set_compound_tables(({"x": "not a list"}, frozenset()))
        c.set_light_tables(({"x": 5}, frozenset(), frozenset(), {}, {}))
        c.set_guess_tables(({}, lambda end: "not a tuple"))
        fails(c.guess, "کتێبەکان")
        c.set_guess_tables(({}, lambda end: ((99, {}),)))
        fails(c.guess, "کتێبەکان")
        c.set_guess_tables(({}, lambda end: ((2, {"C": "x"}),)))
        fails(c.guess, "کتێبەکان")
        for w in ("دەکەم", "نیشتمانپەروەری", "ڕوونکردنەوەیەک"):
            for f in (c.verb_analyses, c.compound, c.light_analyses):
                try:
                    f(w)
                except (TypeError, ValueError, KeyError, RuntimeError):
                    pass
        print("ok")
    """)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.strip() == "ok"


def test_callbacks_that_change_the_tables_do_not_crash() -> None:
    """The open light-verb preverb class is called from C mid-loop: one that empties every list
    it can reach (prefix rows, verb stems, the heads memo) and collects must not crash the loop."""
    r = _run("""
        import gc
        import sorani._morph_c as c
        from sorani import morphology as m
        lex = m._lexicon()
        m._analyze_folded("دەکەنەوە")
        words = ["کۆکردەوە", "کارکردەوە", "ماڵکرد", "ڕوونکردەوە", "بیرکردەوە"] * 3
        expected = [m._verb_analyses_py(w, lex) for w in words]
        assert any(expected)
        calls = []
        class Evil(tuple):
            def __new__(cls, pre):
                calls.append(pre)
                for rows, _, _ in list(m._verb_prefix_flags().values()):
                    rows.clear()
                for entries in list(lex.verb_stems.values()):
                    entries.clear()
                m._VERB_HEADS.clear()
                gc.collect()
                return super().__new__(cls, (pre, "PVB", ""))
        c.set_verb_analysis_tables((lex.verb_rank, lex.compounds, m._affix_preverbs(), m._LIGHT_VERBS,
                                    m._SHORT_LIGHT_HEADS, lex.nouns, lex.verb_stems, lex.causative, m._FEATS,
                                    Evil, m._VERB_HEADS, m._verb_prefix_flags(), m._verb_prefix_tails(),
                                    lex.preverbs, m.VOWELS))
        for w in words:
            c.verb_analyses(w)
        print("ok", len(calls) > 0)
    """)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.split() == ["ok", "True"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(m._lexicon().nouns)[::60] + ["خۆ", "داد", "نیگار"]),
       st.sampled_from(sorted(s for s, es in m._lexicon().verb_stems.items() if any(e[1] == "PRS" for e in es))[::5]
                       + ["گەر", "کوژ", "کێش"]),
       st.sampled_from(["ی", "ییەکە", "یی"]))
def test_agent_nouns_in_the_noun_search(head: str, stem: str, end: str) -> None:
    """The noun search tests agent nouns (X + present stem, + ی: the activity noun) in C."""
    lex = m._lexicon()
    m._noun_analyses("کتێب", lex)  # (binds the compiled search)
    w = head + stem + end
    assert repr(m._noun_analyses_py(w, lex)) == repr(mod.noun_analyses(w, lex))
