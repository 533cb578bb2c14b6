"""Gold-set evaluation. Each task is a function ``(data_dir: Path) -> list[dict]`` returning rows
``{"task", "metric", "value", "n", "system"}``; it reads ``../shared/data`` (or ``$SORANI_DATA``)
and never ships those files.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sorani._data import shared_data_dir

# task -> "module:function" (later stages add theirs)
TASKS: dict[str, str] = {
    "normalize": "sorani.evaluate.core:evaluate_normalize",
    "sentences": "sorani.evaluate.core:evaluate_sentences",
    "klpt-cases": "sorani.evaluate.core:evaluate_klpt_cases",
    "ner": "sorani.evaluate.entities:evaluate_ner",
    "facts": "sorani.evaluate.entities:evaluate_facts",
    "leftovers": "sorani.evaluate.core:evaluate_leftovers",
    "numbers": "sorani.evaluate.numbers:evaluate_numbers",
    "lemma": "sorani.evaluate.morphology:evaluate_lemma",
    "morphemes": "sorani.evaluate.morphology:evaluate_morphemes",
    "coverage": "sorani.evaluate.morphology:evaluate_coverage",
    "stem": "sorani.evaluate.morphology:evaluate_stem",
}

Row = dict[str, Any]


def row(task: str, metric: str, value: float, n: int, system: str = "sorani", **extra: Any) -> Row:
    """One result row, the unit of ``--json`` output."""
    return {"task": task, "metric": metric, "value": round(float(value), 4), "n": int(n),
            "system": system, **extra}


def run_tasks(tasks: Iterable[str] | None = None, data: str | None = None) -> list[Row]:
    """Run the named tasks (all when ``None``) over the gold sets and return their rows."""
    data_dir = shared_data_dir(data)
    if data_dir is None:
        raise ValueError("gold sets not found: pass --data DIR or set $SORANI_DATA "
                         "(default ../shared/data)")
    results: list[Row] = []
    for name in tasks or TASKS:
        module, func = TASKS[name].split(":")
        results.extend(getattr(importlib.import_module(module), func)(Path(data_dir)))
    return results


def format_table(rows: list[Row]) -> str:
    """A plain-text table of result rows."""
    head = ("task", "metric", "system", "value", "n")
    cells = [head] + [(r["task"], r["metric"], r.get("system", "sorani"), f"{r['value']:.4f}", str(r["n"]))
                      for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(len(head))) for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
