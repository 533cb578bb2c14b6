"""Quotes and numeric claims of Sorani news: who said what, and which figure counts what, for
which event, according to whom.

>>> quotes, claims = find_facts('ماکرۆن گوتی "ئێمە ئەمە قبووڵ ناکەین".')
>>> [(q.text, q.speaker.text) for q in quotes]
[('ئێمە ئەمە قبووڵ ناکەین', 'ماکرۆن')]
>>> _, claims = find_facts("بەگوێرەی وەزارەتی بەرگریی ئازەربایجان، ١٣٠ تانک و زریپۆش لەنێوبراون.")
>>> [(c.value, c.thing, c.event, c.source) for c in claims]
[(130, 'تانک و زریپۆش', 'destroyed', 'وەزارەتی بەرگریی ئازەربایجان')]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any

from sorani._data import compile_cached
from sorani._gc import no_cycle_collection
from sorani._regex import trie_pattern
from sorani.entities.gazetteer import Word, events, fold_key, recycle, scan, scan_reusing, single_triggers, triggers
from sorani.entities.tagger import (Entity, _first_keys, _merge, _phrase_at, as_word_list, find_entities, key_index,
                                    word_ends, word_starts)

__all__ = ["Quote", "Claim", "Mention", "find_facts", "find_quotes", "find_claims", "facts_doc"]

_START, _END = attrgetter("start"), attrgetter("end")
_OPEN_CLOSE = {"«": "»", "“": "”", '"': '"', "„": "“", "”": "”"}
_SENT_END = {".", "!", "؟", "?", "…"}


@dataclass
class Mention:
    """A mention of a speaker or source: ``text[start:end]``, with the entity ``label`` and
    canonical ``english`` name when it is a known entity."""

    start: int
    end: int
    text: str
    label: str = ""
    english: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.label,
                "english": self.english}


@dataclass
class Quote:
    """A direct quote: the quoted ``text`` (``start``/``end`` without the marks) and its
    ``speaker`` (a ``Mention`` or ``None``)."""

    start: int
    end: int
    text: str
    speaker: Mention | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None}


@dataclass
class Claim:
    """A numeric claim: ``value`` at ``start``/``end``, the counted ``thing``, the ``event``
    (killed, wounded, destroyed, shot_down, arrested, displaced, infected, died, recovered,
    other, none), the ``qualifier`` (more_than, less_than, about) and the ``source`` it is
    attributed to (with ``source_start``/``source_end``)."""

    start: int
    end: int
    text: str
    value: float | int | None
    thing: str | None = None
    event: str = "none"
    qualifier: str | None = None
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_english: str = ""
    thing_start: int | None = None
    thing_end: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "thing": self.thing, "event": self.event, "qualifier": self.qualifier,
                "source": self.source, "source_start": self.source_start, "source_end": self.source_end,
                "source_english": self.source_english}


# ---------------------------------------------------------------------------------------------

def _mention(e: Entity) -> Mention:
    return Mention(e.start, e.end, e.text, e.label, e.english)


def _sentence_bounds(words: list[Word]) -> list[int]:
    """For each word, the index of the first word of its sentence."""
    out: list[int] = []
    first = 0
    for i in key_index(words).positions(_SENT_END):
        out += [first] * (i + 1 - first)
        first = i + 1
    out += [first] * (len(words) - first)
    return out


def _quote_spans(text: str, words: list[Word]) -> list[tuple[int, int, int, int]]:
    """(open word, close word, content start, content end) of each quote."""
    out: list[tuple[int, int, int, int]] = []
    n = len(words)
    resume = 0
    for i in key_index(words).positions(_OPEN_CLOSE.keys()):
        if i < resume:
            continue
        f = words[i].f
        if f == '"' and i > 1 and words[i - 1].f in _SENT_END and words[i - 1].end == words[i].start \
                and words[i - 2].kind == "word" and words[i - 2].end == words[i - 1].start \
                and (words[i].end == len(text) or text[words[i].end].isspace()):
            continue  # بەدەستهێنا." : glued to the end of a sentence and followed by a space, it closes
        close = _OPEN_CLOSE[f]
        j = i + 1
        while j < n and words[j].f != close and (j - i) < 2000:
            if f == '"' and words[j].f in ("«", "“"):
                break
            j += 1
        if j < n and words[j].f == close and j > i + 1:
            s, e = words[i].end, words[j].start
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((i, j, s, e))
            resume = j + 1
    return out


def _is_speech(words: list[Word], i: int) -> int:
    """Number of words of a speech verb phrase at word i (0 if none)."""
    w = words[i]
    if w.kind != "word" or w.key not in _first_keys(triggers().get("speech", {})):
        return 0
    return _phrase_at(words, i, triggers().get("speech", {}))


def _entity_index(ents: list[Entity], words: list[Word]) -> list[Entity | None]:
    """The entity (PER/ORG/LOC) covering each word, if any."""
    n = len(words)
    out: list[Entity | None] = [None] * n
    ends, starts = word_ends(words), word_starts(words)
    k = 0
    for e in sorted((e for e in ents if e.label != "DATE"), key=_START):
        k = bisect_right(ends, e.start, k)  # the first word (from k on) ending after the entity starts
        j = bisect_left(starts, e.end, k, n)  # the first word from k on starting at or after its end
        if j > k:
            out[k:j] = [e] * (j - k)
    return out


def _subject_before(words: list[Word], ent_at: list[Entity | None], verb: int, lo: int,
                    text: str) -> Mention | None:
    """The speaker/source of a speech verb at ``verb``: a person (else organisation, else place)
    named in the clause before it that is not the addressee (``بۆ X``, ``لەگەڵ X``, ``بە Xی گوت``),
    else the noun phrase that opens the clause."""
    start = verb - 1
    while start >= lo and words[start].f not in _SENT_END and not _spaced_dash(text, words[start]):
        start -= 1
    start += 1
    rank = {"PER": 3, "ORG": 2, "LOC": 1}
    best: Entity | None = None
    addressee = _addressee_words()
    for k in range(start, verb):
        e = ent_at[k]
        if e is None or e.label not in rank or (k > start and ent_at[k - 1] is e):
            continue
        if k > 0 and (words[k - 1].key in addressee or (words[k - 1].f in _BRACKET_OR_MARK and k > 1
                                                         and words[k - 2].key in addressee)):
            continue  # بۆ X, بە (X), بە"X": the addressee
        if e.start > words[k].start:  # a glued preposition: بەرووداوی
            continue
        if e.label == "LOC" and k > start and words[k - 1].key.startswith(_HEAD_PREFIX) and len(words[k - 1].key) > 3:
            continue  # لەشاری فەللوجە: where the speaker is, not who speaks
        if e.label == "LOC" and k > start and words[k - 1].kind == "word" and words[k - 1].key.endswith("ی") \
                and words[k - 1].key not in _np_stops():
            continue  # دەستێوەردانی ئێران: a place in ezafe belongs to a noun phrase, it does not speak
        if best is None or rank[e.label] > rank[best.label]:
            best = e
    if best is not None:
        return _mention(best)
    # no entity: a name in brackets after a title (وتەبێژی سایتەکە (میلیندا مۆڵن) وتویەتی), else
    # the noun phrase that opens the clause (or the part after its last comma)
    for k in range(start + 1, verb - 2):
        if words[k].f == "(" and words[k - 1].kind == "word" and words[k - 1].key not in _addressee_words():
            named = _marked_name(words, k, verb)
            if named is not None and named[1] + 2 == verb:
                return Mention(words[named[0]].start, words[named[1]].end,
                               text[words[named[0]].start:words[named[1]].end])
    stops = _np_stops()
    after_comma = max((k + 1 for k in range(start, verb) if words[k].f in ("،", ",", ":")), default=start)
    regions = (start, after_comma)
    if start < verb and words[start].key in _OPENERS:
        regions = (after_comma,)  # سەبارەت بە …، X گوتی: the subject follows the adverbial
        if after_comma == start and words[start].key in _TOPIC_OPENERS:
            return None  # سەبارەت بە X گوتی (no comma): X is the topic, the subject is not named
    for region in regions:
        k = region
        while k < verb and (words[k].key in stops or words[k].kind != "word"
                            or _circumposed(words, k)):
            k = _circumposition_end(words, k, verb) if words[k].key in _LE_FORMS else k + 1
        if k >= verb:
            continue
        if region == start < after_comma and words[k].key.endswith(_MASDAR_EZAFE):
            continue  # نیشتەجێکردنی …، X گوتی: a verbal noun opens a topic, the subject follows the comma
        e_ = k
        while e_ + 1 < verb and e_ < k + 3 and words[e_ + 1].kind == "word" and _np_word(words[e_ + 1], stops):
            e_ += 1
        return Mention(words[k].start, words[e_].end, text[words[k].start:words[e_].end])
    return None


_DA_END = fold_key("دا")
_LE_FORMS = frozenset(fold_key(x) for x in ("لە", "ل", "لەو", "لەم"))


def _circumposed(words: list[Word], k: int) -> bool:
    """Word ``k`` is the noun of a glued لە … دا phrase (لەکۆتاییدا): where or when, not who."""
    key = words[k].key
    return key.endswith(_DA_END) and len(key) > 4 and key.startswith(_LE)


def _circumposition_end(words: list[Word], k: int, verb: int) -> int:
    """After the preposition لە/ل/لەو at word ``k``: the word after the دا that closes its phrase
    within three words (ل درێژەی قسەکانیدا, لەو لێدوانەدا), else the next word."""
    for m in range(k + 1, min(verb, k + 4)):
        if words[m].kind != "word":
            break
        if words[m].key.endswith(_DA_END) and len(words[m].key) > 3:
            return m + 1
    return k + 1


def _np_word(w: Word, stops: frozenset[str]) -> bool:
    k = w.key
    return k not in stops and not k.startswith(("لە", "بە", "ئەوە", "بۆ")) and not k.endswith(("دا",))


_DASH_SEP = frozenset(("-", "–", "—"))


def _spaced_dash(text: str, w: Word) -> bool:
    """A dash with a space on each side: it parts a headline from its lead (not عەفرین- HRE)."""
    return w.f in _DASH_SEP and 0 < w.start and w.end < len(text) and text[w.start - 1] == " " == text[w.end]


_OPENERS = frozenset(fold_key(w) for w in ("سەبارەت", "لە", "بە", "بۆ", "دوای", "پاش", "لەبارەی", "دەربارەی",
                                           "لەمبارەیەوە", "لەوبارەیەوە", "بەپێی", "بەگوێرەی", "هەروەها", "بەڵام"))
_BRACKET_OR_MARK = frozenset(("(", '"', "«", "“"))
_TOPIC_OPENERS = frozenset(fold_key(w) for w in ("سەبارەت", "لەبارەی", "دەربارەی"))
_ADDRESSEE: frozenset[str] | None = None
_LISTENER = frozenset(fold_key(w) for w in ("لەگەڵ", "لەگەل", "بە"))


def _listener_before(words: list[Word], ent_at: list[Entity | None], k: int, e: Entity) -> bool:
    """The entity ``e`` (at word ``k``) is introduced by لەگەڵ or بە (a listener)."""
    while k > 0 and ent_at[k - 1] is e:
        k -= 1
    return k > 0 and words[k - 1].key in _LISTENER


def _addressee_words() -> frozenset[str]:
    global _ADDRESSEE
    if _ADDRESSEE is None:
        _ADDRESSEE = frozenset(fold_key(w) for w in ("بۆ", "بە", "لەگەڵ", "لەگەل", "بەرامبەر", "دژی", "لە"))
    return _ADDRESSEE


_NP_STOPS: frozenset[str] | None = None


def _np_stops() -> frozenset[str]:
    global _NP_STOPS
    if _NP_STOPS is None:
        _NP_STOPS = (frozenset(fold_key(w) for w in (
            "و", "لە", "بە", "بۆ", "کە", "هەروەها", "بەڵام", "ئەوەش", "هەر", "بەم", "لەم", "لەو", "دوای", "پاش",
            "ئەمڕۆ", "دوێنێ", "پێشتر", "دواتر", "ئێستا", "تەنها", "هەروا", "ئینجا", "ئەمجارە", "جارێکی", "دیکە",
            "تر", "هەورەها", "ئەوەشی", "ئەوەی", "بۆیە", "سەبارەت", "هەروەك", "هەروەک", "ئەو", "ئەم", "پاشان",
            "ل"))
            | single_triggers("speech"))
    return _NP_STOPS


def find_quotes(text: str, entities: list[Entity] | None = None, words: list[Word] | None = None) -> list[Quote]:
    """Direct quotes of ``text`` with their speakers.

    >>> [(q.text, q.speaker.text) for q in find_quotes('«ئێمە ئامادەین»، بایدن گوتی.')]
    [('ئێمە ئامادەین', 'بایدن')]
    """
    if not text:
        return []
    words = scan(text) if words is None else as_word_list(words)
    entities = entities if entities is not None else find_entities(text, words)
    return _find_quotes(text, words, _entity_index(entities, words), _sentence_bounds(words))


def _find_quotes(text: str, words: list[Word], ent_at: list[Entity | None], sent: list[int]) -> list[Quote]:
    out: list[Quote] = []
    spans = []
    named_by, meaning = single_triggers("name_intro"), single_triggers("meaning")
    for i, j, s, e in _quote_spans(text, words):
        content = [w for w in words[i + 1:j] if w.kind == "word"]
        before = words[i - 1] if i else None
        intro = before is not None and (before.f in (":", "،") or _is_speech(words, i - 1)
                                        or (i >= 2 and _is_speech(words, i - 2)))
        outro = any(_is_speech(words, k) for k in range(j + 1, min(len(words), j + 5)))
        if words[i].f == "”" and not _opens_speech(words, i):
            continue  # two right marks (ڕایگەیاند”…”) enclose a quote only after a colon or speech verb
        if len(content) < 4 and not (intro or outro):
            continue  # a highlighted name or term, not a quotation
        if before is not None and before.key in named_by:
            continue
        if words[j - 1].key in named_by or (j + 1 < len(words) and words[j + 1].key in meaning) \
                or (before is not None and before.key in meaning):
            continue  # … بەناوی "X": the last mark opens a name; "X" واتە "Y": a term and its meaning
        if _one_entity(ent_at, i, j):
            continue  # ڕایگەیاند، "عەبدوڵڵا خەتیب" وەزیری …: a name, however introduced
        if len(content) <= _NAME_WORDS and not _opens_speech(words, i) and _no_sentence(words, i, j) \
                and not _said_after(words, j) \
                and not _whole_sentence(words, i, j):
            continue  # a name or title ("عادل عەبدولمەهدی" ڕایگەیاند, "میسر"، "عێراق"): few words, no verb
        spans.append((i, j, s, e))
    for qi, (i, j, s, e) in enumerate(spans):
        prev = out[-1].speaker if out else None
        out.append(Quote(s, e, text[s:e], _speaker(text, words, ent_at, sent, spans, qi, prev)))
    return out


def _one_entity(ent_at: list[Entity | None], i: int, j: int) -> bool:
    """The words between the marks ``i`` and ``j`` are one named entity and nothing else."""
    e = ent_at[i + 1] if i + 1 < j else None
    return e is not None and all(ent_at[k] is e for k in range(i + 1, j))


def _person_opening_next(words: list[Word], ent_at: list[Entity | None], j: int) -> Entity | None:
    """A person that opens the sentence right after the closing mark ``j`` (``."  ڕۆبەرت گەیتس``)."""
    k = j + 1
    ended = j > 0 and words[j - 1].f in _SENT_END
    while k < len(words) and k <= j + 2 and words[k].kind != "word":
        ended = ended or words[k].f in _SENT_END
        k += 1
    e = ent_at[k] if ended and k < len(words) else None
    return e if e is not None and e.label == "PER" and e.start == words[k].start else None


_NAME_WORDS = 6  # a quoted span of this many words or fewer may be a name or title


def _opens_speech(words: list[Word], i: int) -> bool:
    """The quote mark at word ``i`` comes right after a colon or a speech verb (``گوتی: "…"``,
    ``ڕایگەیاند، "…"``): what follows is said, however short (as it is when a comma and then a
    speech verb follow it: ``«…»، X گوتی``)."""
    if i == 0:
        return False
    k = i - 1
    if words[k].f in ("،", ","):
        k -= 1
    return k >= 0 and (words[k].f in (":", "؛") or bool(_is_speech(words, k))
                       or (k >= 1 and _is_speech(words, k - 1) == 2))


def _said_after(words: list[Word], j: int) -> bool:
    """A comma after the closing mark ``j`` and then a speech verb in the sentence (``«…»، X گوتی``)."""
    n = len(words)
    if j + 1 >= n or words[j + 1].f not in ("،", ","):
        return False
    for k in range(j + 2, min(n, j + 12)):
        if words[k].f in _SENT_END or words[k].f in _OPEN_CLOSE:
            return False
        if _is_speech(words, k):
            return True
    return False


def _whole_sentence(words: list[Word], i: int, j: int) -> bool:
    """The marks ``i`` and ``j`` enclose a whole sentence (``. "…".``): what is quoted stands alone."""
    return (i == 0 or words[i - 1].f in _SENT_END) and (j + 1 == len(words) or words[j + 1].f in _SENT_END)


def _no_sentence(words: list[Word], i: int, j: int) -> bool:
    """The words between the marks ``i`` and ``j`` hold no sentence: no end mark, no finite verb."""
    for k in range(i + 1, j):
        w = words[k]
        if w.f in _SENT_END or (w.kind == "word" and _is_verb_word(words, k)):
            return False
    return True


def _speaker(text: str, words: list[Word], ent_at: list[Entity | None], sent: list[int],
             spans: list[tuple[int, int, int, int]], qi: int, prev: Mention | None = None) -> Mention | None:
    i, j, _, _ = spans[qi]
    n = len(words)
    lo = sent[i]
    prev_close = spans[qi - 1][1] if qi else -1
    lo = max(lo, prev_close + 1)
    # 1. a speech verb (or ":") before the quote in the same sentence: X گوتی "…"
    for k in range(i - 1, lo - 1, -1):
        if _is_speech(words, k) or (words[k].f == ":" and k == i - 1):
            m = _subject_before(words, ent_at, k, lo, text)
            if m is not None:
                if m.label != "PER":  # a title (وەزیری بەرگری گوتی: "…") named in the next sentence:
                    named = _person_opening_next(words, ent_at, j)  # "…" ڕۆبەرت گەیتس هەروەها …
                    if named is not None:
                        return _mention(named)
                return m
    # 2. after the quote: "…"، X گوتی / ئەمەی X گوت
    k = j + 1
    stop = min(n, j + 10)
    while k < stop and words[k].f not in _SENT_END and words[k].f not in _OPEN_CLOSE:
        if _is_speech(words, k):
            best = None
            listener = None
            for m in range(j + 1, k):
                e = ent_at[m]
                if e is not None and (e is listener or ent_at[m - 1] is not e and words[m - 1].key in _LISTENER):
                    listener = e
                    continue  # "…" X لەگەڵ Y گوتی: Y is the listener, not the speaker
                if e is not None and (best is None or e.label == "PER"):
                    best = e
            if best is not None:
                return _mention(best)
            return _subject_before(words, ent_at, k, j + 1, text)
        k += 1
    # 3. "گوتیشی / هەروەها گوتی" with no subject: the speaker of the previous quote goes on
    if prev is not None and qi > 0 and any(_is_speech(words, k) for k in range(lo, i)):
        gap = sum(1 for k in range(spans[qi - 1][1], i) if words[k].f in _SENT_END)
        if gap <= 3:
            return prev
    # 4. a headline naming its speaker before a colon: بەیاتی: … – "…"
    colon = next((k for k in range(lo + 1, min(i, lo + 4)) if words[k].f == ":"), None)
    if colon is not None:
        e = next((ent_at[k] for k in range(lo, colon) if ent_at[k] is not None and ent_at[k].label in ("PER", "ORG")),
                 None)
        if e is not None:
            return _mention(e)
        if all(words[k].kind == "word" and not _is_verb_word(words, k) and words[k].key not in _np_stops()
               for k in range(lo, colon)):
            return Mention(words[lo].start, words[colon - 1].end, text[words[lo].start:words[colon - 1].end])
    # 5. an entity earlier in the same sentence
    for k in range(i - 1, lo - 1, -1):
        e = ent_at[k]
        if e is not None and e.label in ("PER", "ORG"):
            if e.start > 0 and _listener_before(words, ent_at, k, e):
                continue  # لەگەڵ X / بە X: the listener
            return _mention(e)
    # 6. the speaker named in the sentence before: its person (or organisation) subject
    if lo > 0:
        plo = sent[lo - 1]
        for label in ("PER", "ORG"):
            for k in range(plo, lo):
                e = ent_at[k]
                if e is not None and e.label == label:
                    return _mention(e)
    return None


# ---------------------------------------------------------------------------------------------
# numeric claims

_KEEP_KINDS = ("cardinal", "decimal", "percent", "range")
_QUALIFIERS = {"more_than": "more_than", "less_than": "less_than", "about": "about"}


def _numbers(text: str) -> list[Any]:
    try:
        from sorani.numbers import find_numbers
    except ImportError:  # pragma: no cover - the numbers stage ships with sorani
        return []
    return find_numbers(text)


def _stem(w: Word, text: str, next_is_word: bool = True) -> tuple[str, int]:
    """The counted noun of word ``w`` without clitics: (stem text, stem end offset). A final
    ``ی``/``ە`` is cut only when the shorter form is a known word (ezafe or copula), not when it
    belongs to the noun (هاووڵاتی)."""
    cut = _STEM_CUT.get((w.f, next_is_word))
    if cut is None:
        if len(_STEM_CUT) > 200_000:
            _STEM_CUT.clear()
        cut = _STEM_CUT[(w.f, next_is_word)] = _stem_cut(w.f, next_is_word)
    return text[w.start:w.start + cut], w.start + cut


_POSSESSIVE = tuple(fold_key(x) for x in ("م", "ت", "ی", "مان", "تان", "یان"))
_ARTICLE_ENDS = tuple(fold_key(x) for x in ("ەکەی", "ەکانی", "ەکە", "ەکان"))
_COPULA_AND = fold_key("ەو")
_ENDING_LETTERS = tuple("کتیمشنوا")  # (what an ending after ە starts with: ەکان, ەتی, ەیە …)
_STEM_CUT: dict[tuple[str, bool], int] = {}  # (folded form, next_is_word) -> _stem_cut


def _stem_cut(f: str, next_is_word: bool) -> int:
    """The length of the stem of ``_stem`` in the folded form ``f`` (the form alone decides)."""
    from sorani.entities.gazetteer import common_words, key_of_folded

    cut = _plain_stem_cut(f, next_is_word)
    common = common_words()
    if len(f) >= 7 and key_of_folded(f[:cut]) not in common and not _is_verb(f) \
            and not any(f.endswith(c) and key_of_folded(f[:-len(c)]) in common for c in _POSSESSIVE):
        # (not a verb, and not a known word with a possessive clitic: چارەسەرم)
        # a word glued after ە (ە never joins the next letter: a lost space or ZWNJ), when the
        # form has no known stem: ساڵەهیچ, مەلەوانەکەبەزیندوویی -> the stem of the first part
        p = f.find("ە", 2)
        while 0 < p < len(f) - 3:
            if not f.startswith(_ENDING_LETTERS, p + 1) and key_of_folded(f[p + 1:]) in common:
                left = _plain_stem_cut(f[:p + 1], True)
                if key_of_folded(f[:left]) in common:
                    return left
            p = f.find("ە", p + 1)
    return cut


def _glued_qualifier(words: list[Word], i0: int) -> str | None:
    """The qualifier (numbers data) right before the figure at ``i0`` whose first word is glued
    after ە to the word before it (ە never joins the next letter: هاوینەنزیکەی, کارەزیاتر لە)."""
    table = _glued_qualifier_table()
    for n in (1, 2):
        k = i0 - n
        if k < 0 or words[k].kind != "word":
            return None
        key = words[k].key
        p = key.find("ە", 2)
        while 0 < p < len(key) - 2:
            for parts, label in table.get(key[p + 1:], ()):
                if len(parts) == n and all(words[k + m].key == parts[m] for m in range(1, n)):
                    return label
            p = key.find("ە", p + 1)
    return None


_GLUED_QUAL: dict[str, list[tuple[list[str], str]]] | None = None


def _glued_qualifier_table() -> dict[str, list[tuple[list[str], str]]]:
    """The qualifier phrases of numbers data (the three kinds a claim keeps) by their first word."""
    global _GLUED_QUAL
    if _GLUED_QUAL is None:
        from sorani.numbers import _lex

        table: dict[str, list[tuple[list[str], str]]] = {}
        for phrase, label in _lex().ctx.get("qualifier", ()):
            if label in _QUALIFIERS:
                parts = fold_key(phrase).split()
                if len(parts) <= 2:
                    table.setdefault(parts[0], []).append((parts, label))
        _GLUED_QUAL = table
    return _GLUED_QUAL


def _comparative(key: str) -> tuple[str | None, str]:
    """The qualifier of a comparative word after ``لە N X`` (numbers data ``qualifier_le``: زیاتر,
    کەمتر), also with a copula or verb glued to it (زیاترە, کەمتربووە), and what is glued."""
    for f, label in _comparatives():
        if key.startswith(f):
            return label, key[len(f):]
    return None, ""


@cache
def _comparatives() -> tuple[tuple[str, str], ...]:
    """The folded ``qualifier_le`` phrases of numbers data a claim keeps, with their qualifier."""
    from sorani.numbers import _lex

    return tuple((fold_key(phrase), label) for phrase, label in _lex().ctx.get("qualifier_le", ())
                 if label in _QUALIFIERS)


_COPULA_RESTS = frozenset(fold_key(x) for x in ("ە", "ەو", "بوو", "بووە", "بوون", "بوونە", "بن", "یە"))


def _demonstrative(key: str) -> str:
    """The demonstrative ``key`` is, or ends in after ە (a lost space: یەکێکەلەو), else ""."""
    demo = single_triggers("demonstrative")
    if key in demo:
        return key
    p = key.rfind("ە", 0, len(key) - 2)
    return key[p + 1:] if p > 0 and key[p + 1:] in demo else ""


def _without_demonstrative_ending(thing: str, end: int) -> tuple[str, int]:
    """A noun after ئەو/ئەم + figure without the demonstrative's ending: ە after a consonant
    (پیاوە -> پیاو), یە after ە (قەسیدەیە -> قەسیدە)."""
    from sorani.entities.gazetteer import common_words, key_of_folded

    f = fold_key(thing)
    if f.endswith("ەوە") and len(f) > 4:  # لەگەڵ ئەو دوو کچەوە
        thing, end, f = thing[:-2], end - 2, f[:-2]
    if f.endswith("ەیە") and len(f) > 4:
        return thing[:-2], end - 2
    common = common_words()
    if f.endswith("ە") and not f.endswith("یە") and len(f) > 2 and (
            key_of_folded(f[:-1]) in common or key_of_folded(f) not in common):  # (not جەستە, لاپەڕە)
        return thing[:-1], end - 1
    return thing, end


def _plain_stem_cut(f: str, next_is_word: bool) -> int:
    """``_stem_cut`` without the glued word."""
    from sorani.entities.gazetteer import common_words, key_of_folded

    common = common_words()
    cut = len(f)
    if f.endswith("دا") and len(f) > 4 and (key_of_folded(f[:-2]) in single_triggers("static_unit")
                                           or key_of_folded(f[:-2]) in common or f[:-2].endswith(_ARTICLE_ENDS)):
        cut -= 2  # ٢٤ کاتژمێردا, 50 کەسدا, 5 ڕۆژیەکەیدا: a noun with the postposition "in"
    elif f.endswith(_COPULA_AND) and len(f) > 4 and key_of_folded(f[:-2]) in common and key_of_folded(f) not in common:
        cut -= 2  # سێ منداڵەو, چل ساڵەو: the copula ە with "and" glued (… ە و …)
    for suf in ("یشی", "یش", "ەش", "اش"):
        if f[:cut].endswith(suf) and cut - len(suf) >= 2:
            if suf in ("ەش", "اش"):
                suf = "ش"
            cut -= len(suf)
            break
    for suf in ("یان",):
        if f[:cut].endswith(suf) and cut - len(suf) >= 3:
            cut -= len(suf)
    for suf in ("ەکانی", "ەکەی", "ەکان", "ەکە", "ییەکان", "ییەکە"):
        if f[:cut].endswith(suf) and (cut - len(suf) >= 3 or cut - len(suf) == 2
                                      and key_of_folded(f[:2]) in common):  # (a short noun: کچەکەی, ژنەکان)
            cut -= len(suf)
            break
    else:
        suf = ""
        for pl in ("انی", "ان"):  # 200 بەرپرسانی: a plural after the figure (not باران, a word of its own)
            if f[:cut].endswith(pl) and cut - len(pl) >= 3 and key_of_folded(f[:cut - len(pl)]) in common \
                    and key_of_folded(f[:cut]) not in common and key_of_folded(f[:cut - 1]) not in common:
                return cut - len(pl)
    if suf and key_of_folded(f[:cut]) not in common and key_of_folded(f[:cut + 1]) in common:
        cut += 1  # ناحیەکەی: ناحیە + کەی (the article after ە)
    if suf and key_of_folded(f[:cut]) in common and not (
            f[:cut].endswith("ی") and key_of_folded(f[:cut - 1]) in single_triggers("static_unit")):
        pass  # the article took the ezafe, what is left is the noun
    elif f[:cut].endswith("ەیی") and cut > 4:
        cut -= 2  # قەڕەوێلەیی
    elif f[:cut].endswith("ەی") and cut > 4 and key_of_folded(f[:cut - 2]) in common \
            and key_of_folded(f[:cut - 1]) not in common:
        cut -= 2  # ئەو 3 چەکدارەی
    elif f[:cut].endswith("یی") and cut > 3:
        cut -= 1  # هاووڵاتیی: ezafe after a noun ending in ی
    elif f[:cut].endswith("ی") and cut > 2:
        shorter, full = key_of_folded(f[:cut - 1]), key_of_folded(f[:cut])
        noun_i = full in common and shorter not in common
        if (next_is_word and not noun_i) or (shorter in common and full not in common) \
                or shorter in single_triggers("static_unit"):  # پێنج ساڵیەو, 5 ڕۆژیەکەی: N-year, N-day
            cut -= 1
    elif f[:cut].endswith("ە") and cut > 3 and (
            key_of_folded(f[:cut - 1]) in single_triggers("static_unit")
            or (key_of_folded(f[:cut - 1]) in common and key_of_folded(f[:cut]) not in common)):
        cut -= 1  # 18 ساڵە: copula
    while cut > 1 and f[cut - 1] in "\u200c\u200d":
        cut -= 1
    return cut


def _partitive_le(thing: str) -> int:
    """2 when ``thing`` is a known noun with the partitive ``لە`` glued before it (``لەشاگرد``:
    "of the apprentices", ``لەجەنگەڵ``) and is not itself a known word (لەشکر), else 0."""
    from sorani.entities.gazetteer import common_words, key_of_folded

    f = fold_key(thing)
    if len(f) < 5 or not f.startswith(_LE):
        return 0
    common = common_words()
    return 2 if key_of_folded(f[2:]) in common and key_of_folded(f) not in common else 0


_INDEF = ("یەکی", "یەک", "ێکی", "ێک", "یەکیش", "ێکیش", "یەکیشی", "ێکیشی")
_INDEF_KEYS = tuple(fold_key(x) for x in _INDEF)
_INDEF_LONGEST = tuple(sorted(_INDEF_KEYS, key=len, reverse=True))


def _event_at(words: list[Word], k: int) -> tuple[str, int] | None:
    """(event, words used) for an event phrase starting at word k."""
    w = words[k]
    if w.kind != "word":
        return None
    if not _may_start_event(w.key):
        return None
    multi, single = _event_tables()
    key = w.key
    n = len(words)
    for stem, ev in multi.get(key, ()):  # longest first, as in events()
        m = len(stem)
        if k + m > n:
            continue
        if all(words[k + x].key == stem[x] for x in range(1, m - 1)) and _starts(words[k + m - 1].key, stem[-1]):
            return ev, m
    got = single.get(key, _MISSING)
    if got is _MISSING:
        got = None
        for stem, ev in events():
            if len(stem) == 1 and _starts(key, stem[0]):
                got = (ev, 1)
                break
        if len(single) > 200_000:
            single.clear()
        single[key] = got
    return got  # type: ignore[return-value]


_MISSING = object()
_EVENT_TABLES: tuple[dict[str, list[tuple[tuple[str, ...], str]]], dict[str, Any]] | None = None


def _event_tables() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]], dict[str, Any]]:
    """The multi-word event stems by first key (in ``events()`` order) and a per-key cache of
    the one-word stem a key starts with."""
    global _EVENT_TABLES
    if _EVENT_TABLES is None:
        multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for stem, ev in events():
            if len(stem) > 1:
                multi.setdefault(stem[0], []).append((stem, ev))
        _EVENT_TABLES = (multi, {})
    return _EVENT_TABLES


