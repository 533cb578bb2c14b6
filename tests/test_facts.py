"""Quotes and numeric claims."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sorani
from sorani._data import shared_data_dir
from sorani.entities import find_entities
from sorani.facts import extract_facts, find_claims, find_facts, find_quotes


def test_quote_with_speaker_before() -> None:
    text = 'هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا رایگەیاند "ئێمە گفتوگۆمان لەگەڵ تورکیا کردووە".'
    (q,) = find_quotes(text)
    assert q.text == "ئێمە گفتوگۆمان لەگەڵ تورکیا کردووە"
    assert q.speaker is not None and q.speaker.english == "Heiko Maas"
    assert text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_quote_with_speaker_after_and_guillemets() -> None:
    (q,) = find_quotes("«ئێمە ئامادەین بۆ گفتوگۆ»، ئەردۆغان گوتی.")
    assert q.speaker is not None and q.speaker.text == "ئەردۆغان"


def test_quote_speaker_in_previous_sentence() -> None:
    text = 'نێچیرڤان بارزانی سەردانی بەغدای کرد. "پێویستە کێشەکان بە گفتوگۆ چارەسەر بکرێن".'
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.english == "Nechirvan Barzani"


def test_highlighted_name_is_not_a_quote() -> None:
    assert find_quotes('هاووڵاتییەک بە ناوی "ئاراس ئەحمەد" گیرا.') == []


def test_claims_list_with_shared_event_and_source() -> None:
    text = ("وەزارەتی بەرگریی ئەرمینیاش دەڵێت، هێزەکانیان ٧٩٠ سەربازی ئازەربایجانیان کوشتووە و هەزار و ٩٠٠ی "
            "دیکەی بریندارکردووە، هەروەها ١٣٧ تانک و زریپۆش، ٧٢ درۆن و ٧ هێلیکۆپتەر و فڕۆکەیەکی "
            "ئازەربایجانیشی تێکشکاندووە.")
    claims = find_claims(text)
    got = [(c.value, c.thing, c.event) for c in claims]
    assert got == [(790, "سەرباز", "killed"), (1900, "سەرباز", "wounded"), (137, "تانک و زریپۆش", "destroyed"),
                   (72, "درۆن", "destroyed"), (7, "هێلیکۆپتەر", "destroyed"), (1, "فڕۆکە", "destroyed")]
    assert {c.source for c in claims} == {"وەزارەتی بەرگریی ئەرمینیا"}


def test_claim_qualifier_and_according_to() -> None:
    (c,) = find_claims("بەگوێرەی پۆلیس، زیاتر لە ٢٠٠ کەس دەستگیرکران.")
    assert (c.value, c.qualifier, c.thing, c.event, c.source) == (200, "more_than", "کەس", "arrested", "پۆلیس")


def test_static_quantity_and_dates_are_not_events() -> None:
    claims = find_claims("لە 21ی ئازاری 2020دا شارەکە 300 هەزار دانیشتووی هەبوو.")
    assert [(c.value, c.thing, c.event) for c in claims] == [(300000, "دانیشتوو", "none")]


def test_karabakh_article() -> None:
    data = shared_data_dir()
    if data is None or not (data.parent / "examples" / "news-article-karabakh.txt").exists():
        pytest.skip("shared example not available")
    text = (data.parent / "examples" / "news-article-karabakh.txt").read_text(encoding="utf-8")
    quotes, claims = find_facts(text)
    assert [q.speaker.english for q in quotes] == ["Heiko Maas", "Emmanuel Macron"]
    got = [(c.value, c.thing, c.event, c.qualifier, c.source_english) for c in claims]
    az, am = "Ministry of Defence (Azerbaijan)", "Ministry of Defence (Armenia)"
    assert got == [(2300, "سەرباز", "killed", None, az), (130, "تانک و زریپۆش", "destroyed", None, az),
                   (200, "تۆپخانە", "destroyed", "more_than", az), (790, "سەرباز", "killed", None, am),
                   (1900, "سەرباز", "wounded", None, am), (137, "تانک و زریپۆش", "destroyed", None, am),
                   (72, "درۆن", "destroyed", None, am), (7, "هێلیکۆپتەر", "destroyed", None, am),
                   (1, "فڕۆکە", "destroyed", None, am)]


@pytest.mark.parametrize("text", ["", "😀", "\x00", '"', '«', '"' * 50, "١" * 300, "ئ" * 200])
def test_bad_input(text: str) -> None:
    f = extract_facts(text)
    for q in f["quotes"]:
        assert 0 <= q.start <= q.end <= len(text)


def test_doc_layers() -> None:
    doc = sorani.analyze('ماکرۆن گوتی "ئێمە ئەمە قبووڵ ناکەین". ٥ سەرباز کوژران.', stages=["entities", "facts"])
    assert doc.quotes[0].speaker.text == "ماکرۆن"
    assert doc.claims[0].event == "killed"
    assert doc.claims[0].to_dict()["value"] == 5
    assert doc.quotes[0].to_dict()["speaker"]["english"] == "Emmanuel Macron"


CLI = "import sys; from sorani.cli import main; sys.exit(main(sys.argv[1:]))"


def test_cli_facts_text_and_json(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("بەگوێرەی ڕووداو، ١٠ سەرباز لە هەولێر کوژران.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", CLI, "facts", str(path)], capture_output=True, text=True)
    assert out.returncode == 0 and "CLAIMS (1)" in out.stdout and "Erbil" in out.stdout
    out = subprocess.run([sys.executable, "-c", CLI, "facts", "--format", "json", str(path)],
                         capture_output=True, text=True)
    d = json.loads(out.stdout)
    assert d["claims"][0]["event"] == "killed" and d["claims"][0]["source"] == "ڕووداو"


def _events(text: str) -> list[tuple[float, str]]:
    return [(c.value, c.event) for c in find_claims(text)]


def test_event_passes_over_durations_ages_and_relative_clauses() -> None:
    # an age or a duration inside the clause does not end it; a relative clause on the thing neither
    assert _events("چوار ڕۆژنامەنووس بە ١٢ مانگ زیندان مەحکووم کران.")[0] == (4, "other")
    assert _events("پێنج کەس کە تەمەنیان ژێر ٢٠ ساڵ بووە لە تەقینەوەکەدا بریندار بوون.")[0] == (5, "wounded")
    # an extraposed relative clause on the counted thing: ناسنامەی ٤ پێشمەرگەی ئاشکرا کرد کە … شەهید بوون
    assert _events("وەزارەت ناسنامەی ٤ پێشمەرگەی ئاشکرا کرد کە لە شەڕەکەدا شەهید بوون.")[0] == (4, "killed")


def test_event_named_before_the_figure_and_light_verb_forms() -> None:
    assert _events("سوپا کوژرانی ٦ چەکداری ڕاگەیاند.")[0] == (6, "killed")
    assert _events("کوژران و برینداربوونی ٨ کەس لە هێرشەکەدا.")[0] == (8, "other")
    # the event stem ends in the light verb's past stem: every inflected form matches
    assert _events("١٢ کەس زیندانی کراون.")[0] == (12, "arrested")
    assert _events("١٢ کەس زیندانی کران.")[0] == (12, "arrested")


def test_oblique_figures_and_shares_report_no_event() -> None:
    # a figure after a preposition is where/when/about, not who the event happened to
    assert _events("لە ٣ گوند ٩ کەس کوژران.") == [(3, "none"), (9, "killed")]
    assert _events("٪٤٠ی خەڵکەکە ئەم بڕیارە پەسەند دەکەن.")[0] == (40, "none")
    # بە + figure + an event: the means of the event
    assert _events("بە ٢ گوللە کوژرا.")[0] == (2, "other")


def test_iraqi_month_date_is_one_entity_and_no_claim() -> None:
    text = "لە ١٤ی تشرینی دووەمی ٢٠٢٥ سێ سەرباز کوژران."
    ents = [(e.text, e.label) for e in find_entities(text)]
    assert ("١٤ی تشرینی دووەمی ٢٠٢٥", "DATE") in ents
    assert [c.value for c in find_claims(text)] == [3]


def test_quoted_name_or_title_is_not_a_quote() -> None:
    # a quoted name as the subject of a speech verb, and quoted names in a list: no sentence inside
    assert find_quotes('وەزیری ناوخۆ "ئازاد کەریم" ڕایگەیاند کە کۆبوونەوەکە دواخرا.') == []
    assert find_quotes('فیلمەکان لە وڵاتانی "میسر"، "عێراق" و "سوریا" پیشان دران.') == []
    # what follows a colon or a speech verb is said, however short
    (q,) = find_quotes('سەرۆکی لیژنەکە گوتی: "ئێمە ئامادەین".')
    assert q.text == "ئێمە ئامادەین"


def test_claim_with_digits_glued_after_e() -> None:
    (c,) = find_claims("لە تەقینەوەکە7 کەس بریندار بوون.")
    assert (c.value, c.thing, c.event) == (7, "کەس", "wounded")


def test_claim_after_a_glued_preposition() -> None:
    # the glued لە/بە is the figure's preposition (لە: a place, time or topic: no event)
    (c,) = find_claims("تیمەکەمان بەسێ گۆل سەرکەوت.")
    assert (c.text, c.value, c.thing) == ("سێ", 3, "گۆل")
    (c,) = find_claims("لەسێ گوندی ناوچەکە 40 کەس دەستگیرکران.")[:1]
    assert (c.text, c.value, c.thing, c.event) == ("سێ", 3, "گوند", "none")


def test_numbers_that_count_nothing_are_not_claims() -> None:
    def figures(text: str) -> list[tuple[str, float | int | None]]:
        return [(c.text, c.value) for c in find_claims(text)]
    # a figure that numbers its head (minute, round, brigade, article), a clock time, a score, a code
    assert figures("گۆلەکە لە خولەکی ( 63 ) تۆمارکرا و یانەکە لە جەولەی 12 دا بوو.") == []
    assert figures("یارییەکە کاتژمێر 8 : 45 دەستپێدەکات و 7 ی ئێوارە کۆتایی دێت.") == []
    assert figures("یانەکە بە ئەنجامی ( 3 – 2 ) بردیەوە، هێزەکانی لیوای 5 ئامادەبوون.") == []
    assert figures("نەخۆشییەکە بە ( 5 1 ) ناسراوە.") == []
    # a vague plural has no value to claim
    assert figures("بە هەزاران کەس ئاوارە بوون.") == []
    # a multiplier after a stray bracket or ezafe belongs to the figure
    assert figures("داهاتێکی ( 12 ) ملیۆن دۆلاری هەبوو و 40 ی هەزار دۆلاری بەخشی.") == \
        [("12 ) ملیۆن", 12000000), ("40 ی هەزار", 40000)]


def test_indefinite_one_only_next_to_other_figures() -> None:
    # "a/one X" is a count only against other figures of the same noun, or listed after a figure
    text = "دوێنێ لە هێرشێکی چەکداریدا لە شارێکی باشوور 4 پۆلیس کوژران."
    assert [(c.text, c.thing) for c in find_claims(text)] == [("4", "پۆلیس")]
    text = "لە تەقینەوەکەدا سەربازێک کوژرا و 3 سەربازی دیکە بریندار بوون."
    assert [(c.value, c.thing, c.event) for c in find_claims(text)] == \
        [(1, "سەرباز", "killed"), (3, "سەرباز", "wounded")]
    assert find_claims("هیچ حاڵەتێکی نوێ تۆمار نەکراوە و 5 نەخۆش چاکبوونەوە.")[0].value == 5
    assert len(find_claims("هیچ حاڵەتێکی نوێ تۆمار نەکراوە و 5 نەخۆش چاکبوونەوە.")) == 1


def test_counted_thing_after_a_figure_in_brackets() -> None:
    (c,) = find_claims("لە پێشانگاکەدا ( 40 ) تابلۆ نمایش کران.")
    assert (c.text, c.value, c.thing) == ("40", 40, "تابلۆ")


def test_counted_thing_stem_glued_and_postposition() -> None:
    # a word glued after ە is cut off; the postposition دا and an article after ە go
    assert [(c.thing) for c in find_claims("40 خێزانەکەبەیەکەوە گەڕانەوە.")] == ["خێزان"]
    assert [(c.thing) for c in find_claims("یارمەتی بەسەر 30 خێزاندا دابەش کرا.")] == ["خێزان"]
    assert [(c.thing) for c in find_claims("هەر 4 ناوچەکەی شارەکە ئاو نییە.")] == ["ناوچە"]


def test_event_of_means_passive_return_verb_and_comma() -> None:
    # بە + figure + an action verb: the means (other); بە + a price with no event: none
    assert [(c.value, c.event) for c in find_claims("هەڵبژاردەکە بەدوو گۆل سەرکەوت.")] == [(2, "other")]
    assert [(c.value, c.event) for c in find_claims("خانووەکە بە 90 هەزار دۆلار بوو.")] == [(90000, "none")]
    # a passive verb with ەوە is a predicate; a figure after a comma is not coordinated with an oblique one
    text = "دوای دوو هەفتە گەڕان ، سێ ڕاوچی دۆزرانەوە."
    assert [(c.value, c.event) for c in find_claims(text)] == [(2, "none"), (3, "other")]


def test_no_source_from_a_verb_before_a_colon() -> None:
    # گوتیشی: with no name in the sentence: the figure is attributed to nobody named there
    (c,) = find_claims("گوتیشی: 300 خێزان ئاوارە بوون.")
    assert (c.value, c.event, c.source) == (300, "displaced", None)


def test_speech_verb_written_apart_gives_the_source() -> None:
    text = "پاشان وەزیری کشتوکاڵ ڕای گەیاند، ئەمساڵ 40 هەزار تۆن گەنم کڕدراوە."
    (c,) = find_claims(text)
    assert (c.value, c.source) == (40000, "وەزیری کشتوکاڵ")


def test_parenthesis_holds_no_predicate_of_the_figure() -> None:
    # the place names in brackets end in what looks like a verb (…دران); the predicate is هەیە
    text = "هەر سێ گوندەکەی (مەڵکەندی، گۆمەدران) قوتابخانەیان هەیە."
    (c,) = find_claims(text)
    assert (c.value, c.thing, c.event) == (3, "گوند", "none")


def test_speaker_after_a_headline_dash_and_not_a_place() -> None:
    # headline - lead: the lead's clause opens after the dash; لەشاری X is where the speaker is
    text = ('پۆلیس دوو تیرۆریستی گرت - سەرچاوەیەکی پۆلیس لەشاری کەرکووک ڕایگەیاند "دوو تیرۆریست لە '
            'نزیک بازاڕەکە دەستگیر کران".')
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.text.startswith("سەرچاوەیەکی پۆلیس")


def test_quote_speaker_named_in_the_headline() -> None:
    text = 'سەرۆکی شارەوانی: بودجەی شارەکە کەمە – "ئەمساڵ هیچ پرۆژەیەکی نوێ دەست پێ ناکەین و پارەمان نییە".'
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.text == "سەرۆکی شارەوانی"


def test_a_figure_after_a_unit_without_ezafe_is_a_count() -> None:
    # مانگی 3 numbers the month; مانگ سێ (no ezafe) is a duration followed by a count
    claims = find_claims("لە ماوەی سێ مانگ سێ خانوو دروستکران.")
    assert [(c.value, c.thing) for c in claims] == [(3, "مانگ"), (3, "خانوو")]


def test_claim_with_digits_glued_to_the_noun_or_multiplier() -> None:
    assert [(c.text, c.value, c.thing) for c in find_claims("لە شارەکە 7خانوو ڕووخان.")] == [("7", 7, "خانوو")]
    assert [(c.text, c.value, c.thing) for c in find_claims("بە15هەزار دینار فرۆشرا.")] == \
        [("15هەزار", 15000, "دینار")]


def test_source_is_the_document_it_is_stated_in() -> None:
    text = "لە ڕاپۆرتەکەدا هاتووە، 35 کارگە داخراون."
    (c,) = find_claims(text)
    assert (c.value, c.source) == (35, "ڕاپۆرتەکە")
    assert text[c.source_start:c.source_end] == "ڕاپۆرتەکە"


def test_claim_span_keeps_a_multiplier_in_another_spelling() -> None:
    (c,) = find_claims("حکومەت 300 میلیۆن دینار خەرج دەکات.")
    assert (c.text, c.value, c.thing) == ("300 میلیۆن", 300000000, "دینار")


def test_verbal_noun_in_ezafe_before_the_figure_names_its_event() -> None:
    # ناردنی 40 بارهەڵگر: "sending 40 lorries" — an action (other), not a static quantity
    (c,) = find_claims("وەزارەتەکە سەرقاڵی ناردنی 40 بارهەڵگری خۆراکە بۆ شارەکە.")
    assert (c.value, c.event) == (40, "other")


def test_glued_split_spares_verbs_and_possessives() -> None:
    from sorani.entities.gazetteer import scan
    from sorani.facts import _stem_cut
    for word in ("چارەسەرم", "ڕانەگەیشتووە"):  # "my solution", "has not arrived": no word glued after ە
        f = scan(word)[0].f
        assert f[:_stem_cut(f, True)] == f


def test_a_count_after_a_year_is_not_a_code() -> None:
    # digits side by side are a code only when both are figures: a year before a count is a date
    assert [(c.value, c.thing) for c in find_claims("لە ساڵی 2005 20 کەس کوژران.")] == [(20, "کەس")]


def test_list_after_a_numbered_head() -> None:
    # the minutes listed after خولەکەکانی are minutes; a count joined by و with its noun is a count
    assert find_claims("گۆلەکان لە خولەکەکانی ( 12 ، 40 و 88 ) تۆمارکران.") == []
    assert [(c.value, c.thing) for c in find_claims("بەپێی مادەی 140 و 20 پەرلەمانتار دەنگیاندا.")] == \
        [(20, "پەرلەمانتار")]


def test_be_figure_takes_the_means_reading_of_its_clause() -> None:
    # بە N X بەرامبەر M X سەرکەوت: both figures are the means of the win (other)
    claims = find_claims("تیمەکە بە پێنج خاڵ بەرامبەر دوو خاڵ سەرکەوت.")
    assert [(c.value, c.event) for c in claims] == [(5, "other"), (2, "other")]


def test_more_event_words() -> None:
    # expelled, went missing, ruined, displaced (a verbal noun in ezafe), disabled
    assert [c.event for c in find_claims("حکومەت چوار ڕۆژنامەنووسی بیانی دەرکرد.")] == ["other"]
    assert [c.event for c in find_claims("لە لافاوەکەدا 9 کەس بێسەرشوێن بوون.")] == ["other"]
    assert [c.event for c in find_claims("بۆردومانەکە 12 خانووی خراپکرد.")] == ["destroyed"]
    assert [c.event for c in find_claims("بەنداوەکە بووە هۆی کۆچ پێکردنی 3 هەزار خێزان.")] == ["displaced"]
    assert [c.event for c in find_claims("لە تەقینەوەکەدا 5 کەس کەمئەندام بوون.")] == ["other"]


def test_speaker_is_no_adverbial_or_speech_verb() -> None:
    # لە … دا is where or when, not who; a speech verb before the colon is no headline name
    (c,) = find_claims('ئەو لەکۆتاییدا گوتیشی: "نزیکەی 40 کەس ئامادە بوون.')
    assert c.source is None
    (c,) = find_claims('هەروەها ل درێژەی قسەکانیدا گوتی: 12 قوتابخانە داخران.')
    assert c.source is None
    (c,) = find_claims("سەرۆکی شارەوانی لەو کۆبوونەوەیەدا گوتی: 12 قوتابخانە داخران.")
    assert c.source == "سەرۆکی شارەوانی"


def test_marks_that_open_no_quote() -> None:
    # a mark glued after a sentence's full stop closes; a term and its meaning (واتە); a span
    # ending in بەناوی (its last mark opens a name); a quoted name after a speech verb
    assert find_quotes('ئێمە سەرکەوتین." دواتر ڕاهێنەرەکە گوتی: "ئامادەین.') == []
    assert find_quotes('ناوی فیلمەکە: "ئەسپی سپی" واتە "الحصان الابیض".') == []
    assert find_quotes('ڕاهێنەرەکە گوتی: " یاریزانێکی نوێمان هێنا بەناوی "ئارام".') == []
    assert find_quotes('وەزارەتەکە ڕایگەیاند، "هایکۆ ماس" دێتە هەولێر.') == []
    (q,) = find_quotes('خاڵی 3." ئێمە ئەمڕۆ دەگەینە شارەکە."')
    assert q.text == "ئێمە ئەمڕۆ دەگەینە شارەکە."


def test_two_right_marks_after_a_speech_verb() -> None:
    # ”…” encloses a quote only when a colon or a speech verb opens it; else a title or a list
    (q,) = find_quotes("بەڕێوەبەری کارەبا ڕایگەیاند”ئەمساڵ کارەبا زیاتر دەبێت و کێشەکە چارەسەر دەکەین”.")
    assert q.text == "ئەمساڵ کارەبا زیاتر دەبێت و کێشەکە چارەسەر دەکەین"
    assert find_quotes("گۆرانییەکەی ” ئەمڕۆ ڕۆژی نەورۆزە و بەهار هاتەوە ” زۆر ناسراوە.") == []


def test_counted_noun_without_glued_and_article_or_adjective_ending() -> None:
    # منداڵەو: copula ە + glued و; ڕۆژیەکەیدا / ساڵیەو: an N-day / N-year adjective
    (c,) = find_claims("ئەو پیاوە خاوەنی چوار منداڵەو لە هەولێر دەژی.")
    assert c.thing == "منداڵ"
    (c,) = find_claims("لە سەردانە 6 ڕۆژیەکەیدا بۆ فەرەنسا چەند ڕێککەوتنێکی واژۆ کرد.")
    assert (c.thing, c.event) == ("ڕۆژ", "none")
    (c,) = find_claims("ئەمە پلانێکی حەوت ساڵیەو")
    assert c.thing == "ساڵ"


def test_counted_noun_after_a_demonstrative_loses_its_ending() -> None:
    # ئەو/ئەم + figure + noun-ە(ی): the ە is the demonstrative's, not the noun's nor a copula
    assert [(c.thing, c.event) for c in find_claims("ئەو دوو پیاوەی کە دوێنێ دەستگیرکران.")] == [("پیاو", "arrested")]
    assert [c.thing for c in find_claims("لەگەڵ ئەو دوو کچەوە هاتن.")] == ["کچ"]
    assert [c.thing for c in find_claims("ئەو دوو قەسیدەیە ناوبانگیان دەرکرد.")] == ["قەسیدە"]


def test_bracketed_amount_at_the_start() -> None:
    (c,) = find_claims("( 30 ) هەزار کەس ئاوارە بوون.")
    assert (c.value, c.event) == (30000, "displaced")


def test_thing_of_a_bracketed_score_and_of_a_figure_with_no_noun() -> None:
    # ( a _ b ) X: both figures count X; no noun before the event: the figure's last word
    claims = find_claims("یانەکە بە ئەنجامی ( 88 _ 75 ) خاڵ یارییەکەی بردەوە.")
    assert [(c.value, c.thing) for c in claims] == [(88, "خاڵ"), (75, "خاڵ")]
    claims = find_claims("لە بوومەلەرزەکەدا 300 کەس گیانیان لەدەستدا و 2 هەزاریش بریندار بوون.")
    assert [(c.value, c.thing, c.event) for c in claims] == [(300, "کەس", "killed"), (2000, "هەزار", "wounded")]


def test_preposition_before_a_bracketed_figure() -> None:
    # بۆ ( 40 ) هەزار: the bracket does not hide the preposition (a goal, not a participant)
    (c,) = find_claims("پێشبینی دەکرێت ژمارەکە بگاتە بۆ ( 40 ) هەزار کەس و کوژراون.")
    assert c.event == "none"


def test_attack_and_stress_phrases() -> None:
    # هێرشی کرایە سەر: attacked (other); X جەختی لەوەکردەوە کە …: X is the source
    (c,) = find_claims("سێ بنکەی سەربازی هێرشیان کرایە سەر.")
    assert c.event == "other"
    (c,) = find_claims("وەزیر جەختی لەوەکردەوە کە 40 قوتابخانە نوێ دەکرێنەوە.")
    assert c.source == "وەزیر"


def test_headline_figure_takes_the_lead_source() -> None:
    # headline - lead: the headline's figure is attributed to the speaker the lead names
    text = "سێ کارگە داخران - بەڕێوەبەری پیشەسازی ڕایگەیاند کە 3 کارگە بەهۆی قەرزەوە داخراون."
    claims = find_claims(text)
    assert [c.source for c in claims] == ["بەڕێوەبەری پیشەسازی", "بەڕێوەبەری پیشەسازی"]


def test_clitic_word_after_a_bracketed_figure_is_no_thing() -> None:
    (c,) = find_claims("و ( 15 ) یشیان کەمئەندام بوون.")
    assert (c.value, c.thing) == (15, "15")


def test_both_counts_two() -> None:
    # هەر دوو X "both X" is a claim of 2 X (find_numbers leaves it out as an idiom)
    assert [(c.text, c.value, c.thing) for c in find_claims("هەر دوو لایەن ڕێککەوتنەکەیان واژۆ کرد.")] == \
        [("دوو", 2, "لایەن")]


def test_multiplier_and_smaller_figure_are_one_amount() -> None:
    # ملیۆنێک و 200 هەزار: a million and 200 thousand; two figures of different things stay two
    (c,) = find_claims("نزیکەی ملیۆنێک و 200 هەزار نەمام چێنران.")
    assert (c.text, c.value, c.qualifier) == ("ملیۆنێک و 200 هەزار", 1200000, "about")
    claims = find_claims("دوو هەزار سەرباز و 300 تانک گەیشتن.")
    assert [c.value for c in claims] == [2000, 300]


def test_participation_and_glued_event_noun_before_the_figure() -> None:
    # بەبەشداری N X: with the participation of N X (other), also glued after ە; مێگەوات a measure
    (c,) = find_claims("فیستیڤاڵەکەبەبەشداری 30 فیلم دەستی پێکرد.")
    assert c.event == "other"
    (c,) = find_claims("وێستگەکە 200 مێگەوات کارەبا بەرهەم دەهێنێت.")
    assert (c.thing, c.event) == ("مێگەوات", "none")


def test_figure_after_le_with_a_demonstrative() -> None:
    # لەو/لەم N X (also glued after ە): a figure after لە, not a participant; the noun loses ە
    claims = find_claims("ئەو یەکێکەلەو سێ پۆلیسەی کە دوێنێ بریندار بوون.")
    assert [(c.value, c.thing, c.event) for c in claims] == [(3, "پۆلیس", "none")]


def test_end_of_a_clock_range() -> None:
    # کاتژمێر 11 ی شەو تاکو 6 بەیانی: both ends are clock times; a count after تاکو stays
    assert find_claims("لە کاتژمێر 11 ی شەو تاکو 6 بەیانی هاتوچۆ قەدەغەیە.") == []
    claims = find_claims("لە کاتژمێر 11 ی شەو تاکو ئێستا 6 کەس دەستگیرکراون.")
    assert [(c.value, c.thing) for c in claims] == [(6, "کەس")]


def test_place_in_ezafe_is_no_speaker() -> None:
    # سەبارەت بە دەستێوەردانی تورکیا … گوتی: the place belongs to a noun phrase, nobody named speaks
    (q,) = find_quotes('سەبارەت بە دەستێوەردانی تورکیا لە کاروباری ناوخۆ گوتی: "ئەمە قبووڵ ناکەین و وەڵام دەدەینەوە".')
    assert q.speaker is None


def test_comparative_after_the_counted_noun() -> None:
    # لە N X زیاتر/کەمتر(ە): more/less than N X; a glued copula keeps it a static quantity;
    # زیاتر لە M belongs to the next figure
    assert [(c.qualifier, c.event) for c in find_claims("لە 40 کەس زیاتر بریندار بوون.")] == [("more_than", "wounded")]
    assert [(c.qualifier, c.event) for c in find_claims("دانیشتوانی لە سێ ملیۆن کەس کەمترە.")] == [("less_than", "none")]
    claims = find_claims("لە 30 شار زیاتر لە 100 کەس کوژران.")
    assert [c.qualifier for c in claims] == [None, "more_than"]


def test_qualifier_glued_after_e() -> None:
    # ە never joins the next letter: هاوینەنزیکەی 300 is هاوینە نزیکەی 300
    (c,) = find_claims("بۆ هاوینەنزیکەی 300 مێگەوات کارەبا دابین دەکرێت.")
    assert c.qualifier == "about"
    (c,) = find_claims("لەم ساڵەزیاتر لە 40 کەس کوژران.")
    assert (c.qualifier, c.event) == ("more_than", "killed")


def test_verbal_noun_opening_a_clause_is_a_topic() -> None:
    # دروستکردنی …، X گوتی: the verbal noun opens the topic, the subject follows the comma
    (c,) = find_claims("دروستکردنی قوتابخانەکان لە گوندەکان، بەڕێوەبەری پەروەردە گوتی: 12 قوتابخانە تەواو بوون.")
    assert c.source == "بەڕێوەبەری پەروەردە"


def test_addressee_in_quotation_marks() -> None:
    # بە"ئاژانسی پەیامنێر"ی ڕاگەیاند: the agency is told, it does not speak
    text = 'بەڕێوەبەری پۆلیس بە"ئاژانسی پەیامنێر"ی ڕاگەیاند: 5 کەس دەستگیرکران.'
    (c,) = find_claims(text)
    assert c.source is not None and "پەیامنێر" not in c.source


def test_june_in_another_spelling_is_a_date() -> None:
    assert [c.value for c in find_claims("هەولێر 14 حوزێران - 20 کەس دەستگیرکران.")] == [20]


def test_year_after_a_numbered_month() -> None:
    # مانگی سێی 2009 "the third month of 2009": the year is no count
    assert find_claims("دادگاکە لەمانگی سێی 2009 بڕیارەکەی دا.") == []
    assert [c.value for c in find_claims("لە مانگی 6 ی 2011 دا 20 کەس کوژران.")] == [20]


def test_title_speaker_named_in_the_next_sentence() -> None:
    # وەزیری دەرەوە گوتی: "…" هایکۆ ماس هەروەها …: the person named right after the quote
    text = 'وەزیری دەرەوەی ئەڵمانیا گوتی: "ئێمە گفتوگۆ لەگەڵ هەموو لایەنەکان دەکەین." هایکۆ ماس هەروەها گوتی کە سەردانی هەولێر دەکات.'
    (q,) = find_quotes(text)
    assert q.speaker is not None and q.speaker.text == "هایکۆ ماس"


def test_thing_partitive_le_glued():
    # "three of the workers of the factory were wounded": the partitive لە glued to the counted noun
    assert [(c.value, c.thing) for c in find_claims("سێ لەکرێکارەکانی کارگەکە بریندار بوون.")] == [(3, "کرێکار")]
    # a word that itself starts with لە keeps it
    assert [c.thing for c in find_claims("5 لەشکری بێگانە هاتن.")] == ["لەشکر"]


def test_source_name_in_marks_after_report_noun():
    # "according to the news of the agency 'Anadolu'": the name in the marks, not the report noun
    got = [(c.value, c.source) for c in find_claims('بەگوێرەی هەواڵی ئاژانسی "ئەنادۆڵ"، 40 کەس دەستگیر کران.')]
    assert got == [(40, "ئەنادۆڵ")]
    got = [(c.value, c.source) for c in find_claims("بەپێی ڕاپۆرتی (چاودێری مافی مرۆڤ)، 12 کەس کوژران.")]
    assert got == [(12, "چاودێری مافی مرۆڤ")]
    # a year in brackets is no name
    assert [c.source for c in find_claims("بەپێی ڕاپۆرتی ( 2019 )، 40 کەس دەستگیر کران.")] == [None]


def test_source_sayer_nearer_than_according_to():
    # "according to the BBC report, the police spokesman Kawa Ahmad said 30 people were arrested":
    # the sayer between the report and the figure is its source
    got = [(c.value, c.source) for c in find_claims(
        "بەپێی ڕاپۆرتی بی بی سی، وتەبێژی پۆلیس، کاوە ئەحمەد، وتوویەتی زیاتر لە 30 کەس دەستگیر کران.")]
    assert got == [(30, "کاوە ئەحمەد")]
    # no sayer in between: the report's
    assert [c.source for c in find_claims("بەپێی ڕاپۆرتی پۆلیس، 30 کەس دەستگیر کران.")] == ["پۆلیس"]


def test_event_became_with_glued_noun():
    # "Ahmad became head of the municipality with 40 votes": بووە with its noun glued is a change -> other
    assert [(c.value, c.event) for c in find_claims("ئەحمەد بە 40 دەنگ بووەسەرۆکی شارەوانی.")] == [(40, "other")]
    assert [(c.value, c.event) for c in find_claims("سێ ئافرەت بوونەقوربانی.")] == [(3, "other")]
    # a plain copula stays no event
    assert [(c.value, c.event) for c in find_claims("بەشداربووان 300 کەس بوون.")] == [(300, "none")]


def test_abbreviated_units_are_measures():
    # "the police found 300 kg of drugs": a measure in an abbreviated unit -> no event
    assert [(c.value, c.thing, c.event) for c in find_claims("پۆلیس 300 کغم ماددەی هۆشبەری دۆزیەوە.")] == \
        [(300, "کغم", "none")]
    assert [(c.value, c.event) for c in find_claims("نرخی نەوت 40 سەنت بەرزبوویەوە.")] == [(40, "none")]


def test_active_present_kill_is_killed():
    # "the gunmen kill 12 people" (headline present tense) -> killed; "extinguish" is not
    assert [(c.value, c.event) for c in find_claims("چەکدارەکان 12 کەس دەکوژن.")] == [(12, "killed")]
    assert [(c.value, c.event) for c in find_claims("ئاگرکوژێنەوەکان 3 ئاگر دەکوژێننەوە.")] == [(3, "other")]
    assert [(c.value, c.event) for c in find_claims("5 کەس گیانییان لەدەستدا.")] == [(5, "killed")]


def test_source_sayer_after_headline_verb():
    # a headline run into its lead: "47 people are killed in Baghdad, Iraqi officials say …"
    got = [(c.value, c.source) for c in find_claims("لەبەغدا 47 کەس دەکوژرێن کاربەدەستانی عێراقی دەڵێن هێرشەکان بەردەوامن.")]
    assert got == [(47, "کاربەدەستانی عێراقی")]
    # a speech verb with no verb of the figure before it is not taken
    assert [c.source for c in find_claims("47 کەس لە هێرشەکاندا دەڵێن بەردەوامن.")] == [None]


def test_according_to_a_norm_is_no_source():
    # "in accordance with the law, the licences of 20 factories were revoked": a law is no source
    assert [c.source for c in find_claims("بەپێی یاسا مۆڵەتی 20 کارگە هەڵوەشایەوە.")] == [None]
    assert [c.source for c in find_claims("بەپێی پۆلیس 20 کەس دەستگیر کران.")] == ["پۆلیس"]


def test_thing_plural_after_figure():
    # "25 soldiers of the army were killed": the plural ان(ی) is cut from a known noun
    assert [(c.value, c.thing) for c in find_claims("25 سەربازانی سوپا کوژران.")] == [(25, "سەرباز")]
    # a word of its own that ends in ان keeps it
    assert [c.thing for c in find_claims("20 باران باری.")] == ["باران"]


def test_source_name_in_brackets_after_title():
    # "the police spokesman (Kawa Ahmad) said 30 people were arrested": the name, not the title
    got = [(c.value, c.source) for c in find_claims("وتەبێژی پۆلیس (کاوە ئەحمەد) گوتی 30 کەس دەستگیر کران.")]
    assert got == [(30, "کاوە ئەحمەد")]
    assert [c.source for c in find_claims("وتەبێژی پۆلیس گوتی 30 کەس دەستگیر کران.")] == ["وتەبێژی پۆلیس"]


def test_thing_short_noun_with_article():
    # "both of her two daughters": the article ەکەی is cut from a two-letter noun too
    assert [(c.value, c.thing) for c in find_claims("بڕیاریداوە دوو کچەکەی لەچاوی کامێراکان بەدوور بگرێت.")] == \
        [(2, "کچ")]
    assert [(c.value, c.thing) for c in find_claims("سێ ژنەکان گەڕانەوە.")] == [(3, "ژن")]
