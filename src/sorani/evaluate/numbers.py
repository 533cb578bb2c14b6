"""``sorani evaluate --task numbers``: ``find_numbers`` against the hand-checked dev set
``tests/fixtures/numbers_dev.tsv`` (short snippets of the shared corpora, one gold number a row).

A gold row is matched by a found span with the same text (its span in the snippet); then value,
kind and qualifier are compared. Spans found in a snippet that no gold row names count against
precision.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from sorani.evaluate import Row, row


def dev_set_path() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "numbers_dev.tsv"


def load_dev_set(path: Path | None = None) -> list[dict[str, Any]]:
    """Rows of the dev set: source, licence, snippet, expression, value, high, kind, qualifier, vague."""
    path = path or dev_set_path()
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            src, lic, snippet, expr, value, high, kind, qual, vague = line.split("\t")
            rows.append({"source": src, "licence": lic, "snippet": snippet, "expression": expr,
                         "value": _num(value), "high": _num(high), "kind": kind,
                         "qualifier": qual or None, "vague": vague == "1"})
    return rows


def _num(s: str) -> int | float | None:
    if s in ("", "-"):
        return None
    f = float(s)
    return int(f) if f.is_integer() and "." not in s else f


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sorani.numbers import find_numbers

    by_snippet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_snippet[r["snippet"]].append(r)
    found = value_ok = kind_ok = qual_ok = all_ok = 0
    n_pred = n_pred_matched = 0
    errors: list[str] = []
    for snippet, gold in by_snippet.items():
        spans = find_numbers(snippet)
        n_pred += len(spans)
        by_text: dict[str, list[Any]] = defaultdict(list)
        for s in spans:
            by_text[s.text].append(s)
        matched_ids: set[int] = set()
        for g in gold:
            cands = [s for s in by_text.get(g["expression"], []) if id(s) not in matched_ids]
            if not cands:
                errors.append(f"missed {g['expression']!r} in {snippet!r}: found "
                              f"{[s.text for s in spans]}")
                continue
            s = cands[0]
            matched_ids.add(id(s))
            found += 1
            v = s.value == g["value"] and s.high == g["high"] and s.vague == g["vague"]
            k = s.kind == g["kind"]
            q = s.qualifier == g["qualifier"]
            value_ok += v
            kind_ok += k
            qual_ok += q
            all_ok += v and k and q
            if not (v and k and q):
                errors.append(f"{g['expression']!r}: got {s.value}/{s.high}/{s.kind}/{s.qualifier}/"
                              f"{s.vague}, gold {g['value']}/{g['high']}/{g['kind']}/{g['qualifier']}/"
                              f"{g['vague']}")
        n_pred_matched += len(matched_ids)
        for s in spans:
            if id(s) not in matched_ids:
                errors.append(f"spurious {s.text!r} in {snippet!r}")
    n = len(rows)
    return {"n": n, "found": found, "value": value_ok, "kind": kind_ok, "qualifier": qual_ok,
            "all": all_ok, "n_pred": n_pred, "pred_matched": n_pred_matched, "errors": errors}


def evaluate_numbers(data_dir: Path) -> list[Row]:
    """Scores on the numbers dev set (the fixture ships with the repository; ``data_dir`` unused)."""
    path = dev_set_path()
    if not path.exists():
        return []
    s = score(load_dev_set(path))
    n = s["n"]
    return [row("numbers", "span recall", s["found"] / n, n),
            row("numbers", "span precision", s["pred_matched"] / max(1, s["n_pred"]), s["n_pred"]),
            row("numbers", "value accuracy", s["value"] / n, n),
            row("numbers", "kind accuracy", s["kind"] / n, n),
            row("numbers", "qualifier accuracy", s["qualifier"] / n, n),
            row("numbers", "all fields exact", s["all"] / n, n)]
