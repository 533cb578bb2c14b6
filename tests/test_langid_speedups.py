"""Language identification, the compiled path (``langid_words``/``langid_text`` in
sorani/_speedups.c): exactly the integers and guesses of the pure-Python path. The example
sentences were written for these tests."""
from __future__ import annotations

import os
import subprocess
import sys
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani import langid
from sorani._compiled import speedups as load_speedups
from sorani.langid import Model, _WORD, fold, load_model

speedups = load_speedups()
pytestmark = pytest.mark.skipif(speedups is None, reason="the compiled extension is not built")

# letters, marks and separators where folding, the word pattern and UTF-8 meet
TRICKY = list("ئەمڕۆکوردیلێڵۆكيىةؤھۀهـ\u064b\u064e\u0650\u0652\u0670\u0654\u065b\u0659\u200c\u200d\u200e"
              "\u200f\ufeff\u0300\u0301İIıabcézçşêîû ،.!?\t\n\u00a0_0١۴-'ﻻﷲ😀🏽\U0001f1e6ω中") + [
    "\ud800", "\udfff", "\udbff\udc00", "\U00010400", "\U0001d400"]
tricky_text = st.lists(st.sampled_from(TRICKY), max_size=40).map("".join)
any_text = st.text(alphabet=st.characters(blacklist_categories=()), max_size=60)
long_word = st.text(alphabet=st.sampled_from(list("ئەمڕۆکوردیabcé😀\ud800")), min_size=100, max_size=700)


def pure_model() -> Model:
    """The bundled model on the pure-Python path (its own caches)."""
    m = Model.from_bytes(langid.data_path(langid.MODEL_FILE).read_bytes())
    m._c = None
    return m


PURE = pure_model()


def compiled() -> tuple:
    got = load_model()._compiled()
    assert got is not None
    return got


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_crc32_equals_zlib(data):
    assert speedups.crc32(data) == zlib.crc32(data)


def test_raw_words_equal_the_pattern_on_every_code_point():
    chars = [chr(c) for c in range(0x110000)]
    for step in range(0, len(chars), 0x10000):
        part = chars[step:step + 0x10000]
        for text in (" ".join(part), "a".join(part), "\u0627" + "\u0627".join(part)):
            assert speedups.langid_raw_words(text) == _WORD.findall(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(tricky_text, any_text))
def test_raw_words_equal_the_pattern(text):
    assert speedups.langid_raw_words(text) == _WORD.findall(text)


def test_the_fold_table_characters_compose_with_nothing():
    import unicodedata

    seconds = set()
    for c in range(0x110000):
        d = unicodedata.decomposition(chr(c))
        if d and not d.startswith("<") and len(d.split()) == 2:
            seconds.add(int(d.split()[1], 16))
    table = langid._fold_table()
    assert not [c for c in range(len(table)) if table[c] != 0xFFFFFFFF and c in seconds]


def test_fold_in_c_equals_fold_on_every_code_point():
    mod, ctx = compiled()
    fast = 0
    for c in range(0x110000):
        ch = chr(c)
        for text in (ch, "\u0647" + ch, ch + "\u0647", "\u0647\u200c" + ch, "\u06be\u200c" + ch + "\u0647", "Ab" + ch):
            got = mod.langid_fold(text, ctx)
            if got is not None:
                fast += 1
                assert got == fold(text), text
    assert fast > 1000  # the fast path is taken (Latin and Arabic letters)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(tricky_text, any_text, long_word))
def test_fold_in_c_equals_fold(text):
    mod, ctx = compiled()
    for raw in _WORD.findall(text) + [text]:
        got = mod.langid_fold(raw, ctx)
        assert got is None or got == fold(raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(tricky_text, any_text, long_word).map(fold).filter(bool), max_size=8))
def test_word_scores_equal_the_pure_python_ones(ws):
    mod, ctx = compiled()
    assert mod.langid_words(ws, ctx) == [PURE._word(w) for w in ws]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(tricky_text, any_text, long_word), max_size=6).map(" ".join))
def test_text_fields_and_guesses_equal_the_pure_python_ones(text):
    m = load_model()
    assert m._packed_fields(text, m._start) == PURE._packed_fields(text, PURE._start)
    got, want = m.guess(text), PURE.guess(text)
    assert (got.label, got.probability, got.probabilities) == (want.label, want.probability, want.probabilities)


