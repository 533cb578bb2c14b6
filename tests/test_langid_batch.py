"""Language identification, the fast paths: identify_many gives what identify gives, the numpy
feature hashing equals the pure-Python CRC-32 one, and the packed-integer scoring agrees with a
plain float sum of the model's rows. The example sentences were written for these tests."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani.langid import (Model, feature_ids, fold, identify, identify_many, load_model, words,
                           word_features)

EXAMPLES = {
    "ckb-Arab": ["ئەم کتێبە زۆر سوودی بۆ قوتابییەکان هەیە", "سبەینێ دەچینە هەولێر بۆ سەردانی خزمەکانمان"],
    "kmr-Latn": ["Zarok li dibistanê bi zimanê kurdî dixwînin.", "Ez ê sibê biçim bajêr."],
    "fa": ["کتاب‌هایی که خریده بودم را به دوستم دادم"],
    "ar": ["يعمل المهندسون في هذه الشركة منذ سنوات طويلة"],
    "tr": ["Bu kitabı okumadan önce biraz dinlenmek istiyorum."],
    "en": ["The children are learning to read in their own language."],
}

TEXTS = [t for ts in EXAMPLES.values() for t in ts] + [
    "", "12 345 🙂", "ئه‌مڕۆ كتێبێكی باشم كڕی", "Привет мир", "a" * 300, "ئـــەمڕۆ", "كوردي"]


def _fresh() -> Model:
    m = load_model()
    m.clear_caches()
    return m


def test_identify_many_equals_identify() -> None:
    m = _fresh()
    many = identify_many(TEXTS)
    m.clear_caches()
    single = [identify(t) for t in TEXTS]
    assert [g.label for g in many] == [g.label for g in single]
    assert many == single  # probabilities too
    assert identify_many([]) == []
    with pytest.raises(TypeError):
        identify_many([b"bytes"])  # type: ignore[list-item]


def test_numpy_and_python_word_scores_agree() -> None:
    pytest.importorskip("numpy")
    m = _fresh()
    ws = sorted({w for t in TEXTS for w in words(t) if w[0] < "\u0250" or "\u0600" <= w[0] <= "\u06ff"})
    ws = (ws * (m.NUMPY_MIN // max(1, len(ws)) + 1))[:max(m.NUMPY_MIN, len(ws))]
    assert m._score_words(ws) == [m._word(w) for w in ws]  # numpy path == pure-Python path


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێabcçdeêfghiîjklmnopqrsştuûvwxyzİı", min_size=1,
                        max_size=25), min_size=1, max_size=8))
def test_hashed_ids_equal_crc32(ws: list[str]) -> None:
    pytest.importorskip("numpy")
    from sorani.langid import hashed_ids

    ws = [fold(w) or "x" for w in ws]
    ids, counts = hashed_ids(ws, (1, 2, 3, 4, 5), 19)
    ref = [feature_ids(w, (1, 2, 3, 4, 5), 19) for w in ws]
    assert counts.tolist() == [len(r) for r in ref]
    assert ids.tolist() == [i for r in ref for i in r]


def test_packed_scores_equal_float_sums() -> None:
    m = _fresh()
    k = len(m.columns)
    for text in TEXTS[:10]:
        s, n, _ = m.scores(text)
        ref = [0.0] * k
        for w in words(text):
            ids = feature_ids(w, m.orders, m.bits)
            f = -m.step / len(ids) ** m.word_power
            for j in range(k):
                ref[j] += f * sum(m.weights[i * k + j] for i in ids)
        assert n == len(words(text))
        assert all(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6) for a, b in zip(s, ref))


def test_long_text_is_summed_in_chunks() -> None:
    m = _fresh()
    text = " ".join(EXAMPLES["kmr-Latn"] * 50)
    want = m.guess(text)
    m.chunk_chars, saved = 100, m.chunk_chars
    try:
        got = m.guess(text)
    finally:
        m.chunk_chars = saved
    assert got.label == want.label and math.isclose(got.probability, want.probability, rel_tol=1e-9)


def test_caches_overflow_safely(monkeypatch: pytest.MonkeyPatch) -> None:
    m = _fresh()
    want = [identify(t) for t in TEXTS]
    monkeypatch.setattr(Model, "CACHE_SIZE", 5)
    m.clear_caches()
    assert [identify(t) for t in TEXTS] == want
    assert identify_many(TEXTS * 3) == want * 3
    assert len(m._cache) <= 5 + len(TEXTS) * 20


def test_word_features_unchanged() -> None:
    assert word_features("ok", (1, 2)) == [" ", "o", "k", " ", " o", "ok", "k ", " ok "]
