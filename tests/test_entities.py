"""Entities: gazetteer matching with clitics and prepositions, rules, dates, robustness."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import sorani
from sorani._data import shared_data_dir
from sorani.entities import find_entities, fold_key, gazetteer

FIXTURES = Path(__file__).parent / "fixtures" / "ner"


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_gazetteer_is_large_and_well_formed() -> None:
    gaz = gazetteer()
    assert len(gaz.entries) >= 300
    for e in gaz.entries:
        assert e.label in ("PER", "LOC", "ORG")
        assert e.english and e.variants
        assert not e.wikidata or e.wikidata.startswith("Q")
    assert gaz.lookup("ئەڵمانیا").english == "Germany"


@pytest.mark.parametrize("text,name", [
    ("ئازەربایجانیان", "ئازەربایجان"),
    ("ئەڵمانیاش", "ئەڵمانیا"),
    ("لەئەمریکا", "ئەمریکا"),
    ("تورکیاوە", "تورکیا"),
    ("داعشەوە", "داعش"),
])
def test_span_leaves_out_clitics_and_prepositions(text: str, name: str) -> None:
    ents = find_entities(text)
    assert [e.text for e in ents] == [name]
    assert text[ents[0].start:ents[0].end] == name


def test_gentilic_is_not_the_place() -> None:
    assert spans("بەرپرسێکی ئێرانی") == []


def test_folding_legacy_and_arabic_letters() -> None:
    # legacy heh + ZWNJ and Arabic kaf/yeh still match, offsets point into the original
    text = "له\u200cئه\u200cڵمانیا و كوردستان"
    ents = find_entities(text)
    assert [e.english for e in ents] == ["Germany", "Kurdistan"]
    for e in ents:
        assert text[e.start:e.end] == e.text
    assert fold_key("ئه\u200cڵمانیا") == fold_key("ئەڵمانیا")


def test_news_rules() -> None:
    text = "کاراپێت سپانیان خەڵکی شارۆچکەی هاردوتی هەرێمەکەیە."
    assert ("کاراپێت سپانیان", "PER") in spans(text)
    assert ("هاردوت", "LOC") in spans(text)
    text = "بەگوێرەی وەزارەتی بەرگریی ئەرمینیاش"
    assert spans(text) == [("وەزارەتی بەرگریی ئەرمینیا", "ORG")]
    assert ("گرووپی مینسک", "ORG") in spans("وەکو بەشێک لە گرووپی مینسک")
    # an unknown name in apposition before a title, then its surname alone later
    text = "زۆراب کەلهوڕ، وەزیری دەرەوەی گورجستان گوتی. کەلهوڕ دەڵێت"
    got = spans(text)
    assert ("زۆراب کەلهوڕ", "PER") in got and ("کەلهوڕ", "PER") in got and ("گورجستان", "LOC") in got


def test_titles_are_left_out() -> None:
    assert spans("دکتۆر زانیار کەرەمی") == [("زانیار کەرەمی", "PER")]


def test_dates() -> None:
    assert ("21ی ئازاری 2020", "DATE") in spans("لە 21ی ئازاری 2020دا")
    assert ("ساڵی 1930", "DATE") in spans("ساڵی 1930 گوندەکە سووتا")
    assert ("ڕۆژی شەممە 11ی خەزڵوەری ساڵی 98", "DATE") in spans("ڕۆژی شەممە 11ی خەزڵوەری ساڵی 98، گیرا")
    assert spans("2000 سەرباز") == []


def test_karabakh_entities() -> None:
    data = shared_data_dir()
    if data is None or not (data.parent / "examples" / "news-article-karabakh.txt").exists():
        pytest.skip("shared example not available")
    text = (data.parent / "examples" / "news-article-karabakh.txt").read_text(encoding="utf-8")
    ents = find_entities(text)
    english = {e.english for e in ents}
    for name in ("Heiko Maas", "Emmanuel Macron", "Turkey", "Azerbaijan", "Armenia", "Nagorno-Karabakh",
                 "Germany", "France", "Russia", "Moscow", "Ankara", "New York City", "Europe",
                 "UN Security Council", "OSCE Minsk Group", "Ministry of Defence (Azerbaijan)",
                 "Ministry of Defence (Armenia)"):
        assert name in english, name
    texts = {(e.text, e.label) for e in ents}
    assert ("کاراپێت سپانیان", "PER") in texts and ("هاردوت", "LOC") in texts
    for e in ents:
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("text", ["", " ", "😀🎉", "\x00\x01\x7f", "abc DEF", "\ud800 لە", "،،،«»\"\"",
                                  "ئ" * 200, "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8])
def test_bad_input_never_crashes(text: str) -> None:
    for e in find_entities(text):
        assert 0 <= e.start < e.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ئەڵمانیا تورکی،.\"«»لەبە١٢3 ی\u200cكيه")), max_size=80))
def test_offsets_are_sacred(text: str) -> None:
    prev_end = 0
    for e in find_entities(text):
        assert text[e.start:e.end] == e.text
        assert e.start >= prev_end  # flat, non-overlapping
        prev_end = e.end


def test_long_line_is_linear() -> None:
    text = "هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا لە بەرلین گوتی. " * 2000
    ents = find_entities(text)
    assert len(ents) >= 6000


def test_doc_layer_and_public_api() -> None:
    doc = sorani.analyze("ئیمانوێل ماکرۆن، سەرۆکی فەرەنسا", stages=["entities"])
    assert [e.english for e in doc.entities] == ["Emmanuel Macron", "France"]
    assert doc.entities[0].to_dict()["type"] == "PER"
    assert sorani.find_entities("لە ئێران")[0].english == "Iran"


def test_dev_fixture_is_never_empty_and_scored() -> None:
    if not (FIXTURES / "ner_dev.jsonl").exists():
        pytest.skip("dev fixture not merged")
    from sorani.evaluate.entities import ner_scores
    items = [json.loads(line) for line in (FIXTURES / "ner_dev.jsonl").read_text(encoding="utf-8").splitlines()[:40]]
    tp, pred, gold = ner_scores(items)["ALL"]
    assert gold > 0 and 0 <= tp <= min(pred, gold)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ئەڵمانیاكيهە١٢3a Z.،«»\"\u200c\u200d\u064b\u0640\u2060\ufeff\u200f\n\t😀"))
               | st.characters(), max_size=60))
def test_scan_matches_the_gap_word_reference(text: str) -> None:
    # scan splits the text once; the units and offsets are those of the (gap, unit) regex
    import sys

    g = sys.modules["sorani.entities.gazetteer"]
    end, ref = 0, []
    for gap, unit in g._GAP_WORD.findall(text):
        start = end + len(gap)
        end = start + len(unit)
        ref.append((start, end, unit))
    words = g.scan(text)
    assert [(w.start, w.end, text[w.start:w.end]) for w in words] == ref
    assert {u: lst for u, lst in words.units.items()} == {
        u: [i for i, r in enumerate(ref) if r[2] == u] for u in {r[2] for r in ref}}


def _tagger():
    import sys

    return sys.modules["sorani.entities.tagger"]


def test_long_text_name_regex_finds_what_the_per_form_test_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    # a long text compiles one regex for the words a name can start at; a short one tests each
    # form: both must find the same entities (the regex only skips words that cannot match)
    t = _tagger()
    gaz = gazetteer()
    names = [v.lstrip("~") for e in gaz.entries[:600] for v in e.variants[:1]]
    letters = "بپتجچدرزسشفکگلمنهێ"
    made = [a + b + c + "ان" for a in letters[:9] for b in letters for c in letters[:8]]  # unknown words
    text = " و ".join(f"لە{n}ەوە، {n}ش گوتی" for n in names) + ". " + " ".join(
        f"{w} گوندی {w}ی" for w in made)
    monkeypatch.setattr(t, "_NAME_START", {})
    monkeypatch.setattr(t, "_UNIT_MAY_MATCH", {})
    assert len(t.key_index(t.scan(text)).at) > t._NAME_RX_MIN_KEYS  # long enough for the regex
    find_entities(text[:300])
    assert not t._NAME_START  # a short text compiles no regex
    with_regex = [(e.start, e.end, e.label, e.english) for e in find_entities(text)]
    assert t._NAME_START
    t._NAME_START.clear()
    monkeypatch.setattr(t, "_NAME_RX_MIN_KEYS", 10**9)
    gaz.word_cache.clear()
    per_form = [(e.start, e.end, e.label, e.english) for e in find_entities(text)]
    assert not t._NAME_START
    assert with_regex == per_form and len(with_regex) > 300


def test_key_index_joins_the_forms_of_one_key() -> None:
    t = _tagger()
    words = t.scan("ئەڵمانیا و ئەلمانیا و ئه‌ڵمانیا ، ئەڵمانیا")
    index = t.key_index(words)
    key = fold_key("ئەڵمانیا")
    assert index.at[key] == [0, 2, 4, 6] and key in index.merged
    assert sorted(i for lst in index.by_form.values() for i in lst) == list(range(len(words)))
    assert index.by_form["ئەڵمانیا"] == [0, 6]  # the form lists are left as they are


def _unknown_key_reference(k: str, common: frozenset[str], depth: int = 0) -> bool:
    """The plain form of ``_unknown_key``: every ending length tried at each cut."""
    from sorani.entities.tagger import _MORPH_LENGTHS, _MORPH_SET

    if k in common:
        return False
    if depth >= 2:
        return True
    for n in _MORPH_LENGTHS:
        if len(k) - n >= 2 and k[-n:] in _MORPH_SET:
            k1 = k[:-n]
            if k1 in common:
                return False
            if depth == 0 and any(len(k1) - n2 >= 2 and k1[-n2:] in _MORPH_SET and k1[:-n2] in common
                                  for n2 in _MORPH_LENGTHS):
                return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="کتابەنیشمدوێا", max_size=12), st.integers(0, 2))
def test_unknown_key_tries_the_same_endings_as_the_plain_form(word: str, depth: int) -> None:
    from sorani.entities.tagger import _unknown_key

    common = _common_for_test()
    key = fold_key(word)
    assert _unknown_key(key, common, depth) == _unknown_key_reference(key, common, depth)


@functools.cache
def _common_for_test() -> frozenset[str]:
    from sorani.entities.gazetteer import common_words

    words = common_words()
    return frozenset(words.to_frozenset() if hasattr(words, "to_frozenset") else words) | {"کتاب", "دەست", "شار"}
