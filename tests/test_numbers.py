"""Tests for sorani.numbers: digits, to_words, parse, find_numbers, the Doc stage, CLI, evaluation."""
from __future__ import annotations

import json
import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani._data import shared_data_dir
from sorani.numbers import (NumberSpan, _find_slow, convert_digits, find_numbers, parse, to_words)

# ---------------------------------------------------------------------------------------- digits


def test_convert_digits_scripts_and_separators():
    assert convert_digits("2.5 و 1,000", "arabic") == "٢٫٥ و ١٬٠٠٠"
    assert convert_digits("٢٫٥ و ١٬٠٠٠", "latin") == "2.5 و 1,000"
    assert convert_digits("۱۳۸۹", "latin") == "1389"
    assert convert_digits("1389", "persian") == "۱۳۸۹"
    # a full stop after a number is not a decimal point
    assert convert_digits("ساڵی 2020.", "arabic") == "ساڵی ٢٠٢٠."
    with pytest.raises(ValueError):
        convert_digits("1", "roman")


@settings(deadline=None)
@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹.,٫٬ ابc"))
def test_convert_digits_keeps_length_and_roundtrips(text):
    for script in ("latin", "arabic", "persian"):
        out = convert_digits(text, script)
        assert len(out) == len(text)
        assert convert_digits(convert_digits(out, "latin"), script) == out


# ------------------------------------------------------------------------------------- to_words


def test_to_words_examples():
    assert to_words(0) == "سفر"
    assert to_words(21000) == "بیست و یەک هەزار"  # not «بیست و هەزار»
    assert to_words(1900) == "هەزار و نۆسەد"
    assert to_words(2300) == "دوو هەزار و سێسەد"
    assert to_words(1, ordinal=True) == "یەکەم"
    assert to_words(3, ordinal=True) == "سێیەم"
    assert to_words(25, ordinal=True) == "بیست و پێنجەم"
    assert to_words(-7) == "سالب حەوت"
    assert to_words(0.05) == "سفر پۆینت سفر پێنج"
    assert to_words("٢٠٢٠") == "دوو هەزار و بیست"


def test_to_words_rejects_what_has_no_words():
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError):
            to_words(bad)
    with pytest.raises(ValueError):
        to_words(-1, ordinal=True)
    with pytest.raises(ValueError):
        to_words(2.5, ordinal=True)
    with pytest.raises(TypeError):
        to_words(True)
    with pytest.raises(ValueError):
        to_words("12a")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_parse_inverts_to_words(n):
    assert parse(to_words(n)) == n
    assert parse(to_words(n, ordinal=True)) == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10**15, max_value=10**24))
def test_parse_inverts_to_words_beyond_quintillion(n):
    assert parse(to_words(n)) == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=999))
def test_parse_inverts_to_words_negative_and_decimal(whole, frac):
    d = Decimal(f"{whole}.{frac:03d}")
    value = parse(to_words(d))
    assert Decimal(str(value)) == d.normalize() or value == d


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_find_numbers_reads_written_numbers(n):
    words = to_words(n)
    spans = find_numbers(f"ئەمە {words} کەسە")
    assert [(s.value, s.kind) for s in spans] == [(n, "cardinal")]


# ---------------------------------------------------------------------------------------- parse


@pytest.mark.parametrize("text,value", [
    ("دوو هەزار ٣٠٠", 2300),
    ("هەزار و ٩٠٠ی", 1900),
    ("٢٫٥ ملیار", 2_500_000_000),
    ("نیو ملیۆن", 500_000),
    ("هەزار", 1000),
    ("سەد هەزار", 100_000),
    ("هەزار ملیۆن", 1_000_000_000),
    ("دوو و نیو", 2.5),
    ("سێ ملیۆن و نیو", 3_500_000),
    ("یەک ملیارو 84 ملیۆن و 439 هەزارو 99", 1_084_439_099),
    ("٢٠٢٠دا", 2020),
    ("١,٠٠٠", 1000),
    ("1.000.000", 1_000_000),
    ("3,2", 3.2),
    ("سێیەمین", 3),
    ("دووهەم", 2),
    ("یازدەیەم", 11),
    ("سالب پێنج", -5),
    ("-12", -12),
    ("هه\u200cزار و نۆسه\u200cد", 1900),  # older spelling
    ("يەك", 1),  # Arabic yeh and kaf
])
def test_parse(text, value):
    assert parse(text) == value


