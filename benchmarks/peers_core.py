"""Peers of the foundation stages: normalize, tokenize, sentences, and Lucene's analyzer chain.

Also compares the *decisions* of ``sorani.normalize(profile="search")`` with Lucene's
SoraniNormalizer on the same words and writes peers-normalize-diff.md beside peers-results.json.
"""
from __future__ import annotations

import difflib
import json
import shutil
import subprocess
import time
import unicodedata
from collections import Counter
from pathlib import Path

import peerkit
from peerkit import PeerError, peer_row, run_python_driver, settings

import sorani
from sorani.doc import analyze
from sorani.normalize import normalize
from sorani.sentences import sentences
from sorani.tokenize import tokenize

HERE = Path(__file__).resolve().parent
# Examples quoted in the diff report come only from sources whose licence allows it
EXAMPLE_SOURCES = ("corpus/ted-ckb",)  # Apache-2.0; the typed-as sets are Apache-2.0 too
DIFF_NAME = "peers-normalize-diff.md"  # written beside peers-results.json


def _search(text: str) -> str:
    return normalize(text, profile="search")


SORANI = {
    "normalize": normalize,
    "normalize(search)": _search,
    "tokenize": tokenize,
    "sentences": sentences,
    "analyze": analyze,
}

# (stage, system, driver stage, sorani stage, note)
PYTHON_PEERS = [
    ("normalize", "klpt", "normalize", "normalize",
     "Preprocess.normalize + standardize (both also turn digits Latin)"),
    ("normalize", "asosoft", "normalize", "normalize", "Normalize() defaults"),
    ("normalize", "kurdish-sorani-tools", "normalize", "normalize",
     "KurdishNormalizer.normalize: 9 str.replace, no context rules"),
    ("normalize", "ckb-textify", "normalize", "normalize",
     "Pipeline().normalize: TTS verbalization (numbers, symbols to words), a different task"),
    ("tokenize", "klpt", "tokenize", "tokenize", "Tokenize.word_tokenize (lexicon, MWE)"),
    ("tokenize", "ckb-textify", "tokenize", "tokenize", "core.tokenizer.Tokenizer.tokenize"),
    ("sentences", "klpt", "sentences", "sentences", "Tokenize.sent_tokenize"),
    ("sentences", "kurdish-sorani-tools", "sentences", "sentences",
     "KurdishSentence.split_sentences: one regex split"),
]
ABSENT = [
    ("tokenize", "asosoft", "asosoft has no word tokenizer"),
    ("sentences", "asosoft", "asosoft has no sentence splitter"),
]


def python_rows(peer_python: str) -> list[dict]:
    s = settings()
    rows = []
    for stage, system, driver_stage, sorani_stage, note in PYTHON_PEERS:
        status = s.installed.get(system, "not requested")
        if status != "ok":
            rows.append({"name": stage, "system": system, "error": status})
            continue

        def measure(system=system, driver_stage=driver_stage):
            return run_python_driver(peer_python, "py_driver.py",
                                     [system, driver_stage, str(s.corpus_file), str(s.budget_s), s.clock])
        rows.append(peer_row(stage, system, measure, sorani_stage, SORANI[sorani_stage], note=note))
    for stage, system, why in ABSENT:
        if s.installed.get(system) == "ok":
            rows.append({"name": stage, "system": system, "error": why})
    return rows


# ---- Lucene ---------------------------------------------------------------------------------

def compile_lucene() -> Path:
    """Compile peer_drivers/LuceneSorani.java against the Debian jars; the class directory."""
    s = settings()
    if s.lucene_classpath is None:
        raise PeerError(s.lucene_status)
    javac = shutil.which("javac")
    if javac is None:
        raise PeerError("javac not found")
    out = peerkit.CACHE / "lucene-classes"
    out.mkdir(parents=True, exist_ok=True)
    src = peerkit.DRIVERS / "LuceneSorani.java"
    try:
        res = subprocess.run([javac, "-encoding", "UTF-8", "-d", str(out), "-cp", s.lucene_classpath,
                              str(src)], capture_output=True, text=True, timeout=300)
    except (subprocess.SubprocessError, OSError) as exc:
        raise PeerError(f"javac failed: {exc}") from None
    if res.returncode != 0:
        raise PeerError("javac failed: " + peerkit._tail(res.stderr))
    return out


