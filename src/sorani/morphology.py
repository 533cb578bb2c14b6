"""Sorani morphology: lexicon-driven analysis, lemmas, stems, clitic-level tokens and stopwords.

A word is segmented as ``[preverb] [verb prefixes] STEM [suffix chain]`` by dictionary lookups over
a finite affix grammar (``data/morphology/affixes.tsv``): every valid suffix chain and prefix chain
is enumerated once into a hash table, so analysing a word costs a bounded number of lookups per
split point (linear in the word's length, with the chain length capped).  Stems are looked up in
the lemma lexicon (``data/morphology/lexicon.tsv``, built by ``scripts/build_morphology_lexicon.py``)
and the authored closed classes and verbs.  Words with no lexicon analysis get a best guess by the
affix grammar, marked ``is_guess``.

>>> lemmatize("کتێبەکانمان")
'کتێب'
>>> lemmatize("دەکەنەوە")
'کردن'
>>> [m.text for m in analyze_word("ماڵەکەشم")[0].morphemes]
['ماڵ', 'ەکە', 'ش', 'م']
>>> is_known("کوردستان")
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product
from operator import itemgetter
from typing import Any

from sorani._data import compile_cached, read_rows
from sorani._gc import no_cycle_collection
from sorani._regex import trie_pattern

__all__ = ["Analysis", "Morpheme", "analyze_word", "lemmatize", "lemmatize_text", "stem", "morphemes",
           "is_known", "stopwords", "fold"]

MAX_NOUN_CHAIN = 16   # longest nominal suffix chain, in letters
MAX_FALLBACK = 30     # respellings and compound splits are tried on words up to this length
VOWELS = frozenset("اەۆێیوۊ")

# ---------------------------------------------------------------------------------------------
# Folding: the spelling variants that matter for lookup (a light subset of sorani.normalize).

_FOLD_MAP = {
    "ك": "ک", "ڪ": "ک", "ي": "ی", "ى": "ی", "ے": "ی", "ې": "ێ", "ة": "ە", "ۀ": "ە", "ہ": "ه",
    "ؤ": "ۆ", "أ": "ئە", "إ": "ئی", "آ": "ئا", "ٱ": "ا", "ڒ": "ڕ", "ڷ": "ڵ", "ڨ": "ڤ", "ھ": "ه",
    "\u0640": "", "\u064b": "", "\u064c": "", "\u064d": "", "\u064e": "", "\u064f": "",
    "\u0650": "", "\u0651": "", "\u0652": "", "\u0654": "", "\u200d": "", "\u200e": "", "\u200f": "",
    "\u00ad": "",
}
_FOLD_TABLE = str.maketrans(_FOLD_MAP)
_NEEDS_FOLD = re.compile("[" + "".join(_FOLD_MAP) + "\u200c]")  # (or an initial ر, a final ه)


def fold(word: str) -> str:
    """Lookup form of a word: Arabic/Persian letters to Kurdish ones, marks removed, old ه‌ and
    word-final ه written ە.

    >>> fold("كوردستانه")
    'کوردستانە'
    """
    if not _NEEDS_FOLD.search(word) and word[:1] != "ر" and word[-1:] != "ه":
        return word  # (a medial ه without ZWNJ stays ه)
    word = word.replace("ه\u200c", "ە").replace("\u200c", "").translate(_FOLD_TABLE)
    if word.startswith("ر"):  # word-initial r is always trilled: ڕ
        word = "ڕ" + word[1:]
    if word.endswith("ه") and len(word) > 1 and not word.endswith("اه") and word not in _final_h():
        word = word[:-1] + "ە"
    return word


@cache
def _final_h() -> frozenset[str]:
    try:
        return frozenset(r[0] for r in read_rows("final_h.tsv"))
    except OSError:  # pragma: no cover
        return frozenset()


def _fold_fast(word: str) -> str | None:
    """``fold(word)``, or None when the caller must call ``fold`` (pure Python, or not a str).
    At the first call this name is bound to ``_morph_c.fold`` where it is built."""
    def compiled(module: Any) -> Any:
        module.set_fold_table(_FOLD_MAP, _final_h())
        return module.fold
    return _bind("_fold_fast", _no_fast_fold, compiled)(word)


def _morph_c() -> Any:
    """The compiled module ``sorani._morph_c``, or None (not built, stale, or pure Python)."""
    from sorani._compiled import load

    return load("_morph_c", _MORPH_C_VERSION)


def _bind(name: str, py_fn: Any, compiled: Any) -> Any:
    """Bind the module-level name ``name`` of a search to its compiled twin, ``compiled(module)``
    (which gives the module its tables), where ``_morph_c`` is built, else to ``py_fn``; at the
    search's first call, so tables are built on first use. Returns the function bound."""
    module = _morph_c()
    fn = py_fn if module is None else compiled(module)
    globals()[name] = fn
    return fn


def _no_fast_fold(word: str) -> None:
    return None


def _fold_with_map(word: str) -> tuple[str, list[int]]:
    """``fold(word)`` and, for each folded position (plus the end), its offset in ``word``."""
    out: list[str] = []
    pos: list[int] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch == "ه" and i + 1 < n and word[i + 1] == "\u200c":
            out.append("ە")
            pos.append(i)
            i += 2
            continue
        rep = "" if ch == "\u200c" else _FOLD_MAP.get(ch, ch)
        for c in rep:
            out.append(c)
            pos.append(i)
        i += 1
    pos.append(n)
    pos[0] = 0  # characters deleted at the start belong to the first morpheme
    if out and out[0] == "ر":
        out[0] = "ڕ"
    folded = "".join(out)
    if folded.endswith("ه") and len(folded) > 1 and not folded.endswith("اه") and folded not in _final_h():
        folded = folded[:-1] + "ە"
    return folded, pos


# ---------------------------------------------------------------------------------------------
# Results

@dataclass(frozen=True)
class Morpheme:
    """One morpheme of a word: its text, a tag (STEM, DEF, INDF, PL, EZ, PRON, ADD, POST, DIR, COP,
    PVB, IPFV, NEG, SBJV, ARG, PERS, PRF, TEL…) and code-point offsets into the analysed word."""

    text: str
    tag: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "tag": self.tag, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Analysis:
    """One analysis of a word: ``lemma``, ``pos`` (UD tag), ``features`` (UniMorph-style
    dimension -> value), ``morphemes`` (with offsets into the word), ``is_guess`` (no lexicon
    stem) and ``score`` (higher is better)."""

    lemma: str
    pos: str
    features: dict[str, str] = field(hash=False)
    morphemes: tuple[Morpheme, ...]
    is_guess: bool
    score: float

    @property
    def stem(self) -> str:
        """The stem's surface text."""
        for m in self.morphemes:
            if m.tag == "STEM":
                return m.text
        return self.lemma

    @property
    def unimorph(self) -> str:
        """The features as one UniMorph tag string, e.g. ``N;DEF;PL``."""
        return ";".join([_UNIMORPH_POS.get(self.pos, self.pos)] + [v for v in self.features.values() if v])

    def to_dict(self) -> dict[str, Any]:
        return {"lemma": self.lemma, "pos": self.pos, "features": dict(self.features),
                "morphemes": [m.to_dict() for m in self.morphemes], "is_guess": self.is_guess,
                "score": round(self.score, 3)}


_UNIMORPH_POS = {"NOUN": "N", "VERB": "V", "ADJ": "ADJ", "PROPN": "PROPN", "ADP": "ADP", "PRON": "PRO",
                 "NUM": "NUM", "ADV": "ADV", "CCONJ": "CONJ", "SCONJ": "CONJ", "DET": "DET",
                 "PART": "PART", "INTJ": "INTJ", "X": "X"}
_POS_MAP = {"N": "NOUN"}

# UniMorph tag -> feature dimension
_DIMENSION = {"DEF": "Definiteness", "INDF": "Definiteness", "PL": "Number", "LGSPEC1": "Ezafe",
              "LGSPEC6": "Demonstrative", "ADD": "Additive", "LGSPEC2": "Directional",
              "LGSPEC3": "Telic", "CMPR": "Comparison", "SPRL": "Comparison", "IPFV": "Aspect",
              "PRF": "Aspect", "NEG": "Polarity", "SBJV": "Mood", "IMP": "Mood", "PASS": "Voice",
              "PRS": "Tense", "PST": "Tense", "IND": "Mood", "V.MSDR": "VerbForm",
              "V.PTCP": "VerbForm"}


def _dimension(tag: str) -> str:
    if tag in _DIMENSION:
        return _DIMENSION[tag]
    if tag.startswith("PSS"):
        return "Possession"
    if tag.startswith("LGSPEC4"):
        return "Postposition"
    if tag.startswith("LGSPEC7"):
        return "Copula"
    if tag.startswith(("ARGNO", "ARGER")):
        return "Agreement"
    if tag.startswith("ARG"):
        return "Object"
    return tag


# ---------------------------------------------------------------------------------------------
# Grammar tables (built lazily, once)

def _junction(prev: str, form: str) -> list[str]:
    """Surface forms of suffix ``form`` (consonant-context spelling) after the letter ``prev``."""
    if form == "یی" and prev not in VOWELS:
        return []  # derivational یی only after a vowel (ناوچەیی); after a consonant it is ی + ی
    if form in ("ایی", "ەها") and prev in VOWELS:
        return []  # قوڵایی، ملیۆنەها: after a consonant only (a vowel takes یی، ها is not split)
    if prev not in VOWELS or not form:
        return [form]
    if prev == "و" and form == "و":
        return []  # هەردوو is not هەردو + و
    if prev == "و":  # خانووەکە، دواکەوتووەکان، خانوویەک، خانووش
        if form[0] == "ە" or form in ("م", "ت", "ی", "مان", "تان", "یان", "دا", "ین", "یت", "ن"):
            return [form]
        if form.startswith("ێ"):
            return ["یە" + form[1:]]
        if form.startswith("ان"):
            return [form, "یان" + form[2:]]
        if form == "یش":
            return ["ش", "یش"]
        return [form]
    if form[0] == "ە":
        rest = form[1:]
        if prev == "ی":  # ی + ەکان → ییەکان, often written یەکان (زانستیەکان)
            return ["ی" + form, form] if rest else ["یە", "ە"]
        if rest and prev in "اۆ":  # گێڕایەوە، بەلایەوە beside لاوە
            return [rest, "ی" + form]
        return [rest] if rest else ["یە"]
    if form.startswith("ێ"):  # after ی also ەک: کۆتایی + یەک → کۆتاییەک, and مەترسیەک for مەترسییەک
        return ["یە" + form[1:], "ە" + form[1:]] if prev == "ی" else ["یە" + form[1:]]
    if form.startswith("ان"):
        return ["یان" + form[2:], form] if prev == "ی" else ["یان" + form[2:]]
    if form == "یش":
        return ["ش", "یش"] if prev == "ی" else ["ش"]
    if form in ("یت", "ین"):
        return [form]
    return [form]


_CLASSES = ("C", "V", "E", "I", "U")  # stem ends in a consonant, ا ۆ ێ, ە, ی, و
_CLASS_LETTER = {"C": "ب", "V": "ا", "E": "ە", "I": "ی", "U": "و"}


