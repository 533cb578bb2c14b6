"""Speed work on entities/facts (issue 7): the fast loading paths give the same tables as the
plain ones."""
from __future__ import annotations

import sys

import sorani.entities  # noqa: F401  (loads the gazetteer module)

G = sys.modules["sorani.entities.gazetteer"]


def _plain_gazetteer():  # type: ignore[no-untyped-def]
    rows = G._gazetteer_rows()
    return G.Gazetteer([G.Entry(*row[:4], tuple(row[4])) for row in rows], [row[5] for row in rows])


def test_gazetteer_tables_round_trip() -> None:
    plain = _plain_gazetteer()
    fast = G._gazetteer_from_tables(G._gazetteer_tables())
    assert fast is not None
    assert fast.entries == plain.entries
    assert list(fast.single.items()) == list(plain.single.items())  # (the order counts: _Surface)
    assert list(fast.multi.items()) == list(plain.multi.items())
    assert all(type(amb) is bool for _, amb in fast.single.values())
    ids = {id(e) for e in fast.entries}  # every table refers to the one list of entries
    assert all(id(e) in ids for e, _ in fast.single.values())
    assert all(id(e) in ids for lst in fast.multi.values() for _, e, _ in lst)
    assert fast.lookup("ئەڵمانیا").english == "Germany"
    assert fast.surface().get(G.fold_key("ئەڵمانیاش")) == plain.surface().get(G.fold_key("ئەڵمانیاش"))


def test_gazetteer_tables_reject_other_values() -> None:
    good = G._gazetteer_tables()
    for bad in (None, (), ("a",) * 6, ("a",) * 10 + (1,), [""] * 11, ("a",) * 7, ("a",) * 11,
                ("LOC\tx",) + good[1:], good[:2] + ("x",) + good[3:], good[:7] + ("x",) + good[8:]):
        assert G._gazetteer_from_tables(bad) is None


def test_gazetteer_is_the_plain_one() -> None:
    plain, got = _plain_gazetteer(), G.gazetteer()
    assert got.entries == plain.entries
    assert list(got.single.items()) == list(plain.single.items())
    assert list(got.multi.items()) == list(plain.multi.items())


def test_given_names_are_the_folded_lines() -> None:
    lines = G._lines(G.data_path("entities") / "given_names.txt")
    assert G.given_names() == frozenset(G.fold_key(w.strip()) for w in lines)


# ------------------------------------------------------------------------------------------
# SortedWords over UTF-8 bytes (common_words reads its file undecoded)

from hypothesis import given, settings, strategies as st  # noqa: E402

from sorani._data import SortedWords  # noqa: E402

_ALPHABET = st.sampled_from(list("ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێ") + ["a", "z", "\u200c", "\U0010ffff", "\ud800", "é"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_ALPHABET, min_size=1, max_size=6), max_size=30),
       st.lists(st.text(_ALPHABET, max_size=7), max_size=30))
def test_sorted_words_bytes_match_a_set(words: list[str], probes: list[str]) -> None:
    words = sorted({w for w in words if "\ud800" not in w})  # (a file holds valid UTF-8 only)
    as_bytes = SortedWords(("\n".join(words) + "\n").encode("utf-8"))
    as_str = SortedWords("\n".join(words) + "\n")
    for p in probes + words + [w[:-1] for w in words] + [w + "ی" for w in words] + ["", "\n"]:
        assert (p in as_bytes) == (p in as_str) == (p in set(words)), p
    assert as_bytes.to_frozenset() == frozenset(words)
    assert 5 not in as_bytes and None not in as_bytes


def test_common_words_bytes_as_the_text() -> None:
    common = G.common_words()
    path = G.data_path("entities") / "common_words.txt"
    text = path.read_text(encoding="utf-8")
    body = text[text.index("\n\n") + 2:] if text.startswith("#") and "\n\n" in text else text
    lines = [w for w in body.split("\n") if w]
    sample = lines[:: max(1, len(lines) // 300)]
    for w in sample:
        assert w in common and (w + "\u200c") not in common
    if type(common) is not frozenset:
        assert common.to_frozenset() == frozenset(lines)


def test_events_and_event_index_as_built() -> None:
    import sorani.facts as F

    assert G.events() == G._events()
    rx, firsts = F._event_index()
    assert rx.pattern == F._event_pattern()
    assert firsts == frozenset(st[0] for st, _ in G._events() if len(st) > 1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12), st.integers(-1, 60))
def test_quote_at_bisection_as_the_linear_search(gaps: list[tuple[int, int]], pos: int) -> None:
    import sorani.facts as F

    spans, at = [], 0
    for gap, length in gaps:  # in order, none overlapping (empty ones too), as _find_claims gets them
        spans.append((at + gap, at + gap + length, None))
        at += gap + length
    linear = next((q for q in spans if q[0] <= pos < q[1]), None)
    assert F._quote_at(F._SortedSpans(spans), pos) == linear
    assert F._quote_at(spans, pos) == linear


def test_gazetteer_heads_as_computed() -> None:
    TG = sys.modules["sorani.entities.tagger"]
    plain, fast = _plain_gazetteer(), G._gazetteer_from_tables(G._gazetteer_tables())
    assert getattr(plain, "heads", None) is None and fast.heads is not None
    assert TG._single_heads(fast) == TG._single_heads(plain)
    assert TG._name_heads(fast) == TG._name_heads(plain)
