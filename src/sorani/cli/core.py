"""The core text commands: normalize, tokenize, sentences, analyze."""
from __future__ import annotations

import argparse
import sys

from sorani.cli._io import add_input_arguments, read_lines, read_text, write_json


def configure_normalize(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.add_argument("--profile", choices=("standard", "search"), default="standard")
    parser.add_argument("--digits", choices=("latin", "arabic", "persian"), default=None,
                        help="unify digits to one script (default: keep)")
    parser.add_argument("--punctuation", choices=("kurdish", "latin"), default=None,
                        help="unify punctuation (default: keep)")
    parser.set_defaults(run=run_normalize)


def run_normalize(args: argparse.Namespace) -> int:
    from sorani.normalize import normalize

    opts = dict(profile=args.profile, digits=args.digits, punctuation=args.punctuation)
    if args.format == "json":
        write_json({"text": normalize(read_text(args.file, args.errors), **opts)})
        return 0
    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        body = line.rstrip("\r\n")
        out = normalize(body, **opts)
        if args.format == "jsonl":
            write_json({"line": lineno, "text": out})
        else:
            sys.stdout.write(out + "\n")
    return 0


def configure_tokenize(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.set_defaults(run=run_tokenize)


def run_tokenize(args: argparse.Namespace) -> int:
    from sorani.tokenize import tokenize

    if args.format == "json":
        write_json([t.to_dict() for t in tokenize(read_text(args.file, args.errors))])
        return 0
    base = 0
    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        tokens = tokenize(line)
        if args.format == "jsonl":
            write_json({"line": lineno, "tokens": [t.to_dict(offset=base) for t in tokens]})
        else:
            sys.stdout.write(" ".join(t.text for t in tokens) + "\n")
        base += len(line)
    return 0


def configure_sentences(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser)
    parser.set_defaults(run=run_sentences)


def run_sentences(args: argparse.Namespace) -> int:
    from sorani.sentences import sentences

    if args.format == "json":
        write_json([s.to_dict() for s in sentences(read_text(args.file, args.errors))])
        return 0
    base = 0
    for line in read_lines(args.file, args.errors):
        for sent in sentences(line):
            if args.format == "jsonl":
                write_json(sent.to_dict(offset=base))
            else:
                sys.stdout.write(sent.text + "\n")
        base += len(line)
    return 0


def configure_analyze(parser: argparse.ArgumentParser) -> None:
    from sorani.doc import STAGES

    add_input_arguments(parser)
    parser.add_argument("--stages", default=",".join(STAGES),
                        help=f"comma-separated later stages to run (default: all of {', '.join(STAGES)}; "
                             "'' for tokens and sentences only)")
    parser.add_argument("--morphology", action="store_true",
                        help="only the morphology stage (lemma, POS, features, morphemes of each token)")
    parser.set_defaults(run=run_analyze)


def run_analyze(args: argparse.Namespace) -> int:
    from sorani.doc import STAGES, analyze

    stages = ["morphology"] if args.morphology else [s for s in args.stages.split(",") if s]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}: choose from {', '.join(STAGES)}")
    if args.format == "json":
        write_json(analyze(read_text(args.file, args.errors), stages).to_dict(), indent=1)
        return 0
    if args.format == "text":
        sys.stdout.write(analyze(read_text(args.file, args.errors), stages).pretty())
        return 0
    base = 0
    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        body = line.rstrip("\r\n")
        if body.strip():  # one Doc a line; its offsets are in the line, which starts at "offset"
            record = analyze(body, stages).to_dict()
            record["line"] = lineno
            record["offset"] = base
            write_json(record)
        base += len(line)
    return 0