def _cls(ch: str) -> str:
    if ch == "ە":
        return "E"
    if ch == "ی":
        return "I"
    if ch == "و":
        return "U"
    if ch in VOWELS:
        return "V"
    return "C"


Chain = tuple[tuple[str, str, str], ...]  # (surface, tag, feature)


@cache
def _affixes() -> dict[str, list[tuple[str, str, str, str]]]:
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in read_rows("morphology/affixes.tsv"):
        kind, slot, form, tag, feats = row[:5]
        out.setdefault(kind, []).append((slot, "" if form == "-" else form, tag, "" if feats == "-" else feats))
    return out


@cache
def _noun_chains() -> dict[str, dict[str, list[Chain]]]:
    """For each stem class, surface suffix chain -> its segmentations."""
    slots: dict[int, list[tuple[str, str, str]]] = {}
    for slot, form, tag, feats in _affixes()["noun"]:
        slots.setdefault(int(slot), []).append((form, tag, feats))
    order = sorted(slots)
    out: dict[str, dict[str, list[Chain]]] = {c: {"": [()]} for c in _CLASSES}
    for cls in _CLASSES:
        table = out[cls]
        # depth-first over slots, each optional; at most 4 morphemes
        def walk(si: int, prev: str, surface: str, chain: Chain, used_add: bool) -> None:
            if chain:
                table.setdefault(surface, []).append(chain)
            if len(chain) >= 4 or (chain and chain[-1][1] == "EZ"):
                return  # the ezafe ends the word
            for sj in range(si, len(order)):
                for form, tag, feats in slots[order[sj]]:
                    if tag == "ADD" and used_add:
                        continue
                    for surf in _junction(prev, form):
                        if not surf:
                            continue
                        walk(sj + 1, surf[-1], surface + surf, chain + ((surf, tag, feats),),
                             used_add or tag == "ADD")
        walk(0, _CLASS_LETTER[cls], "", (), False)
    return out


@cache
def _verb_prefixes() -> dict[str, list[Chain]]:
    """Verb prefix chain (clitic? aspect/negation? clitic?) -> segmentations; "" included."""
    aff = _affixes()
    aspects = [("", "", "")] + [(f, t, x) for _, f, t, x in aff["vprefix"]]
    clitics = [("", "", "")] + [(f, t, x) for _, f, t, x in aff["vclitic"]]
    out: dict[str, list[Chain]] = {}
    for c1, asp, c2 in product(clitics, aspects, clitics):
        if c1[0] and c2[0]:
            continue
        if c2[0] and not asp[0]:
            continue
        parts = tuple(p for p in (c1, asp, c2) if p[0])
        out.setdefault("".join(p[0] for p in parts), []).append(parts)
    # negation + agent clitic + imperfective: نەیدەتوانی، نەماندەزانی
    neg = [a for a in aspects if a[0] == "نە"]
    for n, c, asp in product(neg, clitics[1:], aspects):
        if asp[0] in ("دە", "ئە"):
            out.setdefault(n[0] + c[0] + asp[0], []).append((n, c, asp))
    return out


@cache
def _verb_suffixes() -> dict[str, list[tuple[str, Chain]]]:
    """Verb suffix chain -> [(stem type PRS|PST, segmentation)]."""
    aff = _affixes()
    endings: dict[str, list[tuple[str, str, str]]] = {}
    for stype, form, tag, feats in aff["vending"]:
        endings.setdefault(stype, []).append((form, tag, feats))
    aspects = [(f, t, x) for _, f, t, x in aff["vaspect"]]
    finals = [("", "", "")] + [(f, t, x) for _, f, t, x in aff["vfinal"]]
    out: dict[str, list[tuple[str, Chain]]] = {}

    def add(stype: str, parts: tuple[tuple[str, str, str], ...]) -> None:
        parts = tuple(p for p in parts if p[0])
        out.setdefault("".join(p[0] for p in parts), []).append((stype, parts))

    for stype in ("PRS", "PST"):
        for end in endings[stype]:
            for fin in finals:
                if fin[0].startswith("ت") and fin[1] in ("TEL", "DIR"):
                    continue
                if end[0] == "ەر" and fin[1] not in ("TEL", "DIR"):
                    continue  # the imperative's ر only before ەوە / ە: بکەرەوە، بچۆرە
                if fin[0] and end[0]:
                    for surf in _junction(end[0][-1], fin[0]):
                        add(stype, (end, (surf, fin[1], fin[2])))
                    continue
                add(stype, (end, fin))
    for asp in aspects:
        ends = endings["PRF"] if asp[1] == "PRF" else endings["PST"]
        for end in ends:
            for fin in finals:
                if fin[1] in ("TEL", "DIR") and end[0].endswith("ە") and not fin[0].startswith("ت"):
                    continue
                if fin[0].startswith("ت") and fin[1] in ("TEL", "DIR") and \
                        not (end[0] or asp[0]).endswith(("ە", "ۆ")):
                    continue  # تەوە / تە after the perfect: هاتووەتەوە، گرتۆتەوە
                prev = (end[0] or asp[0])[-1]
                for surf in (_junction(prev, fin[0]) if fin[0] else [""]):
                    fin2 = (surf, fin[1], fin[2])
                    add("PST", (asp, end, fin2))
                    if asp[0] == "وو":  # after a vowel-final past stem: کڕیوە، هێناوە
                        add("PSTV", (("و", "PRF", "PRF"), end, fin2))
    return out


@dataclass
class _Lexicon:
    nouns: dict[str, list[tuple[str, str, str]]]       # surface stem -> [(lemma, pos, feats)]
    verb_stems: dict[str, list[tuple[str, str, str, bool]]]  # stem -> [(lemma, PRS|PST, voice, primary)]
    compounds: dict[tuple[str, str], str]              # (preverb part, simple lemma) -> lemma
    preverbs: frozenset[str]
    lemmas: frozenset[str]
    closed: dict[str, list[tuple[str, str, str]]]
    stop: frozenset[str]
    verb_rank: dict[str, float]
    causative: dict[str, str]
    weak: frozenset[str]  # lemmas guessed from the Pewan word list: a little less trusted
    doubtful: frozenset[str] = frozenset()  # headwords that are most likely inflected (ئاسانە، گەورەم): ranked low


def _simple_split(lemma: str, simple: dict[str, Any]) -> tuple[str, str] | None:
    for k in range(len(lemma), 1, -1):
        if lemma[-k:] in simple:
            return lemma[:-k], lemma[-k:]
    return None


@cache
def _lexicon() -> _Lexicon:
    nouns: dict[str, list[tuple[str, str, str]]] = {}
    verb_stems: dict[str, list[tuple[str, str, str, bool]]] = {}
    compounds: dict[tuple[str, str], str] = {}
    preverbs = {form for _, form, _, _ in _affixes()["preverb"]}
    lemmas: set[str] = set()

    def add_noun(form: str, lemma: str, pos: str, feats: str = "") -> None:
        if form:
            nouns.setdefault(form, []).append((lemma, pos, feats))

    closed: dict[str, list[tuple[str, str, str]]] = {}
    stop: set[str] = set()
    for row in read_rows("morphology/closed.tsv"):
        form, pos, lemma, feats, is_stop = (list(row) + ["", "", "", "0"])[:5]
        lemma = form if lemma == "-" else lemma
        closed.setdefault(form, []).append((lemma, pos, "" if feats == "-" else feats))
        if is_stop == "1":
            stop.add(form)
        lemmas.add(lemma)

    simple: dict[str, tuple[str, str, str]] = {}
    rows = read_rows("morphology/lexicon.tsv")
    for row in rows:
        if row[1] == "VERB" and row[6] == "authored":
            simple[row[0]] = (row[2], row[3], row[4])
    for row in rows:
        lemma, pos = row[0], row[1]
        lemmas.add(lemma)
        if pos != "VERB":
            add_noun(lemma, lemma, pos)
            continue
        past, pres, passive = row[2], row[3], row[4]
        split = _simple_split(lemma, simple) if row[6] != "authored" else ("", lemma)
        if split and split[0]:
            pre, base = split
            compounds[(pre, base)] = lemma
            if pre not in preverbs:
                preverbs.add(pre)
        else:
            # a verb of its own (authored, or a rule-derived causative)
            for i, s in enumerate(pres.split("|")):
                verb_stems.setdefault(s, []).append((lemma, "PRS", "", i == 0))
            verb_stems.setdefault(past, []).append((lemma, "PST", "", True))
            if passive != "-":
                for p in passive.split("|"):
                    verb_stems.setdefault(p + "ێ", []).append((lemma, "PRS", "PASS", True))
                    verb_stems.setdefault(p + "ا", []).append((lemma, "PST", "PASS", True))
        # verbal nouns and participles are nominal stems of the verb; agent nouns in -ەر are nouns
        if row[6] == "authored":
            p0 = pres.split("|")[0]
            agent = p0 + ("ر" if p0[-1:] in VOWELS else "ەر")
            if agent not in nouns:
                add_noun(agent, agent, "N", "")
        add_noun(lemma, lemma, "VERB", "V.MSDR")
        # the telic verbal noun of a simple verb is a word of its own (بزووتنەوە، مانەوە، تەقینەوە);
        # of a compound it keeps the compound's lemma (لێپرسینەوە → لێپرسین, as UniMorph)
        add_noun(lemma + "ەوە", lemma if split and split[0] else lemma + "ەوە", "VERB", "V.MSDR;LGSPEC3")
        add_noun(past + ("و" if past[-1:] in "اێی" else "وو"), lemma, "VERB", "V.PTCP")
        add_noun(past + ("و" if past[-1:] in "اێی" else "وو") + "ەوە", lemma, "VERB", "V.PTCP;LGSPEC3")
        if passive != "-":
            for p in passive.split("|"):
                add_noun(p + "او", lemma, "VERB", "V.PTCP;PASS")
                add_noun(p + "اوەوە", lemma, "VERB", "V.PTCP;PASS;LGSPEC3")
    for form, entries in closed.items():
        for lemma, pos, feats in entries:
            add_noun(form, lemma, pos, feats)
    # authored verbs are listed roughly by frequency: a small bonus breaks ties between homographs
    verb_rank = {v: 0.02 * (1 - i / len(simple)) for i, v in enumerate(simple)}
    # UniMorph convention: a causative in -اندن is lemmatized to its base verb when it has one
    verbs = {r[0] for r in rows if r[1] == "VERB"}
    causative = {}
    for v in verbs:
        if v.endswith("اندن"):
            for base in (v[:-4] + "ان", v[:-4] + "ین", v[:-4] + "انەوە", v[:-4] + "شتن"):  # گەیاندن → گەیشتن
                if base in verbs:
                    causative[v] = base
                    break
    for form, entries in nouns.items():
        nouns[form] = [(causative.get(l, l), p, f + ";CAUS" if l in causative else f) for l, p, f in entries]
    doubtful = frozenset(r[0] for r in rows if r[6] == "SoraniKurdish.txt:X+ە")
    weak = frozenset(r[0] for r in rows if r[6] == "Pewan") | doubtful
    return _Lexicon(nouns, verb_stems, compounds, frozenset(preverbs), frozenset(lemmas), closed,
                    frozenset(stop), verb_rank, causative, weak, doubtful)


# ---------------------------------------------------------------------------------------------
# Analysis

