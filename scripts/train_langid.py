#!/usr/bin/env python3
"""Train the language identifier shipped in ``src/sorani/data/langid/model.bin``.

Sources (read from ../shared/data or $SORANI_DATA, never copied into the repository):
- ``gold/langid/*.txt``: KurdishLID development sentences, sinaahmadi/KurdishLID (5056496b), MIT;
  the two Zazaki files are both ``zza-Latn``;
- ``corpus/ted-eng/``: English TED transcripts, sinaahmadi/KurdishMT (82af6dc1), Apache-2.0
  (a fixed random sample of 2000 sentences).

Recipe (shared with ``sorani evaluate --task langid``): lines de-duplicated within each class;
one degraded copy (old spelling, Arabic keyboard or Persian keyboard) of each Kurdish
Arabic-script line; two keyboard-typed copies of each Sorani line as the sub-class
``ckb-Arab/keyboard`` (its own column, counted as ``ckb-Arab``); multinomial naive Bayes over
hashed character 1–5-grams of each folded word and the whole word (``sorani.langid.train``),
each word's score divided by the square root of its number of n-grams; a bias per column (a
class prior) and the probability temperature are fitted by log loss on a held-out fifth, scored by
a model trained on the other four fifths (``sorani.evaluate.langid.train_model``). Needs numpy
(``pip install numpy``); under a minute of CPU.

Usage: python scripts/train_langid.py [--data DIR] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.langid import PARAMS, load_samples, train_model  # noqa: E402
from sorani.langid import LABELS  # noqa: E402

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None, help="shared data directory (default: $SORANI_DATA or ../shared/data)")
    ap.add_argument("--out", default=str(ROOT / "src" / "sorani" / "data" / "langid" / "model.bin"))
    args = ap.parse_args(argv)
    data_dir = shared_data_dir(args.data)
    if data_dir is None:
        print("train_langid: shared data not found (--data or $SORANI_DATA)", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    samples = load_samples(data_dir)
    counts = {lab: sum(1 for _, x in samples if x == lab) for lab in LABELS}
    meta = {
        "trained_by": "scripts/train_langid.py",
        "sources": [
            {"path": "gold/langid/*.txt", "repository": "sinaahmadi/KurdishLID", "commit": "5056496b",
             "licence": "MIT"},
            {"path": "corpus/ted-eng/", "repository": "sinaahmadi/KurdishMT", "commit": "82af6dc1",
             "licence": "Apache-2.0"},
        ],
        "samples": counts,
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in PARAMS.items()},
    }
    model = train_model(samples, fit_scale=True, meta=meta)
    blob = model.to_bytes()
    Path(args.out).write_bytes(blob)
    print(f"train_langid: {len(samples)} samples, scale {model.scale}, {len(blob) / 1e6:.2f} MB -> {args.out} "
          f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