@pytest.mark.parametrize("text", ["سەد دوو", "هەزار هەزار سەد", "دوو هەزار سێ هەزار", "نیو", "",
                                  "   ", "abc", "دوو و سێ", "بیست یەک", "سفر سفر", "١٩/١٠/٢٠٢٠",
                                  "\ud800", "هەزار کتێب"])
def test_parse_rejects_nonsense(text):
    with pytest.raises(ValueError):
        parse(text)


def test_parse_error_message_names_the_problem():
    with pytest.raises(ValueError, match="'سەد' and 'دوو' do not combine"):
        parse("سەد دوو")


# --------------------------------------------------------------------------------- find_numbers


def values(text):
    return [(s.text, s.value, s.kind, s.qualifier) for s in find_numbers(text)]


def test_nonsense_is_split_not_merged():
    assert [s.value for s in find_numbers("سەد دوو")] == [100, 2]
    assert [s.value for s in find_numbers("هەزار هەزار سەد")] == [1000, 1100]
    assert [s.value for s in find_numbers("دوو هەزار سێ هەزار")] == [2000, 3000]


def test_kinds_and_qualifiers():
    assert values("زیاتر لە ٢٠٠ تۆپ") == [("٢٠٠", 200, "cardinal", "more_than")]
    assert values("کەمتر لە ٥ دۆلار") == [("٥", 5, "cardinal", "less_than")]
    assert values("نزیکەی ١٠ هەزار خێزان") == [("١٠ هەزار", 10000, "cardinal", "about")]
    assert values("لانیکەم ٣ کەس") == [("٣", 3, "cardinal", "at_least")]
    assert values("لە سەدا ٣٠ی خەڵک") == [("لە سەدا ٣٠ی", 30, "percent", None)]
    assert values("٤٠% ڕووبەر") == [("٤٠%", 40, "percent", None)]
    assert values("لە ساڵی ١٩٩١دا") == [("١٩٩١دا", 1991, "year", None)]
    assert values("٢٫٥ کیلۆ") == [("٢٫٥", 2.5, "decimal", None)]
    assert values("بۆ سێیەم جار") == [("سێیەم", 3, "ordinal", None)]
    assert values("هەزارێک کەس") == [("هەزارێک", 1000, "cardinal", "about")]


def test_vague_plurals():
    spans = find_numbers("سەدان کەس و دەیان هەزاران خەڵک")
    assert [(s.text, s.value, s.vague) for s in spans] == [("سەدان", 100, True),
                                                          ("دەیان هەزاران", 10000, True)]


def test_ranges():
    spans = find_numbers("دوو سێ ڕۆژ، ١٧ تا ١٩ هەزار کرۆن، ١٩٨٠-١٩٨٨")
    assert [(s.text, s.value, s.high, s.kind) for s in spans] == [
        ("دوو سێ", 2, 3, "range"), ("١٧ تا ١٩ هەزار", 17000, 19000, "range"),
        ("١٩٨٠-١٩٨٨", 1980, 1988, "range")]
    # a score or a descending pair is not a range
    assert [s.value for s in find_numbers("٣ بۆ ١")] == [3, 1]


def test_words_readers_do_not_count():
    assert values("بۆ یەکەم جار") == [("یەکەم", 1, "ordinal", None)]
    assert values("یەکێک هات") == []  # someone
    assert values("یەکێک لە سەرکردەکان") == [("یەکێک", 1, "cardinal", None)]  # one of
    assert values("فڕۆکەیەکی ئازەربایجان") == []  # indefinite article, not a number
    assert values("هەردوو وڵات") == [] and values("هەر دوو وڵات") == []  # both
    assert values("لە نیو یۆرک") == []
    assert values("واشنتۆن دی سی") == []
    assert values("سەدەی بیستەم") == [("بیستەم", 20, "ordinal", None)]  # سەدە = century
    assert values("کانوونی دووەمی ١٩٤٦") == [("١٩٤٦", 1946, "year", None)]
    assert values("1- پێنج نوێژ") == [("پێنج", 5, "cardinal", None)]  # list marker


def test_karabakh_figures_inline():
    text = ("سوپاکەی دوو هەزار ٣٠٠ سەربازی کوشتووە و ١٣٠ تانک و زیاتر لە ٢٠٠ تۆپخانەی لەنێوبردووە. "
            "هێزەکانیان ٧٩٠ سەربازیان کوشتووە و هەزار و ٩٠٠ی دیکەی بریندارکردووە، هەروەها ١٣٧ تانک، "
            "٧٢ درۆن و ٧ هێلیکۆپتەر و فڕۆکەیەکی تێکشکاندووە.")
    got = [(s.value, s.qualifier) for s in find_numbers(text)]
    assert got == [(2300, None), (130, None), (200, "more_than"), (790, None), (1900, None),
                   (137, None), (72, None), (7, None)]


