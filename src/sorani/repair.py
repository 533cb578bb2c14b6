"""Repair Sorani typed with Arabic or Persian keyboards (``عةمرت نةمينئ`` → ``عەمرت نەمێنێ``).

One typed letter stands for several Kurdish ones (ي for ی/ێ, و for و/ۆ/وو, ل for ل/ڵ, ه for ه/ە,
ك for ک/گ …), ە and the initial ئ are often left out, and spaces are lost or added inside words.
Each word is reduced to a skeleton key (``data/repair/ambiguity.tsv``) in which such spellings
coincide; the known words sharing the key are its candidates, words may also be joined
(``له كه ل`` → ``لەگەڵ``) or split, and a beam search over the word bigram model
(``sorani.lm``) picks one reading per line, in time linear in the text length. A line's repair
depends on that line alone (not on what was repaired before it, so a corpus repaired in parallel
chunks comes out as repaired in one pass).

The channel (what a typist does) is directional: a letter typed for a Kurdish letter the keyboard
lacks (ی for ێ, ل for ڵ, ر for ڕ; the ``typed`` rows of ``ambiguity.tsv``) is cheap, the reverse
is not, and ب/ج/ز/ک typed for پ/چ/ژ/گ are cheap only when the line shows no Persian-keyboard
letter (پ چ ژ گ). ه + space, the way many typists draw a word-internal ە (``خه تاي``), makes a
join cheap (also on lines that write ە as ة elsewhere; a join reading must keep the drawn ە, and
the morphological analyzer may vouch for it), and a conjunction و glued to a word may be split
off (``وبرکت`` → ``و بەرەکەت``; at no cost of its own, for a token unseen in running text, where the
analyzer reads the word + و as a word and the conjunction: ``شيتو`` → ``شێت و``, not a participle
``شێتوو``), while a lone و token is the conjunction, joined only to a one-letter
stem's drawn ە (``ئه و`` → ئەو, but ``جوانه و`` → جوانە و). A letter the text writes on purpose (ە typed as ة or ە, ئ inside a
word) is dear to drop or to replace by another letter (a typed ە, too), and a final و the typist
did not type is not added (``دیتوە`` is no ``دیتوەو``: that is the conjunction و glued, a word of
its own).
Among the candidates of a typed word, a character n-gram model of standard spellings
(``sorani._charlm``) prefers the spelling that looks more like Sorani (``ڕەحم`` over ``ڕحم``);
over a typed word the word model has seen in running text it only makes spellings that look less
standard dearer, and the word model decides (``بو`` is بۆ or بوو by context, not by looks).
Where the text writes ە, spellings with a Kurdish letter chosen for each ambiguous one
(``پاتالة`` → ``پاتاڵە``) are candidates too when the morphological analyzer
(``sorani.morphology.is_known``) knows them; in typed text such a word ranks just below the rarest
word of the word model and above unknown words. A glued token may be split into up to four known
words (``سرکوتوبن`` → ``سەرکەوتوو بن``), and a letter typed three or more times over counts once.
On an Arabic-keyboard line (ة typed), a word the analyzer knows only as a compound of two words
written together (``ئةوكفتةي`` = ئەو + کفتەی) counts as unknown, so that its split can win.
Known words with one letter the typist left out (ێ, which these keyboards lack, and the short
vowel و that Persian and Arabic script leave unwritten, between two consonants: ``بت`` → ``بێت``,
``خدا`` → ``خودا``) are candidates, and so are known words of the typed key with a one-letter
ending the key cannot see, when the analyzer knows the result (``خبره`` → ``خەبەرە``); a token
may be split where a space after a letter that does not join the next one was left out, which
Arabic script does not show (``ئةوكفتةي`` → ``ئەو کفتەی``); a piece after such a split that
starts with a vowel letter is read with the ئ a word starts with (``سةيرةكةين`` → سەیر ئەکەین).
Two adjacent tokens are also read as two other words, for a space typed up to three letters off
(``خوش مدةوي`` → خۆشم دەوێ), and ئ + space draws a word-internal ێ as ه + space draws ە
(``دئ مةوة`` → ``دێمەوە``); a suffix typed apart after a drawn ە is joined to the word before
it, known or not (``كلاشينكؤفه يه`` → ``کلاشینکۆفەیە``), also after two tokens joined
(``ماله که مان`` → ``ماڵەکەمان``); read as a word of its own there it costs more. A typist who
draws ە as ه + space in a short token (``زه نگ``) writes the ە of words, so on such a line whose
every token is a listed word as typed, an ە the typed word lacks is dearer to add (``بلی`` is
rather بڵێ than بەڵێ). Up to three tokens are joined, four
where one of them is a letter standing alone (``هه ل ده ستين`` → ``هەڵدەستین``). These classes are data
(``data/repair/omissions.tsv``).
A present-tense verb whose 3rd-person ending after a consonant lacks its ێ (``نازانت``) is read
with it (``نازانێت``) where the analyzer reads the typed form only as that verb (``verbend`` rows).
Fixed Arabic expressions typed in Arabic or colloquial spelling (``ان شاء الله``, ``ئینشەلا``,
``سبحان الله``) get their standard Sorani one (``ئینشائەڵڵا``, ``سوبحانەڵڵا``;
``data/repair/formulae.tsv``, one to three tokens, the longest match; a form that is also a
word, ``وەلا`` (aside), only as a sentence's first word). A typed final ة is the ە that ends the
word: a reading without it is dearer where the reading + ە is a known word too (``هه فتية`` →
``هەفتەیە``), and a reading of two tokens with the space moved keeps a drawn ە as a join does. On a line that
types ۆ as ؤ, a plain و read as ۆ costs a little more (``كوري`` there is rather کوڕی than کۆری).
In typed text, a word typed on a Kurdish keyboard is kept, but for the ی of a ی-final stem +
the copula یە typed once (``نیە`` → ``نییە``).
``scripts/repair_reachability.py`` measures which gold words the candidates can reach at all, and
``scripts/repair_errors.py`` sorts the misses by category.

Sentences (or lines) that already look standard (most words carry Kurdish letters such as ە ێ ۆ ڵ ڕ) are only
touched where a word contains a non-Kurdish letter (ك ي ة …): standard text passes unchanged.

>>> repair("دستان خوش بیت")
'دەستان خۆش بێت'
>>> repair("ئەم ڕستەیە ستانداردە.")
'ئەم ڕستەیە ستانداردە.'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial, wraps
from math import exp, log
from typing import Any

from sorani._charlm import spelling_logprob
from sorani._compiled import REPAIR_VERSION as C_VERSION  # (VERSION of sorani._repair_c)
from sorani._data import read_rows
from sorani._gc import no_cycle_collection
from sorani.normalize import normalize
from sorani.lm import (DISCOUNT, OOV_LOGPROB, affix_stems, affixes, attach, common_ends, key_index, key_scheme,
                       word_lm)

# letters a word may be made of (Arabic block incl. harakat, tatweel, ZWNJ)
_WORD_RE = re.compile(r"[\u0620-\u065f\u066e-\u06d5\u06fa-\u06ff\u0670\u200c]+")
_LETTER_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a\u066e-\u06d5\u06fa-\u06ff]")  # no tatweel, harakat, ZWNJ
_KURDISH_LETTERS = frozenset("ەێۆڵڕڤ")
_KURDISH_RE = re.compile("[ەێۆڵڕڤ]")
_PERSIAN_RE = re.compile("[پچژگ]")
# units decided and decoded separately: sentences (up to . ! ? ؟ and line ends)
# a letter written three or more times over (شێررررر): typed for one (typed mode only)
_RUN_RE = re.compile(r"([^\W\u0648\u06cc\u064a])\1{2,}")
_SEGMENT_RE = re.compile(r"[^.!?\u061f\n\r\u2029]*[.!?\u061f\n\r\u2029]*")
UNKNOWN_RATIO = 0.0   # … unless this share of its words is unknown as typed
STANDARD_RATIO = 0.4   # a line is "standard" when at least this share of its words has a Kurdish letter

MAX_CANDIDATES = 8      # per word
BEAM = 8                # states kept per position
EDIT_COST = 1.3         # channel cost per edited letter (natural log units; 1.2-1.4 alike on the dev half)
LM_WEIGHT = 0.5
CHAR_WEIGHT = 0.2       # weight of the spelling model (sorani._charlm) in typed mode
CHAR_CAP = 10.0
CHAR_CAP_SEEN = 0.0     # … over a typed word of running text (its other spellings only made dearer)
DERIVED_WHEN_FEWER = 3   # inflected candidates when the word list offers fewer than this
DERIVED_MAX = 8
TYPED_IDENTITY_COST = 0.0  # typed-mode word kept without any Kurdish letter
UNSEEN_IDENTITY_COST = 1.0  # … and never seen in running text
KNOWN_BONUS = 0.0       # typed word already a known word
DERIVED_COST = 0.5      # an inflected form built from a known stem
UNKNOWN_LOGPROB = -24.0  # log P of a word neither known nor made of a known stem and affixes
DERIVED_LOGPROB = -3.5  # log P(affixes | stem)
JOIN_COST = 2.5         # joining two typed tokens into one word
JOIN_COST_UNKNOWN = 1.0  # … when one of them is not a word by itself
SPLIT_COST = 2.0        # splitting a typed token into two words
H_JOIN_COST = 0.5       # … when the first ends in ه (ه + space drawn for ە)
H_FREE_COUNT = 100
DRAWN_ON_AE = True      # … also on a line that writes ە as ة
YY_COST = 1.0
WW_COST = 1.0
SINGLE_LETTER_COST = 2.0  # a one-letter reading other than و (typed mode)
JOIN_UNSEEN_COST = 3.0  # … into a word of the word lists never seen in running text (not ه + space)
JOIN_DERIVED = True     # inflected forms for a join whose every space is a drawn ە
CONJ_SPLIT_COST = 1.5    # the conjunction و split off a typed token
LONE_LETTER_JOIN = True  # … one more where one of them is a single letter other than و
MAX_JOIN = 3            # tokens joined at most
MAX_SPLIT_LEN = 20      # longest typed token tried for splitting
MAX_SPLIT_PARTS = 4     # words a typed token may be split into
SPLIT_MORPH = True      # a piece of a split may be a word only the analyzer knows


@dataclass(frozen=True)
class Change:
    """One repair: ``text[start:end]`` (original offsets, code points) became ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement}


# ---------------------------------------------------------------- per-word normalization

@lru_cache(maxsize=1)
def _charmap() -> dict[int, str]:
    """Single-letter rows of the normalizer's character map (non-Kurdish letters)."""
    table = {}
    for row in read_rows("charmap.tsv"):
        if len(row) >= 3 and row[2] == "all" and len(row[0]) == 1 and not row[1].isspace():
            table[ord(row[0])] = row[1]
    return table


@lru_cache(maxsize=200_000)
def _surface(word: str) -> str:
    """The word with context-free normalization only (ك→ک, ي→ی, ة→ە, final ه→ە …)."""
    out = normalize(word).replace("\u200c", "")
    return out or word


