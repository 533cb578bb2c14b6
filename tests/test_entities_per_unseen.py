"""Entities: person rules for names never seen in the gazetteer (issue 7, unseen news). The sentences
are written for these tests (no fixture sentence); each test checks a rule and its guard."""
from __future__ import annotations

from sorani.entities import find_entities


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_more_given_names() -> None:
    # a listed given name opens a person's name with the family name after it
    assert ("هوشەنگ کەریمی", "PER") in spans("هوشەنگ کەریمی دوێنێ گەیشتە هەولێر.")
    assert ("ڤلادیمێر پوتین", "PER") in spans("ڤلادیمێر پوتین سەردانی چینی کرد.")


def test_nationality_after_a_name_is_no_surname() -> None:
    # a gentilic adjective after the name qualifies the person; it is no family name
    got = spans("یاریزان ئاندی مێری ئەمەریکی گەیشتە یاری کۆتایی.")
    assert ("ئاندی مێری", "PER") in got
    assert all("ئەمەریکی" not in text for text, _ in got)