_EVENT_START: dict[str, bool] = {}  # key -> can an event phrase start with it


def _may_start_event(key: str) -> bool:
    starts = _EVENT_START.get(key)
    if starts is None:
        rx, first_keys = _event_index()
        starts = bool(rx.match(key)) or key in first_keys
        if len(_EVENT_START) > 200_000:
            _EVENT_START.clear()
        _EVENT_START[key] = starts
    return starts


def _event_positions(words: list[Word]) -> list[int]:
    """Ascending indices of the words an event phrase may start at: the keys are matched all at
    once (one regex over the text's distinct keys, one set intersection)."""
    index = key_index(words)
    rx, first_keys = _event_index()
    keys = set(index.found(_event_line_rx())) | (first_keys & index.at.keys())
    return [i for i in _merge([index.at[k] for k in keys]) if words[i].kind == "word"]


_LINE_RX: dict[str, Any] = {}


def _event_line_rx() -> Any:
    """A regex over ``nl_blob`` (a group: the key) for the keys that start with a one-word event
    stem."""
    got = _LINE_RX.get("event")
    if got is None:
        import re
        rx, _ = _event_index()
        got = _LINE_RX["event"] = compile_cached("\n(" + rx.pattern + ".*)$", re.M)
    return got


def _indef_positions(words: list[Word]) -> list[int]:
    """Ascending indices of the words with the indefinite ending, long enough to be a counted
    noun (چەتەیەک)."""
    rx = _LINE_RX.get("indef")
    if rx is None:
        import re
        ends = trie_pattern(_INDEF_KEYS)
        rx = _LINE_RX["indef"] = compile_cached(ends + "$", re.M)
    # the keys ending so, searched from the ending; those of 6 letters or more (tested here)
    index = key_index(words)
    at = index.at
    return _merge([at[k] for k in index.found(rx, lines=True) if len(k) >= 6])
