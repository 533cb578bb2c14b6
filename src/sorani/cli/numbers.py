"""``sorani numbers [FILE|-]`` lists the numbers in a text; ``sorani words N`` writes a number."""
from __future__ import annotations

import argparse

from sorani.cli._io import add_input_arguments, read_lines, read_text, write_json


def configure_numbers(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.set_defaults(run=run_numbers)


def configure_words(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="N", help="a number in digits (any script) or words")
    parser.add_argument("--ordinal", action="store_true", help="write the ordinal (یەکەم، دووەم…)")
    parser.set_defaults(run=run_words)


def run_numbers(args: argparse.Namespace) -> int:
    from sorani.numbers import find_numbers

    if args.format == "json":
        text = read_text(args.file, args.errors)
        write_json([n.to_dict() for n in find_numbers(text)], indent=1)
        return 0
    offset = 0  # offsets are into the whole input, counted in code points
    for line in read_lines(args.file, args.errors):
        for n in find_numbers(line):
            d = n.to_dict()
            d["start"] += offset
            d["end"] += offset
            if d["qualifier_start"] is not None:
                d["qualifier_start"] += offset
                d["qualifier_end"] += offset
            if args.format == "jsonl":
                write_json(d)
            else:
                extra = []
                if n.high is not None:
                    extra.append(f"to {n.high}")
                if n.qualifier:
                    extra.append(n.qualifier)
                if n.vague:
                    extra.append("vague")
                print(f"{d['start']:>7}-{d['end']:<7} {n.kind:<9} {n.value!s:<14} {n.text}"
                      + (f"  [{', '.join(extra)}]" if extra else ""))
        offset += len(line)
    return 0


def run_words(args: argparse.Namespace) -> int:
    from sorani.numbers import parse, to_words

    raw = args.number.strip()
    try:
        value: int | float | str = raw if raw.lstrip("-").replace(".", "", 1).isdigit() else parse(raw)
    except ValueError:
        value = parse(raw)
    print(to_words(value, ordinal=args.ordinal))
    return 0
