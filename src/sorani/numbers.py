"""Numbers in Sorani text: digits in three scripts, number words, and mixtures of both.

>>> parse("دوو هەزار ٣٠٠")
2300
>>> to_words(2021)
'دوو هەزار و بیست و یەک'
>>> [(n.text, n.value, n.qualifier) for n in find_numbers("زیاتر لە ٢٠٠ تۆپ و هەزار و ٩٠٠ی دیکە")]
[('٢٠٠', 200, 'more_than'), ('هەزار و ٩٠٠ی', 1900, None)]
>>> convert_digits("2.5 ملیار", "arabic")
'٢٫٥ ملیار'

Number words, glued endings (clitics, ordinal ``ەم``) and the words around numbers (qualifiers,
percent and year cues, range connectors, exclusions) live in ``sorani/data/numbers/*.tsv``.

Decisions (where Sorani usage is ambiguous):

* Words combine by the usual grammar: hundreds, tens and units add with ``و`` (``سەد و دوو``);
  a unit before ``سەد`` multiplies (``دوو سەد``); after a multiplier (هەزار، ملیۆن…) a smaller
  number adds with or without ``و`` (``دوو هەزار ٣٠٠`` = 2300); a larger multiplier multiplies
  everything before it (``هەزار ملیۆن`` = 10^9). Anything else does not combine:
  ``parse("سەد دوو")`` raises ``ValueError`` and ``find_numbers`` reports two numbers.
* Two consecutive one-word numbers (``دوو سێ ڕۆژ`` "two or three days") form a range.
* The indefinite article glued to a noun (``فڕۆکەیەک`` "an aircraft") is not a number; a separate
  ``یەک`` is (``یەک فڕۆکە``). ``یەکێک`` is "someone" unless followed by ``لە`` ("one of": 1).
  ``هەر دوو``/``هەردوو`` ("both") and ``هەر یەک`` ("each") are not numbers.
* ``نیو`` counts only inside a number (``دوو و نیو``, ``نیو ملیۆن``): alone it is "half"
  (and in older spelling "inside", ``نیو یۆرک``).
* A number with the indefinite ``ێک`` (``هەزارێک``) is approximate: qualifier ``about``.
* A day number right before a month name (``١٤ی تشرینی دووەمی ٢٠٢٥``, ``یەکی ئایار``; names in
  ``data/numbers/months.tsv``) has kind ``date`` with the day as its value; the year after it
  stays a ``year``. A number word needs the izafe ``ی`` to count as a day (``دوو ئازار`` is
  "two pains"). Dates written in digits (``13/4/1966``) have value ``None``.
* Spans cover the number with its glued endings (``٩٠٠ی``, ``٢٠٢٠دا``) and, for percentages,
  the percent sign or ``لە سەدا``; the qualifier has its own offsets.
"""
from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any, Union

from sorani._data import compile_cached, read_rows
from sorani._regex import trie_pattern

Number = Union[int, float]

__all__ = ["NumberSpan", "find_numbers", "parse", "parse_number", "to_words", "convert_digits",
           "numbers_stage"]

