"""Sentences per second of ``sorani.identify`` on one core.

Two sets, read at run time from ../shared/data (or $SORANI_DATA): the langid development
sentences of all 11 classes (gold/langid + English TED), and the sentences of the Sorani
benchmark corpus (benchmarks/corpus.py, split with sorani.sentences). Each set is timed cold
(first pass: every new word is hashed) and warm (a later pass: the per-word cache is filled).
Usage: python benchmarks/bench_langid.py [--max-sentences N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def rate(fn, items: list[str]) -> tuple[float, float]:
    """Items per second: by wall-clock time and by this process's CPU time (the machine may be
    shared; CPU time is what one core gives)."""
    t0, c0 = time.perf_counter(), time.process_time()
    for s in items:
        fn(s)
    return len(items) / (time.perf_counter() - t0), len(items) / (time.process_time() - c0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-sentences", type=int, default=100_000)
    args = ap.parse_args(argv)

    from corpus import load_corpus

    from sorani._data import shared_data_dir
    from sorani.evaluate.langid import load_samples
    from sorani.langid import identify, load_model
    from sorani.sentences import sentences

    data_dir = shared_data_dir()
    if data_dir is None:
        print("bench_langid: shared data not found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    model = load_model()
    print(f"model load {1000 * (time.perf_counter() - t0):.1f} ms")
    sets = {
        "langid dev sentences (11 classes)": [t for t, _ in load_samples(data_dir)][: args.max_sentences],
        "Sorani corpus sentences": [s.text for line in load_corpus(max_chars=4_000_000)
                                    for s in sentences(line)][: args.max_sentences],
    }
    for name, items in sets.items():
        model._cache.clear()
        cold = rate(identify, items)
        warm = rate(identify, items)
        mean = sum(map(len, items)) / len(items)
        print(f"{name}: {len(items)} sentences, mean {mean:.0f} chars: sentences/s (wall / CPU) "
              f"cold {cold[0]:,.0f} / {cold[1]:,.0f}, warm {warm[0]:,.0f} / {warm[1]:,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
