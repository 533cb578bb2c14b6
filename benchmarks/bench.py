"""`make bench`: speed and memory of each sorani stage on the Sorani corpora in ../shared/data.

Writes benchmarks/results.json (a list of {"name", "system", "chars_per_s", "n_chars", ...}) and
benchmarks/results.md. One core, one process. Each stage runs over the whole corpus as documents
(a file, or 100 TED segments: `chars_per_s`), over its first million characters as lines (one
call a line: `line_chars_per_s`, where per-call overhead shows), on one 1 MB line and on one
200-letter glued token. Usage: python benchmarks/bench.py [--stage NAME ...] [--max-chars N]
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import load_corpus, load_documents  # noqa: E402

# stage -> "module:function" applied to each corpus line (later stages add theirs)
STAGES: dict[str, str] = {
    "normalize": "sorani.normalize:normalize",
    "normalize_with_offsets": "sorani.normalize:normalize_with_offsets",
    "tokenize": "sorani.tokenize:tokenize",  # every Token object built (consumed)
    "tokenize.texts": "bench:token_texts",    # the token strings alone
    "tokenize.split": "bench:token_split",    # the TokenList only: objects are made on first use
    "tokenize.fields": "bench:token_fields",  # every Token built and its text/start/end/kind read
    "sentences": "sorani.sentences:sentences",
    "analyze": "sorani.doc:analyze",
    "find_numbers": "sorani.numbers:find_numbers",
    "facts": "sorani.facts:extract_facts",
    "identify": "sorani.langid:identify",
    "repair": "sorani.repair:repair",
    "repair.typed.arabic": "bench:repair_typed_arabic",   # retyped TED text, see typed_lines
    "repair.typed.persian": "bench:repair_typed_persian",
    "spell_check": "sorani.spell:check_text",
    "spell_suggest": "bench:spell_suggest",  # words/s: suggest(word, 5) on the misspelled words of gold/spelling
    "lemmatize": "sorani.morphology:lemmatize_text",
    "to_latin": "sorani.translit:to_latin",
    "to_arabic": "translit_stages:to_arabic_of_latin",
}

# CPU time of this process: on a shared machine wall time counts other programs' work too;
# `--clock wall` measures wall time instead
CLOCK = time.process_time

GLUED = "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8  # ~200 letters, no space


def token_texts(text: str) -> list[str]:
    """The tokens' strings without Token objects (``tokenize(text).texts()``)."""
    from sorani import tokenize

    return tokenize(text).texts()


def token_split(text: str) -> int:
    """What ``tokenize(text)`` itself does: the TokenList (pieces and their spans), no objects."""
    from sorani import tokenize

    return len(tokenize(text))


def token_fields(text: str) -> int:
    """What a user of ``tokenize`` does: every token's text, start, end and kind read."""
    from sorani import tokenize

    n = 0
    for t in tokenize(text):
        t.text, t.start, t.end, t.kind
        n += 1
    return n


def spell_suggest(word: str) -> list[str]:
    """Five corrections of one misspelled word. Measured in words per second over the misspelled
    words of ``gold/spelling`` (one cold pass: every word is new to the caches), not over the
    corpus."""
    from sorani.spell import suggest

    return suggest(word, 5)


def _misspelled_words() -> list[str]:
    from sorani._data import shared_data_dir
    from sorani.evaluate.repair import _spelling_rows

    data = shared_data_dir()
    return [w for w, _ in _spelling_rows(data)[0]] if data else []


spell_suggest.bench_words = _misspelled_words  # type: ignore[attr-defined]