def test_offsets_point_into_the_original_text():
    text = "هه\u200cزار و نۆسه\u200cد كەس، ٥٠٪ی، ـ٣ـ و يەكەم"
    for s in find_numbers(text):
        assert text[s.start:s.end] == s.text
        if s.qualifier_start is not None:
            assert 0 <= s.qualifier_start < s.qualifier_end <= s.start
    assert [s.value for s in find_numbers(text)][:2] == [1900, 50]


def test_to_dict_is_json_ready():
    d = find_numbers("نزیکەی سەدان کەس")[0].to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["vague"] is True and d["qualifier"] == "about" and d["value"] == 100


@pytest.mark.parametrize("text", ["", "😀" * 50, "\ud800\udfff\ud800", "\x00\x01\x1f\u202e٢\u202c",
                                  "٢" * 5000, "هەزار" * 200, "یەک " * 3000, "ـ" * 100 + "سێ",
                                  "0" * 400 + "." + "9" * 400, "١/٢/٣/٤/٥/٦", "%%%٪٪", "- - -"])
def test_weird_input_never_crashes(text):
    spans = find_numbers(text)
    assert all(isinstance(s, NumberSpan) and text[s.start:s.end] == s.text for s in spans)


def test_one_megabyte_line():
    text = "ئەمڕۆ ٣ کەس و دوو هەزار ٣٠٠ سەرباز هاتن. " * 25000
    spans = find_numbers(text)
    assert len(spans) == 50000


