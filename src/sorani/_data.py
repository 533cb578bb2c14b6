"""Loading the language-data files in ``sorani/data`` (UTF-8, ``#`` comments, tab-separated)."""
from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # pathlib and typing are imported on use, not at import (import speed)
if TYPE_CHECKING:
    from pathlib import Path

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(name: str) -> Path:
    """Path of a bundled data file, e.g. ``data_path("charmap.tsv")``."""
    from pathlib import Path

    return Path(DATA_DIR, name)


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a bundled TSV data file; blank lines and lines starting with ``#`` are skipped.

    Cells are stripped of surrounding spaces; ``\\uXXXX`` escapes are decoded so invisible
    characters stay reviewable in the file.
    """
    rows = []
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append(tuple(_unescape(cell.strip()) for cell in line.split("\t")))
    return tuple(rows)


def _unescape(cell: str) -> str:
    if "\\u" not in cell:
        return cell
    return cell.encode("ascii", "backslashreplace").decode("unicode_escape")


def shared_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The gold-set directory: ``explicit``, else ``$SORANI_DATA``, else ``../shared/data``
    next to the repository or the working directory. ``None`` when none exists."""
    from pathlib import Path

    candidates = [explicit, os.environ.get("SORANI_DATA")]
    here = Path(__file__).resolve()
    candidates += [Path.cwd() / ".." / "shared" / "data", here.parents[3] / "shared" / "data"
                   if len(here.parents) > 3 else None]
    for cand in candidates:
        if cand and Path(cand).is_dir():
            return Path(cand).resolve()
    return None
