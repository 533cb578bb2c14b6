"""Sentence splitting on real Sorani news patterns."""
from sorani import sentences


def texts(t):
    return [s.text for s in sentences(t)]


def test_terminators_and_offsets():
    text = "شەڕ بەردەوامە. ئایا کۆتایی دێت؟ نازانین! ئەوە ڕوونە…  کۆتایی"
    assert texts(text) == ["شەڕ بەردەوامە.", "ئایا کۆتایی دێت؟", "نازانین!", "ئەوە ڕوونە…", "کۆتایی"]
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def test_no_split_inside_decimals_abbreviations_initials_urls():
    assert texts("ڕێژەکە ٢.٥ لەسەدە بوو. پاشان زیادی کرد.") == ["ڕێژەکە ٢.٥ لەسەدە بوو.", "پاشان زیادی کرد."]
    assert texts("پ.د. ئازاد و د. شیلان گەیشتن. ئەمڕۆ.") == ["پ.د. ئازاد و د. شیلان گەیشتن.", "ئەمڕۆ."]
    assert texts("بڕوانە www.rudaw.net بۆ زانیاری. سوپاس.") == ["بڕوانە www.rudaw.net بۆ زانیاری.", "سوپاس."]
    assert texts("J. K. Rowling هات. باشە.") == ["J. K. Rowling هات.", "باشە."]


def test_closing_quote_belongs_to_the_sentence():
    text = 'ماکرۆن گوتی "ئێمە ئەمە قبووڵ ناکەین." خەڵک دەترسن.'
    assert texts(text) == ['ماکرۆن گوتی "ئێمە ئەمە قبووڵ ناکەین."', "خەڵک دەترسن."]
    assert texts("گوتی «باشە!» ئینجا ڕۆیشت.") == ["گوتی «باشە!»", "ئینجا ڕۆیشت."]


def test_headlines_are_sentences():
    text = "شەڕی قەرەباخ\nتورکیا پشتیوانی دەکات. ئەرمینیا ڕەتی دەکاتەوە."
    assert texts(text) == ["شەڕی قەرەباخ", "تورکیا پشتیوانی دەکات.", "ئەرمینیا ڕەتی دەکاتەوە."]


def test_empty_and_whitespace():
    assert sentences("") == []
    assert sentences("  \n \t ") == []
