"""Tokens: kinds, offsets into the original text, normalized forms."""
from sorani import tokenize


def kinds(text):
    return [(t.text, t.kind) for t in tokenize(text)]


def test_words_punctuation_and_offsets():
    text = "هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا رایگەیاند."
    toks = tokenize(text)
    assert [t.text for t in toks] == ["هایکۆ", "ماس", "،", "وەزیری", "دەرەوەی", "ئەڵمانیا", "رایگەیاند", "."]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert toks[6].norm == "ڕایگەیاند"


def test_numbers_keep_their_separators():
    assert kinds("٢٫٥ ١٬٢٥٠ 2.5 ٪٢٥ 25% ۱۴۰۰") == [
        ("٢٫٥", "number"), ("١٬٢٥٠", "number"), ("2.5", "number"), ("٪٢٥", "number"),
        ("25%", "number"), ("۱۴۰۰", "number")]
    # a clitic glued to a number is its own token
    assert kinds("٩٠٠ی") == [("٩٠٠", "number"), ("ی", "word")]


def test_urls_emails_tags_and_emoji():
    assert kinds("بڕوانە https://www.rudaw.net/sorani/news?id=1. یان info@rudaw.net #کوردستان @rudaw 👍🏽 🇮🇶") == [
        ("بڕوانە", "word"), ("https://www.rudaw.net/sorani/news?id=1", "url"), (".", "punctuation"),
        ("یان", "word"), ("info@rudaw.net", "email"), ("#کوردستان", "hashtag"), ("@rudaw", "mention"),
        ("👍🏽", "emoji"), ("🇮🇶", "emoji")]


def test_latin_and_mixed_scripts():
    assert kinds("Heiko Maas و COVID-19") == [
        ("Heiko", "latin"), ("Maas", "latin"), ("و", "word"), ("COVID", "latin"), ("-", "punctuation"),
        ("19", "number")]


def test_internal_zwnj_and_old_spelling_stay_in_the_word():
    toks = tokenize("هه‌واڵه‌كان دەست\u200cپێکرد")
    assert [t.text for t in toks] == ["هه\u200cواڵه\u200cكان", "دەست\u200cپێکرد"]
    assert toks[0].norm == "هەواڵەکان"


def test_invisible_characters_are_gaps_and_odd_input_never_raises():
    assert [t.text for t in tokenize("\u200fسڵاو\u200e \ufeffجیهان")] == ["سڵاو\u200e", "جیهان"]
    assert list(tokenize("")) == []
    odd = "a\ud800b\x00\x07 \U0010ffff"
    toks = tokenize(odd)
    assert "".join(t.text for t in toks) == odd.replace(" ", "")


def test_json_form():
    t = tokenize("سڵاو كورد")[1]
    assert t.to_dict() == {"text": "كورد", "norm": "کورد", "kind": "word", "start": 5, "end": 9}
    assert t.to_dict(offset=10)["start"] == 15


def test_long_glued_token_and_long_line():
    glued = "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 7
    assert [t.text for t in tokenize(glued)] == [glued]
    line = "وەزیری دەرەوە، " * 70000
    assert len(tokenize(line)) == 3 * 70000


def test_token_api_spans_and_later_stage_fields():
    import pickle

    text = "ساڵی ٢٠٢٠، كوردستان #هەواڵ"
    toks = tokenize(text)
    assert toks.spans() == [(t.start, t.end, t.kind) for t in toks]
    assert toks.texts() == [t.text for t in toks]
    t = toks[2]
    assert (t.text, t.kind) == ("،", "punctuation")
    assert t == toks[2] and t != toks[3] and t != ("،", 9, 10, "punctuation")  # only tokens are equal
    assert hash(t) == hash((t.text, t.start, t.end))
    assert t.lemma is None
    t.lemma, t.pos = "x", "PUNCT"  # later stages set fields on the tokens they are given
    assert toks[2].lemma == "x" and toks[2].to_dict()["pos"] == "PUNCT"
    assert pickle.loads(pickle.dumps(toks[3])) == toks[3] and toks[3].norm == "کوردستان"


def test_building_tokens_leaves_garbage_collection_as_it_was():
    import gc

    text = "ساڵی ٢٠٢٠، كوردستان #هەواڵ\n" * 300
    assert gc.isenabled()
    assert len(tokenize(text)) == 5 * 300 and gc.isenabled()
    gc.disable()
    try:
        assert len(tokenize(text)) == 5 * 300 and not gc.isenabled()
    finally:
        gc.enable()


def test_gaps_are_never_tokens_and_kinds_are_known():
    from sorani.tokenize import KINDS

    text = "  \u200bسڵاو \u00a0\t١٢  \u200f.\n\n(x) 😀 \u3000end"
    toks = tokenize(text)
    assert all(t.kind in KINDS for t in toks)
    assert [t.text for t in toks] == toks.texts() == ["سڵاو", "١٢", ".", "(", "x", ")", "😀", "end"]
    assert toks.spans() == [(t.start, t.end, t.kind) for t in toks]


def test_an_email_may_start_with_plus_or_minus_and_a_lone_tatweel_is_a_symbol():
    assert kinds("+a@b.cd -a@b.cd ـ") == [("+a@b.cd", "email"), ("-a@b.cd", "email"), ("ـ", "symbol")]


def test_a_long_run_of_email_characters_is_not_an_email():
    # (the local part is bounded, which keeps the scan linear on runs such as "a.a.a.…")
    text = "a." * 5000 + "@x.org"
    toks = tokenize(text)
    assert toks[-1].kind == "email" and len(toks[-1].text) == 64 + len("@x.org")
    assert "".join(t.text for t in toks) == text