CHEAP = 0.25   # edit cost of a keyboard confusion (ي/ێ, ە left out …)
COST_CUTOFF = 6.0
AE_DEAR = 3.5           # ە added or dropped where the text writes its ە
AE_DEL = 6.0            # … dropped where the text writes it (a typed ە, ة, final ه)
ALEF_DROP = 2.5         # a typed initial ا not read as ئ + vowel
DEAR = 1.5     # any other edit


def _channel_cost(typed: str, cand: str, ae_typed: int = 0, persian_kb: bool = False) -> float:
    """Weighted edit distance: keyboard confusions are cheap, other edits dear; an initial ا
    typed for ئە/ئا/ئی is free, dropping it dear. ``ae_typed``: ``AE_WRITTEN``, the text writes
    ە (as ة or ە), so adding or dropping one is dear too; ``AE_DRAWN``, the line draws ە as ه +
    space, so adding one the typist left out costs ``AE_DRAWN_INS``. A letter typed for a Kurdish letter the keyboard
    lacks (ی for ێ, ل for ڵ …, ``typed`` rows of ``ambiguity.tsv``) is cheap, the reverse is
    not; ``persian_kb``: the text shows letters of a Persian keyboard (پ چ ژ گ), so ب/ج/ز/ک
    were not typed for them."""
    if typed == cand:
        return 0.0
    if typed[:1] == "\u0627" and cand[:1] == "\u0626":
        typed = "\u0626" + typed[1:]
        cand = "\u0626" + cand[2:] if cand[1:2] in ("\u06d5", "\u0627") else cand
    if typed[:1] == "\u0627" and cand[:1] != "\u0626":
        typed = typed[1:]
        base_cost = ALEF_DROP
    else:
        base_cost = 0.0
    tail = (_compiled_channel() or _channel_tail_py)(typed, cand, _classes(typed), _classes(cand),
                                                      ae_typed, persian_kb)
    return COST_CUTOFF if tail < 0 else base_cost + tail


@lru_cache(maxsize=10_000)
def _classes(word: str) -> str:
    """``KeyScheme.classes`` of a word, remembered: the same typed word and the same known words
    are compared again and again, and a translation letter by letter through a dict is slow."""
    return key_scheme().classes(word)


@lru_cache(maxsize=1)
def _compiled_channel():  # type: ignore[no-untyped-def]
    """``channel_tail`` of the optional compiled module ``sorani._repair_c``, configured with the
    tables and constants of ``_channel_tail_py`` (None: pure Python)."""
    from sorani._compiled import load

    mod = load("_repair_c", C_VERSION)
    ks = key_scheme()
    if mod is None or any(len(v) != 1 for v in ks.class_table.values()):
        return None  # (a class of several letters would change the classes' length)
    cheap = "".join(sorted({chr(k) for k, v in ks.table.items() if v is None} | set(ks.optional)))
    try:
        mod.configure(cheap, *([(ord(a), ord(b), c) for (a, b), c in _sub_costs(kb).items()] for kb in (False, True)),
                      (CHEAP, DEAR, AE_DEAR, AE_DEL, TYPED_DEL, FINAL_WAW_INS, REVERSE_COST, COST_CUTOFF,
                       HAMZA_KEEP, AE_SUB, AE_DRAWN_INS, AE_WRITTEN, AE_DRAWN))
    except (TypeError, ValueError):
        return None
    return mod.channel_tail


def _channel_tail_py(typed: str, cand: str, ca: str, cb: str, ae_typed: int, persian_kb: bool) -> float:
    """The weighted edit distance of ``_channel_cost`` after its initial-alef step (``ca``, ``cb``:
    the words' letter classes), or -1.0 where it passes ``COST_CUTOFF``."""
    ks = key_scheme()
    cheap, dear = CHEAP, DEAR
    subs = _sub_costs(persian_kb)
    n = len(cand)
    # inserting a letter that is dropped in typing is cheap, except a final ە (typed as ه or ة)
    # and an initial ئ before a consonant (the typed word would start with ا)
    ae = "\u06d5"
    ins_costs = [(AE_DRAWN_INS if ae_typed == AE_DRAWN and b == ae else cheap)
                 if ks.cheap_indel(b) and not (ae_typed == AE_WRITTEN and b == ae) else
                 (AE_DEAR if b == ae else dear) for b in cand]
    for j in range(1, n):  # one of وو / یی / ڵڵ typed once (ماندو for ماندوو)
        if cand[j] == cand[j - 1] and cand[j] in "\u0648\u06cc\u06b5":
            ins_costs[j] = ins_costs[j - 1] = min(ins_costs[j], cheap)
    if cand.endswith("\u06d5") and not typed.endswith(("\u06d5", "\u0647")):
        ins_costs[-1] = dear
    if FINAL_WAW_INS and n > 2 and cand[-1] == "\u0648" and cand[-2] != "\u0648" \
            and not typed.endswith(("\u0648", "\u06c6", "\u0624")):
        ins_costs[-1] = FINAL_WAW_INS  # the conjunction و glued to the word: a word not typed
    for j in range(1, n):  # ئ is left out at the start of a word, not inside one
        if cand[j] == "\u0626":
            ins_costs[j] = dear
    if cand.startswith("\u0626") and not typed.startswith("\u0626"):
        ins_costs[0] = dear
    last = len(typed) - 1
    del_costs = [cheap if ks.cheap_indel(a) and not ((i == last or ae_typed == AE_WRITTEN) and a == ae)
                 and not ((i == 0 or HAMZA_KEEP) and a == "\u0626") else (AE_DEL if a == ae else TYPED_DEL)
                 for i, a in enumerate(typed)]
    # the common prefix and suffix cost nothing: run the table on the differing middle only
    p, q = common_ends(typed, cand)
    if p or q:
        ea, eb = len(typed) - q, n - q
        typed, cand, ca, cb = typed[p:ea], cand[p:eb], ca[p:ea], cb[p:eb]
        ins_costs, del_costs = ins_costs[p:eb], del_costs[p:ea]
        n = len(cand)
    prev = [0.0] * (n + 1)
    for j in range(1, n + 1):
        prev[j] = prev[j - 1] + ins_costs[j - 1]
    rng = range(1, n + 1)
    for i, a in enumerate(typed):
        del_a = del_costs[i]
        xa = ca[i]
        cur = [prev[0] + del_a]
        # a typed ە the text writes on purpose costs as much to replace by another letter as to
        # drop (no ``typed`` row of ambiguity.tsv starts from ە, so the defaults carry it)
        if AE_SUB and a == ae and del_a >= AE_DEL:
            sub_rev = sub_dear = del_a
        else:
            sub_rev, sub_dear = REVERSE_COST, dear
        for j in rng:
            b = cand[j - 1]
            sub = prev[j - 1] + (0.0 if a == b else subs.get(
                (a, b), sub_rev if xa == cb[j - 1] else sub_dear))
            d = prev[j] + del_a
            ins = cur[j - 1] + ins_costs[j - 1]
            cur.append(sub if sub <= d and sub <= ins else (d if d <= ins else ins))
        prev = cur
        if min(cur) > COST_CUTOFF:
            return -1.0  # far apart: the exact value no longer matters
    return prev[-1]


TYPED_DEL = 2.5         # a typed letter dropped (typists leave letters out more than they add them)
AE_SUB = True           # replacing a written ە by another letter costs as much as dropping it
FINAL_WAW_INS = 3.0      # a final و the typist did not type (the conjunction و glued: ئەوەو)
HAMZA_KEEP = True       # a typed ئ is written on purpose (ێ drawn as ئ inside a word too)
REVERSE_COST = 2.0      # a class letter typed for another the keyboard has (ێ for ی, گ for ک on a Persian keyboard): typed on purpose


@lru_cache(maxsize=1)
def _typed_rows() -> tuple[tuple[str, str, bool], ...]:
    """(typed letters, the standard letter they are typed for, on every keyboard (else only on
    Arabic ones)) of the ``typed`` rows of ``data/repair/ambiguity.tsv``."""
    return tuple((row[1], row[2], "all" in row[3].split(","))
                 for row in read_rows("repair/ambiguity.tsv") if row[0] == "typed" and len(row) >= 4)


@lru_cache(maxsize=2)
def _sub_costs(persian_kb: bool) -> dict[tuple[str, str], float]:
    """(typed letter, standard letter) -> substitution cost, from the ``typed`` rows of
    ``data/repair/ambiguity.tsv``: cheap where the keyboard lacks the standard letter."""
    return {(a, standard): CHEAP if every_keyboard or not persian_kb else DEAR
            for typed, standard, every_keyboard in _typed_rows() for a in typed}


class _Learnt:
    """What one call of a cached producer learnt (``_Asked.frozen``), kept with its result:
    analyzer-known words it asked about itself, estimates of inflected forms (``_derived``'s
    result itself), and what the producers it called learnt (their ``_Learnt``, shared, not
    copied)."""

    __slots__ = ("known", "derived", "parts")

    def __init__(self, known: tuple[str, ...], derived: tuple[tuple[str, float], ...],
                 parts: tuple[_Learnt, ...]) -> None:
        self.known = known
        self.derived = derived
        self.parts = parts


class _Cached:
    """A cached producer's result with what computing it learnt (``_asking``; a result that
    learnt nothing is cached as is)."""

    __slots__ = ("value", "learnt")

    def __init__(self, value: Any, learnt: _Learnt) -> None:
        self.value = value
        self.learnt = learnt


class _Asked:
    """What the candidates of a line (or of one cached producer) found out about words that the
    word model does not count: the words the analyzer was asked about and knows (typed words as
    normalized and their letter-choice variants; ``_morph_known``) and the estimated log P of the
    inflected forms ``_derived`` built. ``_uni`` reads only the innermost one (``_ASKED``), so a
    line's repair depends on that line alone, never on what was repaired before it.

    What cached producers learnt is added as their ``_Learnt`` (``add``, each once) and read into
    ``known`` / ``derived`` only when ``_uni`` asks (``flush``)."""

    __slots__ = ("parts", "own", "seen", "known", "derived", "pending", "read_parts", "read_own")

    def __init__(self) -> None:
        self.parts: list[_Learnt] = []  # the _Learnt added (kept: their ids stay unique)
        self.own: list[str] = []  # analyzer-known words asked about here
        self.seen: set[int] = set()  # ids of the _Learnt added or read
        self.known: set[str] = set()
        self.derived: dict[str, float] = {}
        self.pending = False  # parts or own not read into known / derived yet
        self.read_parts = self.read_own = 0

    def add(self, learnt: _Learnt) -> None:
        """Add what a producer learnt, once."""
        if id(learnt) not in self.seen:
            self.seen.add(id(learnt))
            self.parts.append(learnt)
            self.pending = True

    def add_known(self, word: str) -> None:
        self.own.append(word)
        self.pending = True

    def flush(self) -> None:
        """Read the parts and words added since into ``known`` and ``derived`` (the best estimate
        of a form kept)."""
        self.pending = False
        known, derived, seen = self.known, self.derived, self.seen
        if self.read_own < len(self.own):
            known.update(self.own[self.read_own:])
            self.read_own = len(self.own)
        stack = self.parts[self.read_parts:]
        self.read_parts = len(self.parts)
        while stack:
            learnt = stack.pop()
            if learnt.known:
                known.update(learnt.known)
            for w, lp in learnt.derived:
                if lp > derived.get(w, -1e9):
                    derived[w] = lp
            for part in learnt.parts:
                if id(part) not in seen:
                    seen.add(id(part))
                    stack.append(part)

    def frozen(self) -> _Learnt | None:
        """What to keep with a cached result (None when nothing was learnt; the one producer's
        ``_Learnt`` itself when all was learnt through one)."""
        parts = self.parts
        if self.own:
            return _Learnt(tuple(self.own), (), tuple(parts))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else _Learnt((), (), tuple(parts))


