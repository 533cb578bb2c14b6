"""``sorani evaluate --task ner`` and ``--task facts``: the hand-annotated development fixtures
in ``tests/fixtures/ner`` (``ner_dev.jsonl``, ``facts_dev.jsonl``, the held-out ``ner_fresh*`` and
``facts_fresh.jsonl``, ``facts_fresh2.jsonl``, ``facts_fresh3.jsonl``, ``facts_fresh4.jsonl``; see their
GUIDELINES.md).

NER: precision, recall and F1 per type and overall (micro), exact span and type.
Facts: quote detection F1 (exact span), speaker accuracy over gold quotes (the predicted speaker
span overlaps the gold speaker mention, or both are null), and for numeric claims matched by
their number span: accuracy of value, thing, event, qualifier and source.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sorani.evaluate import Row, row

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "ner"


def _load(name: str) -> list[dict[str, Any]]:
    path = FIXTURES / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ner_scores(items: list[dict[str, Any]]) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per type and for ``ALL``."""
    from sorani.entities import find_entities

    c: dict[str, Counter[str]] = {k: Counter() for k in ("tp", "pred", "gold")}
    for item in items:
        gold = {(e["start"], e["end"], e["type"]) for e in item.get("entities", [])}
        pred = {(e.start, e.end, e.label) for e in find_entities(item["text"])}
        for s in gold:
            c["gold"][s[2]] += 1
        for s in pred:
            c["pred"][s[2]] += 1
            if s in gold:
                c["tp"][s[2]] += 1
    types = sorted(set(c["gold"]) | set(c["pred"]))
    out = {t: (c["tp"][t], c["pred"][t], c["gold"][t]) for t in types}
    out["ALL"] = (sum(c["tp"].values()), sum(c["pred"].values()), sum(c["gold"].values()))
    return out


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_ner(data_dir: Path) -> list[Row]:
    """Entity P/R/F1 per type on ``ner_dev.jsonl`` (task ``ner``), ``ner_fresh.jsonl``
    (``ner/fresh``), ``ner_blind.jsonl`` (``ner/blind``), ``ner_fresh2.jsonl`` (``ner/fresh2``)
    ``ner_fresh3.jsonl`` (``ner/fresh3``), ``ner_fresh4.jsonl`` (``ner/fresh4``),
    ``ner_fresh5.jsonl`` (``ner/fresh5``), ``ner_fresh6.jsonl`` (``ner/fresh6``) and
    ``ner_fresh7.jsonl`` (``ner/fresh7``)."""
    items = _load("ner_dev.jsonl")
    if not items:
        return []
    rows = _ner_rows("ner", items)
    # held-out check: sentences annotated after the gazetteer/rules were written (GUIDELINES.md)
    rows += _ner_rows("ner/fresh", _load("ner_fresh.jsonl"))
    # blind check: sentences picked and annotated after the gazetteer was frozen (GUIDELINES.md)
    rows += _ner_rows("ner/blind", _load("ner_blind.jsonl"))
    # second held-out check: selected and annotated before any system output was seen (GUIDELINES.md)
    rows += _ner_rows("ner/fresh2", _load("ner_fresh2.jsonl"))
    rows += _ner_rows("ner/fresh3", _load("ner_fresh3.jsonl"))  # third held-out set, same protocol
    rows += _ner_rows("ner/fresh4", _load("ner_fresh4.jsonl"))  # fourth, same protocol
    rows += _ner_rows("ner/fresh5", _load("ner_fresh5.jsonl"))  # fifth, same protocol
    rows += _ner_rows("ner/fresh6", _load("ner_fresh6.jsonl"))  # sixth, same protocol
    rows += _ner_rows("ner/fresh7", _load("ner_fresh7.jsonl"))  # seventh, same protocol
    return rows


def _ner_rows(task: str, items: list[dict[str, Any]]) -> list[Row]:
    rows = []
    if not items:
        return rows
    for t, (tp, pred, gold) in ner_scores(items).items():
        p, r, f = _prf(tp, pred, gold)
        rows += [row(task, f"{t} precision", p, pred), row(task, f"{t} recall", r, gold),
                 row(task, f"{t} F1", f, gold)]
    return rows


