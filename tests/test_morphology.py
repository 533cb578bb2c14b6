"""Tests of sorani.morphology on real Sorani words and sentences."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani._data import shared_data_dir
from sorani.morphology import (analyze_word, fold, is_known, lemmatize, lemmatize_text, morphemes,
                               stem)


@pytest.mark.parametrize("word, lemma", [
    ("کتێبەکان", "کتێب"),              # definite plural
    ("منداڵێکی", "منداڵ"),             # indefinite + ezafe
    ("شارەکەدا", "شار"),               # article + postposition
    ("ماڵەکەشمانەوە", "ماڵ"),          # article + یش + clitic + ەوە
    ("زانکۆکان", "زانکۆ"),             # vowel-final stem: کان
    ("پیشەسازییەکان", "پیشەسازی"),     # ی-final stem: glide + ەکان
    ("ناوچانە", "ناوچە"),              # ە of the stem drops before ان
    ("دەنووسم", "نووسین"),             # present, 1sg
    ("نانووسێت", "نووسین"),            # negative present
    ("بنووسە", "نووسین"),              # imperative
    ("نووسیومە", "نووسین"),            # perfect with agent clitic
    ("دەیانویست", "ویستن"),            # clitic inside the prefix chain
    ("دەکرێت", "کردن"),                # passive
    ("کرا", "کردن"),                   # past passive
    ("دەگەڕێتەوە", "گەڕان"),           # ەوە verbs lemmatize without ەوە
    ("هەڵیانگرت", "هەڵگرتن"),          # preverb + clitic + past stem
    ("بەکارهێنانی", "بەکارهێنان"),     # verbal noun + ezafe
])
def test_lemmatize_real_words(word: str, lemma: str) -> None:
    assert lemmatize(word) == lemma


def test_analysis_fields_and_offsets() -> None:
    word = "کتێبەکانمان"
    a = analyze_word(word)[0]
    assert (a.lemma, a.pos, a.is_guess) == ("کتێب", "NOUN", False)
    assert a.features["Definiteness"] == "DEF" and a.features["Number"] == "PL"
    assert a.features["Possession"] == "PSS1P"
    # morphemes tile the word exactly
    assert "".join(m.text for m in a.morphemes) == word
    for m in a.morphemes:
        assert word[m.start:m.end] == m.text
    assert a.unimorph.startswith("N;")
    d = a.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False))["lemma"] == "کتێب"


def test_analyses_are_ranked() -> None:
    analyses = analyze_word("دەکەنەوە")
    assert analyses[0].lemma == "کردن"
    scores = [a.score for a in analyses]
    assert scores == sorted(scores, reverse=True)


def test_offsets_refer_to_the_raw_word_when_folding_changes_it() -> None:
    word = "كتێبەكان"  # Arabic kaf
    a = analyze_word(word)[0]
    assert a.lemma == "کتێب"
    assert "".join(m.text for m in a.morphemes) == word
    word = "ماڵه\u200cكه\u200cی"  # old ه + ZWNJ spelling: the folded form is shorter
    a = analyze_word(word)[0]
    assert a.lemma == "ماڵ"
    assert a.morphemes[0].start == 0 and a.morphemes[-1].end == len(word)
    assert "".join(word[m.start:m.end] for m in a.morphemes) == word


def test_unknown_words_are_guesses() -> None:
    a = analyze_word("قڕخۆزەپڵاکان")[0]
    assert a.is_guess and a.lemma == "قڕخۆزەپڵا"
    assert not is_known("قڕخۆزەپڵاکان")
    # a name is not cut by a weak ending (ان)
    assert analyze_word("ئازەربایجان")[0].lemma == "ئازەربایجان"


def test_known_words() -> None:
    for w in ("کوردستان", "ماڵەکانیان", "دەچم", "لە", "و"):
        assert is_known(w), w


def test_stem_modes() -> None:
    assert stem("کتێبەکانیان") == "کتێب"
    assert stem("ئازەربایجان") == "ئازەربایجان"   # light mode never cuts a name
    assert stem("دەرەوەی") == "دەرەوە"             # KLPT strips this to رەوە
    assert stem("هاوتا") == "هاوتا"                 # KLPT strips this to تا
    assert stem("دەنووسێت", mode="full") == "نووسین"
    with pytest.raises(ValueError):
        stem("ماڵ", mode="heavy")


def test_morphemes_follow_the_gold_convention() -> None:
    text = "دواکەوتنی شێوازەکانی بەرهەمهێنان دەگەڕێتەوە بۆ شارەکەمان."
    pieces = morphemes(text)
    assert [t for t, _, _ in pieces] == ["دواکەوتن", "ی", "شێواز", "ەکان", "ی", "بەرهەمهێنان",
                                         "دەگەڕێتەوە", "بۆ", "شار", "ەکە", "مان", "."]
    for t, s, e in pieces:
        assert text[s:e] == t


def test_lemmatize_text() -> None:
    assert lemmatize_text("منداڵەکان دەخوێنن") == ["منداڵ", "خوێندن"]
    assert lemmatize_text("") == []


def test_stopwords_are_function_words() -> None:
    sw = sorani.stopwords
    assert isinstance(sw, frozenset)
    for w in ("و", "لە", "بۆ", "کە", "ئەو", "بەڵام"):
        assert w in sw
    for w in ("کورد", "ماڵ", "کردن", "دوو"):
        assert w not in sw


def test_public_api() -> None:
    assert sorani.lemmatize("کتێبەکان") == "کتێب"
    assert sorani.analyze_word("ماڵ")[0].lemma == "ماڵ"
    assert sorani.is_known("ماڵ")


def test_doc_stage_fills_tokens() -> None:
    doc = sorani.analyze("منداڵەکان لە قوتابخانەکەدا دەخوێنن.")
    words = [t for t in doc.tokens if t.kind == "word"]
    assert [t.lemma for t in words] == ["منداڵ", "لە", "قوتابخانە", "خوێندن"]
    assert words[0].pos == "NOUN" and words[-1].pos == "VERB"
    for t in words:
        assert t.morphemes[0]["start"] == t.start and t.morphemes[-1]["end"] == t.end
    pytest.importorskip("sorani.normalize")  # Token.to_dict needs the normalizer (on main)
    assert doc.to_dict()["tokens"][0]["lemma"] == "منداڵ"


@pytest.mark.parametrize("bad", ["", " ", "😀", "abc", "\ud800", "\x00\x01", "١٢٣", "ـــ"])
def test_bad_input_never_crashes(bad: str) -> None:
    analyze_word(bad)
    lemmatize(bad)
    stem(bad)
    stem(bad, mode="full")
    morphemes(bad)
    is_known(bad)


def test_long_glued_token_is_handled() -> None:
    glued = "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8
    assert analyze_word(glued)[0].is_guess
    assert lemmatize(glued)
    assert morphemes(glued)[0][1] == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ\u200cكي", max_size=40))
def test_morphemes_tile_any_word(word: str) -> None:
    w = word.strip()
    for a in analyze_word(word)[:3]:
        if a.morphemes:
            assert a.morphemes[0].start == 0 and a.morphemes[-1].end == len(w)
            for m1, m2 in zip(a.morphemes, a.morphemes[1:]):
                assert m1.end == m2.start
    for t, s, e in morphemes(word):
        assert word[s:e] == t


def test_fold() -> None:
    assert fold("كورد") == "کورد"
    assert fold("رۆژ") == "ڕۆژ"


def test_cli_lemmatize_and_morphemes() -> None:
    def run(*args: str) -> str:
        code = "import sys; from sorani.cli import main; sys.exit(main(sys.argv[1:]))"
        return subprocess.run([sys.executable, "-c", code, *args], input="کتێبەکانم لێرەن\n",
                              capture_output=True, text=True, check=True).stdout

    assert run("lemmatize").split()[0] == "کتێب"
    assert run("morphemes").split()[:3] == ["کتێب", "ەکان", "م"]
    assert run("stem", "--mode", "full").split()[0] == "کتێب"


def test_evaluation_tasks_run() -> None:
    data = shared_data_dir()
    if data is None:
        pytest.skip("shared data not available")
    from sorani.evaluate.morphology import evaluate_lemma, evaluate_morphemes

    rows = evaluate_lemma(data)
    assert all(0 <= r["value"] <= 1 for r in rows)
    metrics = [r["metric"] for r in evaluate_morphemes(data)]
    assert "F1" in metrics and metrics[-1].startswith("F1 (gold with")  # raw F1, then with the errata


def test_tokenize_errata_apply() -> None:
    from sorani.evaluate.morphology import _apply_errata, _errata

    errata = _errata()
    assert errata and all(old and new and old != new for old, new in errata)
    fixed, n = _apply_errata(["لە", "سەر", "ماڵ", "لە", "سەر"], errata)
    assert fixed == ["لەسەر", "ماڵ", "لەسەر"] and n == 2


def test_lemma_conventions() -> None:
    from sorani.morphology import lemmatize

    assert lemmatize("لەوەش") == "لە+ئەو"  # a fused preposition keeps both lemmas (UniMorph)
    assert lemmatize("نا") == "نا"  # the particle, not the verb نان
    assert lemmatize("ڕایگەیاند") == "ڕاگەیشتن"  # preverb + agent clitic; causative to its base
    assert lemmatize("باشترین") == "باش"  # superlative to the adjective
    assert lemmatize("خۆشترین") == "خۆش"
    assert lemmatize("لەوێدا") == "لە+ئەوێ"
    assert lemmatize("گەیاندی") == "گەیشتن"  # causative -یاندن to its base -یشتن
    # the telic verbal noun of a simple verb is its own lemma; of a compound, the compound's
    assert lemmatize("بزووتنەوەکە") == "بزووتنەوە"
    assert lemmatize("ڕوونکردنەوەکان") == "ڕوونکردن"
    assert lemmatize("دەستەیەک") == "دەستە"  # a word Xە seen with the indefinite stays whole


def test_ambiguous_e_stays_on_its_word() -> None:
    from sorani.morphology import _lexicon, morphemes

    doubtful = sorted(_lexicon().doubtful)[:50]
    assert doubtful
    for w in doubtful:
        if w.endswith("ە"):
            assert [t for t, _, _ in morphemes(w)] != [w[:-1], "ە"]
