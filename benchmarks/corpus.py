"""The benchmark corpus: the Sorani text of ../shared/data/corpus (ktc, blark-sorani, ted-ckb),
read at run time, one line a unit, never copied into the repository."""
from __future__ import annotations

from pathlib import Path

from sorani._data import shared_data_dir

SOURCES = ("corpus/ktc", "corpus/blark-sorani", "corpus/ted-ckb")


def corpus_files(data_dir: Path) -> list[Path]:
    files: list[Path] = []
    for src in SOURCES:
        files += sorted(p for p in (data_dir / src).rglob("*") if p.is_file() and p.name != "LICENSE")
    return files


def load_documents(max_chars: int | None = None, data: str | None = None, lines_per_doc: int = 100
                   ) -> list[str]:
    """The corpus as documents: a file of ktc or blark-sorani is one document; the TED files (one
    segment a line) are cut into documents of ``lines_per_doc`` lines. Invalid UTF-8 replaced."""
    data_dir = shared_data_dir(data)
    if data_dir is None:
        return []
    docs: list[str] = []
    total = 0
    for path in corpus_files(data_dir):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if "ted-ckb" in path.parts:
            lines = text.splitlines(keepends=True)
            parts = ["".join(lines[i:i + lines_per_doc]) for i in range(0, len(lines), lines_per_doc)]
        else:
            parts = [text]
        for part in parts:
            docs.append(part)
            total += len(part)
            if max_chars and total >= max_chars:
                return docs
    return docs


def load_corpus(max_chars: int | None = None, data: str | None = None) -> list[str]:
    """Non-empty lines of the corpus (invalid UTF-8 replaced), up to ``max_chars`` characters."""
    data_dir = shared_data_dir(data)
    if data_dir is None:
        return []
    lines: list[str] = []
    total = 0
    for path in corpus_files(data_dir):
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            if line.strip():
                lines.append(line)
                total += len(line)
                if max_chars and total >= max_chars:
                    return lines
    return lines