def _overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> bool:
    if a0 is None or b0 is None:
        return a0 is None and b0 is None
    return a0 < b1 and b0 < a1  # type: ignore[operator]


def _same_text(a: str | None, b: str | None) -> bool:
    from sorani.entities import fold_key

    if a is None or b is None:
        return a is None and b is None
    return fold_key(a) == fold_key(b)


def _same_name(a: str, b: str) -> bool:
    """The same name, or one a part of the other (ماکرۆن / ئیمانوێل ماکرۆن)."""
    from sorani.entities import fold_key

    ka, kb = fold_key(a), fold_key(b)
    return ka == kb or (min(len(ka), len(kb)) >= 3 and (ka in kb or kb in ka))


def facts_scores(items: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """(correct, total) per facts metric."""
    from sorani.facts import find_facts

    c: Counter[str] = Counter()
    for item in items:
        text = item["text"]
        quotes, claims = find_facts(text)
        pq = {(q.start, q.end): q for q in quotes}
        c["quote pred"] += len(quotes)
        for g in item.get("quotes", []):
            c["quote gold"] += 1
            q = pq.get((g["start"], g["end"]))
            if q is None:
                continue
            c["quote found"] += 1
            sp = q.speaker
            ok = _overlap(sp.start if sp else None, sp.end if sp else None,
                          g.get("speaker_start"), g.get("speaker_end"))
            ok = ok or (sp is not None and g.get("speaker") is not None and _same_name(sp.text, g["speaker"]))
            c["speaker ok"] += ok
        pc = {(x.start, x.end): x for x in claims}
        pc_by_end = {x.end: x for x in claims}
        c["claim pred"] += len(claims)
        for g in item.get("claims", []):
            c["claim gold"] += 1
            x = pc.get((g["start"], g["end"])) or pc_by_end.get(g["end"])
            if x is None:
                continue
            c["claim found"] += 1
            c["value ok"] += x.value is not None and abs(float(x.value) - float(g["value"])) < 1e-6
            c["thing ok"] += _same_text(x.thing, g.get("thing"))
            c["event ok"] += (x.event or "none") == (g.get("event") or "none")
            c["qualifier ok"] += x.qualifier == g.get("qualifier")
            src_ok = _overlap(x.source_start, x.source_end, g.get("source_start"), g.get("source_end"))
            c["source ok"] += src_ok
    return {
        "quote recall (exact span)": (c["quote found"], c["quote gold"]),
        "quote precision (exact span)": (c["quote found"], c["quote pred"]),
        "quote speaker accuracy": (c["speaker ok"], c["quote gold"]),
        "claim recall (number span)": (c["claim found"], c["claim gold"]),
        "claim precision (number span)": (c["claim found"], c["claim pred"]),
        "claim value accuracy": (c["value ok"], c["claim gold"]),
        "claim thing accuracy": (c["thing ok"], c["claim gold"]),
        "claim event accuracy": (c["event ok"], c["claim gold"]),
        "claim qualifier accuracy": (c["qualifier ok"], c["claim gold"]),
        "claim source accuracy": (c["source ok"], c["claim gold"]),
    }


def _facts_rows(task: str, items: list[dict[str, Any]]) -> list[Row]:
    if not items:
        return []
    return [row(task, metric, ok / total if total else 0.0, total)
            for metric, (ok, total) in facts_scores(items).items()]


def evaluate_facts(data_dir: Path) -> list[Row]:
    """Quote and numeric-claim scores, accuracies over gold items: on ``facts_dev.jsonl`` (task
    ``facts``, the set the rules were developed on) and on the KurdishLID sets ``facts_fresh*.jsonl``
    (``facts/fresh`` … ``facts/fresh4``), each annotated before any system output on it was seen.
    Each was the clean check of one claim round and then the development set of the next;
    ``facts/fresh4`` is still unseen: read it in aggregate only (GUIDELINES.md)."""
    rows = _facts_rows("facts", _load("facts_dev.jsonl"))
    rows += _facts_rows("facts/fresh", _load("facts_fresh.jsonl"))
    rows += _facts_rows("facts/fresh2", _load("facts_fresh2.jsonl"))
    rows += _facts_rows("facts/fresh3", _load("facts_fresh3.jsonl"))
    rows += _facts_rows("facts/fresh4", _load("facts_fresh4.jsonl"))
    return rows