_PREFIXES = ("", "نە", "دە", "بە", "لە")
_EVENT_INDEX: tuple[Any, frozenset[str]] | None = None


def _event_index() -> tuple[Any, frozenset[str]]:
    """A regex matching a word that starts with a one-word event stem, and the first words of
    the multi-word stems."""
    global _EVENT_INDEX
    if _EVENT_INDEX is None:
        # (the pattern text is kept in the user cache directory: the trie is built once a machine)
        import sys

        import sorani._chars
        import sorani._regex
        from sorani._data import cached_derived, data_path

        sources = [str(data_path("entities") / "events.tsv"), __file__,
                   sys.modules["sorani.entities.gazetteer"].__file__, sorani._regex.__file__,
                   sorani._chars.__file__]
        pattern = cached_derived("event-index", sources, _event_pattern)
        if type(pattern) is not str:
            pattern = _event_pattern()
        _EVENT_INDEX = (compile_cached(pattern), frozenset(st[0] for st, _ in events() if len(st) > 1))
    return _EVENT_INDEX


def _event_pattern() -> str:
    """The pattern of ``_event_index``: a word that starts with a one-word event stem."""
    singles = {st[0] for st, _ in events() if len(st) == 1}
    return "(?:" + "|".join(_PREFIXES[1:]) + ")?" + trie_pattern(singles)


