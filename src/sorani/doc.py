"""``Doc``: the full analysis of a text, and ``analyze(text)`` that builds it.

>>> doc = analyze("ئەمڕۆ باران بارى. سبەی خۆرە.")
>>> [s.text for s in doc.sentences]
['ئەمڕۆ باران بارى.', 'سبەی خۆرە.']
>>> doc.tokens[2].norm
'باری'

JSON form (``Doc.to_dict()``, stable: fields are added, never renamed or removed; ``version``
changes only if that promise is broken)::

    {"version": 1, "text": str,
     "sentences": [{"text", "start", "end"}],
     "tokens":   [{"text", "norm", "kind", "start", "end",
                   "lemma", "pos", "features", "morphemes": [{"text", "tag", "start", "end"}],  # morphology
                   "latin"}],                                                                  # translit
     "numbers":  [{"text", "start", "end", "value", "kind", "qualifier", "vague", "high",
                   "qualifier_start", "qualifier_end"}],
     "entities": [{"start", "end", "type", "text", "english", "wikidata", "how"}],
     "quotes":   [{"start", "end", "text", "speaker": {"start", "end", "text", "type", "english"}}],
     "claims":   [{"start", "end", "text", "value", "thing", "event", "qualifier", "source",
                   "source_start", "source_end", "source_english"}]}

Token fields of a stage that did not run are absent; a span list is present when its stage ran.
All offsets, morphemes' included, are code points into ``text``, start inclusive, end exclusive.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from sorani.sentences import Sentence, sentences
from sorani.tokenize import Token, TokenList, tokenize

JSON_VERSION = 1

# Optional stages run by analyze(), in order: "name" -> "module:function(doc) -> None".
# Each one fills token fields or a span list in ``Doc.layers``.
STAGES: dict[str, str] = {
    "numbers": "sorani.numbers:numbers_stage",
    "entities": "sorani.entities:tag_doc",
    "facts": "sorani.facts:facts_doc",
    "morphology": "sorani.morphology:morphology_stage",
    "translit": "sorani.translit:translit_stage",
}


@dataclass
class Doc:
    """A text with its sentences, tokens and whatever later stages add to ``layers``
    (``numbers``, ``entities``, ``quotes``, ``claims``: lists of JSON-ready span dicts or objects
    with ``to_dict()``)."""

    text: str
    tokens: TokenList
    sentences: list[Sentence]
    layers: dict[str, list[Any]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> list[Any]:
        layers = self.__dict__.get("layers", {})
        if name in layers:
            return layers[name]
        raise AttributeError(f"'Doc' has no attribute {name!r}")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"version": JSON_VERSION, "text": self.text,
                             "sentences": [s.to_dict() for s in self.sentences],
                             "tokens": [t.to_dict() for t in self.tokens]}
        for name, spans in self.layers.items():
            d[name] = [s.to_dict() if hasattr(s, "to_dict") else s for s in spans]
        return d

    def pretty(self) -> str:
        """A readable listing: each sentence with its span, its tokens (kinds other than word
        marked), what normalization changed, then every span layer a later stage added."""
        lines: list[str] = []
        tokens = list(self.tokens)
        ti = 0
        for n, sent in enumerate(self.sentences, 1):
            lines.append(f"[{n}] {sent.start}-{sent.end}  {sent.text}")
            mine = []
            while ti < len(tokens) and tokens[ti].start < sent.end:
                if tokens[ti].start >= sent.start:
                    mine.append(tokens[ti])
                ti += 1
            lines.append("    tokens: " + " | ".join(map(_token_label, mine)))
            changed = [f"{t.text} → {t.norm} ({t.start}-{t.end})" for t in mine if t.norm != t.text]
            if changed:
                lines.append("    normalized: " + "; ".join(changed))
        for name, spans in self.layers.items():
            if spans:
                lines.append(f"{name}:")
                lines.extend("    " + _span_label(s) for s in spans)
        return "\n".join(lines) + "\n"


def _token_label(t: Token) -> str:
    """``text``, with its kind when not a word and its lemma when it differs: ``دەخوێنن⟨خوێندن⟩``."""
    if t.kind != "word":
        return f"{t.text}‹{t.kind}›"
    return f"{t.text}⟨{t.lemma}⟩" if t.lemma and t.lemma != t.norm else t.text


def _span_label(span: Any) -> str:
    """One line for a span of a layer: its offsets and text, then its other set fields."""
    d = span.to_dict() if hasattr(span, "to_dict") else dict(span)
    head = f"{d.pop('start', '?')}-{d.pop('end', '?')}  {d.pop('text', '')}"
    rest = [f"{k}={v}" for k, v in d.items() if v not in (None, "", [], {}, False)
            and not k.endswith(("_start", "_end"))]
    return head + ("  " + " ".join(rest) if rest else "")


def analyze(text: str, stages: list[str] | None = None) -> Doc:
    """Analyze ``text``: sentences and tokens, then the registered later stages (all by default,
    or the ones named in ``stages``)."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() expects str, not {type(text).__name__}")
    doc = Doc(text=text, tokens=tokenize(text), sentences=sentences(text))
    for name in (STAGES if stages is None else stages):
        module, func = STAGES[name].split(":")
        getattr(importlib.import_module(module), func)(doc)
    return doc