def java_cmd(classes: Path, *args: str) -> list[str]:
    java = shutil.which("java") or "java"
    cp = f"{classes}{peerkit.os.pathsep}{settings().lucene_classpath}"
    return [java, "-Xmx2g", "-cp", cp, "LuceneSorani", *args]


LUCENE = [  # (stage in the driver, our stage name, sorani stage, note)
    ("normalize", "normalize", "normalize(search)",
     "WhitespaceTokenizer + SoraniNormalizationFilter (tokenizing included)"),
    ("tokenize", "tokenize", "tokenize", "StandardTokenizer (UAX #29)"),
    ("analyzer", "analyzer chain", "analyze",
     "SoraniAnalyzer: StandardTokenizer, normalization, lowercase, digits, stopwords, stemmer"),
]


def lucene_rows() -> tuple[list[dict], Path | None]:
    s = settings()
    try:
        classes = compile_lucene()
        res = peerkit.run_subprocess(java_cmd(classes, "bench", str(s.corpus_file), "1.0", s.clock),
                                     timeout=s.budget_s * 6 + s.startup_s)
    except PeerError as exc:
        return [{"name": stage, "system": "lucene", "error": str(exc)} for _, stage, _, _ in LUCENE], None
    rows = []
    for key, stage, sorani_stage, note in LUCENE:
        r = res.get(key)

        def measure(r=r, key=key):
            if not r:
                raise PeerError(f"no {key} figure from the JVM")
            return {"n_units": len(s.lines), "seconds": r["seconds"], "n_out": r["n_out"],
                    "rounds": r["rounds"], "first_pass_chars_per_s":
                    round(sum(map(len, s.lines)) / r["first_s"]) if r["first_s"] else None}
        rows.append(peer_row(stage, "lucene", measure, sorani_stage, SORANI[sorani_stage],
                             note=note + "; in-JVM, after a warm-up pass"))
    return rows, classes


# ---- sorani alone: whole prefix, per line and per document ----------------------------------

def sorani_rows() -> list[dict]:
    s = settings()
    rows = []
    for unit, units in (("line", s.lines), ("document", s.documents)):
        if not units:
            continue
        n = sum(map(len, units))
        for stage in ("normalize", "normalize(search)", "tokenize", "sentences", "analyze"):
            cps = peerkit.sorani_chars_per_s(f"{stage}/{unit}", SORANI[stage], units)
            rows.append({"name": stage, "system": "sorani", "unit": unit, "chars_per_s": cps,
                         "n_chars": n, "n_units": len(units),
                         "note": "whole prefix"})
            print(f"  {stage:22s} {'sorani per ' + unit:28s} {cps / 1e6:10.2f} M chars/s on {n} chars",
                  flush=True)
    return rows


# ---- decisions: sorani search profile vs Lucene SoraniNormalizer ------------------------------

def _show(chunk: str) -> str:
    if not chunk:
        return "∅"
    return " ".join(f"{c if unicodedata.category(c)[0] not in 'CZ' else ''}"
                    f"<U+{ord(c):04X} {unicodedata.name(c, '?')}>" for c in chunk)


def _where(i1: int, i2: int, n: int) -> str:
    if i1 == 0 and i2 >= n:
        return "whole word"
    if i1 == 0:
        return "word-initial"
    if i2 >= n:
        return "word-final"
    return "medial"


def _differences(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """The differing spans of ``a`` and ``b`` (difflib), an equal-length replacement split into
    single characters so that two neighbouring one-letter differences count apart."""
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            out += [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2)) if a[i] != b[j]]
        else:
            out.append((i1, i2, j1, j2))
    return out


