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
    m._BEST_FOLDED.clear()
    m._LEMMAS.clear()
    m._candidates.cache_clear()
    m._analyze_cached.cache_clear()
    assert [[a.to_dict() for a in analyze_word(w)] for w in words] == first
    assert lemmatize_text(" ".join(words)) == lemmas


def test_many_new_words_in_one_text_overflow_the_cache_safely(monkeypatch) -> None:
    monkeypatch.setattr(m, "_LEMMA_CACHE_MAX", 3)
    text = "منداڵەکان لە قوتابخانەکەدا دەخوێنن و منداڵەکان یاری دەکەن"
    assert lemmatize_text(text) == [lemmatize(w) for w in m._word_re().findall(text)]


VERBISH = ["دەکەم", "نایکات", "بیکە", "دەدات", "دەبم", "هەڵەبم", "دەیانکردەوە", "نەیدەتوانی", "کردمان",
           "دەنێم", "بنێ", "دەڵێم", "ناگات", "دەخات", "مەکە", "ئەکەن", "تێکدەدات", "دانا", "داینا"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["", "دە", "نا", "نە", "ب", "مە", "دەی", "نەیان", "هەڵ", "تێ", "ماڵ", "کار"]),
       st.sampled_from(["ک", "د", "ن", "ب", "گ", "ڵ", "خ", "چ", "کەو", "کرد", "بوو", "ڕۆ", "زان"]),
       st.sampled_from(["", "ات", "ەم", "ێت", "ن", "ین", "ەوە", "ەن", "م", "ی", "یت", "ا", "ێ"]))
def test_one_letter_stem_filter_changes_no_verb_analysis(pre: str, stem: str, end: str) -> None:
    # the filter (a one-letter stem only after a strong prefix) is off when every head "ends" in ""
    lex = m._lexicon()
    for w in [pre + stem + end] + VERBISH:
        fast = m._verb_analyses(w, lex)
        m._strong_prefix_ends.cache_clear()
        orig = m._strong_prefix_ends
        try:
            m._strong_prefix_ends = lambda: ("",)  # type: ignore[assignment]
            m._VERB_HEADS.clear()
            plain = m._verb_analyses(w, lex)
        finally:
            m._strong_prefix_ends = orig
        assert fast == plain


def test_compound_heads_are_the_nouns_that_take_suffixes() -> None:
    lex = m._lexicon()
    expected = {f for f, es in lex.nouns.items() if not all(e[1] in m._NO_SUFFIX_POS or e[1] == "VERB" for e in es)}
    assert m._compound_heads() == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتدرڕسکلمنهەوۆیێكيةه\u200c", max_size=10))
def test_spellings_that_fold_alike_share_the_best_analysis(word: str) -> None:
    # the best analysis depends on the folded form only, so the memo by folded form is exact
    m._BEST.clear()
    m._BEST_FOLDED.clear()
    first = m._best(word)
    m._BEST.clear()
    m._BEST_FOLDED.clear()
    assert m._best(m.fold(word)) == first or m.fold(m.fold(word)) != m.fold(word)
    assert m._best(word) == first


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="کتابيكهەرڕ\u0640\u064b\u200c\u200dیی", min_size=1, max_size=8), min_size=1,
                max_size=10), st.booleans())
def test_lemmatize_text_by_folded_form_is_lemmatize(words: list[str], warm: bool) -> None:
    # lemmatize_text keeps folded form -> lemma (``_FOLDED_LEMMAS``), not the candidates: spellings
    # that fold alike, words of marks only, and words already analysed by ``lemmatize`` agree
    m._LEMMAS.clear()
    m._FOLDED_LEMMAS.clear()
    if warm:
        for w in words[::2]:
            m._best(w)
    text = " ".join(words)
    assert lemmatize_text(text) == [lemmatize(w) for w in m._word_re().findall(text)]
    assert m._lemmatize_text_py(text) == [lemmatize(w) for w in m._word_re().findall(text)]
