"""Helpers shared by `benchmarks/peers.py` and the `benchmarks/peers_<area>.py` modules.

A peers module defines ``run(peer_python: str, data_dir: Path) -> list[dict]``. It reads the run's
settings (``settings()``: the corpus prefix, the time budget per peer, the Lucene classpath) that
peers.py fills in before importing it, runs peer code only through ``run_python_driver`` /
``run_java_driver`` (a subprocess with a timeout: a crashed or hanging peer gives an error row,
never a crash of the whole run), and measures sorani on exactly the same lines with
``sorani_chars_per_s``. Rows look like::

    {"name": "tokenize", "system": "klpt", "chars_per_s": 11000.0, "n_chars": 330000,
     "sorani_chars_per_s": 9.1e6, "note": "..."}
    {"name": "tokenize", "system": "asosoft", "error": "no tokenizer"}
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRIVERS = HERE / "peer_drivers"
CACHE = HERE / ".cache"


@dataclass
class Settings:
    """What peers.py decided for this run (module-level, filled in before modules run)."""

    max_chars: int = 4_000_000
    budget_s: float = 20.0          # wall time a peer may spend measuring one stage
    startup_s: float = 120.0        # extra time for a peer to import/load its data
    sorani_min_s: float = 0.3       # sorani repeats a measurement until at least this long
    clock: str = "cpu"              # "cpu": the measuring thread's CPU time; "wall": perf_counter
    lines: list[str] = field(default_factory=list)
    corpus_file: Path | None = None  # the same lines, one a line, for the drivers
    line_sources: list[str] = field(default_factory=list)  # corpus source of each line
    documents: list[str] = field(default_factory=list)
    lucene_classpath: str | None = None  # None: Lucene unavailable (see lucene_status)
    lucene_status: str = "not checked"
    installed: dict[str, str] = field(default_factory=dict)  # peer -> "ok" | error text
    out_dir: Path = HERE  # where reports beside peers-results.json go


_SETTINGS = Settings()


def settings() -> Settings:
    return _SETTINGS


def prefix_chars(lines: Sequence[str], n_lines: int) -> int:
    return sum(len(line) for line in lines[:n_lines])


def clock_fn() -> Callable[[], float]:
    return time.thread_time if settings().clock == "cpu" else time.perf_counter


# ---- sorani on the same input ---------------------------------------------------------------

_SORANI_CACHE: dict[tuple[str, int], float] = {}


def sorani_chars_per_s(key: str, fn: Callable[[str], object], units: Sequence[str],
                       min_seconds: float | None = None) -> float:
    """Chars/s of ``fn`` applied to each unit (repeated until ``min_seconds``), cached per
    (key, number of units) so several peers measured on the same prefix share one figure."""
    cache_key = (key, len(units))
    if cache_key in _SORANI_CACHE:
        return _SORANI_CACHE[cache_key]
    min_seconds = settings().sorani_min_s if min_seconds is None else min_seconds
    n_chars = sum(map(len, units))
    fn("گەرم")  # lazy data loading is not timed
    clock = clock_fn()
    rounds, elapsed = 0, 0.0
    while elapsed < min_seconds or rounds == 0:
        t0 = clock()
        for unit in units:
            fn(unit)
        elapsed += clock() - t0
        rounds += 1
    cps = n_chars * rounds / elapsed if elapsed > 0 else float("inf")
    _SORANI_CACHE[cache_key] = cps
    return cps


# ---- running peer code ----------------------------------------------------------------------

class PeerError(Exception):
    """A peer failed: the message goes into the row's "error"."""


def _tail(text: str, n: int = 400) -> str:
    text = text.strip()
    return text if len(text) <= n else "…" + text[-n:]


def run_subprocess(cmd: list[str], timeout: float, cwd: Path | None = None) -> dict:
    """Run a driver that prints one JSON object on its last stdout line; return it."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=cwd,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    except subprocess.TimeoutExpired:
        raise PeerError(f"timed out after {timeout:.0f} s") from None
    except OSError as exc:
        raise PeerError(f"could not start: {exc}") from None
    if out.returncode != 0:
        raise PeerError(f"exit {out.returncode}: {_tail(out.stderr or out.stdout)}")
    lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
    if not lines:
        raise PeerError(f"no output; stderr: {_tail(out.stderr)}")
    try:
        return json.loads(lines[-1])
    except json.JSONDecodeError:
        raise PeerError(f"bad output: {_tail(lines[-1])}") from None


def run_python_driver(peer_python: str, driver: str, args: Sequence[str],
                      timeout: float | None = None) -> dict:
    """Run ``benchmarks/peer_drivers/<driver>`` with the peers venv's interpreter."""
    s = settings()
    # the budget is measured time (CPU by default); on a busy machine wall time runs ahead of it
    timeout = timeout if timeout is not None else s.budget_s * 5 + s.startup_s
    result = run_subprocess([peer_python, str(DRIVERS / driver), *args], timeout)
    if "error" in result:
        raise PeerError(str(result["error"]))
    return result


def peer_row(name: str, system: str, measure: Callable[[], dict], sorani_key: str | None = None,
             sorani_fn: Callable[[str], object] | None = None, units: Sequence[str] | None = None,
             note: str = "") -> dict:
    """One comparison row: ``measure()`` runs the peer and returns the driver's JSON
    ({"n_units", "seconds", ...}); sorani is then timed on the same first ``n_units`` units."""
    row: dict = {"name": name, "system": system}
    if note:
        row["note"] = note
    try:
        res = measure()
    except PeerError as exc:
        row["error"] = str(exc)
        print(f"  {name:22s} {system:28s} ERROR {exc}", flush=True)
        return row
    except Exception as exc:  # a bug in a module must not end the run
        row["error"] = f"{type(exc).__name__}: {exc}"
        print(f"  {name:22s} {system:28s} ERROR {row['error']}", flush=True)
        return row
    units = settings().lines if units is None else units
    n_units = int(res.get("n_units", len(units)))
    n_chars = int(res.get("n_chars", prefix_chars(units, n_units)))
    seconds = float(res["seconds"])
    row.update({"chars_per_s": n_chars / seconds if seconds > 0 else None, "n_chars": n_chars,
                "n_units": n_units, "seconds": round(seconds, 3)})
    for k in ("n_out", "init_s", "first_pass_chars_per_s", "rounds"):
        if k in res:
            row[k] = res[k]
    if sorani_fn is not None and n_units:
        row["sorani_stage"] = sorani_key
        row["sorani_chars_per_s"] = sorani_chars_per_s(sorani_key or name, sorani_fn, units[:n_units])
        if row["chars_per_s"]:
            row["ratio"] = row["sorani_chars_per_s"] / row["chars_per_s"]
    cps = row["chars_per_s"] or 0
    print(f"  {name:22s} {system:28s} {cps / 1e6:10.4f} M chars/s on {n_chars} chars"
          + (f"  (sorani {row['sorani_chars_per_s'] / 1e6:.2f} M, x{row.get('ratio', 0):.1f})"
             if "sorani_chars_per_s" in row else ""), flush=True)
    return row


def write_lines(lines: Sequence[str], name: str) -> Path:
    """Write units one a line to a file in benchmarks/.cache (git-ignored), for the drivers."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / name
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line.replace("\n", " ").replace("\r", " ") + "\n")
    return path


def temp_dir() -> Path:
    CACHE.mkdir(exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="peers-", dir=CACHE))


def python_executable() -> str:
    return sys.executable
