"""Tests of sorani.repair's spacing readings: a space misplaced between two typed tokens, and a
letter drawn with a space after it (ه + space for ە, ئ + space for ێ inside a word)."""
from __future__ import annotations

from sorani.lm import key_scheme, word_lm
from sorani.repair import (_drawn_letters, _join_candidates, _resegment_candidates, _surface,
                           repair, repair_with_changes)


def test_drawn_letters_are_data() -> None:
    drawn = _drawn_letters()
    assert drawn["\u0647"] == "\u06d5"   # ه + space draws ە
    assert drawn["\u0626"] == "\u06ce"   # ئ + space draws ێ


def test_misplaced_space_is_read_as_two_other_words() -> None:
    # خۆشم دەوێ typed with the space one letter early: خوش مدةوي
    readings = [outs for outs, _ in _resegment_candidates(("خوش", "مدةوي"), True, False)]
    assert ("خۆشم", "دەوێ") in readings


def test_resegment_readings_move_the_space() -> None:
    lm = word_lm()
    for typed in [("خوش", "مدةوي"), ("سةير", "يمةكة"), ("كتيب", "ةكانم"), ("من", "زور")]:
        parts = [_surface(w) for w in typed]
        for (a, b), cost in _resegment_candidates(typed, True, False):
            assert cost > 0
            assert lm.counts.get(a, 0) >= 1 and lm.counts.get(b, 0) >= 1
            # never the typed segmentation itself (that is the tokens' own candidates)
            ka, kb = key_scheme().key(a), key_scheme().key(b)
            assert (ka, kb) != (key_scheme().key(parts[0]), key_scheme().key(parts[1]))


def test_resegment_bounded() -> None:
    # long tokens are not re-segmented (windows are bounded: linear time)
    assert _resegment_candidates(("ك" * 30, "ك" * 30), True, False) == ()
    assert _resegment_candidates(("ب", "ك"), True, False) == ()


def test_drawn_ye_joins_tokens() -> None:
    # ئ + space drawn for a word-internal ێ (دێمەوە typed دئ مةوة)
    out, changes = repair_with_changes("دئ مةوة")
    assert out == "دێمەوە"
    assert len(changes) == 1 and (changes[0].start, changes[0].end) == (0, 7)


def test_drawn_letter_kept_by_joins() -> None:
    # نةمينئ has two letters of the ی/ێ class (ی, and ئ drawn for ێ): whether the next token is
    # joined to it or not, the first output word keeps both
    cls = key_scheme().classes
    first = repair("نةمينئ نةت توانى").split()[0]
    assert cls(first).count("ی") >= 2


def test_no_resegment_through_a_token_without_letters() -> None:
    # ـ (tatweel) used as a dash holds no letters: the words around it stay where they are
    assert _resegment_candidates(("\u0640", "ئێستا"), True, False) == ()
    assert _resegment_candidates(("1\u0640", "ئاگرین"), False, False) == ()


def test_split_piece_starting_with_a_vowel_is_read_with_hamza() -> None:
    from sorani.repair import _hamza, _invisible_splits

    assert _hamza("ەکەم") == "ئەکەم"
    assert _hamza("کەم") == "کەم"
    # سەیر + ئەکەین glued (the ئ of ئەکەین left out inside the token): a reading of the split
    readings: dict[tuple[str, ...], float] = {}
    for _, outs, cost in _invisible_splits("سةيرةكةين", True, False):
        readings[outs] = min(cost, readings.get(outs, cost))
    assert ("سەیر", "ئەکەین") in readings
    assert readings[("سەیر", "ئەکەین")] == min(readings.values())


def test_suffix_typed_apart_joins_an_unknown_word() -> None:
    from sorani.repair import _suffix_tokens

    apart = _suffix_tokens()
    assert "\u06cc\u06d5" in apart and "\u06a9\u0627\u0646" in apart   # یە، کان
    assert "\u06a9\u06d5" not in apart  # کە is a word of its own too
    # a word no list knows, its copula typed apart after a drawn ە
    assert repair("ئةمة كلاشينكؤفه يه") == "ئەمە کلاشینکۆفەیە"
    out, changes = repair_with_changes("ئةو فلاشكارته كان")
    assert out.split()[-1] == "فلاشکارتەکان"
    assert changes[-1].original == "فلاشكارته كان"


