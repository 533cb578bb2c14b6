"""Peer driver: run one stage of one Python peer over a file of units (one a line) and time it.

Runs inside benchmarks/.peers-venv (the peers' own interpreter); calls only the peers' public
APIs. Usage:

    python py_driver.py SYSTEM STAGE UNITS_FILE BUDGET_SECONDS [CLOCK]   # timing
    python py_driver.py SYSTEM STAGE UNITS_FILE 0 cpu --outputs OUT_FILE  # write outputs (JSON)

A UNITS_FILE ending in .jsonl holds one JSON string a line (units that contain line breaks).
Units are processed in order until all are done or BUDGET_SECONDS of measured time has passed;
CLOCK is ``cpu`` (this thread's CPU time, the default: robust on a shared machine) or ``wall``.
Units are timed in batches that grow until a batch takes ~50 ms, so reading the clock costs
nothing measurable. The last stdout line is JSON:
{"n_units", "n_chars", "seconds", "n_out", "init_s"} or {"error"}.
"""
from __future__ import annotations

import json
import sys
import time


def make(system: str, stage: str):
    """The peer's function for ``stage`` (str -> result), built once (not timed)."""
    if system == "klpt":
        if stage == "normalize":
            from klpt.preprocess import Preprocess
            p = Preprocess("Sorani", "Arabic")  # KLPT's default numeral="Latin"
            return lambda s: p.standardize(p.normalize(s))
        if stage == "tokenize":
            from klpt.tokenize import Tokenize
            t = Tokenize("Sorani", "Arabic")
            return t.word_tokenize
        if stage == "sentences":
            from klpt.tokenize import Tokenize
            t = Tokenize("Sorani", "Arabic")
            return t.sent_tokenize
    elif system == "asosoft":
        if stage == "normalize":
            import asosoft
            return asosoft.Normalize
    elif system == "ckb-textify":
        if stage == "normalize":
            from ckb_textify import Pipeline
            pipe = Pipeline()
            return pipe.normalize
        if stage == "tokenize":
            from ckb_textify.core.tokenizer import Tokenizer
            tok = Tokenizer()
            return tok.tokenize
    elif system == "kurdish-sorani-tools":
        if stage == "normalize":
            from kurdish_sorani_tools.normalizer import KurdishNormalizer
            return KurdishNormalizer.normalize
        if stage == "sentences":
            from kurdish_sorani_tools.sentence import KurdishSentence
            return KurdishSentence.split_sentences
    raise LookupError(f"{system} has no {stage} stage in this driver")


def size(result) -> int:
    if isinstance(result, (list, tuple)):
        return len(result)
    if isinstance(result, str):
        return len(result)
    return 1


def plain(result):
    if isinstance(result, str):
        return result
    if isinstance(result, (list, tuple)):
        return [plain(r) for r in result]
    return getattr(result, "text", str(result))


def main(argv: list[str]) -> int:
    system, stage, path, budget = argv[0], argv[1], argv[2], float(argv[3])
    clock = time.thread_time if (argv[4] if len(argv) > 4 else "cpu") == "cpu" else time.perf_counter
    outputs = argv[6] if len(argv) > 6 and argv[5] == "--outputs" else None
    try:
        t0 = time.perf_counter()
        fn = make(system, stage)
        fn("سڵاو کوردستان.")  # warm up lazy loading
        init_s = time.perf_counter() - t0
        with open(path, encoding="utf-8") as f:
            if path.endswith(".jsonl"):  # one JSON string a line: units may hold line breaks
                units = [json.loads(line) for line in f if line.strip()]
            else:
                units = f.read().split("\n")
                if units and units[-1] == "":
                    units.pop()
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return 0
    n_units = n_chars = n_out = 0
    elapsed = 0.0
    out_f = open(outputs, "w", encoding="utf-8") if outputs else None
    batch = 1
    try:
        while n_units < len(units):
            chunk = units[n_units:n_units + batch]
            results = []
            t = clock()
            for unit in chunk:
                results.append(fn(unit))
            spent = clock() - t
            elapsed += spent
            n_units += len(chunk)
            n_chars += sum(map(len, chunk))
            n_out += sum(map(size, results))
            if out_f is not None:
                for result in results:
                    out_f.write(json.dumps(plain(result), ensure_ascii=False) + "\n")
            if budget and elapsed >= budget:
                break
            if spent < 0.05 and batch < 1024:
                batch *= 2
    except Exception as exc:
        print(json.dumps({"error": f"{type(exc).__name__} on unit {n_units + 1}: {exc}"}))
        return 0
    finally:
        if out_f is not None:
            out_f.close()
    print(json.dumps({"n_units": n_units, "n_chars": n_chars, "seconds": elapsed, "n_out": n_out,
                      "init_s": round(init_s, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
