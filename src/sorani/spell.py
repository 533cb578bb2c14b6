"""Spelling check and correction for standard Sorani.

``check(word)``: a word is correct when it is known to the word list (``sorani.lm``: TED
transcripts and two Apache-2.0 word lists), or an affixed form of a known word (prefixes and
suffixes of ``data/repair/affixes.tsv``), or when the morphological analyzer knows it (when
``sorani.is_known`` is available). Tokens that are not Arabic-script words (numbers, Latin,
punctuation) are never flagged.

``suggest(word, n)``: candidates from a symmetric-delete index (edit distance up to two), from the
keyboard ambiguity keys of ``sorani.repair`` (ي/ێ, و/وو, ە left out …) and from splitting a word
written without its space; ranked by a keyboard-aware edit cost (confusable letters and
neighbouring keys are cheap) and word frequency.

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
from functools import cache, lru_cache

from sorani._data import read_rows
from sorani.lm import affix_stems, affixes, attach, common_ends, key_index, key_scheme, word_lm

_WORD_RE = re.compile(r"[\u0620-\u065f\u066e-\u06d5\u06fa-\u06ff\u0670\u200c]+")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")

MIN_STEM_COUNT = 0.3    # a stem must be at least a headword (pseudo-count) to license affixes
MIN_STEM_LEN = 3
MIN_COMPOUND = 3
FREQ_WEIGHT = 0.1      # weight of log frequency against edit cost
CONFUSABLE = 0.3        # same keyboard ambiguity class (ی/ێ, ر/ڕ …)
NEIGHBOUR = 0.7         # neighbouring keys
INDEL_CHEAP = 0.4       # ە, ئ, و of وو, ی of یی left out or doubled
EDIT = 1.0
SPLIT_COST = 0.9
TAIL_COST = 0.1
HEADWORD_BONUS = 0.0
NONSTANDARD_PENALTY = 0.6
_CHEAP_INDEL = frozenset("\u06d5\u0626\u0648\u06cc\u0647")
MORPH_MIN_COUNT = 3.0   # a lemma only seen in the word lists does not vouch for an analysis
NEAR_MIN_COUNT = 2.0   # a neighbour must have been seen in running text to make a word suspect


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
    with وو (باشور for باشوور, نوسەر for نووسەر), ``w`` itself being no headword."""
    lm = word_lm()
    if "s" in lm.flags.get(w, ""):
        return False
    n = w.count("\u0648\u0648")
    bare = w.replace("\u0648\u0648", "\u0648")
    return any(c.count("\u0648\u0648") > n and c.replace("\u0648\u0648", "\u0648") == bare
               for c in _headword_keys().get(_fine_key(w), ()))


@cache
def _stem_set() -> frozenset[str]:
    """Words long and frequent enough to license affixes."""
    return frozenset(w for w, c in word_lm().counts.items() if c >= MIN_STEM_COUNT and len(w) >= MIN_STEM_LEN)


@lru_cache(maxsize=300_000)
def _known_affixed(w: str) -> bool:
    return not _stem_set().isdisjoint(affix_stems(w))


@lru_cache(maxsize=300_000)
def _check(word: str) -> bool:
    w = word.replace("\u200c", "")
    if not _ARABIC_LETTER.search(w):
        return True
    vocab = _vocab()
    if w in vocab:
        return not _nonstandard(w)
    if _known_affixed(w):
        return True
    lm = word_lm()
    # a compound of a known word and a known (possibly affixed) word: دەسبەسەر+کرانی
    if len(w) >= 2 * MIN_COMPOUND:
        for j in range(MIN_COMPOUND, len(w) - MIN_COMPOUND + 1):
            a, b = w[:j], w[j:]
            if lm.counts.get(a, 0.0) >= 1.0 and (b in vocab or _known_affixed(b)):
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
        if not known(w):
            return False
        from sorani.morphology import analyze_word

        a = analyze_word(w)[0]
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
    if len(w) >= 4:
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
    _morph_ok("\u06a9\u062a\u06ce\u0628")  # loads the analyzer's lexicon


