"""Spelling check and correction for standard Sorani.

``check(word)``: a word is correct when it is known to the word list (``sorani.lm``: TED
transcripts and two Apache-2.0 word lists), or an affixed form of a known word (prefixes and
suffixes of ``data/repair/affixes.tsv``), or when the morphological analyzer knows it (when
``sorani.is_known`` is available). Affixes are licensed by headwords and words seen in running
text only. A letter typed three times, and a form only the affix/compound rules accept whose
spelling variant was seen in running text, or every known stem of which has a spelling variant
seen far more often (``_stem_shadowed``), are flagged; so are a form the word list lacks whose
spelling with the marks of the standard orthography is a dictionary headword (``_marked_headword``)
and two words written as one (``_glued``, the rules of ``data/repair/glued.tsv``: the conjunction
و after ە, the preposition لە before a phrase with a determiner, a subjunctive verb after the noun
of its compound verb, a function word or numeral before a known word), even when a word list has
the glued form; and a dictionary-only headword whose marked spelling the other sources attest. Tokens that are not Arabic-script
words (numbers, Latin, punctuation) are never flagged.

Verdicts are cached per word type; words of the word list pass through a set look-up before any
rule or the analyzer is consulted, and words with Arabic/Persian letters are rejected at once.

``suggest(word, n)``: candidates from the words sharing the input's spelling key (ی/ێ, و/ۆ, ل/ڵ,
ر/ڕ, ه/ە folded, وو/یی written once), from the keyboard ambiguity keys of ``sorani.repair``, from a
symmetric-delete index over the word list (one deletion from the input, one from the dictionary
word; and, a letter often left out — ە, ی, و, ا — written in first: two edits at the price of one
look-up per insertion), from the stem corrected with its suffixes kept, from compounds with one
part corrected, from splitting a word written without its space (و, and, glued to the word before
it; a known word after an inflected or a corrected one), and from one cheap letter confusion
(ی/ێ, و/ۆ, ل/ڵ, ر/ڕ; inside the word also ە typed for the stem vowel ێ) or وو/یی written once or twice that turns the word into a form the affix and compound
rules accept (such a form borrows its stem's frequency, minus ``DERIVED_PENALTY``, or the smaller
``STEM_EDIT_PENALTY`` when the edit lies in its known stem), or from a
letter typed three times written once; ranked by a keyboard-aware edit cost (the letter
confusions of ``data/repair/spelling.tsv`` and neighbouring keys of ``data/repair/keyboard.tsv`` are
cheap) minus a log-frequency prior (an inflected form the word list lacks borrows its stem's
frequency; above ``PRIOR_CAP`` the prior grows at ``PRIOR_SLOPE`` only, so that the commonest words
do not outweigh a cheaper edit). A glued preposition split off a rest only the affix rules accept
pays ``GLUED_INFLECTED``. Ties are broken by the candidate's text, so results do not depend on hash order.
A word with fewer than ``n`` such candidates (an unknown stem: a name, a loan word) is given the
spellings one cheap edit away (a mark of the standard orthography, a short vowel left unwritten
between consonants; a glued preposition split off), ranked by edit cost and by how much likelier
the character model ``sorani._charlm`` finds them (``_fallback``). When ``check`` would flag the
best-scored suggestion (a piece still glued, a misspelt stem), the first of the next ones it accepts
goes first (``FIRST_CLEAN_WINDOW``).

The edit cost, the affix and compound rules and the delete-index look-ups run in the optional
compiled module ``sorani._spell_c`` when it is built; each has a pure-Python twin (``_cost_py``,
``_known_affixed_py``, ``_compound_py``, ``_approx_best_py``, ``_near_frequent_py``) that gives
exactly the same results (``SORANI_PURE_PYTHON=1`` forces them).

>>> check("کتێبەکانم")
True
>>> suggest("باشور", 3)[0]
'باشوور'
>>> correct("ئەو شارە گەورەیە")
'ئەو شارە گەورەیە'
"""
from __future__ import annotations

import heapq
import math
import re
import sys
from collections.abc import Iterable
from functools import cache, lru_cache

from sorani._charlm import char_lm
from sorani._compiled import SPELL_VERSION, load
from sorani._data import read_rows
from sorani.lm import LEXICON_PSEUDO, _prefix_chains, affixes, attach, common_ends, iter_affix_stems, key_index, key_scheme, word_lm
from sorani.lm import _suffix_chains as _suffix_chains_lm

_WORD_RE = re.compile(r"[\u0620-\u065f\u066e-\u06d5\u06fa-\u06ff\u0670\u200c]+")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")

MIN_STEM_COUNT = 0.3    # a stem must be at least a headword (pseudo-count) to license affixes
MIN_STEM_LEN = 3
MIN_COMPOUND = 3
COMPOUND_MIN_COUNT = 2.0  # the known part of a compound to correct must have been seen in running text
FREQ_WEIGHT = 0.1      # weight of log frequency against edit cost
PRIOR_CAP = 0.5        # prior of a single-word candidate (a word seen ~150 times) above which it
PRIOR_SLOPE = 0.25      # grows at this rate: the commonest words (دەبێت, بکەن) do not outweigh a
                        # cheaper edit to a rarer one (دەبنێت → دەبینێت, نکەن → نەکەن), yet still
                        # order each other (بو → بۆ before بوو)
CONFUSABLE = 0.3        # same keyboard ambiguity class (ی/ێ, ر/ڕ …)
NEIGHBOUR = 0.7         # neighbouring keys
EDIT = 1.0
C_VERSION = SPELL_VERSION  # VERSION of sorani._spell_c
TRANSPOSE = 0.7         # two neighbouring letters swapped
SPLIT_COST = 0.7
GLUED_AND = 0.5         # و (and) written together with the word before it
GLUED_INFLECTED = 0.3  # a glued لە/بە/کە/و split off from a rest the word list lacks (only the affix
                        # rules or the analyzer accept it): کەسیکی is کەسێکی, not کە سیکی
INFLECTED_SPLIT = 0.5  # a split whose second word is only known to the analyzer and affix rules
BACKOFF = 0.1           # share of its stem's frequency lent to an inflected form the word list lacks
APPROX_KEEP = 8  # symmetric-delete candidates scored exactly
DELETE_INDEX_MAX_LEN = 25  # words longer than this are not in the symmetric-delete index
WORD_KEEP = 12          # single-word candidates kept per word
NONSTANDARD_PENALTY = 0.6
RUNNING_OVER_DICTIONARY = 2.0  # running-text sightings that outweigh a headword never seen there
MORPH_MIN_COUNT = 3.0   # a lemma only seen in the word lists does not vouch for an analysis
NEAR_MIN_COUNT = 2.0   # a neighbour must have been seen in running text to make a word suspect
SEGMENT_PIECE = 15      # longest piece of a segmentation
SHADOW_MIN_COUNT = 1.0  # a neighbour seen in running text shadows a word the word list lacks
STEM_MIN_RUNNING = 1.0  # a stem that is no headword must have been seen in running text
CHEAP = 0.3             # letter confusions tried as single edits validated by the affix rules
DERIVED_PENALTY = 0.6
SUFFIX_PIECE = 0.5
RARE_PENALTY = 0.3     # per letter pair of a derived candidate that running text hardly writes
RARE_MIN = 100         # running-text tokens a letter pair must be seen in to be common
_FREE_PIECES = frozenset(["\u0648"])
_GLUED = ("\u0644\u06d5", "\u0628\u06d5", "\u06a9\u06d5", "\u0648")  # لە بە کە و: written glued to the next word
SHORT_PIECE_MIN = 20.0  # a two-letter piece of a split must be a word this common (لە, پێ, دا; not کی, ژی)
FINAL_EDIT = 0.1       # a single-word candidate whose last letter differs from the input's
STEM_EDIT_PENALTY = 0.3  # the same, the edit inside its known stem
   # a form accepted by the affix rules that the word list lacks


@cache
def _common_bigrams() -> frozenset[str]:
    """Letter pairs written in at least ``RARE_MIN`` running-text tokens (words of count 1 at
    least, weighted by their count)."""
    counts: dict[str, float] = {}
    for w, c in word_lm().counts.items():
        if c >= 1.0:
            for i in range(len(w) - 1):
                counts[w[i:i + 2]] = counts.get(w[i:i + 2], 0.0) + c
    return frozenset(b for b, c in counts.items() if c >= RARE_MIN)


@cache
def _vocab() -> frozenset[str]:
    lm = word_lm()
    return frozenset(w for w, c in lm.counts.items() if c > 0 and w not in ("<s>", "</s>"))


@cache
def _morph_known():  # type: ignore[no-untyped-def]
    try:  # the morphological analyzer, when merged
        from sorani.morphology import is_known  # type: ignore[import-not-found]
        return is_known
    except Exception:
        return None


_FINE = str.maketrans({"\u06ce": "\u06cc", "\u06c6": "\u0648", "\u06b5": "\u0644", "\u0695": "\u0631"})


def _fine_key(w: str) -> str:
    """Standard-orthography confusions only: ێ/ی, ۆ/و, ڵ/ل, ڕ/ر, وو/و, یی/ی."""
    k = w.translate(_FINE)
    while "\u0648\u0648" in k:
        k = k.replace("\u0648\u0648", "\u0648")
    while "\u06cc\u06cc" in k:
        k = k.replace("\u06cc\u06cc", "\u06cc")
    return k


