"""Peers for morphology: Lucene's SoraniStemmer (Debian liblucene8-java) on the stemming task, and
KLPT's lemmatizer/stemmer when the peers venv has it.

Lucene is driven by a tiny Java program written to a temporary directory and compiled at bench
time (nothing compiled is kept in the repository): it reads one word a line and prints
SoraniNormalizer + SoraniStemmer output.  Used by benchmarks/peers.py; also runnable alone:
``python benchmarks/peers_morphology.py`` prints the rows.
"""
from __future__ import annotations

import glob
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JAVA = r"""
import org.apache.lucene.analysis.ckb.SoraniNormalizer;
import org.apache.lucene.analysis.ckb.SoraniStemmer;
import java.io.*;
public class SoraniStem {
  public static void main(String[] args) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
    SoraniNormalizer n = new SoraniNormalizer();
    SoraniStemmer s = new SoraniStemmer();
    String line;
    while ((line = r.readLine()) != null) {
      char[] c = line.toCharArray();
      int len = n.normalize(c, c.length);
      len = s.stem(c, len);
      out.println(new String(c, 0, len));
    }
    out.flush();
  }
}
"""


def lucene_classpath() -> str | None:
    jars = glob.glob("/usr/share/java/lucene-core-8*.jar") + glob.glob("/usr/share/java/lucene-analyzers-common-8*.jar")
    return ":".join(jars) if len(jars) >= 2 else None


def lucene_stems(words: list[str], timeout: float = 300) -> list[str] | None:
    """Lucene's stems of ``words`` (None when Java or Lucene is unavailable)."""
    cp = lucene_classpath()
    if cp is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "SoraniStem.java"
        src.write_text(JAVA, encoding="utf-8")
        try:
            subprocess.run(["javac", "-cp", cp, "-d", tmp, str(src)], check=True, capture_output=True, timeout=timeout)
            out = subprocess.run(["java", "-cp", f"{cp}:{tmp}", "SoraniStem"], input="\n".join(words) + "\n",
                                 capture_output=True, text=True, check=True, timeout=timeout, encoding="utf-8")
        except (OSError, subprocess.SubprocessError):
            return None
    stems = out.stdout.split("\n")[: len(words)]
    return stems if len(stems) == len(words) else None


KLPT_SCRIPT = r"""
import json, sys
from klpt.stem import Stem
st = Stem("Sorani", "Arabic")
out = []
for w in json.load(sys.stdin):
    try:
        lem = st.lemmatize(w)
        lem = lem[0] if isinstance(lem, list) and lem else (lem if isinstance(lem, str) else w)
    except Exception:
        lem = w
    try:
        stm = st.stem(w)
        stm = stm[0] if isinstance(stm, list) and stm else (stm if isinstance(stm, str) else w)
    except Exception:
        stm = w
    out.append([lem, stm])
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def klpt_outputs(peer_python: str, words: list[str], timeout: float = 600) -> list[tuple[str, str]] | None:
    try:
        out = subprocess.run([peer_python, "-c", KLPT_SCRIPT], input=json.dumps(words, ensure_ascii=False),
                             capture_output=True, text=True, timeout=timeout, encoding="utf-8")
        res = json.loads(out.stdout)
        return [(a, b) for a, b in res]
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def run(peer_python: str | None, data_dir: Path) -> list[dict]:
    from sorani.evaluate.morphology import _lemma_ok, conflation, unimorph_rows

    rows = unimorph_rows(data_dir)
    items = [(lemma, form) for lemma, form, _, _ in rows]
    forms = sorted({f for _, f in items})
    results: list[dict] = []
    t0 = time.perf_counter()
    stems = lucene_stems(forms)
    if stems is not None:
        table = dict(zip(forms, stems))
        ok, false, n_same, n_conf = conflation(items, table.__getitem__)
        results.append({"name": "stem: same-lemma pairs conflated", "system": "lucene", "metric": "share",
                        "value": round(ok, 4), "n": n_same})
        results.append({"name": "stem: false conflations", "system": "lucene", "metric": "share",
                        "value": round(false, 4), "n": n_conf, "seconds": round(time.perf_counter() - t0, 2)})
    if peer_python:
        outs = klpt_outputs(peer_python, forms)
        if outs is not None:
            lem = {f: o[0] for f, o in zip(forms, outs)}
            stm = {f: o[1] for f, o in zip(forms, outs)}
            for split in ("dev", "all"):
                sel = [r for r in rows if split == "all" or r[3] == split]
                acc = sum(_lemma_ok(lem[f], l) for l, f, _, _ in sel) / max(1, len(sel))
                results.append({"name": f"lemma accuracy ({split})", "system": "klpt", "metric": "accuracy",
                                "value": round(acc, 4), "n": len(sel)})
            ok, false, n_same, n_conf = conflation(items, stm.__getitem__)
            results.append({"name": "stem: same-lemma pairs conflated", "system": "klpt", "metric": "share",
                            "value": round(ok, 4), "n": n_same})
            results.append({"name": "stem: false conflations", "system": "klpt", "metric": "share",
                            "value": round(false, 4), "n": n_conf})
    return results


if __name__ == "__main__":
    from sorani._data import shared_data_dir

    data = shared_data_dir()
    if data is None:
        sys.exit("shared data not found")
    peer = sys.argv[1] if len(sys.argv) > 1 else None
    for r in run(peer, data):
        print(json.dumps(r, ensure_ascii=False))
