"""Build src/sorani/data/entities/common_words.txt: search-folded words that are common Sorani
vocabulary, so that the entity rules can tell an unknown word (a likely name) from a known one.

Sources (all shippable): the headword list lexicon/SoraniKurdish.txt (sinaahmadi/ScriptNormalization
9d8b627d, Apache-2.0 per its README), the words occurring at least twice in corpus/ted-ckb
(sinaahmadi/KurdishMT 82af6dc1, Apache-2.0), and the words of lexicon/ckb_Pewan_corpus_wordlist.txt
(same ScriptNormalization repository, Apache-2.0 per its README) that the list also has with an
article (X+ێک, X+ەکان …), given names excepted. Words that are names in our gazetteer are removed.

Usage: python scripts/build_entity_lexicon.py [--data DIR]
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import shared_data_dir  # noqa: E402
from sorani.entities.gazetteer import fold_key, gazetteer, given_names, word_keys  # noqa: E402

OUT = ROOT / "src" / "sorani" / "data" / "entities" / "common_words.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data")
    args = ap.parse_args()
    data = shared_data_dir(args.data)
    if data is None:
        print("shared data not found", file=sys.stderr)
        return 1
    words: set[str] = set()
    for line in (data / "lexicon" / "SoraniKurdish.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.add(fold_key(line.strip()))
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted((data / "corpus" / "ted-ckb").glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            counts.update(word_keys(line))
    words |= {w for w, c in counts.items() if c >= 2}
    # nouns of the Pewan news word list (same repository, Apache-2.0 per its README) that the list
    # also shows with an article (X+ێک, X+ەکان …): names hardly ever take one. Given names stay out.
    pewan = data / "lexicon" / "ckb_Pewan_corpus_wordlist.txt"
    if pewan.exists():
        keys = {fold_key(x.strip()) for x in pewan.read_text(encoding="utf-8").splitlines() if x.strip()}
        arts = [fold_key(x) for x in ("ێک", "ێکی", "ەکان", "ەکە", "ەکانی", "ەکەی")]
        after_vowel = [fold_key(x) for x in ("یەک", "یەکی", "کان", "کە")]
        gn = given_names()
        words |= {k for k in keys if len(k) >= 3 and k not in gn
                  and (any(k + a in keys for a in arts)
                       or k[-1:] in "اەۆوێی" and any(k + a in keys for a in after_vowel))}
    # one-word names only: the words of longer names (کورد in مانگی سووری کورد) stay common;
    # and unambiguous names only: a `~` name is also a common word (~خەبات "struggle", ~گۆڕان
    # "change"), which must stay known as one
    names = {word_keys(v)[0] for e in gazetteer().entries for v in e.variants
             if not v.startswith("~") and len(word_keys(v)) == 1}
    words -= names
    words = {w for w in words if len(w) > 1}
    header = ("# Common Sorani words (search-folded keys), built by scripts/build_entity_lexicon.py from\n"
              "# lexicon/SoraniKurdish.txt (sinaahmadi/ScriptNormalization 9d8b627d, Apache-2.0) and the words\n"
              "# seen twice or more in corpus/ted-ckb (sinaahmadi/KurdishMT 82af6dc1, Apache-2.0), and the words of\n"
              "# lexicon/ckb_Pewan_corpus_wordlist.txt (ScriptNormalization, Apache-2.0) also listed with an article,\n"
              "# minus our unambiguous one-word gazetteer names (those without `~`).\n")
    OUT.write_text(header + "\n" + "\n".join(sorted(words)) + "\n", encoding="utf-8")  # blank line ends the header
    print(f"wrote {OUT} ({len(words)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