_STRONG_TAGS = frozenset({"DEF", "INDF", "POST", "ADD"})


def _morphs(stem_start: int, prefix: Chain, stem_text: str, suffix: Chain) -> tuple[Morpheme, ...]:
    out: list[Morpheme] = []
    pos = 0
    for surf, tag, _ in prefix:
        out.append(Morpheme(surf, tag, pos, pos + len(surf)))
        pos += len(surf)
    out.append(Morpheme(stem_text, "STEM", pos, pos + len(stem_text)))
    pos += len(stem_text)
    for surf, tag, _ in suffix:
        out.append(Morpheme(surf, tag, pos, pos + len(surf)))
        pos += len(surf)
    return tuple(out)


def _features(*feat_lists: str) -> dict[str, str]:
    feats: dict[str, str] = {}
    for fl in feat_lists:
        for tag in fl.split(";"):
            if tag:
                dim = _dimension(tag)
                feats[dim] = feats[dim] + ";" + tag if dim in feats and dim in ("Agreement", "Object") else tag
    return feats


_STRONG_VPREFIX = ("دە", "نا", "نە", "ب", "ئە", "مە", "د")


@cache
def _verb_stem_tails() -> frozenset[str]:
    """Every ending of every verb stem, for an early stop of the stem search."""
    return frozenset(k[i:] for k in _lexicon().verb_stems for i in range(len(k)))


def _ends_re(strings: Any) -> re.Pattern[str]:
    """A regular expression whose match at position ``i`` of a reversed word is the longest word
    end (read backwards from ``i``) among ``strings``, which are closed under taking endings: a trie
    of the reversed strings, every node optional."""
    return compile_cached(trie_pattern(["", *(text[::-1] for text in strings)]))


@cache
def _verb_suffix_index() -> tuple[re.Pattern[str], dict[str, list[tuple[int, list[tuple[Any, ...]]]]]]:
    """Verb suffix search: a regex over the reversed word giving its longest ending in
    ``_tails("verb")`` (at most 14 letters), and for each such ending the suffix chains that are
    endings of it, shortest first, as (length, (stem type -> the ``_verb_suffix_table`` entries that
    can follow it, some entry ends in the subjunctive))."""
    vsuf = _verb_suffix_table()
    tails = [t for t in _tails("verb") if len(t) <= 14]
    split: dict[str, tuple[Any, ...]] = {}
    for key, entries in vsuf.items():  # by the stem type they follow (PSTV entries follow a past stem)
        split[key] = ({"PRS": tuple(e for e in entries if e[0] == "PRS"),
                       "PST": tuple(e for e in entries if e[0] in ("PST", "PSTV"))},
                      any(e[7] for e in entries))
    index = {t: [(len(t) - i, split[t[i:]]) for i in range(len(t), -1, -1) if vsuf.get(t[i:])] for t in tails}
    return _ends_re(tails), index


@cache
def _verb_stem_index() -> tuple[re.Pattern[str], dict[str, list[tuple[int, list[tuple[str, str, str, bool]]]]]]:
    """Verb stem search: a regex over the reversed word giving the longest ending of a verb stem that
    ends at a position, and for each such ending the verb stems that are endings of it, shortest
    first, as (length, ``_Lexicon.verb_stems`` entries)."""
    verb_stems = _lexicon().verb_stems
    tails = _verb_stem_tails()
    index = {t: [(len(t) - i, verb_stems[t[i:]]) for i in range(len(t) - 1, -1, -1) if t[i:] in verb_stems]
             for t in tails}
    return _ends_re(tails), index


@cache
def _verb_prefix_tails() -> frozenset[str]:
    """Every ending of every verb prefix chain, for an early stop of the prefix search."""
    return frozenset(k[i:] for k in _verb_prefixes() for i in range(len(k) + 1))


_CLS_OF = {"ە": "E", "ی": "I", "و": "U", "ا": "V", "ۆ": "V", "ێ": "V", "ۊ": "V"}


def _stem_cls(stem: str) -> str:
    """Spelling class of a stem's end: و after a vowel letter is the consonant w (ناو، شەو،
    کراو: ناوێک، شەوێک), elsewhere the vowel و (مێژوو، خانوو: خانوویەک)."""
    last = stem[-1]
    if last == "و" and stem[-2:-1] in "اەۆێی" and len(stem) > 1:
        return "C"
    return _CLS_OF.get(last, "C")


@cache
def _tails(kind: str) -> frozenset[str]:
    """Every ending of every suffix chain of ``kind`` (noun|verb): a word end that is not in this
    set cannot start a longer chain either, so the search stops there."""
    keys: set[str] = set()
    if kind == "noun":
        for table in _noun_chains().values():
            keys.update(table)
    else:
        keys.update(_verb_suffixes())
    return frozenset(k[i:] for k in keys for i in range(len(k) + 1))


@cache
def _chains_by_tail() -> dict[str, dict[str, list[Chain]]]:
    """``_noun_chains`` inverted: surface chain -> stem class -> segmentations."""
    out: dict[str, dict[str, list[Chain]]] = {}
    for cls, table in _noun_chains().items():
        for tail, segs in table.items():
            out.setdefault(tail, {})[cls] = segs
    return out


@cache
def _noun_keys() -> dict[str, tuple[tuple[Any, ...], ...]]:
    """For every word end in ``_tails("noun")``: the suffix chains that are endings of it, shortest
    first, each as (length, chain, starts with ان, glide-ەک ending, stem class -> [(segmentation,
    cost, starts with ک/و, starts with ان, derivational)], class-C segmentations with their cost)."""
    c_chains = _noun_chains()["C"]
    info: dict[str, tuple[Any, ...]] = {}
    for key, by_cls in _chains_by_tail().items():
        ext = {cls: tuple((seg, _chain_cost(seg), bool(seg) and seg[0][0][:1] in "کو",
                           bool(seg) and seg[0][0].startswith("ان"), bool(seg) and seg[0][1] == "DER")
                          for seg in segs) for cls, segs in by_cls.items()}
        an = key[:2] == "ان"
        glide = key[:1] == "ە" and key[1:2] == "ک" and not key.startswith("ەکە") and not key.startswith("ەکان")
        an_segs = tuple((seg, _chain_cost(seg), seg[0][0].startswith("ان")) for seg in c_chains.get(key, ())) \
            if an else ()
        info[key] = (len(key), an, glide, ext, an_segs)
    return {t: tuple(info[t[k:]] for k in range(len(t), -1, -1) if t[k:] in info) for t in _tails("noun")}


@cache
def _noun_entries() -> dict[str, tuple[float, bool, bool, tuple[tuple[Any, ...], ...]]]:
    """``_Lexicon.nouns`` prepared for ranking: form -> (lexicon weight, all entries are verbs,
    all are verbs but no participle, [(lemma, pos, feats, output pos, score bonus, takes no suffix)])."""
    lex = _lexicon()
    out = {}
    for form, entries in lex.nouns.items():
        weak = (1.5 if form in lex.doubtful else 0.2) if form in lex.weak else -0.2 if form in lex.closed else 0.0
        out[form] = (weak, all(e[1] == "VERB" for e in entries),
                     all(e[1] == "VERB" and "V.PTCP" not in e[2] for e in entries),
                     tuple((lemma, pos, feats, _POS_OUT.get(pos, pos),
                            -0.01 if "V.PTCP" in feats or "V.MSDR" in feats else 0.0, pos in _NO_SUFFIX_POS)
                           for lemma, pos, feats in entries))
    return out


_NOUN_SEARCH: list[Any] = []


def _noun_search() -> list[Any]:
    """The tables of the noun search, fetched once: ``_noun_entries()``, ``_noun_keys()`` and
    ``_tails("noun")``."""
    _NOUN_SEARCH[:] = [_noun_entries(), _noun_keys(), _tails("noun")]
    return _NOUN_SEARCH


def _noun_analyses(w: str, lex: _Lexicon) -> list[Cand]:
    """Stem + nominal suffix chain analyses of ``w``, in the order of the split point from the word
    end.  At the first call this name is bound to the search itself: the compiled one
    (``sorani/_morph_c.c``) where it is built, else ``_noun_analyses_py``."""
    return _bind("_noun_analyses", _noun_analyses_py, _compiled_noun_analyses)(w, lex)


def _compiled_noun_analyses(module: Any) -> Any:
    """``_morph_c.noun_analyses`` given its tables."""
    entries_of, keys_of, tails = _NOUN_SEARCH or _noun_search()
    lex = _lexicon()

    def agent(w: str, stem: str, weak: float) -> Cand | None:  # X + ی: the activity noun (rare)
        return _make(w, "N", "", (), stem, (("ی", "DER", ""),), False, -0.2 + weak) \
            if _agent_noun(stem, lex) else None
    module.set_noun_tables((entries_of, keys_of, tails, agent, MAX_NOUN_CHAIN, (lex.verb_stems, lex.nouns)))
    return module.noun_analyses


_MORPH_C_VERSION = 15  # must equal the VERSION sorani/_morph_c.c declares


def _noun_analyses_py(w: str, lex: _Lexicon) -> list[Cand]:
    """Stem + nominal suffix chain analyses of ``w``, in the order of the split point from the word
    end (candidates as ``_make`` would build them, inlined: this is the hottest loop)."""
    out: list[Cand] = []
    n = len(w)
    if not n:
        return out
    entries_of, keys_of, tails = _NOUN_SEARCH or _noun_search()
    m = MAX_NOUN_CHAIN if n > MAX_NOUN_CHAIN else n - 1
    j = 0  # (``_chain_end`` inlined)
    while j < m and w[n - j - 1:] in tails:
        j += 1
    for klen, an, glide, by_cls, an_segs in keys_of[w[n - j:]]:
        i = n - klen
        stem = w[:i]
        entry = entries_of.get(stem)
        last = stem[-1]
        if entry is None and not (an and last != "ە"):
            continue  # nothing can match here: skip the class computation
        if last == "و" and i > 1 and stem[-2] in "اەۆێی":
            cls = "C"
        else:
            cls = _CLS_OF.get(last, "C")
        segs = by_cls.get(cls)
        if segs is None:
            continue
        if entry is not None:
            if glide and last == "ی" and stem[-2:-1] in "اەۆێو":
                continue  # _glide_ek
            weak, all_verb, all_verb_np, ents = entry
            agent = None
            for seg, cost, kw, an0, der in segs:
                cost = cost + weak
                if seg:
                    if last == "ە" and kw:  # ماڵە+کە vs ماڵ+ەکە: the article
                        cost += 0.3
                    elif an0 and stem.endswith("ەک"):  # X+ەکان, not Xەک+ان
                        cost += 0.5
                s0 = 1.0 - 0.08 * cost
                if der:  # تەواو + ەتی: the derived word is the lemma
                    if all_verb_np if seg[0][0] == "یی" else all_verb:
                        continue  # but a participle's -یی is an abstract noun: یەکگرتوویی
                    out.append((s0 + 0.0 + 0.001 * i, stem + seg[0][0], "NOUN", "", (), stem, seg, False))
                    continue
                if klen == 1 and w[-1] == "ی":  # خۆکوژی، دادگەری: the activity noun
                    if agent is None:
                        agent = _agent_noun(stem, lex)
                    if agent:
                        out.append(_make(w, "N", "", (), stem, (("ی", "DER", ""),), False, -0.2 + weak))
                for lemma, pos, feats, pos_out, bonus, nosuf in ents:
                    if seg and nosuf:
                        continue  # conjunctions and particles take no clitics (یانەکانی ≠ یان)
                    out.append((s0 + bonus + 0.001 * i, lemma, pos_out, feats, (), stem, seg, False))
        if an and last != "ە":  # ناوچە + ان → ناوچان
            entry = entries_of.get(stem + "ە")
            if entry is not None:
                for lemma, pos, feats, pos_out, bonus, nosuf in entry[3]:
                    for seg, cost, an0 in an_segs:
                        cost = cost + 0.5
                        if an0 and stem.endswith("ەک"):
                            cost += 0.5
                        out.append((1.0 - 0.08 * cost + bonus + 0.001 * i, lemma, pos_out, feats, (), stem, seg,
                                    False))
    return out


