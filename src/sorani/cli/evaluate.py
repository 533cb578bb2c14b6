"""``sorani evaluate [--task T] [--data DIR] [--json]``: scores over the gold sets."""
from __future__ import annotations

import argparse

from sorani.cli._io import write_json


def configure_evaluate(parser: argparse.ArgumentParser) -> None:
    from sorani.evaluate import TASKS

    parser.add_argument("--task", action="append", choices=sorted(TASKS),
                        help="task to run (repeatable; default: all)")
    parser.add_argument("--data", default=None,
                        help="gold-set directory (default: $SORANI_DATA or ../shared/data)")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    parser.set_defaults(run=run_evaluate)


def run_evaluate(args: argparse.Namespace) -> int:
    from sorani.evaluate import format_table, run_tasks

    results = run_tasks(args.task, args.data)
    if args.json:
        for row in results:
            write_json(row)
    else:
        print(format_table(results))
    return 0
