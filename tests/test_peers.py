"""The bench-peers harness itself (benchmarks/peers.py, peerkit.py): error handling and report,
without the peers' venv, Lucene or the shared data."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))

peerkit = pytest.importorskip("peerkit")
peers = pytest.importorskip("peers")


def test_peer_row_turns_a_failure_into_an_error_row():
    def boom():
        raise peerkit.PeerError("exit 1: ImportError")
    row = peerkit.peer_row("tokenize", "somepeer", boom)
    assert row == {"name": "tokenize", "system": "somepeer", "error": "exit 1: ImportError"}

    def bug():
        raise KeyError("seconds")
    assert "KeyError" in peerkit.peer_row("tokenize", "somepeer", bug)["error"]


def test_peer_row_measures_sorani_on_the_same_units(monkeypatch):
    monkeypatch.setattr(peerkit.settings(), "sorani_min_s", 0.0)  # one round is enough here
    units = ["ڕۆژی باش", "سڵاو کوردستان", "ئەمە دێڕی سێیەمە"]
    seen: list[str] = []
    row = peerkit.peer_row("normalize", "fake", lambda: {"n_units": 2, "seconds": 0.5},
                           "test-same-units", seen.append, units=units)
    assert row["n_units"] == 2
    assert row["n_chars"] == len(units[0]) + len(units[1])
    assert row["chars_per_s"] == pytest.approx(row["n_chars"] / 0.5)
    assert set(seen) - {"گەرم"} == set(units[:2])  # sorani saw exactly the peer's units
    assert row["ratio"] == pytest.approx(row["sorani_chars_per_s"] / row["chars_per_s"])


def test_run_subprocess_reports_crash_timeout_and_bad_output():
    py = sys.executable
    with pytest.raises(peerkit.PeerError, match="exit 3"):
        peerkit.run_subprocess([py, "-c", "import sys; sys.exit(3)"], timeout=60)
    with pytest.raises(peerkit.PeerError, match="timed out"):
        peerkit.run_subprocess([py, "-c", "import time; time.sleep(30)"], timeout=0.5)
    with pytest.raises(peerkit.PeerError, match="bad output"):
        peerkit.run_subprocess([py, "-c", "print('hello')"], timeout=60)
    assert peerkit.run_subprocess([py, "-c", "print('{\"seconds\": 1}')"], timeout=60) == {"seconds": 1}


def test_markdown_shows_speed_error_and_metric_rows():
    meta = {"date": "d", "machine": "m", "n_chars": 2_000_000, "budget_s": 20, "clock": "cpu",
            "versions": {"klpt": "0.1.7"}, "installed": {"klpt": "ok", "asosoft": "install failed: x"},
            "lucene": "not root"}
    rows = [{"name": "tokenize", "system": "klpt", "chars_per_s": 11_000.0, "n_chars": 220_000,
             "sorani_chars_per_s": 5.5e6, "sorani_stage": "tokenize", "ratio": 500.0},
            {"name": "tokenize", "system": "asosoft", "error": "no word tokenizer"},
            {"name": "agreement", "system": "lucene", "metric": "identical", "value": 0.8, "n": 10}]
    md = peers.markdown(meta, rows)
    assert "| tokenize | klpt | line | 220 k | 11.0 k | 5.50 M | 500× |" in md
    assert "no word tokenizer" in md and "| agreement | identical | 10 | 0.8000 |" in md
    assert "asosoft: install failed: x" in md


def test_interleaved_corpus_prefix(tmp_path):
    for src, n in (("corpus/ktc", 3), ("corpus/blark-sorani", 1), ("corpus/ted-ckb", 2)):
        d = tmp_path / src
        d.mkdir(parents=True)
        (d / "a.txt").write_text("\n".join(f"{src} {i}" for i in range(n)) + "\n\n", encoding="utf-8")
    lines, docs, where = peers.load_mixed(tmp_path, max_chars=10**9)
    assert where == ["corpus/ktc", "corpus/blark-sorani", "corpus/ted-ckb", "corpus/ktc",
                     "corpus/ted-ckb", "corpus/ktc"]
    assert lines[1] == "corpus/blark-sorani 0" and len(docs) == 3
    short, _, _ = peers.load_mixed(tmp_path, max_chars=len(lines[0]) + 1)
    assert short == lines[:2]


def test_sentence_boundaries_from_returned_strings():
    core = pytest.importorskip("peers_core")
    doc = "ئەمە یەکەمە. ئەوە دووەمە؟\nسەردێڕێک"
    # a splitter that strips, drops punctuation or turns line breaks into spaces
    bounds, lost = core.boundaries_from_texts(doc, ["ئەمە یەکەمە", "ئەوە دووەمە؟", "سەردێڕێک", "نییە"])
    assert bounds == {doc.index(". ") + 1, doc.index("\n")} and lost == 1
    assert core.boundaries_from_texts(doc, [doc.replace("\n", " ")]) == (set(), 0)


def test_differences_split_neighbouring_letters():
    core = pytest.importorskip("peers_core")
    assert core._differences("دلرەق", "دڵڕەق") == [(1, 2, 1, 2), (2, 3, 2, 3)]
    assert core._differences("ئەوە", "أوە") == [(0, 2, 0, 1)]


def test_lucene_unavailable_gives_error_rows(monkeypatch):
    core = pytest.importorskip("peers_core")
    monkeypatch.setattr(peerkit.settings(), "lucene_classpath", None)
    monkeypatch.setattr(peerkit.settings(), "lucene_status", "not root: Lucene skipped")
    rows, classes = core.lucene_rows()
    assert classes is None and rows
    assert all(r["system"] == "lucene" and r["error"] == "not root: Lucene skipped" for r in rows)