# the line being decoded, then each cached producer being computed (None: a producer's frame
# that has learnt nothing yet, made an ``_Asked`` by ``_asked`` when it does; ``_uni`` reads it as
# an empty one)
_ASKED: list[_Asked | None] = []


def _asked() -> _Asked:
    """The innermost frame of ``_ASKED`` (there is one), made an ``_Asked`` if it is None."""
    asked = _ASKED[-1]
    if asked is None:
        asked = _ASKED[-1] = _Asked()
    return asked


def _asking(maxsize: int):  # type: ignore[no-untyped-def]
    """``lru_cache`` for a candidate producer that learns about words (``_Asked``), itself or
    through the producers it calls: what it learnt is cached with its result (``_Cached``) and
    added to the caller's ``_Asked`` on every call, a cache hit as well as a miss."""
    def wrap(fn):  # type: ignore[no-untyped-def]
        @lru_cache(maxsize=maxsize)
        def compute(*args: Any, **kwargs: Any) -> Any:
            _ASKED.append(None)
            try:
                result = fn(*args, **kwargs)
            finally:
                asked = _ASKED.pop()
            learnt = None if asked is None else asked.frozen()
            return result if learnt is None else _Cached(result, learnt)

        @wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            result = compute(*args, **kwargs)
            if type(result) is _Cached:
                if _ASKED:
                    _asked().add(result.learnt)
                return result.value
            return result

        call.cache_clear = compute.cache_clear  # type: ignore[attr-defined]
        call.cache_info = compute.cache_info  # type: ignore[attr-defined]
        return call
    return wrap


@_asking(200_000)
def _candidates(word: str, ae_typed: int = 0, persian_kb: bool = False) -> tuple[tuple[str, float], ...]:
    """(candidate, channel cost) for one typed word, best-known first; the normalized word itself
    is always among them."""
    base = _surface(word)
    lm, index, ks = word_lm(), key_index(), key_scheme()
    found: dict[str, float] = {base: -KNOWN_BONUS if base in lm.counts else 0.0}
    if base == word and base in lm.counts and _KURDISH_LETTERS.intersection(word):
        # typed on a Kurdish keyboard already (but the double letter of the standard spelling
        # may have been typed once: نیە for نییە)
        return _double_readings(base) if DOUBLE_KURDISH else ((base, 0.0),)
    if not _KURDISH_LETTERS.intersection(base):
        found[base] += TYPED_IDENTITY_COST  # no Kurdish letter: probably typed without them
        if lm.counts.get(base, 1.0) < 1:
            found[base] += UNSEEN_IDENTITY_COST  # … and known from the word lists only
    if MORPH_IDENTITY and base not in lm.counts and len(base) > 1:
        _morph_known(base)
    if len(word) <= 40:
        pool: list[str] = []
        for k in ks.typed_keys(base):
            pool.extend(index.get(k, ()))
        pool.sort(key=lambda w: -lm.counts[w])
        for w in pool[:MAX_CANDIDATES]:
            if w not in found:
                found[w] = EDIT_COST * _channel_cost(base, w, ae_typed, persian_kb)
        if OMIT_MAX:  # known words with one letter the typist left out (بت for بێت)
            oindex = _omission_index()
            for k in ks.typed_keys(base):
                for w, reduced, cost in oindex.get(k, ())[:OMIT_MAX]:
                    c = EDIT_COST * (_channel_cost(base, reduced, ae_typed, persian_kb) + cost)
                    if c < found.get(w, 1e9):
                        found[w] = c
        readings = _verb_end_readings(base) if base not in lm.counts else ()
        if readings:  # a verb ending typed without its ێ (نابارت for نابارێت)
            for w, cost in readings:
                found.setdefault(w, EDIT_COST * cost)
            found[base] += VERB_END_KEEP
        if ENDINGS_MAX and len(base) >= 3 and pool and lm.counts.get(base, 0.0) < VARIANT_BELOW:
            for w in _ending_candidates(base, tuple(pool[:ENDINGS_MAX]), persian_kb):
                c = EDIT_COST * _channel_cost(base, w, ae_typed, persian_kb) + VARIANT_COST
                if c < found.get(w, 1e9):
                    found[w] = c
        if len(pool) < DERIVED_WHEN_FEWER:
            for w, lp in _derived(base)[:DERIVED_MAX]:
                if w not in found:
                    found[w] = EDIT_COST * _channel_cost(base, w, ae_typed, persian_kb) + DERIVED_COST
        if VARIANTS_MAX and (ae_typed == AE_WRITTEN or "\u06d5" in base) and lm.counts.get(base, 0.0) < VARIANT_BELOW:
            # (where ە is left out the typed letters spell nothing; a known typed word has its
            # candidates from the word model)
            for w in _typed_variants(base, persian_kb):
                if w not in found:
                    found[w] = EDIT_COST * _channel_cost(base, w, ae_typed, persian_kb) + VARIANT_COST
    for w in found:
        if len(w) == 1 and w != "\u0648":  # one letter is no word (but و); ب typed for بە
            found[w] += SINGLE_LETTER_COST
    _prefer_double(found)
    if FINAL_AE_KEEP and word.endswith("\u0629"):
        _keep_final_ae(found)
    if CHAR_WEIGHT:  # how standard each spelling looks, relative to the typed one
        ref = spelling_logprob(base)
        # (a typed word of running text: the word model decides, only spellings that look less
        # standard are made dearer)
        cap = CHAR_CAP if lm.counts.get(base, 0.0) < 1 else CHAR_CAP_SEEN
        for w in found:
            found[w] -= CHAR_WEIGHT * min(spelling_logprob(w) - ref, cap)
    ranked = sorted(found.items(), key=lambda kv: kv[1] - _start_lp(kv[0]) * 0.3)
    return tuple(ranked[: MAX_CANDIDATES + 1])


DOUBLE_KURDISH = True    # a Kurdish-keyboard word may stand for its ییە spelling (نیە → نییە)


def _double_readings(base: str) -> tuple[tuple[str, float], ...]:
    """A typed word with Kurdish letters, and its spelling with the ی of a ی-final stem + the
    copula یە written twice (``نیە`` → ``نییە``) when the word model knows it, the single spelling
    made dearer by ``_prefer_double``."""
    if not base.endswith("\u06cc\u06d5") or len(base) < 3 or base[-3] == "\u06cc":
        return ((base, 0.0),)
    double = base[:-1] + "\u06cc\u06d5"
    if double not in word_lm().counts:
        return ((base, 0.0),)
    found = {base: 0.0, double: EDIT_COST * CHEAP}
    _prefer_double(found)
    return tuple(sorted(found.items(), key=lambda kv: kv[1]))


def _prefer_double(found: dict[str, float]) -> None:
    """Make the one-letter spelling dearer where the standard double one is a candidate too:
    the long vowel وو, which these keyboards' typists write with one و (هەموی for هەمووی), and
    the ی of a ی-final stem + یە (نییە, گۆرانییە; نیە in older texts). The perfect ending -یوە
    is the exception: its و follows ی and is written once (بینیوە, not بینیووە)."""
    if WW_COST:
        for w in list(found):
            i = w.find("\u0648\u0648")
            while i >= 0:
                if (single := w[:i] + w[i + 1:]) in found:
                    if i > 0 and w[i - 1] == "\u06cc" and w[i + 2:i + 3] == "\u06d5":
                        found[w] += WW_COST  # the perfect ending -یوە (بینیوە, not بینیووە)
                    else:
                        found[single] += WW_COST
                i = w.find("\u0648\u0648", i + 1)
    if YY_COST:
        for w in list(found):
            i = w.find("\u06cc\u06cc\u06d5")
            if i > 0 and (single := w[:i] + w[i + 1:]) in found:
                found[single] += YY_COST


ENDINGS_MAX = 4         # known words of the typed key tried with a one-letter ending


@lru_cache(maxsize=1)
def _endings() -> tuple[str, ...]:
    """The ``ending`` rows of ``data/repair/omissions.tsv`` (ە ی ێ)."""
    return tuple(row[1] for row in read_rows("repair/omissions.tsv") if row[0] == "ending" and len(row) >= 2)


def _ending_candidates(base: str, pool: tuple[str, ...], persian_kb: bool) -> list[str]:
    """Known words of a typed word's key with a one-letter ending the key cannot see, where the
    typed word ends in a letter that may stand for it, and the analyzer knows the result
    (``خبرە`` → ``خەبەرە``, ``شکلئ`` → ``شکڵی``)."""
    last = base[-1]
    ks = key_scheme()
    out = []
    for end in _endings():
        if ks.classes(last) != ks.classes(end) and not (last == "\u0626" and end in "\u06cc\u06ce"):
            continue
        for w in pool:
            if w.endswith(end) or len(w) < 2:
                continue
            for v in (w + end,) + ((w + end.replace("\u06d5", "\u06cc\u06d5"),) if w[-1] in "\u0627\u06c6\u0648" else ()):
                if v not in out and word_lm().counts.get(v, 0.0) < VARIANT_BELOW and _morph_known(v) \
                        and _known_as(v) == 1:
                    out.append(v)
    return out


OMIT_MAX = 3            # known words with one left-out letter tried per typed key
OMIT_MIN_COUNT = 1.0    # … among the words seen this often in running text


@lru_cache(maxsize=1)
def _omission_vowels() -> str:
    """The vowels and vowel carriers no letter next to is read as left out (``vowel`` row of
    ``data/repair/omissions.tsv``)."""
    return "".join(row[1] for row in read_rows("repair/omissions.tsv") if row[0] == "vowel")