def _starts(key: str, stem: str) -> bool:
    for p in _PREFIXES:
        if key.startswith(p + stem):
            return True
    return False


def _outside_dates(nums: list[Any], entities: list[Entity]) -> list[Any]:
    """The figures that do not start inside a DATE entity."""
    dates = sorted((e.start, e.end) for e in entities if e.label == "DATE")
    if not dates or not nums:
        return nums
    starts, reach, far = [s for s, _ in dates], [], -1
    for _, e in dates:
        far = max(far, e)
        reach.append(far)  # the furthest end of the dates starting so far
    out = []
    for x in nums:
        k = bisect_right(starts, x.start)  # the dates starting at or before the figure
        if not (k and reach[k - 1] > x.start):
            out.append(x)
    return out


def find_claims(text: str, entities: list[Entity] | None = None, quotes: list[Quote] | None = None,
                words: list[Word] | None = None) -> list[Claim]:
    """Numeric claims of ``text``: each figure with its counted thing, event, qualifier, source.

    >>> [(c.value, c.thing, c.event) for c in find_claims("٧٩٠ سەرباز کوژران و ١٩٠٠ی دیکە برینداربوون")]
    [(790, 'سەرباز', 'killed'), (1900, 'سەرباز', 'wounded')]
    """
    if not text:
        return []
    words = scan(text) if words is None else as_word_list(words)
    if entities is None:
        entities = find_entities(text, words)
    return _find_claims(text, entities, quotes, words, _entity_index(entities, words), _sentence_bounds(words))


