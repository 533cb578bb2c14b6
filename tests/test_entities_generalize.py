"""Entities: the structural mechanisms of the generalization pass (issue 7). The sentences are
written for these tests (no fixture sentence); each test checks a mechanism and its guard."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from sorani.entities import find_entities


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_place_written_together_with_the_next_word() -> None:
    # no space after a final ە: the name is found inside the longer token, offsets into the text
    text = "هەرێمەکە بەشێکەلەعێراق، هێرش کرایە سەر غەززەڕاگرێت و ئەو هاتەوەلەژاپۆن."
    got = spans(text)
    assert ("عێراق", "LOC") in got and ("غەززە", "LOC") in got and ("ژاپۆن", "LOC") in got
    for e in find_entities(text):
        assert text[e.start:e.end] == e.text


def test_glued_name_guards() -> None:
    # a common noun + ەکان, a ZWNJ spelling, a word with a name inside it: no place
    assert spans("گەنجەکانەی شارەکە هاتن") == []
    assert all(label != "LOC" for _, label in spans("ڕۆژنامە‌وانەکان گەیشتن"))
    assert spans("ئەو قەسیدەکانی خوێندەوە") == []


def test_weekday_written_together_with_the_next_word() -> None:
    assert ("ڕۆژی سێشەممە", "DATE") in spans("ڕۆژی سێشەممەبەهای نەوت دابەزی.")
    assert ("چوارشەممە", "DATE") in spans("ئەمڕۆ چوارشەممەیان سبەی دەگەن.")
    # the feast is no date
    assert spans("ئاهەنگی چوارشەممە سووری گێڕدرا.") == []


def test_solar_hijri_month() -> None:
    assert ("12ی خوردادی 1400", "DATE") in spans("لە 12ی خوردادی 1400 دا گیرا.")


def test_competition_names_no_place() -> None:
    assert spans("یانەکە لە خولی نایابی عێراق یاری دەکات.") == []
    assert ("ئیتاڵیا", "LOC") in spans("تیمەکە گەیشتە ئیتاڵیا.")


def test_organ_of_a_body_is_not_part_of_its_name() -> None:
    got = spans("ئەندامی دەستەی کارگێڕیی یانەی هەولێر گوتی")
    assert ("یانەی هەولێر", "ORG") in got
    assert all(not t.startswith("دەستەی") for t, _ in got)


def test_kurdish_acronym_after_a_dash() -> None:
    got = spans("پارتی ئازادیی گەلان - ئەسەپە")
    assert ("ئەسەپە", "ORG") in got


def test_family_name_endings() -> None:
    assert ("ئاراس قادرزادە", "PER") in spans("ئاراس قادرزادە لە هەولێر گیرا.")
    assert ("شارام پەناهیان", "PER") in spans("زیندانییەکان و شارام پەناهیان دادوەری دادگاکە")
    # a word + زادە "born" is no family name
    assert spans("ئادەمیزادە لە سروشتدا دەژی") == []


def test_name_ends_before_a_predicate() -> None:
    got = spans("بەڵام هاشم گرفتی بەبازاڕکردنی هەیە.")
    assert ("هاشم", "PER") in got
    assert all("گرفتی" not in t for t, _ in got)


def test_gentilic_with_da_is_no_place() -> None:
    assert spans("لە سیستمی سوێدیدا یارمەتی دەدرێت") == []
    assert ("سوێد", "LOC") in spans("لە سوێددا دەژی")


def test_surname_that_is_a_word_after_an_honorific() -> None:
    assert ("جەمال بابان", "PER") in spans("مامۆستا جەمال بابان چاپی کردووە.")
    assert ("مەولود چاووش ئۆغڵو", "PER") in spans("وەزیری دەرەوە مەولود چاووش ئۆغڵو هات.")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ەلبکعێراقژاپۆنغزد ", max_size=120))
def test_glued_text_offsets_hold(text: str) -> None:
    for e in find_entities(text):
        assert 0 <= e.start < e.end <= len(text) and text[e.start:e.end] == e.text


def test_long_glued_token_is_fast_enough_to_finish() -> None:
    text = "لە" + "عێراقە" * 2000
    find_entities(text)  # (near-linear: names are at most 32 letters apart in a token)