def test_type_errors():
    with pytest.raises(TypeError):
        find_numbers(b"12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse(12)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ Doc, CLI, evaluation


def test_doc_stage():
    from sorani import analyze

    doc = analyze("٧٢ درۆن و ٧ هێلیکۆپتەر")
    assert [n.value for n in doc.numbers] == [72, 7]
    assert doc.to_dict()["numbers"][0]["text"] == "٧٢"


def test_public_api():
    import sorani

    assert sorani.parse_number("سەد و یەک") == 101
    assert sorani.to_words(101) == "سەد و یەک"
    assert sorani.find_numbers("دوو")[0].value == 2


def test_cli(tmp_path, capsys):
    from sorani.cli import main

    assert main(["words", "21000"]) == 0
    assert capsys.readouterr().out.strip() == "بیست و یەک هەزار"
    assert main(["words", "--ordinal", "٣"]) == 0
    assert capsys.readouterr().out.strip() == "سێیەم"
    assert main(["words", "سەد دوو"]) == 1
    capsys.readouterr()
    f = tmp_path / "t.txt"
    f.write_text("یەکەم\nزیاتر لە ٢٠٠ کەس\n", encoding="utf-8")
    assert main(["numbers", str(f), "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["value"], r["start"], r["qualifier"]) for r in rows] == [(1, 0, None), (200, 15, "more_than")]
    text = f.read_text(encoding="utf-8")
    assert text[rows[1]["start"]:rows[1]["end"]] == "٢٠٠"
    assert main(["numbers", str(f)]) == 0
    assert "more_than" in capsys.readouterr().out


def test_dev_set_scores_perfectly():
    from sorani.evaluate.numbers import evaluate_numbers, load_dev_set

    rows = load_dev_set()
    assert len(rows) >= 150
    assert len({r["snippet"] for r in rows}) >= 100
    result = {r["metric"]: r["value"] for r in evaluate_numbers(Path("."))}
    assert result["all fields exact"] == 1.0
    assert result["span precision"] == 1.0


# ---------------------------------------------------------------------- with the shared data


def shared():
    d = shared_data_dir()
    if d is None:
        pytest.skip("shared data not available")
    return d


def test_dev_set_snippets_are_verbatim_from_their_sources():
    from sorani.evaluate.numbers import load_dev_set

    d = shared()
    cache: dict[str, str] = {}
    for r in load_dev_set():
        if r["source"] not in cache:
            # the TSV cannot hold tabs: snippets show them as spaces
            cache[r["source"]] = (d / r["source"]).read_text(encoding="utf-8", errors="replace").replace("\t", " ")
        assert r["snippet"] in cache[r["source"]], r["snippet"]
        assert r["expression"] in r["snippet"]


def test_karabakh_article():
    d = shared()
    path = d.parent / "examples" / "news-article-karabakh.txt"
    if not path.exists():
        pytest.skip("example article not available")
    text = path.read_text(encoding="utf-8")
    got = [(s.text, s.value, s.qualifier) for s in find_numbers(text)]
    assert got == [("دوو هەزار ٣٠٠", 2300, None), ("١٣٠", 130, None), ("٢٠٠", 200, "more_than"),
                   ("٧٩٠", 790, None), ("هەزار و ٩٠٠ی", 1900, None), ("١٣٧", 137, None),
                   ("٧٢", 72, None), ("٧", 7, None)]


def test_fast_scan_equals_full_pattern_on_corpus_lines():
    d = shared()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from corpus import load_corpus

    lines = load_corpus(max_chars=400_000, data=str(d))
    random.Random(3).shuffle(lines)
    for line in lines[:1500]:
        fast = [(s.start, s.end, s.value, s.kind, s.qualifier) for s in find_numbers(line)]
        slow = [(s.start, s.end, s.value, s.kind, s.qualifier) for s in _find_slow(line)]
        assert fast == slow, line


def test_numbers_joined_by_and_are_not_lost():
    assert [s.value for s in find_numbers("دوو و سێ")] == [2, 3]
    assert [s.value for s in find_numbers("١٣٠ و ٢٠٠")] == [130, 200]
    assert [(s.value, s.high) for s in find_numbers("1-3 و 5")] == [(1, 3), (5, None)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=6),
       st.lists(st.booleans(), min_size=6, max_size=6))
def test_every_number_is_covered(ints, as_digits):
    parts = [convert_digits(str(n), "arabic") if d else to_words(n) for n, d in zip(ints, as_digits)]
    text = " و ".join(parts)
    spans = find_numbers(text)
    covered = set()
    for s in spans:
        covered.update(range(s.start, s.end))
    pos = 0
    for part in parts:
        start = text.index(part, pos)
        assert start in covered, (text, part)
        pos = start + len(part)
    # separated by commas, each is read on its own with its value
    text = "، ".join(parts)
    assert [s.value for s in find_numbers(text)] == ints


def test_caches_do_not_change_results(monkeypatch):
    import sorani.numbers as N

    d = shared()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from corpus import load_corpus

    lines = load_corpus(max_chars=200_000, data=str(d))
    cached = [[s.to_dict() for s in find_numbers(line)] for line in lines]

    class NoCache(dict):
        def __setitem__(self, key, value):
            pass

    # the sequence cache holds the cached descriptions too; the gates keep their own caches
    monkeypatch.setattr(N, "_SEQ_CACHE", NoCache())
    monkeypatch.setattr(N, "_NW_CACHE", NoCache())
    lex = N._lex()
    for name in ("left_gate", "left_gate_single", "right_gate", "right_gate_single"):
        gate = getattr(lex, name)
        monkeypatch.setattr(lex, name, gate[:2] + (NoCache(),) + gate[3:])
    fresh = [[s.to_dict() for s in find_numbers(line)] for line in lines]
    assert cached == fresh


def test_and_a_half_after_the_counted_noun():
    assert values("نزیکەی چوار مانگ و نیو") == [("چوار مانگ و نیو", 4.5, "decimal", "about")]
    assert values("دوو ساڵ و نیوی خایاند") == [("دوو ساڵ و نیوی", 2.5, "decimal", None)]


# --- a day number before a month name is part of a date (patterns of the corpus: 8ى شوباتى 1963)
@pytest.mark.parametrize("text, want", [
    ("لە ١٤ی تشرینی دووەمی ٢٠٢٥ دا", [("١٤ی", 14, None, "date"), ("٢٠٢٥", 2025, None, "year")]),
    ("لە 8ى شوباتى 1963 دا", [("8ى", 8, None, "date"), ("1963", 1963, None, "year")]),
    ("ڕۆژی ٢١ی خاکەلێوە", [("٢١ی", 21, None, "date")]),
    ("یادی یەکی ئایار", [("یەکی", 1, None, "date")]),
    ("لە ٢٢ی ئادار تاکو ١ی نیسانی ١٩٨٨", [("٢٢ی", 22, None, "date"), ("١ی", 1, None, "date"),
                                          ("١٩٨٨", 1988, None, "year")]),
    ("لە (7 تا 20 نیسانی 1988)", [("7 تا 20", 7, 20, "date"), ("1988", 1988, None, "year")]),
    ("١٧ کانوونی یەکەم", [("١٧", 17, None, "date")]),
])
def test_day_before_a_month_name_is_a_date(text, want):
    assert [(s.text, s.value, s.high, s.kind) for s in find_numbers(text)] == want


@pytest.mark.parametrize("text, want", [
    ("دوو ئازار", [("دوو", 2, "cardinal")]),       # two pains: a number word needs ی to be a day
    ("٣٥ی ئازار", [("٣٥ی", 35, "cardinal")]),      # no month has 35 days
    ("٥ ئابووری", [("٥", 5, "cardinal")]),         # starts like ئاب, is another word
    ("تشرینی یەکەم", []),                          # a month name alone holds no number
    ("٢ مانگ", [("٢", 2, "cardinal")]),
])
def test_month_like_words_that_make_no_date(text, want):
    assert [(s.text, s.value, s.kind) for s in find_numbers(text)] == want


def test_every_month_of_the_data_file_makes_a_date():
    from sorani._data import read_rows

    names = [r[0] for r in read_rows("numbers/months.tsv") if r[0] != "ending"]
    assert len(names) >= 24
    for name in names:
        spans = find_numbers(f"لە ١٠ی {name}ی ٢٠٢٠ دا")
        assert [(s.value, s.kind) for s in spans][:1] == [(10, "date")], name


def test_digits_glued_after_e_are_a_number() -> None:
    # ە never joins the next letter: "کە3" reads "کە 3" (a lost space or ZWNJ); the glued word
    # is the word before the number (its qualifier); after a joining letter digits stay part of a name
    from sorani.numbers import find_numbers
    assert [(n.text, n.value) for n in find_numbers("ماوەی ڕۆژانە4 کاتژمێر کارەبا هەیە")] == [("4", 4)]
    assert [(n.text, n.qualifier) for n in find_numbers("زیاتر لە250 خوێندکار")] == [("250", "more_than")]
    assert find_numbers("ڤایرۆسی کۆڤید19 و لقی14ی پارتی") == []


def test_number_word_after_glued_le_be() -> None:
    # لە/بە "in/with" glued to a number word (لەسێ = لە سێ); not where the whole is another word
    from sorani.numbers import find_numbers
    assert [(n.text, n.value, n.qualifier) for n in find_numbers("زیاتر لەشەش هەزار مامۆستا")] == \
        [("شەش هەزار", 6000, "more_than")]
    assert [(n.text, n.value) for n in find_numbers("بەپێنج دەنگ بردیەوە")] == [("پێنج", 5)]
    assert find_numbers("ڕێگای بەهەشت و کارکردن بەیەکەوە") == []
    assert find_numbers("ئەوەندەمان بەسی لێ دەکەین و لەدووی ڕۆیشتین") == []


def test_one_after_another_lungs_and_all_three() -> None:
    from sorani.numbers import find_numbers
    assert find_numbers("ماڵەکان یەک بەدوای یەک ڕووخان") == []
    assert find_numbers("نەخۆشی سییەکان زیادی کردووە") == []
    # هەر سێ "all three" is a count (هەر دوو "both" and هەر یەک "each" are not)
    assert [(n.text, n.value) for n in find_numbers("هەر سێ برادەرەکە و هەر دوو خوشکەکە")] == [("سێ", 3)]


def test_digits_glued_to_the_word_after() -> None:
    # digits never join the letter after them: "20ساڵ" reads "20 ساڵ", "12هەزار" is 12000
    from sorani.numbers import find_numbers
    assert [(n.text, n.value) for n in find_numbers("تەمەنی 20ساڵ بوو")] == [("20", 20)]
    assert [(n.text, n.value) for n in find_numbers("بە15هەزار دینار")] == [("15هەزار", 15000)]
    assert find_numbers("Windows 3D و 16م") == []


def test_bracketed_figure_at_line_start_before_a_multiplier_is_an_amount() -> None:
    # ( 12 ) هەزار at the start of a line: an amount written with brackets, not a list marker
    from sorani.numbers import find_numbers
    text = "( 30 ) هەزار کەس ئاوارە بوون"
    assert [text[x.start:x.end] for x in find_numbers(text)] == ["30", "هەزار"]
    assert find_numbers("( 3 ) کۆبوونەوەکە دواخرا") == []


def test_year_after_end_or_start_of() -> None:
    from sorani.numbers import find_numbers
    assert [(x.value, x.kind) for x in find_numbers("تا کۆتایی 2024 لێرە دەمێنن")] == [(2024, "year")]
    assert [(x.value, x.kind) for x in find_numbers("لە سەرەتای 1991 دا")] == [(1991, "year")]
    assert [(x.value, x.kind) for x in find_numbers("لە کۆتایی 400 مەترەکەدا")] == [(400, "cardinal")]