@lru_cache(maxsize=1)
def _omission_index() -> dict[str, tuple[tuple[str, str, float], ...]]:
    """Skeleton key of a known word with one letter of ``data/repair/omissions.tsv`` left out ->
    (word, the word without that letter, cost of restoring it), most frequent first: the
    candidates of a typed word that lacks a letter (``بت`` → ``بێت``, ``خدا`` → ``خودا``)."""
    rows = read_rows("repair/omissions.tsv")
    costs = {row[1]: float(row[2]) for row in rows if row[0] == "omit" and len(row) >= 3 and len(row[1]) == 1}
    vowels = _omission_vowels()
    lm, ks = word_lm(), key_scheme()
    buckets: dict[str, list[tuple[str, str, float]]] = {}
    key = ks.key
    for w, c in lm.counts.items():
        if c < OMIT_MIN_COUNT or len(w) < 3 or len(w) > 30:
            continue
        last = len(w) - 1
        for i, ch in enumerate(w):
            cost = costs.get(ch)
            if cost is None or i == 0 or i == last or w[i - 1] in vowels or w[i + 1] in vowels:
                continue
            reduced = w[:i] + w[i + 1:]
            if i > 1 and w[i - 1] == ch:
                continue  # the same reduced spelling as the letter before
            k = key(reduced)
            if k and k != key(w):
                buckets.setdefault(k, []).append((w, reduced, cost))
    return {k: tuple(sorted(v, key=lambda e: -lm.counts[e[0]])[:OMIT_MAX])
            for k, v in buckets.items()}


@lru_cache(maxsize=1)
def _verb_end_rows() -> tuple[tuple[str, str, float, str], ...]:
    """(typed ending, standard ending, cost, agreement): the ``verbend`` rows of ``omissions.tsv``."""
    return tuple((row[1], row[2], float(row[3]), row[4]) for row in read_rows("repair/omissions.tsv")
                 if row[0] == "verbend" and len(row) >= 5)


VERB_END_KEEP = 1.0      # a typed verb form read as typed when its ending lacks the ێ


@lru_cache(maxsize=50_000)
def _verb_end_readings(form: str) -> tuple[tuple[str, float], ...]:
    """Spellings of a typed word whose verb ending lacks the letter typists leave out (``دەچت`` →
    ``دەچێت``): where the analyzer reads the typed form only as a verb of that person (the spoken
    short ending after a consonant) and knows the standard form."""
    vowels = _omission_vowels()
    out = []
    for typed, standard, cost, agreement in _verb_end_rows():
        if len(form) > len(typed) + 1 and form.endswith(typed) and form[-len(typed) - 1] not in vowels:
            readings = _morphology().analyze_word(form)
            if readings and all(a.pos == "VERB" and a.features.get("Agreement") == agreement
                                for a in readings):
                w = form[:-len(typed)] + standard
                if _morphology().analyze_word(w):
                    out.append((w, cost))
    return tuple(out)


VARIANTS_MAX = 16       # letter-choice spellings of a typed word tried (typed mode)
VARIANT_COST = 1.0      # … for one the word model does not know but the morphology does
VARIANT_BELOW = 1.0     # … for a typed word seen fewer times than this in running text
MORPH_IDENTITY = True   # ask the analyzer about typed words as they are, too
MORPH_LOGPROB = -15.0   # log P of a word only the morphological analyzer knows (typed mode): below the rarest known word


@lru_cache(maxsize=1)
def _typed_alternatives() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(all keyboards, Arabic keyboard only): typed letter -> (itself, the Kurdish letters it
    is typed for), from the ``typed`` rows of ``ambiguity.tsv``."""
    both: dict[str, list[str]] = {}
    arabic: dict[str, list[str]] = {}
    for typed, standard, every_keyboard in _typed_rows():
        for a in typed:
            (both if every_keyboard else arabic).setdefault(a, [a]).append(standard)
    return ({k: tuple(v) for k, v in both.items()},
            {k: tuple(v) for k, v in {**both, **arabic}.items()})


@_asking(100_000)
def _typed_variants(base: str, persian_kb: bool = False) -> tuple[str, ...]:
    """Spellings of a typed (normalized) word with a Kurdish letter chosen for each letter a
    keyboard types for several (ی → ی/ێ, ل → ل/ڵ, ه → ە inside the word …) that the word model
    does not know but the morphological analyzer does (``پاتاڵە`` for ``پاتالة``)."""
    if len(base) > 20 or len(base) < 2:
        return ()
    both, arabic = _typed_alternatives()
    alts = both if persian_kb else arabic
    variants = [""]
    for i, ch in enumerate(base):
        opts = alts.get(ch)
        if ch == "\u0626" and i < len(base) - 1:
            opts = None  # ئ for ێ only at the end (نةمينئ)
        if opts and len(variants) * len(opts) <= VARIANTS_MAX:
            variants = [v + o for v in variants for o in opts]
        else:
            variants = [v + ch for v in variants]
    lm = word_lm()
    return tuple(v for v in variants[1:] if lm.counts.get(v, 0.0) < VARIANT_BELOW and _morph_known(v))


def _lp(word: str, prev: str = "<s>", morph: bool = True, glued: bool = True) -> float:
    """Bigram log-probability, or for an inflected form made by ``_derived`` its estimate
    (``morph``: a word only the morphological analyzer knows ranks above unknown ones)."""
    return LM_WEIGHT * word_lm().logprob(word, prev, _uni(word, morph, glued))


# ``_lp(word)`` of words of the word model, whose value never changes (of other words it depends
# on what the line's candidates learnt, ``_Asked``)
_START_LP: dict[str, float] = {}


def _start_lp(word: str) -> float:
    """``_lp(word)`` (after the start of a line), remembered for the words of the word model."""
    lp = _START_LP.get(word)
    if lp is None:
        lp = _lp(word)
        if word in word_lm().counts:
            _START_LP[word] = lp
    return lp


def _uni(word: str, morph: bool = True, glued: bool = True) -> float:
    """The unigram log-probability ``_lp`` backs off to: the word model's, or the estimate of an
    inflected or analyzer-known word, or ``UNKNOWN_LOGPROB``."""
    lm = word_lm()
    if word in lm.counts:
        return lm.unigram_logprob(word)
    asked = _ASKED[-1] if _ASKED else None
    if asked is not None:
        if asked.pending:
            asked.flush()
        lp = asked.derived.get(word)
    else:
        lp = None
    if lp is None:
        lp = _affixed_lp(word)
    if lp <= OOV_LOGPROB:
        known = _known_as(word) if morph and asked is not None and word in asked.known else 0
        lp = MORPH_LOGPROB if known == 1 or (known == 2 and glued) else UNKNOWN_LOGPROB
    return lp


# what the morphological analyzer says of a word (a memo of ``morphology.known_as``): word -> 0
# unknown, 1 known, 2 known only as two words written together (bounded: cleared when full)
_MORPH_KNOWN: dict[str, int] = {}


def _known_as(word: str) -> int:
    """``morphology.known_as(word)`` (0 unknown, 1 known, 2 known only as two words written
    together), remembered (``_MORPH_KNOWN``); 0 for a word the analyzer is not asked about."""
    known = _MORPH_KNOWN.get(word)
    if known is None:
        if MORPH_LOGPROB <= UNKNOWN_LOGPROB or len(word) > 30:
            return 0
        if len(_MORPH_KNOWN) > 200_000:
            _MORPH_KNOWN.clear()
        known = _MORPH_KNOWN[word] = _morphology().known_as(word)
    return known


def _morph_known(word: str) -> bool:
    """Does the morphological analyzer know ``word`` (perhaps as a compound)? (recorded for
    ``_lp``)"""
    known = _known_as(word)
    if known and _ASKED:
        _asked().add_known(word)
    return known > 0


@lru_cache(maxsize=1)
def _morphology() -> Any:
    """``sorani.morphology``, imported at its first use (an import statement in a function that
    runs for every new word costs more than the lookup)."""
    import importlib

    return importlib.import_module("sorani.morphology")


NO_GLUED = True  # … on an Arabic keyboard line (ة typed), such a compound is not a known word


@lru_cache(maxsize=200_000)
def _affixed_lp(word: str) -> float:
    """Estimated log-probability of an unknown word: its best known stem (affixes stripped)
    times the affix probability, or ``OOV_LOGPROB``."""
    lm = word_lm()
    best = OOV_LOGPROB
    if len(word) <= 40:
        for st in affix_stems(word):
            if len(st) >= 3 and st in lm.counts:
                best = max(best, lm.unigram_logprob(st) + DERIVED_LOGPROB)
    return best


@_asking(100_000)
def _derived(base: str) -> tuple[tuple[str, float], ...]:
    """Inflected forms (prefix + known stem + suffixes) whose key matches a typed word's key."""
    lm, index, ks = word_lm(), key_index(), key_scheme()
    pre, suf = _affix_keys()
    out: dict[str, float] = {}
    for k in ks.typed_keys(base):
        n = len(k)
        sufs = [(i, suf[k[i:]]) for i in range(2, n + 1) if k[i:] in suf]
        for j in range(0, min(n - 1, 7)):
            prefixes = pre.get(k[:j])
            if prefixes is None:
                continue
            for i, suffixes in sufs:
                if i - j < 2 or (j == 0 and i == n):
                    continue
                stems_ = index.get(k[j:i], ())[:3]
                for stem in stems_:
                    lp = lm.unigram_logprob(stem) + DERIVED_LOGPROB
                    for p in prefixes:
                        with_prefix = attach(p, stem) if p else stem
                        for s1 in suffixes:
                            w = attach(with_prefix, s1)
                            if lp > out.get(w, -1e9):
                                out[w] = lp
    ranked = sorted(out.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]
    found = tuple(ranked)
    if found and _ASKED:
        _asked().add(_Learnt((), found, ()))  # (the result itself)
    return found


