"""`make bench-peers`: sorani beside its peers (KLPT, AsoSoft, ckb-textify, kurdish-sorani-tools,
Apache Lucene), same input, same run.

1. creates benchmarks/.peers-venv (git-ignored) if missing and pip-installs the peers from PyPI
   into it (a peer that will not install is reported, not fatal);
2. installs Lucene from Debian (liblucene8-java, and a JDK when javac is missing) when it is
   absent and we are root; otherwise Lucene is skipped with a message;
3. takes a prefix of the Sorani corpus (benchmarks/corpus.py: ktc, blark-sorani, ted-ckb, lines of
   the three sources interleaved so that any prefix mixes them), writes it one unit a line to
   benchmarks/.cache for the drivers;
4. imports every benchmarks/peers_<area>.py and calls ``run(peer_python, data_dir)``; each returns
   rows (see benchmarks/peerkit.py); sorani is re-measured on exactly the input each peer got;
5. writes benchmarks/peers-results.json and benchmarks/peers-results.md.

Usage: python benchmarks/peers.py [--only core] [--max-chars N] [--budget S] [--no-install]
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import peerkit  # noqa: E402
from sorani._corpus import SOURCES  # noqa: E402
from sorani._data import shared_data_dir  # noqa: E402

VENV = HERE / ".peers-venv"
# PyPI name -> import name; a peers_<area>.py may add its own in PACKAGES
PACKAGES: dict[str, str] = {
    "klpt": "klpt",
    "asosoft": "asosoft",
    "ckb-textify": "ckb_textify",
    "kurdish-sorani-tools": "kurdish_sorani_tools",
}
DEBIAN_LUCENE = "liblucene8-java"
DEBIAN_JDK = "default-jdk-headless"


def log(msg: str) -> None:
    print(msg, flush=True)


# ---- the peers' venv ------------------------------------------------------------------------

def peer_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> str | None:
    """Create the peers venv if missing; None on success, else the error."""
    if peer_python().exists():
        return None
    log(f"creating {VENV}")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, timeout=300,
                       capture_output=True, text=True)
    except (subprocess.SubprocessError, OSError) as exc:
        return f"could not create the peers venv: {exc}"
    return None


def importable(module: str) -> bool:
    try:
        return subprocess.run([str(peer_python()), "-c", f"import {module}"], capture_output=True,
                              timeout=120).returncode == 0
    except (subprocess.SubprocessError, OSError):
        return False


def ensure_packages(packages: dict[str, str], install: bool) -> dict[str, str]:
    """PyPI name -> "ok" or the reason it is unavailable."""
    status: dict[str, str] = {}
    for dist, module in packages.items():
        if importable(module):
            status[dist] = "ok"
            continue
        if not install:
            status[dist] = "not installed (--no-install)"
            continue
        log(f"pip install {dist} (peers venv)")
        try:
            out = subprocess.run([str(peer_python()), "-m", "pip", "install", "-q", dist],
                                 capture_output=True, text=True, timeout=900)
            ok = out.returncode == 0 and importable(module)
            status[dist] = "ok" if ok else "install failed: " + peerkit._tail(out.stderr or out.stdout, 300)
        except (subprocess.SubprocessError, OSError) as exc:
            status[dist] = f"install failed: {exc}"
        if status[dist] != "ok":
            log(f"  {dist}: {status[dist]}")
    return status


def package_versions() -> dict[str, str]:
    try:
        out = subprocess.run([str(peer_python()), "-m", "pip", "list", "--format", "json"],
                             capture_output=True, text=True, timeout=120)
        return {p["name"]: p["version"] for p in json.loads(out.stdout)}
    except (subprocess.SubprocessError, OSError, ValueError):
        return {}


# ---- Lucene from Debian ----------------------------------------------------------------------

def dpkg_installed(pkg: str) -> bool:
    try:
        out = subprocess.run(["dpkg", "-s", pkg], capture_output=True, text=True, timeout=60)
    except (subprocess.SubprocessError, OSError):
        return False
    return out.returncode == 0 and "install ok installed" in out.stdout


class Apt:
    """apt-get, with one `apt-get update` per run, only as root."""

    def __init__(self) -> None:
        self.updated = False

    def install(self, pkg: str) -> str | None:
        if shutil.which("apt-get") is None:
            return "apt-get not found"
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            return "not root, cannot apt-get install"
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        try:
            if not self.updated:
                log("apt-get update")
                subprocess.run(["apt-get", "update", "-q"], capture_output=True, timeout=600, env=env,
                               check=True)
                self.updated = True
            log(f"apt-get install -y {pkg}")
            out = subprocess.run(["apt-get", "install", "-y", "-q", pkg], capture_output=True,
                                 text=True, timeout=900, env=env)
        except (subprocess.SubprocessError, OSError) as exc:
            return f"apt-get failed: {exc}"
        if out.returncode != 0:
            return "apt-get install failed: " + peerkit._tail(out.stderr or out.stdout, 300)
        return None


def lucene_jars() -> list[str]:
    try:
        out = subprocess.run(["dpkg", "-L", DEBIAN_LUCENE], capture_output=True, text=True, timeout=60)
    except (subprocess.SubprocessError, OSError):
        return []
    jars = {}
    for path in out.stdout.split():
        name = Path(path).name
        for part in ("lucene-core-", "lucene-analyzers-common-"):
            if name.startswith(part) and name.endswith(".jar") and path.startswith("/usr/share/java/"):
                if Path(path).is_file():
                    jars.setdefault(part, path)
    return list(jars.values()) if len(jars) == 2 else []


def ensure_lucene(install: bool) -> tuple[str | None, str]:
    """(classpath, status): classpath None when Lucene cannot be used."""
    apt = Apt()
    if not dpkg_installed(DEBIAN_LUCENE):
        if not install:
            return None, f"{DEBIAN_LUCENE} not installed (--no-install): Lucene skipped"
        err = apt.install(DEBIAN_LUCENE)
        if err:
            return None, f"{err}: Lucene skipped"
    if shutil.which("javac") is None or shutil.which("java") is None:
        if not install:
            return None, "javac not found (--no-install): Lucene skipped"
        err = apt.install(DEBIAN_JDK)
        if err or shutil.which("javac") is None:
            return None, f"no JDK ({err or 'javac still missing'}): Lucene skipped"
    jars = lucene_jars()
    if not jars:
        return None, f"{DEBIAN_LUCENE} is installed but its jars were not found: Lucene skipped"
    version = Path(jars[0]).stem.rsplit("-", 1)[-1]
    return os.pathsep.join(jars), f"ok (Lucene {version}, {DEBIAN_LUCENE})"


# ---- corpus ------------------------------------------------------------------------------------

def load_mixed(data_dir: Path, max_chars: int) -> tuple[list[str], list[str], list[str]]:
    """(lines, documents, source of each line) from the corpus sources of ``sorani._corpus``:
    each file read as there (invalid UTF-8 replaced); lines are the non-empty lines, documents as
    in ``corpus_documents`` (a ktc or blark-sorani file, or 100 TED segments); the lines (and the
    documents) of the three sources are interleaved one by one and cut at ``max_chars``."""
    per_source: list[list[str]] = []
    docs_per_source: list[list[str]] = []
    for src in SOURCES:
        lines: list[str] = []
        docs: list[str] = []
        for path in sorted(p for p in (data_dir / src).rglob("*") if p.is_file() and p.name != "LICENSE"):
            text = path.read_bytes().decode("utf-8", errors="replace")
            lines += [ln for ln in text.splitlines() if ln.strip()]
            if "ted-ckb" in path.parts:
                segs = text.splitlines(keepends=True)
                docs += ["".join(segs[i:i + 100]) for i in range(0, len(segs), 100)]
            elif text.strip():
                docs.append(text)
        per_source.append(lines)
        docs_per_source.append(docs)

    def interleave(groups: list[list[str]]) -> tuple[list[str], list[str]]:
        out, where, total = [], [], 0
        for i in range(max(map(len, groups), default=0)):
            for src, g in zip(SOURCES, groups):
                if i < len(g):
                    out.append(g[i])
                    where.append(src)
                    total += len(g[i])
                    if total >= max_chars:
                        return out, where
        return out, where

    lines, where = interleave(per_source)
    return lines, interleave(docs_per_source)[0], where


# ---- modules and report ------------------------------------------------------------------------

def peer_modules(only: list[str] | None) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("peers_*.py"))
    if only:
        wanted = {o if o.startswith("peers_") else f"peers_{o}" for o in only}
        missing = wanted - set(names)
        if missing:
            raise SystemExit(f"no such peers module: {', '.join(sorted(missing))} (have {', '.join(names)})")
        names = [n for n in names if n in wanted]
    return names


def fmt_cps(v: float | None) -> str:
    if v is None:
        return ""
    if v >= 1e6:
        return f"{v / 1e6:.2f} M"
    if v >= 1e3:
        return f"{v / 1e3:.1f} k"
    return f"{v:.0f}"


def fmt_chars(n: int | None) -> str:
    if not n:
        return ""
    return f"{n / 1e6:.2f} M" if n >= 1e6 else f"{n / 1e3:.0f} k"


def markdown(meta: dict, rows: list[dict]) -> str:
    out = ["# sorani beside its peers", "",
           f"Measured by `make bench-peers` (benchmarks/peers.py) on {meta['date']}, {meta['machine']}. "
           f"Input: the first {fmt_chars(meta['n_chars'])} chars of the corpus "
           f"({', '.join(SOURCES)}; lines of the three interleaved), one line a unit unless the "
           f"unit says otherwise. Each peer measures a prefix of that input within its time budget "
           f"({meta['budget_s']:.0f} s of {meta['clock']} time); *sorani* is re-measured in the same run on exactly the "
           f"chars that peer processed. Ratio = sorani chars/s ÷ peer chars/s. Python peers run in "
           f"their own venv, timed inside the process around the calls only (imports and data "
           f"loading excluded); Lucene is timed inside the JVM after a warm-up pass. Clock: "
           + ("the measuring thread's CPU time (the machine is shared, wall time is noisy; JVM "
              "JIT/GC threads are not counted)" if meta["clock"] == "cpu" else "wall time")
           + ".", ""]
    speed = [r for r in rows if "metric" not in r]
    stages: list[str] = []
    for r in speed:
        if r["name"] not in stages:
            stages.append(r["name"])
    out += ["| stage | system | unit | chars measured | chars/s | sorani chars/s (same input) | ratio | note |",
            "|---|---|---|---:|---:|---:|---:|---|"]
    for stage in stages:
        for r in speed:
            if r["name"] != stage:
                continue
            if "error" in r or "skipped" in r:
                out.append(f"| {stage} | {r['system']} | | | — | | | {r.get('error') or r['skipped']} |")
                continue
            ratio = f"{r['ratio']:.0f}×" if r.get("ratio", 0) >= 10 else (
                f"{r['ratio']:.2f}×" if "ratio" in r else "")
            sorani = fmt_cps(r.get("sorani_chars_per_s"))
            if sorani and r.get("sorani_stage") and r["sorani_stage"] != stage:
                sorani += f" ({r['sorani_stage']})"
            out.append(f"| {stage} | {r['system']} | {r.get('unit', 'line' if 'n_chars' in r else '')} | {fmt_chars(r.get('n_chars'))} | "
                       f"{fmt_cps(r.get('chars_per_s'))} | {sorani} | {ratio} | {r.get('note', '')} |")
    metrics = [r for r in rows if "metric" in r]
    if metrics:  # one line per (task, metric), one column per system
        systems: list[str] = []
        keys: list[tuple[str, str]] = []
        cells: dict[tuple[str, str, str], str] = {}
        ns: dict[tuple[str, str], str] = {}
        notes: dict[tuple[str, str], list[str]] = {}
        for r in metrics:
            key = (r["name"], r["metric"])
            if key not in keys:
                keys.append(key)
            if r["system"] not in systems:
                systems.append(r["system"])
            v = r.get("value")
            cells[(*key, r["system"])] = "error" if "error" in r else (
                f"{v:.4f}" if isinstance(v, float) else ("" if v is None else str(v)))
            if r.get("n") is not None:
                ns.setdefault(key, str(r["n"]))
            note = r.get("error") or r.get("note")
            if note:
                notes.setdefault((r["name"], note), [])
                if r["system"] not in notes[(r["name"], note)]:
                    notes[(r["name"], note)].append(r["system"])
        systems.sort(key=lambda s: (s != "sorani", s != "identity"))
        out += ["", "Decisions (same inputs for every system; higher is better):", "",
                "| task | metric | n | " + " | ".join(systems) + " |",
                "|---|---|---:|" + "---:|" * len(systems)]
        for key in keys:
            out.append(f"| {key[0]} | {key[1]} | {ns.get(key, '')} | "
                       + " | ".join(cells.get((*key, s), "") for s in systems) + " |")
        if notes:
            out.append("")
        for (task, note), who in notes.items():
            every = {r["system"] for r in metrics if r["name"] == task}
            out.append(f"- {task}" + ("" if set(who) == every else f" ({', '.join(who)})") + f": {note}")
    out += ["", "Peers: " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + "; "
            f"Lucene: {meta['lucene']}."]
    bad = {k: v for k, v in meta["installed"].items() if v != "ok"}
    if bad:
        out.append("Not available: " + "; ".join(f"{k}: {v}" for k, v in bad.items()) + ".")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="run only benchmarks/peers_NAME.py (repeatable)")
    ap.add_argument("--max-chars", type=int, default=4_000_000,
                    help="corpus prefix in chars (default 4 M); slow peers measure a shorter prefix")
    ap.add_argument("--budget", type=float, default=20.0,
                    help="measured seconds a peer may spend on one stage (default 20)")
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                    help="cpu: the measuring thread's CPU time (default, robust on a busy machine); "
                         "wall: elapsed time")
    ap.add_argument("--no-install", action="store_true", help="use what is installed, install nothing")
    ap.add_argument("--data", default=None, help="the shared data directory (default ../shared/data)")
    ap.add_argument("--out", default=str(HERE / "peers-results.json"))
    args = ap.parse_args(argv)

    modules = peer_modules(args.only)
    data_dir = shared_data_dir(args.data)
    if data_dir is None:
        log("bench-peers: shared data not found (../shared/data, $SORANI_DATA or --data)")
        return 1
    t_start = time.time()
    s = peerkit.settings()
    s.max_chars, s.budget_s, s.clock = args.max_chars, args.budget, args.clock
    s.out_dir = Path(args.out).resolve().parent
    s.out_dir.mkdir(parents=True, exist_ok=True)
    s.lines, s.documents, s.line_sources = load_mixed(data_dir, args.max_chars)
    if not s.lines:
        log(f"bench-peers: no corpus under {data_dir}/corpus")
        return 1
    s.corpus_file = peerkit.write_lines(s.lines, "peers-corpus.txt")
    n_chars = sum(map(len, s.lines))
    log(f"corpus prefix: {len(s.lines)} lines, {n_chars} chars ({len(s.documents)} documents)")

    err = ensure_venv()
    packages = dict(PACKAGES)
    imported = {}
    for name in modules:  # import first: a module may add PACKAGES
        try:
            imported[name] = importlib.import_module(name)
            packages.update(getattr(imported[name], "PACKAGES", {}))
        except Exception as exc:
            imported[name] = exc
    if err:
        s.installed = {dist: err for dist in packages}
    else:
        s.installed = ensure_packages(packages, install=not args.no_install)
    s.lucene_classpath, s.lucene_status = ensure_lucene(install=not args.no_install)
    log(f"peers: {s.installed}; Lucene: {s.lucene_status}")
    versions = package_versions() if not err else {}
    versions = {d: versions.get(d, versions.get(d.replace("_", "-"), "?")) for d in packages
                if s.installed.get(d) == "ok"}

    rows: list[dict] = []
    for name, mod in imported.items():
        log(f"== {name}")
        if isinstance(mod, Exception):
            rows.append({"name": name, "system": "(module)", "error": f"import failed: {mod}"})
            continue
        try:
            got = list(mod.run(str(peer_python()), data_dir))
        except Exception as exc:
            traceback.print_exc()
            got = [{"name": name, "system": "(module)", "error": f"{type(exc).__name__}: {exc}"}]
        rows += [{**r, "module": name} for r in got]

    meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores shared, Python {platform.python_version()}",
            "n_chars": n_chars, "n_lines": len(s.lines), "budget_s": s.budget_s, "clock": s.clock,
            "versions": versions, "installed": s.installed, "lucene": s.lucene_status,
            "wall_s": round(time.time() - t_start, 1)}
    out = Path(args.out)
    if args.only and out.exists():  # keep the other modules' rows of an earlier full run
        try:
            old = json.loads(out.read_text())
            rows = [r for r in old.get("rows", []) if r.get("module") not in imported] + rows
        except (ValueError, AttributeError):
            pass
    out.write_text(json.dumps({"meta": meta, "rows": rows}, ensure_ascii=False, indent=1) + "\n")
    out.with_suffix(".md").write_text(markdown(meta, rows))
    log(f"wrote {out} and {out.with_suffix('.md')} in {meta['wall_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
