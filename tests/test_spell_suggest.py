"""Tests of the suggestion model of sorani.spell: edit costs, candidate sources, determinism."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani.spell import _cost, _spell_key, check, suggest

LETTERS = list("ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێئ")


def test_confusions_are_cheaper_than_other_edits() -> None:
    # ی/ێ differ by a diacritic: cheaper than an unrelated letter
    assert _cost("دەچیت", "دەچێت") < _cost("دەچیت", "دەچەت")
    # وو written once is cheap, even at the end of a word
    assert _cost("ماندو", "ماندوو") < _cost("ماندو", "ماندوک")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=12),
       st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=12))
def test_cost_properties(a: str, b: str) -> None:
    assert _cost(a, a) == 0.0
    c = _cost(a, b)
    assert 0.0 <= c <= max(len(a), len(b)) + 1e-9  # never above the plain edit distance bound
    if a != b:
        assert c > 0.0


def test_spelling_key_folds_confusions() -> None:
    assert _spell_key("نووسەر") == _spell_key("نوسەر")
    assert _spell_key("دەچێت") == _spell_key("دەچیت")


def test_inflected_form_corrected_with_its_suffixes() -> None:
    # the stem is corrected (نوسەر → نووسەر), the suffixes are kept
    assert "نووسەرەکانمان" in suggest("نوسەرەکانمان", 5)
    assert "کتێبەکانم" in suggest("کتیبەکانم", 5)


def test_suggestions_are_accepted_words() -> None:
    for word in ("باشور", "نوسەر", "کتیبەکانم"):
        for s in suggest(word, 3):
            assert all(check(part) for part in s.split())


def test_glued_and_split() -> None:
    assert "کوردستان و" in suggest("کوردستانو", 5)
    assert "لە کوردستان" in suggest("لەکوردستان", 5)


def test_suggest_deterministic_across_hash_seeds() -> None:
    code = ("from sorani.spell import suggest;"
            "print('|'.join(','.join(suggest(w, 5)) for w in ['نوسەر', 'باشور', 'کتیبەکانم', 'ماندو']))")
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outs.add(out.stdout)
    assert len(outs) == 1


def test_no_suggestion_triples_a_letter() -> None:
    # «کوردستانن»: one more ن is an edit away, but no Sorani word writes a letter three times
    out = suggest("کوردستانن", 10)
    assert "کوردستان" in out
    assert not any(re.search(r"([^ی])\1\1", s) for s in out)


@pytest.mark.parametrize("word", ["کوردستان", "کتێب", "سڵاو"])
def test_tripled_letter_flagged_and_collapsed(word: str) -> None:
    typed = word + word[-1] * 2  # the last letter typed three times
    assert check(word)
    assert not check(typed)
    assert not check(typed, strict=True)
    assert suggest(typed, 3)[0] == word


def test_cheap_confusion_in_a_compound_is_a_candidate() -> None:
    # every cheap variant offered as a suggestion is accepted by check (strict)
    from sorani.spell import _cheap_variants

    word = "خیراکار"
    out = suggest(word, 5)
    assert out
    for v in _cheap_variants(word):
        if v in out:
            assert check(v, strict=True)


def test_spelling_variant_of_a_running_text_word_is_flagged() -> None:
    # an affixed or compound form the word list lacks, one ێ→ی confusion away from a word seen
    # in running text, is flagged; the standard form itself passes
    from sorani.lm import word_lm
    from sorani.spell import _check, _vocab

    counts = word_lm().counts
    tried = 0
    for good, c in sorted(counts.items(), key=lambda kv: -kv[1])[:3000]:
        if "\u06ce" not in good or len(good) < 5:
            continue
        bad = good.replace("\u06ce", "\u06cc", 1)
        if bad in _vocab() or not _check(bad) or "\u06cc\u06cc" in bad:
            continue
        assert check(good)
        assert not check(bad)
        tried += 1
    assert tried > 0


def test_known_affixed_matches_iter_affix_stems() -> None:
    """The in-place stem look-up of ``spell._known_affixed`` finds a known stem exactly when one
    of the stems of ``sorani.lm.iter_affix_stems`` is known."""
    from sorani import spell as S
    from sorani.lm import iter_affix_stems, word_lm

    known = S._stem_set()
    words = sorted(w for w in word_lm().counts if len(w) >= 4)[::97]
    words += [w + s for w in words[:200] for s in ("\u06d5\u06a9\u0627\u0646", "\u06cc", "\u0645")]
    words += ["\u062f\u06d5" + w for w in words[:200]]
    for w in words:
        assert S._known_affixed.__wrapped__(w) == any(s in known for s in iter_affix_stems(w)), w


def test_harakat_and_tatweel_are_no_spelling() -> None:
    # a correct word written with a kasra or a tatweel: the bare word is the first suggestion
    assert suggest("\u067e\u0695\u0650\u06c6\u0698\u06d5\u06a9\u06d5", 3)[0] == "\u067e\u0695\u06c6\u0698\u06d5\u06a9\u06d5"
    assert suggest("\u06a9\u062a\u0640\u06ce\u0628", 3)[0] == "\u06a9\u062a\u06ce\u0628"
    assert suggest("\u0650", 3) == []  # marks only: nothing to suggest, no crash
    assert len(suggest("\u067e\u0695\u0650\u06c6\u0698\u06d5\u06a9\u06d5", 1)) == 1


def _segment_reference(w: str):  # type: ignore[no-untyped-def]
    """The word-break search of ``spell._segment`` without its early stop."""
    from sorani import spell as S

    n = len(w)
    if n < 6 or n > 40:
        return None
    get = S._piece_costs().get
    cost = [0.0] + [1e9] * n
    pieces, back = [0] * (n + 1), [-1] * (n + 1)
    for j in range(n):
        if cost[j] >= 1e9:
            continue
        for i in range(j + 1, min(n, j + S.SEGMENT_PIECE) + 1):
            pc = get(w[j:i])
            if pc is not None and cost[j] + pc < cost[i]:
                cost[i], pieces[i], back[i] = cost[j] + pc, pieces[j] + 1, j
    if cost[n] >= 1e9 or pieces[n] < 3:
        return None
    out, i = [], n
    while i > 0:
        out.append(w[back[i]:i])
        i = back[i]
    return cost[n], " ".join(reversed(out))


def test_segment_early_stop_changes_nothing() -> None:
    from sorani import spell as S
    from sorani.lm import word_lm

    pieces = sorted(w for w, c in word_lm().counts.items() if c >= 1.0 and 2 <= len(w) <= 6)[::53]
    for k in range(300):
        w = "".join(pieces[(k * 7 + m * 13) % len(pieces)] for m in range(3 + k % 3))
        for v in (w, w[1:], w[:-1]):
            assert S._segment(v) == _segment_reference(v), v


def test_contracted_present_perfect_is_written_in_full() -> None:
    # ۆتە / ۆوە: the contracted perfect (spoken rows of spelling.tsv, inside the word)
    assert suggest("هاتۆتە", 5)[0] == "هاتووەتە"
    assert "کردووەتەوە" in suggest("کردۆتەوە", 5)


def test_split_with_a_piece_written_as_spoken() -> None:
    # a glued word whose first piece is a contracted perfect: split, and the piece written in full
    assert "گەیشتووەتە شار" in suggest("گەیشتۆتەشار", 5)
    assert "گەیشتۆتە شار" in suggest("گەیشتۆتەشار", 5)


def test_split_piece_replaced_by_its_dominant_spelling() -> None:
    # جێبەجی is a rare running-text spelling of جێبەجێ (same spelling key, far more frequent):
    # the split is offered again with the piece in that spelling, after the split as typed
    from sorani.spell import _piece_variants

    assert ("جێبەجێ", _cost("جێبەجی", "جێبەجێ")) in _piece_variants("جێبەجی")
    out = suggest("جێبەجیبکات", 5)
    assert "جێبەجێ بکات" in out
    assert out.index("جێبەجی بکات") < out.index("جێبەجێ بکات")


def test_piece_variants_leave_frequent_and_short_pieces() -> None:
    from sorani.spell import _piece_variants

    assert _piece_variants("بۆ") == ()
    assert _piece_variants("کوردستان") == ()


def test_rare_split_piece_given_one_more_mark_in_its_stem() -> None:
    # typists leave the marks of the standard orthography out: a rare piece of a split is also
    # offered with one more mark (ێ, ڵ, وو …) when the mark falls inside its known stem
    from sorani.spell import PIECE_MARK, _piece_variants, _stem_marked

    assert ("هەولێرەوە", PIECE_MARK) in _piece_variants("هەولیرەوە")
    assert _stem_marked("کۆلانەکەدا") == "کۆڵانەکەدا"
    assert "لە هەولێرەوە" in suggest("لەهەولیرەوە", 5)
    assert "بە کۆڵانەکەدا" in suggest("بەکۆلانەکەدا", 5)
    # no mark on the suffixes (گوندەکانێاندا), none for a word that needs none
    assert _stem_marked("گوندەکانیاندا") == ""
    assert _stem_marked("شارەکانمان") == ""


def test_headword_never_seen_in_running_text_corrects_a_stem() -> None:
    # کوردەواری is a dictionary headword the transcripts never write: still a stem the inflected
    # form is corrected to; a word only the noisy Pewan list has (یەکێتیە) is none
    from sorani.spell import _stem_candidates, _stem_counts

    assert "کوردەواری" in _stem_candidates("کوردەوای")
    assert _stem_counts()["کوردەواری"] > 0.0
    assert _stem_counts()["یەکێتیە"] == 0.0
    assert "کوردەواریشمان" in suggest("کوردەوایشمان", 5)


def test_a_changed_last_letter_costs_more() -> None:
    # the last letter is a suffix: a candidate that changes it is another inflection of a right
    # word, dearer than the same edit inside the word; و typed for a final ۆ or وو is not
    from sorani.spell import FINAL_EDIT, _final_changes, _word_candidates

    assert FINAL_EDIT > 0.0
    assert set(_final_changes()["و"]) == {"ۆ", "وو"}
    scores = dict((c, s) for s, c in _word_candidates("دەرگاکە"))
    # دەرگاکەوە keeps the final ە, دەرگاکەم adds a letter after it: the same edit cost and
    # prior, FINAL_EDIT apart
    assert _cost("دەرگاکە", "دەرگاکەوە") == _cost("دەرگاکە", "دەرگاکەم")
    assert abs(scores["دەرگاکەم"] - scores["دەرگاکەوە"] - FINAL_EDIT) < 1e-9
    assert {"تینۆ", "تینوو"} <= set(suggest("تینو", 2))
    assert suggest("بو", 1) == ["بۆ"]


def test_stem_ending_in_yi_before_a_yi_suffix_writes_three() -> None:
    # تەنیایی + یەکی: the standard orthography keeps the stem's یی and the suffix's ی (the
    # triple row of spelling.tsv); a piece written with two is offered with three
    from sorani.spell import _marked_variants, _stem_marked

    assert "تەنیایییەکی" in _marked_variants("تەنیاییەکی")
    assert "یییی" not in "".join(_marked_variants("تەنیایییەکی"))
    assert _stem_marked("تەنیاییەکی") == "تەنیایییەکی"
    assert "بە تەنیایییەکی" in suggest("بەتەنیاییەکی", 5)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=10), st.data())
def test_char_model_gain_is_the_log_probability_difference(w: str, data: st.DataObject) -> None:
    # CharLM.gain recomputes only the letters whose history the edit changes: the same value as
    # the two whole log probabilities
    from sorani._charlm import char_lm

    lm = char_lm()
    i = data.draw(st.integers(0, len(w)))
    a = data.draw(st.integers(0, min(2, len(w) - i)))
    new = data.draw(st.text(alphabet=st.sampled_from(LETTERS), max_size=2))
    terms = lm.terms(w)
    assert abs(sum(terms) - lm.logprob(w)) < 1e-9
    v = w[:i] + new + w[i + a:]
    assert abs(lm.gain(w, terms, i, a, new) - (lm.logprob(v) - lm.logprob(w))) < 1e-9


def test_one_edits_insert_short_vowels_between_consonants_only() -> None:
    from sorani.spell import _one_edits

    edits = _one_edits("کادر")
    assert edits["کادیر"] == (3, 0, "ی")   # the short vowel left unwritten between د and ر
    assert edits["کادەر"] == (3, 0, "ە")
    assert "کاەدر" not in edits            # not next to the vowel ا
    assert edits["کادڕ"] == (3, 1, "ڕ")    # a mark of the standard orthography
    assert "ئکادر" not in edits and "کادرە" not in edits  # nothing before or after the word


def test_a_word_with_few_candidates_gets_the_spellings_the_char_model_prefers() -> None:
    # an agentive noun of a stem the word list lacks: no word-model candidate, but ێ for ی is
    # one cheap edit the character model finds far likelier (ـێنەر)
    from sorani.spell import _fallback, _scored

    assert not _scored("کوتینەرەکەیان")
    assert suggest("کوتینەرەکەیان", 5)[0] == "کوتێنەرەکەیان"
    assert suggest("هەژینەرەکانی", 1) == ["هەژێنەرەکانی"]
    # a glued preposition split off before a word no list knows
    assert "بە مایکرۆسۆفتەکەیان" in suggest("بەمایکرۆسۆفتەکەیان", 5)
    assert "بە مایکرۆسۆفتەکەیان" in _fallback("بەمایکرۆسۆفتەکەیان")


def test_prior_of_a_single_word_candidate_is_capped() -> None:
    # above PRIOR_CAP the prior of the commonest words (دەبێت, بکەن) grows at PRIOR_SLOPE only:
    # a cheaper edit to a rarer word goes first (دەبنێت: ی left out of دەبینێت; نکەن: ە left out
    # of نەکەن), while two common words are still ordered by frequency (بو → بۆ before بوو)
    from sorani.spell import PRIOR_CAP, PRIOR_SLOPE, _known_prior

    assert 0.0 < PRIOR_SLOPE < 1.0
    assert _known_prior()["دەبێت"] > PRIOR_CAP > _known_prior()["دەبینێت"]
    assert suggest("دەبنێت", 2) == ["دەبینێت", "دەبێت"]
    assert suggest("نکەن", 1) == ["نەکەن"]
    assert suggest("بو", 2) == ["بۆ", "بوو"]


def test_glued_preposition_before_an_unlisted_rest_costs_more() -> None:
    # a word beginning with بە/لە whose misspelt rest the affix rules still accept is corrected
    # as one word (بەتایبتی → بەتایبەتی, not بە تایبتی: GLUED_INFLECTED), while a preposition
    # glued to a correctly inflected word is still split off first
    from sorani.spell import GLUED_INFLECTED

    assert GLUED_INFLECTED > 0.0
    assert suggest("بەتایبتی", 2) == ["بەتایبەتی", "بە تایبتی"]
    assert suggest("لەگڵدا", 1) == ["لەگەڵدا"]
    assert suggest("لەشارەکانمان", 1) == ["لە شارەکانمان"]
    assert suggest("بەکتێبەکانم", 1) == ["بە کتێبەکانم"]


def test_pure_python_suggestions_equal_compiled() -> None:
    words = ["دەبنێت", "نکەن", "بەتایبتی", "لەگڵدا", "لەشارەکانمان", "کەسیکی", "باشور", "نوسەرەکانمان"]
    code = f"from sorani.spell import suggest;print('|'.join(','.join(suggest(w, 5)) for w in {words!r}))"
    runs = []
    for pure in (False, True):
        env = {k: v for k, v in os.environ.items() if k != "SORANI_PURE_PYTHON"}
        if pure:
            env["SORANI_PURE_PYTHON"] = "1"
        runs.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                   text=True, check=True).stdout)
    assert runs[0] == runs[1]