def typed_as_words(data_dir: Path) -> Counter:
    words: Counter = Counter()
    for path in sorted((data_dir / "gold" / "normalize").glob("sorani-typed-as-*.tsv")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            typed = line.split("\t")[0]
            words.update(t.text for t in tokenize(typed) if t.kind == "word")
    return words


def normalize_diff(classes: Path, data_dir: Path) -> dict:
    """Compare sorani.normalize(w, profile="search") with Lucene's SoraniNormalizer on every
    distinct word of the corpus prefix and of the typed-as inputs; write DIFF_NAME."""
    s = settings()
    corpus: Counter = Counter()
    quotable: set[str] = set()
    for line, src in zip(s.lines, s.line_sources or [""] * len(s.lines)):
        ws = [t.text for t in tokenize(line) if t.kind == "word"]
        corpus.update(ws)
        if src in EXAMPLE_SOURCES:
            quotable.update(ws)
    typed = typed_as_words(data_dir)
    quotable |= set(typed)
    words = sorted(set(corpus) | set(typed))
    words = [w for w in words if "\n" not in w and "\r" not in w]
    in_file = peerkit.write_lines(words, "peers-diff-words.txt")
    out_file = peerkit.CACHE / "peers-diff-lucene.txt"
    peerkit.run_subprocess(java_cmd(classes, "words", str(in_file), str(out_file)), timeout=300)
    lucene = out_file.read_text(encoding="utf-8").split("\n")[: len(words)]
    if len(lucene) != len(words):
        raise PeerError(f"Lucene returned {len(lucene)} words for {len(words)}")

    diffs: dict[tuple, dict] = {}
    same_types = same_tokens = 0
    n_tokens = sum(corpus.values())
    for w, lw in zip(words, lucene):
        sw = _search(w)
        if sw == lw:
            same_types += 1
            same_tokens += corpus.get(w, 0)
            continue
        for i1, i2, j1, j2 in _differences(sw, lw):
            key = (sw[i1:i2], lw[j1:j2], _where(i1, i2, len(sw)))
            d = diffs.setdefault(key, {"types": 0, "tokens": 0, "typed": 0, "examples": []})
            d["types"] += 1
            d["tokens"] += corpus.get(w, 0)
            d["typed"] += 1 if w in typed else 0
            if w in quotable:
                d["examples"].append((corpus.get(w, 0), w, sw, lw))
    summary = {"words": len(words), "same": same_types, "corpus_tokens": n_tokens,
               "corpus_tokens_same": same_tokens, "kinds": len(diffs)}
    (s.out_dir / DIFF_NAME).write_text(diff_markdown(summary, diffs, len(corpus), len(typed)),
                                       encoding="utf-8")
    return summary


def diff_markdown(summary: dict, diffs: dict, n_corpus_types: int, n_typed_types: int) -> str:
    s = settings()
    pct = 100 * summary["same"] / max(1, summary["words"])
    pct_tok = 100 * summary["corpus_tokens_same"] / max(1, summary["corpus_tokens"])
    out = [
        "# sorani `normalize(profile=\"search\")` vs Lucene `SoraniNormalizer`", "",
        f"Generated by `make bench-peers` (benchmarks/peers_core.py) on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {settings().lucene_status}.",
        "",
        f"Words: the distinct word tokens (sorani.tokenize, kind `word`) of the corpus prefix "
        f"({sum(map(len, s.lines))} chars: {n_corpus_types} distinct words, "
        f"{summary['corpus_tokens']} occurrences) and of the typed-as inputs in "
        f"gold/normalize ({n_typed_types} distinct words). Each word goes through both "
        f"normalizers alone (Lucene normalizes one token at a time, so its word-initial and "
        f"word-final rules see the same word boundaries).",
        "",
        f"- identical output: {summary['same']} of {summary['words']} distinct words ({pct:.2f}%); "
        f"{summary['corpus_tokens_same']} of {summary['corpus_tokens']} corpus occurrences ({pct_tok:.2f}%)",
        f"- distinct char-level differences: {summary['kinds']} (a word can show several)",
        "",
        "By pair (all positions):",
        "",
        "| sorani | lucene | words | occurrences | typed-as words | positions |",
        "|---|---|---:|---:|---:|---|",
    ]
    pairs: dict[tuple[str, str], dict] = {}
    for (sc, lc, where), d in diffs.items():
        p = pairs.setdefault((sc, lc), {"types": 0, "tokens": 0, "typed": 0, "where": Counter()})
        p["types"] += d["types"]
        p["tokens"] += d["tokens"]
        p["typed"] += d["typed"]
        p["where"][where] += d["types"]
    for (sc, lc), p in sorted(pairs.items(), key=lambda kv: -kv[1]["types"]):
        where = ", ".join(f"{w} {n}" for w, n in p["where"].most_common())
        out.append(f"| {_show(sc)} | {_show(lc)} | {p['types']} | {p['tokens']} | {p['typed']} | {where} |")
    out += [
        "",
        "By pair and position. Each row: where the two outputs differ (aligned with difflib), what sorani writes there "
        "and what Lucene writes, the position in sorani's output, the number of distinct words "
        "(and corpus occurrences; typed-as words) with that difference, and examples "
        "`input → sorani | lucene` (most frequent words first; examples are quoted only from "
        "the Apache-2.0 sources, ted-ckb and the typed-as sets, never from the NC/AGPL corpora).",
        "",
        "| # | sorani | lucene | position | words | occurrences | typed-as words | examples |",
        "|---:|---|---|---|---:|---:|---:|---|",
    ]
    ranked = sorted(diffs.items(), key=lambda kv: (-kv[1]["types"], -kv[1]["tokens"]))
    for i, ((sc, lc, where), d) in enumerate(ranked, 1):
        ex = sorted(d["examples"], key=lambda e: (-e[0], e[1]))[:3]
        ex_s = "; ".join(f"{w} → {sw} \\| {lw}" for _, w, sw, lw in ex)
        out.append(f"| {i} | {_show(sc)} | {_show(lc)} | {where} | {d['types']} | {d['tokens']} | "
                   f"{d['typed']} | {ex_s} |")
    return "\n".join(out) + "\n"


# ---- decisions on the gold sets: normalize (typed-as), sentence boundaries ------------------

def peer_outputs(peer_python: str, system: str, stage: str, units: list[str], name: str) -> list:
    """The peer's output for every unit (JSON-lines in and out, no time budget)."""
    src = peerkit.CACHE / f"{name}.jsonl"
    src.parent.mkdir(exist_ok=True)
    src.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
    out = peerkit.CACHE / f"{name}-{system}.out.jsonl"
    run_python_driver(peer_python, "py_driver.py",
                      [system, stage, str(src), "0", settings().clock, "--outputs", str(out)])
    outputs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    if len(outputs) != len(units):
        raise PeerError(f"{len(outputs)} outputs for {len(units)} units")
    return outputs


NORMALIZERS = ("klpt", "asosoft", "kurdish-sorani-tools")
SPLITTERS = ("klpt", "kurdish-sorani-tools")


def normalize_accuracy_rows(peer_python: str, data_dir: Path) -> list[dict]:
    """Word accuracy (and sentence exact match) on the typed-as sets: every system's raw output
    against the raw gold (``sorani evaluate`` normalizes the gold with sorani first; here no
    system's rules touch the gold, so the figures are a little lower than there)."""
    from sorani.evaluate.core import TYPED_AS, _pairs
    from sorani.evaluate.metrics import word_matches
    s = settings()
    rows = []
    for keyboard in TYPED_AS:
        path = data_dir / "gold" / "normalize" / f"sorani-typed-as-{keyboard}.tsv"
        if not path.exists():
            continue
        pairs = _pairs(path)
        typed = [p[0] for p in pairs]
        systems: list[tuple[str, object]] = [("identity", lambda: typed), ("sorani", lambda: [normalize(x) for x in typed])]
        systems += [(peer, lambda peer=peer: peer_outputs(peer_python, peer, "normalize", typed,
                                                          f"typed-as-{keyboard}")) for peer in NORMALIZERS]
        task = f"normalize/typed-as-{keyboard}"
        for system, get in systems:
            if system not in ("identity", "sorani") and s.installed.get(system) != "ok":
                rows.append({"name": task, "system": system, "metric": "word_accuracy", "value": None,
                             "error": s.installed.get(system, "not installed")})
                continue
            try:
                outs = get()
            except Exception as exc:
                rows.append({"name": task, "system": system, "metric": "word_accuracy", "value": None,
                             "error": str(exc)})
                continue
            hit = total = exact = 0
            for out, (_, gold) in zip(outs, pairs):
                out = out if isinstance(out, str) else " ".join(map(str, out))
                h, n = word_matches(out, gold)
                hit, total = hit + h, total + n
                exact += out.strip() == gold.strip()
            rows.append({"name": task, "system": system, "metric": "word_accuracy",
                         "value": hit / max(1, total), "n": total,
                         "note": "raw output against the raw gold (no sorani pass over the gold)"})
            rows.append({"name": task, "system": system, "metric": "sentence_exact",
                         "value": exact / max(1, len(pairs)), "n": len(pairs)})
            print(f"  {task:22s} {system:28s} word accuracy {hit / max(1, total):.4f}", flush=True)
    return rows


def boundaries_from_texts(doc: str, texts: list[str]) -> tuple[set[int], int]:
    """Sentence boundaries (end of the previous sentence, trailing spaces excluded) from the
    sentence strings a splitter returned, found in order in ``doc``; and how many were not found."""
    hay = doc.replace("\n", " ")  # KLPT turns line breaks into spaces
    pos, lost, starts = 0, 0, []
    for text in texts:
        text = str(text).strip()
        if not text:
            continue
        i = doc.find(text, pos)
        if i < 0:
            i = hay.find(text, pos)
        if i < 0:
            lost += 1
            continue
        starts.append(i)
        pos = i + len(text)
    bounds = set()
    for start in starts[1:]:
        b = start
        while b > 0 and doc[b - 1].isspace():
            b -= 1
        bounds.add(b)
    return bounds, lost


def sentence_accuracy_rows(peer_python: str, data_dir: Path) -> list[dict]:
    """Boundary precision/recall/F1 on the interdialect news documents (as `sorani evaluate
    --task sentences`, without errata), every system's boundaries taken the same way: from where
    its sentences start."""
    from sorani.evaluate.core import sentence_documents
    from sorani.evaluate.metrics import prf
    s = settings()
    if not (data_dir / "gold" / "sentences" / "interdialect-news-ckb.txt").exists():
        return []
    docs = sentence_documents(data_dir)
    texts = [d for d, _ in docs]
    systems: list[tuple[str, object]] = [("sorani", lambda: [[x.text for x in sentences(d)] for d in texts])]
    systems += [(peer, lambda peer=peer: peer_outputs(peer_python, peer, "sentences", texts,
                                                      "interdialect-docs")) for peer in SPLITTERS]
    rows = []
    for system, get in systems:
        if system != "sorani" and s.installed.get(system) != "ok":
            continue
        try:
            outs = get()
        except Exception as exc:
            rows.append({"name": "sentences", "system": system, "metric": "f1", "value": None,
                         "error": str(exc)})
            continue
        tp = n_pred = n_gold = lost = 0
        for (doc, gold), out in zip(docs, outs):
            pred, n_lost = boundaries_from_texts(doc, list(out))
            tp, n_pred, n_gold, lost = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold), lost + n_lost
        p, r, f = prf(tp, n_pred, n_gold)
        note = f"{lost} returned sentences not found in the text" if lost else ""
        rows += [{"name": "sentences", "system": system, "metric": m, "value": v, "n": n, "note": note}
                 for m, v, n in (("precision", p, n_pred), ("recall", r, n_gold), ("f1", f, n_gold))]
        print(f"  {'sentences':22s} {system:28s} boundary F1 {f:.4f} (P {p:.4f} R {r:.4f})", flush=True)
    return rows


# ---- entry point ----------------------------------------------------------------------------

def run(peer_python: str, data_dir: Path) -> list[dict]:
    rows = sorani_rows()
    rows += python_rows(peer_python)
    rows += normalize_accuracy_rows(peer_python, data_dir)
    rows += sentence_accuracy_rows(peer_python, data_dir)
    lrows, classes = lucene_rows()
    rows += lrows
    if classes is not None:
        try:
            summary = normalize_diff(classes, data_dir)
            print(f"  normalize diff: {summary['same']}/{summary['words']} words identical, "
                  f"{summary['kinds']} kinds of difference -> {DIFF_NAME}", flush=True)
            rows.append({"name": "normalize decisions vs lucene", "system": "lucene",
                         "metric": "identical distinct words", "value": summary["same"] / max(1, summary["words"]),
                         "n": summary["words"], "note": f"{summary['kinds']} kinds of difference, see {DIFF_NAME}"})
        except Exception as exc:
            rows.append({"name": "normalize decisions vs lucene", "system": "lucene",
                         "metric": "identical distinct words", "value": None, "error": str(exc)})
    return rows
