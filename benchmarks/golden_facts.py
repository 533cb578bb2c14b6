"""Dump find_numbers and extract_facts as JSON over every corpus document and the example article
(a golden file to check that speed work keeps the output identical)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import load_documents  # noqa: E402

import sorani.facts  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402
from sorani.numbers import find_numbers  # noqa: E402


def _plain(x: object) -> object:
    if hasattr(x, "to_dict"):
        return x.to_dict()  # type: ignore[attr-defined]
    return repr(x)


def main() -> None:
    docs = list(load_documents())
    data = shared_data_dir()
    example = data.parent / "examples" / "news-article-karabakh.txt" if data else None
    if example and example.exists():
        docs.append(example.read_text(encoding="utf-8"))
    out = sys.stdout
    for doc in docs:
        out.write(json.dumps([find_numbers(doc), sorani.facts.extract_facts(doc)],
                             default=_plain, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