@lru_cache(maxsize=1)
def _affix_keys() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Prefix key -> prefixes, suffix-chain key -> suffix chains (a few of each)."""
    ks = key_scheme()
    pre, suf = affixes()
    chains = set(suf)
    for a in suf:
        for b in ("\u06cc", "\u0645", "\u062a", "\u0634", "\u062f\u0627", "\u06d5\u0648\u06d5",
                  "\u0645\u0627\u0646", "\u062a\u0627\u0646", "\u06cc\u0627\u0646"):
            chains.add(attach(a, b))
    pk: dict[str, list[str]] = {"": [""]}
    for p in pre:
        pk.setdefault(ks.key(p), []).append(p)
    sk: dict[str, list[str]] = {"": [""]}
    for c in sorted(chains, key=lambda c: (len(c), c)):  # ties in a fixed order (not the set's)
        sk.setdefault(ks.key(c), []).append(c)
    return ({k: tuple(v[:4]) for k, v in pk.items()}, {k: tuple(v[:4]) for k, v in sk.items()})


CONJ_APART = 2           # a lone و token joins only a token of at most this many letters before it
JOIN_INNER_R = True      # a token inside a join keeps a typed initial ر (no word-initial ڕ)


def _inner_parts(words: tuple[str, ...]) -> list[str]:
    """The typed tokens normalized, for reading them written together (``_join_piece``)."""
    return [_join_piece(w, k > 0)[0] for k, w in enumerate(words)]


@lru_cache(maxsize=200_000)
def _join_piece(word: str, inner: bool) -> tuple[str, tuple[str, ...]]:
    """A typed token normalized, for reading it written together with others, and the keys it
    may stand for (``KeyScheme.typed_keys``): a token after the first (``inner``) is no word
    start, so its typed initial ر stays ر (``سه ره تا`` → ``سەرەتا``, not ``سەڕەتا``)."""
    part = _surface(word)
    if inner and JOIN_INNER_R and word[:1] == "\u0631" and part[:1] == "\u0695":
        part = "\u0631" + part[1:]
    return part, tuple(key_scheme().typed_keys(part))


@_asking(50_000)
def _join_candidates(words: tuple[str, ...], ae_typed: int = 0, persian_kb: bool = False) -> tuple[tuple[str, float], ...]:
    """Known words that the typed tokens ``words`` written together may stand for."""
    pieces = [_join_piece(w, k > 0) for k, w in enumerate(words)]
    parts = [p for p, _pk in pieces]
    if CONJ_APART and parts[-1] == "\u0648" and len(parts[-2]) > CONJ_APART:
        return ()  # a lone و is the conjunction (ئه و → ئەو, but کورده و is کوردە و)
    joined = "".join(parts)
    counts = word_lm().counts
    # ه + space is how many typists draw a word-internal ە (خه تاي for خەتای), ئ + space a
    # word-internal ێ (دئ مةوة for دێمەوە; ``drawn`` rows of omissions.tsv) — not after a frequent
    # word of its own such as لە، بە، کە
    drawn_map = _drawn_letters()
    drawn = [w[-1:] in drawn_map and counts.get(p, 0) < H_FREE_COUNT
             and (DRAWN_ON_AE or not ae_typed) for w, p in zip(words[:-1], parts)]
    pool = _join_pool(pieces, joined)
    if not pool and not all(drawn) and not (SUFFIX_JOIN3 and len(parts) == 3 and words[1][-1:] in drawn_map
                                            and parts[2] in _suffix_tokens()):
        return ()  # (every other reading below needs a known word or every space drawn)
    ranked = sorted(pool, key=lambda w: -counts[w])[:MAX_CANDIDATES] if pool else []
    # joining is cheaper when a piece is no word on its own (the ل of له كه ل)
    per_join = JOIN_COST if all(p in counts and len(p) > 1 for p in parts) else JOIN_COST_UNKNOWN
    cost = sum([H_JOIN_COST if d else per_join for d in drawn])
    unseen = 0.0 if all(drawn) else JOIN_UNSEEN_COST
    out = {w: cost + EDIT_COST * _channel_cost(joined, w, ae_typed, persian_kb)
           + (unseen if counts[w] < 1 else 0.0) for w in ranked}
    if JOIN_DOUBLE:
        _prefer_double(out)
    spelled = joined  # the drawn letters written as what they stand for
    if all(drawn) and any(drawn_map[w[-1]] != p[-1] for w, p in zip(words[:-1], parts)):
        spelled = "".join(p[:-1] + drawn_map[w[-1]] if k < len(parts) - 1 else p
                          for k, (w, p) in enumerate(zip(words, parts)))
    if JOIN_DERIVED and all(drawn) and len(ranked) < DERIVED_WHEN_FEWER:
        # inflected forms of known stems, where every space is a drawn ە (سقزه کم → سەقزەکەم)
        for w, _lp_ in _derived(joined)[:DERIVED_MAX]:
            if w not in out:
                out[w] = cost + EDIT_COST * _channel_cost(joined, w, ae_typed, persian_kb) + DERIVED_COST
    if SUFFIX_JOIN and len(parts) == 2 and drawn[0] and parts[1] in _suffix_tokens():
        # a suffix typed apart after a drawn ە (كلاشينكؤفه يه → کلاشینکۆفەیە): the first token's
        # readings with the suffix, known words or not
        for c, k in _candidates(words[0], ae_typed, persian_kb)[:2]:
            if c.endswith("\u06d5") and (w := c + parts[1]) not in out:
                out[w] = cost + k + SUFFIX_JOIN
    if SUFFIX_JOIN3 and len(parts) == 3 and words[1][-1:] in drawn_map and parts[2] in _suffix_tokens():
        # … also after two tokens joined (ماله كه مان → ماڵەکەمان): their best join readings
        for c, k in sorted(_join_candidates(words[:2], ae_typed, persian_kb), key=lambda e: e[1])[:2]:
            if c.endswith("\u06d5") and (w := c + parts[2]) not in out:
                out[w] = H_JOIN_COST + k + SUFFIX_JOIN
    if JOIN_MORPH and all(drawn) and len(joined) <= 20 and len(ranked) < DERIVED_WHEN_FEWER:
        # … and spellings the morphological analyzer knows (چاوه ري → چاوەڕێیە is not, کاله كي →
        # کاڵەکی is): the joined letters as typed, or with a Kurdish letter chosen for each
        # ambiguous one
        for w in _join_spellings(spelled, persian_kb):
            if w not in out:
                out[w] = cost + EDIT_COST * _channel_cost(joined, w, ae_typed, persian_kb) + VARIANT_COST
    if DRAWN_KEEP and all(drawn):
        # the letter drawn as ه/ئ + space is written: a reading with fewer letters of its class
        # (ە; ی or ێ) is dear
        classes = _classes
        spelled_cl = classes(spelled)
        out_cl = [(w, classes(w)) for w in out]
        for letter in set(drawn_map.values()):
            cl = classes(letter)
            need = spelled_cl.count(cl)
            for w, w_cl in out_cl:
                if w_cl.count(cl) < need:
                    out[w] += DRAWN_KEEP
    if FINAL_AE_KEEP and words[-1].endswith("\u0629"):
        _keep_final_ae(out)
    return tuple(out.items())


def _keep_final_ae(out: dict[str, float]) -> None:
    """The typed word (or the last typed token of a join) ends in ة, the ە an Arabic-keyboard
    typist writes at a word's end: a reading without it costs ``FINAL_AE_KEEP`` more where the
    reading + ە (the copula) is a known word too, then a candidate at least as cheap as the
    reading (يه كمة → یەکەمە, not یەکەم)."""
    for w, cost in list(out.items()):
        if w.endswith("\u06d5"):
            continue
        v = w + "\u06d5"
        if v in out or v in word_lm().counts:
            out[w] = cost + FINAL_AE_KEEP
            out[v] = min(out.get(v, cost), cost)


FINAL_AE_KEEP = 2.0      # a join reading without the final ە that the last token writes as ة (0: off)


def _join_pool(pieces: list[tuple[str, tuple[str, ...]]], joined: str) -> dict[str, None]:
    """Known words typed tokens written together may stand for (``pieces``: ``_join_piece`` of
    each): ``joined`` (their letters) when it is a word, and the words of every key made of a key
    of each piece in turn (16 at most; a letter doubled at the join also read once). Keys that
    begin no key of the index (``_key_prefixes``) are not built further."""
    pool: dict[str, None] = {joined: None} if joined in word_lm().counts else {}
    piece_keys = [pk for _p, pk in pieces]
    compiled = _compiled_join_pool()
    if compiled is not None:
        compiled(pool, piece_keys, key_index(), _key_prefixes(), _COLLAPSE_LETTERS[0])
    else:
        _join_pool_keys_py(pool, piece_keys, key_index(), _key_prefixes())
    return pool


def _join_pool_keys_py(pool: dict[str, None], piece_keys: list[tuple[str, ...]], index: dict[str, tuple[str, ...]],
                       prefixes: frozenset[str] | None) -> None:
    """The key part of ``_join_pool``: the words of the keys made of a key of each piece in turn
    added to ``pool``; ``_repair_c.join_pool`` does the same in C."""
    key = key_scheme().key
    keys = [""]
    last = len(piece_keys) - 1
    for step, pk in enumerate(piece_keys):
        keys = [k + x for k in keys for x in pk][:16]
        keys += [k[:-1] for k in keys if len(k) > 1 and k[-1] == k[-2]]
        if step < last and prefixes is not None and not any(
                (c := key(k)) in prefixes or c in index for k in keys):
            return
    for k in dict.fromkeys([key(k) for k in keys]):
        found = index.get(k)
        if found:
            pool.update(dict.fromkeys(found))


_COLLAPSE_LETTERS = [""]  # the letters whose runs a key reads once (set by ``_compiled_join_pool``)


@lru_cache(maxsize=1)
def _compiled_join_pool():  # type: ignore[no-untyped-def]
    """``join_pool`` of the optional compiled module ``sorani._repair_c`` (None: pure Python, or a
    key scheme whose keys of joined pieces are not their collapsed concatenation)."""
    from sorani._compiled import load

    mod = load("_repair_c", C_VERSION)
    if mod is None or _key_prefixes() is None:
        return None
    _COLLAPSE_LETTERS[0] = "".join(b for _a, b in key_scheme().collapse)
    return mod.join_pool


@lru_cache(maxsize=1)
def _key_prefixes() -> frozenset[str] | None:
    """The proper beginnings of the keys of ``key_index``: the key of pieces written together
    begins with the key of the first ones, so one that is neither such a beginning nor a key
    begins no key. None where the key scheme breaks that (a ``collapse`` row other than a doubled
    letter read once, or a class letter that is no member of its class)."""
    ks = key_scheme()
    if any(len(a) != 2 or a[0] != a[1] or b != a[0] for a, b in ks.collapse) \
            or any(ks.table.get(ord(t), t) != t for t in ks.class_table.values()):
        return None
    return frozenset(k[:j] for k in key_index() for j in range(1, len(k)))


DRAWN_KEEP = 2.0         # a join reading that drops a drawn ە or ێ
SUFFIX_JOIN3 = True      # … and after a join of two tokens
SUFFIX_ALONE = 2.0       # a suffix token read as a word of its own after a drawn ە (0: off)
SUFFIX_JOIN = 1.0        # cost of a suffix typed apart joined to a word not in the lists (0: off)


@lru_cache(maxsize=1)
def _suffix_tokens() -> frozenset[str]:
    """Suffixes a typist may write as a token of their own after a drawn ە (``apart`` rows of
    ``data/repair/omissions.tsv``: یە، کان، ی …; not those that are words too, such as کە، بوو)."""
    return frozenset(row[1] for row in read_rows("repair/omissions.tsv") if row[0] == "apart" and len(row) >= 2)


@lru_cache(maxsize=1)
def _drawn_letters() -> dict[str, str]:
    """Typed letter at the end of a token -> the Kurdish letter it draws inside a word, with
    the space after it (``drawn`` rows of ``data/repair/omissions.tsv``: ه → ە, ئ → ێ)."""
    return {row[1]: row[2] for row in read_rows("repair/omissions.tsv")
            if row[0] == "drawn" and len(row) >= 3 and len(row[1]) == 1}


JOIN_DOUBLE = True       # the وو / ییە preference of single words in joins too
JOIN_MORPH = True        # analyzer-known spellings for a join whose every space is a drawn ە


@_asking(50_000)
def _join_spellings(joined: str, persian_kb: bool) -> tuple[str, ...]:
    """Spellings of typed tokens written together (normalized) that the word model does not
    know but the morphological analyzer does: as typed, with a Kurdish letter chosen for each
    ambiguous one, and with an initial ا read as ئە (``ایباتەوە`` → ``ئەیباتەوە``)."""
    lm = word_lm()
    forms = [joined]
    if joined.startswith("\u0627") and len(joined) > 2:
        forms.append("\u0626\u06d5" + joined[1:])
    out: list[str] = []
    for f in forms:
        ending = [w for w, _cost in _verb_end_readings(f)]
        if f not in lm.counts and _morph_known(f) and not ending:
            out.append(f)
        out.extend(ending)
        out.extend(_typed_variants(f, persian_kb))
    # not a compound of two words (کارەعاقڵانە): those are the tokens as typed
    return tuple(w for w in dict.fromkeys(out) if _known_as(w) == 1)[:VARIANTS_MAX]


@_asking(50_000)
def _split_candidates(word: str, ae_typed: int = 0, persian_kb: bool = False) -> tuple[tuple[tuple[str, ...], float], ...]:
    """Sequences of two to ``MAX_SPLIT_PARTS`` known words that a typed token written without
    its spaces may stand for (``سرکوتوبن`` → ``سەرکەوتوو بن``)."""
    base = _surface(word)
    if len(base) < 4 or len(base) > MAX_SPLIT_LEN:
        return ()
    lm = word_lm()
    found = _split_parts(base, MAX_SPLIT_PARTS)
    out: list[tuple[tuple[str, ...], float]] = []
    for parts in found:
        if len(parts) < 2:
            continue
        cost = SPLIT_COST * (len(parts) - 1) + EDIT_COST * _channel_cost(base, "".join(parts), ae_typed, persian_kb)
        out.append((parts, cost))
    out.sort(key=lambda x: x[1] - 0.1 * sum(lm.unigram_logprob(w) for w in x[0]))
    return tuple(out[:MAX_CANDIDATES])


@_asking(50_000)
def _split_parts(base: str, parts: int) -> tuple[tuple[str, ...], ...]:
    """Readings of ``base`` as one to ``parts`` known words (a few per piece, keys matched)."""
    lm, index, ks = word_lm(), key_index(), key_scheme()
    out: list[tuple[str, ...]] = [(w,) for k in ks.typed_keys(base) for w in index.get(k, ())[:2]
                                  if lm.counts.get(w, 0) >= 1 and (len(w) > 1 or w == "\u0648")]
    if lm.counts.get(base, 0) >= 1 and (base,) not in out and len(base) > 1:
        out.insert(0, (base,))  # the piece as typed, when it is a word
    if not out and len(base) >= 4 and (_affixed_lp(base) > OOV_LOGPROB
                                       or (SPLIT_MORPH and _morph_known(base))):
        out.append((base,))  # an inflected form of a known word (شاریش، کفتەی)
    if parts > 1:
        for j in range(2, len(base) - 1):
            piece = _surface(base[:j])
            left = [w for k in ks.typed_keys(piece) for w in index.get(k, ())[:2]
                    if lm.counts.get(w, 0) >= 1 and len(w) > 1]
            if lm.counts.get(piece, 0) >= 1 and piece not in left:
                left.insert(0, piece)  # the piece as typed, when it is a word
            if not left:
                continue
            rests = _split_parts(base[j:], parts - 1)
            for a in left[:2]:
                for rest in rests[:4]:
                    out.append((a,) + rest)
    out.sort(key=lambda ws: -sum(lm.unigram_logprob(w) for w in ws) + 4.0 * len(ws))
    return tuple(dict.fromkeys(out))[:8]


@_asking(50_000)
def _conjunction_splits(word: str, ae_typed: int = 0, persian_kb: bool = False
                        ) -> tuple[tuple[int, tuple[str, ...], float], ...]:
    """Edges for the conjunction و written together with a neighbouring word, as the Persian
    script allows (``وبرکت`` → ``و بەرەکەت``, ``بفرو`` → ``بەفر و``)."""
    if len(word) < 4 or CONJ_SPLIT_COST <= 0:
        return ()
    lm = word_lm()
    out = []
    w = "\u0648"
    if word.startswith(w) and word[1] != w:
        for cand, cost in _candidates(word[1:], ae_typed, persian_kb)[:3]:
            if cand in lm.counts:
                out.append((1, (w, cand), CONJ_SPLIT_COST + cost))
    if word.endswith(w) and word[-2] not in "\u0648\u0627\u06d5\u0647\u06cc\u064a":
        # cheaper, for a token unseen in running text, where the analyzer reads the reading + و
        # as a word + the conjunction (شیتو → شێت و, کتیبو → کتێب و)
        morph = CONJ_SPLIT_MORPH is not None and lm.counts.get(_surface(word), 0.0) < 1
        for cand, cost in _candidates(word[:-1], ae_typed, persian_kb)[:3]:
            if cand in lm.counts:
                split = CONJ_SPLIT_MORPH if morph and _conj_glued(cand + w) else CONJ_SPLIT_COST
                out.append((1, (cand, w), split + cost))
    return tuple(out)


CONJ_SPLIT_MORPH = 0.0    # … where the analyzer reads the word + و as a word and the conjunction (None: off)


def _conj_glued(word: str) -> bool:
    """Does the analyzer read ``word`` first as a word + the conjunction و written together
    (``کوردو`` = کورد + و; not the participle ``هاتو``)?"""
    found = _morphology().analyze_word(word)
    return bool(found) and not found[0].is_guess and found[0].morphemes[-1].tag == "CONJ"


INVISIBLE_SPLIT_COST = 1.5  # a space left out after a letter that does not join the next one
INVISIBLE_GATE = 1.0        # … that has no candidate seen in running text this cheap
INVISIBLE_MIN_LEN = 5       # … in a typed token at least this long


def _reads_as_seen(word: str, ae_typed: int = 0, persian_kb: bool = False) -> bool:
    """Is a candidate of the typed word a word of running text that costs at most
    ``INVISIBLE_GATE`` (the word as typed, or a cheap respelling of one)? Then its letters are
    not split (``_invisible_splits``) nor its space moved (``_resegment_candidates``)."""
    counts = word_lm().counts
    return any(counts.get(c, 0.0) >= 1 and k <= INVISIBLE_GATE for c, k in _candidates(word, ae_typed, persian_kb))


@lru_cache(maxsize=1)
def _non_joining() -> frozenset[str]:
    """Letters that do not join the next letter (``nonjoining`` rows of ``omissions.tsv``): a
    space left out after one of them cannot be seen (``ئەوکفتەی`` for ``ئەو کفتەی``)."""
    return frozenset("".join(row[1] for row in read_rows("repair/omissions.tsv") if row[0] == "nonjoining"))


@_asking(50_000)
def _invisible_splits(word: str, ae_typed: int = 0, persian_kb: bool = False
                      ) -> tuple[tuple[int, tuple[str, ...], float], ...]:
    """Edges for a typed token split in two where a space after a non-joining letter was left
    out: a word seen in running text, then one seen in running text or known to the analyzer."""
    base = _surface(word)
    n = len(base)
    if n < INVISIBLE_MIN_LEN or n > MAX_SPLIT_LEN:
        return ()
    if _reads_as_seen(word, ae_typed, persian_kb):
        return ()  # a word of running text as typed, or a cheap respelling of one
    nj = _non_joining()
    out = []
    for j in range(2, n - 1):
        if base[j - 1] not in nj or base[j] == base[j - 1]:
            continue
        left = _piece_words(_surface(base[:j]), False)
        if not left:
            continue
        right = _piece_words(_hamza(_surface(base[j:])), True)
        for a in left:
            ka = EDIT_COST * _channel_cost(base[:j], a, ae_typed, persian_kb)
            for b in right:
                out.append((1, (a, b), INVISIBLE_SPLIT_COST + ka
                            + EDIT_COST * _channel_cost(_hamza(base[j:]), b, ae_typed, persian_kb)))
    return tuple(out)


HAMZA_PIECE = True       # a piece after a split that starts with a vowel letter is read with ئ


def _hamza(piece: str) -> str:
    """A piece of a split token as a word: a Sorani word does not start with a vowel letter
    but with ئ before it, which a typist leaves out inside a glued token (``سةيرةكةين`` → سەیر
    ئەکەین)."""
    if HAMZA_PIECE and piece[:1] in _VOWEL_START:
        return "\u0626" + piece
    return piece


_VOWEL_START = frozenset("\u06d5\u0627\u06c6\u06ce")  # ە ا ۆ ێ


@_asking(50_000)
def _piece_words(piece: str, morph: bool) -> tuple[str, ...]:
    """Words of running text (two at most, most frequent first) sharing the key of a piece of a
    typed token, or (``morph``) the piece itself when the analyzer knows it."""
    lm = word_lm()
    words = [w for w in key_index().get(key_scheme().key(piece), ())[:4]
             if lm.counts[w] >= 1 and len(w) > 1 and w != piece][:2]
    if lm.counts.get(piece, 0.0) >= 1:
        words.insert(0, piece)  # the piece as typed, when it is a word
    if morph and not words and len(piece) > 2 and _morph_known(piece) and _known_as(piece) == 1:
        words.append(piece)
    return tuple(words)


RESEGMENT_SPAN = 2       # typed tokens whose space may be misplaced (0: none)
RESEGMENT_COST = 2.5     # a space moved: two typed tokens read as two other words
RESEGMENT_MAX = 4        # readings kept per window
RESEGMENT_SHIFT = 3      # letters the space may be off
RESEGMENT_GATE = True    # not where every token reads cheaply as a word of running text


@_asking(50_000)
def _resegment_candidates(words: tuple[str, ...], ae_typed: int = 0, persian_kb: bool = False
                          ) -> tuple[tuple[tuple[str, str], float], ...]:
    """Readings of adjacent typed tokens as two words split elsewhere than at the typed spaces
    (``خوش مدةوي`` → ``خۆشم دەوێ``): a word of running text, then one of running text, each
    sharing the key of its piece, the space at most ``RESEGMENT_SHIFT`` letters off."""
    parts = _inner_parts(words)
    base = "".join(parts)
    n = len(base)
    if n < 4 or n > MAX_SPLIT_LEN:
        return ()
    lm = word_lm()
    if all(lm.counts.get(p, 0.0) >= 1 for p in parts):
        return ()  # every token a word of running text as typed: the space is where it belongs
    if RESEGMENT_GATE and all(_reads_as_seen(w, ae_typed, persian_kb) for w in words):
        return ()  # … or a cheap respelling of one
    if not all(map(_LETTER_RE.search, words)):
        return ()  # a token without a letter (ـ drawn as a dash) holds no letters to move
    bounds = set()
    k = 0
    for p in parts[:-1]:
        k += len(p)
        bounds.add(k)
    out = []
    for j in range(2, n - 1):
        if j in bounds or not any(abs(j - b) <= RESEGMENT_SHIFT for b in bounds):
            continue
        left = _piece_words(_surface(base[:j]), False)
        if not left:
            continue
        right = _piece_words(_hamza(_surface(base[j:])), False)
        if not right:
            continue
        for a in left:
            ka = EDIT_COST * _channel_cost(base[:j], a, ae_typed, persian_kb)
            for b in right:
                out.append(((a, b), RESEGMENT_COST + ka
                            + EDIT_COST * _channel_cost(_hamza(base[j:]), b, ae_typed, persian_kb)))
    if RESEGMENT_DRAWN_KEEP:
        _keep_drawn(words, parts, out)
    out.sort(key=lambda x: x[1])
    return tuple(out[:RESEGMENT_MAX])


RESEGMENT_DRAWN_KEEP = 2.0  # a reading of a moved space that drops the ە drawn before it (0: off)


def _keep_drawn(words: tuple[str, ...], parts: list[str], out: list[tuple[tuple[str, str], float]]) -> None:
    """Make dearer the readings of adjacent typed tokens, split elsewhere, that have fewer
    letters of the class of a letter the first token draws with its space (ه + space for ە, rare
    as a word of its own: ``بؤببه ن`` is بۆ ببەن, not بۆ ببن), as ``DRAWN_KEEP`` does for joins."""
    drawn_map = _drawn_letters()
    w0, p0 = words[0], parts[0]
    letter = drawn_map.get(w0[-1:])
    if letter is None or word_lm().counts.get(p0, 0) >= H_FREE_COUNT:
        return
    classes = _classes
    cl = classes(letter)
    need = classes(p0[:-1] + letter + "".join(parts[1:])).count(cl)
    for k, (ws, cost) in enumerate(out):
        if classes("".join(ws)).count(cl) < need:
            out[k] = (ws, cost + RESEGMENT_DRAWN_KEEP)


AE_WRITTEN = 1           # ae_typed: the line writes its ە (ة typed: an Arabic keyboard)
AE_DRAWN = 2             # … the line draws ە as ه + space in a short token (مه لی for مەڵێ)
AE_DRAWN_INS = 1.0       # an ە the typist left out, on a line that draws its ە (was CHEAP)


def _ae_drawn(words: list[str], joinable: list[bool]) -> int:
    """``AE_DRAWN`` when a typed token of two letters ending in a drawn ە (ه + space, the
    ``drawn`` row of omissions.tsv) stands before another token, and is no frequent word of its
    own (لە، بە، کە): this typist writes the ە inside words, so one left out is less likely —
    where every token of the line is a word of the lists as typed (an ە left out mostly leaves
    no word: ``هێزکانمان``; with such a token the typist may have left others out too)."""
    if not AE_DRAWN_INS:
        return 0
    lm = word_lm()
    if AE_DRAWN_ALL_KNOWN and any(len(w) > 1 and _surface(w) not in lm.counts for w in words):
        return 0
    drawn = [t for t, l in _drawn_letters().items() if l == "\u06d5"]
    for k, w in enumerate(words[:-1]):
        if joinable[k] and len(w) == 2 and w[-1] in drawn and lm.counts.get(_surface(w), 0.0) < H_FREE_COUNT:
            return AE_DRAWN
    return 0


AE_DRAWN_ALL_KNOWN = True  # … only where every token of the line is a word of the lists as typed


def _is_standard(words: list[str]) -> bool:
    """Does a line already look like standard Sorani (Kurdish letters in most words)?"""
    n = kurdish = 0
    kurdish_re = _KURDISH_RE.search
    for w in words:
        if "\u0629" in w or "\u0624" in w:  # ة ؤ: typed on an Arabic keyboard
            return False
        if len(w) > 1:
            n += 1
            if kurdish_re(w) or ("\u200c" in w and "\u0647\u200c" in w):
                kurdish += 1
    if n == 0 or kurdish >= STANDARD_RATIO * n:
        return True
    # few Kurdish letters: typed on another keyboard only if enough words are unknown as typed
    lm = word_lm()
    unknown = sum(1 for w in words if len(w) > 1 and _surface(w) not in lm.counts
                  and _affixed_lp(_surface(w)) <= OOV_LOGPROB)
    return unknown < UNKNOWN_RATIO * n


@lru_cache(maxsize=200_000)
def _has_foreign(word: str) -> bool:
    """Does the normalizer change the word (Arabic ك ي ة, harakat, old ه‌ …)? A ZWNJ that the
    normalizer keeps (``سەرپێڵی‌زەهاو``) is standard."""
    n = normalize(word)  # one normalization (``_surface`` would run it again)
    return n != word and (n.replace("\u200c", "") or word) != word


# ---------------------------------------------------------------- line decoding

@lru_cache(maxsize=1)
def _letter_alternatives() -> dict[str, tuple[str, ...]]:
    """Non-Kurdish letter -> the Kurdish letters of its ambiguity class (ك → ک گ)."""
    ks = key_scheme()
    kurdish = set("ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ")
    groups: dict[str, list[str]] = {}
    for code, target in ks.table.items():
        if target:
            groups.setdefault(target, []).append(chr(code))
    out: dict[str, tuple[str, ...]] = {}
    for members in groups.values():
        alts = tuple(m for m in members if m in kurdish)
        for m in members:
            if m not in kurdish and len(alts) > 1:
                out[m] = alts
    return out


@lru_cache(maxsize=100_000)
def _letter_candidates(word: str) -> tuple[tuple[str, float], ...]:
    """Known spellings of ``word`` obtained by choosing a Kurdish letter for each ambiguous
    non-Kurdish one (ك → ک/گ, ي → ی/ێ); the rest of the word is only normalized."""
    alts = _letter_alternatives()
    variants = [""]
    for ch in word:
        options = alts.get(ch)
        if options and len(variants) < 16:
            variants = [v + o for v in variants for o in options]
        else:
            variants = [v + ch for v in variants]
    lm = word_lm()
    out = []
    for i, v in enumerate(dict.fromkeys(_surface(v) for v in variants)):
        if v in lm.counts or _affixed_lp(v) > OOV_LOGPROB:
            out.append((v, CHEAP * i))
    return tuple(out[:MAX_CANDIDATES])


def _decode_standard(words: list[str]) -> list[str]:
    """Conservative: keep known words and words with only Kurdish letters; choose among the
    candidates of words with non-Kurdish letters."""
    lm = word_lm()
    out = []
    prev = "<s>"
    for w in words:
        if w in lm.counts or not _has_foreign(w):
            out.append(w)
            prev = w
            continue
        base = _surface(w)
        if base in lm.counts or _affixed_lp(base) > OOV_LOGPROB:
            out.append(base)  # only the letters changed: ى→ی, ه‌→ە, ر→ڕ …
        else:
            best, best_s = base, -1e9
            for cand, cost in _letter_candidates(w):
                s = _lp(cand, prev, False) - cost
                if s > best_s:
                    best, best_s = cand, s
            out.append(best)
        prev = out[-1]
    return out


def _decode_typed(words: list[str], joinable: list[bool], ae_typed: int = 0,
                  persian_kb: bool = False, o_typed: bool = False) -> list[list[str]]:
    """Beam search over candidates, joins and splits; returns, per typed word, the output words
    (a join gives its words to the first token and [] to the others). ``o_typed``: the line
    types ۆ as ؤ (``_o_typed_cost``)."""
    lm = word_lm()
    counts, followers, following, log_total = lm.counts, lm.followers, _following(), lm._log_total
    n = len(words)
    glued = not (NO_GLUED and ae_typed == AE_WRITTEN)  # compounds of the analyzer are words (not on Arabic keyboards)
    # beams[i]: last output word -> (score, back pointer)
    beams: list[dict[str, tuple[float, Any]]] = [dict() for _ in range(n + 1)]
    beams[0]["<s>"] = (0.0, None)
    drawn_end = _drawn_letters()
    suffix_tokens = _suffix_tokens()
    extend = _compiled_extend() or _extend_beams_py
    score = _compiled_score() or _score_edges_py
    uni = partial(_uni, morph=True, glued=glued)
    key_ae = (ae_typed, persian_kb)
    # a letter standing alone (not و) at each position: one more token may be joined before it
    lone = [len(w) == 1 and w != "\u0648" for w in words]
    typed_o: list[int] = []  # (o_typed) ؤ and ۆ typed in the first k tokens, for _o_typed_cost
    if o_typed and O_TYPED_COST:
        typed_o.append(0)
        for w in words:
            typed_o.append(typed_o[-1] + w.count("\u0624") + w.count("\u06c6"))
    for i in range(n):
        beam = beams[i]
        if not beam:
            continue
        states = sorted(beam.items(), key=_state_order)[:BEAM]
        word = words[i]
        cands = _candidates(word, *key_ae)
        # a suffix typed as a token of its own after a drawn ە (خانه يه) is rather part of that word
        alone = SUFFIX_ALONE if (i and joinable[i - 1] and words[i - 1][-1:] in drawn_end
                                 and _surface(word) in suffix_tokens) else 0.0
        edges: list[tuple[int, tuple[str, ...], float]] = [(1, (cand,), cost + alone) for cand, cost in cands]
        for c, _ in cands:
            if c in counts:
                break
        else:
            edges.extend((1, pair, cost) for pair, cost in _split_candidates(word, *key_ae))
        edges.extend(_conjunction_splits(word, *key_ae))
        if INVISIBLE_SPLIT_COST:
            edges.extend(_invisible_splits(word, *key_ae))
        # one more token where a letter stands alone (ئه ي كه ن → ئەیکەن): no word of its own
        max_join = MAX_JOIN + 1 if LONE_LETTER_JOIN and any(lone[i + 1:i + MAX_JOIN + 1]) else MAX_JOIN
        for span in range(2, max_join + 1):
            if i + span > n or not joinable[i + span - 2]:
                break
            tokens = tuple(words[i:i + span])
            for cand, cost in _join_candidates(tokens, *key_ae):
                edges.append((span, (cand,), cost))
            if span <= RESEGMENT_SPAN:
                edges.extend((span, outs, cost) for outs, cost in _resegment_candidates(tokens, *key_ae))
        if typed_o:
            edges = _o_typed_cost(edges, typed_o, i)
        # the unigram part of _lp(w, prev) once per edge word, not once per state; the first
        # word's lm.logprob(w, prev, u) inlined, its part that depends on prev alone once per state
        scored = score(edges, counts, log_total, OOV_LOGPROB, uni)
        extend(beams, i, states, scored, counts, followers, following, DISCOUNT, LM_WEIGHT)
    # backtrace (with the end-of-line transition)
    final = beams[n]
    last = max(final, key=lambda w: final[w][0] + LM_WEIGHT * lm.logprob("</s>", w))
    result: list[list[str]] = [[] for _ in range(n)]
    pos, word = n, last
    while pos > 0:
        _score, bp = beams[pos][word]
        i, prev, span, outs = bp
        result[i] = list(outs)
        pos, word = i, prev
    return result


O_TYPED_COST = 0.3       # an ۆ read into a و, on a line that types ۆ as ؤ (0: off)


def _o_typed_cost(edges: list[tuple[int, tuple[str, ...], float]], typed_o: list[int], i: int
                  ) -> list[tuple[int, tuple[str, ...], float]]:
    """A line that types ۆ as ؤ (the Arabic keyboard has it: بؤ، زؤر) types its و as و: an edge
    whose words have more ۆ than its typed tokens have ؤ or ۆ costs ``O_TYPED_COST`` more (كوري
    there is rather کوڕی than کۆری). ``typed_o[k]``: the ؤ and ۆ of the first k typed tokens."""
    out = []
    for span, outs, cost in edges:
        if "\u06c6" in outs[0] or len(outs) > 1:
            if sum(o.count("\u06c6") for o in outs) > typed_o[i + span] - typed_o[i]:
                cost += O_TYPED_COST
        out.append((span, outs, cost))
    return out


def _score_edges_py(edges: list[tuple[int, tuple[str, ...], float]], counts: dict[str, float], log_total: float,
                    oov: float, uni: Any) -> list[tuple[Any, ...]]:
    """The edges (span, output words, cost) of one step of ``_decode_typed`` as ``extend_beams``
    reads them: (span, outs, cost, first word, its unigram log P, exp of it, ((word, unigram
    log P), ...) for the words after the first); a word of the word model has
    ``lm.unigram_logprob`` (inlined; ``oov`` for a count of 0), any other ``uni(word)``.
    ``_repair_c.score_edges`` does the same in C."""
    scored = []
    for span, outs, cost in edges:
        w0 = outs[0]
        c = counts.get(w0)
        u = uni(w0) if c is None else (log(c) - log_total if c else oov)
        scored.append((span, outs, cost, w0, u, exp(u), tuple((w, uni(w)) for w in outs[1:]) if len(outs) > 1 else ()))
    return scored


@lru_cache(maxsize=1)
def _compiled_score():  # type: ignore[no-untyped-def]
    """``score_edges`` of the optional compiled module ``sorani._repair_c`` (None: pure Python)."""
    from sorani._compiled import load

    mod = load("_repair_c", C_VERSION)
    return None if mod is None else mod.score_edges


@lru_cache(maxsize=1)
def _following() -> dict[str, dict[str, int]]:
    """The word model's bigram counts by first word (``lm.bigrams`` regrouped): a beam step looks
    up one small dict per state instead of a pair in the large one per state and edge."""
    table: dict[str, dict[str, int]] = {}
    for (prev, word), count in word_lm().bigrams.items():
        table.setdefault(prev, {})[word] = count
    return table


def _state_order(kv: tuple[str, tuple[float, Any]]) -> float:
    """Sort key of a beam's states: best score first."""
    return -kv[1][0]


