"""Named entities of Sorani text: PER, LOC, ORG and DATE spans in the original text.

>>> [(e.text, e.label, e.english) for e in find_entities("ئیمانوێل ماکرۆن، سەرۆکی فەرەنسا")]
[('ئیمانوێل ماکرۆن', 'PER', 'Emmanuel Macron'), ('فەرەنسا', 'LOC', 'France')]
"""
from __future__ import annotations

from typing import Any

from sorani.entities.gazetteer import Entry, Gazetteer, fold_key, gazetteer
from sorani.entities.tagger import LABELS, Entity, find_entities

__all__ = ["Entity", "Entry", "Gazetteer", "LABELS", "find_entities", "gazetteer", "fold_key", "tag_doc"]


def tag_doc(doc: Any) -> None:
    """``doc.STAGES`` stage: fill ``doc.layers["entities"]``."""
    doc.layers["entities"] = find_entities(doc.text)
