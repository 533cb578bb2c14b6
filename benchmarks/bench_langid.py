"""Sentences per second of ``sorani.identify`` on one core.

Two sets, read at run time from ../shared/data (or $SORANI_DATA): the langid development
sentences of all 11 classes (gold/langid + English TED), and the sentences of the Sorani
benchmark corpus (benchmarks/corpus.py, split with sorani.sentences). Each set is timed
three ways: cold (first pass, empty caches: every new word is hashed), unseen (the odd sentences
after the even ones have filled the per-word cache: new sentences, partly known words, what a long
corpus run meets) and warm (the same sentences again: every word cached); then cold and unseen
again with ``sorani.identify_many`` (the batch API of ``sorani identify`` per line: the new words
of 2000 sentences scored at once with numpy; the same results).
Usage: python benchmarks/bench_langid.py [--max-sentences N] [--out FILE]  (default
benchmarks/langid-results.md)
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


def rate_batch(fn, items: list[str]) -> tuple[float, float]:
    """Items per second of one call over all ``items`` (wall, CPU)."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn(items)
    return len(items) / (time.perf_counter() - t0), len(items) / (time.process_time() - c0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-sentences", type=int, default=100_000)
    ap.add_argument("--out", default=str(HERE / "langid-results.md"))
    args = ap.parse_args(argv)

    from corpus import load_corpus

    from sorani._data import shared_data_dir
    from sorani.evaluate.langid import load_samples
    from sorani.langid import identify, identify_many, load_model
    from sorani.sentences import sentences

    data_dir = shared_data_dir()
    if data_dir is None:
        print("bench_langid: shared data not found", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    model = load_model()
    load_ms = time.perf_counter() - t0
    print(f"model load {1000 * load_ms:.1f} ms")
    print("scoring path:", "compiled" if model._compiled() is not None else "pure Python")
    sets = {
        "langid dev sentences (11 classes)": [t for t, _ in load_samples(data_dir)][: args.max_sentences],
        "Sorani corpus sentences": [s.text for line in load_corpus(max_chars=4_000_000)
                                    for s in sentences(line)][: args.max_sentences],
    }
    report = ["Sentences per second of `sorani.identify`, one call a sentence (batch: `sorani.identify_many`), one core "
              "(`benchmarks/bench_langid.py`; wall / CPU).", "",
              "| set | sentences | mean chars | cold | unseen | warm | batch cold | batch unseen |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, items in sets.items():
        model.clear_caches()
        cold = rate(identify, items)
        model.clear_caches()
        for s in items[0::2]:
            identify(s)
        unseen = rate(identify, items[1::2])
        warm = rate(identify, items)
        model.clear_caches()
        batch_cold = rate_batch(identify_many, items)
        model.clear_caches()
        identify_many(items[0::2])
        batch_unseen = rate_batch(identify_many, items[1::2])
        mean = sum(map(len, items)) / len(items)
        print(f"{name}: {len(items)} sentences, mean {mean:.0f} chars: sentences/s (wall / CPU) "
              f"cold {cold[0]:,.0f} / {cold[1]:,.0f}, unseen {unseen[0]:,.0f} / {unseen[1]:,.0f}, "
              f"warm {warm[0]:,.0f} / {warm[1]:,.0f}, batch cold {batch_cold[0]:,.0f} / {batch_cold[1]:,.0f}, "
              f"batch unseen {batch_unseen[0]:,.0f} / {batch_unseen[1]:,.0f}")
        report.append(f"| {name} | {len(items)} | {mean:.0f} | " + " | ".join(
            f"{w:,.0f} / {c:,.0f}" for w, c in (cold, unseen, warm, batch_cold, batch_unseen)) + " |")
    path = "compiled (sorani/_speedups.c)" if model._compiled() is not None else "pure Python"
    report.append(f"\nModel load: {1000 * load_ms:.1f} ms. Scoring path: {path}.")
    Path(args.out).write_text("\n".join(report) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