def _agent_noun(stem: str, lex: _Lexicon) -> bool:
    """``stem`` is an agent noun: X + -گەر or a compound ending in a verb's present stem (خۆکوژ،
    نیگارکێش); its + ی is then read as the activity noun (خۆکوژی "suicide", دادگەری "justice")."""
    if stem.endswith("گەر") and len(stem) > 4:
        return True
    if stem[-1] in VOWELS:
        return False
    for k in (3, 4):
        if len(stem) - k >= 2 and any(t == "PRS" and p and not v for _, t, v, p in lex.verb_stems.get(stem[-k:], ())):
            return stem[:-k] in lex.nouns
    return False


def _glide_ek(stem: str, tail: str) -> bool:
    """ەک after ی is the vowel ی's indefinite (کۆتایی + ەک), never after a glide ی (لایەک is
    لا + یەک, not لای + ەک)."""
    return tail[:1] == "ە" and stem[-1:] == "ی" and stem[-2:-1] in "اەۆێو" and tail[1:2] == "ک" \
        and not tail.startswith("ەکە") and not tail.startswith("ەکان")


def _chain_end(w: str, m: int) -> str:
    """``_chain_end_py``; at the first call this name is bound to ``_morph_c.noun_end`` where it
    is built."""
    def compiled(module: Any) -> Any:
        _noun_analyses("", _lexicon())  # (binds the noun search: the module gets its tables)
        return module.noun_end
    return _bind("_chain_end", _chain_end_py, compiled)(w, m)


def _chain_end_py(w: str, m: int) -> str:
    """The longest end of ``w``, at most ``m`` letters, that ends some nominal suffix chain (the
    key of ``_noun_keys``)."""
    n = len(w)
    tails = _tails("noun")
    j = 0
    m = min(m, n)  # (the callers' m is at most n; past it the slices below would wrap around)
    while j < m and w[n - j - 1:] in tails:
        j += 1
    return w[n - j:]


def _light_analyses(w: str, lex: _Lexicon) -> list[Cand]:
    """``_light_analyses_py``; at the first call this name is bound to ``_morph_c.light_analyses``
    where it is built."""
    def compiled(module: Any) -> Any:
        _has_light_end("")  # (binds the light-end and noun searches: their tables)
        _noun_analyses("", lex)
        module.set_light_tables((_light_nominals(), _light_ends(), _SHORT_LIGHT_HEADS, lex.nouns, lex.verb_stems))
        return module.light_analyses
    return _bind("_light_analyses", _light_analyses_py, compiled)(w, lex)


def _light_analyses_py(w: str, lex: _Lexicon) -> list[Cand]:
    """Nominal analyses whose stem is an open noun + light verb form (ڕوونکردنەوەیەک)."""
    out: list[Cand] = []
    n = len(w)
    m = n - max(4, n - MAX_NOUN_CHAIN)  # the longest chain tried
    if m < 0:
        return out
    if not _has_light_end(w):
        return out  # no light verb form ends at any split point (the test below, for all at once)
    light_ends = _light_ends()
    for klen, _, _, by_cls, _ in _noun_keys()[_chain_end(w, m)]:
        i = n - klen
        if i < 4 or w[i - 3:i] not in light_ends:
            continue  # no light verb form ends the stem (see ``_light_compound``)
        stem = w[:i]
        segs = by_cls.get(_stem_cls(stem))
        if segs is None:
            continue
        for lemma, pos, feats in _light_compound(stem, lex):
            for seg, cost, _, _, der in segs:
                if der:  # a participle + یی is a noun: یەکگرتوویی
                    if seg[0][0] == "یی" and "V.PTCP" in feats:
                        out.append(_make(stem + "یی", "N", "", (), stem, seg, False, cost + 0.5))
                    continue
                out.append(_make(lemma, pos, feats, (), stem, seg, False, cost + 0.5))
    return out


_POS_OUT = {"N": "NOUN", "VERB": "VERB"}
# cost of a suffix morpheme in ranking; the ezafe is the commonest clitic, so X+ی beats a
# dictionary headword Xی (سەری = سەر + ی)
_TAG_COST = {"DER": 1.2, "EZ": -0.1, "CMPR": -0.05, "SPRL": -0.05, "PL": 0.8, "PRON": 0.9, "COP": 1.2, "DEM": 1.3, "DIR": 1.5,
             "CONJ": 1.5}
_NO_SUFFIX_POS = frozenset({"CCONJ", "SCONJ", "PART", "INTJ", "SYM"})


_COSTS: dict[int, float] = {}


def _chain_cost(seg: Chain) -> float:
    """Ranking cost of a suffix chain.  Only called with the chains of the (permanent) tables of
    ``_noun_chains``, so the cache can be keyed by identity."""
    c = _COSTS.get(id(seg))
    if c is None:
        c = _COSTS[id(seg)] = sum(_TAG_COST.get(t[1], 1.0) for t in seg)
    return c


@cache
def _light_nominals() -> dict[str, tuple[str, str]]:
    """Nominal forms of light verbs (کردن، کراو، بوونەوە…) -> (infinitive, features)."""
    out: dict[str, tuple[str, str]] = {}
    for form, entries in _lexicon().nouns.items():
        for lem, pos, feats in entries:
            if lem.endswith("ەوە") and "LGSPEC3" in feats:
                lem = lem[:-3]  # کردنەوە: in a compound, the lemma is the compound's (ڕوونکردن)
            if pos == "VERB" and lem in _LIGHT_VERBS and "V." in feats:
                out[form] = (lem, feats)
    return out


def _light_compound(stem: str, lex: "_Lexicon") -> list[tuple[str, str, str]]:
    """``ڕوونکردنەوە`` = lexicon word ڕوون + a nominal form of a light verb."""
    out = []
    nominals, ends = _light_nominals(), _light_ends()
    for k in range(3, min(len(stem) - 1, 10) + 1):
        end = stem[-k:]
        if end not in ends:
            break  # no light verb form ends with this: a longer one cannot either
        hit = nominals.get(end)
        head = stem[:-k]
        if hit and (len(head) >= 3 or head in _SHORT_LIGHT_HEADS) and head in lex.nouns \
                and head not in lex.verb_stems:
            out.append((stem[:-k] + hit[0], "VERB", hit[1]))
    return out


def _has_light_end_py(w: str) -> bool:
    """A three-letter end of a light verb's nominal form stands at some position ≥ 1 of ``w``."""
    return _light_trigram()(w, 1) is not None


def _has_light_end(w: str) -> bool:
    """``_has_light_end_py``; at the first call this name is bound to ``_morph_c.has_light_end``
    where it is built."""
    def compiled(module: Any) -> Any:
        module.set_light_ends(dict.fromkeys((e for e in _light_ends() if len(e) == 3), True))
        return module.has_light_end
    return _bind("_has_light_end", _has_light_end_py, compiled)(w)


@cache
def _light_trigram() -> Any:
    """``search`` of a regex matching the three-letter ends of the light verbs' nominal forms."""
    return re.compile("|".join(sorted(e for e in _light_ends() if len(e) == 3))).search


@cache
def _light_ends() -> frozenset[str]:
    """Every ending of every nominal form of a light verb."""
    return frozenset(k[i:] for k in _light_nominals() for i in range(len(k)))


# A candidate analysis, cheap to make: (score, lemma, pos, feats, prefix chain, stem, suffix chain,
# is_guess).  Only the candidates a caller asks for become ``Analysis`` objects.
Cand = tuple[float, str, str, str, Chain, str, Chain, bool]


def _make(lemma: str, pos: str, feats: str, prefix: Chain, stem: str, suffix: Chain, guess: bool,
          cost: float, bonus: float = 0.0) -> Cand:
    pos_out = _POS_OUT.get(pos, pos)
    if suffix and stem[-1:] == "ە" and suffix[0][0][:1] in "کو":  # ماڵە+کە vs ماڵ+ەکە: the article
        cost += 0.3
    elif suffix and stem.endswith("ەک") and suffix[0][0].startswith("ان"):  # X+ەکان, not Xەک+ان
        cost += 0.5

    if "V.PTCP" in feats or "V.MSDR" in feats:  # ناو the noun before ناو the participle of نان
        bonus -= 0.01
    score = (0.2 if guess else 1.0) - 0.08 * cost + bonus + 0.001 * len(stem)
    return (score, lemma, pos_out, feats, prefix, stem, suffix, guess)


def _build(c: Cand, word: str, pos: list[int] | None) -> Analysis:
    """The ``Analysis`` of a candidate; morpheme texts and offsets refer to ``word`` (``pos`` maps
    offsets of the folded form to ``word``)."""
    score, lemma, pos_out, feats, prefix, stem, suffix, guess = c
    feat_str = [feats] + [p[2] for p in prefix] + [x[2] for x in suffix]
    ms = _morphs(0, prefix, stem, suffix)
    if ms[-1].end != (len(pos) - 1 if pos is not None else len(word)):  # respelled: one morpheme
        ms = (Morpheme(word, "STEM", 0, len(word)),)
    elif pos is not None:
        ms = tuple(Morpheme(word[pos[m.start]:pos[m.end]], m.tag, pos[m.start], pos[m.end]) for m in ms)
    return Analysis(lemma, pos_out, _features(*feat_str), ms, guess, score)


@cache
def _verb_suffix_table() -> dict[str, list[tuple[Any, ...]]]:
    """``_verb_suffixes`` with each chain's static properties, cheapest chains first:
    (stem type, chain, has person/imperative ending, has imperative, tense, mood-free, first letter,
    ends in the subjunctive)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for tail, entries in _verb_suffixes().items():
        rows = []
        for sstype, schain in sorted(entries, key=lambda e: len(e[1])):
            tags = [t[1] for t in schain]
            tense = "PRS" if sstype == "PRS" else "PST"
            if "PRF" in tags:
                tense = "PST" if "PLUPRF" in tags else "PRS;PRF"
            rows.append((sstype, schain, "PERS" in tags or "IMP" in tags, "IMP" in tags, tense,
                         "SBJV" in tags or "IMP" in tags, schain[0][0][:1] if schain else "",
                         bool(schain) and schain[-1][1] == "SBJV"))
        out[tail] = rows
    return out


@cache
def _verb_prefix_table() -> dict[str, list[tuple[Any, ...]]]:
    """``_verb_prefixes`` with (chain, tags, strong, has د, factor, mood-free, has نا)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for head, chains in _verb_prefixes().items():
        rows = []
        for pchain in chains:
            ptags = frozenset(p[1] for p in pchain)
            strong = bool(ptags & {"IPFV", "NEG", "SBJV"})
            # دە نا نە are strong evidence of a verb, ب less so
            factor = 0.3 if ptags & {"IPFV", "NEG"} and "IMP" not in "".join(p[2] for p in pchain) \
                else 0.6 if "SBJV" in ptags else 1.0
            rows.append((pchain, ptags, strong, any(p[0] == "د" for p in pchain), factor,
                         bool(ptags & {"SBJV", "IMP"}), any(p[0] == "نا" for p in pchain)))
        out[head] = rows
    return out


