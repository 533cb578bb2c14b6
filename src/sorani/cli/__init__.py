"""The ``sorani`` command line: ``sorani COMMAND [FILE|-] [--format text|json|jsonl]``.

Each command lives in a module of this package that defines ``configure(parser)``; the parser's
``run`` default is called with the parsed arguments and returns the exit status. Bad input
(``ValueError``, ``OSError``) becomes one line on stderr and exit status 1, never a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# command -> (module defining configure(parser), one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "normalize": ("sorani.cli.core", "normalize Sorani orthography"),
    "tokenize": ("sorani.cli.core", "split text into tokens with offsets"),
    "sentences": ("sorani.cli.core", "split text into sentences"),
    "analyze": ("sorani.cli.core", "full analysis (Doc) of the text"),
    "evaluate": ("sorani.cli.evaluate", "score sorani on the gold sets"),
    "numbers": ("sorani.cli.numbers", "list the numbers in the text with value, kind, qualifier"),
    "words": ("sorani.cli.numbers", "write a number in Sorani words"),
    "facts": ("sorani.cli.entities", "entities, quotes and numeric claims of a news text"),
    "identify": ("sorani.cli.langid", "identify the language of each line (or --document)"),
    "repair": ("sorani.cli.repair", "repair Sorani typed with Arabic/Persian keyboards"),
    "spell": ("sorani.cli.repair", "flag misspelled words with suggestions (or --correct)"),
    "lemmatize": ("sorani.cli.morphology", "replace each word by its lemma"),
    "stem": ("sorani.cli.morphology", "replace each word by its stem"),
    "morphemes": ("sorani.cli.morphology", "split words into clitic-level tokens"),
    "translit": ("sorani.cli.translit", "transliterate Sorani Arabic script <-> Latin (Hawar)"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with ``command`` of that one only (the others are listed
    with their help line but their modules are not imported: a command starts faster)."""
    from sorani import __version__

    parser = argparse.ArgumentParser(prog="sorani", description="Central Kurdish (Sorani) text tools.")
    parser.add_argument("--version", action="version", version=f"sorani {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        if command is None or name == command:
            getattr(importlib.import_module(module), f"configure_{name}")(cmd)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(command if command in COMMANDS else None).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `sorani tokenize big.txt | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except (ValueError, OSError) as exc:
        print(f"sorani {args.command}: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