def _find_claims(text: str, entities: list[Entity], quotes: list[Quote] | None, words: list[Word],
                 ent_at: list[Entity | None], sent: list[int]) -> list[Claim]:
    # (a vague plural, دەیان کەس, ملیۆنان کەناڵ, has no value to claim)
    nums = [x for x in _numbers(text) if x.kind in _KEEP_KINDS and x.value is not None and not x.vague]
    nums = _outside_dates(nums, entities)
    both = triggers().get("both", {})
    if both:  # هەر دوو وڵات: "both" counts two
        added = False
        for k in key_index(words).positions(_first_keys(both)):
            m = _phrase_at(words, k, both)
            if m and words[k + m - 1].kind == "word":
                w = words[k + m - 1]
                nums.append(_Figure(w.start, w.end, 2, "cardinal", None))
                added = True
        if added:
            nums.sort(key=lambda x: x.start)
    starts, wends = word_starts(words), word_ends(words)
    items: list[tuple[int, int, Any]] = []  # (first word, last word, number or None for indefinite)
    ends: dict[int, int] = {}  # id(number) -> end without glued clitics
    for x in nums:
        end = x.end
        # drop clitics glued to the figure (٩٠٠ی, ٢٠١٤ەوە)
        while end > x.start and not (text[end - 1].isdigit() or text[end - 1] in "%٪"
                                     or _number_word_end(text, x.start, end)):
            end -= 1
        i0: int | None = bisect_left(starts, x.start)
        if i0 == len(starts) or starts[i0] != x.start:
            # a number word after a glued preposition (لەسێ ساڵ, بەدوو کۆمەڵە): the word holding it
            i0 = i0 - 1 if i0 and fold_key(text[starts[i0 - 1]:x.start]) in _GLUED_PREP else None
        # the first word from i0 on that ends at or after ``end`` (the ends ascend)
        i1: int | None = bisect_left(wends, end, i0) if i0 is not None else None
        if i1 == len(wends):
            i1 = None
        if i0 is None or i1 is None:
            continue
        ends[id(x)] = end
        items.append((i0, i1, x))
    if items:
        items = _counts(text, words, items, ends)
    # the indefinite "one" counted next to other figures: فڕۆکەیەکی، چەتەیەک
    indefinite = _indef_positions(words) if items else []
    ev_pos = _event_positions(words) if indefinite else []
    ev_set = set(ev_pos)  # (an event phrase starts only at these words: _event_at is None elsewhere)
    nw = len(words)
    for k in indefinite:
        w = words[k]
        if (k and words[k - 1].key == _HICH) or not _counted_one(words, items, sent, k, indefinite):
            continue  # "one" is a count only next to other figures (هیچ حاڵەتێک: none at all)
        e = bisect_right(ev_pos, k)
        if e == len(ev_pos) or ev_pos[e] > k + 20:
            continue  # no event word can follow in reach
        if w.kind == "word" and ent_at[k] is None and (k == 0 or words[k - 1].kind != "num"):
            # only when an event follows in its clause: چەتەیەک کوژرا, کۆڵبەرێکی کورد بە ناوی … گیانی لەدەست دا
            m = k + 1
            while m < nw and m < k + 20 and words[m].f not in _SENT_END \
                    and (ent_at[m] is not None or not _is_verb(words[m].key)):
                if m in ev_set and _event_at(words, m):
                    items.append((k, k, None))
                    break
                m += 1
            else:
                if m in ev_set and _event_at(words, m):
                    items.append((k, k, None))
    items.sort(key=lambda t: t[0])

    claims: list[Claim] = []
    transparent = [_transparent(words, i0, i1, x) for i0, i1, x in items]
    for idx, (i0, i1, x) in enumerate(items):
        nxt_i0 = items[idx + 1][0] if idx + 1 < len(items) else len(words)
        demonstrative = False  # (set when the noun's ە is the demonstrative's ending, no copula)
        if x is None:
            w = words[i0]
            base = text[w.start:w.end]
            for suf in sorted(_INDEF, key=len, reverse=True):
                if w.f.endswith(suf):
                    base = base[:len(base) - len(suf)]
                    break
            c = Claim(w.start, w.end, text[w.start:w.end], 1, thing=base, thing_start=w.start,
                      thing_end=w.start + len(base))
            after = i0 + 1
        else:
            end = ends.get(id(x), x.end)
            c = Claim(x.start, end, text[x.start:end], x.value, qualifier=_QUALIFIERS.get(x.qualifier or ""))
            after = i1 + 1
            # the counted thing: the next word (skipping a glued ezafe, and the closing bracket of a
            # figure in brackets: ( 28 ) فیلم)
            k = after
            if k < len(words) and words[k].f == ")" and i0 and words[i0 - 1].f == "(":
                k += 1
                after = k
            if k < len(words) and (words[k].key == "ی" and words[k].start == words[k - 1].end
                                   or words[k].key in _CLITIC_WORDS):
                k += 1
            if k < len(words) and words[k].kind == "word" and k < nxt_i0:
                w = words[k]
                bare = w.key
                for suf in ("یشی", "یش", "ش", "ی"):
                    if bare.endswith(suf) and len(bare) > len(suf) + 1:
                        bare = bare[:-len(suf)]
                        break
                if w.key in _other_keys() or bare in _other_keys():  # ٩٠٠ی دیکەی: "other" soldiers
                    c.thing = claims[-1].thing if claims else None
                    after = k + 1
                elif _event_at(words, k) is None and w.key not in _np_stops():
                    thing, tend = _stem(w, text, k + 1 < len(words) and words[k + 1].kind == "word")
                    if i0 and _demonstrative(words[i0 - 1].key):
                        thing, tend = _without_demonstrative_ending(thing, tend)
                        demonstrative = True
                    tstart = w.start + _partitive_le(thing)  # دوو لەشاگردەکان: "two of the apprentices"
                    c.thing, c.thing_start, c.thing_end = text[tstart:tend], tstart, tend
                    after = k + 1
                    # coordination: تانک و زریپۆش
                    if k + 2 < nxt_i0 and words[k + 1].key == "و" and words[k + 2].kind == "word" \
                            and fold_key(thing) not in single_triggers("static_unit") \
                            and _event_at(words, k + 2) is None and words[k + 2].key not in _qual_keys() \
                            and not words[k + 2].key.endswith(tuple(fold_key(s) for s in _INDEF)) \
                            and words[k + 2].key not in _np_stops() and not w.f.endswith("ی"):
                        t2, tend2 = _stem(words[k + 2], text)
                        c.thing = text[w.start:tend2]
                        c.thing_end = tend2
                        after = k + 3
        if c.thing is None and x is not None:
            # no counted noun but an event right after (( 64 ) یشیان کەمئەندام بوون), or a figure
            # ending in a multiplier word (( 12 ) هەزاریش بریندار بوون): the last word of the figure
            c.extra["bare"] = (k < len(words) and words[k].kind == "word" and _event_at(words, k) is not None) \
                or _multiplier_value(c.text) > 0
            # a bracketed score or list with its noun after the bracket: ( 119 _ 100 ) خاڵ
            m = i1 + 1
            while m < len(words) and m <= i1 + 4 and (words[m].kind == "num" or words[m].f in _SCORE_SEP):
                m += 1
            b = i0 - 1
            while b >= max(0, i0 - 4) and (words[b].kind == "num" or words[b].f in _SCORE_SEP):
                b -= 1
            if b >= 0 and words[b].f == "(" and (m + 1 < nxt_i0 or nxt_i0 < m) and words[m].f == ")" \
                    and words[m + 1].kind == "word" and words[m + 1].key not in _CLITIC_WORDS \
                    and _event_at(words, m + 1) is None and words[m + 1].key not in _np_stops() \
                    and not _is_verb_word(words, m + 1):
                c.thing, c.thing_end = _stem(words[m + 1], text)
                c.thing_start = words[m + 1].start
        # the event: the first event word after the thing, before the next figure that is not
        # a duration, age or measure (those sit inside the clause: بە ٣٦ مانگ زیندان مەحکووم کران)
        nxt = idx + 1
        while nxt < len(items) and transparent[nxt] and sent[items[nxt][0]] == sent[i0] \
                and not all(words[m].key in _LIST_SEP for m in range(after, items[nxt][0])):
            nxt += 1  # (not a list of figures: تەمەنیان ١٨، ٣٢ و ٣٤ ساڵە)
        nxt_stop = items[nxt][0] if nxt < len(items) else len(words)
        c.event = "none"
        stop = min(nxt_stop, len(words))
        found, verb_seen, rel_event, vk = _event_search(words, ent_at, after, stop)
        if c.thing_end is not None and after > 0 and text[c.thing_end:words[after - 1].end] == "ە" and not demonstrative \
                and words[after - 1].key.endswith("ە") and x is not None \
                and not (after < stop and (_event_at(words, after) or _is_verb_word(words, after))):
            found, verb_seen, rel_event = None, "ە", None  # خاوەنی ٣ منداڵە: the copula is the predicate
        static = bool(c.thing) and fold_key(c.thing or "") in single_triggers("static_unit")
        if static:
            found = None  # 15 ساڵ, 500 دۆلار: a duration, age or amount
        elif x is not None and found is None and (verb_seen is None or not _is_static_verb(verb_seen)):
            before = _event_before(words, i0)  # کوژران و برینداربوونی ٣ کۆڵبەر: the event named before
            if before and not (before == "other" and x.kind == "percent"):  # دابینکردنی ٥٠٪ی تێچوو: a share
                found = before
        if not found and not static and rel_event and (verb_seen is None or vk is not None):
            found = rel_event  # ٣ گەریلای ئاشکرا کرد کە … شەهید بوون: the relative clause of the thing
        c.extra["verb"] = verb_seen
        pb = i0 - 2 if i0 > 1 and words[i0 - 1].f == "(" else i0 - 1  # (بۆ ( 50 ) هەزار: past the bracket)
        prep = (fold_key(text[words[i0].start:x.start]) if x is not None and words[i0].start < x.start
                 else words[pb].key if pb >= 0 else "")  # the preposition before the figure
        if prep not in _OBLIQUE and prep != _BE and len(prep) > 4:
            prep = _demonstrative(prep) or prep  # یەکێکەلەو دوو پیاوەی: لەو glued after ە
        if x is not None and not c.qualifier and i0 and words[i0 - 1].kind == "word":
            c.qualifier = _glued_qualifier(words, i0)  # هاوینەنزیکەی 300: نزیکەی after a lost space
        comp_pred = False  # the comparative with its copula glued is the predicate: کەمتربووە
        if prep == _LE and x is not None and not c.qualifier:
            # لە N X زیاتر(ە): more than N X (the comparative after the counted noun; not زیاتر لە M)
            for m in range(after, min(after + 2, stop)):
                q, rest = _comparative(words[m].key) if words[m].kind == "word" else (None, "")
                if q and not (m + 1 < len(words) and words[m + 1].key == _LE):
                    c.qualifier = q
                    comp_pred = rest in _COPULA_RESTS
                    break
        # after بە the figure is the means of an event, of an action verb too (بە سێ گۆل سەرکەوت);
        # with no verb or a copula, a price or measure
        # (بە with no predicate before the next figure of its clause: the clause's predicate decides,
        # بەچوار گۆل بەرامبەر یەک گۆل سەرکەوت: see the inheritance below)
        be_open = x is not None and prep == _BE and not found and verb_seen is None and not static \
            and nxt_stop < len(words) and sent[nxt_stop] == sent[i0] \
            and not any(words[m].key == _KE for m in range(after, nxt_stop))
        oblique = x is not None and not c.qualifier and (prep in _OBLIQUE or (
            prep == _BE and not found and not be_open and (verb_seen is None or _is_static_verb(verb_seen))))
        if be_open and not c.qualifier:
            c.extra["be_means"] = True
        if not oblique and x is not None and claims and claims[-1].extra.get("oblique") \
                and i0 > 0 and words[i0 - 1].key == "و" and items[idx - 1][0] >= i0 - 4:
            oblique = True  # لە دوو نهۆم و ٤٣ ژوور: a figure coordinated with an oblique one
        c.extra["oblique"] = oblique
        if found and x is not None and not c.qualifier and prep == _BE:
            found = "other"  # بە ٣ فیشەک کوژراوە: the means of the event, not its victims
        if oblique:
            pass  # لە ٢١ توێژینەوەدا, بۆ حەوت منداڵ, لەسەر ٧٩ هەزار کەس: not a participant of the event
        elif found:
            c.event = found
        elif static:
            pass
        elif x is not None and x.kind == "percent" and verb_seen is not None:
            pass  # ٩٠٪ی حاڵەتەکان: a share
        elif comp_pred:
            pass  # لەدوو ملیۆن کەس کەمتربووە: "was less than": a static quantity
        elif verb_seen is not None:
            c.event = "none" if _is_static_verb(verb_seen) else "other"
        elif stop < len(words) and stop == nxt_stop and sent[stop] == sent[i0] and \
                all(words[m].key in ("و", "،", ",") or words[m].key in _qual_keys() for m in range(after, stop)):
            c.extra["inherit"] = nxt  # a list: ١٣٧ تانک، ٧٢ درۆن و ٧ هێلیکۆپتەر ... تێکشکاندووە
        elif stop < len(words) and stop == nxt_stop and sent[stop] == sent[i0] \
                and not any(words[m].key == _KE for m in range(after, stop)):
            c.extra["inherit_event"] = nxt  # the figures of one clause share its predicate
        claims.append(c)
    for a in range(len(claims) - 2, -1, -1):
        b = claims[a].extra.get("inherit_event")
        if b is not None:
            claims[a].event = claims[b].event
            if claims[a].extra.get("be_means") and claims[a].event != "none":
                claims[a].event = "other"  # the means of the clause's event
        b = claims[a].extra.get("inherit")
        if b is not None:
            claims[a].event = claims[b].event
            if claims[a].thing is None:
                claims[a].thing = claims[b].thing
    for c in claims:
        if c.thing is None and c.extra.get("bare"):
            # no counted noun in the text: the last word of the figure (( 12 ) هەزاریش بریندار بوون)
            p = c.end
            while p > c.start and not text[p - 1].isspace() and text[p - 1] not in "()":
                p -= 1
            if p < c.end:
                c.thing, c.thing_start, c.thing_end = text[p:c.end], p, c.end
    # the source
    index = key_index(words)
    # where a source or speech phrase may start
    at_src = index.positions(_first_keys(triggers().get("source", {})) | single_triggers("source_in"))
    at_speech = index.positions(_first_keys(triggers().get("speech", {})))
    qspans = [(q.start, q.end, q.speaker) for q in (quotes or [])]
    if all(a[1] <= b[0] for a, b in zip(qspans, qspans[1:])):  # in order, none overlapping (as found):
        qspans = _SortedSpans(qspans)  # the one that may hold a figure is found by bisection
    memo: dict[int, Any] = {}  # sentence -> its "according to" source
    for c, (i0, _, _) in zip(claims, items):
        _attach_source(text, c, words, ent_at, sent, i0, qspans, at_src, at_speech, memo)
    return claims


_NEAR = 40  # words
_SCORE_SEP = frozenset(("_", "-", "–", "،", ","))


def _multiplier_value(span: str) -> int:
    """The value of the multiplier word the figure's text ends in (هەزار 1000), else 0."""
    last = span.rsplit(None, 1)[-1].rsplit(")", 1)[-1]
    if not last.isalpha():
        return 0
    from sorani.numbers import _lex, _nw_uncached

    global _MULT_FORMS
    if _MULT_FORMS is None:
        _MULT_FORMS = {f: v for v, f in _lex().mult_forms}
    return _MULT_FORMS.get(_nw_uncached(last), 0)


_MULT_FORMS: dict[str, int] | None = None
_CLITIC_WORDS = frozenset(fold_key(x) for x in ("یان", "ی", "ش", "یش", "یشیان", "یشی"))  # ( 64 ) یشیان


def _indef_stem(key: str) -> str:
    return next((key[:-len(s)] for s in _INDEF_LONGEST if key.endswith(s)), key)


def _counted_one(words: list[Word], items: list[tuple[int, int, Any]], sent: list[int], k: int,
                 indefinite: list[int]) -> bool:
    """The indefinite at word ``k`` is counted next to other figures: a figure of its sentence
    counts the same noun (چەتەیەک کوژرا و 3 چەتەی دیکە), so does another indefinite
    (کۆڵبەرێک … و کۆڵبەرێکی دیکە), or it follows a figure in a list (٧ هێلیکۆپتەر و فڕۆکەیەکی)."""
    stem = _indef_stem(words[k].key)
    if len(stem) < 2:
        return False
    # (only the figures and indefinites within _NEAR words are looked at: ascending lists, bisected)
    for k2 in indefinite[bisect_left(indefinite, k - _NEAR):bisect_right(indefinite, k + _NEAR)]:
        if k2 != k and sent[k2] == sent[k] and _indef_stem(words[k2].key) == stem:
            return True
    lo = bisect_left(items, (k - _NEAR,))
    for i0, i1, _ in items[lo:bisect_left(items, (k + _NEAR,), lo)]:
        if sent[i0] != sent[k]:
            continue
        if k >= 2 and words[k - 1].key in _LIST_SEP and k - 4 <= i1 < k:
            return True
        m = i1 + 1
        if m < len(words) and words[m].key == "ی":
            m += 1
        if m < len(words) and m != k and words[m].key.startswith(stem):
            return True
    return False