# ----------------------------------------------------------------------------------------------
# digits
_DIGIT_SETS = {"latin": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
_SEPARATORS = {"latin": ".,", "arabic": "٫٬", "persian": "٫٬"}
_DIG = "0-9\u0660-\u0669\u06f0-\u06f9"
_SEP_RE = compile_cached(rf"(?<=[{_DIG}])([.,٫٬])(?=[{_DIG}])")


@cache
def _digit_table(script: str) -> dict[int, str]:
    if script not in _DIGIT_SETS:
        raise ValueError(f"unknown digit script {script!r}: use one of {sorted(_DIGIT_SETS)}")
    target = _DIGIT_SETS[script]
    table: dict[int, str] = {}
    for digits in _DIGIT_SETS.values():
        for i, ch in enumerate(digits):
            table[ord(ch)] = target[i]
    return table


def convert_digits(text: str, to: str = "latin") -> str:
    """Write every digit of ``text`` in ``to`` digits (``latin``, ``arabic`` or ``persian``).

    A decimal point or thousands separator between two digits follows the script: ``.`` ↔ ``٫``,
    ``,`` ↔ ``٬``. Other characters are untouched; the length never changes.

    >>> convert_digits("ساڵی ٢٠٢٠ و ١٬٥٠٠ دینار")
    'ساڵی 2020 و 1,500 دینار'
    >>> convert_digits("2.5٪", "persian")
    '۲٫۵٪'
    """
    out = text.translate(_digit_table(to))
    dec, thou = _SEPARATORS[to]

    def sep(m: re.Match[str]) -> str:
        return dec if m.group(1) in ".٫" else thou

    return _SEP_RE.sub(sep, out)


# ----------------------------------------------------------------------------------------------
# lexicon (lazy, once)
_LETTER = ("\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
           "\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc")
_L = f"[{_LETTER}]"
_LETTER_NOT_E = _LETTER.replace("\u06d3\u06d5", "\u06d3")  # (ە, which never joins the letter after it)
_L_RE = compile_cached(_L)


@dataclass(frozen=True)
class _Word:
    form: str
    value: Decimal
    cls: str


class _Lexicon:
    def __init__(self) -> None:
        self.words: dict[str, _Word] = {}
        self.std: dict[tuple[str, int], str] = {}  # (class, value) -> standard form
        self.ordinal: dict[str, str] = {}  # standard form -> standard ordinal
        self.special: dict[str, str] = {}  # point/minus/half standard forms
        for row in read_rows("numbers/words.tsv"):
            form, value, cls = row[0], row[1], row[2]
            std = len(row) > 3 and row[3] == "std"
            val = Decimal(0) if cls in ("point", "minus") else Decimal(value)
            self.words[form] = _Word(form, val, cls)
            if std:
                if cls in ("point", "minus", "half"):
                    self.special[cls] = form
                elif cls != "vague":
                    self.std[(cls if cls in ("mult",) else "small", int(val))] = form
                if len(row) > 4 and row[4]:
                    self.ordinal[form] = row[4]
        self.suffix: dict[str, tuple[str, str]] = {}  # form -> (kind, applies)
        for row in read_rows("numbers/affixes.tsv"):
            self.suffix[row[0]] = (row[1], row[2])
        ctx: dict[str, list[tuple[str, str]]] = {}
        for row in read_rows("numbers/context.tsv"):
            ctx.setdefault(row[0], []).append((row[1], row[2] if len(row) > 2 else ""))
        self.ctx = ctx
        self.letters = frozenset(p for p, _ in ctx.get("letter", []))
        self.pronouns = {p: arg for p, arg in ctx.get("pronoun", [])}
        self.not_number = frozenset(p for p, _ in ctx.get("not_number", []))
        self.mults = sorted(((int(w.value), f) for (c, v), f in self.std.items() if c == "mult"
                             for w in [self.words[f]]), reverse=True)
        self.mult_forms = tuple((int(w.value), f) for f, w in self.words.items() if w.cls == "mult")

        alt = _trie  # every pattern below reads raw text in any spelling (ك ي ه+ZWNJ …)

        word_sfx = [f for f, (_, ap) in self.suffix.items() if ap in ("words", "both")]
        dig_sfx = [f for f, (_, ap) in self.suffix.items() if ap in ("digits", "both")]
        ord_sfx = [f for f, (k, _) in self.suffix.items() if k == "ordinal"]
        self.word_sfx_alt = alt([f for f in word_sfx if self.suffix[f][0] != "ordinal"])
        self.dig_sfx_alt = alt([f for f in dig_sfx if self.suffix[f][0] != "ordinal"])
        self.ord_alt = alt(ord_sfx)
        self.bases_alt = alt(list(self.words))

        num = rf"[{_DIG}]+(?:[.,٫٬][{_DIG}]+|،[{_DIG}]{{3}}(?![{_DIG}]))*"
        # one number token: digits (with percent sign, date/time shapes, glued endings) or a word
        # digits glued to a word before them are no number (H1N1, کۆڤید19, لقی14), except after
        # ە: ە never joins the next letter, so کە3 ڕۆژ, لە100 reads "کە 3", "لە 100" (text whose
        # space or ZWNJ after ە was lost)
        self.digit_tok = (rf"(?<![A-Za-z{_LETTER_NOT_E}{_DIG}.,٫٬])(?:(?P<pct1>[%٪])\s?)?(?P<num>{num}"
                          rf"(?:(?P<dt>[/:])[{_DIG}]+(?:[/:][{_DIG}]+)?|(?P<dd>-)[{_DIG}]{{1,2}}-[{_DIG}]{{4}}(?![{_DIG}]))?)(?:\s?(?P<pct2>[%٪]))?"
                          rf"(?:ـ?(?:(?P<dord>{self.ord_alt})|(?P<dsfx>{self.dig_sfx_alt}))(?![A-Za-z{_LETTER}{_DIG}])"
                          rf"|(?![A-Za-z{_DIG}ـ])(?!{_L}(?!{_L})))")
        word_core = (rf"(?P<word>{self.bases_alt})(?P<word_ord>{self.ord_alt})?"
                     rf"(?P<wsfx>{self.word_sfx_alt})?(?!\u200c?{_L})")
        # a number word starts a word, or follows a glued لە/بە "in/with" (لەسێ ساڵدا, بەدوو
        # کۆمەڵە) unless the whole is another word (بەهەشت paradise, بەیەکەوە together: not_glued)
        not_glued = alt([p for p, _ in ctx.get("not_glued", [])])
        self.prep_glue = rf"(?<=(?<![{_LETTER}{_DIG}\u200c\u0640])[لب]ە)(?!(?:{not_glued})(?!\u200c?{_L}))"
        # a multiplier glued to digits (12هەزار): digits never join the letter after them
        mult_glued = rf"(?<=[{_DIG}])(?=(?:{alt([f for _, f in self.mult_forms])})(?!\u200c?{_L}))"
        self.word_tok = rf"(?:(?<![{_LETTER}{_DIG}\u200c\u0640])|{self.prep_glue}|{mult_glued}){word_core}"
        tok = f"(?:{self.digit_tok}|{self.word_tok})"
        range_alt = alt([p for p, _ in ctx.get("range", [])])
        sep = rf"(?:[^\S\n]*(?:{range_alt}|و)[^\S\n]+|[^\S\n]*[-–—][^\S\n]*|[^\S\n]+|{mult_glued})"
        tok_nonames = re.sub(r"\?P<\w+>", "?:", tok)
        self._seq_pattern = f"{tok_nonames}(?:{sep}{tok_nonames})*"  # a sequence of number tokens
        self._next_tok_pattern = f"{sep}{tok_nonames}"  # one more token of a sequence
        # the same sequence as one pattern whose tokens never backtrack (what ``find_numbers``
        # does one token at a time before Python 3.11, which has no atomic groups)
        self._seq_atomic_pattern = f"(?>{tok_nonames})(?>{sep}{tok_nonames})*+"
        self.tok_re = compile_cached(tok)
        # fast scanners over the raw text: digit runs, and number words in any spelling
        core = re.sub(r"\?P<\w+>", "?:", word_core)
        # two passes find digit runs and number words after a non-letter (a word at the very
        # start is tested apart). Each pattern starts with a literal or a character class, which
        # ``re`` looks for in C before trying the rest: words after a space (most), and digit
        # runs or words after any other non-letter (a lookbehind tells which)
        self._scan_space_pattern = f" (?:[لب]ە)?({core})"
        self._scan_other_pattern = f"[^{_LETTER}\u200c\u0640 ](?:(?<=[{_DIG}])[{_DIG}]*|(?:[لب]ە)?({core}))"
        self.first_letters = frozenset(ch for w in self.words for ch in re.findall(
            r"[^\[\]()?:|\\]", _RAW_VARIANTS.get(w[0], w[0])))
        self.sep_re = compile_cached(sep)

        def phrases(kind: str) -> _Phrases:
            table = _Phrases((" ".join(p.split()), lab) for p, lab in ctx.get(kind, []))
            for p, lab in list(table.items()):  # also written without the space: لەسەدی
                table.setdefault(p.replace(" ", ""), lab)
            table.first = frozenset(p.split()[0] for p in table)
            table.last = frozenset(p.split()[-1] for p in table)
            return table

        self.left = {k: phrases(k) for k in ("qualifier", "percent_before", "year_before")}
        self.right = {k: phrases(k) for k in ("qualifier_after", "percent_after", "year_after",
                                              "qualifier_le")}
        lefts = [w for k in ("qualifier", "percent_before", "year_before") for p, _ in ctx.get(k, [])
                 for w in (p.split()[-1], p.replace(" ", ""))] + ["لە"]
        # month names: a day number before one of them is part of a date
        self.month_endings = frozenset([""] + [r[1] for r in read_rows("numbers/months.tsv")
                                               if r[0] == "ending"])
        self.months: dict[str, list[tuple[str, ...]]] = {}  # first word -> the words after it
        for r in read_rows("numbers/months.tsv"):
            if r[0] != "ending":
                first, *rest = r[0].split()
                self.months.setdefault(first, []).append(tuple(rest))
        rights = [w for k in ("qualifier_after", "percent_after", "year_after", "qualifier_le")
                  for p, _ in ctx.get(k, [])
                  for w in (p.split()[0], p.replace(" ", ""))] + list(self.months)

        self.year_before_words = tuple(p for p in self.left["year_before"] if " " not in p)
        self.year_after_word = compile_cached(
            f"(?:{alt([p for p in self.right['year_after'] if ' ' not in p])})(?:{alt(word_sfx)})?")

        def weak_words(phrases: list[str], strong: set[str]) -> dict[str, frozenset[str]]:
            # words that end context phrases only as the last of several words (زیاتر لە): the
            # word before them decides (and لە, which also reads a word after: لە ٢٠٠٠ زیاتر)
            strong |= {p for p in phrases if " " not in p}
            before: dict[str, set[str]] = {"لە": set()}
            for p in phrases:
                ws = p.split()
                if len(ws) > 1:
                    before.setdefault(ws[-1], set()).add(ws[-2])
            long_ends = tuple(w for w in strong if len(w) > 2) + self.year_before_words
            return {w: frozenset(b) for w, b in before.items()
                    if w not in strong and not w.endswith(long_ends)}

        def gate(words: set[str], weak: dict[str, frozenset[str]] | None = None) -> _Gate:
            # short words must match whole; longer ones may carry a glued prefix/ending
            # (with the first and the last two letters of every word: quick tests on a miss)
            return (frozenset(words), tuple(sorted(w for w in words if len(w) > 2)), {},
                    frozenset(w[:2] for w in words), frozenset(w[-2:] for w in words), weak or {})

        singles = ({p.split()[-1] for p, _ in ctx.get("not_after", [])} | set(self.letters),
                   {p.split()[0] for p, _ in ctx.get("not_before", [])} | set(self.letters)
                   | set(self.pronouns.values()))
        left_phrases = [p for t in self.left.values() for p in t]
        not_after = [" ".join(p.split()) for p, _ in ctx.get("not_after", [])]
        self.left_gate = gate(set(lefts), weak_words(left_phrases, set()))
        self.left_gate_single = gate(set(lefts) | singles[0],
                                     weak_words(left_phrases + not_after, set(self.letters)))
        def weak_first(phrases: list[str], strong: set[str]) -> dict[str, frozenset[str]]:
            # the same after a number: words that start context phrases only as the first of
            # several (و زیاتر, ی زایینی): the word after them decides
            strong |= {p for p in phrases if " " not in p} | set(self.months)
            after: dict[str, set[str]] = {}
            for p in phrases:
                ws = p.split()
                if len(ws) > 1:
                    after.setdefault(ws[0], set()).add(ws[1])
            long_starts = tuple(w for w in strong if len(w) > 2)
            return {w: frozenset(a) for w, a in after.items()
                    if w not in strong and not w.startswith(long_starts)
                    and not self.year_after_word.fullmatch(w)}

        right_phrases = [p for t in self.right.values() for p in t]
        not_before = [" ".join(p.split()) for p, _ in ctx.get("not_before", [])]
        self.right_gate = gate(set(rights), weak_first(right_phrases, set()))
        self.right_gate_single = gate(set(rights) | singles[1], weak_first(
            right_phrases + not_before, set(self.letters) | set(self.pronouns.values())))
        self.not_after = [(tuple(p.split()), a) for p, a in ctx.get("not_after", [])]
        self.not_before = [(tuple(p.split()), a) for p, a in ctx.get("not_before", [])]

    # the patterns only find_numbers needs are compiled on first use (parse and to_words start faster)
    @functools.cached_property
    def seq_re(self) -> re.Pattern[str]:
        return compile_cached(self._seq_pattern)

    @functools.cached_property
    def next_tok_re(self) -> re.Pattern[str]:
        return compile_cached(self._next_tok_pattern)

    @functools.cached_property
    def seq_match(self) -> Any:
        """The ``match`` of the whole sequence pattern, ``None`` before Python 3.11."""
        if sys.version_info < (3, 11):
            return None
        return compile_cached(self._seq_atomic_pattern).match

    @functools.cached_property
    def scan_space(self) -> re.Pattern[str]:
        return compile_cached(self._scan_space_pattern)

    @functools.cached_property
    def scan_other(self) -> re.Pattern[str]:
        return compile_cached(self._scan_other_pattern)


_RAW_VARIANTS = {"ک": "[کك]", "ی": "[یيى]", "ە": f"(?:[ەة]\u200c?|ه(?:\u200c|(?![{_LETTER}\u200c])))", "ه": "[هھ]",
                 "ۆ": "[ۆؤ]"}
# ە before a letter of the same word: a bare ه (ە only at the end of a word) cannot match there,
# so the pattern leaves that branch (and its large letter class, slow to compile) out
_RAW_E_INSIDE = "(?:[ەة]\u200c?|ه\u200c)"
_RAW_CHARS = {"ک": "کك", "ی": "یيى", "ە": "ەةه", "ه": "هھ", "ۆ": "ۆؤ"}  # each letter's spellings


def _trie(words: list[str]) -> str:
    """A regular expression matching ``words`` as a trie (fast in ``re``), tolerant of older
    spellings (ك ي ى, ه+ZWNJ for ە)."""
    return trie_pattern(words, _variants)


def _variants(ch: str, node: dict[str, Any]) -> str:
    """The pattern for letter ``ch`` of a trie whose paths go on into ``node``."""
    if ch == "ە" and "" not in node and all(_L_RE.fullmatch(c) for k in node
                                            for c in _RAW_CHARS.get(k, k)):
        return _RAW_E_INSIDE  # only letters follow: not at the end of a word
    return _RAW_VARIANTS.get(ch, re.escape(ch))


@cache
def _lex() -> _Lexicon:
    return _Lexicon()


# ----------------------------------------------------------------------------------------------
# text preparation: a same-script form for matching, with a map back to original offsets
_ONE_TO_ONE = (("ك", "ک"), ("ي", "ی"), ("ى", "ی"), ("ة", "ە"), ("ۀ", "ە"), ("ھ", "ه"), ("ؤ", "ۆ"))
_CHANGES = compile_cached("[كيىةۀھؤ\u0640\u064b-\u065f\u0670\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
                      "\u00ad]|ه(?!" + _L + ")")
_DELETE = compile_cached("ه\u200c|[\u0640\u064b-\u065f\u0670\u200b-\u200f\u202a-\u202e\u2066-\u2069"
                     "\ufeff\u00ad]|ه(?!" + _L + ")")


def _prep(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``(normalized, positions, shifts)``: ``normalized`` keeps offsets except where characters
    were deleted; the original offset of normalized ``i`` is
    ``i + shifts[k]`` for the last ``k`` with ``positions[k] <= i``."""
    if not _CHANGES.search(text):
        return text, None, None
    for a, b in _ONE_TO_ONE:  # str.replace is much faster than str.translate here
        if a in text:
            text = text.replace(a, b)
    pos: list[int] = [0]
    shifts: list[int] = [0]
    out: list[str] = []
    last = out_len = shift = 0
    for m in _DELETE.finditer(text):
        s, e = m.span()
        out.append(text[last:s])
        out_len += s - last
        if m.group()[0] == "ه":  # ه+ZWNJ and word-final ه: the vowel ە
            out.append("ە")
            out_len += 1
            shift += e - s - 1
        else:
            shift += e - s
        last = e
        pos.append(out_len)
        shifts.append(shift)
    out.append(text[last:])
    return "".join(out), pos, shifts


# ----------------------------------------------------------------------------------------------
# tokens and the number grammar
@dataclass
class _Tok:
    start: int
    end: int
    cls: str  # unit teen ten hundred mult half vague point minus zero digits date time
    value: Decimal
    form: str  # base word form ('' for digits)
    ordinal: bool = False
    suffix: str = ""  # glued ending (not ordinal)
    suffix_kind: str = ""
    percent: bool = False
    conn: str = ""  # connector before this token: '', 'و', or a range word/dash


def _to_decimal(s: str) -> Decimal | None:
    latin = s.translate(_digit_table("latin"))
    if latin.isdigit() and latin.isascii():  # digits alone (most numbers)
        return Decimal(latin)
    s = convert_digits(s, "latin").replace("،", ",")  # ٢٠،٠٠٠: Arabic comma between thousands
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]) and "." not in parts[0]:
            s = "".join(parts)
        elif len(parts) == 2 and "." not in s:
            s = parts[0] + "." + parts[1]  # 2,5 written with a decimal comma
        else:
            return None
    if s.count(".") > 1:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]):  # 1.000.000 (thousands dots)
            s = "".join(parts)
        else:
            return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


_NW_NEEDED = compile_cached("[\u200c\u0640كيىةۀھؤ]|ه$").search


_NW_CACHE: dict[str, str] = {}


def _nw(word: str) -> str:
    """One raw word (or ending) in standard spelling: ك ي ى ة ھ ؤ, ه+ZWNJ and final ه → ە,
    tatweel and ZWNJ dropped (cached: this runs for every word next to a number)."""
    hit = _NW_CACHE.get(word)
    if hit is None:
        if len(_NW_CACHE) > 50000:
            _NW_CACHE.clear()
        hit = _NW_CACHE[word] = _nw_uncached(word)
    return hit


def _nw_uncached(word: str) -> str:
    if _NW_NEEDED(word) is None:
        return word
    if "\u200c" in word:
        word = word.replace("ه\u200c", "ە").replace("\u200c", "")
    for a, b in _ONE_TO_ONE:
        if a in word:
            word = word.replace(a, b)
    if "\u0640" in word:
        word = word.replace("\u0640", "")
    if word.endswith("ه"):
        word = word[:-1] + "ە"
    return word


def _tokens(ntext: str, start: int, end: int, lex: _Lexicon) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = start
    conn = ""
    while pos < end:
        m = lex.tok_re.match(ntext, pos, end)
        if m is None:
            s = lex.sep_re.match(ntext, pos, end)
            if s is None or s.end() == pos:
                break
            conn = _nw(s.group().strip())
            pos = s.end()
            continue
        g = m.groupdict()
        if g["word"] is not None:
            w = lex.words[_nw(g["word"])]
            sfx = _nw(g["wsfx"] or "")
            if _nw(m.group()) in lex.not_number:
                toks.append(_Tok(m.start(), m.end(), "junk", Decimal(0), "", conn=conn))
                conn = ""
                pos = m.end()
                continue
            t = _Tok(m.start(), m.end(), w.cls, w.value, w.form, ordinal=bool(g["word_ord"]),
                     suffix=sfx, suffix_kind=lex.suffix[sfx][0] if sfx else "", conn=conn)
        else:
            num = g["num"]
            sfx = _nw(g["dsfx"] or "")
            if g["dt"] or g["dd"]:
                parts = re.split("[/:-]", num)
                dt = "time" if ":" in num else "date" if len(parts) == 3 else "junk"
                t = _Tok(m.start(), m.end(), dt, Decimal(0), "",
                         suffix=sfx, suffix_kind=lex.suffix[sfx][0] if sfx else "", conn=conn)
            else:
                val = _to_decimal(num)
                if val is None:  # 1.2.3 section numbers: not one number
                    t = _Tok(m.start(), m.end(), "junk", Decimal(0), "", conn=conn)
                else:
                    t = _Tok(m.start(), m.end(), "digits", val, "", ordinal=bool(g["dord"]),
                             suffix=sfx, suffix_kind=lex.suffix[sfx][0] if sfx else "",
                             percent=bool(g["pct1"] or g["pct2"]), conn=conn)
        if t.suffix_kind == "and":  # ملیارو: a glued و joins the next number
            t.suffix, t.suffix_kind = "", ""
            conn = "و"
            pos = m.end()
            toks.append(t)
            s2 = lex.sep_re.match(ntext, pos, end)
            if s2 is not None and s2.group().strip() == "":
                pos = s2.end()
            continue
        toks.append(t)
        conn = ""
        pos = m.end()
    return toks


@dataclass
class _Num:
    i: int  # first token
    j: int  # one past the last token
    value: Decimal
    ordinal: bool = False
    vague: bool = False
    approx: bool = False
    decimal: bool = False
    high: Decimal | None = None


def _parse_one(toks: list[_Tok], i: int) -> tuple[_Num | None, str]:
    """The longest well-formed number starting at token ``i``; ``(None, reason)`` if none."""
    n = len(toks)
    t0 = toks[i]
    if t0.cls in ("date", "time", "junk"):
        return _Num(i, i + 1, Decimal(0)), ""
    total = Decimal(0)
    group: Decimal | None = None  # value of the group being built (below a multiplier)
    slot = ""  # last thing in the group: hundred / ten / unit / digits / half / vague / point
    group_start = i
    last_mult: Decimal | None = None  # multiplier just before (group empty)
    max_mult = Decimal(0)
    min_mult: Decimal | None = None
    neg = False
    vague = approx = False
    point_digits: list[str] | None = None
    best: tuple[int, Decimal, bool] | None = None  # (j, value, ordinal)
    reason = ""
    k = i
    if t0.cls == "minus":
        neg = True
        k += 1
    while k < n:
        t = toks[k]
        c = t.cls
        and_ = t.conn == "و" and k > i
        if k > i and t.conn not in ("", "و"):
            break  # range connector: the number ends
        ok = True
        if point_digits is not None:
            # after پۆینت: digit by digit (دوو پۆینت سفر پێنج), or one number (چوار پۆینت نەوەد و نۆ)
            tail = point_digits[-1] if point_digits else ""
            if c in ("unit", "zero") and not and_ and not t.percent and not tail.startswith("+"):
                point_digits.append(str(int(t.value)))
            elif c in ("ten", "teen", "digits") and not point_digits and not and_ and t.value == int(t.value):
                point_digits.append(("+" if c == "ten" else "") + str(int(t.value)))
            elif c == "unit" and and_ and tail.startswith("+") and len(point_digits) == 1:
                point_digits[0] = str(int(tail[1:]) + int(t.value))
            else:
                break
        elif c == "point":
            if group is None and last_mult is None or slot in ("point", "vague", "half") or t.ordinal:
                reason = "a decimal point needs a number before it"
                break
            point_digits = []
            slot = "point"
        elif c in ("date", "time", "junk", "minus"):
            break
        elif c == "zero":
            if k != (i + 1 if neg else i):
                reason = f"'{t.form}' (zero) cannot be part of a longer number"
                break
            group, slot = Decimal(0), "zero"
        elif c == "vague" and slot == "vague" and t.value >= 1000 and not and_:
            group = group * t.value  # دەیان هەزاران: tens of thousands
        elif c == "vague":
            if group is not None or last_mult is not None or k != (i + 1 if neg else i):
                reason = f"'{t.form}' (a vague plural) starts a number"
                break
            group, slot, vague = t.value, "vague", True
        elif c == "half":
            if group is None and last_mult is None and not and_:
                # نیو ملیۆن: half of the next multiplier
                if k + 1 < n and toks[k + 1].cls == "mult" and toks[k + 1].conn == "" and not t.suffix:
                    group, slot, group_start = Decimal("0.5"), "half", k
                else:
                    reason = "'نیو' (half) alone is not a number"
                    break
            elif and_ and group is not None and slot not in ("half", "vague", "point"):
                group, slot = group + Decimal("0.5"), "half"
            elif and_ and group is None and last_mult is not None:
                total += last_mult / 2
                slot, last_mult = "half", None
                group = None
            else:
                reason = "'نیو' (half) must follow 'و'"
                break
        elif c == "mult":
            M = t.value
            if group is None:
                if last_mult is not None and not and_ and M > max_mult:
                    total = total * M  # هەزار ملیۆن
                    max_mult = last_mult = min_mult = M
                elif last_mult is None and k == (i + 1 if neg else i):
                    total, last_mult, max_mult, min_mult = M, M, M, M  # bare هەزار
                    group_start = k + 1
                elif last_mult is not None and min_mult is not None and M < min_mult:
                    total += M  # دوو ملیۆن و هەزار: a bare smaller multiplier is one of it
                    last_mult = min_mult = M
                    group_start = k + 1
                else:
                    reason = f"'{t.form}' cannot follow '{toks[k - 1].form or 'the number'}'"
                    break
            else:
                if and_ and slot != "half":
                    reason = f"'و {t.form}': a multiplier does not follow 'و'"
                    ok = False
                elif M > max_mult:
                    total = (total + group) * M
                    max_mult = min_mult = M
                elif min_mult is not None and M < min_mult:
                    total += group * M
                else:
                    ok = False
                    reason = f"'{t.form}' repeats a larger or equal multiplier"
                if not ok:
                    if group_start > i:
                        # دوو هەزار سێ هەزار: the second group starts a new number
                        head, _ = _parse_one(toks[:group_start], i)
                        if head is not None:
                            return head, ""
                    break
                group = None
                last_mult = M
                min_mult = M if min_mult is None else min(min_mult, M)
                slot = "mult"
                group_start = k + 1
        else:  # unit teen ten hundred digits
            v = t.value
            if group is None:
                if last_mult is not None:
                    # after a multiplier: a smaller number adds, with or without و
                    if v >= last_mult or (c == "digits" and v != v.to_integral_value()):
                        reason = f"'{t.form or v}' is not smaller than the multiplier before it"
                        break
                elif k != (i + 1 if neg else i):
                    break
                elif and_:
                    break
                group, slot, group_start = v, c if c != "teen" else "unit", k
                if c == "digits":
                    slot = "digits"
            else:
                if c == "hundred" and t.form in _lex().words and v == 100 and not and_ \
                        and slot in ("unit",) and group < 10:
                    group, slot = group * 100, "hundred"  # دوو سەد
                elif c == "hundred" and not and_ and slot == "digits" and group < 10 and v == 100:
                    group, slot = group * 100, "hundred"
                elif and_ and slot == "hundred" and v < 100 and c != "hundred":
                    group, slot = group + v, ("ten" if c == "ten" else "unit")
                    if c == "digits":
                        slot = "digits"
                elif and_ and slot == "ten" and c == "unit":
                    group, slot = group + v, "unit"
                else:
                    reason = (f"'{toks[k - 1].form or toks[k - 1].value}' and "
                              f"'{t.form or t.value}' do not combine into one number")
                    break
        # token accepted
        k += 1
        ordinal = t.ordinal
        value = total + (group or 0)
        if point_digits:
            value = Decimal(str(int(value)) + "." + "".join(point_digits).lstrip("+"))
        complete = not (point_digits is not None and not point_digits) and not (slot == "half" and group is not None
                                                   and group == Decimal("0.5") and total == 0)
        if complete:
            best = (k, -value if neg else value, ordinal)
        if ordinal or (t.suffix and t.suffix_kind != "ordinal") or t.percent:
            if t.suffix_kind == "approx":
                approx = True
            break
    if best is None:
        return None, reason or "not a number"
    j, value, ordinal = best
    return _Num(i, j, value, ordinal=ordinal, vague=vague, approx=approx and j == k,
                decimal=value != value.to_integral_value()), reason


_ONE_TOKEN_CLASSES = frozenset(("unit", "teen", "ten", "hundred", "digits", "zero", "vague", "mult"))


def _assemble(toks: list[_Tok]) -> list[_Num]:
    if len(toks) == 1 and toks[0].cls in _ONE_TOKEN_CLASSES:
        # one token: what ``_parse_one`` makes of it, directly
        t = toks[0]
        value = Decimal(0) + (t.value or 0)
        return [_Num(0, 1, value, ordinal=t.ordinal, vague=t.cls == "vague",
                     approx=t.suffix_kind == "approx", decimal=value != value.to_integral_value())]
    out: list[_Num] = []
    i = 0
    while i < len(toks):
        num, _ = _parse_one(toks, i)
        if num is None or num.j <= i:
            i += 1
            continue
        out.append(num)
        i = num.j
    return out


def _as_number(d: Decimal) -> Number:
    if d == d.to_integral_value():
        return int(d)
    return float(d)


def _parse_decimal(text: str) -> tuple[Decimal, bool]:
    if not isinstance(text, str):
        raise TypeError(f"parse() expects str, not {type(text).__name__}")
    lex = _lex()
    ntext, _, _ = _prep(text)
    s = ntext.strip()
    if not s:
        raise ValueError("parse(): empty text is not a number")
    neg = False
    if s[0] in "-−" and len(s) > 1:
        neg, s = True, s[1:].lstrip()
    toks = _tokens(s, 0, len(s), lex)
    covered = toks and toks[-1].end == len(s)
    if not covered:
        bad = s[toks[-1].end:].strip() if toks else s
        raise ValueError(f"parse(): {bad[:40]!r} is not part of a number in {text[:60]!r}")
    if any(t.cls in ("date", "time", "junk") for t in toks):
        raise ValueError(f"parse(): {text[:60]!r} is a date, time or section number, not one number")
    num, reason = _parse_one(toks, 0)
    if num is None or num.j != len(toks):
        where = toks[num.j] if num is not None and num.j < len(toks) else toks[0]
        why = reason or "does not continue the number"
        raise ValueError(f"parse(): {text[:60]!r} is not one number: at {s[where.start:where.end]!r}: {why}")
    value = -num.value if neg else num.value
    return value, num.ordinal


def parse(text: str) -> Number:
    """The value of one number written in words, digits or a mixture of both.

    Accepts ``و``, multipliers, ``نیو`` (half), decimal digits and separators in any script,
    ordinals and glued endings; raises ``ValueError`` if the text is not exactly one number.

    >>> parse("هەزار و ٩٠٠ی")
    1900
    >>> parse("٢٫٥ ملیار")
    2500000000
    >>> parse("نیو ملیۆن")
    500000
    >>> parse("بیست و پێنجەم")
    25
    >>> parse("سەد دوو")
    Traceback (most recent call last):
    ...
    ValueError: parse(): 'سەد دوو' is not one number: at 'دوو': 'سەد' and 'دوو' do not combine into one number
    """
    return _as_number(_parse_decimal(text)[0])


parse_number = parse  # the name exported as ``sorani.parse_number``


# ----------------------------------------------------------------------------------------------
# writing numbers
def _below_1000(n: int, lex: _Lexicon) -> list[str]:
    parts: list[str] = []
    h, rest = divmod(n, 100)
    if h:
        parts.append(lex.std[("small", h * 100)])
    if rest:
        if rest < 20:
            parts.append(lex.std[("small", rest)])
        else:
            t, u = divmod(rest, 10)
            parts.append(lex.std[("small", t * 10)])
            if u:
                parts.append(lex.std[("small", u)])
    return parts


def _int_words(n: int, lex: _Lexicon) -> str:
    if n == 0:
        return lex.std[("small", 0)]
    top_value, top_form = lex.mults[0]
    parts: list[str] = []
    if n >= top_value * 1000:
        q, n = divmod(n, top_value)
        parts.append(_int_words(q, lex) + " " + top_form)
    for value, form in lex.mults:
        q, n = divmod(n, value)
        if q:
            if q == 1 and value == 1000:
                parts.append(form)  # هەزار, not یەک هەزار
            else:
                parts.append(" و ".join(_below_1000(q, lex)) + " " + form)
    if n:
        parts.extend(_below_1000(n, lex))
    return " و ".join(parts)


def to_words(n: Number | Decimal | str, ordinal: bool = False) -> str:
    """Write ``n`` in Sorani words (standard orthography); ``ordinal=True`` gives the ordinal.

    Integers of any size, negatives (``سالب``), decimals (digit by digit after ``پۆینت``).

    >>> to_words(21000)
    'بیست و یەک هەزار'
    >>> to_words(1900)
    'هەزار و نۆسەد'
    >>> to_words(25, ordinal=True)
    'بیست و پێنجەم'
    >>> to_words(-2.5)
    'سالب دوو پۆینت پێنج'
    """
    lex = _lex()
    if isinstance(n, bool):
        raise TypeError("to_words() expects a number, not bool")
    if isinstance(n, str):
        d = _to_decimal(n.strip())
        if d is None:
            raise ValueError(f"to_words(): {n[:40]!r} is not written in digits")
    elif isinstance(n, int):
        d = Decimal(n)
    elif isinstance(n, (float, Decimal)):
        if isinstance(n, float) and (n != n or n in (float("inf"), float("-inf"))):
            raise ValueError(f"to_words(): {n} has no words")
        d = Decimal(str(n)) if isinstance(n, float) else n
        if not d.is_finite():
            raise ValueError(f"to_words(): {n} has no words")
    else:
        raise TypeError(f"to_words() expects a number, not {type(n).__name__}")
    neg = d < 0
    d = abs(d)
    integral = d == d.to_integral_value()
    if ordinal and (neg or not integral):
        raise ValueError(f"to_words(): an ordinal needs a whole number ≥ 0, not {n}")
    if integral:
        words = _int_words(int(d), lex)
    else:
        whole, frac = format(d.normalize(), "f").split(".")
        digits = " ".join(lex.std[("small", int(ch))] for ch in frac)
        words = f"{_int_words(int(whole), lex)} {lex.special['point']} {digits}"
    if ordinal:
        head, _, last = words.rpartition(" ")
        words = (head + " " if head else "") + lex.ordinal[last]
    if neg:
        words = f"{lex.special['minus']} {words}"
    return words


# ----------------------------------------------------------------------------------------------
# finding numbers in text
KINDS = ("cardinal", "ordinal", "decimal", "percent", "year", "range", "date", "time")


@dataclass(slots=True)
class NumberSpan:
    """A number found in text: ``text[start:end]`` of the caller's string, its ``value``
    (``high``: upper bound of a range), ``kind`` (one of ``KINDS``), ``qualifier``
    (``more_than``, ``less_than``, ``about``, ``at_least``, ``at_most``, ``only``, ``even`` or
    ``None``) with its own offsets, and ``vague`` for plurals such as ``سەدان`` "hundreds of".
    Dates and times in digits have ``value`` ``None``; a day before a month name
    (``١٤ی تشرینی دووەم``) is a ``date`` whose value is the day."""

    start: int
    end: int
    text: str
    value: Number | None
    kind: str
    qualifier: str | None = None
    vague: bool = False
    high: Number | None = None
    qualifier_start: int | None = None
    qualifier_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form.

        >>> find_numbers("نزیکەی سەدان کەس")[0].to_dict()["vague"]
        True
        """
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                "kind": self.kind, "qualifier": self.qualifier, "vague": self.vague,
                "high": self.high, "qualifier_start": self.qualifier_start,
                "qualifier_end": self.qualifier_end}


_HALF_AFTER = compile_cached(f"[^\\S\\n]+[{_LETTER}]+[^\\S\\n]+و[^\\S\\n]*نیو(?:ێکی|ێک|ی)?(?![{_LETTER}])")
_PUNCT = "()[]{}«»\"'“”‘’،؛:,.!?؟*<>"
_WORD_RE = compile_cached("[^\\s" + re.escape(_PUNCT) + "]+|[%٪]")


# a gate: words that must match whole, words that may carry a glued prefix or ending, and a cache
# of answers per raw word (the same words recur next to numbers)
# (cache values: False, True, or for a weak word (see ``_left_gate_word``) the word and the words
# that may stand before it)
_Gate = tuple[frozenset[str], tuple[str, ...], dict[str, Any], frozenset[str], frozenset[str],
              dict[str, frozenset[str]]]
# the one-to-one spelling changes of ``_nw`` (for the quick tests of the gates)
_ONE_TO_ONE_TABLE = str.maketrans(dict(_ONE_TO_ONE))
_GATE_CACHE_MAX = 50000


def _left_gate(text: str, pos: int, gate: _Gate) -> bool:
    """Whether the word before ``pos`` could end a context phrase (a quick test): the word
    after the last space, newline, ``،``, ``,`` or ``(`` among the 30 characters before it."""
    j = pos
    while j > 0 and text[j - 1] in _LEFT_SKIP:
        j -= 1
    if j == 0 or (j == pos and text[j - 1] != "ە"):  # (کە3: the word glued with ە is the word before)
        return False
    lo = max(0, j - 30)
    i = text.rfind(" ", lo, j)
    if i < 0:  # no space: the other separators decide, or the whole text before
        i = max(text.rfind("\n", lo, j), text.rfind("،", lo, j), text.rfind(",", lo, j),
                text.rfind("(", lo, j))
        return _left_gate_word(text[i + 1:j], gate)
    raw = text[i + 1:j]  # the answer depends on this text alone
    hit = gate[2].get(raw)
    if hit is None:
        hit = _left_gate_raw(raw, gate)
    return hit


def _left_gate_raw(raw: str, gate: _Gate) -> bool:
    """``_left_gate`` of the text ``raw`` between the last space and the number (cached)."""
    if len(gate[2]) > _GATE_CACHE_MAX:
        gate[2].clear()
    k = max(raw.rfind("\n"), raw.rfind("،"), raw.rfind(","), raw.rfind("("))
    hit = gate[2][raw] = _left_gate_word(raw[k + 1:], gate)
    return hit


def _left_gate_word(raw: str, gate: _Gate) -> bool:
    if len(raw) > 2 and "\u200c" not in raw[-3:] and "\u0640" not in raw[-3:]:
        # the last two letters in standard spelling must end some word of the gate
        tail = raw[-2:].translate(_ONE_TO_ONE_TABLE)
        if tail[-1] == "ه":
            tail = tail[0] + "ە"
        if tail not in gate[4]:
            return False
    w = _nw_uncached(raw)
    if w in gate[0] or w.endswith(gate[1]):
        weak = gate[5].get(w)
        # a weak word (لە) counts only with the word before it: ``_emit`` looks there
        return True if weak is None else (w, weak)
    return False


def _right_gate(text: str, pos: int, gate: _Gate) -> bool:
    """Whether the word after ``pos`` could start a context phrase (a quick test)."""
    j = pos
    n = len(text)
    while j < n and text[j] in " \t":
        j += 1
    if j == n or text[j] in _PUNCT:
        return False
    if text[j] in "%٪":
        return True
    i = text.find(" ", j, j + 30)
    raw = text[j:i if i >= 0 else j + 30]
    hit = gate[2].get(raw)
    if hit is None:
        hit = _right_gate_raw(raw, gate)
    return hit


def _right_gate_raw(raw: str, gate: _Gate) -> bool:
    """``_right_gate`` of the text ``raw`` from the word after the number to a space (cached)."""
    if len(gate[2]) > _GATE_CACHE_MAX:
        gate[2].clear()
    word = raw.rstrip(_PUNCT)
    if len(word) > 3 and "\u200c" not in word[:3] and "\u0640" not in word[:3] \
            and word[:2].translate(_ONE_TO_ONE_TABLE) not in gate[3]:
        hit = False  # the first two letters in standard spelling start no word of the gate
    else:
        w = _nw_uncached(word)
        hit = w in gate[0] or w.startswith(gate[1])
        if hit:
            weak = gate[5].get(w)
            if weak is not None:
                hit = (w, weak)  # a weak word (و): ``_emit`` looks at the word after it
    gate[2][raw] = hit
    return hit


def _words_before(text: str, pos: int) -> list[str]:
    """The last (up to 3) words before ``pos`` on its line, in standard spelling; punctuation
    separates words; a word glued to ``pos`` does not count, unless it ends in ە (لە100)."""
    lo = max(0, pos - 40)
    seg = text[lo:pos]
    nl = seg.rfind("\n")
    if nl >= 0:
        seg, lo = seg[nl + 1:], lo + nl + 1
    ws = _WORD_RE.findall(seg)
    if ws and seg and not (seg[-1].isspace() or seg[-1] in _PUNCT or seg[-1] == "ە"):
        ws.pop()
    if ws and lo > 0 and not (text[lo - 1].isspace() or text[lo - 1] in _PUNCT) and seg.startswith(ws[0]):
        ws.pop(0)
    return [_nw(w) for w in ws[-3:]]


def _words_after(text: str, pos: int) -> list[str]:
    """The first (up to 3) words after ``pos`` on its line (see ``_words_before``)."""
    seg = text[pos:pos + 40]
    nl = seg.find("\n")
    if nl >= 0:
        seg = seg[:nl]
    ws = _WORD_RE.findall(seg)
    if ws and pos + 40 < len(text) and nl < 0 and not text[pos + 40].isspace() and seg.endswith(ws[-1]):
        ws.pop()
    return [_nw(w) for w in ws[:3]]


class _Phrases(dict):  # type: ignore[type-arg]
    """Phrase -> label, with the words phrases start and end with (a quick test first)."""

    first: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()


def _phrase_before(words: list[str], table: _Phrases) -> tuple[str, int] | None:
    """The longest phrase of ``table`` made of the last words: ``(label, number of words)``."""
    if not words or words[-1] not in table.last:
        return None
    for k in (3, 2, 1):
        if len(words) >= k:
            label = table.get(" ".join(words[-k:]))
            if label is not None:
                return label, k
    return None


def _phrase_after(words: list[str], table: _Phrases) -> tuple[str, int] | None:
    if not words or words[0] not in table.first:
        return None
    for k in (3, 2, 1):
        if len(words) >= k:
            label = table.get(" ".join(words[:k]))
            if label is not None:
                return label, k
    return None


def _span_before(text: str, pos: int, k: int) -> tuple[int, int]:
    """Offsets of the last ``k`` words before ``pos`` (as counted by ``_words_before``)."""
    lo = max(0, pos - 40)
    spans = [m.span() for m in _WORD_RE.finditer(text, lo, pos) if "\n" not in text[m.end():pos]]
    if spans and spans[-1][1] == pos and text[pos - 1] != "ە":
        spans.pop()
    spans = spans[-k:]
    return (spans[0][0], spans[-1][1]) if spans else (pos, pos)


def _span_after(text: str, pos: int, k: int) -> tuple[int, int]:
    spans = [m.span() for m in _WORD_RE.finditer(text, pos, min(len(text), pos + 40))][:k]
    return (spans[0][0], spans[-1][1]) if spans else (pos, pos)


def _excluded(before: list[str], after: list[str], tok: _Tok, lex: _Lexicon) -> bool:
    form = tok.form
    if (before and before[-1] in lex.letters) or (after and after[0] in lex.letters):
        return True
    for phrase, which in lex.not_after:
        if (which == "*" or which == form) and tuple(before[-len(phrase):]) == phrase:
            return True
    for phrase, which in lex.not_before:
        if which == form and tuple(after[:len(phrase)]) == phrase:
            return True
    return False


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in ``text`` with its value, kind, qualifier and span in ``text``.

    >>> [(n.text, n.value, n.kind) for n in find_numbers("لە ساڵی ٢٠٢٠دا بۆ یەکەم جار لە سەدا ٣٠")]
    [('٢٠٢٠دا', 2020, 'year'), ('یەکەم', 1, 'ordinal'), ('لە سەدا ٣٠', 30, 'percent')]
    >>> [(n.text, n.value, n.high, n.kind) for n in find_numbers("دوو سێ ڕۆژ، ١٩٨٠-١٩٨٨")]
    [('دوو سێ', 2, 3, 'range'), ('١٩٨٠-١٩٨٨', 1980, 1988, 'range')]
    >>> [(n.text, n.value, n.kind) for n in find_numbers("لە ١٤ی تشرینی دووەمی ٢٠٢٥")]
    [('١٤ی', 14, 'date'), ('٢٠٢٥', 2025, 'year')]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_numbers() expects str, not {type(text).__name__}")
    lex = _lex()
    seq_match = lex.seq_match  # (compiled on the first call, with the scanners)
    hits = [m.start(1) for m in lex.scan_space.finditer(text)]
    other = [m.start(m.lastindex or 0) for m in lex.scan_other.finditer(text)]
    if other:
        hits = sorted(hits + other) if hits else other
    if text and text[0] in lex.first_letters and lex.tok_re.match(text):  # a word at the start
        hits.insert(0, 0)
    elif text[:2] in ("لە", "بە") and lex.tok_re.match(text, 2):  # (after a glued لە/بە)
        hits.insert(0, 2)
    if not hits:
        return []
    out: list[NumberSpan] = []
    last_end = done = 0
    # the sequence ``seq_re`` matches, in one call (``seq_match``), or before Python 3.11 one
    # token at a time: ``tok_re`` is compiled anyway, and ``next_tok_re`` holds one token pattern
    # where ``seq_re`` holds two (faster to compile)
    if seq_match is None:
        tok_match, next_match = lex.tok_re.match, lex.next_tok_re.match
    cache_get = _SEQ_CACHE.get
    for h in hits:
        if h < done:
            continue
        if h > 0 and text[h - 1] in "%٪":
            h -= 1
        elif h > 1 and text[h - 1] == " " and text[h - 2] in "%٪":
            h -= 2
        if seq_match is not None:  # Python 3.11+: one call
            m = seq_match(text, h)
            if m is None:
                continue
            end = m.end()
        else:
            m = tok_match(text, h)
            if m is None:
                continue
            end = m.end()
            while (m := next_match(text, end)) is not None:
                end = m.end()
        done = end
        seq = text[h:end]
        recs = cache_get(seq)
        if recs is None:
            recs = _analyze_seq(seq, lex)
        if recs:
            last_end = _emit(text, h, recs, lex, out, last_end)
    return out


def _find_slow(text: str) -> list[NumberSpan]:
    """``find_numbers`` without the fast pre-filter (one pass of the full pattern); for tests."""
    lex = _lex()
    out: list[NumberSpan] = []
    last_end = 0
    for m in lex.seq_re.finditer(text):
        last_end = _emit(text, m.start(), _analyze_seq(m.group(), lex), lex, out, last_end)
    return out


_SEQ_CACHE: dict[str, list[list[Any]]] = {}
_SEQ_CACHE_MAX = 50000
_MISS = object()


def _analyze_seq(seq: str, lex: _Lexicon) -> list[list[Any]]:
    """The numbers of one matched sequence (offsets relative to it), one record each:
    ``[number, tokens, start, end, left gate, right gate, digits, bullet possible, cache,
    context-free]`` (context-free: a date, time or junk token, described without its context).
    Cached: the same sequences recur a lot; ``cache`` holds the description of the number when
    no context phrase is around (it then depends on the sequence and the characters next to it
    only: see ``_emit``)."""
    if seq.isdigit():  # digits alone (the pattern admits no other): one token, one number
        value = _to_decimal(seq)
        assert value is not None
        toks = [_Tok(0, len(seq), "digits", value, "")]
        # what ``_describe`` says of it with nothing around: a cardinal
        plain = (0, len(seq), int(value), "cardinal", None, None, None, None)
        recs: list[list[Any]] = [[_Num(0, 1, value), toks, 0, len(seq), lex.left_gate, lex.right_gate,
                                  True, True, [plain, _MISS, _MISS, _MISS], False]]
        if len(_SEQ_CACHE) > _SEQ_CACHE_MAX:
            _SEQ_CACHE.clear()
        _SEQ_CACHE[seq] = recs
        return recs
    toks = _tokens(seq, 0, len(seq), lex)
    recs = []
    for num in _merge_ranges(seq, toks, _assemble(toks)):
        first = toks[num.i]
        single = num.j - num.i == 1 and first.cls != "digits"
        digits = first.cls == "digits"
        one = num.j - num.i == 1
        recs.append([num, toks, first.start, toks[num.j - 1].end,
                     lex.left_gate_single if single else lex.left_gate,
                     lex.right_gate_single if single else lex.right_gate,
                     digits, digits and one and not first.suffix and not first.percent, [_MISS] * 4,
                     first.cls in ("date", "time", "junk")])
    if len(_SEQ_CACHE) > _SEQ_CACHE_MAX:
        _SEQ_CACHE.clear()
    _SEQ_CACHE[seq] = recs
    return recs


def _emit(text: str, off: int, recs: list[list[Any]], lex: _Lexicon, out: list[NumberSpan],
          last_end: int) -> int:
    """Describe the numbers ``recs`` of the sequence at ``off`` and append their spans to ``out``.

    The gates (``_left_gate``, ``_right_gate``) are inlined for the usual case, a word already
    in their cache; the functions themselves answer the rest."""
    n = len(text)
    for num, toks, rs, re_, gate_l, gate_r, digits, bullet_ok, descs, ctx_free in recs:
        s, e = rs + off, re_ + off
        # the characters next to the number first (a key of the cached descriptions): a list
        # marker (slot 2) is never a number, whatever the words around it
        slot = 0
        if digits:
            before = text[s - 1] if s else "\n"
            if before in " \t\n(":
                # a list marker starts its line: a letter before the space says no
                if bullet_ok and (before == "\n" or s < 2 or text[s - 2] in _BULLET_LEAD) \
                        and _bullet_at(text, s, e):
                    continue
            elif before in "−-" and (s == 1 or text[s - 2] in " \t\n(=["):
                slot = 1
        if ctx_free:  # a date, time or junk token: its description ignores the words around it
            rel = descs[0]
            if rel is _MISS:
                span = _describe(text, toks, num, lex, off, False, False)
                rel = descs[0] = None if span is None else (span[0] - off, span[1] - off) + span[2:]
            if rel is None:
                continue
            s, e, value, kind, qual, qs, qe, high = rel
            s += off
            e += off
            if s < last_end:
                continue
            last_end = e
            out.append(NumberSpan(s, e, text[s:e], value, kind, qual, num.vague, high, qs, qe))
            continue
        j = s
        while j and text[j - 1] in _LEFT_SKIP:
            j -= 1
        if j == 0 or (j == s and text[j - 1] != "ە"):
            gl = False
        else:
            i = text.rfind(" ", j - 30 if j > 30 else 0, j)
            if i < 0:
                gl = _left_gate(text, s, gate_l)
            else:
                raw = text[i + 1:j]
                gl = gate_l[2].get(raw)
                if gl is None:
                    gl = _left_gate_raw(raw, gate_l)
        weak_left = False
        if gl and gl is not True:
            # a word that ends context phrases only after another one (زیاتر لە): without that
            # word, and without a context word after the number, the words before change nothing
            before = _words_before(text, s)
            if before and before[-1] == gl[0] and (len(before) < 2 or before[-2] not in gl[1]):
                gl, weak_left = False, True
        if gl:
            # (``_describe`` finds the right gate itself when it is not given)
            span = _describe(text, toks, num, lex, off, gl, None)
            if span is None:
                continue
            s, e, value, kind, qual, qs, qe, high = span
        else:
            j = e
            while j < n and text[j] in " \t":
                j += 1
            if j == n or text[j] in _PUNCT:
                gr = False
            elif text[j] in "%٪":
                gr = True
            else:
                i = text.find(" ", j, j + 30)
                raw = text[j:i if i >= 0 else j + 30]
                gr = gate_r[2].get(raw)
                if gr is None:
                    gr = _right_gate_raw(raw, gate_r)
            if gr and gr is not True:
                after = _words_after(text, e)
                if after and after[0] == gr[0] and (len(after) < 2 or after[1] not in gr[1]):
                    gr = False  # a weak word without the word that completes its phrase
            if gr or text.find("نیو", e, e + 30) >= 0:
                span = _describe(text, toks, num, lex, off, weak_left, gr)
                if span is None:
                    continue
                s, e, value, kind, qual, qs, qe, high = span
            else:
                # no context phrase around: the description depends on the sequence and the
                # characters next to it only, and the same ones recur (cached, relative offsets)
                rel = descs[slot]
                if rel is _MISS:
                    span = _describe(text, toks, num, lex, off, False, False)
                    rel = descs[slot] = None if span is None else (span[0] - off, span[1] - off) + span[2:]
                if rel is None:
                    continue
                s, e, value, kind, qual, qs, qe, high = rel
                s += off
                e += off
        if s < last_end:  # already inside the previous number (حەفتا لە سەدی)
            continue
        last_end = e
        out.append(NumberSpan(s, e, text[s:e], value, kind, qual, num.vague, high, qs, qe))
    return last_end


_LEFT_SKIP = " \t(«\"'“"  # what ``_left_gate`` skips before the word
_BULLET_LEAD = " \t\u00a0(\u200f\u200e\n"  # what may stand between a list marker and its line start


def _bullet_at(text: str, start: int, end: int) -> bool:
    """``_bullet`` of plain digits at ``text[start:end]`` (no ending, no percent sign)."""
    after = text[end:end + 3].lstrip(" ")  # the marker after it first: most numbers have none
    if not (after and after[0] in "-–.)ـ" and (len(after) == 1 or not after[1].isdigit())):
        return False
    line_start = text.rfind("\n", max(0, start - 8), start) + 1
    if line_start == 0 and start > 8:
        return False
    if text[line_start:start].strip(" \t\u00a0(\u200f\u200e") != "":
        return False
    # ( 12 ) هەزار: a multiplier after the bracket makes it an amount, not a marker
    return not (after[0] == ")" and _mult_word_at(text, text.find(")", end) + 1))


def _mult_word_at(text: str, i: int) -> bool:
    """The word from ``text[i:]`` on (after spaces) starts with a multiplier (هەزار, ملیۆن)."""
    while i < len(text) and text[i] in " \t":
        i += 1
    j = i
    while j < len(text) and j < i + 12 and not text[j].isspace():
        j += 1
    w = _nw_uncached(text[i:j])
    return any(w.startswith(f) for _, f in _lex().mult_forms)


def _merge_ranges(ntext: str, toks: list[_Tok], nums: list[_Num]) -> list[_Num]:
    if len(nums) < 2:
        return nums
    out: list[_Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        if k + 1 < len(nums):
            b = nums[k + 1]
            tb = toks[b.i]
            ta = toks[a.j - 1]
            simple = not (a.ordinal or b.ordinal or a.vague or b.vague)
            plain_a = toks[a.i].cls not in ("date", "time", "junk") and tb.cls not in ("date", "time", "junk")
            same_script = (toks[a.i].cls == "digits") == (tb.cls == "digits")
            if b.i == a.j and simple and plain_a and same_script and not ta.suffix:
                low = a.value
                tl = toks[b.j - 1]
                if tl.cls == "mult" and a.j - a.i == 1 and low < tl.value and low * tl.value <= b.value:
                    low = low * tl.value  # ١٧ تا ١٩ هەزار: 17000 to 19000
            else:
                low = None
            if low is not None and b.value > low:
                joined = tb.conn not in ("", "و") and _range_gap_ok(ntext, toks, a, b)
                one_word = (a.j - a.i == 1 and b.j - b.i == 1 and tb.conn == "" and ta.cls == tb.cls
                            and ta.cls in ("unit", "ten") and b.value - a.value == (1 if ta.cls == "unit" else 10))
                if joined or one_word:
                    out.append(_Num(a.i, b.j, low, high=b.value, decimal=False,
                                    approx=b.approx))
                    k += 2
                    continue
        out.append(a)
        k += 1
    return out


def _range_gap_ok(ntext: str, toks: list[_Tok], a: _Num, b: _Num) -> bool:
    """``1-3`` and ``١٨ - ٩٤`` are ranges; ``1- پێنج`` (a list marker) is not."""
    if toks[b.i].conn not in "-–—":
        return True
    gap = ntext[toks[a.j - 1].end:toks[b.i].start]
    return gap[0].isspace() == gap[-1].isspace()


def _bullet(ntext: str, tok: _Tok, off: int = 0) -> bool:
    """A list marker: an integer alone at the start of a line followed by ``-``, ``.`` or ``)``."""
    if tok.cls != "digits" or tok.suffix or tok.percent:
        return False
    return _bullet_at(ntext, tok.start + off, tok.end + off)


def _describe(ntext: str, toks: list[_Tok], num: _Num, lex: _Lexicon, off: int = 0,
              gl: bool | None = None, gr: bool | None = None):
    first, last = toks[num.i], toks[num.j - 1]
    s, e = first.start + off, last.end + off
    approx = num.approx
    if first.cls in ("date", "time"):
        return s, e, None, first.cls, None, None, None, None
    if first.cls == "junk":
        return None
    if num.j - num.i == 1 and first.cls == "digits" and (s == 0 or ntext[s - 1] in " \t\n(") \
            and _bullet(ntext, first, off):
        return None
    single_word = num.j - num.i == 1 and first.cls != "digits"
    # cheap look at the neighbouring words first: most numbers have no context phrase at all
    if gl is None:
        gl = _left_gate(ntext, s, lex.left_gate_single if single_word else lex.left_gate)
    if gr is None:
        gr = _right_gate(ntext, e, lex.right_gate_single if single_word else lex.right_gate)
    before = _words_before(ntext, s) if gl else []
    after_all = _words_after(ntext, e) if gr else []
    if single_word:
        if first.suffix_kind == "approx" and first.form in lex.pronouns:
            if not after_all or after_all[0] != lex.pronouns[first.form]:
                return None
            approx = False
        elif (before or after_all) and _excluded(before, after_all, first, lex):
            return None
    value = num.value
    if first.cls == "digits" and s >= 1 and ntext[s - 1] in "−-" and num.high is None \
            and (s == 1 or ntext[s - 2] in " \t\n(=[") and not num.ordinal:
        value, s = -value, s - 1  # −0.2: a minus sign glued to the digits
        before = _words_before(ntext, s) if _left_gate(ntext, s, lex.left_gate) else []
    kind = "ordinal" if num.ordinal else "cardinal"
    qual: str | None = None
    qs = qe = None
    high = _as_number(num.high) if num.high is not None else None
    if num.high is not None:
        kind = "range"
    percent = first.percent if num.j - num.i == 1 else any(t.percent for t in toks[num.i:num.j])
    after = after_all if not last.suffix else []
    if not percent and kind != "ordinal":
        hit = _phrase_before(before, lex.left["percent_before"])
        if hit:
            percent, s = True, _span_before(ntext, s, hit[1])[0]
            before = _words_before(ntext, s)
        else:
            hit = _phrase_after(after, lex.right["percent_after"])
            if hit:
                percent, e = True, _span_after(ntext, e, hit[1])[1]
                after = _words_after(ntext, e)
    if kind == "cardinal" and not percent and not last.suffix and value == int(value):
        m = _HALF_AFTER.match(ntext, e)
        if m:  # چوار مانگ و نیو: four and a half months
            value, e = value + Decimal("0.5"), m.end()
            num = _Num(num.i, num.j, value, decimal=True)
    if kind == "cardinal":
        if percent:
            kind = "percent"
        elif num.decimal:
            kind = "decimal"
        elif first.cls == "digits" and num.j - num.i == 1 and 1000 <= first.value <= 2100 \
                and _is_year(ntext, first, lex, off, before, after):
            kind = "year"
    elif kind == "range" and percent:
        kind = "range"
    if kind in ("cardinal", "range") and after_all \
            and (last.suffix == "ی" or (last.suffix == "" and last.cls == "digits")) \
            and 1 <= value <= 31 and value == int(value) and (num.high is None or num.high <= 31) \
            and _month_after(after_all, lex):
        kind = "date"  # ١٤ی تشرینی دووەم: the day of a date
    hit = _phrase_before(before, lex.left["qualifier"]) if kind != "ordinal" else None
    if hit:
        qual = hit[0]
        qs, qe = _span_before(ntext, s, hit[1])
    elif kind in ("cardinal", "decimal", "percent") and after and after[0] == "و":
        hit = _phrase_after(after, lex.right["qualifier_after"])
        if hit:
            qual = hit[0]
            qs, qe = _span_after(ntext, e, hit[1])
    elif kind in ("cardinal", "decimal", "percent", "range") and after and before and before[-1] == "لە":
        hit = _phrase_after(after, lex.right["qualifier_le"])  # لە ٢٠٠٠ زیاتر: more than 2000
        if hit:
            qual = hit[0]
            qs, qe = _span_after(ntext, e, hit[1])
    if qual is None and approx and kind != "ordinal":
        qual = "about"
    return s, e, _as_number(value), kind, qual, qs, qe, high


def _month_after(after: list[str], lex: _Lexicon) -> bool:
    """Whether the words ``after`` a number start with a month name (``تشرینی دووەمی``)."""
    w = after[0]
    for first, rests in lex.months.items():
        if w.startswith(first) and w[len(first):] in lex.month_endings:
            for rest in rests:
                if not rest:
                    return True
                if len(after) > len(rest) and all(
                        a.startswith(r) and a[len(r):] in lex.month_endings
                        for a, r in zip(after[1:], rest)):
                    return True
    return False


def _is_year(ntext: str, tok: _Tok, lex: _Lexicon, off: int, before: list[str],
             after: list[str]) -> bool:
    v = tok.value
    if not (1000 <= v <= 2100) or v != v.to_integral_value() or tok.percent:
        return False
    start, end = tok.start + off, tok.end + off
    raw = ntext[start:end]
    if any(sep in raw for sep in ".,٫٬"):
        return False
    if tok.suffix_kind == "era":
        return True
    if before and (before[-1].endswith(lex.year_before_words)
                   or _phrase_before(before, lex.left["year_before"])):
        return True
    if after and not tok.suffix and (lex.year_after_word.fullmatch(after[0])
                                     or _phrase_after(after, lex.right["year_after"])):
        return True
    return 1900 <= v <= 2099 and tok.suffix in ("دا", "ەوە", "وە", "یشدا", "یدا")


def numbers_stage(doc: Any) -> None:
    """The ``numbers`` stage of ``analyze``: ``doc.layers["numbers"] = find_numbers(doc.text)``.

    >>> from sorani import analyze
    >>> [n.value for n in analyze("٧٢ درۆن و ٧ هێلیکۆپتەر").numbers]
    [72, 7]
    """
    doc.layers["numbers"] = find_numbers(doc.text)
