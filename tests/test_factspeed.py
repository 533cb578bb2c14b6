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
    for bad in (None, (), ("a",) * 6, ("a",) * 6 + (1,), [""] * 7):
        assert G._gazetteer_from_tables(bad) is None


def test_gazetteer_is_the_plain_one() -> None:
    plain, got = _plain_gazetteer(), G.gazetteer()
    assert got.entries == plain.entries
    assert list(got.single.items()) == list(plain.single.items())
    assert list(got.multi.items()) == list(plain.multi.items())
