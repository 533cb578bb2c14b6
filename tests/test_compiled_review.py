"""Review of the optional C modules (sorani/_spell_c.c, _morph_c.c, _facts_c.c): misuse that must
raise (never crash), callbacks that change the tables under the C code, and agreement with the
pure-Python twins on odd input. Each test skips when its module is not built. The crash
reproducers run in a subprocess, so that a regression fails the test instead of killing pytest."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from sorani._compiled import load


def _module(name: str, version_attr: tuple[str, str]):  # type: ignore[no-untyped-def]
    import importlib

    owner = importlib.import_module(version_attr[0])
    mod = load(name, getattr(owner, version_attr[1]))
    if mod is None:
        pytest.skip(f"sorani.{name} not built (or SORANI_PURE_PYTHON set)")
    return mod


def spell_c():  # type: ignore[no-untyped-def]
    return _module("_spell_c", ("sorani.spell", "C_VERSION"))


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (the crash reproducers)."""
    env = dict(os.environ)
    env.pop("SORANI_PURE_PYTHON", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, env=env)


# ---------------------------------------------------------------- _spell_c

def test_spell_configure_indel_callback_shrinking_the_list_does_not_crash() -> None:
    """configure read the indel costs of a list by a size taken once: a __float__ that empties the
    list made it read past the list's end (segfault)."""
    spell_c()
    r = _run("""
        import sorani._spell_c as m
        class F:
            def __init__(self, lst): self.lst = lst
            def __float__(self):
                self.lst.clear(); return 0.5
        lst = []
        lst.extend([F(lst), 0.5, 0.5, 0.5])
        m.configure("abcd", [], lst, "", 1.0, 0.3, 0.7, "b")
        print("ok", m.cost("ab", "ba"))
    """)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.startswith("ok")


def test_spell_configure_sub_callback_freeing_the_entry_does_not_crash() -> None:
    """An __index__ that empties the substitution list frees the tuple being parsed."""
    spell_c()
    r = _run("""
        import sorani._spell_c as m
        class I:
            def __init__(self, lst): self.lst = lst
            def __index__(self):
                self.lst.clear(); return 1
        lst = []
        lst.append((I(lst), 2, 0.25))
        lst.extend([(2, 1, 0.5)] * 3)
        m.configure("ab", lst, [0.5, 0.5], "", 1.0, 0.3, 0.7, "b")
        print("ok", m.cost("a", "b"))
    """)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split() == ["ok", "0.25"]


def test_spell_approx_best_callback_mutating_inputs_does_not_crash() -> None:
    """A str subclass key whose __eq__ empties the inserts list and the index while approx_best
    reads them (borrowed references once)."""
    spell_c()
    r = _run("""
        import gc
        import sorani._spell_c as m
        ins, didx = [], {}
        class Evil(str):
            __hash__ = str.__hash__
            def __eq__(self, other):
                ins.clear(); didx.clear(); gc.collect()
                return str.__eq__(self, other)
        ins.extend([("d", 0.5), ("q", 0.5)])
        didx[Evil("adbc")] = ("x" + "y",)
        didx["abc"] = ("abc", "ab" + "c")
        didx[Evil("bc")] = ("z" + "z",)
        r = m.approx_best("abc", didx, ins, {"xy": 0.0, "abc": 0.0, "zz": 0.0}, 1.0, 4)
        print("ok", sorted(r))
        didx2 = {"abcd": ("abcd",), Evil("bcd"): ("w" * 2, "v" * 2)}
        print("ok", m.near_frequent("abcd", didx2, {"abcd": 1, "ww": 2, "vv": 3}, 1.0, 4))
    """)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.count("ok") == 2


def test_spell_failed_configure_keeps_the_tables() -> None:
    """A configure call that fails half-way leaves the previous tables in force (it used to leave
    the module unconfigured: every later cost() raised RuntimeError, so sorani.spell failed)."""
    spell_c()
    from sorani import spell

    assert spell._compiled_cost() is not None
    before = spell._cost("\u0646\u0648\u0633\u06d5\u0631", "\u0646\u0648\u0648\u0633\u06d5\u0631")
    r_mod = spell_c()
    with pytest.raises(ValueError):
        r_mod.configure("ab", [(1, 2, 0.5)], [0.5, 0.5], "z", 1.0, 0.3, 0.7, "b")
    with pytest.raises(TypeError):
        r_mod.configure("ab", [[1, 2, 0.5]], [0.5, 0.5], "", 1.0, 0.3, 0.7, "b")
    after = spell._cost("\u0646\u0648\u0633\u06d5\u0631", "\u0646\u0648\u0648\u0633\u06d5\u0631")
    assert after == before == spell._cost_py("\u0646\u0648\u0633\u06d5\u0631",
                                             "\u0646\u0648\u0648\u0633\u06d5\u0631")


@pytest.mark.parametrize("call", [
    lambda m: m.cost(1, "a"),
    lambda m: m.known_affixed(b"x", frozenset(), frozenset(), {}, frozenset(), 3, "e"),
    lambda m: m.known_affixed("abcdef", frozenset(), frozenset({"ef"}), {"": ["x"]}, frozenset(), 3, "e"),
    lambda m: m.known_affixed("abcdef", frozenset({"ab"}), frozenset({"ef"}), {"": (1,)},
                              frozenset({""}), 3, "e"),
    lambda m: m.known_affixed("x", frozenset(), frozenset(), {}, frozenset(), 3, ""),
    lambda m: m.compound_known("abcdef", {"abc": "x"}, frozenset({"def"}), 2, 1.0, frozenset(),
                               frozenset(), {}, frozenset(), 3, "e"),
    lambda m: m.approx_best("abc", {"abc": ("zz",)}, (), {}, 1.0, 4),
    lambda m: m.approx_best("abc", {"abc": ([],)}, (), {}, 1.0, 4),
    lambda m: m.approx_best("abc", {}, [["d", 0.5]], {}, 1.0, 4),
    lambda m: m.approx_best("abc", {}, (), {}, 1.0, 65),
    lambda m: m.near_frequent("abcd", {"abcd": ("q",)}, {}, 1.0, 4),
    lambda m: m.near_frequent("abcd", {"abcd": ["q"]}, {"q": 1}, 1.0, 4),
])
def test_spell_misuse_raises(call) -> None:  # type: ignore[no-untyped-def]
    m = spell_c()
    with pytest.raises((TypeError, ValueError, KeyError)):
        call(m)


def test_spell_odd_strings_agree_with_python() -> None:
    """cost on lone surrogates, non-BMP letters, str subclasses and empty strings: as _cost_py."""
    spell_c()
    from sorani import spell

    class S(str):
        pass

    words = ["", "\ud800", "\udfff\u06d5", "\U0001f600\u06cc", "\u06cc\u06cc\u06cc",
             "\u0646\u0648\u0633\u06d5\u0631", S("\u0646\u0648\u0648\u0633\u06d5\u0631"),
             "\u0648\u0648" * 30, "\u0628" + "\u200c" * 3]
    for a in words:
        for b in words:
            assert spell._cost(a, b) == spell._cost_py(str(a), str(b)), (a, b)
    for w in words:
        assert spell._approx_best(w) == spell._approx_best_py(w)
        assert spell._known_affixed(w) == spell._known_affixed_py(w)
