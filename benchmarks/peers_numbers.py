"""Peers' number functions next to ``sorani.numbers`` (imported by ``benchmarks/peers.py``).

Only writing numbers is offered by the peers: AsoSoft ``Number2Word`` (PyPI ``asosoft``) and
ckb-textify's ``Pipeline().normalize`` (digits → words, among other things). KLPT has no number
function (reported as such). The same expressions are given to every system:

* ``to_words readable``: integers (0–1000, then spread up to 10^15) written in words by each
  system, read back with ``sorani.numbers.parse``; share that reads back to the same integer.
* ``dev digits read``: the dev-set expressions written only in digits (``tests/fixtures/
  numbers_dev.tsv``); each system's words are read back and compared with the hand-checked value.
* ``chars_per_s``: each system's number function over corpus lines (for the peers: digits →
  words on the whole line; for sorani: ``find_numbers``).

Peer code runs in the peer venv through a subprocess, with a timeout; failures become rows with
an ``error`` field. Usage alone: ``python benchmarks/peers_numbers.py PEER_PYTHON``.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

PEER_SCRIPT = r"""
import json, sys, time
req = json.load(sys.stdin)
out = {}
systems = {}
try:
    from asosoft.Number2Word import Number2Word
    systems["asosoft"] = Number2Word
except Exception as exc:
    out["asosoft_error"] = repr(exc)
try:
    from ckb_textify import Pipeline
    _p = Pipeline()
    systems["ckb-textify"] = _p.normalize
except Exception as exc:
    out["ckb-textify_error"] = repr(exc)
try:
    import klpt
    out["klpt_note"] = "no number function"
except Exception as exc:
    out["klpt_error"] = repr(exc)
for name, fn in systems.items():
    res = {"ints": [], "dev": []}
    for key, items in (("ints", req["ints"]), ("dev", req["dev"])):
        for x in items:
            try:
                res[key].append(fn(str(x)))
            except Exception as exc:
                res[key].append(None)
    t0 = time.process_time()
    n = 0
    for line in req["lines"]:
        try:
            fn(line)
        except Exception:
            pass
        n += len(line)
    res["chars_per_s"] = n / max(time.process_time() - t0, 1e-9)
    out[name] = res
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def _integers() -> list[int]:
    rng = random.Random(7)
    ints = list(range(0, 1001))
    for digits in range(4, 16):
        ints += [rng.randrange(10 ** (digits - 1), 10 ** digits) for _ in range(40)]
    return ints


def _dev_digits() -> list[tuple[str, float]]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from sorani.evaluate.numbers import load_dev_set

    out = []
    for r in load_dev_set():
        text = r["expression"]
        if r["kind"] in ("cardinal", "decimal", "year") and all(ch.isdigit() or ch in ".,٫٬" for ch in text):
            out.append((text, r["value"]))
    return out


def _reads_back(words: str | None, value: float) -> bool:
    from sorani.numbers import parse

    if not words:
        return False
    try:
        return parse(words.replace("ھ", "ه").strip()) == value
    except ValueError:
        return False


def run(peer_python: str, data_dir: Path) -> list[dict]:
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.path.insert(0, str(HERE))
    from corpus import load_corpus

    from sorani.numbers import find_numbers, to_words

    ints = _integers()
    dev = _dev_digits()
    lines = load_corpus(max_chars=300_000, data=str(data_dir))
    rows: list[dict] = []

    # sorani itself on the same items
    ok = sum(_reads_back(to_words(n), n) for n in ints)
    rows.append({"name": "numbers: to_words readable", "system": "sorani", "metric": "accuracy",
                 "value": round(ok / len(ints), 4), "n": len(ints)})
    ok = sum(_reads_back(to_words(t), v) for t, v in dev)
    rows.append({"name": "numbers: dev digits read", "system": "sorani", "metric": "accuracy",
                 "value": round(ok / max(1, len(dev)), 4), "n": len(dev)})
    find_numbers("گەرم")  # load the data before timing, as the peers' imports are not timed
    t0 = time.process_time()  # CPU time, as make bench and the peers below
    for line in lines:
        find_numbers(line)
    rows.append({"name": "numbers: find_numbers", "system": "sorani",
                 "chars_per_s": round(sum(map(len, lines)) / (time.process_time() - t0))})

    req = {"ints": ints, "dev": [t for t, _ in dev], "lines": lines}
    try:
        proc = subprocess.run([peer_python, "-c", PEER_SCRIPT], input=json.dumps(req, ensure_ascii=False),
                              capture_output=True, text=True, timeout=600)
        got = json.loads(proc.stdout) if proc.stdout.strip() else {"error": proc.stderr[-500:]}
    except (subprocess.TimeoutExpired, OSError, json.JSONDecodeError) as exc:
        got = {"error": repr(exc)}
    for system in ("asosoft", "ckb-textify"):
        res = got.get(system)
        if not isinstance(res, dict):
            rows.append({"name": "numbers", "system": system,
                         "error": got.get(f"{system}_error") or got.get("error", "not run")})
            continue
        ok = sum(_reads_back(w, n) for w, n in zip(res["ints"], ints))
        rows.append({"name": "numbers: to_words readable", "system": system, "metric": "accuracy",
                     "value": round(ok / len(ints), 4), "n": len(ints)})
        ok = sum(_reads_back(w, v) for w, (_, v) in zip(res["dev"], dev))
        rows.append({"name": "numbers: dev digits read", "system": system, "metric": "accuracy",
                     "value": round(ok / max(1, len(dev)), 4), "n": len(dev)})
        rows.append({"name": "numbers: digits to words (whole line)", "system": system,
                     "chars_per_s": round(res["chars_per_s"])})
    rows.append({"name": "numbers", "system": "klpt",
                 "note": got.get("klpt_note") or got.get("klpt_error", "not run")})
    return rows


if __name__ == "__main__":  # pragma: no cover
    from sorani._data import shared_data_dir

    data = shared_data_dir()
    if data is None or len(sys.argv) < 2:
        sys.exit("usage: peers_numbers.py PEER_PYTHON (with ../shared/data or $SORANI_DATA)")
    for r in run(sys.argv[1], data):
        print(json.dumps(r, ensure_ascii=False))
