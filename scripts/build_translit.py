"""Build src/sorani/data/translit/model.tsv, the Arabic->Latin decision model.

Source: ../shared/data/gold/translit/wergor-pairs.tsv (sinaahmadi/wergor, MIT), read at build time
and never copied: the shipped file holds only perceptron weights over letter-context features.
Usage: python scripts/build_translit.py [--data DIR] [--epochs N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sorani._data import shared_data_dir
from sorani._translit_model import PAIRS, load_pairs, train, training_data

OUT = Path(__file__).resolve().parents[1] / "src" / "sorani" / "data" / "translit" / "model.tsv"
HEADER = """# Arabic->Latin transliteration model (averaged perceptron weights), built by
# scripts/build_translit.py from gold/translit/wergor-pairs.tsv of sinaahmadi/wergor (MIT licence,
# Copyright (c) Sina Ahmadi). Lines: "@letter<TAB>labels..." then "feature<TAB>label=weight ...".
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    data_dir = shared_data_dir(args.data)
    if data_dir is None:
        print("build_translit: ../shared/data not found (set $SORANI_DATA)", file=sys.stderr)
        return 1
    pairs = load_pairs(data_dir / PAIRS)
    data = training_data(pairs)
    t0 = time.perf_counter()
    model = train(data, epochs=args.epochs)
    rows = model.to_rows()
    Path(args.out).write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs, {len(data)} aligned, {len(model.weights)} features, "
          f"{time.perf_counter() - t0:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
