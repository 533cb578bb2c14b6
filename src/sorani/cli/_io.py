"""Input and output shared by the commands: streaming lines from a file or stdin with a clear
error on invalid UTF-8, a progress bar on a terminal, and JSON output."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import IO, Any

PROGRESS_MIN_BYTES = 1 << 20


def add_input_arguments(parser: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json", "jsonl")) -> None:
    """The options every text command shares."""
    parser.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="input file (default: stdin)")
    parser.add_argument("--format", choices=formats, default=formats[0], help="output format")
    parser.add_argument("--errors", choices=("strict", "replace"), default="strict",
                        help="invalid UTF-8: stop with an error naming the byte offset (strict), "
                             "or replace each bad byte with U+FFFD (replace)")


def read_lines(path: str, errors: str = "strict") -> Iterator[str]:
    """Yield the decoded lines of ``path`` (``-`` is stdin), newline included.

    Invalid UTF-8 raises ``ValueError`` naming the file and the byte offset, unless
    ``errors="replace"``.
    """
    name = "<stdin>" if path == "-" else path
    raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        total = os.fstat(raw.fileno()).st_size if path != "-" else 0
    except (OSError, ValueError, AttributeError):
        total = 0
    progress = _Progress(name, total) if total >= PROGRESS_MIN_BYTES and sys.stderr.isatty() else None
    offset = 0
    try:
        for lineno, chunk in enumerate(raw, 1):
            try:
                line = chunk.decode("utf-8", errors=errors)
            except UnicodeDecodeError as exc:
                raise ValueError(f"{name}: invalid UTF-8 at byte {offset + exc.start} (line {lineno}); "
                                 f"use --errors replace to substitute U+FFFD") from None
            offset += len(chunk)
            if progress:
                progress.update(offset)
            yield line
    finally:
        if progress:
            progress.close()
        if raw is not sys.stdin.buffer:
            raw.close()


def read_text(path: str, errors: str = "strict") -> str:
    """The whole input as one string (for ``--format json``)."""
    return "".join(read_lines(path, errors))


def write_json(obj: Any, out: IO[str] | None = None, indent: int | None = None) -> None:
    out = out or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False, indent=indent))
    out.write("\n")


class _Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, name: str, total: int) -> None:
        self.name, self.total, self.last = name, total, 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        frac = min(done / self.total, 1.0)
        bar = "#" * int(frac * 30)
        sys.stderr.write(f"\r{self.name} [{bar:<30}] {frac:6.1%}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r" + " " * (len(self.name) + 42) + "\r")
        sys.stderr.flush()
