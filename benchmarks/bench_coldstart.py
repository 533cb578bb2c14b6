"""Cold start of ``sorani facts``: in a fresh process, the time of ``import sorani`` (with
``sorani.facts``), of the first ``extract_facts`` on a 4 KB article and of a second call.

The article is the first 4096 bytes of ../shared/examples/news-article-karabakh.txt (cut at a
character boundary; the whole article is 3956 bytes, 2139 characters). Each figure is the median of several fresh processes, CPU time
(``time.process_time``) and wall time. Two set-ups: ``no cache`` (SORANI_NO_CACHE=1: every regex
compiled by ``re``) and ``warm cache`` (the compiled-regex cache of ``sorani._data`` filled by
an earlier process, as after the first run on a machine). Byte code is written before timing (as
for an installed package). Writes benchmarks/coldstart-results.md (or --out).
Usage: python benchmarks/bench_coldstart.py [--runs N] [--out FILE] [--label TEXT] [--append]
(``--label``/``--append`` add rows for another checkout, e.g. ``PYTHONPATH=/tmp/old/src``).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import json, sys, time
c0, w0 = time.process_time(), time.perf_counter()
import sorani, sorani.facts
c1, w1 = time.process_time(), time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
c1b, w1b = time.process_time(), time.perf_counter()
first = sorani.facts.extract_facts(text)
c2, w2 = time.process_time(), time.perf_counter()
sorani.facts.extract_facts(text)
c3, w3 = time.process_time(), time.perf_counter()
print(json.dumps({"import_cpu": c1 - c0, "import_wall": w1 - w0, "first_cpu": c2 - c1b,
                  "first_wall": w2 - w1b, "second_cpu": c3 - c2, "second_wall": w3 - w2}))
"""


def article_4k() -> str:
    sys.path.insert(0, str(HERE.parent / "src"))
    from sorani._data import shared_data_dir

    data = shared_data_dir()
    candidates = [HERE.parents[2] / "shared" / "examples" / "news-article-karabakh.txt"]
    if data is not None:
        candidates.insert(0, data.parent / "examples" / "news-article-karabakh.txt")
    for path in candidates:
        if path.exists():
            return path.read_bytes()[:4096].decode("utf-8", "ignore")
    sys.exit("bench_coldstart: ../shared/examples/news-article-karabakh.txt not found")


def run(text_file: str, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, text_file], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--out", default=str(HERE / "coldstart-results.md"))
    ap.add_argument("--label", default="", help="prefix of the set-up names (which code ran)")
    ap.add_argument("--append", action="store_true", help="add the rows to the --out table")
    args = ap.parse_args()
    text = article_4k()
    with tempfile.TemporaryDirectory() as tmp:
        text_file = os.path.join(tmp, "article-4k.txt")
        with open(text_file, "w", encoding="utf-8") as fh:
            fh.write(text)
        base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",
                                                                 "SORANI_NO_CACHE")}
        base["SORANI_CACHE_DIR"] = os.path.join(tmp, "cache")
        setups = {"no cache": dict(base, SORANI_NO_CACHE="1"), "warm cache": base}
        run(text_file, base)  # writes the byte code and fills the cache
        rows = []
        for name, env in setups.items():
            runs = [run(text_file, env) for _ in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) * 1000 for k in runs[0]}
            rows.append((f"{args.label} {name}".strip(), med))
    lines = [f"Cold start of `sorani facts` on a 4 KB article ({len(text)} chars, "
             f"{len(text.encode())} bytes), median of {args.runs} fresh processes, ms "
             f"(Python {sys.version.split()[0]}). `first` is the first `extract_facts` after "
             "`import sorani, sorani.facts`.", "",
             "| set-up | import CPU | import wall | first CPU | first wall | second CPU | second wall |",
             "|---|---|---|---|---|---|---|"]
    for name, m in rows:
        lines.append(f"| {name} | {m['import_cpu']:.1f} | {m['import_wall']:.1f} | {m['first_cpu']:.1f} "
                     f"| {m['first_wall']:.1f} | {m['second_cpu']:.1f} | {m['second_wall']:.1f} |")
    out = Path(args.out)
    if args.append and out.exists():
        lines = out.read_text(encoding="utf-8").rstrip("\n").split("\n") + lines[4:]
    report = "\n".join(lines) + "\n"
    print(report)
    out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