def test_lone_waw_is_the_conjunction() -> None:
    # a token و after a word is the conjunction, not the end of a word drawn with ه + space …
    assert _join_candidates(("باخچه", "و")) == ()
    assert repair("شارەکە جوانه و گەورەیە").split()[1:3] == ["جوانە", "و"]
    # … but after a one-letter stem it is (ئه و → ئەو)
    assert "ئەو" in dict(_join_candidates(("ئه", "و")))


def test_suffix_typed_apart_after_a_two_token_join() -> None:
    # ماڵ + ەکە drawn with ه + space, then the clitic مان typed as a token of its own
    assert "ماڵەکەمان" in dict(_join_candidates(("ماله", "که", "مان")))
    assert repair("کچه که مان هات") == "کچەکەمان هات"


def test_suffix_token_after_a_drawn_ae_is_no_word_of_its_own() -> None:
    # یە typed apart after a word whose ە is drawn with ه + space: the copula of that word
    assert repair("باوكم له نه خؤشخانه يه") == "باوکم لە نەخۆشخانەیە"


def test_one_more_token_joined_where_a_letter_stands_alone() -> None:
    # the preverb هەڵ typed as ه + space + ل, then the verb: four tokens for one word
    assert repair("هه ل ده ستين") == "هەڵدەستین"
    assert repair("ده ي كه م") == "دەیکەم"


def test_conjunction_glued_where_the_analyzer_reads_word_and_waw() -> None:
    from sorani.repair import _conj_glued
    # the analyzer reads شێتو as شێت + the conjunction و, a participle such as هاتو as one word
    assert _conj_glued("شێتو") and not _conj_glued("هاتو")
    assert repair("ئةو كابرا شيتو نةزانة") == "ئەو کابرا شێت و نەزانە"
    assert repair("كوري باشو ژيرة").split()[1:3] == ["باش", "و"]
    # … also where only the reading of the typed letters (کتێب for کتیب) shows it
    assert repair("من كتيبو قةلةمم كري").split()[1:3] == ["کتێب", "و"]


def test_a_line_that_draws_its_ae_left_none_out() -> None:
    from sorani.repair import AE_DRAWN, _ae_drawn, _channel_cost
    # زه + space draws the ە of زەنگ: this typist writes ە inside words …
    assert _ae_drawn(["زه", "نگ", "دا"], [True, True]) == AE_DRAWN
    # … which لە, a frequent word of its own, does not show
    assert _ae_drawn(["له", "مال"], [True]) == 0
    # … nor a line with a token that is no word as typed (an ە left out there: هێزکانمان)
    assert _ae_drawn(["زه", "نگ", "هێزکانمان"], [True, True]) == 0
    # so an ە the typed word lacks costs more to add there
    assert _channel_cost("دستان", "دەستان", AE_DRAWN) > _channel_cost("دستان", "دەستان")


def test_drawn_letter_kept_when_the_space_moves() -> None:
    # ه + space draws ە (توببه ن): a reading with the space elsewhere keeps that ە too (تۆ ببەن,
    # not the more frequent تۆ ببن)
    costs = dict(_resegment_candidates(("توببه", "ن"), 0, False))
    assert costs[("تۆ", "ببەن")] < costs.get(("تۆ", "ببن"), 99.0)
    assert repair("توببه ن") == "تۆ ببەن"


def test_final_ae_written_as_teh_marbuta_is_kept() -> None:
    # an Arabic-keyboard typist writes a word's final ە as ة: where the reading + ە is a known
    # word, the reading without it costs more (هه فتية is هەفتەیە, not هەفتەی; ده دنة is دەدەنە)
    assert repair("هه فتية") == "هەفتەیە"
    assert repair("ده دنة") == "دەدەنە"
    costs = dict(_join_candidates(("هه", "فتية"), 1, False))
    assert costs["هەفتەیە"] < costs["هەفتەی"]
