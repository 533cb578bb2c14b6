"""Tests of the candidate sources of sorani.spell.suggest added for issue 8 (glued و, letters
often left out, the ە/ێ stem vowel) and of the optional compiled module ``sorani._spell_c``
(every compiled function must give exactly what its pure-Python twin gives)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani.lm import iter_affix_stems, word_lm
from sorani.spell import (_approx_best_py, _cheap_variants, _compiled_approx, _compiled_compound,
                          _compiled_cost, _compiled_first_stem, _compiled_known_affixed,
                          _compiled_near, _compound_py, _cost_py, _known_affixed_py,
                          _near_frequent_py, _stem_set, check, suggest)

LETTERS = list("ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێئءـ") + ["x", "é", "\U0001F600"]


def test_glued_and_is_split_off() -> None:
    # a head the affix rules accept: تەلەفۆنەکان + و
    assert "تەلەفۆنەکان و" in suggest("تەلەفۆنەکانو", 5)
    # و after a vowel-final head is the conjunction
    head = "ئەکادیمیا"
    assert check(head)
    assert suggest(head + "و", 5)[0] == head + " و"


def test_two_letters_left_out() -> None:
    word = "هەڵبژاردنەکان"
    assert word in word_lm().counts
    typed = "هڵبژاردنکان"  # both ە left out
    assert word in suggest(typed, 5)


def test_stem_vowel_variant_only_inside_the_word() -> None:
    w = "دەگەیەنە"
    variants = _cheap_variants(w)
    assert "دەگەیێنە" in variants           # ە→ێ inside the stem
    assert "دەگەیەنێ" not in variants        # not in the last two letters (suffixes)
    assert not any(v.startswith("ێ") for v in _cheap_variants("ەمەوێ"))  # nor the first


@pytest.fixture(scope="module")
def compiled():  # type: ignore[no-untyped-def]
    f = _compiled_cost()
    if f is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    return f


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS), max_size=14),
       st.text(alphabet=st.sampled_from(LETTERS), max_size=14))
def test_compiled_cost_equals_pure_python(compiled, a: str, b: str) -> None:  # type: ignore[no-untyped-def]
    assert compiled(a, b) == _cost_py(a, b)


def test_compiled_cost_edge_cases(compiled) -> None:  # type: ignore[no-untyped-def]
    class S(str):
        pass

    for a, b in [("", ""), ("", "ئەو"), ("ئەو", ""), ("ە" * 200, "ێ" * 199), (S("کورد"), "کورد"),
                 ("\ud800", "ا"), ("نووسەر" * 30, "نوسەر" * 30)]:
        assert compiled(a, b) == _cost_py(str(a), b)
    for bad in [(1, "a"), ("a",), ("a", None), (b"a", "a")]:
        with pytest.raises(TypeError):
            compiled(*bad)


@pytest.fixture(scope="module")
def compiled_affixed():  # type: ignore[no-untyped-def]
    f = _compiled_known_affixed()
    if f is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    return f


AFFIX_LETTERS = list("ابتدرسشکگلمنوۆهەیێئ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(AFFIX_LETTERS), max_size=16))
def test_compiled_known_affixed_equals_pure_python(compiled_affixed, w: str) -> None:  # type: ignore[no-untyped-def]
    assert compiled_affixed(w) == _known_affixed_py(w)


def test_compiled_known_affixed_words(compiled_affixed) -> None:  # type: ignore[no-untyped-def]
    for w in ["کتێبەکانم", "دەچێت", "نەیانتوانی", "ڕایگەیاند", "x", "", "ە" * 41, "\ud800ەکان",
              "کتێبەکانم" * 5, "خوێندنگاکانیشیان"]:
        assert compiled_affixed(w) == _known_affixed_py(w)
    with pytest.raises(TypeError):
        compiled_affixed(None)


@pytest.fixture(scope="module")
def compiled_approx():  # type: ignore[no-untyped-def]
    f = _compiled_approx()
    if f is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    return f


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(AFFIX_LETTERS), max_size=12))
def test_compiled_approx_equals_pure_python(compiled_approx, w: str) -> None:  # type: ignore[no-untyped-def]
    assert compiled_approx(w) == _approx_best_py(w)


def test_compiled_approx_words(compiled_approx) -> None:  # type: ignore[no-untyped-def]
    for w in ["نوسەر", "هڵبژاردنکان", "کوردستانکان", "", "x", "ە" * 30, "\ud800ەکان", "😀"]:
        assert compiled_approx(w) == _approx_best_py(w)


def test_compiled_near_and_compound_equal_pure_python() -> None:
    near, compound = _compiled_near(), _compiled_compound()
    if near is None or compound is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    words = ["نوسەر", "کوردستان", "هەڵبژاردن", "دەسبەسەرکرانی", "سەرکەوتنەکانیان", "", "x",
             "ە" * 30, "\ud800ەکان", "😀کتێب", "کتێبەکانم" * 6]
    for w in words + [w[1:] for w in words] + [w[:-1] for w in words]:
        assert near(w) == _near_frequent_py(w)
        assert compound(w) == _compound_py(w)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(AFFIX_LETTERS), max_size=14))
def test_compiled_compound_property(w: str) -> None:
    compound = _compiled_compound()
    if compound is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    assert compound(w) == _compound_py(w)
    near = _compiled_near()
    assert near(w) == _near_frequent_py(w)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(AFFIX_LETTERS), max_size=14))
def test_compiled_first_stem_equals_iter_affix_stems(w: str) -> None:
    first = _compiled_first_stem()
    if first is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    stems_ = _stem_set()
    expected = next((s for s in iter_affix_stems(w) if s in stems_), None)
    assert first(w) == expected
    for real in ("کتێبەکانم", "ڕایگەیاند", "نووسەرەکانیش", "\ud800ەکان", "ە" * 41):
        assert first(real) == next((s for s in iter_affix_stems(real) if s in stems_), None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS), max_size=16),
       st.text(alphabet=st.sampled_from(LETTERS), max_size=16))
def test_compiled_rare_count_equals_pure_python(c: str, w: str) -> None:
    from sorani.spell import _common_bigrams, _compiled_rare, _rare_count_py

    rare = _compiled_rare()
    if rare is _rare_count_py:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    common = _common_bigrams()
    assert rare(c, w, common) == _rare_count_py(c, w, common)
    for a, b in (("کارگاکەێ", "کارگاکەی"), ("مادەەی", "مادەی"), ("\ud800ەکان", ""), ("ەە" * 40, "ە")):
        assert rare(a, b, common) == _rare_count_py(a, b, common)
    with pytest.raises(TypeError):
        rare(c, w, set(common))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS + ["^", "$", "x"]), max_size=16))
def test_compiled_char_logps_equal_pure_python(w: str) -> None:
    # the compiled char-model window gives the very doubles of CharLM.logps (the fallback
    # ranking and repair's spelling scores are then the same, compiled or not), with or without
    # the memo filled by either side
    from sorani._charlm import _compiled_logps, char_lm

    f = _compiled_logps()
    if f is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    lm = char_lm()
    n = lm.order - 1
    for word in (w, "کتێبەکانم", "\ud800ەکان", "ە" * 41):
        s = "^" * n + word + "$"
        lm._memo.clear()
        want = lm._logps_py(s, 0, len(s) - n)
        assert f(s, 0, len(s) - n) == want  # on the memo Python filled
        lm._memo.clear()
        assert f(s, 0, len(s) - n) == want  # filling the memo itself
        assert lm._logps_py(s, 0, len(s) - n) == want  # Python on the memo C filled
        assert lm.logprob(word) == sum(want)
    assert f(s, 1, 1) == ()
    with pytest.raises(ValueError):
        f(s, 0, len(s))


def test_compiled_char_logps_checks_its_tables() -> None:
    from sorani._compiled import load
    from sorani.spell import C_VERSION

    mod = load("_spell_c", C_VERSION)
    if mod is None:
        pytest.skip("sorani._spell_c not built (or SORANI_PURE_PYTHON set)")
    with pytest.raises(TypeError):
        mod.char_logps("^^^^ab$", 4, 0, 1, {"": (1.0, 0.5)}, 0.1, 0.75)
    with pytest.raises(TypeError):
        mod.char_logps("^^^^ab$", 4, 0, 1, {"": (1.0, 0.5, [])}, 0.1, 0.75)
    with pytest.raises(TypeError):
        mod.char_logps("^^^^ab$", 4, 0, 1, [], 0.1, 0.75)
    assert mod.char_logps("^^^^ab$", 4, 0, 2, {}, 0.5, 0.75) == (math.log(0.5),) * 2
