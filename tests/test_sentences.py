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


def test_clitic_after_a_closing_quote_is_not_an_initial():
    # a one-letter clitic glued to a closing quote ("هەولێر"ن.) ends the sentence; an initial
    # after an opening quote ("د. ...) does not
    text = 'شارە گەورەکان "هەولێر و سلێمانی"ن. ئەمساڵ باران زۆر بوو.'
    assert texts(text) == ['شارە گەورەکان "هەولێر و سلێمانی"ن.', "ئەمساڵ باران زۆر بوو."]
    assert texts('گوتی "د. ئازاد هات." پاشان ڕۆیشت.') == ['گوتی "د. ئازاد هات."', "پاشان ڕۆیشت."]
    # a quote opened right after a colon is still an opening quote
    assert texts('گوتی:"د. ئازاد هات." پاشان ڕۆیشت.') == ['گوتی:"د. ئازاد هات."', "پاشان ڕۆیشت."]


def test_source_in_brackets_after_a_quoted_sentence_belongs_to_it():
    text = 'نووسیویەتی: "زمان ناسنامەیە."(شێرکۆ - ٢٠٠٥) ئەمڕۆ خوێندمانەوە.'
    assert texts(text) == ['نووسیویەتی: "زمان ناسنامەیە."(شێرکۆ - ٢٠٠٥)', "ئەمڕۆ خوێندمانەوە."]
    # not after a bare full stop (a formula or a figure number stays where it was)
    assert texts("ئەمە دەبێتە ١٠.(٢) ئینجا.") == ["ئەمە دەبێتە ١٠.(٢) ئینجا."]


def test_sentence_objects():
    import pickle

    s = sentences("سڵاو. چۆنی؟")[1]
    assert (s.text, s.start, s.end) == ("چۆنی؟", 6, 11)
    assert s == sentences("سڵاو. چۆنی؟")[1] and s != ("چۆنی؟", 6, 11)  # only sentences are equal
    assert hash(s) == hash(("چۆنی؟", 6, 11)) and pickle.loads(pickle.dumps(s)) == s
    assert s.to_dict(offset=1) == {"text": "چۆنی؟", "start": 7, "end": 12}