@cache
def _verb_prefix_flags() -> dict[str, tuple[list[tuple[Any, ...]], bool, bool]]:
    """``_verb_prefix_table`` rows of each prefix chain, whether a row is strong and whether a row
    is empty (the chain's rows as ``_verb_head_splits`` gives them)."""
    return {head: (rows, any(r[2] for r in rows), any(not r[0] for r in rows))
            for head, rows in _verb_prefix_table().items()}


@cache
def _strong_prefix_ends() -> tuple[str, ...]:
    """The verb prefix chains with a strong reading (دە، نا، نە، ب…): a one-letter verb stem is
    only read after one of them (see ``_verb_analyses``), so a word whose part before such a stem
    ends in none of them needs no prefix search there."""
    return tuple(sorted(k for k, rows in _verb_prefix_table().items() if k and any(r[2] for r in rows)))


_VERB_SEARCH: list[Any] = []


def _verb_search() -> list[Any]:
    """The tables of the verb search, fetched once: suffix regex ``match``, suffix index, stem
    regex ``match``, stem index, strong prefix ends."""
    suf_re, suf_index = _verb_suffix_index()
    stem_re, stem_index = _verb_stem_index()
    _VERB_SEARCH[:] = [suf_re.match, suf_index, stem_re.match, stem_index, _strong_prefix_ends(),
                       _verb_hit_re().match]
    return _VERB_SEARCH


@cache
def _verb_hit_re() -> re.Pattern[str]:
    """A regex over the reversed word that matches when the search of ``_verb_analyses`` finds a
    stem: a suffix chain (at most 14 letters, maybe empty) ending the word, a verb stem before it,
    and before a one-letter stem other than ب a strong prefix chain (trie alternatives, so the
    engine backtracks through every chain and stem)."""
    sufs = [k[::-1] for k, v in _verb_suffix_table().items() if v and len(k) <= 14]
    stems = _lexicon().verb_stems
    long_stems = [t[::-1] for t in stems if len(t) > 1]
    one = sorted(t for t in stems if len(t) == 1 and t != "ب")
    alts = [trie_pattern(long_stems)]
    if "ب" in stems:
        alts.append("ب")
    if one:
        alts.append("[" + "".join(one) + "]" + trie_pattern(k[::-1] for k in _strong_prefix_ends()))
    return compile_cached(trie_pattern(sufs) + "(?:" + "|".join(alts) + ")")


def _verb_hits_py(w: str) -> list[tuple[int, int, Any, Any]]:
    """Where a verb stem of the lexicon stands before a verb suffix chain ending ``w``: (stem
    start, stem end, suffix entries, stem entries), the shortest suffix chain first."""
    n = len(w)
    rw = w[::-1]  # the word ends are found by tries over the reversed word
    suf_match, suf_index, stem_match, stem_index, strong, any_hit = _VERB_SEARCH or _verb_search()
    if any_hit(rw) is None:
        return []  # no verb stem before any suffix chain (the search below, at C speed)
    longest = suf_match(rw).end()  # the longest word end a suffix chain can end
    if longest >= n:
        longest = n - 1
        if longest < 0:
            return []
    suf_cands = suf_index.get(w[n - longest:])  # (chain length, suffix entries), shortest first
    if not suf_cands:
        return []
    hits = []  # (stem start, stem end, suffix entries, stem entries)
    for s, sentries in suf_cands:
        e = n - s
        k = stem_match(rw, s).end() - s  # the longest verb-stem ending that ends at e
        if k:
            for length, stems in stem_index[w[e - k:e]]:
                if length == 1 and w[e - 1] != "ب" and not w.endswith(strong, 0, e - 1):
                    continue  # a one-letter stem needs a strong prefix (دە، نا، نە، ب…) before it
                hits.append((e - length, e, sentries, stems))
    return hits


def _verb_hits(w: str) -> list[tuple[int, int, Any, Any]]:
    """``_verb_hits_py``; at the first call this name is bound to the compiled search
    (``_morph_c.verb_hits``) where it is built."""
    return _bind("_verb_hits", _verb_hits_py, _compiled_verb_hits)(w)


def _compiled_verb_hits(module: Any) -> Any:
    """``_morph_c.verb_hits`` given its tables."""
    _, suf_index, _, stem_index, strong, any_hit = _VERB_SEARCH or _verb_search()
    suf_tails = frozenset(t for t in _tails("verb") if len(t) <= 14)  # (as ``_verb_suffix_index``)
    module.set_verb_tables((suf_tails, suf_index, _verb_stem_tails(), stem_index, strong, any_hit))
    return module.verb_hits


def _verb_analyses(w: str, lex: _Lexicon) -> list[Cand]:
    """The verb analyses of the folded word ``w``.  At the first call this name is bound to the
    search itself: the compiled one (``_morph_c.verb_analyses``) where it is built, else
    ``_verb_analyses_py``."""
    return _bind("_verb_analyses", _verb_analyses_py, _compiled_verb_analyses)(w, lex)


def _compiled_verb_analyses(module: Any) -> Any:
    """``_morph_c.verb_analyses`` given its tables (and the verb search's: ``_verb_hits``)."""
    _verb_hits("")  # (binds the verb search: the module gets its tables)
    lex = _lexicon()
    module.set_verb_analysis_tables((lex.verb_rank, lex.compounds, _affix_preverbs(), _LIGHT_VERBS,
                                     _SHORT_LIGHT_HEADS, lex.nouns, lex.verb_stems, lex.causative, _FEATS,
                                     _OPEN_PVB, _VERB_HEADS, _verb_prefix_flags(), _verb_prefix_tails(),
                                     lex.preverbs, VOWELS))
    return module.verb_analyses


def _verb_analyses_py(w: str, lex: _Lexicon) -> list[Cand]:
    """A verb stem of the lexicon after [preverb or noun] + a verb prefix chain and before a verb
    suffix chain: for each such split, stem entry and prefix chain, the cheapest valid suffix
    chain's candidate."""
    out: list[Cand] = []
    hits = _verb_hits(w)
    if not hits:
        return out  # no verb stem before any verb ending: not a verb form
    nouns, verb_stems = lex.nouns, lex.verb_stems
    affix_pv = _affix_preverbs()
    heads = _VERB_HEADS
    for b, e, (by_type, sbjv_end), stems in hits:
        head = w[:b]
        splits = heads.get(head)
        if splits is None:
            splits = _verb_head_splits(head, lex)
        if not splits:
            continue  # (most hits: nothing before the stem is a prefix chain)
        stem = w[b:e]
        last = stem[-1]
        one = e - b == 1
        for pchains, pre, any_strong, has_bare in splits:
            if one and not any_strong and not (has_bare and pre and stem == "ب"):
                continue  # a one-letter stem needs a strong prefix, or is بوون's ب after a preverb
            for lemma, stype, voice, primary in stems:
                bonus = lex.verb_rank.get(lemma, 0.0)
                open_compound = False
                guess = False
                if pre:
                    full = lex.compounds.get((pre, lemma))
                    if full is None:
                        if pre in affix_pv:
                            full = pre + lemma  # preverb + known verb: a regular compound
                            bonus -= 0.01
                        elif lemma in _LIGHT_VERBS and (len(pre) > 2 or pre in _SHORT_LIGHT_HEADS) \
                                and pre in nouns and not (pre[-1] == "ی" and ((pre[:-1], lemma) in lex.compounds
                                                                           or pre[:-1] in affix_pv)):
                            # (ڕایگەیاند is ڕا + the agent clitic ی + گەیاند, not a noun ڕای + گەیاندن)
                            full = pre + lemma  # open noun + light verb compound
                            open_compound = True
                        else:
                            continue
                else:
                    full = lemma
                for pchain, ptags, strong, has_d, factor, pmood, has_na in pchains:
                    # X + بم/بیت/بێت/بین/بن: the subjunctive of بوون with its ب written once (هەڵەبم)
                    bare_sbjv = bool(pre) and not pchain and lemma == "بوون" and stype == "PRS" and stem == "ب"
                    if not strong and not bare_sbjv:
                        if stype == "PRS" and pre not in affix_pv:
                            continue
                        if len(stem) < 2:
                            continue
                    if open_compound and factor == 1.0 and not bare_sbjv and \
                            (stype != "PST" or lemma in ("دان", "بوون")):
                        continue  # a past form needs no prefix (کۆکردەوە، بیرمکردەوە) but Xدا, Xبوو are X + دا, بوو
                    if has_d and not stem.startswith("ێ"):
                        continue
                    if stype == "PST" and "SBJV" in ptags and not sbjv_end:
                        continue
                    if stype == "PST" and has_na:
                        continue  # نا negates the present only; the past takes نە (نەبوو, never نابوو)
                    for sstype, schain, pers, imp, tense, smood, first, _ in by_type[stype]:
                        if bare_sbjv and (not pers or imp or len(schain) != 1):
                            continue
                        if not primary and len(stem) == 1 and first not in ("ا", "ێ", "ە", "ی"):
                            continue  # د of دان, ک of کردن: only before a vowel (دەدات، دەکات)
                        if sstype == "PSTV" and last not in "اێی":
                            continue
                        if stype == "PRS" and not pers and last != "ێ" and \
                                (not ptags & _SBJV_NEG or last not in VOWELS):
                            continue  # bare stem: imperative on a vowel stem (بکە), 3sg in ێ (دەڵێ)
                        if imp and "IPFV" in ptags:
                            continue  # no imperative after دە
                        mood = "" if pmood or smood else "SBJV" if bare_sbjv else "IND"
                        prefix = (((pre, "PVB", "") if not open_compound or factor < 1.0 else _OPEN_PVB(pre),)
                                  if pre else ()) + pchain
                        cost = factor * (len(pchain) + len(schain)) + (0.5 if open_compound else 0.0) \
                            + (1.0 if bare_sbjv else 0.0)
                        if pre and stem == "دا" and not strong and ptags == {"ARG"}:
                            cost += 0.5  # خۆیدا، ناویدا: X + ی + the postposition دا far more often
                        if pre and not pchain and not schain:
                            cost = 0.5  # a bare compound stem (گۆشت ≠ گۆ + شت) never beats a dictionary word
                            if lemma == "بوون" and any(e[1] == "PST" and not e[2] for e in verb_stems.get(pre, ())):
                                cost += 0.6  # دابوو: the pluperfect of دان before a compound دا + بوون
                        feats = _FEATS.get((tense, mood, voice))
                        if feats is None:
                            feats = _FEATS[tense, mood, voice] = ";".join(x for x in (tense, mood, voice) if x)
                        lem = full
                        base = lex.causative.get(full)
                        if base:
                            lem, feats = base, feats + ";CAUS"
                        out.append(_make(lem, "VERB", feats, prefix, stem, schain, guess, cost, bonus))
                        break  # the cheapest valid ending chain is enough for this prefix chain
    return out


