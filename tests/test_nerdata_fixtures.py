"""The NER / facts development fixtures (tests/fixtures/ner) are well-formed.

Runs the fixture validator; the check that each sentence occurs verbatim in its source file is
done only when the shared data folder is available (otherwise it is skipped by the validator).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "fixtures" / "ner"


def _checker():
    spec = importlib.util.spec_from_file_location("check_fixtures", HERE / "check_fixtures.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_fixtures_validate() -> None:
    mod = _checker()
    assert mod.main(["--quiet"]) == 0


def test_ner_counts_reach_issue_minimum() -> None:
    rows = [json.loads(x) for x in (HERE / "ner_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    with_ent = [r for r in rows if r["entities"]]
    assert len(with_ent) >= 320
    assert {e["type"] for r in with_ent for e in r["entities"]} == {"PER", "LOC", "ORG", "DATE"}
    for r in rows:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]


def test_facts_counts_reach_issue_minimum() -> None:
    rows = [json.loads(x) for x in (HERE / "facts_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len([r for r in rows if r["quotes"] or r["claims"]]) >= 45


@pytest.mark.parametrize("name", ["facts_fresh.jsonl", "facts_fresh2.jsonl", "facts_fresh3.jsonl",
                                  "facts_fresh4.jsonl"])
def test_facts_fresh_is_disjoint_and_flagged(name: str) -> None:
    """The held-out facts sets: fact-free sentences flagged, no id or text shared with another fixture."""
    rows = [json.loads(x) for x in (HERE / name).read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 90 and sum(len(r["claims"]) for r in rows) >= 50
    for r in rows:
        assert bool(r.get("no_fact")) == (not r["quotes"] and not r["claims"])
    others = [json.loads(x) for f in sorted(HERE.glob("*.jsonl")) if f.name != name
              for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    ids = {o["id"] for o in others}
    blob = "\n".join(o["text"] for o in others)
    for r in rows:
        assert r["id"] not in ids and r["text"] not in blob


def test_facts_task_reports_fresh_rows(monkeypatch) -> None:
    """``--task facts`` keeps its ``facts`` rows and adds ``facts/fresh``, ``facts/fresh2``, ``facts/fresh3``
    and ``facts/fresh4``
    with the same metrics
    (scores stubbed: the held-out set is scored only through ``sorani evaluate``)."""
    from sorani.evaluate import entities

    monkeypatch.setattr(entities, "facts_scores", lambda items: {"claim recall (number span)": (1, len(items))})
    rows = entities.evaluate_facts(HERE)
    assert [r["task"] for r in rows] == ["facts", "facts/fresh", "facts/fresh2", "facts/fresh3", "facts/fresh4"]
    assert rows[0]["metric"] == rows[1]["metric"] == rows[2]["metric"] == rows[3]["metric"] == rows[4]["metric"]
