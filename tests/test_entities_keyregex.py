"""Speed rewrites of the entity and fact passes (issue 7, third speed round) against the forms
they replaced, over generated text: the key regexes searched from a literal (a line break, the
glued preposition, the indefinite ending) instead of tried from every line start, the positions
of key sets by a set intersection, ``_entity_index`` by bisection, ``fold_key`` with its memo.
The word fragments were written for these tests."""
from __future__ import annotations

import importlib
import re
import sys
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from sorani._regex import trie_pattern
from sorani.entities.gazetteer import _FOLD_TABLE, fold_key, gazetteer, key_of_folded, scan, single_triggers
from sorani.entities.tagger import (_GLUED_PREFIXES, _date_start_keys, _glued_head_keys, _merge, find_entities,
                                    key_index, word_ends)

T = sys.modules["sorani.entities.tagger"]
F = importlib.import_module("sorani.facts")

FRAGMENTS = ["لە", "بە", "بۆ", "کە", "و", "پەرلەمانی", "وەزارەتی", "زانکۆی", "ئەنجوومەنی", "عێراق", "چەتە",
             "یەک", "ێک", "یەکی", "ێکیش", "یەکیشی", "ئەڵمانیا", "فەرەنسا", "ماکرۆن", "هایکۆ", "ماس", "کوژران",
             "برینداربوون", "تانک", "سەرباز", "ی", "ە", "ش", "دا", "ەوە", "کان", "ئازەربایجان", "ئەرمینیا",
             "سەرۆکی", "گوتی", "ڕایگەیاند", "١٣٠", "2020", "٣", "ساڵی", "مانگی", "ئازار", "شەممە", "\u200c",
             "ك", "ي", "ه", "ة", "ـ", "a", "Z", "ﻻ", "😀", "لەپەرلەمانی", "بەزانکۆی", "وەزارەتیلەپەرلەمانی",
             "وپەرلەمانی", "کەلەوەزارەتی", "لە‌پەرلەمانی", "چەتەیەکی", "فڕۆکەیەک", "لەفەرەنسا", "بەکوژران",
             "سەعیدپوور", "حەسەنزادە", "شەممەبەهای", "ئەرمینیاڕاگرێت"]
GLUE = [" ", " ", " ", "", "\n", "، ", ". ", " «", "» ", "-", ": "]
text_st = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(GLUE)), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts))


def _old_glued(index, heads):  # type: ignore[no-untyped-def]
    alt = "|".join(sorted((re.escape(h) for h in heads if h.endswith("ی")), key=len, reverse=True))
    pre = "|".join(map(re.escape, _GLUED_PREFIXES))
    return frozenset(re.compile(f"^[^\n]*(?:{pre})(?:{alt})$", re.M).findall(index.blob)) - heads


@settings(max_examples=300, deadline=None)
@given(text_st)
def test_key_regexes_find_what_the_line_start_forms_found(text: str) -> None:
    words = scan(text)
    index = key_index(words)
    heads = single_triggers("org_head")
    assert _glued_head_keys(index, heads) == _old_glued(index, heads)
    some = frozenset(fold_key(x) for x in ("پەرلەمانی", "زانکۆی", "ی", "کان"))
    assert _glued_head_keys(index, some) == _old_glued(index, some)
    # the name starts (the pattern text is the one kept in the cache: "^" + ...)
    gaz = gazetteer()
    old_name = re.compile("^" + T._name_start_rx(gaz).pattern[2:-1], re.M)
    assert T._name_start_rx(gaz).findall(index.nl_blob) == old_name.findall(index.blob)
    # the event stems and the indefinite ending
    rx, _ = F._event_index()
    assert index.found(F._event_line_rx()) == re.compile("^" + rx.pattern + ".*$", re.M).findall(index.blob)
    old_indef = re.compile("\n([^\n]*" + trie_pattern(F._INDEF_KEYS) + ")$", re.M)
    assert F._indef_positions(words) == _merge([index.at[k] for k in old_indef.findall(index.nl_blob) if len(k) >= 6])


@settings(max_examples=200, deadline=None)
@given(text_st)
def test_positions_and_entity_index_as_before(text: str) -> None:
    words = scan(text)
    index = key_index(words)
    at = index.at
    for keys in (single_triggers("org_head"), single_triggers("loc_head"), frozenset(list(at)[:3]), {"x": 1},
                 _date_start_keys(single_triggers("date_head"), single_triggers("weekday"),
                                  T.triggers().get("month", {}))):
        assert index.positions(keys) == _merge([at[k] for k in keys if k in at])
    ents = find_entities(text, words)
    out = [None] * len(words)  # the loop _entity_index replaced
    ends = word_ends(words)
    k = 0
    for e in sorted((e for e in ents if e.label != "DATE"), key=lambda e: e.start):
        k = bisect_right(ends, e.start, k)
        j = k
        while j < len(words) and words[j].start < e.end:
            out[j] = e
            j += 1
    assert F._entity_index(ents, words) == out


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_st, st.text(max_size=100)))
def test_fold_key_memo(text: str) -> None:
    want = key_of_folded(text.translate(_FOLD_TABLE))
    assert fold_key(text) == want
    assert fold_key(text) == want  # (the second call reads the memo)
    long = text * 10 + "ك"
    assert fold_key(long) == key_of_folded(long.translate(_FOLD_TABLE))


NEW_RX = re.compile("\n(بە[^\n]{3,})$", re.M)  # a query met for the first time between two texts


@settings(max_examples=200, deadline=None)
@given(st.lists(text_st, min_size=1, max_size=4))
def test_found_keys_as_the_regexes_over_the_text(texts: list[str]) -> None:
    """``_KeyIndex.found`` reads the verdicts kept with the word forms (listed by the compiled
    scan, or the regex run over the text): over several texts in a row, and for a query first
    asked after a text was scanned, it gives what the regex finds over each text's own keys, in
    the same order."""
    queries = [(T._name_start_rx(gazetteer()), False), (T._ONE_CHAR_KEY, False), (F._event_line_rx(), False),
               (T._glued_weekday_rx(), True), (T._glued_heads_rx(single_triggers("org_head")), True)]
    for n, text in enumerate(texts):
        index = key_index(scan(text))
        if n == 1:
            queries.append((NEW_RX, False))
        for q, lines in queries:
            if lines:
                ending = T.keys_ending(index.nl_blob, q)
                assert index.found(q, lines=True) == [k for k in index.at if k in ending]
            else:
                assert index.found(q) == q.findall(index.nl_blob)
        suffixes = T._SURNAME_NAME_ENDS
        old = {k for k in index.at if k.endswith(suffixes) and len(k) >= 3 + min(map(len, suffixes))}
        assert T._keys_with_suffix(index, suffixes) == old