CACHE_SIZE = 500_000  # verdicts kept per mode (the cache is emptied when it is full)
_verdicts: tuple[dict[str, bool], dict[str, bool]] = ({}, {})


def _verdict(word: str, strict: bool) -> bool:
    w = word.replace("\u200c", "") if "\u200c" in word else word
    if w in _accepted():
        return True
    if not _ARABIC_LETTER.search(w):
        return True
    if _foreign_re().search(w):
        return False  # Arabic/Persian letters (ك ي ة …) are never standard Sorani spelling
    if w in _vocab():
        return False  # a running-text spelling the dictionary writes otherwise (_nonstandard)
    if _check(w):
        return True
    if not strict and not _near_known(w):
        return True
    return _morph_ok(w)


def check(word: str, strict: bool = False) -> bool:
    """Is ``word`` correctly spelled?

    Known words, affixed forms of known words, compounds of two known words and words the
    morphological analyzer knows (``sorani.is_known``, consulted last as it is the slowest) are
    correct.
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
def _delete_index() -> dict[str, tuple[str, ...]]:
    """Every word of the vocabulary and every string one deletion away -> words."""
    idx: dict[str, list[str]] = {}
    for w in sorted(_vocab()):
        if len(w) > 25:
            continue
        idx.setdefault(w, []).append(w)
        for i in range(len(w)):
            d = w[:i] + w[i + 1:]
            if d:
                idx.setdefault(d, []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


def _cost(a: str, b: str) -> float:
    """Keyboard-aware weighted edit distance (with adjacent transposition): confusable letters
    and neighbouring keys are cheap substitutions; ە, ئ, و, ی, ه are cheap to add or drop inside
    a word, dearer at its end (where they are suffixes)."""
    if a == b:
        return 0.0
    ks, nb = key_scheme(), _neighbours()
    ca, cb = ks.classes(a), ks.classes(b)

    def indels(w: str) -> list[float]:
        out = [INDEL_CHEAP if x in _CHEAP_INDEL else EDIT for x in w]
        if out and w[-1] != "\u06d5":
            out[-1] = EDIT
        return out

    ins_b, del_a = indels(b), indels(a)
    # the common prefix and suffix cost nothing: run the table on the differing middle only
    p, q = common_ends(a, b)
    if p or q:
        ea, eb = len(a) - q, len(b) - q
        a, b, ca, cb = a[p:ea], b[p:eb], ca[p:ea], cb[p:eb]
        ins_b, del_a = ins_b[p:eb], del_a[p:ea]
    n = len(b)
    prev2: list[float] = []
    prev = [0.0] * (n + 1)
    for j in range(1, n + 1):
        prev[j] = prev[j - 1] + ins_b[j - 1]
    for i, x in enumerate(a, 1):
        dx = del_a[i - 1]
        cur = [prev[0] + dx]
        for j in range(1, n + 1):
            y = b[j - 1]
            if x == y:
                sub = 0.0
            elif ca[i - 1] == cb[j - 1]:
                sub = CONFUSABLE
            elif (x, y) in nb:
                sub = NEIGHBOUR
            else:
                sub = EDIT
            v = min(prev[j] + dx, cur[j - 1] + ins_b[j - 1], prev[j - 1] + sub)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y and prev2:
                v = min(v, prev2[j - 2] + 0.7)
            cur.append(v)
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=200_000)
def _freq_score(word: str) -> float:
    """Prior of a (stem) word: log frequency, a bonus for dictionary headwords, a penalty for
    running-text spellings the dictionary writes otherwise."""
    lm = word_lm()
    score = FREQ_WEIGHT * math.log(lm.counts.get(word, 0.1) + 1.0)
    if "s" in lm.flags.get(word, ""):
        score += HEADWORD_BONUS
    elif word in lm.counts and _nonstandard(word):
        score -= NONSTANDARD_PENALTY
    return score


@cache
def _suffix_set() -> frozenset[str]:
    return frozenset(affixes()[1])


@lru_cache(maxsize=100_000)
def _is_suffix_chain(tail: str, depth: int = 3) -> bool:
    if not tail:
        return True
    if depth == 0:
        return False
    return any(tail.startswith(s) and _is_suffix_chain(tail[len(s):], depth - 1) for s in _suffix_set())


def _splits(w: str) -> list[tuple[str, str]]:
    out = []
    for j in range(len(w) - 1, max(2, len(w) - 9), -1):
        tail = w[j:]
        if _is_suffix_chain(tail):
            out.append((w[:j], tail))
    return out[:6]


@lru_cache(maxsize=100_000)
def _stem_candidates(stem: str) -> tuple[tuple[str, float], ...]:
    """A few known words close to ``stem`` (itself when known), with approximate costs."""
    lm = word_lm()
    counts = lm.counts
    pool: dict[str, float] = {}
    if stem in counts and not _nonstandard(stem):
        pool[stem] = 0.0
    index, ks = key_index(), key_scheme()
    for k in ks.typed_keys(stem):
        for c in index.get(k, ())[:4]:
            pool.setdefault(c, CONFUSABLE * max(1, abs(len(c) - len(stem))))
    if len(stem) >= 4:
        didx = _delete_index()
        near: list[tuple[str, float]] = [(c, EDIT * (len(c) - len(stem))) for c in didx.get(stem, ())]
        for i in range(len(stem)):
            d = stem[:i] + stem[i + 1:]
            near.extend((c, EDIT * max(1, len(c) - len(d))) for c in didx.get(d, ()))
        near.sort(key=lambda x: x[1] - _freq_score(x[0]))
        for c, c0 in near[:4]:
            pool.setdefault(c, c0)
    ranked = sorted(((c, c0) for c, c0 in pool.items() if counts.get(c, 0.0) >= MIN_STEM_COUNT),
                    key=lambda x: x[1] - _freq_score(x[0]))
    return tuple(ranked[:6])


def _attach_variants(stem: str, tail: str) -> list[str]:
    out = [attach(stem, tail)]
    if tail.startswith("\u06d5"):
        if stem.endswith("\u06cc"):
            out.append(stem + "\u06cc" + tail)        # قوربانی + ەک → قوربانییەک
        elif stem[-1:] in ("\u0627", "\u06c6", "\u06ce", "\u0648"):
            out.append(stem + tail[1:])                  # بینا + ەکەدا → بیناکەدا
    return out


@lru_cache(maxsize=100_000)
def _suggest(word: str, n: int) -> tuple[str, ...]:
    w = word.replace("\u200c", "")
    if not w or len(w) > 60:
        return ()
    lm, vocab = word_lm(), _vocab()
    counts = lm.counts
    # candidate -> approximate edit cost (exact weighted cost computed for the best few)
    approx: dict[str, float] = {}

    def offer(c: str, cost: float) -> None:
        if c != w and cost < approx.get(c, 1e9):
            approx[c] = cost

    # 1. keyboard ambiguity keys (ي/ێ, و/وو, ە left out …)
    index, ks = key_index(), key_scheme()
    for k in ks.typed_keys(w):
        for c in index.get(k, ()):
            offer(c, CONFUSABLE * max(1, abs(len(c) - len(w))))
    # 2. symmetric delete: up to two deletions from the input, one from the dictionary word
    if len(w) <= 25:
        didx = _delete_index()
        d1 = {w[:i] + w[i + 1:] for i in range(len(w))}
        layers = [(0, {w}), (1, d1)]
        if len(w) > 3:
            layers.append((2, {d[:i] + d[i + 1:] for d in d1 for i in range(len(d))} - d1))
        for d_in, dels in layers:
            for d in dels:
                for c in didx.get(d, ()):
                    offer(c, EDIT * max(d_in, len(c) - len(d)))
    # 2b. inflected forms: correct the stem, keep the suffixes (دەستپێشخەریەکی → …ییەکی)
    for stem, tail in _splits(w):
        for sc, c0 in _stem_candidates(stem):
            for cand in _attach_variants(sc, tail):
                offer(cand, c0 + TAIL_COST)
    ranked = heapq.nsmallest(max(n, 5) + 4, approx, key=lambda c: approx[c] - _freq_score(c))
    scored = [(_cost(w, c) - _freq_score(c), c) for c in ranked]
    # 3. a missing space: a preposition or و written together with the next word, two words,
    # or the best segmentation into known words (دەستبەکاربکات → دەست بە کار بکات)
    for p in ("\u0644\u06d5", "\u0628\u06d5", "\u0648"):
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 3 and (rest in vocab or _check(rest)):
            scored.append((SPLIT_COST - _freq_score(p), p + " " + rest))
    fixes = 0
    for j in range(len(w) - 2, 1, -1):
        a, b = w[:j], w[j:]
        if counts.get(a, 0) >= 1 and counts.get(b, 0) >= 1:
            scored.append((SPLIT_COST - 0.5 * (_freq_score(a) + _freq_score(b)), a + " " + b))
        elif counts.get(a, 0) >= 2 and len(b) >= 3 and j < len(w) - 2 and fixes < 3:
            fixes += 1
            sc = _stem_candidates(b)
            if sc:
                fixed, c0 = sc[0]
                scored.append((SPLIT_COST + c0 - 0.5 * (_freq_score(a) + _freq_score(fixed)),
                               a + " " + fixed))
    seg = _segment(w)
    if seg:
        scored.append(seg)
    if w.endswith("\u0648") and len(w) > 3:
        head = w[:-1]
        if head in vocab or _check(head):
            scored.append((SPLIT_COST - _freq_score(head), head + " \u0648"))
        else:
            for _, c in sorted(scored)[:2]:
                if " " not in c and c.endswith("\u0648"):
                    scored.append((SPLIT_COST + _cost(head, c[:-1]) - _freq_score(c[:-1]), c[:-1] + " \u0648"))
    scored.sort()
    out: list[str] = []
    for _, c in scored:
        if c not in out and c != w:
            out.append(c)
        if len(out) >= n:
            break
    return tuple(out)


def _segment(w: str) -> tuple[float, str] | None:
    """The cheapest split of ``w`` into three or more known words (a word-break search)."""
    counts = word_lm().counts
    n = len(w)
    if n < 6 or n > 40:
        return None
    best: list[tuple[float, int, int]] = [(0.0, 0, -1)] + [(1e9, 0, -1)] * n  # cost, pieces, back
    for i in range(1, n + 1):
        for j in range(max(0, i - 15), i):
            if best[j][0] >= 1e9:
                continue
            piece = w[j:i]
            c = counts.get(piece, 0.0)
            if c < 1.0 or (len(piece) < 2 and piece != "\u0648"):
                continue
            cost = best[j][0] + SPLIT_COST - _freq_score(piece)
            if cost < best[i][0]:
                best[i] = (cost, best[j][1] + 1, j)
    if best[n][0] >= 1e9 or best[n][1] < 3:
        return None
    pieces, i = [], n
    while i > 0:
        j = best[i][2]
        pieces.append(w[j:i])
        i = j
    return best[n][0], " ".join(reversed(pieces))


def suggest(word: str, n: int = 5) -> list[str]:
    """Up to ``n`` corrections of ``word``, best first (``word`` itself is never among them).

    >>> "نووسەر" in suggest("نوسەر")
    True
    """
    if n <= 0:
        return []
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
    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group()
        v = get(w)
        if v is None:
            v = check(w)
        if not v:
            out.append((m.start(), m.end(), w))
    return out