_SBJV_NEG = frozenset({"SBJV", "NEG"})
_FEATS: dict[tuple[str, str, str], str] = {}  # (tense, mood, voice) -> the feature string
# the part of a word before a verb stem -> its (prefix chains, preverb) splits (a bounded memo:
# word beginnings repeat far more than words do)
_VERB_HEADS: dict[str, tuple[tuple[list[tuple[Any, ...]], str, bool, bool], ...]] = {}


def _verb_head_splits(head: str, lex: _Lexicon) -> tuple[tuple[list[tuple[Any, ...]], str, bool, bool], ...]:
    """The ways ``head`` (what precedes a verb stem) is [preverb or noun] + verb prefix chain: the
    prefix chain's ``_verb_prefix_table`` rows, the preverb, whether a row is strong (دە، نا، نە، ب)
    and whether a row is empty; the shortest prefix chain first."""
    vpre, vpre_tails = _verb_prefix_flags(), _verb_prefix_tails()
    preverbs, nouns = lex.preverbs, lex.nouns
    b = len(head)
    out = []
    for k in range(0, min(b, 7) + 1):
        piece = head[b - k:]
        if piece not in vpre_tails:
            break  # no prefix chain ends with this: a longer one cannot either
        row = vpre.get(piece)
        if row is None:
            continue
        pre = head[:b - k]
        if pre and len(pre) < 2:
            continue
        if pre and not (pre in preverbs or pre in nouns):
            continue
        out.append((row[0], pre, row[1], row[2]))
    if len(_VERB_HEADS) >= 100_000:  # (as _morph_c.c's VERB_HEADS_MAX)
        _VERB_HEADS.clear()
    splits = _VERB_HEADS[head] = tuple(out)
    return splits


class _OPEN_PVB(tuple):
    """The nominal part of an unprefixed open light-verb compound (کۆ in کۆکردەوە): a weak
    reading, tried only when the word has no nominal or compound analysis."""

    def __new__(cls, pre: str) -> "_OPEN_PVB":
        return super().__new__(cls, (pre, "PVB", ""))


def _weak_only(found: list[Cand]) -> bool:
    for c in found:  # (a loop: the first candidate, a noun's, usually decides)
        if not c[4] or type(c[4][0]) is not _OPEN_PVB:
            return False
    return True


_SHORT_LIGHT_HEADS = frozenset({"کۆ", "پێ", "لێ", "تێ", "دا", "ڕا", "بە"})
_LIGHT_VERBS = frozenset({"کردن", "بوون", "دان", "هاتن", "هێنان", "گرتن", "کەوتن", "خستن", "بردن", "چوون",
                          "کێشان", "ناردن", "گەیاندن"})


@cache
def _affix_preverbs() -> frozenset[str]:
    return frozenset(form for _, form, _, _ in _affixes()["preverb"])


def _guess(w: str) -> Cand:
    """``_guess_py``; at the first call this name is bound to ``_morph_c.guess`` where it is
    built."""
    def compiled(module: Any) -> Any:
        _noun_analyses("", _lexicon())  # (binds the noun search: the module gets its tables)
        module.set_guess_tables((_GUESS_KEYS, _guess_keys))
        return module.guess
    return _bind("_guess", _guess_py, compiled)(w)


def _guess_py(w: str) -> Cand:
    """Best guess for a word with no lexicon analysis: strip a suffix chain only when it contains
    an unambiguous morpheme (article, indefinite, postposition, یش) and leaves ≥ 3 letters."""
    n = len(w)
    best: Cand | None = None
    end = _chain_end(w, n)
    keys = _GUESS_KEYS.get(end)
    if keys is None:
        keys = _guess_keys(end)
    for klen, strong in keys:  # the longest chain first
        i = n - klen
        if i < 3:
            continue
        stem = w[:i]
        seg = strong.get(_stem_cls(stem))
        if seg is None or _glide_ek(stem, w[i:]):
            continue
        best = _make(stem, "NOUN", "", (), stem, seg, True, len(seg))
        break
    if best is None:
        if w.endswith("ی") and n >= 4 and w[-2] in VOWELS:  # بودجەی، مافخوازیی
            seg = (("ی", "EZ", "LGSPEC1"),)
            return _make(w[:-1], "NOUN", "", (), w[:-1], seg, True, 1.5)
        best = _make(w, "X" if not w else "NOUN", "", (), w, (), True, 0)
    return best


_GUESS_KEYS: dict[str, tuple[tuple[int, dict[str, Chain]], ...]] = {}


def _guess_keys(end: str) -> tuple[tuple[int, dict[str, Chain]], ...]:
    """For a word end in ``_tails("noun")``: the non-empty suffix chains that are endings of it,
    longest first, each with, by stem class, its first segmentation that has an unambiguous
    morpheme (``_STRONG_TAGS``); chains with none left out.  Built on first use of each end."""
    rows = []
    for klen, _, _, by_cls, _ in reversed(_noun_keys()[end]):
        if not klen:
            continue
        strong: dict[str, Chain] = {}
        for cls, segs in by_cls.items():
            for seg, _, _, _, _ in segs:
                if any(t[1] in _STRONG_TAGS for t in seg):
                    strong[cls] = seg
                    break
        if strong:
            rows.append((klen, strong))
    keys = _GUESS_KEYS[end] = tuple(rows)
    return keys


_PROCLITICS = ("لە", "بە", "بۆ")


def _variants(w: str) -> list[str]:
    """Respellings tried for a word with no lexicon analysis: the lam-alef reversed by PDF
    extraction (بەاڵم → بەڵام), old medial ه for ە (ئهفسانه → ئەفسانە), لأ typed for ڵ."""
    out = []
    if "اڵ" in w:
        out.append(w.replace("اڵ", "ڵا"))
    if "ه" in w and "ە" not in w:
        out.append(w.replace("ه", "ە"))
    if "لئە" in w:
        out.append(w.replace("لئە", "ڵ"))
    if "ر" in w:  # ڕ typed as ر inside a word (دەگەرێتەوە)
        out.append(w.replace("ر", "ڕ"))
    if "ڕ" in w[1:]:  # and the other way round (ئاڕاستە)
        out.append(w[0] + w[1:].replace("ڕ", "ر"))
    return out


def _w_variants(w: str) -> list[str]:
    """Respellings tried last: the vowel وو written with one و (فێربون، نوسی), or a و doubled
    where the dictionary has one (ووشە، درووست)."""
    out = []
    if "و" in w[1:]:
        for i in sorted({w.find("وو"), w.rfind("وو")} - {-1}):
            out.append(w[:i] + w[i + 1:])
        expanded = w[0] + _SINGLE_W.sub("وو", w[1:])
        if expanded != w:
            out.append(expanded)
    return out


_SINGLE_W = re.compile("(?<![وۆێیاە])و(?![واەێیۆ])")


@cache
def _compound_heads() -> frozenset[str]:
    """Lexicon words that can start a compound: those with a reading that is neither a verb form
    nor a word that takes no suffix (conjunctions, particles)."""
    return frozenset(form for form, entries in _lexicon().nouns.items()
                     if not all(e[1] in _NO_SUFFIX_POS or e[1] == "VERB" for e in entries))


def _head_lengths_py(w: str, lo: int, hi: int) -> list[int]:
    """The lengths ``a`` in ``lo..hi`` where ``w[:a]`` is a compound head (``_compound_heads``)."""
    heads = _compound_heads()
    return [a for a in range(lo, hi + 1) if w[:a] in heads]


def _head_lengths(w: str, lo: int, hi: int) -> list[int]:
    """``_head_lengths_py``; at the first call this name is bound to ``_morph_c.head_lengths``
    (a trie of the heads) where it is built."""
    def compiled(module: Any) -> Any:
        module.set_heads(dict.fromkeys((h[::-1] for h in _compound_heads()), True))
        return module.head_lengths
    return _bind("_head_lengths", _head_lengths_py, compiled)(w, lo, hi)


def _compound(w: str, lex: _Lexicon) -> list[Cand]:
    """``_compound_py``; at the first call this name is bound to ``_morph_c.compound`` where it is
    built."""
    def compiled(module: Any) -> Any:
        _head_lengths("\u0626\u0627\u0648", 3, 3)  # (binds the head and noun searches: their tables)
        _noun_analyses("", lex)
        module.set_compound_tables((lex.verb_stems, _NO_SUFFIX_POS))
        return module.compound
    return _bind("_compound", _compound_py, compiled)(w, lex)


def _compound_py(w: str, lex: _Lexicon) -> list[Cand]:
    """A compound of two lexicon words, the second one inflected: نیشتمان + پەروەری،
    مێژوو + نووسەکان; or a noun + a present stem (agent nouns: ڕۆژنامە + نووس).  Only for words
    with no other analysis; at most 10 split points are tried."""
    out: list[Cand] = []
    n = len(w)
    for a in _head_lengths(w, 3, min(n - 3, 12)):
        head = w[:a]
        rest = w[a:]
        for c in _noun_analyses(rest, lex):
            if len(c[5]) >= 3 and c[2] not in _NO_SUFFIX_POS and not c[7]:
                out.append((c[0] - 0.15, head + c[1], c[2] if c[2] != "VERB" else "NOUN", c[3],
                            ((head, "CMP", ""),) + c[4], c[5], c[6], False))
        r = len(rest)  # noun + present stem: an agent noun; + ی its activity noun
        if 4 <= r <= 7 and rest[-1] == "ی":  # نیگارکێشی, above the compound + ezafe (as خۆکوژی)
            for lemma, stype, voice, primary in lex.verb_stems.get(rest[:-1], ()):
                if stype == "PRS" and primary and not voice:
                    out.append((0.87, w, "NOUN", "", (), w, (), False))
        if 2 <= r <= 6:  # نیگارکێش
            for lemma, stype, voice, primary in lex.verb_stems.get(rest, ()):
                if stype == "PRS" and primary and not voice:
                    out.append((0.8, w, "NOUN", "", (), w, (), False))
    return out


_DER_PREFIXES = ("بێ", "نا", "هاو")


def _derived(w: str, lex: _Lexicon) -> list[Cand]:
    """An adjective or noun derived with a productive prefix from a lexicon word (بێ + ئاگا،
    نا + ڕاستەوخۆ، هاو + بیر), inflected like a noun; the lemma is the derived word."""
    out: list[Cand] = []
    for pre in _DER_PREFIXES:
        if not w.startswith(pre) or len(w) - len(pre) < 3:
            continue
        for c in _noun_analyses(w[len(pre):], lex):
            if c[7] or c[2] in _NO_SUFFIX_POS or c[2] == "VERB" or len(c[5]) < 3 or c[4]:
                continue
            out.append((c[0] - 0.15, pre + c[1], "ADJ", c[3], ((pre, "DER", ""),), c[5], c[6], False))
    return out


