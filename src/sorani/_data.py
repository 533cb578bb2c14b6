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


# ----------------------------------------------------------------------------------------------
# compiled-regex cache. ``re`` compiles in Python (its parser and charset optimiser), which costs
# ~100 ms for the large number and gazetteer patterns on the first call of a process. The result
# of that work is a list of integers (the sre bytecode), the same for a given pattern on a given
# Python build, so it is kept on disk under the user's cache directory
# ($SORANI_CACHE_DIR, else $XDG_CACHE_HOME/sorani, else ~/.cache/sorani) in one ``marshal`` file
# per Python build and sre version. The pattern text is the key, so a changed pattern is simply
# compiled again. Any problem (no cache dir, unwritable, corrupt file, another Python) falls back
# silently to ``re.compile``; the ``_sre`` module validates the code it is given.
# SORANI_NO_CACHE=1 turns the cache off.
_RX_CACHE: dict[tuple[str, int], tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]] | None = None
_RX_DIRTY = False
_RX_USED: set[tuple[str, int]] = set()  # the patterns this process asked for
_RX_MAX = 300  # more entries (patterns of older versions): keep only those of this process


def _cache_file() -> str | None:
    if os.environ.get("SORANI_NO_CACHE"):
        return None
    import sys

    import _sre

    base = os.environ.get("SORANI_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "sorani")
    if not os.path.isabs(base):  # no home directory ("~" left as is): no cache, not one in cwd
        return None
    tag = "%s-%s-%d-%d" % (sys.implementation.cache_tag, ".".join(map(str, sys.version_info[:3])),
                           _sre.MAGIC, _sre.CODESIZE)
    return os.path.join(base, f"regex-{tag}.marshal")


def _load_rx_cache() -> dict:  # type: ignore[type-arg]
    global _RX_CACHE
    if _RX_CACHE is None:
        _RX_CACHE = {}
        try:
            import marshal

            path = _cache_file()
            if path:
                with open(path, "rb") as fh:
                    data = marshal.loads(fh.read())  # one read: marshal.load reads a file in small pieces
                if isinstance(data, dict):
                    _RX_CACHE = data
        except Exception:  # absent, unreadable or corrupt: compile afresh
            pass
    return _RX_CACHE


def _save_rx_cache() -> None:
    global _RX_DIRTY
    if not _RX_DIRTY:
        return
    _RX_DIRTY = False
    try:
        import marshal
        import tempfile

        path = _cache_file()
        if not path:
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        table = _RX_CACHE or {}
        if len(table) > _RX_MAX:
            table = {k: v for k, v in table.items() if k in _RX_USED}
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(table, fh)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # read-only home, full disk…: no cache, same results
        pass


def compile_cached(pattern: str, flags: int = 0):  # type: ignore[no-untyped-def]
    """``re.compile(pattern, flags)``, with the compiled code kept in the on-disk cache.

    >>> compile_cached("[کك]ورد").findall("كورد و کورد")
    ['كورد', 'کورد']
    """
    import re

    if flags & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII):
        return re.compile(pattern, flags)
    cache = _load_rx_cache()
    key = (pattern, int(flags))
    _RX_USED.add(key)
    hit = cache.get(key)
    if hit is not None:
        try:
            import _sre
            from array import array

            return _sre.compile(pattern, hit[0], array("I", hit[1]).tolist(), hit[2], hit[3], hit[4])
        except Exception:
            pass
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        groupindex = dict(p.state.groupdict)
        indexgroup = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        import _sre
        from array import array

        rx = _sre.compile(pattern, flags | p.state.flags, code, p.state.groups - 1, groupindex,
                          tuple(indexgroup))
        # the code as 4-byte words (a list of ints loads 30 times slower from marshal)
        packed = array("I", code)
        if packed.itemsize != _sre.CODESIZE:
            return rx
        entry = (int(flags | p.state.flags), packed.tobytes(), int(p.state.groups - 1), groupindex,
                 tuple(indexgroup))
    except Exception:  # another Python's internals: the plain way
        return re.compile(pattern, flags)
    global _RX_DIRTY
    cache[key] = entry
    if not _RX_DIRTY:
        _RX_DIRTY = True
        import atexit

        atexit.register(_save_rx_cache)
    return rx


