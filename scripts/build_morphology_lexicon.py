#!/usr/bin/env python3
"""Build src/sorani/data/morphology/lexicon.tsv, the lemma lexicon of sorani.morphology.

Sources (all shippable):
  * ../shared/data/lexicon/SoraniKurdish.txt — dictionary headwords from
    sinaahmadi/ScriptNormalization (commit 9d8b627d), Apache-2.0.  Persian noise is filtered out:
    headwords with a bare initial alef (Sorani writes ئا), a final Persian heh (ه), Arabic-only
    letters (ث ذ ض ظ ط ص ء أ), harakat or ZWNJ, or Persian verb endings (…شدن، …کردن spelled with ه).
  * src/sorani/data/morphology/verbs.tsv, closed.tsv and supplement.tsv — authored for sorani (MIT).
  * ../shared/data/corpus/ted-ckb/ — TED transcripts from sinaahmadi/KurdishMT (commit 82af6dc1),
    Apache-2.0: word counts only, to tell a headword Xە that is X + the copula/demonstrative ە from a
    word of its own; nothing of the text is shipped.
UniMorph is NOT used here (it is kept for evaluation only).

Part of speech: headwords ending in a simple verb's infinitive (verbs.tsv) optionally followed by
ەوە become VERB entries with past and present stems derived from the simple verb (preverb or
nominal part kept in front); regular causatives in -اندن (past -اند, present -ێن) and their
intransitive partners in -ان (past -ا, present -ێ) are derived by rule; every other headword is N,
or ADJ when it ends in a productive adjective suffix.

Usage: python scripts/build_morphology_lexicon.py [--data DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import read_rows, shared_data_dir  # noqa: E402
from sorani.morphology import fold  # noqa: E402

OUT = ROOT / "src" / "sorani" / "data" / "morphology" / "lexicon.tsv"
PERSIAN_NOISE = re.compile(r"^ا|ه$|[ثذضظطصءأؤًٌٍَُِّْ\u200c]|شدن$|ه[کگ]|[^\u0620-\u06ff]")
ADJ_SUFFIXES = ("دار", "مەند", "ناک", "انە", "ئامێز", "اوی", "یانە")
TELIC = "ەوە"
# inflectional verb prefixes: a headword like نەمان or دەکردن is an inflected form, not a compound
PREVERBS = {"هەڵ", "دا", "ڕا", "ڕۆ", "وەر", "دەر", "پێ", "لێ", "تێ", "پێک", "تێک", "لێک", "وە", "بەر"}
VERB_PREFIXES = ("نە", "دە", "نا", "مە", "ب", "بی", "نەدە", "ئە")


def simple_verbs() -> dict[str, tuple[str, str, str, str]]:
    out = {}
    for row in read_rows("morphology/verbs.tsv"):
        inf, past, pres, passive, trans = row[:5]
        out[inf] = (past, pres, passive, trans)
    return out


INFLECTED = ("",) * 5  # marker: the headword is an inflected verb form (نەمان، کردبوون)


def derive_verb(word: str, verbs: dict, heads: set[str]) -> tuple[str, str, str, str, str] | None:
    """(lemma, past, present, passive, transitivity) of an infinitive headword, or None."""
    past_stems = {v[0] for v in verbs.values()}  # کردبوون is کرد + بوون: an inflected form
    base = word[: -len(TELIC)] if word.endswith(TELIC) and len(word) > 5 else word
    # longest simple-verb infinitive at the end
    for k in range(len(base), 1, -1):
        inf = base[-k:]
        if inf in verbs:
            pre = base[:-k]
            if pre and (pre in VERB_PREFIXES or (pre in past_stems and pre not in PREVERBS)):
                return INFLECTED
            if pre and len(pre) < 2:
                continue
            past, pres, passive, trans = verbs[inf]
            pres = "|".join(pre + p for p in pres.split("|"))
            passive = "-" if passive == "-" else "|".join(pre + p for p in passive.split("|"))
            return base, pre + past, pres, passive, trans
    if base.endswith("اندن") and len(base) > 5:
        stem = base[:-4]
        return base, stem + "اند", stem + "ێن", stem + "ێنر", "T"
    if base.endswith("ان") and len(base) > 4 and base[:-2] + "اندن" in heads:
        stem = base[:-2]
        return base, stem + "ا", stem + "ێ", "-", "I"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    args = ap.parse_args(argv)
    data = shared_data_dir(args.data)
    if data is None:
        print("shared data not found (--data or $SORANI_DATA)", file=sys.stderr)
        return 1
    raw = (data / "lexicon" / "SoraniKurdish.txt").read_text(encoding="utf-8").split("\n")
    heads: set[str] = set()
    dropped = 0
    for line in raw:
        w = line.strip()
        if not w:
            continue
        if PERSIAN_NOISE.search(w):
            dropped += 1
            continue
        heads.add(fold(w))
    verbs = simple_verbs()
    closed = {row[0] for row in read_rows("morphology/closed.tsv")}
    copula_forms = inflected_e(data, heads - closed)
    rows: list[tuple[str, ...]] = []
    for inf, (past, pres, passive, trans) in verbs.items():
        rows.append((inf, "VERB", past, pres, passive, trans, "authored"))
    seen_verbs = set(verbs)
    supplement = {fold(r[0]): r[1] for r in read_rows("morphology/supplement.tsv")}
    authored = {w for w, pos in supplement.items() if pos != "VERB" and len(w) >= 3}
    for w, pos in supplement.items():
        if pos == "VERB":  # an authored compound verb: stems derived like a dictionary infinitive
            v = derive_verb(w, verbs, heads)
            if v and v is not INFLECTED and v[0] not in seen_verbs:
                seen_verbs.add(v[0])
                rows.append((v[0], "VERB", v[1], v[2], v[3], v[4], "supplement"))
        elif w not in closed:
            rows.append((w, pos, "-", "-", "-", "-", "authored"))
    for w in sorted(heads):
        if w in closed:
            continue
        if w.endswith("ترین") and w[:-4] in heads:  # باشترین: a superlative, inflected from باش
            dropped += 1
            continue
        v = derive_verb(w, verbs, heads) if w.endswith(("ن", TELIC)) else None
        if v is INFLECTED:
            dropped += 1
            continue
        if v and v[0] not in seen_verbs:
            seen_verbs.add(v[0])
            rows.append((v[0], "VERB", v[1], v[2], v[3], v[4], "SoraniKurdish.txt"))
        if v or w in supplement:
            continue  # infinitives are analysed as verbal nouns of their verb
        pos = "ADJ" if w.endswith(ADJ_SUFFIXES) else "N"
        # ئاسانە، کوڕە (and زەردەی): most likely X + the copula or demonstrative ە; kept, ranked low
        src = DOUBTFUL_E if w in copula_forms or (w[-1] == "ی" and w[:-1] in copula_forms) else \
            DOUBTFUL_E if any(w.endswith(c) and w[:-len(c)] in authored for c in CLITICS) else "SoraniKurdish.txt"
        rows.append((w, pos, "-", "-", "-", "-", src))
    header = [
        "# Sorani lemma lexicon for sorani.morphology — GENERATED by scripts/build_morphology_lexicon.py;",
        "# do not edit by hand (edit verbs.tsv / closed.tsv or the script and rebuild).",
        "# Sources and licences: headwords of SoraniKurdish.txt from sinaahmadi/ScriptNormalization",
        "# (commit 9d8b627d), Apache-2.0, filtered for Persian noise; verbs.tsv authored for sorani (MIT).",
        f"# {len(rows)} entries ({dropped} noisy headwords dropped).",
        "# Word counts of the TED transcripts (sinaahmadi/KurdishMT 82af6dc1, Apache-2.0) mark doubtful Xە headwords.",
        "# lemma\tpos\tpast stem\tpresent stem(s)\tpassive stem(s)\ttransitivity\tsource",
    ]
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    rows[:] = drop_verb_forms(rows)
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    added = add_pewan(data, rows, header)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} entries, {len(seen_verbs)} verbs, {dropped} dropped, "
          f"{added} from the Pewan word list")
    return 0


TED = "corpus/ted-ckb"
DOUBTFUL_E = "SoraniKurdish.txt:X+ە"  # source tag of the headwords found by ``inflected_e``
# a dictionary headword that is an authored word (supplement.tsv) + one of these is an inflected form
# (گەورەم، شاران، ساڵیان): kept, but ranked like the doubtful Xە headwords
CLITICS = ("م", "ت", "مان", "تان", "یان", "ان", "ە")


def text_counts(data: Path) -> Counter[str]:
    """Word counts of the TED transcripts (Apache-2.0): used only to decide between two headwords,
    nothing of the text is shipped."""
    import sorani.morphology as M

    counts: Counter[str] = Counter()
    for path in sorted((data / TED).glob("*.txt")):
        counts.update(fold(w) for w in M._word_re().findall(path.read_text(encoding="utf-8", errors="replace")))
    return counts


def inflected_e(data: Path, heads: set[str]) -> set[str]:
    """Headwords Xە whose X is a headword too and, in running text (the TED transcripts), at least
    half as frequent as Xە: then Xە is X + the copula or demonstrative ە (ئاسانە، کوڕە، خەریکە),
    not a word of its own (ئاماژە، پێناسە، کارگە, whose X never occurs alone), unless Xە is seen
    with the indefinite in the TED text or the Pewan word list (دەستەیەک: دەستە is a noun).  Closed-class X are
    left out of ``heads`` by the caller (حەوتە "week" is not حەوت + ە)."""
    counts = text_counts(data)
    seen = set(counts) | pewan_words(data)
    return {w for w in heads if w.endswith("ە") and len(w) >= 4 and w[:-1] in heads
            and counts[w[:-1]] > 0 and 2 * counts[w[:-1]] >= counts[w]
            and not any(w + ind in seen for ind in INDEFINITE)}


# an indefinite on Xە shows a noun Xە (a copula or demonstrative ە takes no article): دەستەیەک
INDEFINITE = ("یەک", "یەکی", "یەکە", "یەکدا", "یەکیان", "یەکم", "یەکت")


def pewan_words(data: Path) -> set[str]:
    return {fold(w.strip()) for w in (data / "lexicon" / "ckb_Pewan_corpus_wordlist.txt")
            .read_text(encoding="utf-8").split("\n") if w.strip()}


# endings of inflected forms whose base is spelled differently (ئابلوقەی، ئارامەو) or of Kurmanji
VERBISH = re.compile("ێنر|راو|ێت$|ووە$|وویە$|^(دە|نا|نە)[^ئ]{2,5}(م|ێت|ن|ین|یت|ات)$")
PEWAN_SKIP = ("ەی", "ەو", "ای", "ۆی", "یی", "ێی", "ووی", "ێن", "ەکێ", "ێت")


def drop_verb_forms(rows: list) -> list:
    """Drop headwords that are inflected verb forms (دەوێت، نابێ، گوتی): a known verb analysis with
    دە/نا/نە, or a simple past stem plus a person ending or agent clitic."""
    import sorani.morphology as M

    M._lexicon.cache_clear()
    M._candidates.cache_clear()
    lex = M._lexicon()
    past = {r[2] for r in rows if r[1] == "VERB" and r[6] == "authored"}
    endings = ("ی", "مان", "تان", "یان", "ین", "یت")  # not م ت alone: مام، ...
    keep = []
    for r in rows:
        w = r[0]
        if r[1] != "VERB" and r[6].startswith("SoraniKurdish.txt"):
            if any(w == p + e for p in past for e in endings if w.startswith(p)):
                continue
            strong = [c for c in M._verb_analyses(w, lex)
                      if not c[7] and any(t[1] in ("IPFV", "NEG") for t in c[4]) and len(c[5]) >= 2]
            if strong:
                continue
        keep.append(r)
    return keep


def add_pewan(data: Path, rows: list, header: list[str]) -> int:
    """Second pass: words of the Pewan news word list (Apache-2.0) that the analyzer cannot reduce
    to a lexicon lemma become lemmas themselves (mostly names and modern loanwords).  Words are taken
    shortest first, so an inflected form whose base was added earlier stays unlisted."""
    import sorani.morphology as M

    M._lexicon.cache_clear()
    M._candidates.cache_clear()
    M._BEST.clear()
    lex = M._lexicon()
    chains = M._noun_chains()
    words = set()
    for line in (data / "lexicon" / "ckb_Pewan_corpus_wordlist.txt").read_text(encoding="utf-8").split("\n"):
        w = line.strip()
        if len(w) >= 3 and not PERSIAN_NOISE.search(w):
            words.add(fold(w))
    new: set[str] = set()
    for w in sorted(words, key=lambda x: (len(x), x)):
        if M.is_known(w) or w.endswith(PEWAN_SKIP) or VERBISH.search(w):
            continue
        if any(w[:i] in new and chains[M._cls(w[i - 1])].get(w[i:]) for i in range(2, len(w))):
            continue
        guess = M._guess(w)[1]  # وەفدێکی → وەفد: the guessed stem, not the inflected form
        if len(guess) >= 3 and not M.is_known(guess):
            new.add(guess)
    extra = [(w, "N", "-", "-", "-", "-", "Pewan") for w in sorted(new)]
    rows.extend(extra)
    header[4] = (f"# {len(rows)} entries; {len(extra)} (source Pewan) from ckb_Pewan_corpus_wordlist.txt "
                 "(same repository and licence), added by the build script when unanalysable.")
    OUT.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    return len(extra)


if __name__ == "__main__":
    sys.exit(main())
