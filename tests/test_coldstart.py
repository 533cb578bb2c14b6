"""The start-up caches of ``sorani._data``: compiled regexes and derived data on disk, and the
sorted common-word list. Results must be the same with and without them."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from sorani import _data
from sorani._data import SortedWords, cached_derived, compile_cached

PATTERNS = [
    ("[کك]ورد(?P<end>ەکان|ستان)?", 0),
    ("(?<![ئ-ی])(\\d+)(?:[.,]\\d+)*", 0),
    ("^سڵاو.*$", re.M),
    ("(?>[ئ-ی]+)\\s", 0) if sys.version_info >= (3, 11) else ("[ئ-ی]+\\s", 0),
]
TEXT = "كوردستان و کوردەکان ١٢٣ 12,5 سڵاو لە هەولێر\nسڵاو دیسان"


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SORANI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SORANI_NO_CACHE", raising=False)
    monkeypatch.setattr(_data, "_RX_CACHE", None)
    monkeypatch.setattr(_data, "_RX_DIRTY", False)
    return tmp_path / "cache"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a.pattern == b.pattern and a.flags == b.flags and a.groupindex == b.groupindex
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]
    assert [m.groups() for m in a.finditer(TEXT)] == [m.groups() for m in b.finditer(TEXT)]


def test_compile_cached_round_trip(cache_dir):
    for pat, flags in PATTERNS:
        _same(compile_cached(pat, flags), re.compile(pat, flags))
    _data._save_rx_cache()
    files = list(cache_dir.iterdir())
    assert len(files) == 1
    _data._RX_CACHE = None  # as a new process: read back from disk
    loaded = _data._load_rx_cache()
    assert {k for k in loaded} >= {(p, f) for p, f in PATTERNS}
    for pat, flags in PATTERNS:
        _same(compile_cached(pat, flags), re.compile(pat, flags))


def test_compile_cached_corrupt_or_unwritable(cache_dir, monkeypatch):
    pat = PATTERNS[0][0]
    compile_cached(pat)
    _data._save_rx_cache()
    (path,) = cache_dir.iterdir()
    path.write_bytes(b"not marshal data")
    _data._RX_CACHE = None
    _same(compile_cached(pat), re.compile(pat))  # corrupt file: compiled afresh
    monkeypatch.setenv("SORANI_CACHE_DIR", os.devnull + "/nowhere")  # cannot be created
    _data._RX_CACHE = None
    _same(compile_cached(pat), re.compile(pat))
    _data._save_rx_cache()  # silently nothing


def test_no_cache_env(cache_dir, monkeypatch):
    monkeypatch.setenv("SORANI_NO_CACHE", "1")
    _same(compile_cached(PATTERNS[1][0]), re.compile(PATTERNS[1][0]))
    _data._save_rx_cache()
    assert not cache_dir.exists()
    calls = []
    assert cached_derived("x", [], lambda: calls.append(1) or [1, 2]) == [1, 2]
    assert not cache_dir.exists()


def test_cached_derived_follows_sources(cache_dir, tmp_path):
    src = tmp_path / "src.tsv"
    src.write_text("a\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return [src.read_text(encoding="utf-8"), ("t", 1)]

    assert cached_derived("t", [str(src)], build) == ["a\n", ("t", 1)]
    assert cached_derived("t", [str(src)], build) == ["a\n", ("t", 1)]
    assert len(calls) == 1  # the second from the cache
    src.write_text("bb\n", encoding="utf-8")
    assert cached_derived("t", [str(src)], build) == ["bb\n", ("t", 1)]
    assert len(calls) == 2
    (cache_dir / "t.marshal").write_bytes(b"\x00garbage")
    assert cached_derived("t", [str(src)], build) == ["bb\n", ("t", 1)]


def test_cached_derived_unmarshallable(cache_dir):
    value = cached_derived("obj", [], lambda: object)
    assert value is object  # returned, just not stored


def test_sorted_words_matches_a_set():
    words = sorted({"ئاو", "باران", "بار", "بارانەکان", "شار", "ژن", "a", "zz", "ک"})
    sw = SortedWords("\n".join(words) + "\n")
    probes = words + [w[:-1] for w in words] + [w + "ی" for w in words] + ["", "\n", "ی", "\U0010ffff"]
    for p in probes:
        assert (p in sw) == (p in set(words)), p
    assert sw.to_frozenset() == frozenset(words)
    assert 5 not in sw


def test_common_words_file_is_sorted():
    # SortedWords searches it by bisection: the build script writes it sorted
    path = _data.data_path("entities") / "common_words.txt"
    if not path.exists():
        pytest.skip("no common_words.txt")
    text = path.read_text(encoding="utf-8")
    body = text[text.index("\n\n") + 2:] if text.startswith("#") and "\n\n" in text else text
    lines = [w for w in body.split("\n") if w]
    assert lines == sorted(lines)


def test_common_words_lazy_then_set(monkeypatch):
    import importlib

    gz = importlib.import_module("sorani.entities.gazetteer")
    monkeypatch.setattr(gz, "_COMMON", [])
    monkeypatch.setattr(gz, "_COMMON_SET_AFTER", 3)
    first = gz.common_words()
    full = first.to_frozenset() if not isinstance(first, frozenset) else first
    probes = sorted(full)[:5] + ["نەبووەوشەیەک", "xyz"]
    assert [p in first for p in probes] == [p in full for p in probes]
    later = gz.common_words()
    assert isinstance(later, frozenset) and later == full


def test_same_output_with_and_without_cache(tmp_path):
    # facts of a short news text in fresh processes: no cache, cache being filled, cache used
    text = ("بەگوێرەی وەزارەتی بەرگریی ئازەربایجان، زیاتر لە دوو هەزار و ٣٠٠ سەربازی ئەرمەنی "
            "کوژراون و ١٣٠ تانک تێکشکێنراون. هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا گوتی: «ئاگربەست».")
    code = ("import json,sys; import sorani.facts as f, sorani.numbers as n; t=sys.stdin.read(); "
            "print(json.dumps([n.find_numbers(t), f.extract_facts(t)], default=lambda o: o.to_dict() "
            "if hasattr(o, 'to_dict') else repr(o), ensure_ascii=False, sort_keys=True))")
    env = dict(os.environ, SORANI_CACHE_DIR=str(tmp_path / "c"))
    outs = []
    for extra in ({"SORANI_NO_CACHE": "1"}, {}, {}):
        e = dict(env, **extra)
        if not extra:
            e.pop("SORANI_NO_CACHE", None)
        outs.append(subprocess.run([sys.executable, "-c", code], input=text, env=e, text=True,
                                   capture_output=True, check=True).stdout)
    assert outs[0] == outs[1] == outs[2]
    assert (tmp_path / "c").is_dir() and any((tmp_path / "c").iterdir())


def test_regex_cache_is_pruned(cache_dir, monkeypatch):
    monkeypatch.setattr(_data, "_RX_MAX", 3)
    monkeypatch.setattr(_data, "_RX_USED", set())
    for i in range(6):
        compile_cached(f"x{i}[کك]")
    _data._save_rx_cache()
    _data._RX_CACHE, _data._RX_USED = None, set()
    compile_cached("x0[کك]")
    compile_cached("new")
    _data._save_rx_cache()  # 7 entries > 3: only this process's two are kept
    _data._RX_CACHE = None
    assert set(_data._load_rx_cache()) == {("x0[کك]", 0), ("new", 0)}


def test_no_home_no_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("SORANI_CACHE_DIR", raising=False)
    monkeypatch.delenv("SORANI_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")
    monkeypatch.chdir(tmp_path)
    assert _data._cache_file() is None
    assert cached_derived("y", [], lambda: [3]) == [3]
    assert not any(tmp_path.iterdir())