def _extend_beams_py(beams: list[dict[str, tuple[float, Any]]], i: int, states: list[tuple[str, Any]],
                     scored: list[tuple[Any, ...]], counts: dict[str, float], followers: dict[str, int],
                     following: dict[str, dict[str, int]], discount: float, lm_weight: float) -> None:
    """One step of ``_decode_typed``: every state at position ``i`` extended by every scored edge
    into ``beams[i + span]`` (the first word's ``lm.logprob`` inlined, with the bigram counts of
    ``_following``; the others' from ``word_lm()``). ``_repair_c.extend_beams`` does the same in C."""
    logprob = word_lm().logprob
    for prev, (score, _bp) in states:
        c_prev = counts.get(prev, 0.0)
        lam = None if c_prev < 1 or prev not in followers else discount * followers[prev] / c_prev
        after = following.get(prev, {})
        for span, outs, cost, w, u, e, rest in scored:
            s = score - cost
            if lam is not None:
                big = after.get(w, 0)
                q = max(big - discount, 0.0) / c_prev + lam * e if big else lam * e
                if q > 0:
                    u = log(q)
            s += lm_weight * u
            p = w
            for w, u in rest:
                s += lm_weight * logprob(w, p, u)
                p = w
            tgt = beams[i + span]
            old = tgt.get(p)
            if old is None or s > old[0]:
                tgt[p] = (s, (i, prev, span, outs))


