"""Entities: place and date rules for news never seen (issue 7, LOC and DATE). The sentences are
written for these tests (no fixture sentence); each test checks a rule and its guard."""
from __future__ import annotations


def test_towns_of_the_region_and_city_spellings(spans) -> None:
    # towns and districts of Iraq, Turkey and Syria, and spelling variants of world cities
    assert ("دیبەگە", "LOC") in spans("لە دیبەگە کۆبوونەوەیەک کرا.")
    assert ("ئەبوغرێب", "LOC") in spans("زیندانی ئەبوغرێب لە نزیک بەغدایە.")
    assert ("ڕمێلان", "LOC") in spans("لە ڕمێلان خۆپیشاندان کرا.")
    assert ("ئانقەرە", "LOC") in spans("شاندەکە گەیشتە ئانقەرە.")
    assert ("بێجینگ", "LOC") in spans("سەرۆکەکە سەردانی بێجینگی کرد.")
    # ماوەت is no entry: it opens the verb ماوەتەوە ("has remained")
    assert spans("داواکارییەکە هەر بێ وەڵام ماوەتەوە.") == []


def test_day_number_in_brackets(spans) -> None:
    # a day (or a range of days) in brackets before )ی + month: from the head, or from the number
    assert ("ڕۆژی ( 9 )ی ئۆکتۆبەر", "DATE") in spans("پێشانگاکە ڕۆژی ( 9 )ی ئۆکتۆبەر دەکرێتەوە.")
    assert ("3 - 6 )ی ئایار", "DATE") in spans("خولەکە لە( 3 - 6 )ی ئایار دەبێت.")
    # a number in brackets before )ی + a noun is no date
    assert all(label != "DATE" for _, label in spans("بڕگەی ( 4 )ی یاساکە هەموار کرا."))


def test_year_range_after_between(spans) -> None:
    # نێوان YEAR تا/و YEAR is one date span
    assert ("1991 تا 2003", "DATE") in spans("لە نێوان 1991 تا 2003 هەرێمەکە گەمارۆ درا.")
    # نێوان before a number that is no year range is no date
    assert all(label != "DATE" for _, label in spans("لە نێوان 1500 کەسدا خەڵات دابەش کرا."))
    assert all(label != "DATE" for _, label in spans("لە نێوان 2000 تا 5000 دۆلار خەرج کرا."))


def test_ordinal_day_before_a_month(spans) -> None:
    # ڕۆژی + an ordinal word + a month: the day named by its ordinal
    assert ("ڕۆژی دووەمی ئایار", "DATE") in spans("کۆنگرەکە ڕۆژی دووەمی ئایار دەستی پێکرد.")
    # an ordinal day of an event (no month after it) is no date
    assert all(label != "DATE" for _, label in spans("ڕۆژی دووەمی کۆنگرەکە کۆتایی هات."))


def test_year_before_a_spaced_postposition(spans) -> None:
    # a year followed by the postposition دا / ەوە written apart is a date
    assert ("2008", "DATE") in spans("لە کۆتایی 2008 دا پرۆژەکە تەواو بوو.")
    # a plain number before دا is none
    assert all(label != "DATE" for _, label in spans("لە 250 دا تەنها دە ماون."))


def test_more_place_classifiers(spans) -> None:
    # a state / province / canton head before a name stays out of the span
    assert ("تێکساس", "LOC") in spans("لە ویلایەتی تێکساس لافاو هات.")
    assert ("کالیفۆرنیا", "LOC") in spans("ئاگرەکە لە ئەیالەتی کالیفۆرنیا کوژایەوە.")
    assert ("جزیر", "LOC") in spans("لە کانتۆنی جزیر هەڵبژاردن کرا.")
    # a mountain or gulf head is inside the span, like چیای
    assert ("شاخی هەڵگورد", "LOC") in spans("گەشتیاران سەردانی شاخی هەڵگورد دەکەن.")
    assert ("کەنداوی عەقەبە", "LOC") in spans("کەشتییەکە گەیشتە کەنداوی عەقەبە.")
    # a mountain head before a common adjective is no name
    assert spans("لەسەر شاخی سەخت دەژین.") == []
    # ئاوایی is no head: ماڵئاوایی ("farewell") is too common
    assert spans("ماڵ ئاوایی لێکردین و ڕۆیشت.") == []