def _analyze_folded(w: str, variants: bool = True, nouns: list[Cand] | None = None) -> tuple[Cand, ...]:
    """All candidate analyses of a folded word, best first (``nouns``: its noun analyses, when
    already computed; the list is extended in place)."""
    if not w:
        return ()
    lex = _lexicon()
    found = nouns if nouns is not None else _noun_analyses(w, lex)
    if not found:
        found = _light_analyses(w, lex)
    found += _verb_analyses(w, lex)
    if not found and len(w) > 4 and w.startswith(_PROCLITICS):  # لەشارەکەدا، بەکوردی
        pre = ((w[:2], "PREP", ""),)
        for c in _noun_analyses(w[2:], lex) or _light_analyses(w[2:], lex):
            found.append((c[0] - 0.1,) + c[1:4] + (pre + c[4],) + c[5:])
    if variants and not found and len(w) <= MAX_FALLBACK:
        found = _respelled(w, _readable_variants(w, 0))
        if found:
            return found
    if variants and len(w) <= MAX_FALLBACK and (not found or _weak_only(found)):
        found = _compound(w, lex) or _derived(w, lex) or found
    if not found and variants and len(w) <= MAX_FALLBACK:
        found = _respelled(w, _readable_variants(w, 1))
        if found:
            return found
    if not found:  # (a respelling's guess is never used: skip it)
        return (_guess(w),) if variants else ()
    if w in lex.closed:  # function words: their own analysis first (نا the particle, not نان)
        own = {e[0] for e in lex.closed[w]}
        found = [(c[0] + 0.5,) + c[1:] if not c[4] and not c[6] and c[1] in own else c for c in found]
    found.sort(key=_SCORE, reverse=True)  # (stable, as a sort by -score)
    return tuple(found)


def _readable_variants(w: str, which: int) -> list[tuple[str, list[Cand]]]:
    """``_readable_variants_py``; at the first call this name is bound to
    ``_morph_c.readable_variants`` where it is built."""
    def compiled(module: Any) -> Any:
        _has_light_end("")  # (binds the light-end, noun and verb searches: their tables)
        _noun_analyses("", _lexicon())
        _verb_hits("")
        return module.readable_variants
    return _bind("_readable_variants", _readable_variants_py, compiled)(w, which)


def _readable_variants_py(w: str, which: int) -> list[tuple[str, list[Cand]]]:
    """The respellings of ``w`` (``_variants`` for ``which`` 0, else ``_w_variants``) that have
    some reading, each with its noun analyses: the others (most) would give no analysis
    (``_analyze_folded(v, False)`` is () for them)."""
    lex = _lexicon()
    out = []
    for v in (_variants(w) if which == 0 else _w_variants(w)):
        nouns = _noun_analyses(v, lex)
        if not nouns and not _has_light_end(v) and not _verb_hits(v) \
                and not (len(v) > 4 and v.startswith(_PROCLITICS)):
            continue
        out.append((v, nouns))
    return out


def _respelled(w: str, variants: list[tuple[str, list[Cand]]]) -> tuple[Cand, ...]:
    """The best lexicon analysis of the first respelling of ``w`` that has one (or ()), among
    ``variants`` (respellings with some reading and their noun analyses, in order)."""
    for v, nouns in variants:
        res = _analyze_folded(v, False, nouns)
        if res and not res[0][7]:
            c = res[0]
            if len(v) == len(w) - 1 and "وو" in w:  # keep the word's own وو in the lemma
                i = next((k for k in range(len(v)) if v[k] != w[k]), len(v))
                if c[1][:i] == v[:i]:
                    c = c[:1] + (c[1][:i] + "و" + c[1][i:],) + c[2:]
            if len(v) != len(w):  # keep the affixes when they are spelled the same in ``w``
                pre = "".join(m[0] for m in c[4])
                suf = "".join(m[0] for m in c[6])
                if w.startswith(pre) and w.endswith(suf) and len(w) > len(pre) + len(suf):
                    return ((c[0] - 0.05, c[1], c[2], c[3], c[4], w[len(pre):len(w) - len(suf)], c[6], False),)
                return ((c[0] - 0.05, c[1], c[2], c[3], (), w, (), False),)
            if v != w and v == w[0] + w[1:].replace("ڕ", "ر"):
                c = c[:1] + (_own_r(c[1], v, w),) + c[2:]
            return ((c[0] - 0.05,) + c[1:],)
    return ()


def _own_r(lemma: str, v: str, w: str) -> str:
    """The lemma with the word's own ڕ where the dictionary writes ر (ڕێوڕەسمی → ڕێوڕەسم, not the
    dictionary's ڕێورەسم): a typed ڕ is deliberate, a dictionary's ر often a Persian-style spelling."""
    i = v.find(lemma)
    return w[i:i + len(lemma)] if i >= 0 else lemma


@lru_cache(maxsize=300_000)
def _candidates(word: str) -> tuple[Cand, ...]:
    """Candidates of a raw word (analysed in its folded form)."""
    folded = fold(word)
    if len(folded) > 64:  # far longer than any Sorani word: one guess, no search
        return ((0.0, folded, "X", "", (), folded, (), True),)
    return _analyze_folded(folded)


_BEST: dict[str, Cand | None] = {}
_BEST_FOLDED: dict[str, Cand | None] = {}  # the same, by folded form: the best analysis depends on it only


def _best(word: str) -> Cand | None:
    """The best candidate of a raw word.  Fast path: when a dictionary word matches with at most
    an ezafe (score ≥ 1), or with an article or the indefinite (which no verb form carries), and the
    word is not a bare verb stem, no verb analysis can outrank it (a verb form has at least one
    affix, costing more than the length bonus it could gain), so the verb search is skipped."""
    best = _BEST.get(word, _MISSING)
    if best is not _MISSING:
        return best  # type: ignore[return-value]
    if len(_BEST) > 300_000:
        _BEST.clear()
        _BEST_FOLDED.clear()
    w = _fold_fast(word)
    if w is None:
        w = fold(word)
    best = _BEST_FOLDED.get(w, _MISSING)  # spellings that fold alike (ي/ی، ك/ک، ه/ە، ZWNJ) share it
    if best is not _MISSING:
        _BEST[word] = best  # type: ignore[assignment]
        return best  # type: ignore[return-value]
    best = _BEST[word] = _BEST_FOLDED[w] = _best_of_folded(w, word)
    return best


def _best_of_folded(w: str, word: str) -> Cand | None:
    """``_best(word)`` computed (no memo), ``w`` being ``fold(word)``."""
    best = None
    nouns = None
    if not _READY:
        _prepare()
    if len(w) <= 64:
        lex = _lexicon()
        if w not in lex.verb_stems:
            nouns = _noun_analyses(w, lex)
            if nouns:
                top = max(nouns, key=_SCORE)
                nominal = False
                if top[0] < 1.0 and len(top[5]) >= 3:
                    nominal = _NOMINAL_SEGS.get(top[6])
                    if nominal is None:
                        nominal = _NOMINAL_SEGS[top[6]] = any(t[1] in _NOMINAL_ONLY for t in top[6])
                if top[0] >= 1.0 or nominal:
                    best = top
                    if w in lex.closed:
                        own = {e[0] for e in lex.closed[w]}
                        best = max(((c[0] + 0.5,) + c[1:] if not c[4] and not c[6] and c[1] in own else c
                                    for c in nouns),
                                   key=lambda c: c[0])
    if best is None:
        cands = _analyze_folded(w, nouns=nouns) if nouns is not None else _candidates(word)
        best = cands[0] if cands else None
    return best


# folded form -> the lemma of its best analysis (None: it has none), for ``lemmatize_text``: strings
# only, where ``_BEST_FOLDED`` keeps candidates (tuples the cyclic collector would walk again and again)
_FOLDED_LEMMAS: dict[str, str | None] = {}


def _new_lemma(word: str) -> str:
    """The lemma of a word (``_best(word)[1]``, or the word when it has no analysis) for
    ``lemmatize_text``, which keeps it in ``_LEMMAS``."""
    best = _BEST.get(word, _MISSING)
    if best is not _MISSING:  # (analysed through ``lemmatize`` or ``is_known`` first)
        return best[1] if best else word  # type: ignore[index]
    w = _fold_fast(word)
    if w is None:
        w = fold(word)
    lemma = _FOLDED_LEMMAS.get(w, _MISSING)
    if lemma is _MISSING:
        best = _BEST_FOLDED.get(w, _MISSING)
        if best is _MISSING:
            best = _best_of_folded(w, word)
        lemma = _FOLDED_LEMMAS[w] = best[1] if best else None  # type: ignore[index]
    return word if lemma is None else lemma  # type: ignore[return-value]


_MISSING = object()
_SCORE = itemgetter(0)
_READY: list[bool] = []


def _prepare() -> None:
    """Build every table the analysis of a word may need, at the first word: data is loaded
    once, up front, rather than at whichever later word first needs a table."""
    _READY.append(True)
    for w in ("دەکەنەوە", "قڕخۆزەپڵا", "ڕوونکردنەوەیەک", "نیشتمانپەروەری", "بێئاگا", "لەشارەکەدا"):
        _analyze_folded(w)
    _head_lengths("\u0626\u0627\u0648", 3, 3)  # binds the compound-head search (ئاو)
    # the tables are permanent: one full collection now moves their objects (many) to the oldest
    # generation, where the collector rarely walks, rather than leaving them young, where each
    # collection of the young generations walks them again (a tenth of a corpus's time)
    import gc

    gc.collect()
# an article or the indefinite never ends a verb form: a noun reading with one needs no verb search
_NOMINAL_ONLY = frozenset({"DEF", "INDF"})
_NOMINAL_SEGS: dict[Chain, bool] = {}  # suffix chain -> it has an article or the indefinite


@lru_cache(maxsize=100_000)
def _analyze_cached(word: str) -> tuple[Analysis, ...]:
    if not _READY:
        _prepare()
    cands = _candidates(word)
    pos = _fold_with_map(word)[1] if fold(word) != word else None
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in cands:
        key = (c[1], c[2], c[4], c[5], c[6])
        if key not in seen:
            seen.add(key)
            out.append(_build(c, word, pos))
    return tuple(out)


def analyze_word(word: str) -> list[Analysis]:
    """Ranked analyses of one word (best first); morpheme offsets index ``word`` itself.

    >>> a = analyze_word("کتێبەکانم")[0]
    >>> (a.lemma, a.pos, a.unimorph, a.is_guess)
    ('کتێب', 'NOUN', 'N;DEF;PL;PSS1S', False)
    >>> analyze_word("دەڕۆیشتم")[0].lemma
    'ڕۆیشتن'
    """
    if not isinstance(word, str):
        raise TypeError(f"analyze_word() expects str, not {type(word).__name__}")
    return list(_analyze_cached(word.strip()))


@lru_cache(maxsize=400_000)
def lemmatize(word: str) -> str:
    """The lemma of the word's best analysis (verbs: the infinitive without ەوە).

    >>> lemmatize("منداڵەکان")
    'منداڵ'
    >>> lemmatize("نەیتوانی")
    'توانین'
    """
    best = _best(word.strip())
    return best[1] if best else word


_LEMMAS: dict[str, str] = {}
_LEMMA_CACHE_MAX = 500_000


@cache
def _word_re() -> re.Pattern[str]:
    from sorani.tokenize import _WORD

    return re.compile(_WORD)