@dataclass
class _Figure:
    """A figure made of two numbers of ``find_numbers`` (``( 45 ) ملیۆن``, ``600 ی هەزار``)."""

    start: int
    end: int
    value: Any
    kind: str
    qualifier: str | None


def _counts(text: str, words: list[Word], items: list[tuple[int, int, Any]], ends: dict[int, int]
            ) -> list[tuple[int, int, Any]]:
    """The figures that count something (numbers that name or number a thing, clock times and
    scores are left out), with a multiplier after a stray bracket or ezafe joined to the figure."""
    out: list[tuple[int, int, Any]] = []
    n = len(words)
    heads, clock = single_triggers("numbered_head"), single_triggers("clock_after")
    clock_heads = single_triggers("clock_before")
    drop_list = False  # the figure before was dropped as a number of a thing: so is one listed after it
    clock_end = -10  # the last word of the last clock time (کاتژمێر 12 ی شەو)
    numbered_end = -10  # the last word of the figure before if it numbers its head (مانگی سێی)
    k = 0
    while k < len(items):
        i0, i1, x = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if nxt is not None and x.kind == "cardinal" == nxt[2].kind and nxt[0] == i1 + 2 and words[i1 + 1].key == "و" \
                and nxt[2].qualifier is None and nxt[2].value < _multiplier_value(text[x.start:ends.get(id(x), x.end)]):
            # ملیۆنێک و 300 هەزار, دووهەزار و 800: a multiplier, و and a smaller figure are one amount
            end = ends.get(id(nxt[2]), nxt[2].end)
            x = _Figure(x.start, end, x.value + nxt[2].value, x.kind, x.qualifier)
            ends[id(x)] = end
            items[k + 1] = (i0, nxt[1], x)
            k += 1
            continue
        if nxt is not None and x.kind != "percent" and nxt[2].kind == "cardinal" and nxt[0] == nxt[1] \
                and nxt[2].value in _MULTS and nxt[2].qualifier is None \
                and all(words[m].f in (")", "ی") for m in range(i1 + 1, nxt[0])) and nxt[0] > i1 + 1:
            # ( 45 ) ملیۆن, 600 ی هەزار: one amount
            end = ends.get(id(nxt[2]), nxt[2].end)
            x = _Figure(x.start, end, x.value * nxt[2].value, x.kind, x.qualifier)
            ends[id(x)] = end
            items[k + 1] = (i0, nxt[1], x)
            k += 1
            continue
        b = i0 - 1
        if b >= 0 and words[b].f == "(":
            b -= 1
        after = words[i1 + 1].f if i1 + 1 < n else ""
        drop = False
        if b >= 0 and words[b].kind == "word" and (
                (words[b].key.endswith("ی") and _is_head(words[b].key, heads))
                or _head_stem(words[b].key) in clock_heads):
            drop = True  # خولەکی 41, جەولەی ( 30 ), لیوای 8, مادەی 140, کاتژمێر 3: the figure numbers the thing
        elif numbered_end >= i0 - 2 and x.kind == "cardinal" and 1900 <= x.value <= 2100 \
                and text[x.start:x.end].isdigit() and all(words[m].key in ("ی", "/") for m in range(numbered_end + 1, i0)):
            drop = True  # مانگی سێی 2009, مانگی 6 ی 2011: the year of a numbered month
        elif drop_list and i0 >= 2 and words[i0 - 1].f in _LIST_SEP and _prev_end(items, k) >= i0 - 2 \
                and (words[i0 - 1].f != "و" or i1 + 1 == n or words[i1 + 1].kind != "word"):
            drop = True  # لەخولەکەکانی ( 18 ، 58 ، 87 ) (not مادەی 140 و 20 پەرلەمانتار)
        elif (after == ":" and i1 + 2 < n and words[i1 + 2].kind == "num") or \
                (i0 >= 2 and words[i0 - 1].f == ":" and words[i0 - 2].kind == "num"):
            drop = True  # 11 : 44, 3 : 30: a clock time
        elif after == "ی" and i1 + 2 < n and _head_stem(words[i1 + 2].key) in clock:
            drop = True  # 9 ی شەو: nine at night; 16 ی مانگ: the 16th of the month
        elif clock_end >= i0 - 5 and any(words[m].key in _UNTIL for m in range(clock_end + 1, i0)) \
                and all(words[m].key in _UNTIL or words[m].key == "ی" or _clock_word(words[m].key, clock)
                        for m in range(clock_end + 1, i0)) \
                and (i1 + 1 == n or words[i1 + 1].kind != "word" or _clock_word(words[i1 + 1].key, clock)
                     or (after == "ی" and i1 + 2 < n and _clock_word(words[i1 + 2].key, clock))):
            drop = True  # کاتژمێر 12 ی شەو تاکو 7 بەیانی: the end of a clock range (not تا 10 کەس)
        elif (nxt is not None and nxt[0] == i1 + 1 and words[i1].kind == "num" and words[i1 + 1].kind == "num") \
                or (k and items[k - 1][1] == i0 - 1 and words[i0 - 1].kind == "num" and words[i0].kind == "num"):
            drop = True  # ( 1 1 ): digits side by side with no connector are a code
        elif (after in _DASH_SEP and i1 + 3 < n and words[i1 + 2].kind == "num" and words[i1 + 3].f == ")"
              and i0 and words[i0 - 1].f == "(") or \
                (i0 >= 3 and words[i0 - 1].f in _DASH_SEP and words[i0 - 2].kind == "num" and words[i0 - 3].f == "("
                 and after == ")"):
            drop = True  # ( 6 – 1 ): a score
        numbered = drop and b >= 0 and words[b].kind == "word" and words[b].key.endswith("ی") \
            and _is_head(words[b].key, heads) and _head_stem(words[b].key) in clock  # (مانگی N)
        numbered_end = i1 if numbered else -10
        drop_list = drop
        if drop and (after in ("ی", ":") or b >= 0 and _head_stem(words[b].key) in clock_heads):
            clock_end = i1 + (2 if after == "ی" else 0)  # (a clock time: a range may follow)
        if not drop:
            out.append((i0, i1, x))
        k += 1
    return out


def _clock_word(key: str, clock: frozenset[str]) -> bool:
    return key in clock or _head_stem(key) in clock


_UNTIL = frozenset(fold_key(x) for x in ("تا", "تاکو", "هەتا", "بۆ", "-", "–"))


def _prev_end(items: list[tuple[int, int, Any]], k: int) -> int:
    """The last word of the figure before ``items[k]``."""
    return items[k - 1][1] if k else -10


_MULTS = frozenset((1000, 1000000, 1000000000))
_HEAD_PREFIX = tuple(fold_key(x) for x in ("لە", "بە"))
_HEAD_SUFFIX = tuple(fold_key(x) for x in ("ەکان", "ەکە", "کان", "کە"))


def _is_head(key: str, heads: frozenset[str]) -> bool:
    """``key`` is a numbered head (``_head_stem``), also glued after a word in ە (کەمادەی)."""
    if _head_stem(key) in heads:
        return True
    p = key.find("ە", 1)
    while 0 < p < len(key) - 3:
        if _head_stem(key[p + 1:]) in heads:
            return True
        p = key.find("ە", p + 1)
    return False


def _head_stem(key: str) -> str:
    """A noun key without a glued لە/بە, the ezafe and the article (لەخولەکەکانی -> خولەک)."""
    if key.startswith(_HEAD_PREFIX) and len(key) > 4:
        key = key[2:]
    if key.endswith("ی") and len(key) > 2:
        key = key[:-1]
    for suf in _HEAD_SUFFIX:
        if key.endswith(suf) and len(key) - len(suf) >= 2:
            return key[:-len(suf)]
    return key


def _event_search(words: list[Word], ent_at: list[Entity | None], after: int, stop: int
                  ) -> tuple[str | None, str | None, str | None, int | None]:
    """The predicate of a figure whose phrase ends before word ``after``: (event, verb key when
    the predicate is a verb with no event, event of a relative clause on the counted thing,
    index of that verb when a relative clause follows it). A relative clause right after the
    thing (``٦ کەس کە … بووە، بریندار بوون``) is passed over: its verb ends it; its event is
    kept as a fallback."""
    k = after
    found = verb_seen = rel_event = None
    in_rel = False
    may_start, verb_word = _EVENT_START, _VERB_WORD  # (the per-key verdicts, read here without a call)
    while k < stop and words[k].f not in _SENT_END:
        w = words[k]
        key = w.key
        if w.f == "(":
            close = next((m for m in range(k + 1, min(stop, k + 30)) if words[m].f in (")", "(")), None)
            if close is not None and words[close].f == ")":
                k = close + 1  # a parenthesis (a list of names, an aside) holds no predicate of the figure
                continue
        if key == _KE:
            if k != after:
                break
            in_rel = True
            k += 1
            continue
        starts = may_start.get(key)
        if starts is None:
            starts = _may_start_event(key)
        ev = _event_at(words, k) if starts and w.kind == "word" else None
        if ev:
            k2 = k + ev[1]
            ev_name = ev[0]
            # killed and wounded in one predicate -> other
            if k2 + 1 < len(words) and words[k2].key == "و":
                ev2 = _event_at(words, k2 + 1)
                if ev2 and ev2[0] != ev_name and {ev2[0], ev_name} == {"killed", "wounded"}:
                    ev_name = "other"
            if in_rel:
                rel_event = rel_event or ev_name
                in_rel = False
                k = _clause_verb_end(words, k, k2, stop)
                continue
            found = ev_name
            break
        if ent_at[k] is None:
            is_verb = verb_word.get(key)
            if is_verb is None:
                is_verb = _is_verb_word(words, k)
            if is_verb:  # the predicate of the figure
                if in_rel:
                    in_rel = False
                    k += 1
                    continue
                verb_seen = _verb_key(key)
                break
        k += 1
    vk = None
    m = k + 1
    while found is None and verb_seen is not None and m < stop and m <= k + 2 and _is_verb_word(words, m):
        m += 1  # ئاشکرا کرد
    if found is None and verb_seen is not None and m < stop and words[m].key == _KE:
        # N X-ی ئاشکرا کرد کە … شەهید بوون: an extraposed relative clause on the thing
        vk = k
        m += 1
        while m < stop and words[m].f not in _SENT_END:
            ev = _event_at(words, m)
            if ev:
                rel_event = ev[0]
                break
            if ent_at[m] is None and _is_verb_word(words, m):
                break
            m += 1
    return found, verb_seen, rel_event, vk


