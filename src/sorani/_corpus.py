"""The Sorani corpora of the shared data (read at run time, never shipped): the text that
evaluation and benchmarks run over."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

SOURCES = ("corpus/ktc", "corpus/blark-sorani", "corpus/ted-ckb")


def corpus_files(data_dir: Path) -> list[Path]:
    """The corpus files under ``data_dir``, in a stable order."""
    files: list[Path] = []
    for src in SOURCES:
        files += sorted(p for p in (data_dir / src).rglob("*") if p.is_file() and p.name != "LICENSE")
    return files


def corpus_documents(data_dir: Path, lines_per_doc: int = 100) -> Iterator[str]:
    """The corpus as documents: a file of ktc or blark-sorani is one; the TED files (one segment a
    line) are cut into documents of ``lines_per_doc`` lines. Invalid UTF-8 is replaced."""
    for path in corpus_files(data_dir):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if "ted-ckb" in path.parts:
            lines = text.splitlines(keepends=True)
            yield from ("".join(lines[i:i + lines_per_doc]) for i in range(0, len(lines), lines_per_doc))
        else:
            yield text