@cache
def _word_lemmas() -> Any:
    """``_morph_c.word_lemmas`` (the words of a text found and looked up in one pass), or None."""
    module = _morph_c()
    return None if module is None else module.word_lemmas


@cache
def _word_table() -> bytes:
    """The flags of ``_word_re()`` for ``word_lemmas``: 1 starts a word, 2 continues one."""
    from sorani._chars import AR_LETTER, AR_MARK

    table = bytearray(0x10000)
    for chars, bits in ((AR_LETTER, 3), (AR_MARK, 2)):
        for lo, hi, single in re.findall(r"(.)-(.)|(.)", chars):
            for code in range(ord(single or lo), ord(single or hi) + 1):
                table[code] |= bits
    return bytes(table)


def lemmatize_text(text: str) -> list[str]:
    """Lemmas of the words of ``text`` (word tokens as ``sorani.tokenize`` finds them), in order;
    a per-form cache makes repeated forms cost one dictionary lookup.

    >>> lemmatize_text("منداڵەکان لە قوتابخانەکەدا دەخوێنن")
    ['منداڵ', 'لە', 'قوتابخانە', 'خوێندن']
    """
    scan = _word_lemmas()
    if scan is not None and type(text) is str:  # the words found and looked up in one pass in C
        out, missing = scan(text, _LEMMAS, _word_table())
        if not missing:
            return out
        if len(_LEMMAS) + len(missing) > _LEMMA_CACHE_MAX:
            _LEMMAS.clear()
            _FOLDED_LEMMAS.clear()
        with no_cycle_collection():  # (the analysis makes no reference cycles)
            for i in missing:
                w = out[i]
                lemma = _LEMMAS.get(w)
                if lemma is None:
                    lemma = _LEMMAS[w] = _new_lemma(w)
                out[i] = lemma
        return out
    return _lemmatize_text_py(text)


def _lemmatize_text_py(text: str) -> list[str]:
    """``lemmatize_text`` in pure Python (the words found by ``_word_re``)."""
    words = _word_re().findall(text)
    out = list(map(_LEMMAS.get, words))  # known forms at C speed; None marks a new one
    if None not in out:
        return out
    new = set(words).difference(_LEMMAS)
    if len(_LEMMAS) + len(new) > _LEMMA_CACHE_MAX:
        _LEMMAS.clear()
        _FOLDED_LEMMAS.clear()
        new = set(words)
    with no_cycle_collection():  # (the analysis makes no reference cycles)
        for w in new:
            _LEMMAS[w] = _new_lemma(w)
    return list(map(_LEMMAS.__getitem__, words))


def is_known(word: str) -> bool:
    """True when the word has an analysis whose stem is in the lexicon (not a guess).

    >>> is_known("ماڵەکانیان"), is_known("قڕخۆزەپڵا")
    (True, False)
    """
    best = _best(word.strip())
    return best is not None and not best[7]


def known_as(word: str) -> int:
    """How the analyzer knows ``word``: 0 not at all (no analysis, or a guess), 1 by a lexicon
    analysis, 2 only as a compound of two words written together (its best analysis has a CMP
    morpheme), the reading that ``sorani.repair`` treats as a glued token on an Arabic keyboard.
    The same answer as reading ``analyze_word(word)[0]``, from the first candidate alone (no
    analyses built, nothing cached).

    >>> known_as("کتێبەکانم"), known_as("ئەوکفتەی"), known_as("قثصضف")
    (1, 2, 0)
    """
    if not _READY:
        _prepare()
    word = word.strip()
    cands = _candidates.__wrapped__(word)
    if not cands or cands[0][7]:
        return 0
    c = cands[0]
    if not any(m[1] == "CMP" for m in c[4]) and not any(m[1] == "CMP" for m in c[6]):
        return 1
    # the best analysis keeps the CMP morpheme unless the candidate is a respelling, whose
    # morphemes do not cover the folded word (``_build``: one STEM morpheme then)
    covered = sum(len(m[0]) for m in c[4]) + len(c[5]) + sum(len(m[0]) for m in c[6])
    return 2 if covered == len(fold(word)) else 1


def stem(word: str, mode: str = "light") -> str:
    """Stem of a word, for search.  ``mode="light"``: suffix stripping in the manner of Lucene's
    stemmer but driven by the lexicon: only nominal inflection and clitics are removed, and only
    down to a lexicon word, so a known word or an unknown name is never cut (an unknown word loses
    only unambiguous endings such as ەکان، ێک، دا).  ``mode="full"``: the lemma of the best
    analysis, so verb forms conflate with their infinitive too.

    >>> stem("کتێبەکانیان"), stem("ئازەربایجان")
    ('کتێب', 'ئازەربایجان')
    >>> stem("دەنووسێت", mode="full")
    'نووسین'
    """
    if mode not in ("light", "full"):
        raise ValueError(f"stem mode must be 'light' or 'full', not {mode!r}")
    if mode == "full":
        return lemmatize(word)
    return _light_stem(word.strip())


@lru_cache(maxsize=200_000)
def _light_stem(word: str) -> str:
    w = fold(word)
    if not w or len(w) > 64:
        return w
    lex = _lexicon()
    nouns = [c for c in _noun_analyses(w, lex) if c[2] != "VERB" or "V.MSDR" in c[3]]
    if nouns:
        best = max(nouns, key=lambda c: c[0])
        return best[1] if best[1].startswith(best[5]) else best[5]
    return _guess(w)[1]


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(r[0] for r in read_rows("morphology/stopwords.txt"))


def __getattr__(name: str) -> Any:
    if name == "stopwords":
        return _stopwords()
    raise AttributeError(f"module 'sorani.morphology' has no attribute {name!r}")


# ---------------------------------------------------------------------------------------------
# Clitic-level tokens

# tags split off as their own token (convention of gold/tokenize: nominal clitics only)
SPLIT_TAGS = frozenset({"DEF", "INDF", "PL", "EZ", "PRON", "ADD", "POST", "COP", "CONJ"})
_PTCP_SPLIT = frozenset({"DEF", "INDF", "PL", "EZ", "POST", "CONJ"})


def morphemes(text: str, split_verbs: bool = False) -> list[tuple[str, int, int]]:
    """Clitic-level tokens ``(text, start, end)`` with offsets into ``text``: articles (ەکە ەکان
    ێک), plural ان, ezafe ی, pronoun clitics, یش, postpositions دا ەوە and the copula are split
    off nouns; verbs stay whole unless ``split_verbs``; demonstrative ە and comparative تر stay on
    their stem.

    >>> [t for t, _, _ in morphemes("شێوازەکانی بەرهەمهێنان")]
    ['شێواز', 'ەکان', 'ی', 'بەرهەمهێنان']
    """
    from sorani.tokenize import tokenize

    out: list[tuple[str, int, int]] = []
    recent: list[str] = []  # the last few words, to see a demonstrative (ئەم … ـە)
    toks = tokenize(text)
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            out.append((tok.text, tok.start, tok.end))
            continue
        # ئەم پارتە (the demonstrative directly before), وڵاتە دواکەوتووەکان (the definite ezafe ە
        # before an adjective with the article): that ە is not the copula and stays on its noun
        after_dem = any(w in _DEMONSTRATIVES for w in recent) or \
            (i + 1 < len(toks) and toks[i + 1].kind == "word" and tok.text.endswith(("ە", "ه"))
             and not tok.text.endswith("یە") and _has_article(toks[i + 1].text))  # (پیشەسازی یە …: split)
        # an ezafe needs a word after it: before punctuation or at the end a final ی is the
        # adjective / abstract-noun ی and stays on its word (ئابووری. ، ماتەمینی.)
        ezafe_possible = i + 1 < len(toks) and toks[i + 1].kind != "punctuation"
        out.extend((t, tok.start + s, tok.start + e)
                   for t, s, e in _split_word(tok.text, split_verbs, after_dem, ezafe_possible))
        recent = [fold(tok.text)]
    return out


def _has_article(word: str) -> bool:
    """The word's best analysis carries the definite article (ەکە، ەکان)."""
    analyses = _analyze_cached(word)
    return bool(analyses) and any(m.tag == "DEF" for m in analyses[0].morphemes)


_DEMONSTRATIVES = frozenset({"ئەم", "ئەو", "لەم", "لەو", "بەم", "بەو", "ئەمە", "ئەوە"})


def _split_word(word: str, split_verbs: bool = False, after_dem: bool = False,
                ezafe_possible: bool = True) -> list[tuple[str, int, int]]:
    analyses = _analyze_cached(word)
    if not analyses:
        return [(word, 0, len(word))]
    a = analyses[0]
    if not ezafe_possible and len(a.morphemes) == 2 and a.morphemes[1].tag == "EZ" and not split_verbs:
        return [(word, 0, len(word))]
    if a.pos == "VERB" and "VerbForm" not in a.features and not split_verbs:
        last = a.morphemes[-1]
        if last.tag == "CONJ" and len(a.morphemes) > 1:  # دانیشێتو → دانیشێت و
            return [(word[:last.start], 0, last.start), (last.text, last.start, last.end)]
        return [(word, 0, len(word))]
    split_tags = SPLIT_TAGS
    if a.pos == "VERB" and "V.MSDR" in a.features.get("VerbForm", ""):
        split_tags = split_tags - {"POST"}  # a telic infinitive keeps its ەوە: لێکۆڵینەوە
    if a.morphemes[-1].tag == "COP" and a.morphemes[-1].text in ("ە", "یە") and len(a.morphemes) == 2 and \
            (after_dem or fold(word) in _lexicon().doubtful):
        # ئەم پارتە: the demonstrative ە stays on its noun; so does an ە that may be part of a
        # dictionary word (تیرە، زیادە): a copula is split only when nothing else can be meant
        return [(word, 0, len(word))]
    if len(a.morphemes) == 1 and a.pos == "PRON" and "Possession" in a.features and \
            a.lemma != word and word.startswith(a.lemma):
        k = len(a.lemma)  # خۆی → خۆ ی
        return [(word[:k], 0, k), (word[k:], k, len(word))]
    if a.pos == "VERB" and "V.PTCP" in a.features.get("VerbForm", ""):
        split_tags = _PTCP_SPLIT  # هاتووم، پێکهاتووە stay whole: they are perfect verbs
    pieces: list[list[int]] = []
    for m in a.morphemes:
        if pieces and not (m.tag in split_tags or (split_verbs and m.tag != "STEM")) and m.tag != "STEM":
            pieces[-1][1] = m.end
        elif pieces and m.tag == "STEM" and not split_verbs:
            pieces[-1][1] = m.end
        else:
            pieces.append([m.start, m.end])
    return [(word[s:e], s, e) for s, e in pieces if e > s]


# ---------------------------------------------------------------------------------------------
# Doc stage

def morphology_stage(doc: Any) -> None:
    """Fill ``lemma``, ``pos``, ``features`` and ``morphemes`` of the word tokens of a ``Doc``."""
    for tok in doc.tokens:
        if tok.kind != "word":
            continue
        analyses = _analyze_cached(tok.text)
        if not analyses:
            continue
        a = analyses[0]
        tok.lemma = a.lemma
        tok.pos = a.pos
        tok.features = dict(a.features)
        tok.morphemes = [{"text": m.text, "tag": m.tag, "start": tok.start + m.start,
                          "end": tok.start + m.end} for m in a.morphemes]