@cache
def _headword_keys() -> dict[str, tuple[str, ...]]:
    lm = word_lm()
    out: dict[str, list[str]] = {}
    for w, f in lm.flags.items():
        if "s" in f:
            out.setdefault(_fine_key(w), []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _nonstandard(w: str) -> bool:
    """A running-text spelling (TED, Pewan) of a dictionary headword that the dictionary writes
    with وو (باشور for باشوور, نوسەر for نووسەر), ``w`` itself being no headword. A spelling
    seen ``RUNNING_OVER_DICTIONARY`` times in running text is kept when no such headword was
    ever seen there (a dictionary-only وو spelling is no evidence against the one writers use)."""
    lm = word_lm()
    if "s" in lm.flags.get(w, ""):
        return False
    n = w.count("\u0648\u0648")
    bare = w.replace("\u0648\u0648", "\u0648")
    heads = [c for c in _headword_keys().get(_fine_key(w), ())
             if c.count("\u0648\u0648") > n and c.replace("\u0648\u0648", "\u0648") == bare]
    if heads and _running(w) >= RUNNING_OVER_DICTIONARY:
        return any(_running(c) >= 0.5 for c in heads)
    return bool(heads)


@cache
def _stem_set() -> frozenset[str]:
    """Words long and trusted enough to license affixes: dictionary headwords and words seen in
    running text (``STEM_MIN_RUNNING``), not the words only the noisy Pewan list has."""
    lm = word_lm()
    flags = lm.flags
    return frozenset(w for w, c in lm.counts.items()
                     if len(w) >= MIN_STEM_LEN and c >= MIN_STEM_COUNT
                     and ("s" in flags.get(w, "") or c >= STEM_MIN_RUNNING))


@cache
def _longest_suffix_chain() -> int:
    return max(map(len, _suffix_chains_lm()))


@cache
def _prefix_heads() -> frozenset[str]:
    """Every beginning of a prefix string of ``sorani.lm`` (the stem search stops where none
    continues)."""
    return frozenset(p[:i] for p in _prefix_chains() for i in range(len(p) + 1))


@cache
def _compiled_known_affixed():  # type: ignore[no-untyped-def]
    """``known_affixed`` of ``sorani._spell_c`` bound to the tables (None: pure Python)."""
    mod, tables = load("_spell_c", C_VERSION), _affix_tables()
    if mod is None or tables is None:
        return None
    f = mod.known_affixed
    return lambda w: f(w, *tables)


@cache
def _affix_tables() -> tuple[object, ...] | None:
    """The affix tables the compiled affix rules take (known stems, suffix chains, prefix chains,
    their beginnings, the longest chain, ە), or None where a prefix chain is no tuple."""
    pres = dict(_prefix_chains())
    if not all(isinstance(v, tuple) for v in pres.values()):
        return None
    return (_stem_set(), frozenset(_suffix_chains_lm()), pres, _prefix_heads(),
            _longest_suffix_chain(), "\u06d5")


@cache
def _compiled_first_stem():  # type: ignore[no-untyped-def]
    """``first_known_stem`` of ``sorani._spell_c`` bound to the tables (None: pure Python):
    the first stem of ``sorani.lm.iter_affix_stems`` in ``_stem_set()``."""
    mod, tables = load("_spell_c", C_VERSION), _affix_tables()
    if mod is None or tables is None:
        return None
    f = mod.first_known_stem
    return lambda w: f(w, *tables)


@cache
def _compiled_compound():  # type: ignore[no-untyped-def]
    """``compound_known`` of ``sorani._spell_c`` bound to the tables (None: pure Python)."""
    mod, tables = load("_spell_c", C_VERSION), _affix_tables()
    if mod is None or tables is None:
        return None
    f = mod.compound_known
    args = (word_lm().counts, _vocab(), MIN_COMPOUND, 1.0) + tables
    return lambda w: f(w, *args)


@lru_cache(maxsize=300_000)
def _known_affixed(w: str) -> bool:
    """``_known_affixed_py``, through the compiled module when it is built (same result)."""
    f = _compiled_known_affixed()
    return f(w) if f is not None else _known_affixed_py(w)


def _known_affixed_py(w: str) -> bool:
    """Is one of the stems of ``w`` (``sorani.lm.iter_affix_stems``) a known word? Stops at the
    first known stem. The same stems as ``iter_affix_stems``, in the same order, looked up in
    place (no generator: this runs on every candidate ``suggest`` validates)."""
    n = len(w)
    if n > 40:
        return False
    known = _stem_set()
    sufs, pres = _suffix_chains_lm(), _prefix_chains()
    ends = [i for i in range(max(2, n - _longest_suffix_chain()), n + 1) if w[i:] in sufs]
    if not ends:
        return False
    heads = _prefix_heads()
    for j in range(0, min(n - 1, 10)):
        head = w[:j]
        keep = pres.get(head)
        if keep is None:
            if head not in heads:
                break  # no longer prefix string either
            continue
        for i in ends:
            if i - j < 2 or (j == 0 and i == n):
                continue
            core = w[j:i]
            add_e = not core.endswith("\u06d5") and i < n and w[i] != "\u06d5"
            for k in keep:
                stem = k + core
                if stem in known or (add_e and stem + "\u06d5" in known):
                    return True
    return False


@lru_cache(maxsize=300_000)
def _check(word: str) -> bool:
    return _check_plain(word.replace("\u200c", ""))


def _check_plain(w: str) -> bool:
    """``_check(w)`` for a word without ZWNJ, not cached (the one-edit variants ``suggest``
    validates are new words): the same verdict, the Arabic-letter test run last."""
    if w in _vocab():
        ok = not _nonstandard(w)
    else:
        f = _compiled_known_affixed()  # (not through the cache of _known_affixed: new words)
        ok = f(w) if f is not None else _known_affixed_py(w)
        # a compound of a known word and a known (possibly affixed) word: دەسبەسەر+کرانی
        if not ok and 2 * MIN_COMPOUND <= len(w) <= _compound_max_len():
            g = _compiled_compound()
            ok = g(w) if g is not None else _compound_py(w)
    return ok or not _ARABIC_LETTER.search(w)


@cache
def _compound_max_len() -> int:
    """The longest word the compound rule can accept: a head seen in running text, then a word
    of the vocabulary or an affixed form (``_known_affixed`` takes 40 letters at most). A longer
    word is no compound, and is not searched (a split loop over a glued megabyte is quadratic)."""
    heads = max((len(w) for w, c in word_lm().counts.items() if c >= 1.0), default=0)
    return heads + max(max(map(len, _vocab()), default=0), 40)


def _compound_py(w: str) -> bool:
    """Is ``w`` a known word (count 1 at least) followed by a word of the vocabulary or an
    affixed form of a known word (each part ``MIN_COMPOUND`` letters at least)?"""
    counts, vocab = word_lm().counts, _vocab()
    for j in range(MIN_COMPOUND, len(w) - MIN_COMPOUND + 1):
        a, b = w[:j], w[j:]
        if counts.get(a, 0.0) >= 1.0 and (b in vocab or _known_affixed(b)):
            return True
    return False


@lru_cache(maxsize=300_000)
def _morph_ok(w: str) -> bool:
    """The analyzer knows ``w`` from a lemma that is no running-text misspelling (its lexicon
    takes words from the noisy Pewan list too: باشور is such a lemma)."""
    known = _morph_known()
    if known is None:
        return False
    try:
        from sorani.morphology import analyze_word

        analyses = analyze_word(w)
        if not analyses or analyses[0].is_guess:
            return False
        a = analyses[0]
        if any(m.tag in ("CMP", "CONJ") for m in a.morphemes):
            return False  # compounds and a glued و: judged by the stricter rules above
        lm = word_lm()
        stems_ = [m.text for m in a.morphemes if m.tag == "STEM"] + [a.lemma]
        # trusted: a dictionary headword or a word seen often in running text, not a spelling
        # the dictionary writes otherwise
        return any(("s" in lm.flags.get(x, "") or lm.counts.get(x, 0.0) >= MORPH_MIN_COUNT)
                   and not _nonstandard(x) for x in stems_)
    except Exception:
        return False


@lru_cache(maxsize=300_000)
def _near_known(w: str) -> bool:
    """Is a known word one keyboard confusion or one edit away from ``w``?"""
    lm, index, ks = word_lm(), key_index(), key_scheme()
    if 4 <= len(w) <= DELETE_INDEX_MAX_LEN + 1:  # (longer words have no key in the index)
        didx, counts = _delete_index(), lm.counts
        for c in didx.get(w, ()):
            if c != w and counts.get(c, 0.0) >= NEAR_MIN_COUNT:
                return True
        for i in range(len(w)):
            for c in didx.get(w[:i] + w[i + 1:], ()):
                if c != w and counts.get(c, 0.0) >= NEAR_MIN_COUNT:
                    return True
    for k in ks.typed_keys(w):
        if any(c != w for c in index.get(k, ())):
            return True
    return False


def _shadowed(w: str) -> bool:
    """A word the word list lacks (accepted by the affix or compound rules) that is a spelling
    variant (same spelling key: ی/ێ, و/ۆ, ل/ڵ, ر/ڕ, ه/ە, وو/یی written once) of a word seen
    often in running text: a misspelling of it (خیراکار for خێراکار)."""
    counts = word_lm().counts
    doubled = _doubled(w)
    # the standard orthography writes وو and یی (هاووڵاتی, زیندانیی): a neighbour that writes
    # them once is a running-text spelling, no evidence against ``w``
    return any(c != w and counts[c] >= SHADOW_MIN_COUNT and _doubled(c) >= doubled
               for c in _key_words().get(_spell_key(w), ()))


GLUED_MIN_RUNNING = 2.0  # a glued form seen this often in running text (and more often than its
                         # head) is kept: a word of its own (بەرەو, towards)
GLUED_MAX_LEN = 40  # longest token the glued-word rules judge (the affix rules take 40 letters too)
VERB_PART_MIN_RUNNING = 1.0  # the word before a glued subjunctive verb must be seen in running text


def _running(w: str) -> float:
    """How often ``w`` was seen in running text (its word-model count without the pseudo-count of
    the word lists)."""
    lm = word_lm()
    c = lm.counts.get(w)
    if c is None:
        return 0.0
    return c - LEXICON_PSEUDO.get(lm.flags.get(w, ""), 0.5)


@cache
def _glued_table() -> dict[str, tuple[str, ...]]:
    """kind -> rows of ``data/repair/glued.tsv`` (``and``: (letter, the final letter before it);
    ``head``, ``determiner``, ``preposition``: strings; ``verb``: (letter, analyzer tag))."""
    out: dict[str, list] = {}
    for row in read_rows("repair/glued.tsv"):
        out.setdefault(row[0], []).append(row[1] if len(row) == 2 else tuple(row[1:]))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _glued_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(an inflected head's ending at the end of a string, a determiner anywhere) from
    ``_glued_table``."""
    t = _glued_table()
    alt = lambda xs: "|".join(map(re.escape, sorted(xs, key=len, reverse=True)))  # noqa: E731
    return re.compile("(?:" + alt(t["head"]) + ")$"), re.compile(alt(t["determiner"]))


def _list_form(w: str, min_running: float) -> bool:
    """Is ``w`` vouched for as written: a dictionary headword, or seen ``min_running`` times in
    running text?"""
    return "s" in word_lm().flags.get(w, "") or _running(w) >= min_running


def _glued_and(w: str) -> bool:
    """The conjunction و written together with the word before it (``and`` rows of glued.tsv):
    the word without it is known (word list, affix or compound rules), or ends in an inflection
    (``head`` rows) and ``check`` accepts it; the glued form is no headword and not seen in
    running text more often than the bare word (بەرەو, towards, is)."""
    if len(w) < 5:
        return False
    for letter, before in _glued_table()["and"]:
        head = w[:-len(letter)]
        if not w.endswith(letter) or not head.endswith(before):
            continue
        lm = word_lm()
        if "s" in lm.flags.get(w, "") or (_running(w) >= GLUED_MIN_RUNNING
                                          and lm.counts.get(head, 0.0) < lm.counts[w]):
            return False
        if head in _accepted() or _check(head) or (_glued_res()[0].search(head) and check(head)):
            return True
    return False


def _glued_preposition(w: str) -> bool:
    """A preposition (``preposition`` rows of glued.tsv) written together with a noun phrase that
    has a determiner (``determiner`` rows) after its first two letters: لەشارێکەوە for لە
    شارێکەوە. The rest must be a word ``check`` accepts (a name too: the determiner makes it a
    noun phrase) that begins as a word can (``initial`` row of spelling.tsv); a form seen in
    running text or a headword is kept."""
    for p in _glued_table()["preposition"]:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 3 and _glued_res()[1].search(rest, 2) \
                and not _bad_initial(rest) and not _list_form(w, 1.0) and check(rest):
            return True
    return False


def _glued_word(w: str) -> bool:
    """A function word (``word`` rows of glued.tsv) written together with the known word after
    it: the rest is a word of the word list or an affixed form the list lacks, beginning with a
    letter a word can begin with (``initial`` row of spelling.tsv); no longer beginning of ``w``
    is a headword or a word seen in running text (هەرزانفرۆش begins with هەرزان, not هەر), and
    ``w`` itself is neither."""
    words = _glued_table()["word"]
    if not w.startswith(words) or _list_form(w, 1.0):
        return False
    for p in words:
        rest = w[len(p):]
        if not w.startswith(p) or len(rest) < 3 or _bad_initial(rest):
            continue
        if not (rest in _accepted() or (rest not in _vocab() and _check(rest))):
            continue
        if not any(_list_form(w[:k], 1.0) for k in range(len(p) + 1, len(w))):
            return True
    return False


@cache
def _prefix_strings() -> frozenset[str]:
    return frozenset(_prefix_chains())


def _glued_verb(w: str) -> bool:
    """A subjunctive or imperative verb (``verb`` rows of glued.tsv: its first letter and the
    analyzer's tag) written together with the word before it, the non-verbal part of a compound
    verb seen in running text: حەزبکات for حەز بکات. A prefix string of affixes.tsv before it
    (هەڵبێت) belongs to the verb; a headword or a form seen in running text is kept."""
    for letter, tag in _glued_table()["verb"]:
        at = w.find(letter, 2)
        if 0 < at <= len(w) - 3 and _list_form(w, GLUED_MIN_RUNNING):
            return False
        while 0 < at <= len(w) - 3:
            a, b = w[:at], w[at:]
            if a not in _prefix_strings() and _running(a) >= VERB_PART_MIN_RUNNING \
                    and _analyzer_tag(b, tag):
                return True
            at = w.find(letter, at + 1)
    return False


@lru_cache(maxsize=100_000)
def _analyzer_tag(w: str, tag: str) -> bool:
    """Does an analysis of ``w`` by the morphological analyzer (no guess) have a morpheme ``tag``?"""
    if _morph_known() is None:
        return False
    try:
        from sorani.morphology import analyze_word

        return any(not a.is_guess and any(m.tag == tag for m in a.morphemes) for a in analyze_word(w))
    except Exception:
        return False


def _marked_headword(w: str, attested: bool = False) -> bool:
    """A word the word list lacks whose spelling with the marks of the standard orthography
    (ێ ۆ ڵ ڕ for ی و ل ر, or the other way round; never on the last letter, a suffix, nor an
    initial ر, which ``normalize`` reads as ڕ) is a dictionary headword: a misspelling of it
    (گوچان for گۆچان), whatever rule accepted it. With ``attested``, the headword must also be
    in the Pewan list or seen in running text (``_dictionary_variant``)."""
    flags = word_lm().flags
    n = len(w)
    for c in _key_words().get(_spell_key(w), ()):
        f = flags.get(c, "")
        if len(c) != n or c == w or "s" not in f or (attested and "p" not in f and _running(c) < 1.0):
            continue
        if _marks_only(w, c, last=False):
            return True
    return False


def _marks_only(a: str, c: str, last: bool = True) -> bool:
    """Do ``a`` and ``c`` (of one length) differ only by marks of the standard orthography
    (``_mark_table``: ێ ۆ ڵ ڕ for ی و ل ر or the other way round), never on an initial ر (which
    ``normalize`` reads as ڕ) nor, without ``last``, on the last letter?"""
    marks = _mark_table()[0]
    end = len(a) - 1
    return all(x == y or ((marks.get(x) == y or marks.get(y) == x) and not (i == 0 and x in "\u0631\u0695")
                          and (last or i != end))
               for i, (x, y) in enumerate(zip(a, c)))


def _dictionary_variant(w: str) -> bool:
    """A dictionary headword no other source has (not in the Pewan list, never seen in running
    text) whose marked spelling (``_marked_headword``) is a headword the other sources attest
    too: of the dictionary's two spellings, the one writers use is standard (بیزار, بێزار)."""
    return word_lm().flags.get(w) == "s" and _running(w) < 0.5 and _marked_headword(w, True)


def _glued(w: str) -> bool:
    """Two words written as one (``_glued_and``, ``_glued_preposition``, ``_glued_verb``,
    ``_glued_word``); a token longer than ``GLUED_MAX_LEN`` is not judged (the rules check the
    parts, which may check theirs: the depth stays bounded)."""
    if not 4 <= len(w) <= GLUED_MAX_LEN:
        return False
    ends, starts, letters = _glued_cues()
    return (w.endswith(ends) and _glued_and(w)) or (w.startswith(starts) and (
        _glued_preposition(w) or _glued_word(w))) or (any(x in w[2:] for x in letters) and _glued_verb(w))


@cache
def _glued_cues() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(the endings, beginnings and letters without which no rule of ``_glued`` applies)."""
    t = _glued_table()
    return (tuple(letter for letter, _ in t["and"]), tuple(t["preposition"]) + tuple(t["word"]),
            tuple(letter for letter, _ in t["verb"]))


STEM_SHADOW_RATIO = 2.0  # how much more often a stem's spelling variant must be seen to shadow it


def _variant_of(a: str, c: str) -> bool:
    """Does ``c`` differ from ``a`` only by marks of the standard orthography (``_mark_table``:
    ێ ۆ ڵ ڕ for ی و ل ر or the other way round; not an initial ر, which ``normalize`` reads as
    ڕ) or by one و or ی written twice?"""
    if len(c) == len(a) + 1:
        i = common_ends(a, c)[0]
        return c[i] in _confusions()[2] and c[:i] + c[i + 1:] == a \
            and (c[i + 1:i + 2] == c[i] or c[i - 1:i] == c[i])
    return len(c) == len(a) and c != a and _marks_only(a, c)


def _stem_shadowed(w: str) -> bool:
    """A form the word list lacks, accepted by the affix rules, every known stem of which
    (``iter_affix_stems``) has a spelling variant (``_variant_of``) seen ``STEM_SHADOW_RATIO``
    times as often, once at least: the stem is misspelt (چاوەروانتە: چاوەڕوان is the word)."""
    stems = _stem_set()
    first = _derived_from(w)  # (the first known stem, compiled: most words stop here)
    if not first or first not in stems or not _stem_variant_more(first):
        return False
    found = False
    for st in set(iter_affix_stems(w)):
        if st not in stems:
            continue
        found = True
        if not _stem_variant_more(st):
            return False
    return found


@lru_cache(maxsize=100_000)
def _stem_variant_more(st: str) -> bool:
    """Has the stem ``st`` a spelling variant (``_variant_of``) seen ``STEM_SHADOW_RATIO`` times as
    often, once at least?"""
    counts = word_lm().counts
    floor = max(STEM_SHADOW_RATIO * counts[st], 1.0)
    return any(counts[c] >= floor and _variant_of(st, c) for c in _key_words().get(_spell_key(st), ()))


def _doubled(w: str) -> int:
    return w.count("\u0648\u0648") + w.count("\u06cc\u06cc")


@cache
def _foreign_re() -> re.Pattern[str]:
    from sorani.repair import _charmap

    letters = "".join(chr(c) for c in _charmap() if c > 0x600 and c not in (0x200C,))
    return re.compile("[" + re.escape(letters) + "]")


@cache
def _accepted() -> frozenset[str]:
    """Words of the vocabulary accepted as they are (all but the running-text spellings the
    dictionary writes otherwise): the fast path of ``check``."""
    return frozenset(w for w in sorted(_vocab()) if not _nonstandard(w))


@cache
def _load() -> None:
    """Load the word list and the indexes once (the first call pays for them)."""
    _accepted()
    _stem_set()
    key_index()
    _delete_index()
    _headword_keys()
    _foreign_re()
    _key_words()
    _suffix_chains()
    _log_prior()
    _known_prior()
    _piece_costs()
    _piece_prefixes()
    _sub_rows()
    _compiled_cost()
    _compiled_known_affixed()
    _compiled_approx()
    _compiled_compound()
    _stem_counts()
    _compiled_near()
    _compiled_first_stem()
    _cheap_edits()
    _inner_variants()
    _insert_letters()
    _common_bigrams()
    _compiled_rare()
    _spoken_rules()
    _final_changes()
    _mark_table()
    _initial_re()
    _fallback_edits()
    char_lm().logprob("\u06a9\u0648\u0631\u062f")  # the model and its compiled path (کورد)
    _known_affixed("\u06a9\u062a\u06ce\u0628\u06d5\u06a9\u0627\u0646\u0645")  # the affix tables (کتێبەکانم)
    for w in ("\u06a9\u062a\u06ce\u0628", "\u0628\u0627\u0633\u06a9\u0631\u062f\u0646"):
        _morph_ok(w)  # loads the analyzer's lexicon and tables (کتێب, باسکردن)
    _compound_max_len()
    _glued_res()
    _glued_cues()
    _prefix_strings()


CACHE_SIZE = 500_000  # verdicts kept per mode (the cache is emptied when it is full)
_verdicts: tuple[dict[str, bool], dict[str, bool]] = ({}, {})


def _verdict(word: str, strict: bool) -> bool:
    w = word.replace("\u200c", "") if "\u200c" in word else word
    if w in _accepted():
        return not _glued(w) and not _dictionary_variant(w)
    if not _ARABIC_LETTER.search(w):
        return True
    if _foreign_re().search(w):
        return False  # Arabic/Persian letters (ك ي ة …) are never standard Sorani spelling
    if _TRIPLED(w):
        return False  # a letter three times in a row (کوردستاننن)
    if w in _vocab():
        return False  # a running-text spelling the dictionary writes otherwise (_nonstandard)
    if _check(w):
        ok = not _shadowed(w) and not _stem_shadowed(w)
    elif not strict and not _near_known(w):
        ok = True
    else:
        ok = _morph_ok(w)
    return ok and not _marked_headword(w) and not _glued(w)


def check(word: str, strict: bool = False) -> bool:
    """Is ``word`` correctly spelled?

    Known words, affixed forms of known words, compounds of two known words and words the
    morphological analyzer knows (``sorani.is_known``, consulted last as it is the slowest) are
    correct, except a letter typed three times in a row (ییی apart) and a form the word list
    lacks whose spelling variant (ی/ێ, و/ۆ, ل/ڵ, ر/ڕ, ه/ە, without writing وو/یی once) is a
    word seen in running text (``_shadowed``), a word the word list lacks whose marked spelling
    is a dictionary headword (``_marked_headword``) and two words written as one (``_glued``:
    ماڵەکەو, لەشارەکەدا, قسەبکات), in the word list or not.
    With ``strict=False`` (the default) an unknown word is only flagged when a known word is one
    keyboard confusion or one edit away from it; an unknown word with no such neighbour is taken
    for a name or a foreign word and accepted. ``strict=True`` flags every unknown word.
    Verdicts are cached per word type.

    >>> check("دەچێت"), check("دەچیت"), check("نووسەرەکان")
    (True, True, True)
    >>> check("باشور")
    False
    """
    cache_ = _verdicts[1 if strict else 0]
    v = cache_.get(word)
    if v is None:
        _load()
        v = _verdict(word, strict)
        if len(cache_) >= CACHE_SIZE:
            cache_.clear()
        cache_[word] = v
    return v


# ---------------------------------------------------------------- suggestions

@cache
def _neighbours() -> frozenset[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for row in read_rows("repair/keyboard.tsv"):
        keys = row[1]
        for a, b in zip(keys, keys[1:]):
            pairs.add((a, b))
            pairs.add((b, a))
    return frozenset(pairs)


@cache
def _confusions() -> tuple[dict[tuple[str, str], float], dict[str, float], frozenset[str], dict[int, str]]:
    """(substitution costs, inside-word insertion/deletion costs, letters written once for
    twice, spelling-key fold table) of ``data/repair/spelling.tsv``; neighbouring keys of
    ``data/repair/keyboard.tsv`` cost ``NEIGHBOUR``."""
    sub: dict[tuple[str, str], float] = {p: NEIGHBOUR for p in _neighbours()}
    indel: dict[str, float] = {}
    double: set[str] = set()
    fold: dict[int, str] = {}
    for row in read_rows("repair/spelling.tsv"):
        kind, letters = row[0], row[1]
        if kind == "sub":
            cost = float(row[2])
            for a in letters:
                for b in letters:
                    if a != b:
                        sub[(a, b)] = min(cost, sub.get((a, b), EDIT))
        elif kind == "indel":
            for a in letters:
                indel[a] = float(row[2])
        elif kind == "double":
            double.update(letters)
        elif kind == "fold":
            fold[ord(letters)] = row[2]
    return sub, indel, frozenset(double), fold


def _spell_key(w: str) -> str:
    """``w`` with the standard-orthography confusions folded (ێ/ی, ۆ/و, ڵ/ل, ڕ/ر, ه/ە) and
    وو, یی written once: the misspellings of a word share its key."""
    k = w.translate(_confusions()[3])
    if "\u0648\u0648" in k or "\u06cc\u06cc" in k:
        k = k.replace("\u0648\u0648", "\u0648").replace("\u06cc\u06cc", "\u06cc")
    return k


@cache
def _key_words() -> dict[str, tuple[str, ...]]:
    """Spelling key -> words of the vocabulary with that key, most frequent first."""
    counts = word_lm().counts
    out: dict[str, list[str]] = {}
    for w in sorted(_vocab()):
        out.setdefault(_spell_key(w), []).append(w)
    return {k: tuple(sorted(v, key=lambda x: (-counts[x], x))) for k, v in out.items()}


@cache
def _delete_index() -> dict[str, tuple[str, ...]]:
    """Symmetric-delete index: every word of the vocabulary (25 letters at most) and every string
    one deletion away -> those words (in sorted order, so that results are deterministic)."""
    idx: dict[str, list[str]] = {}
    for w in sorted(_vocab()):
        if len(w) > DELETE_INDEX_MAX_LEN:
            continue
        idx.setdefault(w, []).append(w)
        for d in {w[:i] + w[i + 1:] for i in range(len(w))}:
            if d:
                idx.setdefault(d, []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


@cache
def _compiled_cost():  # type: ignore[no-untyped-def]
    """``cost`` of the optional compiled module ``sorani._spell_c``, configured with the
    tables of ``_confusions`` (None: the pure-Python ``_cost_py``)."""
    mod = load("_spell_c", C_VERSION)
    if mod is None:
        return None
    sub, indel, double, _ = _confusions()
    letters = "".join(sorted({ch for pair in sub for ch in pair} | set(indel) | set(double)))
    if len(letters) > 255 or any(ord(ch) > 0xFFFF for ch in letters):
        return None
    pos = {ch: i + 1 for i, ch in enumerate(letters)}
    try:
        mod.configure(letters, [(pos[x], pos[y], c) for (x, y), c in sorted(sub.items())],
                      [indel.get(ch, EDIT) for ch in letters], "".join(sorted(double)),
                      EDIT, CONFUSABLE, TRANSPOSE, "\u06d5")
    except (TypeError, ValueError):
        return None
    return mod.cost


def _cost(a: str, b: str) -> float:
    """Keyboard-aware weighted edit distance from ``a`` (typed) to ``b`` (``_cost_py``), through
    the compiled module when it is built (same result)."""
    f = _compiled_cost()
    return f(a, b) if f is not None else _cost_py(a, b)


def _cost_py(a: str, b: str) -> float:
    """Keyboard-aware weighted edit distance from ``a`` (typed) to ``b`` (with adjacent
    transposition): confusable letters (``data/repair/spelling.tsv``) and neighbouring keys are
    cheap substitutions, وو/یی written once cheap, ە and ئ cheap to add or drop inside a word,
    dearer at its end (where letters are suffixes)."""
    if a == b:
        return 0.0
    # the common prefix and suffix cost nothing: the table runs on the differing middles only
    # (with one letter of context before them), and the same middles recur across words
    p, q = common_ends(a, b)
    s = p - 1 if p else 0
    return _middle_cost(a[s:len(a) - q], b[s:len(b) - q], p > 0, q == 0)


def _indel_cost(w: str, i: int, at_end: bool, indel_cost: dict[str, float], double: frozenset[str]) -> float:
    """Cost of inserting or deleting the letter ``w[i]``: the second letter of وو/یی is cheap,
    a final letter (a suffix) is a full edit unless ە, the others by ``spelling.tsv``."""
    x = w[i]
    if i and x == w[i - 1] and x in double:
        return CONFUSABLE  # the second و of وو, even at the end (تینو → تینوو)
    if at_end and i == len(w) - 1 and x != "\u06d5":
        return EDIT  # a final letter is a suffix
    return indel_cost.get(x, EDIT)


def _indel_costs(w: str, start: int, at_end: bool) -> list[float]:
    """``_indel_cost`` of every letter of ``w`` from ``start`` on, in one pass."""
    _, indel_cost, double, _ = _confusions()
    get = indel_cost.get
    out = []
    last = len(w) - 1
    prev = w[start - 1] if start else ""
    for i in range(start, last + 1):
        x = w[i]
        if x == prev and x in double:
            out.append(CONFUSABLE)
        elif at_end and i == last and x != "\u06d5":
            out.append(EDIT)
        else:
            out.append(get(x, EDIT))
        prev = x
    return out


@cache
def _sub_rows() -> dict[str, dict[str, float]]:
    """The substitution costs of ``_confusions`` as letter -> {letter: cost}."""
    rows: dict[str, dict[str, float]] = {}
    for (x, y), c in _confusions()[0].items():
        rows.setdefault(x, {})[y] = c
    return rows


@lru_cache(maxsize=200_000)
def _middle_cost(a: str, b: str, context: bool, at_end: bool) -> float:
    """``_cost`` of two differing middles; ``context``: their first letter is a common letter
    that precedes them; ``at_end``: they end their words."""
    sub_cost, indel_cost, double, _ = _confusions()
    p = 1 if context else 0
    la, lb = len(a) - p, len(b) - p
    if la == 1 and lb == 1:  # one substitution (or a deletion and an insertion): no lists
        return min(sub_cost.get((a[p], b[p]), EDIT),
                   _indel_cost(a, p, at_end, indel_cost, double) + _indel_cost(b, p, at_end, indel_cost, double))
    if not la:  # insertions only
        return sum(_indel_cost(b, i, at_end, indel_cost, double) for i in range(p, len(b)))
    if not lb:  # deletions only
        return sum(_indel_cost(a, i, at_end, indel_cost, double) for i in range(p, len(a)))
    ins_b = _indel_costs(b, p, at_end)
    del_a = _indel_costs(a, p, at_end)
    a, b = a[p:], b[p:]
    n = len(b)
    prev2: list[float] = []
    prev = [0.0] * (n + 1)
    for j in range(1, n + 1):
        prev[j] = prev[j - 1] + ins_b[j - 1]
    rows = _sub_rows()
    empty: dict[str, float] = {}
    for i, x in enumerate(a, 1):
        dx = del_a[i - 1]
        left = prev[0] + dx
        cur = [left]
        before = a[i - 2] if i > 1 else ""
        get = rows.get(x, empty).get
        for j in range(1, n + 1):
            y = b[j - 1]
            v = prev[j - 1] + (0.0 if x == y else get(y, EDIT))
            t = prev[j] + dx
            if t < v:
                v = t
            t = left + ins_b[j - 1]
            if t < v:
                v = t
            if before == y and j > 1 and x == b[j - 2] and prev2:
                t = prev2[j - 2] + TRANSPOSE
                if t < v:
                    v = t
            cur.append(v)
            left = v
        prev2, prev = prev, cur
    return prev[-1]


@cache
def _log_prior() -> dict[str, float]:
    """Word -> ``FREQ_WEIGHT`` × log(count + 1), for every word of the vocabulary."""
    return {w: FREQ_WEIGHT * math.log(c + 1.0) for w, c in word_lm().counts.items()}


@cache
def _known_prior() -> dict[str, float]:
    """Word of the vocabulary -> its prior (``_freq_score``), computed once."""
    prior = _log_prior()
    accepted = _accepted()
    return {w: p if w in accepted or w not in _vocab() else p - NONSTANDARD_PENALTY
            for w, p in prior.items()}


def _freq_score(word: str, backoff: str = "") -> float:
    """Prior of a word: log frequency, with a penalty for running-text spellings the dictionary
    writes otherwise. An inflected form the word list lacks backs off to the frequency of its
    stem ``backoff`` (discounted by ``BACKOFF``)."""
    p = _known_prior().get(word)
    if p is not None:
        return p
    c = BACKOFF * word_lm().counts.get(backoff, 0.0) if backoff else 0.0
    return FREQ_WEIGHT * math.log((c or 0.1) + 1.0)


@cache
def _suffix_set() -> frozenset[str]:
    return frozenset(affixes()[1])


@cache
def _suffix_chains() -> frozenset[str]:
    """Every chain of up to three suffixes (as written one after the other), eight letters at
    most."""
    out = {""}
    layer = {""}
    for _ in range(3):
        layer = {t + s for t in layer for s in _suffix_set() if len(t) + len(s) <= 8}
        out |= layer
    return frozenset(out)


def _is_suffix_chain(tail: str) -> bool:
    return tail in _suffix_chains()


def _splits(w: str) -> list[tuple[str, str]]:
    """(stem, suffix chain) splits of ``w``, longest stem first (stems of three letters or more,
    suffix chains of up to eight letters)."""
    out = []
    for j in range(len(w) - 1, max(2, len(w) - 9), -1):
        tail = w[j:]
        if _is_suffix_chain(tail):
            out.append((w[:j], tail))
    return out[:6]


@lru_cache(maxsize=100_000)
def _stem_candidates(stem: str) -> tuple[str, ...]:
    """Known words close to ``stem`` (itself when known): the words sharing its spelling key,
    then words one edit away, most frequent first."""
    lm = word_lm()
    counts = lm.counts
    pool: dict[str, None] = {}
    if counts.get(stem, 0.0) >= MIN_STEM_COUNT and stem in _accepted():
        pool[stem] = None
    for c in _key_words().get(_spell_key(stem), ())[:6]:
        if counts[c] >= MIN_STEM_COUNT:
            pool.setdefault(c, None)
    if len(stem) >= 4:
        # the four most frequent one edit away that can be stems (``_stem_counts``: a
        # dictionary headword never seen in running text too, مووچە, کوردەواری)
        f = _compiled_near()
        for c in (f(stem) if f is not None else _near_frequent_py(stem)):
            pool.setdefault(c, None)
    return tuple(pool)


def _near_frequent_py(stem: str) -> list[str]:
    """The four most frequent words that can be stems (``_stem_counts``: seen in running text
    or dictionary headwords) of the delete index one deletion from ``stem`` or from a string one
    deletion from it (ties by text)."""
    counts = _stem_counts()
    get = _delete_index().get
    near = set(get(stem, ()))
    for i in range(len(stem)):
        found = get(stem[:i] + stem[i + 1:])
        if found:
            near.update(found)
    ranked = [(-k, x) for x in near if (k := counts[x]) > 0.0]
    return [c for _, c in heapq.nsmallest(4, ranked)]


@cache
def _stem_counts() -> dict[str, float]:
    """Word of the vocabulary -> its count when it is seen in running text (count 1 at least) or
    a trusted stem (``_stem_set``: a dictionary headword), else 0 (the words only the noisy Pewan
    list has): the near words ``_stem_candidates`` offers."""
    stems = _stem_set()
    return {w: c if c >= 1.0 or w in stems else 0.0 for w, c in word_lm().counts.items()}


@cache
def _compiled_near():  # type: ignore[no-untyped-def]
    """``near_frequent`` of ``sorani._spell_c`` bound to the tables (None: pure Python)."""
    mod = load("_spell_c", C_VERSION)
    if mod is None:
        return None
    f = mod.near_frequent
    args = (_delete_index(), _stem_counts(), sys.float_info.min, 4)
    return lambda w: f(w, *args)


def _attach_variants(stem: str, tail: str) -> list[str]:
    out = [attach(stem, tail)]
    if tail.startswith("\u06d5"):
        if stem.endswith("\u06cc") and not stem.endswith("\u06cc\u06cc"):
            out.append(stem + "\u06cc" + tail)        # قوربانی + ەک → قوربانییەک
        elif stem[-1:] in ("\u0627", "\u06c6", "\u06ce", "\u0648"):
            out.append(stem + tail[1:])                  # بینا + ەکەدا → بیناکەدا
    elif tail.startswith("\u06cc") and stem.endswith("\u06cc") and not stem.endswith("\u06cc\u06cc") \
            and not tail.startswith("\u06cc\u06cc"):
        out.append(stem + "\u06cc" + tail)             # ئازادی + یە → ئازادییە
    return out


@lru_cache(maxsize=100_000)
def _word_candidates(w: str) -> tuple[tuple[float, str], ...]:
    """Single-word corrections of ``w`` as (score, word), best first: score = weighted edit cost
    minus the frequency prior."""
    counts = word_lm().counts
    backoff: dict[str, str] = {}   # candidate -> stem whose frequency it borrows
    exact: set[str] = set()        # candidates scored by the exact edit cost
    # 1. words with the same spelling key (ێ/ی, ۆ/و, ڵ/ل, ڕ/ر, ە/ه, وو/و, یی/ی)
    exact.update(_key_words().get(_spell_key(w), ())[:6])
    # 2. the keyboard ambiguity keys of sorani.repair (ك/ک/گ, ە left out …)
    index, ks = key_index(), key_scheme()
    for k in ks.typed_keys(w)[:4]:
        exact.update(index.get(k, ())[:2])
    # 3. symmetric delete: one deletion from the input, one from the dictionary word, and a
    # letter often left out written in first; pre-ranked by an approximate cost, the best few
    # scored exactly
    exact.update(_approx_best(w))
    # 4. inflected forms: correct the stem, keep the suffixes (دورگەیەکی → دوورگەیەکی)
    for stem, tail in _splits(w):
        for sc in _stem_candidates(stem):
            for cand in _attach_variants(sc, tail):
                if cand not in counts:
                    backoff.setdefault(cand, sc)
                exact.add(cand)
    # 5. a long final u written with one و (تینو → تینوو) when check accepts the form
    if len(w) >= 3 and w[-1] == "\u0648" and w[-2] not in "\u0648\u0627\u06d5\u06cc\u06ce\u06c6":
        v = w + "\u0648"
        if v not in counts and check(v, strict=True):
            exact.add(v)
    # 6. compounds: one part known, the other corrected (خیراکار → خێراکار)
    if len(w) >= 2 * MIN_COMPOUND:
        tried = 0
        for j in range(len(w) - MIN_COMPOUND, MIN_COMPOUND - 1, -1):
            a, b = w[:j], w[j:]
            ca, cb = counts.get(a, 0.0), counts.get(b, 0.0)
            if ca >= COMPOUND_MIN_COUNT and cb < 1.0:
                fixes = [(a, x) for x in _stem_candidates(b)[:3] if x != b]
            elif cb >= COMPOUND_MIN_COUNT and ca < 1.0:
                fixes = [(x, b) for x in _stem_candidates(a)[:3] if x != a]
            else:
                continue
            for x, y in fixes:
                cand = x + y
                if cand not in counts:
                    backoff.setdefault(cand, x if counts[x] < counts[y] else y)
                exact.add(cand)
            tried += 1
            if tried >= 4:
                break
    # 7. one cheap letter confusion (ی/ێ, ر/ڕ, ک/گ …) or وو/یی written once or twice that turns
    # ``w`` into a form the affix and compound rules accept (خیراکار → خێراکار); such a form
    # the word list lacks borrows its stem's frequency and pays ``DERIVED_PENALTY``
    derived: dict[str, float] = {}
    accepted = _accepted()
    for v in _cheap_variants(w):
        if v not in exact and (v in accepted or _check_plain(v)):
            exact.add(v)
            if v not in counts:
                stem = _derived_from(v)
                derived[v] = DERIVED_PENALTY
                if stem:
                    backoff.setdefault(v, stem)
                    # the edit inside the known stem (a stem misspelt, its affixes kept) is
                    # likelier than one in the affixes (another inflection of a right stem)
                    at = v.find(stem)
                    p = common_ends(w, v)[0]
                    if 0 <= at <= p < at + len(stem):
                        derived[v] = STEM_EDIT_PENALTY
    # 8. a letter typed three times or more (کوردستاننن): the run written once or twice
    runs: dict[str, float] = {}
    if _TRIPLED(w):
        for rep in (r"\1", r"\1\1"):
            v = _RUN.sub(rep, w)
            if v in _accepted() or _check_plain(v):
                runs[v] = CONFUSABLE - _freq_score(v, _derived_from(v) if v not in counts else "")
    # 9. a verb form written as spoken (دەنووسێ for دەنووسێت, ئەشڵێ for دەشڵێت): ``spoken``
    # rows of spelling.tsv, one or both applied
    variants = [(w, 0.0)]
    for written, standard, where in _spoken_rules():
        for v, c in list(variants):
            if len(v) > len(written) + 2 and (x := _spoken_form(v, written, standard, where)):
                variants.append((x, c + CONFUSABLE))
    for v, c in variants[1:]:
        if v not in runs and (v in _accepted() or _check_plain(v)):
            exact.discard(v)
            runs[v] = c - _freq_score(v, _derived_from(v) if v not in counts else "")
    exact.discard(w)
    cost = _compiled_cost() or _cost_py
    prior = _known_prior()  # (the prior of _freq_score, looked up in place)
    scored = []
    for c in exact:
        if c not in runs:
            p = prior.get(c)
            if p is None:
                p = _freq_score(c, backoff.get(c, ""))
            if p > PRIOR_CAP:
                p = PRIOR_CAP + PRIOR_SLOPE * (p - PRIOR_CAP)
            scored.append((cost(w, c) - p + derived.get(c, 0.0), c))
    scored += [(sc, c) for c, sc in runs.items()]
    # a form the word list lacks that writes a letter pair running text hardly writes (ەێ, ەە)
    # where the input does not: a variant of no real word (کارگاکەێ, مادەەی)
    rare_count = _compiled_rare()
    common = _common_bigrams()
    for k, (sc, c) in enumerate(scored):
        if c not in counts:
            rare = rare_count(c, w, common)
            if rare:
                scored[k] = (sc + RARE_PENALTY * rare, c)
    # a candidate that changes the last letter (a suffix: real-word inflections of the input)
    # pays ``FINAL_EDIT``, but for the final letters written for others (``final`` rows)
    finals = _final_changes().get(w[-1:], ())
    for k, (sc, c) in enumerate(scored):
        if c[-1:] != w[-1:] and not c.endswith(finals):
            scored[k] = (sc + FINAL_EDIT, c)
    scored.sort()
    return tuple(scored[:WORD_KEEP])


@cache
def _final_changes() -> dict[str, tuple[str, ...]]:
    """Last letter as typed -> the endings it is written for without a ``FINAL_EDIT`` (the
    ``final`` rows of ``data/repair/spelling.tsv``: و for ۆ or وو)."""
    out: dict[str, list[str]] = {}
    for row in read_rows("repair/spelling.tsv"):
        if row[0] == "final":
            out.setdefault(row[1], []).extend(row[2].split())
    return {k: tuple(v) for k, v in out.items()}


def _rare_count_py(c: str, w: str, common: frozenset[str]) -> int:
    """How many letter pairs of ``c`` (each occurrence) are neither in ``common`` (the pairs
    running text writes: ``_common_bigrams``) nor written in ``w``."""
    return sum(1 for i in range(len(c) - 1) if (b := c[i:i + 2]) not in common and b not in w)


@cache
def _compiled_rare():  # type: ignore[no-untyped-def]
    """``rare_count`` of ``sorani._spell_c`` (the pure-Python ``_rare_count_py`` when it is not
    built)."""
    mod = load("_spell_c", C_VERSION)
    return mod.rare_count if mod is not None else _rare_count_py


def _approx_best_py(w: str) -> list[str]:
    """The ``APPROX_KEEP`` best symmetric-delete candidates of ``w`` (by approximate cost minus
    prior, ties by text): words of the index one deletion from ``w`` or from a string one
    deletion from ``w``; and, a letter often left out (ە, ی, و …: ``indel`` rows of
    spelling.tsv) written in first, words equal or one deletion from that: two edits
    (ڕاوستن → ڕاوەستن → ڕاوەستان) at the price of one lookup per insertion."""
    approx: dict[str, float] = {}
    if len(w) <= DELETE_INDEX_MAX_LEN:
        get = _delete_index().get
        d1 = {w[:i] + w[i + 1:] for i in range(len(w))}
        layers: list[tuple[int, set[str]]] = [(0, {w}), (1, d1)]
        for d_in, dels in layers:  # layers in increasing cost: the first cost found is the least
            for d in dels:
                found = get(d)
                if found:
                    n_d = len(d)
                    for c in found:
                        if c not in approx:
                            approx[c] = EDIT * (d_in if d_in or len(c) == n_d else 1)
        if 2 <= len(w) <= 20:
            for x, ic in _insert_letters():
                for i in range(1, len(w)):
                    v = w[:i] + x + w[i:]
                    found = get(v)
                    if found:
                        for c in found:
                            a = ic if c == v else ic + EDIT
                            if a < approx.get(c, 9.0):
                                approx[c] = a
    prior = _log_prior()
    return [c for _, c in heapq.nsmallest(APPROX_KEEP, [(a - prior[c], c) for c, a in approx.items()])]


@cache
def _compiled_approx():  # type: ignore[no-untyped-def]
    """``approx_best`` of ``sorani._spell_c`` bound to the tables (None: pure Python)."""
    mod = load("_spell_c", C_VERSION)
    if mod is None:
        return None
    f = mod.approx_best
    args = (_delete_index(), _insert_letters(), _log_prior(), EDIT, APPROX_KEEP)
    return lambda w: f(w, *args)


def _approx_best(w: str) -> list[str]:
    """``_approx_best_py``, through the compiled module when it is built (same list)."""
    f = _compiled_approx()
    return f(w) if f is not None else _approx_best_py(w)


@cache
def _insert_letters() -> tuple[tuple[str, float], ...]:
    """(letter, cost) of the letters ``spelling.tsv`` says are often left out inside a word
    (``indel`` rows cheaper than a full edit)."""
    return tuple((x, c) for x, c in _confusions()[1].items() if c < EDIT)


@cache
def _cheap_edits() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """(letter -> the letters it is confused with at a cost of at most ``CHEAP``, ``rare``
    letters left out; letters written once for twice) of ``data/repair/spelling.tsv``."""
    subs: dict[str, list[str]] = {}
    rows = read_rows("repair/spelling.tsv")
    rare = {ch for row in rows if row[0] == "rare" for ch in row[1]}
    for row in rows:
        if row[0] == "sub" and float(row[2]) <= CHEAP:
            for a in row[1]:
                subs.setdefault(a, []).extend(b for b in row[1] if b != a and b not in rare)
    return {a: tuple(dict.fromkeys(b)) for a, b in subs.items()}, _confusions()[2]


def _spoken_form(w: str, written: str, standard: str, where: str) -> str:
    """``w`` with the spoken ``written`` replaced by its ``standard`` form at ``where`` (a rule
    of ``_spoken_rules``), or "" where the rule does not apply."""
    if where == "end":
        return w[:-len(written)] + standard if w.endswith(written) else ""
    if where == "start":
        return standard + w[len(written):] if w.startswith(written) else ""
    if where == "inside":
        at = w.find(written, 2)
        return w[:at] + standard + w[at + len(written):] if at > 0 else ""
    return ""


@cache
def _spoken_rules() -> tuple[tuple[str, str, str], ...]:
    """(as written, standard, where: ``start``, ``end`` or ``inside`` (after the first two
    letters)) of the ``spoken`` rows of ``data/repair/spelling.tsv``: verb forms written as
    spoken."""
    return tuple((row[1], row[2], row[3]) for row in read_rows("repair/spelling.tsv")
                 if row[0] == "spoken")


@cache
def _inner_variants() -> dict[str, tuple[str, ...]]:
    """letter -> the letters it is typed for inside a stem (``variant`` rows of
    ``data/repair/spelling.tsv``: ە for ێ)."""
    out: dict[str, list[str]] = {}
    for row in read_rows("repair/spelling.tsv"):
        if row[0] == "variant":
            out.setdefault(row[1][0], []).append(row[1][1])
    return {a: tuple(b) for a, b in out.items()}


def _cheap_variants(w: str) -> list[str]:
    """Every string one cheap spelling edit away from ``w``: a letter replaced by one it is
    confused with (``_cheap_edits``; inside the word, also ``_inner_variants``), a letter of
    وو/یی written twice or once."""
    if len(w) < 3 or len(w) > 25:
        return []
    subs, double = _cheap_edits()
    inner = _inner_variants()
    last = len(w) - 3  # the last two letters are suffixes: no stem vowel there
    out: dict[str, None] = {}
    for i, ch in enumerate(w):
        head, tail = w[:i], w[i + 1:]
        for b in subs.get(ch, ()):
            out[head + b + tail] = None
        if 0 < i <= last:
            for b in inner.get(ch, ()):
                out[head + b + tail] = None
        if ch in double:
            out[head + ch + w[i:]] = None
            if i and w[i - 1] == ch:
                out[head + tail] = None
    out.pop(w, None)
    return [v for v in out if not _TRIPLED(v)]


@lru_cache(maxsize=100_000)
def _derived_from(v: str) -> str:
    """The known stem of an inflected form ``v`` (the first that the affix rules find), or the
    rarer part of a compound: whose frequency ``v`` borrows."""
    f = _compiled_first_stem()
    if f is not None:
        found = f(v)
        if found is not None:
            return found
    else:
        stems_ = _stem_set()
        for stem in iter_affix_stems(v):
            if stem in stems_:
                return stem
    counts = word_lm().counts
    best = ""
    for j in range(MIN_COMPOUND, len(v) - MIN_COMPOUND + 1):
        a, b = v[:j], v[j:]
        if counts.get(a, 0.0) >= 1.0 and b in counts:
            if not best or min(counts[a], counts[b]) > counts[best]:
                best = a if counts[a] < counts[b] else b
    return best


@lru_cache(maxsize=100_000)
def _scored(w: str, depth: int = 0) -> tuple[tuple[float, str], ...]:
    """Corrections of ``w`` (no ZWNJ) as (score, text), best first: single words and, where a
    space was left out, two or more words."""
    counts = word_lm().counts
    vocab = _vocab()
    scored = list(_word_candidates(w))
    # a missing space: a preposition, کە or و written together with the next word (that word
    # accepted by check, or corrected), two words, or the best segmentation into known words
    # (دەستبەکاربکات → دەست بە کار بکات)
    for p in _GLUED:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 3:
            if rest in vocab:
                scored.append((SPLIT_COST - _freq_score(p), p + " " + rest))
            elif check(rest, strict=True):
                scored.append((SPLIT_COST + GLUED_INFLECTED - _freq_score(p), p + " " + rest))
            if rest not in _accepted() and len(rest) >= 4:
                for s, c in _word_candidates(rest)[:2]:
                    if " " not in c:
                        scored.append((SPLIT_COST + s, p + " " + c))
    fixes = 0
    left_fixes = 2
    for j in range(len(w) - 2, 1, -1):
        a, b = w[:j], w[j:]
        if counts.get(a, 0) >= (SHORT_PIECE_MIN if len(a) == 2 else 1) \
                and counts.get(b, 0) >= (SHORT_PIECE_MIN if len(b) == 2 else 1):
            scored.append((SPLIT_COST - min(_freq_score(a), _freq_score(b)), a + " " + b))
        elif counts.get(a, 0) >= 2 and len(b) >= 3 and j < len(w) - 2 and fixes < 3:
            fixes += 1
            if _check(b):  # an inflected word after a known one: کەم کرابێتەوە
                scored.append((SPLIT_COST + INFLECTED_SPLIT - _freq_score(a), a + " " + b))
                continue
            sc = _stem_candidates(b)
            if sc:
                fixed = sc[0]
                scored.append((SPLIT_COST + _cost(b, fixed) - min(_freq_score(a), _freq_score(fixed)),
                               a + " " + fixed))
        elif counts.get(b, 0) >= 2 and len(b) >= 4 and len(a) >= 4 and _check(a):
            # a known word after an inflected one: ئاشکراشیان کردبوو
            scored.append((SPLIT_COST + INFLECTED_SPLIT - _freq_score(b), a + " " + b))
        elif counts.get(b, 0) >= 2 and len(b) >= 3 and counts.get(a, 0) < 1 and left_fixes \
                and not _is_suffix_chain(b):
            # a known word after a misspelt one: the first corrected (هەنێک جار → هەندێک جار)
            left_fixes -= 1
            for x in _stem_candidates(a)[:2]:
                if x != a:
                    scored.append((SPLIT_COST + _cost(a, x) - min(_freq_score(x), _freq_score(b)),
                                   x + " " + b))
    seg = _segment(w)
    if seg:
        scored.append(seg)
    # a glued و (and): دورخراوەتەوەو → دورخراوەتەوە و, its head corrected (or split) when need be
    if w.endswith("\u0648") and len(w) > 3:
        head = w[:-1]
        if head in vocab or _check(head):
            scored.append((GLUED_AND - _freq_score(head), head + " \u0648"))
        elif head[-1] in _VOWELS and check(head):
            # a head no known word is near (a name, a loan word: گەریلا) after which و, written
            # after a vowel, can only be the conjunction
            scored.append((GLUED_AND, head + " \u0648"))
        if depth == 0 and head not in _accepted():
            for s, c in _scored(head, 1)[:3]:
                scored.append((SPLIT_COST + s, c + " \u0648"))
    if depth == 0:
        scored = [(s, c) if " " not in c else _standard_pieces(s, c) for s, c in scored]
        # the best splits again, with one piece in a standard form (``_piece_variants``: لەسەر
        # بکرێ → لەسەر بکرێت, کەوتۆتە خۆ → کەوتووەتە خۆ, جێبەجی بکەین → جێبەجێ بکەین)
        splits = sorted(x for x in scored if " " in x[1])
        seen: set[str] = set()
        for s, c in splits:
            if c not in seen:
                seen.add(c)
                pieces = c.split(" ")
                for i, p in enumerate(pieces):
                    for v, pc in _piece_variants(p):
                        scored.append((s + pc, " ".join(pieces[:i] + [v] + pieces[i + 1:])))
                if len(seen) >= PIECE_SPLITS:
                    break
    scored.sort()
    return tuple(scored)


PIECE_SPLITS = 2  # best distinct split candidates offered again with a piece in a standard form
PIECE_MAX_COUNT = 20.0  # a piece seen this often in running text is left as it is
PIECE_MARK = 0.15  # a piece given one more mark of the standard orthography (typists leave marks
                   # out far more often than they add one: half of CONFUSABLE)


@cache
def _mark_table() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """(letter -> the same letter with the mark the spelling key folds away: ی ێ, و ۆ, ل ڵ, ر ڕ;
    the letters written twice: وو, یی …; the letters written three times where a stem ending in
    two meets a suffix beginning with one: ییی) from the ``fold`` rows (not the ``rare``
    letters), the ``double`` and the ``triple`` rows of ``data/repair/spelling.tsv``."""
    rows = read_rows("repair/spelling.tsv")
    rare = {ch for row in rows if row[0] == "rare" for ch in row[1]}
    marks = {row[2]: row[1] for row in rows if row[0] == "fold" and row[1] not in rare}
    triple = frozenset(ch for row in rows if row[0] == "triple" for ch in row[1])
    return marks, _confusions()[2], triple


def _marked_variants(w: str) -> list[str]:
    """``w`` with one more mark of the standard orthography (``_mark_table``): ێ for ی, ۆ for
    و, ڵ for ل, ڕ for ر, or وو, یی for و, ی, or ییی for یی; never on the last letter (a
    suffix)."""
    marks, double, triple = _mark_table()
    out = []
    n = len(w)
    for i, ch in enumerate(w[:-1]):
        m = marks.get(ch)
        if m:
            out.append(w[:i] + m + w[i + 1:])
        if ch in double and (not i or w[i - 1] != ch):
            if w[i + 1] != ch:
                out.append(w[:i] + ch + w[i:])
            elif ch in triple and i + 2 < n and w[i + 2] != ch:
                out.append(w[:i] + ch + w[i:])
    return out


def _stem_marked(p: str) -> str:
    """The likeliest (edit cost minus prior) spelling of ``p`` with one more mark
    (``_marked_variants``) that ``check`` accepts, the mark inside the known stem of a form the
    word list lacks (سوریاوە → سووریاوە, not سوریاووە: the suffix strings are fixed), or the
    third ی of a stem ending in یی before a suffix beginning with ی (خێراییەکی → خێرایییەکی);
    "" when there is none."""
    triple = _mark_table()[2]
    accepted = _accepted()
    best: tuple[float, str] | None = None
    for x in _marked_variants(p):
        if x in accepted:
            stem = ""
        elif _check_plain(x):
            stem = _derived_from(x)
            at = x.find(stem) if stem else -1
            q = common_ends(p, x)[0]
            end = at + len(stem)
            if not (0 <= at <= q < end - 1
                    or (at >= 0 and q == end and x[q] in triple and x[q - 2:q + 1] == x[q] * 3)):
                continue
        else:
            continue
        key = (_cost(p, x) - _freq_score(x, stem), x)
        if best is None or key < best:
            best = key
    return best[1] if best else ""
DOMINANT = 3.0    # how much more frequent than a piece its spelling variant must be to replace it


@lru_cache(maxsize=100_000)
def _piece_variants(p: str) -> tuple[tuple[str, float], ...]:
    """(standard form, cost) of a piece of a split candidate: a word written as spoken (the
    ``spoken`` rows of spelling.tsv, each applied once) that the word list or the affix rules
    accept, at ``CONFUSABLE``; the piece with one more mark of the standard orthography
    (``_stem_marked``: وا بریاریشە → وا بڕیاریشە, بە یەکێتیە → بە یەکێتییە), at ``PIECE_MARK``;
    and the most frequent word with the piece's spelling key (ێ/ی,
    ۆ/و, ڵ/ل, ڕ/ر, ە/ه folded, وو/یی written once) when it is ``DOMINANT`` times as frequent as
    the piece (a count of 1 at least), at its edit cost."""
    out: list[tuple[str, float]] = []
    if len(p) < 3 or word_lm().counts.get(p, 0.0) >= PIECE_MAX_COUNT:
        return ()
    for written, standard, where in _spoken_rules():
        if len(p) > len(written) + 1 and (v := _spoken_form(p, written, standard, where)):
            if v in _accepted() or _check_plain(v):
                out.append((v, CONFUSABLE))
    marked = _stem_marked(p)
    if marked:
        out.append((marked, PIECE_MARK))
    same = _key_words().get(_spell_key(p))
    if same and same[0] != p:
        counts = word_lm().counts
        if counts[same[0]] >= DOMINANT * max(counts.get(p, 0.0), 1.0):
            out.append((same[0], _cost(p, same[0])))
    return tuple(out)


def _standard_pieces(score: float, text: str) -> tuple[float, str]:
    """A split candidate with every piece in its standard spelling (``_standard_form``), each
    change paid at its edit cost (دو ڕۆژی → دوو ڕۆژی); a piece after the first that is only a
    suffix chain (کی, یە) pays ``SUFFIX_PIECE``."""
    pieces = text.split(" ")
    changed = False
    for i, p in enumerate(pieces):
        pen, x, cost = _piece_fix(p)
        if i and pen:
            score += pen
        if cost:
            score += cost
            pieces[i] = x
            changed = True
    return score, " ".join(pieces) if changed else text


@lru_cache(maxsize=100_000)
def _piece_fix(p: str) -> tuple[float, str, float]:
    """(``SUFFIX_PIECE`` when ``p`` is only a suffix chain, else 0; the standard spelling of
    ``p``; the cost of writing it so, 0 when it is ``p``) for ``_standard_pieces``."""
    pen = SUFFIX_PIECE if p in _suffix_chains() and p not in _FREE_PIECES else 0.0
    x = _standard_form(p)
    return pen, x, (_cost(p, x) if x != p else 0.0)


@lru_cache(maxsize=100_000)
def _standard_form(p: str) -> str:
    """The standard spelling of a word that running text writes with one و for the long vowel وو
    (دو for دوو, کردون for کردوون): the most frequent word with the same spelling key (ێ/ی, ۆ/و,
    ڵ/ل, ڕ/ر, ە/ه folded) that writes more وو and is at least as frequent as ``p`` (a dictionary
    headword when ``p`` is one), or ``p`` itself when there is none."""
    n = p.count("\u0648\u0648")
    if len(p) < 2 or "\u0648" not in p:
        return p
    lm = word_lm()
    c, head = lm.counts.get(p, 0.0), "s" in lm.flags.get(p, "")
    bare = p.replace("\u0648\u0648", "\u0648")
    for x in _key_words().get(_spell_key(p), ()):  # most frequent first
        if lm.counts[x] < c:
            break
        if x.count("\u0648\u0648") > n and x.replace("\u0648\u0648", "\u0648") == bare \
                and ("s" in lm.flags.get(x, "") or not head):
            return x
    return p


_VOWELS = frozenset("\u0627\u06d5\u06ce\u06c6\u06cc")  # ا ە ێ ۆ ی

# harakat (short-vowel marks, shadda, sukun …), superscript alef and tatweel
_MARK_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_MARKS = _MARK_RE.search

# a letter three times in a row is never Sorani spelling (ییی apart: نایاسایییە)
_TRIPLED = re.compile(r"([^\u06cc])\1\1").search
_RUN = re.compile(r"([^\u06cc])\1{2,}")


@cache
def _initial_re() -> re.Pattern[str]:
    """A word (or a piece of a split) that begins with a letter no Sorani word begins with
    (the ``initial`` row of ``data/repair/spelling.tsv``: a vowel, written after ئ)."""
    letters = "".join(row[1] for row in read_rows("repair/spelling.tsv") if row[0] == "initial")
    return re.compile("(?:^| )[" + re.escape(letters) + "]" if letters else "(?!)")


def _bad_initial(c: str) -> bool:
    return _initial_re().search(c) is not None


@lru_cache(maxsize=100_000)
def _suggest(word: str, n: int) -> tuple[str, ...]:
    w = word.replace("\u200c", "")
    out: list[str] = []
    if _MARKS(w):  # harakat and tatweel are no spelling: the bare word first when it is correct
        w = _MARK_RE.sub("", w)
        if w and check(w, strict=True):
            out.append(w)
    if not w or len(w) > 60:
        return tuple(out)
    k = max(n, FIRST_CLEAN_WINDOW)  # (the same first suggestion whatever n asks for)
    _take(out, (c for _, c in _scored(w)), w, k)
    if len(out) < k:  # too few candidates of the word model: the spellings the char LM prefers
        _take(out, _fallback(w), w, k)
    if out and not _clean(out[0]):
        # the first suggestion is one check would flag (a piece glued, a misspelt stem): the
        # first of the next ones check accepts goes before it
        for i in range(1, min(len(out), FIRST_CLEAN_WINDOW)):
            if _clean(out[i]):
                out.insert(0, out.pop(i))
                break
    return tuple(out[:n])


FIRST_CLEAN_WINDOW = 5  # suggestions searched for one check accepts to put first


def _clean(c: str) -> bool:
    """Does ``check`` accept every word of the suggestion ``c``?"""
    return all(check(p) for p in c.split(" "))


def _take(out: list[str], cands: Iterable[str], w: str, n: int) -> None:
    """Append to ``out`` the candidates, in order, until it holds ``n``: not ``w`` itself, none
    twice, none with a letter tripled or a letter no word begins with."""
    for c in cands:
        if len(out) >= n:
            break
        if c not in out and c != w and not _TRIPLED(c) and not _bad_initial(c):
            out.append(c)


FALLBACK_MAX = 0.6     # dearest single edit of a fallback candidate (the spelling.tsv rows)
FALLBACK_CHAR = 0.2    # weight of the char-LM log-probability gain against the edit cost
FALLBACK_KEEP = 10     # fallback candidates kept


@cache
def _fallback_edits() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(letter -> the letters it is confused with at ``CHEAP`` at most, not a ``rare`` one; the
    short vowels left unwritten (``short`` rows of ``data/repair/spelling.tsv``); the vowel
    letters no letter is left out next to (``vowel`` row of ``data/repair/omissions.tsv``); the
    letters written in excess inside a word at ``FALLBACK_MAX`` at most (``indel`` rows))."""
    from sorani.repair import _omission_vowels

    short = "".join(row[1] for row in read_rows("repair/spelling.tsv") if row[0] == "short")
    vowels = _omission_vowels()
    indel = tuple(x for x, c in _insert_letters() if c <= FALLBACK_MAX)
    return _cheap_edits()[0], tuple(short), frozenset(vowels), indel


def _one_edits(w: str) -> dict[str, tuple[int, int, str]]:
    """The spellings one ``_fallback_edits`` edit away from ``w`` -> the edit (at, letters
    replaced, new letters): a letter confused (بزوینەر → بزوێنەر), a short vowel left unwritten
    between two letters that are no vowels (دێرزوور → دێرەزوور), or a letter written in excess
    inside the word."""
    subs, short, vowels, indel = _fallback_edits()
    out: dict[str, tuple[int, int, str]] = {}
    prev = ""
    for i, ch in enumerate(w):
        head, tail = w[:i], w[i + 1:]
        for b in subs.get(ch, ()):
            out.setdefault(head + b + tail, (i, 1, b))
        if i and prev not in vowels and ch not in vowels:
            for x in short:
                out.setdefault(head + x + w[i:], (i, 0, x))
        if i and ch in indel and tail:
            out.setdefault(head + tail, (i, 1, ""))
        prev = ch
    out.pop(w, None)
    return out


def _char_ranked(w: str, base: float, prefix: str, scored: list[tuple[float, str]]) -> None:
    """Add to ``scored`` every ``_one_edits`` spelling of ``w`` without a foreign letter, as
    ``prefix`` + the spelling, at ``base`` + its edit cost minus ``FALLBACK_CHAR`` × its gain in
    character-model log probability (none for a word with a foreign letter)."""
    if _foreign_re().search(w):
        return
    lm = char_lm()
    terms = lm.terms(w)
    for v, (i, a, x) in _one_edits(w).items():
        scored.append((base + _cost(w, v) - FALLBACK_CHAR * lm.gain(w, terms, i, a, x), prefix + v))


@lru_cache(maxsize=10_000)
def _fallback(w: str) -> tuple[str, ...]:
    """Candidates for a word the word model has too few for (an unknown stem: a name, a loan
    word): the spellings one cheap edit away (``_one_edits``), and a glued preposition (لە, بە,
    کە) split off with the rest as typed or one cheap edit away, ranked by edit cost minus
    ``FALLBACK_CHAR`` × how much likelier the character model finds the new spelling (بزوینەر →
    بزوێنەر); no spelling with a foreign letter."""
    scored: list[tuple[float, str]] = []
    _char_ranked(w, 0.0, "", scored)
    for p in _GLUED[:-1]:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 3:
            scored.append((SPLIT_COST, p + " " + rest))
            _char_ranked(rest, SPLIT_COST, p + " ", scored)
    return tuple(c for _, c in heapq.nsmallest(FALLBACK_KEEP, scored))


@cache
def _piece_costs() -> dict[str, float]:
    """Words usable as pieces of a segmentation (seen in running text, two letters at least,
    و apart) -> their cost as a piece (``SPLIT_COST`` minus their prior)."""
    counts = word_lm().counts
    return {w: SPLIT_COST - _freq_score(w) for w, c in counts.items()
            if c >= 1.0 and (len(w) >= 3 or w == "\u0648" or (len(w) == 2 and c >= SHORT_PIECE_MIN))
            and len(w) <= SEGMENT_PIECE}


@cache
def _piece_prefixes() -> frozenset[str]:
    """Every prefix of a segmentation piece (the search stops where none continues)."""
    return frozenset(p[:i] for p in _piece_costs() for i in range(1, len(p) + 1))


def _segment(w: str) -> tuple[float, str] | None:
    """The cheapest split of ``w`` into three or more known words (a word-break search that
    keeps, at each position, the cheapest way there in one, two, and three or more pieces: a
    cheaper split in two does not hide the split in three, پێکهێناو → پێک هێنا و)."""
    n = len(w)
    if n < 6 or n > 40:
        return None
    get = _piece_costs().get
    heads = _piece_prefixes()
    inf = 1e9
    # cost[k][i]: cheapest split of w[:i] into k + 1 pieces (k = 2: three or more)
    cost = [[inf] * (n + 1) for _ in range(3)]
    back = [[-1] * (n + 1) for _ in range(3)]
    for j in range(n):
        if j:
            c0, c1, c2 = cost[0][j], cost[1][j], cost[2][j]
            if c0 >= inf and c1 >= inf and c2 >= inf:
                continue
        for i in range(j + 1, min(n, j + SEGMENT_PIECE) + 1):
            piece = w[j:i]
            if piece not in heads:
                break  # no piece starts so: no longer piece either
            pc = get(piece)
            if pc is None:
                continue
            if not j:
                if pc < cost[0][i]:
                    cost[0][i] = pc
                continue
            for k, before, base in ((1, 0, c0), (2, 1, c1), (2, 2, c2)):
                if base < inf and base + pc < cost[k][i]:
                    cost[k][i] = base + pc
                    back[k][i] = j * 3 + before
    if cost[2][n] >= inf:
        return None
    out, i, k = [], n, 2
    while k:
        code = back[k][i]
        j = code // 3
        out.append(w[j:i])
        i, k = j, code % 3
    out.append(w[:i])
    return cost[2][n], " ".join(reversed(out))


def suggest(word: str, n: int = 5) -> list[str]:
    """Up to ``n`` corrections of ``word``, best first (``word`` itself is never among them).
    Harakat and tatweel are dropped first: the bare word comes first when it is correct.

    >>> "نووسەر" in suggest("نوسەر")
    True
    """
    if n <= 0:
        return []
    _load()
    return list(_suggest(word, n))


def correct(text: str) -> str:
    """Replace every flagged word of ``text`` by its best suggestion; the rest is untouched.

    >>> correct("من باشور دەبینم")
    'من باشوور دەبینم'
    """
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if check(w):
            return w
        s = _suggest(w, 1)
        return s[0] if s else w

    return _WORD_RE.sub(fix, text)


spell = sys.modules[__name__]  # ``sorani.spell`` through the lazy package namespace


def check_text(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every flagged word of ``text`` (offsets into ``text``).

    >>> check_text("من باشور دەبینم")
    [(3, 8, 'باشور')]
    """
    get = _verdicts[0].get
    out: list[tuple[int, int, str]] = []
    if all(get(w) for w in _WORD_RE.findall(text)):
        return out  # every word already known to be correct: no offsets needed
    for m in _WORD_RE.finditer(text):
        w = m.group()
        v = get(w)
        if v is None:
            v = check(w)
        if not v:
            out.append((m.start(), m.end(), w))
    return out