@lru_cache(maxsize=1)
def _compiled_extend():  # type: ignore[no-untyped-def]
    """``extend_beams`` of the optional compiled module ``sorani._repair_c`` (None: pure Python)."""
    from sorani._compiled import load

    mod = load("_repair_c", C_VERSION)
    return None if mod is None else mod.extend_beams


FORMULA_TOKENS = 3  # typed tokens a fixed expression may span (ان شاء الله)
_HAMZA_FOLD = str.maketrans({"\u0621": None, "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627"})


def _formula_key(word: str) -> str:
    """A typed token as the formula table compares it: normalized, hamza read as ا or left out."""
    return _surface(word.translate(_HAMZA_FOLD))


@lru_cache(maxsize=1)
def _formula_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(typed forms read anywhere, typed forms read only as a sentence's first word: those marked
    ``^`` in ``formulae.tsv``, which are words of their own elsewhere: وەلا, aside) -> standard
    spelling."""
    anywhere: dict[str, str] = {}
    initial: dict[str, str] = {}
    for row in read_rows("repair/formulae.tsv"):
        for typed in row[1].split(","):
            table = initial if typed.startswith("^") else anywhere
            table["".join(_formula_key(w) for w in typed.lstrip("^").split())] = row[0]
    return anywhere, initial


@lru_cache(maxsize=1)
def _formula_prefixes() -> frozenset[str]:
    """Every beginning of a typed form of ``_formula_tables`` (a key that is none starts no formula)."""
    return frozenset(k[:j] for table in _formula_tables() for k in table for j in range(1, len(k) + 1))


def _formula_matches(words: list[str], joinable: list[bool], i: int) -> list[tuple[int, str]]:
    """(tokens, standard spelling) of every fixed expression the typed tokens from ``words[i]``
    spell (``FORMULA_TOKENS`` at most, joined by a space), shortest first."""
    (table, initial), prefixes = _formula_tables(), _formula_prefixes()
    n = len(words)
    key = ""
    out = []
    for span in range(1, FORMULA_TOKENS + 1):
        if i + span > n or (span > 1 and not joinable[i + span - 2]):
            break
        key += _formula_key(words[i + span - 1])
        if key not in prefixes:
            break
        if key in table:
            out.append((span, table[key]))
        elif i == 0 and key in initial:  # an oath opens the sentence (وەلا ڕاستە), not aside (وەلا دەنێت)
            out.append((span, initial[key]))
    return out


def _decode_with_formulae(words: list[str], joinable: list[bool], ae_typed: int = 0,
                          persian_kb: bool = False, o_typed: bool = False) -> list[list[str]]:
    """``_decode_typed`` on the stretches between fixed expressions (انشاءالله → ئینشائەڵڵا), which
    are given their standard spelling."""
    n = len(words)
    outs: list[list[str]] = [[] for _ in range(n)]
    start = i = 0
    while i < n:
        found = _formula_matches(words, joinable, i)
        if not found:
            i += 1
            continue
        length, standard = found[-1]  # the longest match (الله اكبر before الله)
        if start < i:
            outs[start:i] = _decode_typed(words[start:i], joinable[start:i - 1], ae_typed, persian_kb, o_typed)
        outs[i] = [standard]
        i = start = i + length
    if start < n:
        outs[start:] = _decode_typed(words[start:], joinable[start:n - 1], ae_typed, persian_kb, o_typed)
    return outs


# ---------------------------------------------------------------- public API

@lru_cache(maxsize=1)
def _load() -> None:
    """Load the models repair uses once (word model and key index, spelling model, morphological
    analyzer), so that the first call pays for them all."""
    key_index()
    _key_prefixes()
    _following()
    if OMIT_MAX:
        _omission_index()  # (a table over the whole word model, built once)
    spelling_logprob("\u06a9\u0648\u0631\u062f")
    if MORPH_LOGPROB > UNKNOWN_LOGPROB:
        _morph_known("\u06a9\u062a\u06ce\u0628\u06d5\u06a9\u0627\u0646")


def repair_with_changes(text: str) -> tuple[str, list[Change]]:
    """Repaired text and the list of changes (offsets into ``text``).

    >>> out, changes = repair_with_changes("له كه ل من")
    >>> out
    'لەگەڵ من'
    >>> changes[0].start, changes[0].end, changes[0].replacement
    (0, 7, 'لەگەڵ')
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() expects str, not {type(text).__name__}")
    changes: list[Change] = []
    with no_cycle_collection():  # (the models, caches and beams make no reference cycles)
        _load()
        for m in _SEGMENT_RE.finditer(text):
            if m.end() > m.start():
                _repair_line(text, m.group(0), m.start(), changes)
    if not changes:
        return text, changes
    parts = []
    last = 0
    for ch in changes:
        parts.append(text[last:ch.start])
        parts.append(ch.replacement)
        last = ch.end
    parts.append(text[last:])
    return "".join(parts), changes


