"""Morphology commands: ``sorani lemmatize``, ``sorani stem``, ``sorani morphemes``.

Text output keeps each input line as one output line (words replaced by their lemma or stem,
other tokens kept); ``--format jsonl`` gives one record a line with offsets into that line.
"""
from __future__ import annotations

import argparse
import sys

from sorani.cli._io import add_input_arguments, read_lines, write_json


def _line_words(line: str):
    from sorani.tokenize import tokenize

    return [t for t in tokenize(line)]


def configure_lemmatize(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, formats=("text", "jsonl"))
    parser.set_defaults(run=run_lemmatize)


def run_lemmatize(args: argparse.Namespace) -> int:
    from sorani.morphology import analyze_word

    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        body = line.rstrip("\r\n")
        toks = _line_words(body)
        if args.format == "jsonl":
            recs = []
            for t in toks:
                rec = {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind}
                if t.kind == "word":
                    a = analyze_word(t.text)[0]
                    rec.update(lemma=a.lemma, pos=a.pos, features=a.features, is_guess=a.is_guess)
                recs.append(rec)
            write_json({"line": lineno, "tokens": recs})
        else:
            from sorani.morphology import lemmatize

            sys.stdout.write(" ".join(lemmatize(t.text) if t.kind == "word" else t.text for t in toks) + "\n")
    return 0


def configure_stem(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, formats=("text", "jsonl"))
    parser.add_argument("--mode", choices=("light", "full"), default="light",
                        help="light: suffix stripping that never cuts a known stem; full: lexicon-driven")
    parser.set_defaults(run=run_stem)


def run_stem(args: argparse.Namespace) -> int:
    from sorani.morphology import stem

    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        toks = _line_words(line.rstrip("\r\n"))
        stems = [stem(t.text, mode=args.mode) if t.kind == "word" else t.text for t in toks]
        if args.format == "jsonl":
            write_json({"line": lineno, "tokens": [{"text": t.text, "start": t.start, "end": t.end, "stem": s}
                                                    for t, s in zip(toks, stems)]})
        else:
            sys.stdout.write(" ".join(stems) + "\n")
    return 0


def configure_morphemes(parser: argparse.ArgumentParser) -> None:
    add_input_arguments(parser, formats=("text", "jsonl"))
    parser.add_argument("--split-verbs", action="store_true",
                        help="also split verb prefixes and endings (finer than the gold convention)")
    parser.set_defaults(run=run_morphemes)


def run_morphemes(args: argparse.Namespace) -> int:
    from sorani.morphology import morphemes

    for lineno, line in enumerate(read_lines(args.file, args.errors), 1):
        pieces = morphemes(line.rstrip("\r\n"), split_verbs=args.split_verbs)
        if args.format == "jsonl":
            write_json({"line": lineno, "morphemes": [{"text": t, "start": s, "end": e} for t, s, e in pieces]})
        else:
            sys.stdout.write(" ".join(t for t, _, _ in pieces) + "\n")
    return 0