def test_sentences_equal_the_pure_python_path_cold_and_warm():
    texts = ["ئەمڕۆ کەشوهەوا لە هەولێر زۆر گەرمە", "Ez ê sibê biçim bajêr.", "Bu kitabı okumadan önce",
             "ئه‌مڕۆ كتێبێكی باشم كڕی", "يعمل المهندسون في هذه الشركة", "12 345 🙂", "", "Привет мир",
             "کتاب‌هایی که خریده بودم", "The children are learning", "ئـــەمڕۆ \ud800 😀😀 kurdî"]
    m = load_model()
    m.clear_caches()
    PURE.clear_caches()
    for _ in range(2):
        for t in texts:
            g, p = m.guess(t), PURE.guess(t)
            assert (g.label, g.probability, g.probabilities) == (p.label, p.probability, p.probabilities)
    assert [g.probabilities for g in langid.identify_many(texts)] == [PURE.guess(t).probabilities for t in texts]


def test_a_cache_that_fills_is_emptied():
    mod, ctx = compiled()
    m = load_model()
    cache: dict = {}
    text = "ئەمڕۆ کەشوهەوا لە هەولێر زۆر گەرمە"
    fields = mod.langid_text(text, m._start, cache, 2, fold, 0, m._one_other, ctx)
    assert len(cache) <= 2
    assert fields == PURE._packed_fields(text, PURE._start)


def test_bad_input_raises_cleanly():
    mod, ctx = compiled()
    with pytest.raises(TypeError):
        mod.langid_words(["ok", 3], ctx)
    m = load_model()
    with pytest.raises(ValueError):
        mod.langid_model(b"\x00" * 10, m._k, m.bits, m.orders, b"")
    with pytest.raises(ValueError):
        mod.langid_model(m.weights, m._k, m.bits, (0, 2), b"")
    with pytest.raises(ValueError):
        mod.langid_words(["ok"], (b"", m._mult))
    with pytest.raises(ValueError):  # a model without merged columns: no guess in C
        mod.langid_guess("ok", 0, {}, 10, fold, 0, 1,
                         (mod.langid_model(m.weights, m._k, m.bits, m.orders, b""), m._mult))
    with pytest.raises(TypeError):
        mod.langid_text("ok", 0, {}, 10, fold, 0, 1)
    with pytest.raises(TypeError):
        mod.langid_text("ωmega", 0, {}, 10, lambda w: 3, 0, 1, ctx)  # Greek: folded in Python
    with pytest.raises(ZeroDivisionError):
        mod.langid_text("ωmega", 0, {}, 10, lambda w: 1 / 0, 0, 1, ctx)
    assert mod.langid_words([], ctx) == []


def test_the_environment_variable_selects_the_pure_python_path():
    code = "from sorani import langid; from sorani._compiled import speedups; print(speedups() is None, langid.identify('ئەمڕۆ هەوا خۆشە').label)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "SORANI_PURE_PYTHON": "1"}).stdout.split()
    assert out == ["True", "ckb-Arab"]


def test_a_mult_callback_that_empties_the_word_list_raises_instead_of_crashing():
    mod, ctx = compiled()
    words = ["a" * 200 for _ in range(5)]

    def mult(n):
        words.clear()
        return 1

    with pytest.raises(RuntimeError):
        mod.langid_words(words, (ctx[0], mult))


def test_a_str_subclass_is_read_as_its_plain_string_on_both_paths():
    class Odd(str):
        def split(self, *args):
            return ["hello", "world"]

    text = "ئەمڕۆ هەوا خۆشە و هەموو کەس لە دەرەوەیە"
    assert langid.identify(Odd(text)) == langid.identify(text)
    code = ("import sys; from sorani import langid\n"
            "class Odd(str):\n    def split(self, *a): return ['hello', 'world']\n"
            "print(langid.identify(Odd(sys.argv[1])).label)")
    env = {**os.environ, "SORANI_PURE_PYTHON": "1"}
    pure = subprocess.run([sys.executable, "-c", code, text], env=env, capture_output=True, text=True, check=True)
    assert pure.stdout.strip() == langid.identify(text).label


def test_a_model_with_a_repeated_order_stays_in_python():
    m = load_model()
    twice = Model(m.columns, m.weights, m.bits, m.step, (1, 2, 2, 3), m.scale, m.meta, m.bias, m.word_power)
    assert twice._compiled() is None