def typed_lines(keyboard: str, max_lines: int = 3000) -> list[str]:
    """Text that needs repair: the TED transcripts (``corpus/ted-ckb/TED_train_ku.txt``, Apache-2.0;
    up to ``max_lines`` lines, normalized) typed again word by word with the simulated ``keyboard``
    ("arabic" or "persian") of ``scripts/repair_synthetic.py`` (``type_word``, seeded
    ``random.Random(1)``): the corpus is mostly standard text, which repair passes through."""
    from sorani._data import shared_data_dir
    from sorani.normalize import normalize

    sys.path.insert(0, str(HERE.parent / "scripts"))
    from repair_synthetic import type_word

    data = shared_data_dir()
    path = data / "corpus" / "ted-ckb" / "TED_train_ku.txt" if data else None
    if path is None or not path.exists():
        return []
    lines = [normalize(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()][:max_lines]
    rng = random.Random(1)
    return [" ".join(type_word(w, keyboard, rng) for w in ln.split()) for ln in lines]


def _repair_typed(keyboard: str):  # type: ignore[no-untyped-def]
    """The stage ``repair`` measured over TED text retyped on the simulated ``keyboard``
    (``typed_lines``)."""
    def stage(text: str) -> str:
        from sorani.repair import repair

        return repair(text)

    stage.bench_lines = lambda: typed_lines(keyboard)  # type: ignore[attr-defined]
    return stage


repair_typed_arabic = _repair_typed("arabic")
repair_typed_persian = _repair_typed("persian")


def measure_lines(name: str, fn, lines: list[str]) -> dict:
    """Characters per CPU second of ``fn`` called once a line: a cold first pass (every cache
    empty but the loaded models; the load, by one call, timed apart) and a warm second pass."""
    t0 = CLOCK()
    fn("\u0626\u06d5\u0648")
    load = CLOCK() - t0
    n_chars = sum(map(len, lines))
    passes = []
    for _ in range(2):
        t0 = CLOCK()
        for line in lines:
            consume(fn(line))
        passes.append(CLOCK() - t0)
    return {"name": name, "system": "sorani", "typed_chars_per_s": round(n_chars / max(passes[0], 1e-9)),
            "warm_chars_per_s": round(n_chars / max(passes[1], 1e-9)), "n_chars": n_chars,
            "n_lines": len(lines), "load_s": round(load, 2),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def measure_words(name: str, fn, words: list[str]) -> dict:
    """Words per second of ``fn`` over ``words``, one cold pass (the data loaded first)."""
    fn("گەرم")
    t0 = CLOCK()
    for w in words:
        consume(fn(w))
    dt = CLOCK() - t0
    return {"name": name, "system": "sorani", "words_per_s": round(len(words) / max(dt, 1e-9)),
            "n_words": len(words), "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def resolve(spec: str):
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)


def time_stage(fn, units: list[str], min_seconds: float = 0.5) -> float:
    """Characters per second of ``fn`` over all units (repeated until ``min_seconds``). Lazy
    results (a token list) are consumed, so the work is really done."""
    n_chars = sum(map(len, units))
    rounds, elapsed = 0, 0.0
    while elapsed < min_seconds:
        t0 = CLOCK()
        for unit in units:
            consume(fn(unit))
        elapsed += CLOCK() - t0
        rounds += 1
    return n_chars * rounds / elapsed


def consume(result) -> None:
    """Materialize lazy results: sequences are iterated once, a Doc's tokens too."""
    if hasattr(result, "tokens"):
        result = result.tokens
    if hasattr(result, "__iter__") and not isinstance(result, (str, bytes, dict)):
        for _ in result:
            pass


def time_once(fn, text: str) -> float:
    t0 = CLOCK()
    consume(fn(text))
    return CLOCK() - t0


def import_time_ms(repeat: int = 7) -> float:
    """Median time (the chosen clock) of `import sorani` in a fresh interpreter."""
    clock = "process_time" if CLOCK is time.process_time else "perf_counter"
    code = f"import time;t=time.{clock}();import sorani;print(time.{clock}()-t)"

    def run() -> float:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return float(out.stdout)
    times = sorted(run() for _ in range(repeat))
    return times[len(times) // 2] * 1000


def interpreter() -> dict:
    """Which Python ran the stages: the same code runs about 20% faster on a CPython built with
    profile-guided and link-time optimization (Debian's python3.11) than on one built without
    (a default ``pyenv install``), so figures are compared on one interpreter."""
    return {"name": "interpreter", "system": "sorani", "python": sys.version.split()[0],
            "executable": str(Path(sys.executable).resolve())}


def measure(name: str, docs: list[str], lines: list[str], big_line: str) -> dict:
    """One stage's figures. The first pass over the documents is cold: caches start empty, as
    they do for a new corpus (each stage runs in a fresh process, see ``main``)."""
    fn = resolve(STAGES[name])
    if hasattr(fn, "bench_words"):  # a stage measured in words per second
        return measure_words(name, fn, fn.bench_words())
    if hasattr(fn, "bench_lines"):  # a stage measured on its own lines
        return measure_lines(name, fn, fn.bench_lines())
    fn("گەرم")  # load data lazily before timing
    cps = time_stage(fn, docs)
    line_cps = time_stage(fn, lines)
    t_line = time_once(fn, big_line)
    t_glued = time_once(fn, GLUED)
    return {"name": name, "system": "sorani", "chars_per_s": round(cps), "n_chars": sum(map(len, docs)),
            "line_chars_per_s": round(line_cps),
            "one_mb_line_chars_per_s": round(len(big_line) / t_line),
            "glued_200_ms": round(t_glued * 1000, 3),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stage", action="append", choices=sorted(STAGES))
    ap.add_argument("--max-chars", type=int, default=None, help="cap the corpus size")
    ap.add_argument("--out", default=str(HERE / "results.json"))
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                    help="cpu: this process's CPU time (default); wall: elapsed time")
    ap.add_argument("--in-process", action="store_true",
                    help="run the stages in this process (they then share caches) and print JSON rows")
    args = ap.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter

    docs = load_documents(max_chars=args.max_chars)
    if not docs:
        print("bench: corpus not found (../shared/data or $SORANI_DATA)", file=sys.stderr)
        return 1
    lines = load_corpus(max_chars=min(args.max_chars or 1_000_000, 1_000_000))
    if args.in_process:
        big_line = " ".join(lines)[: 1 << 20]
        for name in args.stage or STAGES:
            print(json.dumps(measure(name, docs, lines, big_line)), flush=True)
        return 0

    results = [{"name": "import sorani", "system": "sorani", "ms": round(import_time_ms(), 1)},
               interpreter()]
    print(f"corpus: {len(docs)} documents, {sum(map(len, docs))} chars; import sorani {results[0]['ms']} ms")
    print(f"{'stage':24s} {'docs M c/s':>10s} {'lines M c/s':>11s} {'1 MB line':>10s} {'200-letter ms':>13s}"
          f" {'peak MB':>8s}")
    for name in args.stage or STAGES:  # a fresh process a stage: no cache warmed by another
        cmd = [sys.executable, __file__, "--in-process", "--stage", name, "--clock", args.clock]
        if args.max_chars:
            cmd += ["--max-chars", str(args.max_chars)]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{name:24s} failed: {out.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(r)
        if "words_per_s" in r:
            print(f"{name:24s} {r['words_per_s']} words/s ({r['n_words']} words)", flush=True)
            continue
        if "typed_chars_per_s" in r:
            print(f"{name:24s} {r['typed_chars_per_s'] / 1e6:10.3f} cold, {r['warm_chars_per_s'] / 1e6:.3f} warm"
                  f" ({r['n_lines']} lines, {r['n_chars']} chars; load {r['load_s']} s) {r['max_rss_mb']:8.1f}",
                  flush=True)
            continue
        print(f"{name:24s} {r['chars_per_s'] / 1e6:10.2f} {r['line_chars_per_s'] / 1e6:11.2f}"
              f" {r['one_mb_line_chars_per_s'] / 1e6:10.2f} {r['glued_200_ms']:13.3f} {r['max_rss_mb']:8.1f}",
              flush=True)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    Path(args.out).with_suffix(".md").write_text(markdown(results, args.clock))
    print(f"wrote {args.out}")
    return 0


def markdown(results: list[dict], clock: str = "cpu") -> str:
    unit = "per CPU second" if clock == "cpu" else "per second of wall time"
    out = [f"Million characters {unit}, one core; documents: a corpus file or 100 TED segments a call;",
           "lines: one call a line (first 1 M chars); each stage in a fresh process (cold caches).", "",
           "| stage | documents | lines | 1 MB line | 200-letter token (ms) | peak memory (MB) |",
           "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        if "chars_per_s" in r:
            out.append(f"| {r['name']} | {r['chars_per_s'] / 1e6:.2f} | {r['line_chars_per_s'] / 1e6:.2f} | "
                       f"{r['one_mb_line_chars_per_s'] / 1e6:.2f} | {r['glued_200_ms']} | {r['max_rss_mb']} |")
    extra = [f"- {r['name']}: " + ", ".join(f"{k} {v}" for k, v in r.items() if k not in ("name", "system"))
             for r in results if "chars_per_s" not in r]
    return "\n".join(out + [""] + extra) + "\n"


if __name__ == "__main__":
    sys.exit(main())
