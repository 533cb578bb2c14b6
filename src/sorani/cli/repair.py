"""``sorani repair`` and ``sorani spell``: keyboard repair and spelling on the command line."""
from __future__ import annotations

import argparse
import sys

from sorani.cli._io import add_input_arguments, read_lines, read_text, write_json


def configure_repair(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.set_defaults(run=run_repair)


def run_repair(args: argparse.Namespace) -> int:
    from sorani.repair import repair, repair_with_changes

    if args.format == "json":
        text = read_text(args.file, args.errors)
        out, changes = repair_with_changes(text)
        write_json({"text": out, "changes": [c.to_dict() for c in changes]})
        return 0
    for line in read_lines(args.file, args.errors):
        if args.format == "jsonl":
            body = line.rstrip("\n")
            out, changes = repair_with_changes(body)
            write_json({"text": out, "changes": [c.to_dict() for c in changes]})
        else:
            sys.stdout.write(repair(line))
    return 0


def configure_spell(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.add_argument("--correct", action="store_true",
                        help="print the corrected text instead of the flagged words")
    parser.add_argument("-n", type=int, default=5, help="suggestions per flagged word")
    parser.add_argument("--strict", action="store_true", help="flag every unknown word")
    parser.set_defaults(run=run_spell)


def run_spell(args: argparse.Namespace) -> int:
    from sorani.spell import _WORD_RE, check, correct, suggest

    offset = 0
    for line in read_lines(args.file, args.errors):
        if args.correct:
            sys.stdout.write(correct(line))
            offset += len(line)
            continue
        for m in _WORD_RE.finditer(line):
            w = m.group(0)
            if check(w, strict=args.strict):
                continue
            sugg = suggest(w, args.n)
            if args.format == "text":
                print(f"{offset + m.start()}\t{w}\t{' '.join(sugg)}")
            else:
                write_json({"start": offset + m.start(), "end": offset + m.end(), "word": w,
                            "suggestions": sugg})
        offset += len(line)
    return 0
