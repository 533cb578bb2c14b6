"""The fast paths of sorani.morphology agree with the plain definitions they replace."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sorani import morphology as m
from sorani.morphology import analyze_word, lemmatize, lemmatize_text

LETTERS = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="انەکیمت", min_size=1, max_size=6), max_size=12),
       st.text(alphabet="انەکیمتب", max_size=12), st.integers(0, 12))
def test_ends_re_finds_the_longest_word_end(strings: list[str], word: str, pos: int) -> None:
    closed = {s[i:] for s in strings for i in range(len(s))}  # closed under taking endings
    pattern = m._ends_re(closed)
    rw = word[::-1]
    pos = min(pos, len(word))
    k = pattern.match(rw, pos).end() - pos
    end = len(word) - pos  # the word end read backwards from ``pos`` of the reversed word
    expected = 0
    while expected < end and word[end - expected - 1:end] in closed:
        expected += 1
    assert k == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=14), min_size=1, max_size=8))
def test_lemmatize_text_is_lemmatize_of_each_word(words: list[str]) -> None:
    text = " ".join(words)
    assert lemmatize_text(text) == [lemmatize(w) for w in m._word_re().findall(text)]


def test_memos_do_not_change_results() -> None:
    words = ["دەیانکردەوە", "نەیدەتوانی", "هەڵنەگیرسێنرابوونەوەکانیانەوەش", "کتێبەکانمان", "ڕوونکردنەوەیەک",
             "بیرمکردەوە", "دابوو", "خۆکوژی", "قڕخۆزەپڵا"]
    first = [[a.to_dict() for a in analyze_word(w)] for w in words]
    lemmas = lemmatize_text(" ".join(words))
    m._VERB_HEADS.clear()
    m._BEST.clear()
    m._LEMMAS.clear()
    m._candidates.cache_clear()
    m._analyze_cached.cache_clear()
    assert [[a.to_dict() for a in analyze_word(w)] for w in words] == first
    assert lemmatize_text(" ".join(words)) == lemmas


def test_many_new_words_in_one_text_overflow_the_cache_safely(monkeypatch) -> None:
    monkeypatch.setattr(m, "_LEMMA_CACHE_MAX", 3)
    text = "منداڵەکان لە قوتابخانەکەدا دەخوێنن و منداڵەکان یاری دەکەن"
    assert lemmatize_text(text) == [lemmatize(w) for w in m._word_re().findall(text)]