def _repair_line(text: str, line: str, offset: int, changes: list[Change]) -> None:
    words = _WORD_RE.findall(line)  # (the match objects only where something may change)
    if not words:
        return
    if _is_standard(words):
        if not any(map(_has_foreign, words)):
            return  # standard and nothing for the normalizer to change: kept as is
        matches = list(_WORD_RE.finditer(line))
        outs = [[w] for w in _decode_standard(words)]
    else:
        matches = list(_WORD_RE.finditer(line))
        joinable = [line[matches[k].end():matches[k + 1].start()] == " " for k in range(len(matches) - 1)]
        ae_typed = AE_WRITTEN if any("\u0629" in w for w in words) else _ae_drawn(words, joinable)
        persian_kb = _PERSIAN_RE.search(line) is not None  # پ چ ژ گ typed: not an Arabic keyboard
        o_typed = "\u0624" in line  # ؤ typed for ۆ: this typist's و is no ۆ
        _ASKED.append(_Asked())
        try:
            outs = _decode_with_formulae([_RUN_RE.sub(r"\1", w) for w in words], joinable, ae_typed, persian_kb,
                                         o_typed)
        finally:
            _ASKED.pop()
    k = 0
    n = len(words)
    while k < n:
        out = outs[k]
        span = 1
        while k + span < n and not outs[k + span]:
            span += 1
        start, end = matches[k].start(), matches[k + span - 1].end()
        original = line[start:end]
        replacement = " ".join(out)
        if replacement != original:
            changes.append(Change(offset + start, offset + end, original, replacement))
        k += span


def repair(text: str) -> str:
    """Repair Sorani typed with an Arabic or Persian keyboard; standard text is returned unchanged.

    >>> repair("له كه ل")
    'لەگەڵ'
    >>> repair("")
    ''
    """
    return repair_with_changes(text)[0]


# ``sorani.repair`` is this module once imported: calling it calls repair() (see sorani._callable)
from sorani._callable import make_callable  # noqa: E402

make_callable(__name__)
