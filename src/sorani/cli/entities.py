"""``sorani facts [FILE|-]``: entities, quotes and numeric claims of a news text, as readable
tables (English names beside the Sorani) or JSON."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from sorani.cli._io import add_input_arguments, read_text, write_json


def configure_facts(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, formats=("text", "json"))
    parser.add_argument("--model", action="store_true",
                        help="also run the statistical tagger on unknown words (off by default: it lowers dev F1)")
    parser.set_defaults(run=run_facts)


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    cells = [head] + rows
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(len(head))).rstrip() for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def render(facts: dict[str, list[Any]]) -> str:
    """The readable form: one table per kind."""
    out = []
    ents = facts["entities"]
    out.append(f"ENTITIES ({len(ents)})")
    out.append(_table(("type", "text", "english", "span", "how"),
                      [(e.label, e.text, e.english, f"{e.start}-{e.end}", e.how) for e in ents]))
    qs = facts["quotes"]
    out.append(f"\nQUOTES ({len(qs)})")
    out.append(_table(("speaker", "english", "quote", "span"),
                      [(q.speaker.text if q.speaker else "?", q.speaker.english if q.speaker else "",
                        _short(q.text), f"{q.start}-{q.end}") for q in qs]))
    cs = facts["claims"]
    out.append(f"\nCLAIMS ({len(cs)})")
    out.append(_table(("value", "qualifier", "thing", "event", "source", "source (en)", "span"),
                      [(f"{c.value:g}" if isinstance(c.value, (int, float)) else str(c.value), c.qualifier or "",
                        c.thing or "", c.event, c.source or "", c.source_english, f"{c.start}-{c.end}")
                       for c in cs]))
    return "\n".join(out) + "\n"


def run_facts(args: argparse.Namespace) -> int:
    text = read_text(args.file, args.errors)
    from sorani.facts import extract_facts

    facts = extract_facts(text, model=args.model)
    if args.format == "json":
        write_json({k: [x.to_dict() for x in v] for k, v in facts.items()}, indent=1)
    else:
        sys.stdout.write(render(facts))
    return 0