def test_country_and_region_spellings(spans) -> None:
    # South Africa written باشووری ئەفریقیا is one country span; باشووری + another place stays descriptive
    assert ("باشووری ئەفریقیا", "LOC") in spans("یانەکە لە باشووری ئەفریقیا یاری دەکات.")
    assert ("لوبنان", "LOC") in spans("لە باشووری لوبنان تەقینەوە ڕوویدا.")
    # US states and European regions
    assert ("تێکساس", "LOC") in spans("لافاو لە تێکساس هات.")
    assert ("باڤاریا", "LOC") in spans("هەرێمی باڤاریا بەفر باری.")
    assert ("فۆکۆشیما", "LOC") in spans("وێستگەکەی فۆکۆشیما داخرا.")


def test_day_slash_month_after_le(spans) -> None:
    # DAY / MONTH in digits after لە (spaced or glued to the word before) or a head is a date
    assert ("9 / 4", "DATE") in spans("هەڵبژاردنەکە لە 9 / 4 دا دەکرێت.")
    assert ("9 / 4", "DATE") in spans("بڕیارەلە9 / 4 دا دەنگدان بکرێت.")
    # a ratio or score without لە, a percentage and a month over 12 are none
    assert all(label != "DATE" for _, label in spans("ئەنجامی یارییەکە 9 / 4 بوو."))
    assert all(label != "DATE" for _, label in spans("لە 9 / 14 دا بەشدار بوون."))


def test_more_month_spellings(spans) -> None:
    # مایس (May, Iraqi usage) and further Gregorian spellings are months
    assert ("15ی مایسی 2011", "DATE") in spans("لە 15ی مایسی 2011 دەستی پێکرد.")
    assert ("3ی سەپتەمبەر", "DATE") in spans("لە 3ی سەپتەمبەر گەڕایەوە.")
    assert ("20ی دیسامبەر", "DATE") in spans("لە 20ی دیسامبەر گەڕایەوە.")
    # مێهر is no month here: it is also "affection"
    assert spans("مێهری دایک بێ وێنەیە.") == []


def test_common_word_name_between_two_place_words(spans) -> None:
    # گوندی/گەڕەکی + a common word in ezafe + سەر بە / a place classifier: the word is the place
    assert ("گوڵاڵە", "LOC") in spans("لە گوندی گوڵاڵەی سەر بە قەزای چەمچەماڵ ماڵێک ڕووخا.")
    assert ("گوڵاڵە", "LOC") in spans("لەگوندی گوڵاڵەی سەربە چەمچەماڵ ماڵێک ڕووخا.")
    assert ("گوڵاڵە", "LOC") in spans("لە گەڕەکی گوڵاڵەی شاری کەرکووک ماڵێک سووتا.")
    # a common word that ends in ی itself (ئازادی, کۆنی) is left alone
    assert ("ئازاد", "LOC") not in spans("لە گەڕەکی ئازادی شاری کەرکووک ماڵێک سووتا.")
    assert ("کۆن", "LOC") not in spans("لە گوندی کۆنی ناحیەی قوشتەپە کاری نوێ کرا.")


def test_year_after_a_part_of_the_year_or_a_season(spans) -> None:
    # کۆتایی / سەرەتای / a season / پێش / دوای before a bare year
    assert ("2012", "DATE") in spans("لە کۆتایی 2012 پرۆژەکە تەواو بوو.")
    assert ("2010", "DATE") in spans("هاوینی 2010 زۆر گەرم بوو.")
    assert ("2003", "DATE") in spans("پێش 2003 ڕژێمێکی تر هەبوو.")
    # a number before a unit noun is no year
    assert all(label != "DATE" for _, label in spans("دوای 2000 کەس بەشداریان کرد."))
