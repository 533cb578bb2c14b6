"""Entities: organisation rules for names never seen in the gazetteer (issue 7, unseen news). The
sentences are written for these tests (no fixture sentence); each test checks a rule and its guard."""
from __future__ import annotations

from sorani.entities import find_entities


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_consulate_senate_and_foundation_heads() -> None:
    # a consulate, senate or foundation named with its place is one ORG span, like a ministry
    assert ("کونسوڵخانەی ئیتاڵیا", "ORG") in spans("کونسوڵخانەی ئیتاڵیا لە هەولێر داخرا.")
    assert ("سیناتی فەرەنسا", "ORG") in spans("دوێنێ سیناتی فەرەنسا دەنگی دا.")
    assert ("دامەزراوەی ژیان", "ORG") in spans("دامەزراوەی ژیان ڕایگەیاند کە یارمەتی دەنێرێت.")
    # a bare head coordinated with another body has no name of its own
    got = spans("هیوادارین کونسوڵگەری و وەزارەتی دەرەوەی نەمسا یارمەتی بدەن.")
    assert all(not text.startswith("کونسوڵگەری") for text, _ in got)
