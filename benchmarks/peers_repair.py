"""Peers for keyboard repair and spelling: KLPT (``klpt``: Preprocess, Stem.check_spelling /
correct_spelling) and AsoSoft (``asosoft.Normalize``), run in the peer venv through a subprocess.

``run(peer_python, data_dir)`` returns rows like the ones of ``sorani evaluate --task repair`` /
``--task spelling`` (same word-accuracy definition, imported from sorani.evaluate.repair) plus
speeds. Standalone: ``python benchmarks/peers_repair.py PEER_PYTHON [DATA_DIR]``.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TIMEOUT = 900
MAX_SPELL_WORDS = 300     # KLPT's corrector is slow: a sample of the spelling set
MAX_NEWS_WORDS = 3000

# runs inside the peer venv; prints {"outputs": {...}, "rows": [...]} as JSON
PEER_CODE = r'''
import csv, json, re, sys, time
data = sys.argv[1]
res = {"typed": {}, "rows": []}
pairs = {}
for name in ("sorani-typed-as-arabic", "sorani-typed-as-persian"):
    lines = open(f"{data}/gold/normalize/{name}.tsv", encoding="utf-8").read().splitlines()
    pairs[name] = [l.split("\t", 1)[0] for l in lines if "\t" in l]
try:
    import asosoft
    res["typed"]["asosoft"] = {n: [asosoft.Normalize(t) for t in ts] for n, ts in pairs.items()}
except Exception as exc:
    res["rows"].append({"name": "asosoft", "error": repr(exc)[:200]})
try:
    from klpt.preprocess import Preprocess
    p = Preprocess("Sorani", "Arabic", numeral="Latin")
    res["typed"]["klpt"] = {n: [p.preprocess(t) for t in ts] for n, ts in pairs.items()}
except Exception as exc:
    res["rows"].append({"name": "klpt preprocess", "error": repr(exc)[:200]})
try:
    from klpt.stem import Stem
    st = Stem("Sorani", "Arabic")
    words = json.loads(sys.argv[2])
    news = json.loads(sys.argv[3])
    flags = {}
    t0 = time.perf_counter()
    for w in news:
        flags[w] = bool(st.check_spelling(w))
    dt = time.perf_counter() - t0
    res["news_ok"] = flags
    res["check_chars_per_s"] = sum(map(len, news)) / max(dt, 1e-9)
    sugg = {}
    t0 = time.perf_counter()
    for w in words:
        ok, cands = st.correct_spelling(w)
        sugg[w] = [bool(ok), list(cands)[:5]]
    res["suggest"] = sugg
    res["suggest_words_per_s"] = len(words) / max(time.perf_counter() - t0, 1e-9)
except Exception as exc:
    res["rows"].append({"name": "klpt spell", "error": repr(exc)[:200]})
print(json.dumps(res, ensure_ascii=False))
'''


def run(peer_python: str, data_dir: Path) -> list[dict]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from sorani.evaluate.repair import _load_pairs, _spelling_rows, word_matches
    from sorani.repair import _WORD_RE

    errors, _correct = _spelling_rows(data_dir)
    errors = errors[:MAX_SPELL_WORDS]
    news_text = (data_dir / "gold" / "sentences" / "interdialect-news-ckb.txt").read_text(encoding="utf-8")
    news = _WORD_RE.findall(news_text)[:MAX_NEWS_WORDS]
    try:
        out = subprocess.run([peer_python, "-c", PEER_CODE, str(data_dir),
                              json.dumps([w for w, _ in errors], ensure_ascii=False),
                              json.dumps(news, ensure_ascii=False)],
                             capture_output=True, text=True, timeout=TIMEOUT)
        res = json.loads(out.stdout.strip().splitlines()[-1])
    except Exception as exc:  # peers may be missing, slow or crash
        return [{"name": "repair/spelling peers", "system": "klpt/asosoft", "error": repr(exc)[:300]}]
    rows: list[dict] = [dict(r, system="peer") for r in res.get("rows", [])]
    for system, outputs in res.get("typed", {}).items():
        for name, outs in outputs.items():
            gold = [g for _, g in _load_pairs(data_dir / "gold" / "normalize" / f"{name}.tsv")]
            ok = total = 0
            for o, g in zip(outs, gold):
                a, b = word_matches(o, g)
                ok += a
                total += b
            rows.append({"name": f"repair word_acc:{name}", "system": system, "metric": "word_acc",
                         "value": round(ok / max(total, 1), 4), "n": total})
    if "news_ok" in res:
        flags = sum(1 for w in news if not res["news_ok"].get(w, True))
        rows.append({"name": "spelling false_flags:news", "system": "klpt", "metric": "false_flags",
                     "value": round(flags / max(len(news), 1), 4), "n": len(news)})
        rows.append({"name": "spell_check", "system": "klpt",
                     "chars_per_s": round(res["check_chars_per_s"])})
    if "suggest" in res:
        top1 = top5 = detected = 0
        for w, golds in errors:
            ok, cands = res["suggest"].get(w, [True, []])
            detected += not ok
            top1 += bool(cands) and cands[0] in golds
            top5 += any(g in cands[:5] for g in golds)
        n = len(errors)
        rows += [{"name": "spelling detect_recall", "system": "klpt", "metric": "detect_recall",
                  "value": round(detected / max(n, 1), 4), "n": n},
                 {"name": "spelling top1", "system": "klpt", "metric": "top1",
                  "value": round(top1 / max(n, 1), 4), "n": n},
                 {"name": "spelling top5", "system": "klpt", "metric": "top5",
                  "value": round(top5 / max(n, 1), 4), "n": n},
                 {"name": "spell_suggest", "system": "klpt",
                  "words_per_s": round(res["suggest_words_per_s"], 1), "n": n}]
    return rows


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(here / "src"))
    from sorani._data import shared_data_dir

    data = Path(sys.argv[2]) if len(sys.argv) > 2 else shared_data_dir()
    for r in run(sys.argv[1], data):
        print(json.dumps(r, ensure_ascii=False))