def _clause_verb_end(words: list[Word], k: int, k2: int, stop: int) -> int:
    """The word after an event phrase (``k``..``k2``) and its light verb (بریندار بوون)."""
    while k2 < stop and k2 < k + 3 and words[k2].kind == "word" and _is_verb(words[k2].key) \
            and not _event_at(words, k2):
        k2 += 1
    return max(k2, k + 1)


def _verb_key(key: str) -> str:
    """A verb key without a glued ``و`` "and" (هەیەو → هەیە)."""
    if key.endswith("و") and len(key) > 3 and _is_verb(key[:-1]) and not _is_verb(key):
        return key[:-1]
    return key


def _is_verb_word(words: list[Word], k: int) -> bool:
    """Word k is a finite verb form (the predicate), by its ending, or a speech verb; a word in
    ``دا`` only when it does not read as a noun with the postposition (نزیکدا, تیادا)."""
    raw = words[k].key
    got = _VERB_WORD.get(raw)
    if got is None:
        key = _verb_key(raw)
        got = key in single_triggers("speech") or (_is_verb(key) and (not key.endswith(_DA) or _da_verb(key))) \
            or _became(key)
        if len(_VERB_WORD) > 200_000:
            _VERB_WORD.clear()
        _VERB_WORD[raw] = got
    return got


_BECAME = tuple(fold_key(x) for x in ("بوونە", "بووە", "بووبە", "بوونەتە", "بووەتە"))


def _became(key: str) -> bool:
    """``بوونە``/``بووە`` "became" with its noun glued after a lost space (بوونەقوربانی,
    بووەسەرۆکی): a verb of change, not a copula."""
    if not key.startswith(_BECAME):
        return False
    from sorani.entities.gazetteer import common_words

    p = max(len(b) for b in _BECAME if key.startswith(b))
    # (not بوونەوە "being again", بوونەوەر "creature", nor another known word)
    return len(key) - p >= 3 and not key.startswith(_AGAIN, p) and key[p:] not in _POSSESSIVE \
        and key not in common_words()


_AGAIN = fold_key("وە")


_VERB_WORD: dict[str, bool] = {}  # key -> is it a predicate verb (by _is_verb_word)


_DA = fold_key("دا")
_DA_NOUN_END = tuple(fold_key(x) for x in ("ەکە", "ەکان", "ێک", "یەک", "ە", "ان", "تیا"))
_DA_AGENT_END = tuple(fold_key(x) for x in ("ی", "یان", "م", "مان", "ت", "تان"))


def _da_verb(key: str) -> bool:
    """A word in ``دا`` is a verb (هەوڵیدا, بڕیاریاندا, دا) unless it reads as a noun with the
    postposition ``دا`` (شارەکەدا, کاتێکدا, نزیکدا: a common word or a noun ending before دا)."""
    stem = key[:-2]
    if not stem or stem.endswith(_DA_AGENT_END) and len(stem) > 2:
        return True
    from sorani.entities.gazetteer import common_words
    return not (stem.endswith(_DA_NOUN_END) or stem in common_words())


def _is_static_verb(key: str) -> bool:
    """A copula or existential predicate (هەیە, بوو, دەبێت): the figure reports no event. A
    compound glued to بوو(ن) (تەواوبوون, بەشداربوو) is a change of state, not a copula."""
    if key in _static_verbs():
        return True
    if not key.endswith(_STATIC_END):
        return False
    for e in _BUU_END:
        if key.endswith(e) and len(key) - len(e) >= 3 and not key.startswith(_BUU_PREFIX):
            return False
    return True


_BUU_END = tuple(fold_key(x) for x in ("بوون", "بوو", "بووە"))
_BUU_PREFIX = tuple(fold_key(x) for x in ("هە", "دە", "نە", "ئە"))


def _transparent(words: list[Word], i0: int, i1: int, x: Any) -> bool:
    """A figure that does not end the clause of the figure before it: a duration, age or
    measure (``تەمەن ٣٥ ساڵ``, ``بە ٣٦ مانگ``) or one in parentheses."""
    if x is None:
        return False
    if i0 > 0 and (words[i0 - 1].key in _AGE or words[i0 - 1].f == "("):
        return True
    k = i1 + 1
    if k < len(words) and words[k].kind == "word":
        key = words[k].key
        units = single_triggers("static_unit")
        if key in units or key[:-1] in units or (key.endswith(_DA) and key[:-2] in units):
            return True
    return False


def _event_before(words: list[Word], i0: int) -> str | None:
    """The event of a nominal in ezafe right before a figure (کوژرانی ٣ کەس; کوژران و
    برینداربوونی ٣ کۆڵبەر -> other)."""
    k = i0 - 1
    while k > 0 and (words[k].f == "(" or words[k].key in _QUAL_WORDS):
        k -= 1  # کوژرانی زیاتر لە (١٠٠) هەزار سەرباز
    if k < 0 or words[k].kind != "word" or not words[k].f.endswith("ی"):
        return None
    ev = None
    for st in range(max(0, k - 2), k + 1):
        e = _event_at(words, st)
        if e and st + e[1] - 1 == k:
            ev = e[0]
            break
    if ev is None:
        ev = _glued_event(words[k].key)  # فیستیڤاڵەبەبەشداری ( 28 ) فیلم: a word glued after ە
    if ev is None:
        # another verbal noun: ڕەوانەکردنی ٢٥ هەزار سەرباز, دروستکردنی ٣ قوتابخانە
        return "other" if words[k].key.endswith(_MASDAR_EZAFE) else None
    if k >= 2 and words[k - 1].key == "و":
        e0 = _event_at(words, k - 2)
        if e0 and e0[0] != ev and {e0[0], ev} == {"killed", "wounded"}:
            return "other"
    return ev


def _glued_event(key: str) -> str | None:
    """The event of a one-word event stem glued after ە in ``key`` (ە never joins the next
    letter: a lost space), else None."""
    p = key.find("ە", 2)
    while 0 < p < len(key) - 4:
        tail = key[p + 1:]
        for stem, ev in events():
            if len(stem) == 1 and _starts(tail, stem[0]):
                return ev
        p = key.find("ە", p + 1)
    return None


_BE = fold_key("بە")
_LE = fold_key("لە")
_HICH = fold_key("هیچ")
_GLUED_PREP = frozenset(_HEAD_PREFIX)  # (لە/بە as find_numbers reads them glued to a number word)
_LIST_SEP = frozenset(("و", "،", ","))
_QUAL_WORDS = frozenset(fold_key(x) for x in ("زیاتر", "زۆرتر", "پتر", "کەمتر", "لە", "نزیکەی", "نزیکەیی", "بە"))
_MASDAR_EZAFE = tuple(fold_key(x) for x in ("کردنی", "کردنەوەی", "دانی", "کرانی", "درانی", "هێنانی", "ناردنی",
                                             "بردنی", "خستنی", "کڕینی", "فرۆشتنی", "بەخشینی", "گواستنەوەی"))
_AGE = frozenset(fold_key(x) for x in ("تەمەن", "تەمەنی", "تەمەنیان"))
# prepositions whose figure is a place, time or topic of the event, not a participant
_OBLIQUE = frozenset(fold_key(x) for x in ("لە", "لەسەر", "بۆ", "نزیک", "لەنزیک", "دوای", "پاش", "لەدوای",
                                           "لەپاش", "لەناو", "لەنێو", "لەو", "لەم"))


_STATIC_END = tuple(fold_key(x) for x in ("یە", "بوو", "بوون", "بووە", "هەیە", "هەبوو", "دەبێت", "دەبن"))
_VERB_END = tuple(fold_key(x) for x in ("کرد", "کردووە", "کران", "کرا", "کراون", "کراوە", "درا", "دران", "دراوە",
                                         "راون", "ران", "رابوو", "کردبوو", "دەکات", "دەکەن", "بوون", "بوو", "بووە",
                                         "هەیە", "هەبوو", "هەن", "دەبن", "دەبێت", "ێنراون", "ێنران", "دەکرێت",
                                         "دەکرێن", "دا", "دان", "درابوو", "اوە", "ووە", "راوە", "کەوت",
                                         "کردە", "کرانە", "کرایە", "بوونە", "بوویە", "رانەوە", "رایەوە"))
_STATIC: frozenset[str] | None = None


def _static_verbs() -> frozenset[str]:
    global _STATIC
    if _STATIC is None:
        _STATIC = frozenset(fold_key(x) for x in ("هەیە", "هەبوو", "هەن", "هەبوون", "بوو", "بوون", "بووە", "دەبێت",
                                                  "دەبن", "نییە", "نەبوو", "ماوە", "ماون", "دەژین", "دەژی", "ە"))
    return _STATIC


_NOT_VERB_END = tuple(fold_key(x) for x in ("ەکانەوە", "یەکانەوە", "اوەوە", "ەکانەوە", "ەکەوە"))


def _is_verb(key: str) -> bool:
    return len(key) >= 3 and key.endswith(_VERB_END) and not key.endswith(_NOT_VERB_END)


_KE = fold_key("کە")


def _number_word_end(text: str, start: int, end: int) -> bool:
    """True when text[start:end] ends with a whole number word (هەزار, دوو …)."""
    tail = text[start:end].split()[-1] if text[start:end].split() else ""
    tail = tail.lstrip("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")  # (a multiplier glued to digits: 12هەزار)
    return fold_key(tail) in _number_words()


_NUMBER_WORDS: frozenset[str] | None = None


def _number_words() -> frozenset[str]:
    global _NUMBER_WORDS
    if _NUMBER_WORDS is None:
        from sorani.numbers import _lex  # every spelling of numbers/words.tsv (میلیۆن, هەژده …)

        _NUMBER_WORDS = frozenset(fold_key(w) for w, entry in _lex().words.items()
                                  if entry.cls not in ("point", "minus", "vague"))
    return _NUMBER_WORDS


def _other_keys() -> frozenset[str]:
    return single_triggers("other_thing")


def _qual_keys() -> frozenset[str]:
    t = triggers()
    return frozenset(k[0] for cat in ("more_than", "less_than", "about") for k in t.get(cat, {}))


