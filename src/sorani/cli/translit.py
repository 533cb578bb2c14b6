"""``sorani translit [--to latin|arabic] [--scheme S] [--capitalize] [FILE|-]``."""
from __future__ import annotations

import argparse
import sys

from sorani.cli._io import add_input_arguments, read_lines, read_text, write_json


def configure_translit(parser: argparse.ArgumentParser) -> None:
    from sorani.translit import SCHEMES

    add_input_arguments(parser)
    parser.add_argument("--to", choices=("latin", "arabic"), default="latin",
                        help="target script (default: latin)")
    parser.add_argument("--scheme", choices=SCHEMES, default="wergor",
                        help="Latin spelling: wergor (ł ř, default) or ll-rr (ll rr)")
    parser.add_argument("--capitalize", action="store_true",
                        help="capitalise the first word of each sentence (--to latin)")
    parser.set_defaults(run=run_translit)


def run_translit(args: argparse.Namespace) -> int:
    from sorani.translit import to_arabic, to_latin

    def convert(text: str) -> str:
        if args.to == "arabic":
            return to_arabic(text, scheme=args.scheme)
        return to_latin(text, scheme=args.scheme, capitalize=args.capitalize)

    if args.format == "json":
        write_json({"text": convert(read_text(args.file, args.errors))})
        return 0
    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        body = line.rstrip("\r\n")
        out = convert(body)
        if args.format == "jsonl":
            write_json({"line": lineno, "text": out})
        else:
            sys.stdout.write(out + "\n")
    return 0