class SortedWords:
    """Membership in a word list kept as one string of sorted lines, without making a set of it
    (a set of 60 000 words costs ~15 ms to build; a short text asks about a few hundred): each
    word asked about is found by binary search and remembered. ``lookups`` counts the searches,
    so a caller can switch to a real ``frozenset`` (``to_frozenset``) once many texts ask.

    >>> words = SortedWords("ئاو\\nباران\\nشار\\n")
    >>> "باران" in words, "بار" in words, "" in words
    (True, False, False)
    """

    __slots__ = ("blob", "memo", "lookups")

    def __init__(self, sorted_lines: str | bytes) -> None:
        # (UTF-8 bytes are searched as they are: their order is that of the code points, and a
        # file read as bytes skips its ~2 ms decoding at the start of a process)
        nl = b"\n" if isinstance(sorted_lines, bytes) else "\n"
        self.blob = sorted_lines if sorted_lines.endswith(nl) else sorted_lines + nl  # type: ignore[operator]
        self.memo: dict[str, bool] = {}
        self.lookups = 0

    def __contains__(self, word: object) -> bool:
        got = self.memo.get(word)  # type: ignore[call-overload]
        if got is None:
            got = self.memo[word] = isinstance(word, str) and self._search(word)  # type: ignore[index]
            self.lookups += 1
        return got

    def _search(self, word: str) -> bool:
        if not word or "\n" in word:
            return False
        blob = self.blob
        if isinstance(blob, bytes):
            try:
                return self._search_bytes(word.encode("utf-8"))
            except UnicodeEncodeError:  # a lone surrogate: in no UTF-8 list
                return False
        lo, hi = 0, len(blob)  # lo: the start of a line; the first line >= word starts in [lo, hi]
        while lo < hi:
            mid = (lo + hi) // 2
            s = blob.rfind("\n", lo, mid)
            s = lo if s < 0 else s + 1
            e = blob.find("\n", s)
            if blob[s:e] < word:
                lo = e + 1
            else:
                hi = s
        return blob.startswith(word + "\n", lo)

    def _search_bytes(self, word: bytes) -> bool:
        blob = self.blob
        lo, hi = 0, len(blob)  # (as _search, over the bytes)
        while lo < hi:
            mid = (lo + hi) // 2
            s = blob.rfind(b"\n", lo, mid)
            s = lo if s < 0 else s + 1
            e = blob.find(b"\n", s)
            if blob[s:e] < word:
                lo = e + 1
            else:
                hi = s
        return blob.startswith(word + b"\n", lo)  # type: ignore[arg-type]

    def to_frozenset(self) -> frozenset[str]:
        """All the words, as a set."""
        blob = self.blob
        words = frozenset((blob.decode("utf-8") if isinstance(blob, bytes) else blob).split("\n"))
        return words - {""} if "" in words else words


def cached_derived(name: str, sources: list[str], build):  # type: ignore[no-untyped-def]
    """``build()`` (a value ``marshal`` can store), kept in the user cache directory (see
    ``compile_cached``) and reused while the ``sources`` (data files and the code that derives
    the value from them) keep their size and modification time; any problem: ``build()``
    itself."""
    path = _cache_file()
    if path is None:
        return build()
    try:
        import marshal
        import sys

        # the sources by path, size and modification time (no file read: this is the fast path)
        stats = [(os.path.abspath(src), st.st_size, st.st_mtime_ns)
                 for src in sources for st in [os.stat(src)]]
        digest = repr((name, sys.version, stats))
        target = os.path.join(os.path.dirname(path), f"{name}.marshal")
    except Exception:
        return build()
    try:
        with open(target, "rb") as fh:
            stored = marshal.loads(fh.read())  # one read: marshal.load reads a file in small pieces
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == digest:
            return stored[1]
    except Exception:  # absent or unreadable: build it
        pass
    value = build()
    try:
        import tempfile

        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((digest, value), fh)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # read-only home, value marshal cannot store…: no cache
        pass
    return value