def _according_to(text: str, words: list[Word], ent_at: list[Entity | None], lo: int, hi: int,
                  at_src: list[int]) -> tuple[str, int, int, str] | None:
    """The source named by ``بەگوێرەی X`` / ``بەپێی ڕاپۆرتی X`` in the sentence of words
    ``lo``..``hi``: (text, start, end, English name), or ``None``."""
    src_table = triggers().get("source", {})
    source_in = single_triggers("source_in")
    for k in at_src[bisect_left(at_src, lo):bisect_left(at_src, hi)]:
        if words[k].key in source_in:
            got = _document_before(text, words, k)  # لەڕاپۆرتەکەدا هاتووە: "in the report it says"
            if got is not None:
                return got
            continue
        m = _phrase_at(words, k, src_table)
        if m and k + m < len(words) and words[k + m].key in single_triggers("source_norm"):
            continue  # بەپێی یاسا: "in accordance with the law", no source
        if m:
            j = k + m
            e = ent_at[j] if j < len(words) else None
            if e is not None:
                return e.text, e.start, e.end, e.english
            named = _marked_name(words, j, hi)  # بەپێی ڕاپۆرتی (چاودێری مافی مرۆڤ)
            if named is not None:
                return _named_span(text, words, ent_at, named)
            if j < len(words) and words[j].kind == "word" and not fold_key(words[j].f).endswith(("یان", "مان")):
                e_ = j
                while e_ + 1 < hi and e_ < j + 3 and words[e_ + 1].kind == "word" and words[e_].f.endswith("ی") \
                        and not _is_verb(words[e_ + 1].key):
                    e_ += 1
                for x in range(j, e_ + 1):
                    e = ent_at[x]
                    if e is not None and e.label in ("ORG", "PER", "LOC"):
                        return e.text, e.start, e.end, e.english
                named = _marked_name(words, e_ + 1, hi)  # بەگوێرەی هەواڵی "ڕۆیتەرز": the name in the marks
                if named is not None:
                    return _named_span(text, words, ent_at, named)
                stem, end = _stem(words[e_], text, False)
                return text[words[j].start:end], words[j].start, end, ""
    return None


_NAME_MARKS = {"(": ")", '"': '"', "«": "»", "“": "”"}


def _marked_name(words: list[Word], k: int, hi: int) -> tuple[int, int] | None:
    """The words (first, last) of a short name in quotation marks or brackets opening at word
    ``k`` (``ئاژانسی "ڕۆیتەرز"``, ``هەواڵی (ئەسوات عێراق)``), or ``None``."""
    if k >= hi or words[k].f not in _NAME_MARKS:
        return None
    close = _NAME_MARKS[words[k].f]
    for m in range(k + 1, min(hi, k + 6)):
        if words[m].f == close:
            return (k + 1, m - 1) if m > k + 1 else None
        if words[m].kind != "word":
            return None
    return None


def _named_span(text: str, words: list[Word], ent_at: list[Entity | None], named: tuple[int, int]
                ) -> tuple[str, int, int, str]:
    """The source (text, start, end, English name) of the words ``named`` of ``_marked_name``."""
    a, b = named
    e = ent_at[a]
    if e is not None and e.start == words[a].start and e.end == words[b].end:
        return e.text, e.start, e.end, e.english
    return text[words[a].start:words[b].end], words[a].start, words[b].end, ""


def _document_before(text: str, words: list[Word], k: int) -> tuple[str, int, int, str] | None:
    """The document of ``لە X دا`` right before word ``k`` (``لەڕاپۆرتەکەدا هاتووە`` -> ڕاپۆرتەکە)."""
    if k == 0 or words[k - 1].kind != "word":
        return None
    w = words[k - 1]
    raw = text[w.start:w.end]
    if not raw.endswith("دا") or len(raw) < 5:
        return None
    if raw.startswith("لە") and len(raw) > 6:
        s = w.start + 2
    elif k >= 2 and words[k - 2].key == _LE:
        s = w.start
    else:
        return None
    return text[s:w.end - 2], s, w.end - 2, ""


class _SortedSpans(list):  # type: ignore[type-arg]
    """Quote spans (start, end, speaker) in order, none overlapping, with their starts."""

    def __init__(self, spans: list[tuple[int, int, Mention | None]]) -> None:
        super().__init__(spans)
        self.starts = [s for s, _, _ in spans]


def _quote_at(qspans: list[tuple[int, int, Mention | None]], pos: int) -> tuple[int, int, Mention | None] | None:
    """The first quote span holding offset ``pos`` (by bisection in ``_SortedSpans``)."""
    if type(qspans) is _SortedSpans:
        k = bisect_right(qspans.starts, pos)  # (only the last quote opening at or before pos may hold it)
        spans: list[tuple[int, int, Mention | None]] = qspans[k - 1:k] if k else []
    else:
        spans = qspans
    for q in spans:
        if q[0] <= pos < q[1]:
            return q
    return None


def _attach_source(text: str, c: Claim, words: list[Word], ent_at: list[Entity | None], sent: list[int], i0: int,
                   qspans: list[tuple[int, int, Mention | None]], at_src: list[int], at_speech: list[int],
                   memo: dict[int, Any] | None = None) -> None:
    q = _quote_at(qspans, c.start)
    if q is not None:  # a figure inside a quote: its speaker's
        sp = q[2]
        if sp is not None:
            c.source, c.source_start, c.source_end, c.source_english = sp.text, sp.start, sp.end, sp.english
        return
    lo = sent[i0]
    hi = bisect_right(sent, lo, i0)  # the end of the sentence
    # بەگوێرەی X / بەپێی ڕاپۆرتی X (the same for every figure of the sentence)
    got = memo.get(lo, _MISSING) if memo is not None else _MISSING
    if got is _MISSING:
        got = _according_to(text, words, ent_at, lo, hi, at_src)
        if memo is not None:
            memo[lo] = got
    if got is not None:
        c.source, c.source_start, c.source_end, c.source_english = got
        # بەپێی ڕاپۆرتی X، وتەبێژی پۆلیس Y ڕایگەیاند … figure: the sayer nearer the figure
        for k in at_speech[bisect_left(at_speech, lo):bisect_left(at_speech, i0)]:
            if words[k].start > got[2] and _is_speech(words, k):
                m = _subject_before(words, ent_at, k, lo, text)
                if m is not None and m.start >= got[2]:
                    c.source, c.source_start, c.source_end, c.source_english = m.text, m.start, m.end, m.english
                    break
        return
    # a headline or a line that opens with its source: هەپەگە: ٣ سەرباز کوژران
    colon = next((k for k in range(lo, min(i0, lo + 6)) if words[k].f == ":"), None)
    if colon is not None and ((colon == lo + 1 and _is_verb_word(words, lo))
                              or any(_is_speech(words, k) for k in range(lo, colon))):
        colon = None  # گوتیشی: / ڕوونیشیکردەوە: / هەروەها لە درێژەدا گوتی: a verb, not a name, before the colon
    if colon is not None and colon > lo:
        best = next((ent_at[x] for x in range(lo, colon) if ent_at[x] is not None
                     and ent_at[x].label in ("ORG", "PER")), None)
        if best is not None:
            c.source, c.source_start, c.source_end, c.source_english = best.text, best.start, best.end, best.english
        else:
            c.source, c.source_start, c.source_end = text[words[lo].start:words[colon - 1].end], \
                words[lo].start, words[colon - 1].end
        return
    # X ڕایگەیاند / X دەڵێت ، … figure
    for k in at_speech[bisect_left(at_speech, lo):bisect_left(at_speech, min(hi, i0 + 3))]:
        if _is_speech(words, k):
            m = _subject_before(words, ent_at, k, lo, text)
            if m is not None:
                c.source, c.source_start, c.source_end, c.source_english = m.text, m.start, m.end, m.english
                return
    # a headline figure: the source its lead names after the spaced dash (چوار تەرمی نەناسراو
    # دۆزرانەوە - سەرچاوەیەک لە وەزارەتی ناوخۆ ڕایگەیاند …)
    dash = next((k for k in range(i0 + 1, min(hi, i0 + 25)) if _spaced_dash(text, words[k])),
                None)
    if dash is not None and not any(_spaced_dash(text, words[k]) for k in range(lo, i0)):
        for k in at_speech[bisect_left(at_speech, dash + 1):bisect_left(at_speech, min(hi, dash + 25))]:
            if _is_speech(words, k):
                m = _subject_before(words, ent_at, k, dash + 1, text)
                if m is not None:
                    c.source, c.source_start, c.source_end, c.source_english = m.text, m.start, m.end, m.english
                return
    # a headline run into its lead with no mark: … ٤٧ کەس دەکوژرێن کاربەدەستانی عێراقی دەڵێن …
    # (the sayer right after the verb of the figure's clause)
    for k in at_speech[bisect_left(at_speech, i0 + 2):bisect_left(at_speech, min(hi, i0 + 12))]:
        if not _is_speech(words, k):
            continue
        v = next((m for m in range(k - 1, max(i0, k - 5), -1)
                  if words[m].kind == "word" and (_is_verb_word(words, m) or _event_at(words, m))), None)
        if v is not None and v < k - 1 and not any(words[m].kind != "word" for m in range(v + 1, k)):
            m_ = _subject_before(words, ent_at, k, v + 1, text)
            if m_ is not None:
                c.source, c.source_start, c.source_end, c.source_english = m_.text, m_.start, m_.end, m_.english
        return


def find_facts(text: str) -> tuple[list[Quote], list[Claim]]:
    """Quotes and numeric claims of ``text`` (one entity pass shared by both)."""
    if not text:
        return [], []
    with no_cycle_collection():
        words = scan(text)
        entities = find_entities(text, words)
        ent_at, sent = _entity_index(entities, words), _sentence_bounds(words)
        quotes = _find_quotes(text, words, ent_at, sent)
        claims = _find_claims(text, entities, quotes, words, ent_at, sent)
        _release(words)
        return quotes, claims


def _release(words: list[Word]) -> None:
    """Drop the per-text indexes kept with ``words`` (the key index refers back to the list):
    the list is then freed by reference counting, not left to the cyclic collector."""
    cache = getattr(words, "cache", None)
    if cache:
        cache.clear()


def extract_facts(text: str, model: bool = False) -> dict[str, list[Any]]:
    """Entities, quotes and claims of ``text`` with one scan and one entity pass.

    >>> f = extract_facts("هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا")
    >>> [e.english for e in f["entities"]]
    ['Heiko Maas', 'Germany']
    """
    if not text:
        return {"entities": [], "quotes": [], "claims": []}
    with no_cycle_collection():
        words = scan_reusing(text)
        ents = find_entities(text, words, model=model)
        ent_at, sent = _entity_index(ents, words), _sentence_bounds(words)
        quotes = _find_quotes(text, words, ent_at, sent)
        claims = _find_claims(text, ents, quotes, words, ent_at, sent)
        _release(words)
        recycle(words)  # (no word leaves this function: the results hold offsets and strings)
        del words, ent_at, sent  # freed now, before the collector is back on and would walk them
    return {"entities": ents, "quotes": quotes, "claims": claims}


def facts_doc(doc: Any) -> None:
    """``doc.STAGES`` stage: fill ``doc.layers["quotes"]`` and ``doc.layers["claims"]`` (reusing
    ``doc.entities`` when the entities stage ran)."""
    text = doc.text
    words = scan(text) if text else []
    ents = doc.layers.get("entities")
    if ents is None:
        ents = find_entities(text, words) if text else []
    if not text:
        doc.layers["quotes"], doc.layers["claims"] = [], []
        return
    with no_cycle_collection():
        ent_at, sent = _entity_index(ents, words), _sentence_bounds(words)
        quotes = _find_quotes(text, words, ent_at, sent)
        doc.layers["quotes"] = quotes
        doc.layers["claims"] = _find_claims(text, ents, quotes, words, ent_at, sent)
