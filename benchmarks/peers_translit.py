"""Peers for transliteration: KLPT (PyPI ``klpt``) and AsoSoft (PyPI ``asosoft``) scored on the same
wergor pairs as ``sorani evaluate --task translit`` (exact word accuracy and character error rate,
both ways), plus their speed on a slice of the benchmark corpus.

The peers run inside the peers' virtual environment (``peer_python``) in a subprocess, each call
guarded (a crash counts as a wrong answer); nothing of theirs is imported here or copied.
Standalone: ``python benchmarks/peers_translit.py PEER_PYTHON`` prints the rows.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SPEED_CHARS = 30_000  # corpus slice for the peers' speed (they are slow)
TIMEOUT_S = 1200

# Runs in the peer environment: reads {"arabic": [...], "latin": [...], "lines": [...]} from
# argv[1], writes {"system": {"to_latin": [...], "to_arabic": [...], "cps_latin": x}} to argv[2].
PEER_CODE = r'''
import json, sys, time
inp = json.load(open(sys.argv[1], encoding="utf-8"))

def systems():
    out = {}
    try:
        from klpt.transliterate import Transliterate
        a2l = Transliterate("Sorani", "Arabic", target_script="Latin")
        l2a = Transliterate("Sorani", "Latin", target_script="Arabic")
        out["klpt"] = (a2l.transliterate, l2a.transliterate)
    except Exception as exc:
        print("klpt unavailable:", exc, file=sys.stderr)
    try:
        import asosoft
        out["asosoft"] = (asosoft.Ar2La, asosoft.La2Ar)
    except Exception as exc:
        print("asosoft unavailable:", exc, file=sys.stderr)
    return out

def safe(fn, text):
    try:
        res = fn(text)
        return res if isinstance(res, str) else ""
    except Exception:
        return ""

result = {}
for name, (a2l, l2a) in systems().items():
    r = {"to_latin": [safe(a2l, w).strip() for w in inp["arabic"]],
         "to_arabic": [safe(l2a, w).strip() for w in inp["latin"]]}
    n = sum(map(len, inp["lines"]))
    t = time.perf_counter()
    for line in inp["lines"]:
        safe(a2l, line)
    r["cps_latin"] = n / max(time.perf_counter() - t, 1e-9)
    result[name] = r
json.dump(result, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
'''


def run(peer_python: str, data_dir: Path) -> list[dict]:
    from corpus import load_corpus

    from sorani._translit_model import PAIRS, load_pairs
    from sorani.evaluate.translit import score

    path = Path(data_dir) / PAIRS
    if not path.exists():
        return []
    pairs = load_pairs(path)
    latin = [la for la, _ in pairs]
    arabic = [ar for _, ar in pairs]
    lines = load_corpus(max_chars=SPEED_CHARS, data=str(data_dir))
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.json", Path(tmp) / "out.json"
        inp.write_text(json.dumps({"arabic": arabic, "latin": latin, "lines": lines},
                                  ensure_ascii=False), encoding="utf-8")
        try:
            subprocess.run([peer_python, "-c", PEER_CODE, str(inp), str(out)], check=True,
                           timeout=TIMEOUT_S, capture_output=True, text=True)
            result = json.loads(out.read_text(encoding="utf-8"))
        except (subprocess.SubprocessError, OSError, ValueError) as exc:
            print(f"peers_translit: peers failed: {exc}", file=sys.stderr)
            return []
    rows: list[dict] = []
    n = len(pairs)
    for system, r in sorted(result.items()):
        acc, cer = score([p.lower() for p in r["to_latin"]], latin)
        rows.append({"name": "translit ar->latin word acc", "system": system, "metric": "word_acc",
                     "value": round(acc, 4), "n": n})
        rows.append({"name": "translit ar->latin CER", "system": system, "metric": "cer",
                     "value": round(cer, 4), "n": n})
        acc, cer = score(r["to_arabic"], arabic)
        rows.append({"name": "translit latin->ar word acc", "system": system, "metric": "word_acc",
                     "value": round(acc, 4), "n": n})
        rows.append({"name": "translit latin->ar CER", "system": system, "metric": "cer",
                     "value": round(cer, 4), "n": n})
        rows.append({"name": "to_latin", "system": system, "chars_per_s": round(r["cps_latin"]),
                     "n_chars": sum(map(len, lines))})
    return rows


if __name__ == "__main__":
    from sorani._data import shared_data_dir

    data = shared_data_dir()
    if len(sys.argv) < 2 or data is None:
        print("usage: python benchmarks/peers_translit.py PEER_PYTHON (with ../shared/data)",
              file=sys.stderr)
        sys.exit(1)
    for row in run(sys.argv[1], data):
        print(json.dumps(row, ensure_ascii=False))
