"""Normalization rules, one real example each, and the alignment."""
import pytest

from sorani import normalize, normalize_with_offsets


@pytest.mark.parametrize("raw, expected", [
    # Arabic and Persian letters typed for Kurdish ones
    ("كوردستان", "کوردستان"),                 # Arabic kaf
    ("ڪوردستان", "کوردستان"),                 # swash kaf
    ("هەولێري", "هەولێری"),                   # Arabic yeh
    ("سلێمانى", "سلێمانی"),                   # alef maksura
    ("قوتابخانة", "قوتابخانە"),               # teh marbuta
    ("ؤلات", "ۆلات"),                         # waw with hamza for ۆ
    ("أحمد", "ئەحمد"),
    ("إسلام", "ئیسلام"),
    ("آوات", "ئاوات"),
    ("شەڒ", "شەڕ"),                           # reh with small v
    ("دەڵێی یییەکان", "دەڵێی یییەکان"),         # a legitimate ییی is kept
    # word-initial ر is always ڕ in standard orthography
    ("رۆژی رابردوو", "ڕۆژی ڕابردوو"),
    ("لەبەرئەوە", "لەبەرئەوە"),                # not word-initial: kept
    # old ه + ZWNJ spelling of ە, and word-final ه
    ("هه‌واڵه‌كان", "هەواڵەکان"),
    ("ده‌وڵه‌تی عێراق", "دەوڵەتی عێراق"),
    ("نامه بۆ ئێوه", "نامە بۆ ئێوە"),
    # a real /h/ is kept
    ("شاه و گوناه", "شاه و گوناه"),          # after ا
    ("بەهـ بەهـ", "بەھ بەھ"),                  # final h marked by tatweel -> ھ
    ("ھەولێر", "هەولێر"),                     # heh doachashmee inside a word -> ه
    # tatweel, harakat, invisible controls
    ("ســـــڵاو", "سڵاو"),
    ("كِتَابٌ", "کتاب"),
    ("\u200fسڵاو\u200e", "سڵاو"),
    ("\ufeffسڵاو", "سڵاو"),
    ("دە\u200dست", "دەست"),
    # ZWNJ kept only where it changes the shape
    ("دەست\u200cپێکرد", "دەست\u200cپێکرد"),
    ("ئا\u200cرام", "ئارام"),
    ("سڵاو\u200c ", "سڵاو"),
    # presentation forms
    ("ﻛﻮﺭﺩ", "کورد"),
    # whitespace
    ("سڵاو   جیهان \n  دووەم", "سڵاو جیهان\nدووەم"),
    ("سڵاو\u00a0جیهان\tئەمڕۆ", "سڵاو جیهان ئەمڕۆ"),
])
def test_rules(raw, expected):
    assert normalize(raw) == expected


def test_digits_and_punctuation_options():
    assert normalize("ساڵی ٢٠٢٠ و ۱۹۹۱", digits="latin") == "ساڵی 2020 و 1991"
    assert normalize("ساڵی 2020", digits="arabic") == "ساڵی ٢٠٢٠"
    assert normalize("٢٫٥ ملیۆن", digits="latin") == "2.5 ملیۆن"
    assert normalize("1,250 دینار", digits="arabic") == "١٬٢٥٠ دینار"
    assert normalize('گوتی "باشە", چۆنی?', punctuation="kurdish") == "گوتی «باشە»، چۆنی؟"
    assert normalize("گوتی «باشە»، چۆنی؟", punctuation="latin") == 'گوتی "باشە", چۆنی?'
    # decimals and thousands separators are not punctuation
    assert normalize("2.5, 1,250", punctuation="kurdish") == "2.5، 1,250"


def test_search_profile_folds_more():
    assert normalize("ڕۆژی ١٢ی ئەیلوول", profile="search") == "رۆژی 12ی ئەیلوول"
    assert normalize("دەست\u200cپێکرد ئەڵمانیا", profile="search") == "دەستپێکرد ئەلمانیا"
    assert normalize("Heiko MAAS", profile="search") == "heiko maas"


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="profile"):
        normalize("x", profile="nope")
    with pytest.raises(ValueError, match="digits"):
        normalize("x", digits="roman")
    with pytest.raises(TypeError):
        normalize(b"bytes")  # type: ignore[arg-type]


def test_alignment_maps_back_to_the_original():
    raw = "ده‌وڵه‌تی  عێراق ســـاڵی ١٩٩١"
    out, al = normalize_with_offsets(raw)
    assert out == "دەوڵەتی عێراق ساڵی ١٩٩١"
    for word in out.split(" "):
        start = out.index(word)
        a, b = al.source_span(start, start + len(word))
        assert normalize(raw[a:b]) == word
    assert al.source_span(0, 0) == (0, 0)
    assert al.source_span(len(out), len(out)) == (len(raw), len(raw))
    with pytest.raises(ValueError):
        al.source_span(0, len(out) + 1)


def test_empty_and_foreign_text():
    assert normalize("") == ""
    assert normalize("Hello, world! 😀") == "Hello, world! 😀"
    assert normalize("Привет мир") == "Привет мир"


def test_big_inputs_stay_linear():
    line = "ده‌وڵه‌ت كوردستان " * 60000   # ~1 MB single line
    out = normalize(line)
    assert out.startswith("دەوڵەت کوردستان")
    glued = "هه‌ڵنه‌گیرسێنرابوونه‌وه‌كانیانه‌وه‌ش" * 6
    assert "ه\u200c" not in normalize(glued)
