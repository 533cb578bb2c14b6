"""Build the character n-gram model of Sorani word spellings used by ``sorani.repair``.

It scores how standard a spelling looks (``ڕەحم`` rather than the Persian-keyboard ``ڕحم``,
``خەبەرە`` rather than ``خبرە``), for candidates the word model knows little or nothing about.
Trained on the distinct words (types, each counted once) of running text, normalized with
``sorani.normalize``; the word lists are left out (they hold Persian and Arabic spellings).

Sources (shippable only, read from ``../shared/data`` or ``$SORANI_DATA``):
  corpus/ted-ckb/*.txt                       TED transcripts, sinaahmadi/KurdishMT, Apache-2.0
  gold/langid/CentralKurdish-arab.txt        Sorani sentences, sinaahmadi/KurdishLID, MIT

Output: ``src/sorani/data/repair/charlm.tsv.gz``, gzip'd UTF-8 TSV: ``# comments``, then
``<context><TAB><next letter><TAB><count>`` for every context of 0 to ORDER-1 letters (``^`` pads
the word start, ``$`` ends the word).

Usage: python scripts/build_charlm.py [--data DIR] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from build_lm import corpus_lines, gzip_text, lexicon_flags, standard_spellings  # noqa: E402  (the same training text as the word model)
from sorani._data import shared_data_dir  # noqa: E402

ORDER = 5


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default=str(ROOT / "src/sorani/data/repair/charlm.tsv.gz"))
    ap.add_argument("--no-standardize", action="store_true",
                    help="keep the transcripts' spellings (build_lm.standard_spellings)")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.data)
    if data is None:
        print("build_charlm: shared data not found", file=sys.stderr)
        return 1
    types = {w for words in corpus_lines(data) for w in words if len(w) <= 30}
    if not args.no_standardize:  # the transcripts' keyboard slips read as build_lm.py reads them
        mapping = standard_spellings(Counter(types), lexicon_flags(data))
        types = {mapping.get(w, w) for w in types}
    counts: Counter[tuple[str, str]] = Counter()
    for w in types:
        s = "^" * (ORDER - 1) + w + "$"
        for i in range(ORDER - 1, len(s)):
            for k in range(ORDER):
                counts[(s[i - k:i], s[i])] += 1
    out = Path(args.out)
    with gzip_text(out) as fh:
        fh.write("# sorani character n-gram model of word spellings, built by scripts/build_charlm.py "
                 "(do not edit by hand)\n")
        fh.write("# sources: corpus/ted-ckb (sinaahmadi/KurdishMT 82af6dc1, Apache-2.0); "
                 "gold/langid/CentralKurdish-arab.txt (sinaahmadi/KurdishLID 5056496b, MIT)\n")
        fh.write(f"# order {ORDER}, {len(types)} word types, {len(counts)} n-grams\n")
        for (h, ch), c in sorted(counts.items()):
            fh.write(f"{h}\t{ch}\t{c}\n")
    print(f"build_charlm: {out} ({out.stat().st_size // 1024} KiB): {len(types)} types, "
          f"{len(counts)} n-grams")
    return 0


if __name__ == "__main__":
    sys.exit(main())
