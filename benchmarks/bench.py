"""`make bench`: speed and memory of each sorani stage on the Sorani corpora in ../shared/data.

Writes benchmarks/results.json (a list of {"name", "system", "chars_per_s", "n_chars", ...}) and
benchmarks/results.md. One core, one process; each stage runs over the same corpus lines.
Usage: python benchmarks/bench.py [--stage NAME ...] [--max-chars N]
"""
from __future__ import annotations

import argparse
import importlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import load_corpus  # noqa: E402

# stage -> "module:function" applied to each corpus line (later stages add theirs)
STAGES: dict[str, str] = {
    "normalize": "sorani.normalize:normalize",
    "normalize_with_offsets": "sorani.normalize:normalize_with_offsets",
    "tokenize": "sorani.tokenize:tokenize",
    "sentences": "sorani.sentences:sentences",
    "analyze": "sorani.doc:analyze",
    "to_latin": "sorani.translit:to_latin",
    "to_arabic": "translit_stages:to_arabic_of_latin",
}

GLUED = "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8  # ~200 letters, no space


def resolve(spec: str):
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)


def time_stage(fn, lines: list[str], n_chars: int, min_seconds: float = 0.5) -> float:
    """Characters per second of ``fn`` over all lines (repeated until ``min_seconds``)."""
    rounds, elapsed = 0, 0.0
    while elapsed < min_seconds:
        t0 = time.perf_counter()
        for line in lines:
            fn(line)
        elapsed += time.perf_counter() - t0
        rounds += 1
    return n_chars * rounds / elapsed


def time_once(fn, text: str) -> float:
    t0 = time.perf_counter()
    fn(text)
    return time.perf_counter() - t0


def import_time_ms(repeat: int = 5) -> float:
    """Median wall time of `import sorani` in a fresh interpreter, minus bare startup."""
    def run(code: str) -> float:
        out = subprocess.run([sys.executable, "-c",
                              f"import time;t=time.perf_counter();{code};print(time.perf_counter()-t)"],
                             capture_output=True, text=True, check=True)
        return float(out.stdout)
    times = sorted(run("import sorani") for _ in range(repeat))
    return times[len(times) // 2] * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stage", action="append", choices=sorted(STAGES))
    ap.add_argument("--max-chars", type=int, default=None, help="cap the corpus size")
    ap.add_argument("--out", default=str(HERE / "results.json"))
    args = ap.parse_args(argv)

    lines = load_corpus(max_chars=args.max_chars)
    if not lines:
        print("bench: corpus not found (../shared/data or $SORANI_DATA)", file=sys.stderr)
        return 1
    n_chars = sum(map(len, lines))
    big_line = " ".join(lines)[: 1 << 20]
    results = [{"name": "import sorani", "system": "sorani", "ms": round(import_time_ms(), 1)}]
    print(f"corpus: {len(lines)} lines, {n_chars} chars; import sorani {results[0]['ms']} ms")
    for name in args.stage or STAGES:
        fn = resolve(STAGES[name])
        fn("گەرم")  # load data lazily before timing
        cps = time_stage(fn, lines, n_chars)
        t_line = time_once(fn, big_line)
        t_glued = time_once(fn, GLUED)
        results.append({"name": name, "system": "sorani", "chars_per_s": round(cps), "n_chars": n_chars,
                        "one_mb_line_chars_per_s": round(len(big_line) / t_line),
                        "glued_200_ms": round(t_glued * 1000, 3)})
        print(f"{name:24s} {cps / 1e6:8.2f} M chars/s   1 MB line {len(big_line) / t_line / 1e6:6.2f} M chars/s"
              f"   200-letter token {t_glued * 1000:7.3f} ms")
    results.append({"name": "peak memory", "system": "sorani",
                    "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    Path(args.out).with_suffix(".md").write_text(markdown(results))
    print(f"wrote {args.out}")
    return 0


def markdown(results: list[dict]) -> str:
    out = ["| stage | system | M chars/s (corpus) | M chars/s (1 MB line) | 200-letter token (ms) |",
           "|---|---|---:|---:|---:|"]
    for r in results:
        if "chars_per_s" in r:
            out.append(f"| {r['name']} | {r['system']} | {r['chars_per_s'] / 1e6:.2f} | "
                       f"{r.get('one_mb_line_chars_per_s', 0) / 1e6:.2f} | {r.get('glued_200_ms', '')} |")
    extra = [f"- {r['name']}: " + ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("name", "system"))
             for r in results if "chars_per_s" not in r]
    return "\n".join(out + [""] + extra) + "\n"


if __name__ == "__main__":
    sys.exit(main())
