"""Sorani orthographic normalization, driven by the character maps in ``sorani/data``.

>>> normalize("كوردستان")                     # Arabic kaf
'کوردستان'
>>> normalize("هه‌ر چه‌نده‌ که‌")            # old ه + ZWNJ spelling of ە
'هەر چەندە کە'
>>> normalize("ره‌زبه‌ر رۆژی ســـاڵ")          # word-initial ڕ, tatweel
'ڕەزبەر ڕۆژی ساڵ'
>>> normalize("ساڵی ٢٠٢٠", digits="latin")
'ساڵی 2020'

Rules, in order (each one a regular expression and a replacement; ``normalize`` and
``normalize_with_offsets`` run the same rules, the second one keeping an alignment):

1. the letters of the character map ``charmap.tsv`` (Arabic/Persian letters typed for Kurdish
   ones, Arabic presentation forms, Unicode spaces);
2. a word-final ``ه`` marked as a real /h/ by a tatweel (``بەهـ``) becomes ``ھ``, the word-final
   /h/ letter;
3. the deletions of ``charmap.tsv`` (tatweel, harakat, invisible controls);
4. the old spelling ``ه`` + ZWNJ becomes ``ە``;
5. a ZWNJ is kept only between a joining letter and a letter (where it changes the shape);
6. word-final ``ه`` that stands for ``ە`` becomes ``ە``; a real /h/ is kept: after ``ا``
   (``شاه``), in the words of ``final_h.tsv``, and written ``ھ``; ``ھ`` inside a word becomes ``ه``;
7. word-initial ``ر`` becomes ``ڕ``;
8. whitespace: runs of spaces become one, spaces at line ends go;
9. optional: digits to one script, punctuation to Kurdish or Latin forms; the ``search`` profile
   folds further: the ``search`` rows of ``charmap.tsv``, and every word-final ه or ھ → ە.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from functools import cache

from sorani._chars import AR_LETTER, INVISIBLE, RIGHT_JOINING
from sorani._data import read_rows

PROFILES = ("standard", "search")
DIGIT_SCRIPTS = {"latin": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
PUNCTUATION_STYLES = ("kurdish", "latin")

_L = AR_LETTER
Repl = Callable[[re.Match[str]], str]


class Alignment:
    """Maps spans of normalized text back to spans of the original text.

    ``source_span(start, end)`` gives the smallest original span that produced the output
    span; an empty output span maps to an empty original span at the matching position.

    >>> text, al = normalize_with_offsets("ســـڵاو كورد")
    >>> text
    'سڵاو کورد'
    >>> al.source_span(5, 9)
    (8, 12)
    """

    __slots__ = ("_starts", "_ends", "source_length")

    def __init__(self, starts: array, ends: array, source_length: int) -> None:
        self._starts, self._ends, self.source_length = starts, ends, source_length

    def __len__(self) -> int:
        return len(self._starts)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        n = len(self._starts)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) is outside the normalized text of length {n}")
        if start == end:
            pos = self._starts[start] if start < n else self.source_length
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def source_offset(self, index: int) -> int:
        """Original offset of the normalized character at ``index``."""
        return self.source_span(index, index)[0]


class _Rule:
    """One rewrite: ``pattern`` replaced by ``repl``; ``guard``: when it is absent from the text
    (a character, a pattern or a predicate) the rule cannot apply; ``table``: a context-free
    character map (fast path by ``str.replace``); ``fast``: same result as the regex, quicker, no
    alignment."""

    __slots__ = ("pattern", "repl", "guard", "table", "fast")

    def __init__(self, pattern: re.Pattern[str], repl: str | Repl,
                 guard: str | re.Pattern[str] | Callable[[str], bool] | None = None,
                 table: dict[str, str] | None = None,
                 fast: Callable[[str], str] | None = None) -> None:
        self.pattern, self.repl, self.guard = pattern, repl, guard
        self.table, self.fast = table, fast


def _table_rule(table: dict[str, str]) -> _Rule:
    """A context-free character map as a rule; no output may contain a mapped character."""
    bad = [k for k, v in table.items() if any(c in table for c in v)]
    if bad:
        raise ValueError(f"character map is not idempotent at {bad[:5]!r}")
    rx = re.compile(f"[{re.escape(''.join(table))}]")
    return _Rule(rx, lambda m: table[m.group()], None, table)


def _applies(rule: _Rule, text: str) -> bool:
    guard = rule.guard
    if guard is None:
        return True
    if isinstance(guard, str):
        return guard in text
    if isinstance(guard, re.Pattern):
        return guard.search(text) is not None
    return guard(text)


# ---- data ---------------------------------------------------------------------------------

@cache
def _charmap(profile: str = "all") -> dict[str, str]:
    """The rows of ``charmap.tsv`` for ``profile`` ("all": the standard map, with the
    presentation forms; "search": the further folds of the search profile)."""
    table: dict[str, str] = {}
    for row in read_rows("charmap.tsv"):
        src, dst, prof = row[0], row[1] if len(row) > 1 else "", row[2] if len(row) > 2 else "all"
        if prof == profile:
            table[src] = dst
    if profile != "all":
        return table
    # Arabic presentation forms: NFKC to base letters, then through the table
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFKC", ch)
        if base != ch:
            table[ch] = "".join(table.get(c, c) for c in base)
    return table


@cache
def _final_h_words() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("final_h.tsv"))


# ---- rules --------------------------------------------------------------------------------

def _dual_joining_letters() -> str:
    """The Arabic-script letters that join the next letter (after them a ZWNJ shows)."""
    out = []
    for part in re.findall(r"(.)-(.)|(.)", _L):
        lo, hi, single = part
        chars = [single] if single else [chr(c) for c in range(ord(lo), ord(hi) + 1)]
        out.extend(c for c in chars if c not in RIGHT_JOINING)
    return re.escape("".join(out))


@cache
def _final_h_rule() -> re.Pattern[str]:
    """Word-final ه after a letter, except after ا and in the words of ``final_h.tsv``."""
    exceptions = "".join(f"(?<!{re.escape(w)})" for w in sorted(_final_h_words()))
    # the lookahead first: it rejects most ه (inside a word) at once
    return re.compile(f"ه(?![{_L}\u200c])(?<=[{_L}]ه)(?<![اآ]ه){exceptions}")


# before the character map: heh (or heh goal, heh doachashmee) marked final by a tatweel
_TATWEEL_H = f"ه\u0640[{INVISIBLE}]*(?![{_L}\u200c])"
_TATWEEL_H_VARIANTS = f"[ہۂھ]\u0640[{INVISIBLE}]*(?![{_L}\u200c])"
# the same, one letter at a time: a literal first character makes the regex search quick (a match
# holds no other heh, and its replacement leaves every heh where it was, so one pass a letter gives
# the same text as the pattern above)
@cache
def _tatweel_h_variant_patterns() -> list[re.Pattern[str]]:
    return [re.compile(f"{h}\u0640[{INVISIBLE}]*(?![{_L}\u200c])") for h in "ہۂھ"]


def _tatweel_h_variants(text: str) -> str:
    for rx in _tatweel_h_variant_patterns():
        if rx.pattern[0] in text:
            text = rx.sub("ھ", text)
    return text


@cache
def _after_heh(mark: str) -> re.Pattern[str]:
    """``mark`` after ه, found by ``mark`` (rarer than ه: a quicker regex search)."""
    return re.compile(f"{mark}(?<=ه{mark})")


def _has_heh_tatweel(text: str) -> bool:
    # one-character tests first: str's search for one character is much the quickest
    return "\u0640" in text and _after_heh("\u0640").search(text) is not None


def _has_heh_zwnj(text: str) -> bool:
    return "\u200c" in text and _after_heh("\u200c").search(text) is not None


def _has_heh_variant_tatweel(text: str) -> bool:
    return "\u0640" in text and (("ھ" in text and "ھ\u0640" in text) or ("ہ" in text and "ہ\u0640" in text)
                                 or ("ۂ" in text and "ۂ\u0640" in text))


_HEH_ZWNJ = "ه\u200c"  # after the character map (its deletions); a literal: str.replace
_ANY_FINAL_H = f"ه(?<=[{_L}]ه)(?![{_L}])"  # search profile: no exceptions
_MEDIAL_HEH_DOACHASHMEE = f"ھ(?=[{_L}])"
_ZWNJ_NOT_BEFORE_LETTER = f"\u200c\u200c*(?![{_L}])"
_ZWNJ_NOT_AFTER_JOINER = "\u200c(?<![{dual}]\u200c)\u200c*"  # {dual}: filled in _rules
_INITIAL_R = f"ر(?<![{_L}\u200c]ر)(?=[{_L}])"
_SPACE_RUN = "   *"
_LINE_EDGE_SPACE = " +\n *|\n +"  # the newline stays: repl keeps it
_TEXT_EDGE_SPACE = "\\A +| +\\Z"


_LINE_START_SPACE = "\n +"  # a literal first character: a quick search


@cache
def _after_space_nl() -> re.Pattern[str]:
    return re.compile("\n(?<= \n)")  # " \n", found by its rarer character


def _strip_line_edges(text: str) -> str:
    """``_LINE_EDGE_SPACE`` without its slow regex (spaces before a newline are rare: then every
    line is stripped, which strips the text's edges too, as the next rule does)."""
    if "\n" in text and _after_space_nl().search(text) is not None:
        return "\n".join([line.strip(" ") for line in text.split("\n")])
    return re.sub(_LINE_START_SPACE, "\n", text)


def _has_text_edge_space(text: str) -> bool:
    return text[:1] == " " or text[-1:] == " "


_QUOTE_PAIR = r'"([^"\n]*)"'
_TO_KURDISH_PUNCT = {",": "،", ";": "؛", "?": "؟", "“": "«", "”": "»"}
_TO_LATIN_PUNCT = {"،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"', "٪": "%"}
_KURDISH_PUNCT = r"[,;?](?=\s|$)|[“”]"


@cache
def _rules(profile: str, digits: str | None, punctuation: str | None
           ) -> tuple[tuple[_Rule, ...], re.Pattern[str]]:
    """The rules of a profile, in order, and one pattern matching wherever any rule could
    apply (where it matches nothing, the text is already normal: one test for short texts)."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: use one of {PROFILES}")
    if digits is None and profile == "search":
        digits = "latin"
    if punctuation is None and profile == "search":
        punctuation = "latin"
    if digits is not None and digits not in DIGIT_SCRIPTS:
        raise ValueError(f"unknown digits {digits!r}: use one of {tuple(DIGIT_SCRIPTS)}")
    if punctuation is not None and punctuation not in PUNCTUATION_STYLES:
        raise ValueError(f"unknown punctuation {punctuation!r}: use one of {PUNCTUATION_STYLES}")
    rules = [
        _Rule(re.compile(_TATWEEL_H), "ھ", _has_heh_tatweel),
        _Rule(re.compile(_TATWEEL_H_VARIANTS), "ھ", _has_heh_variant_tatweel, fast=_tatweel_h_variants),
        _table_rule(_charmap()),
        _Rule(re.compile(_HEH_ZWNJ), "ە", _has_heh_zwnj, fast=lambda t: t.replace(_HEH_ZWNJ, "ە")),
        # leaves at most one ZWNJ of a run, before a letter (so no run of ZWNJ is left after it)
        _Rule(re.compile(_ZWNJ_NOT_BEFORE_LETTER), "", "\u200c"),
        _Rule(re.compile(_ZWNJ_NOT_AFTER_JOINER.format(dual=_dual_joining_letters())), "", "\u200c"),
        _Rule(_final_h_rule(), "ە", "ه"),
        _Rule(re.compile(_MEDIAL_HEH_DOACHASHMEE), "ه", "ھ"),
        _Rule(re.compile(_INITIAL_R), "ڕ", "ر"),
    ]
    if profile == "search":
        rules.append(_table_rule(_charmap("search")))
        rules.append(_Rule(re.compile(_ANY_FINAL_H), "ە", "ه"))
        upper_rx = re.compile("[A-ZÀ-ÞĀ-ſ]")
        rules.append(_Rule(upper_rx, lambda m: m.group().lower(), upper_rx))
    if digits is not None:
        target = DIGIT_SCRIPTS[digits]
        to = {d: target[i] for script in DIGIT_SCRIPTS.values() for i, d in enumerate(script)
              if d != target[i]}
        sep = {"٫": ".", "٬": ","} if digits == "latin" else {".": "٫", ",": "٬"}
        if punctuation == "latin" and digits != "latin":
            sep["،"] = "٬"  # (the Latin comma it would become is a separator between these digits)
        rules.append(_table_rule(to))
        sep_rx = re.compile(r"(?<=[0-9٠-٩۰-۹])[" + "".join(sep) + r"](?=[0-9٠-٩۰-۹])")
        rules.append(_Rule(sep_rx, lambda m: sep[m.group()], sep_rx))
    if punctuation == "kurdish":
        rules.append(_Rule(re.compile(_QUOTE_PAIR), lambda m: "«" + m.group(1) + "»", '"'))
        kurdish_punct = re.compile(_KURDISH_PUNCT)
        rules.append(_Rule(kurdish_punct, lambda m: _TO_KURDISH_PUNCT[m.group()], kurdish_punct))
    elif punctuation == "latin":
        rules.append(_table_rule(_TO_LATIN_PUNCT))
    rules.append(_Rule(re.compile(_SPACE_RUN), " ", "  "))
    # guard: a newline (a one-character test is quicker than looking for " \n" and "\n ")
    rules.append(_Rule(re.compile(_LINE_EDGE_SPACE), lambda m: "\n", "\n", fast=_strip_line_edges))
    rules.append(_Rule(re.compile(_TEXT_EDGE_SPACE), "", _has_text_edge_space, fast=lambda t: t.strip(" ")))
    return tuple(rules), re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules))




# ---- entry points -------------------------------------------------------------------------

def normalize(text: str, profile: str = "standard", digits: str | None = None,
              punctuation: str | None = None) -> str:
    """Normalize Sorani orthography (see the module docstring for the rules).

    ``profile="search"`` folds further for indexing (ZWNJ removed, ڕ→ر, ڵ→ل, digits to Latin,
    Latin lower-cased). ``digits`` (``"latin"``, ``"arabic"``, ``"persian"``) and ``punctuation``
    (``"kurdish"``, ``"latin"``) unify those when given. Idempotent; never raises on a ``str``.

    >>> normalize("ئەڵمانيا و فەرەنسا")
    'ئەڵمانیا و فەرەنسا'
    >>> normalize("ڕۆژی ١٢ی ئەیلوول", profile="search")
    'رۆژی 12ی ئەیلوول'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, not {type(text).__name__}")
    if not text:
        return text
    rules, any_rule = _rules(profile, digits, punctuation)
    if len(text) < 256 and any_rule.search(text) is None:
        return text  # a word or a short clean line: nothing to do
    for rule in rules:
        if not _applies(rule, text):
            continue
        if rule.fast is not None:
            text = rule.fast(text)
        elif rule.table is not None:
            # context-free: each character found is replaced everywhere at once (str.replace),
            # and the search goes on from there; one pass over the text in all
            m = rule.pattern.search(text)
            while m:
                ch = m.group()
                text = text.replace(ch, rule.table[ch])
                m = rule.pattern.search(text, m.start())
        else:
            text = rule.pattern.sub(rule.repl, text)
    return text


def normalize_with_offsets(text: str, profile: str = "standard", digits: str | None = None,
                           punctuation: str | None = None) -> tuple[str, Alignment]:
    """``normalize`` plus an ``Alignment`` from the normalized text back to ``text``.

    >>> out, al = normalize_with_offsets("له‌ كوردستان")
    >>> out, al.source_span(3, 11), "له‌ كوردستان"[4:12]
    ('لە کوردستان', (4, 12), 'كوردستان')
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_with_offsets() expects str, not {type(text).__name__}")
    source_length = len(text)
    starts = array("q", range(len(text)))
    ends = array("q", range(1, len(text) + 1))
    for rule in _rules(profile, digits, punctuation)[0]:
        if _applies(rule, text):
            text, starts, ends = _sub_aligned(rule, text, starts, ends)
    return text, Alignment(starts, ends, source_length)


def _sub_aligned(rule: _Rule, text: str, starts: array, ends: array) -> tuple[str, array, array]:
    """One rule over ``text``, carrying each output character's original span."""
    out: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    last = 0
    for m in rule.pattern.finditer(text):
        a, b = m.span()
        repl = rule.repl if isinstance(rule.repl, str) else rule.repl(m)
        if repl == text[a:b]:
            continue
        out.append(text[last:a])
        new_starts.extend(starts[last:a])
        new_ends.extend(ends[last:a])
        if repl:
            if a < b:
                s0, e0 = starts[a], ends[b - 1]
            else:
                s0 = e0 = starts[a] if a < len(starts) else (ends[-1] if len(ends) else 0)
            out.append(repl)
            new_starts.extend([s0] * len(repl))
            new_ends.extend([e0] * len(repl))
        last = b
    if last == 0 and not out:
        return text, starts, ends
    out.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(out), new_starts, new_ends
