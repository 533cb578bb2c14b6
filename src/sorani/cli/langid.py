"""``sorani identify [FILE|-] [--document] [--format jsonl|text|json]``: language of each line
(default) or of the whole document with a label per sentence."""
from __future__ import annotations

import argparse
import sys

from sorani.cli._io import add_input_arguments, read_lines, read_text, write_json


def configure_identify(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, formats=("jsonl", "text", "json"))
    parser.add_argument("--document", action="store_true",
                        help="one result for the whole input, with a label per sentence (offsets in "
                             "code points of the whole input)")
    parser.set_defaults(run=run_identify)


def run_identify(args: argparse.Namespace) -> int:
    from sorani.langid import identify, identify_spans

    if args.document:
        text = read_text(args.file, args.errors)
        result = identify(text).to_dict()
        result["sentences"] = [s.to_dict() for s in identify_spans(text)]
        if args.format == "text":
            sys.stdout.write(f"{result['label']}\t{result['probability']:.4f}\n")
            for s in result["sentences"]:
                sys.stdout.write(f"{s['start']}\t{s['end']}\t{s['label']}\t{s['probability']:.4f}\t{s['text']}\n")
        else:
            write_json(result, indent=1 if args.format == "json" else None)
        return 0
    results = []
    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        body = line.rstrip("\r\n")
        res = {"line": lineno, **identify(body).to_dict()}
        if args.format == "jsonl":
            write_json(res)
        elif args.format == "text":
            sys.stdout.write(f"{res['label']}\t{res['probability']:.4f}\t{body}\n")
        else:
            results.append(res)
    if args.format == "json":
        write_json(results, indent=1)
    return 0
