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
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------- _morph_c

def morph_c():  # type: ignore[no-untyped-def]
    return _module("_morph_c", ("sorani.morphology", "_MORPH_C_VERSION"))


def test_morph_noun_agent_callback_emptying_the_table_does_not_crash() -> None:
    """The noun search holds the key row's segmentations while the agent callback runs (a
    callback that empties their dict once freed the tuple being read)."""
    morph_c()
    r = _run("""
        import gc
        import sorani._morph_c as m
        Y = "\\u06cc"
        by_cls = {}
        def agent(w, stem, weak):
            by_cls.clear(); gc.collect()
            return None
        by_cls["C"] = tuple(((("x" * 3, "DER", ""),), 0.5 * k, False, False, False) for k in range(50))
        entries_of = {"ab": (0.0, False, False, (("ab", "N", "", "NOUN", 0.1, False),))}
        keys_of = {"": ((0, False, False, {}, ()),), Y: ((1, False, False, by_cls, ()),)}
        m.set_noun_tables((entries_of, keys_of, frozenset(keys_of), agent, 5))
        print("ok", len(m.noun_analyses("ab" + Y)))
    """)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.startswith("ok")


def test_morph_misuse_raises_in_a_fresh_process() -> None:
    """The table setters and searches of _morph_c given wrong tables or arguments raise (no crash);
    run apart: the module's tables are process-wide."""
    morph_c()
    r = _run("""
        import sorani._morph_c as m
        def fails(f, *a):
            try:
                f(*a)
            except (TypeError, ValueError, KeyError, RuntimeError, OverflowError):
                return
            raise AssertionError((f, a))
        fails(m.noun_analyses, "x")                      # before set_noun_tables
        fails(m.verb_hits, "x")
        fails(m.fold, "x")
        fails(m.head_lengths, "x", 1, 2)
        fails(m.set_noun_tables, ({}, {1: ()}, frozenset(), len, 5))
        fails(m.noun_analyses, "abc")                    # (the failed set leaves none)
        Y = "\\u06cc"
        by_cls = {"C": ((((), 0.5, False, False, False)),)}
        entries = {"ab": (0.0, False, False, (("ab", "N", "", "NOUN", 0.1, False),))}
        m.set_noun_tables((entries, {Y: ((1, False, False, by_cls, ()),)}, frozenset(), len, 5))
        fails(m.noun_analyses, "abc")                    # a word end missing from keys_of
        m.set_noun_tables((entries, {"": ((5, False, False, by_cls, ()),)}, frozenset(), len, 5))
        fails(m.noun_analyses, "ab")                     # a key longer than the word
        fails(m.noun_analyses, 5)
        fails(m.noun_end, "ab", "x")
        m.set_noun_tables((entries, {"": ((0, False, False, by_cls, ()),)}, frozenset(), len, 2 ** 80))
        fails(m.noun_analyses, "ab")
        m.set_verb_tables((frozenset(), {"": [(0, ())], "x": [(99, ())]}, frozenset(),
                           {"": [(0, ())]}, (), len))
        fails(m.verb_hits, "abx")                        # a suffix longer than the word
        fails(m.verb_hits, b"abx")
        fails(m.set_fold_table, {"a": "xyz"}, frozenset())
        fails(m.set_fold_table, {"\\U0001f600": "x"}, frozenset())
        m.set_heads({"a": True})
        fails(m.head_lengths, "ab", 0, 3)
        fails(m.head_lengths, "ab", 1, 2 ** 70)
        fails(m.set_light_ends, {"ab": True})
        print("ok")
    """)
    assert r.returncode == 0, (r.returncode, r.stderr[-2000:])
    assert r.stdout.strip() == "ok"


def test_morph_fold_odd_strings_agree_with_python() -> None:
    """fold in C and in Python on lone surrogates, non-BMP letters, ZWNJ runs and final ه."""
    morph_c()
    from sorani import morphology as mo

    mo._fold_fast("x")  # binds the compiled fold (and sets its table)
    import sorani._morph_c as mc

    odd = ["", "\ud800", "\udfff\u0647", "\U0001f600\u0647", "\u0631\u200c\u200c\u0647",
           "\u0647\u200c\u200c", "\u0627\u0647", "\u0643\u064a\u0629\u0647", "\u200c" * 5,
           "\u0631", "\u0647", "\u0631\u0647", "\u06a9" * 200 + "\u0647"]
    for w in odd:
        assert mc.fold(w) == mo.fold(w), w


# ---------------------------------------------------------------- _facts_c

def facts_c():  # type: ignore[no-untyped-def]
    import importlib

    g = importlib.import_module("sorani.entities.gazetteer")
    if g._compiled_scan() is None:
        pytest.skip("sorani._facts_c not built (or SORANI_PURE_PYTHON set)")
    return importlib.import_module("sorani._facts_c")


def test_facts_scan_misuse_and_callbacks_do_not_crash() -> None:
    fc = facts_c()

    class W:
        __slots__ = ("start", "end", "f", "key", "kind")

    slots = (W.start, W.end, W.f, W.key, W.kind)
    table = list(range(0x700))
    kinds = ("num", "word", "punct")
    forms: dict[str, tuple[str, str, str]] = {}

    def make(units: list[str]) -> None:
        forms.update(zip(units, fc.forms(units, table, kinds)))

    pool = [W() for _ in range(10)]
    out: list[object] = []

    def evil(units: list[str]) -> None:  # changes the pool and the output list under the scan
        pool.clear()
        out.clear()
        make(units)

    units, starts, ends, at, merged, fkeys, fbits = fc.scan("a b c d a", forms, evil, pool, out, W, slots)
    assert [(w.start, w.end, w.f) for w in out] == [(0, 1, "a"), (2, 3, "b"), (4, 5, "c"),
                                                   (6, 7, "d"), (8, 9, "a")]
    assert units["a"] == [0, 4] and starts[-1] == 9 and fkeys == fbits == []
    # a form's fourth item, its key's query bits: the keys with bits, once each, in the order of ``at``
    marked = {"a": ("a", "k", "word", 0), "b": ("b", "j", "word", 6), "c": ("c", "j", "word", 6),
              "d": ("d", "i", "word", 1)}
    got = fc.scan("d a b c b", marked, make, None, [], W, slots)
    assert list(got[3]) == ["i", "k", "j"] and got[5] == ["i", "j"] and got[6] == [1, 6]

    def clears(units: list[str]) -> None:
        make(units)
        forms.clear()

    for call in (
        lambda: fc.scan("x y", forms, clears, None, [], W, slots),
        lambda: fc.scan("q", {}, lambda u: None, None, [], W, slots),
        lambda: fc.scan("q", {"q": ("q", "q")}, make, None, [], W, slots),
        lambda: fc.scan("q", {"q": ("q", "q", "word", 1, 2)}, make, None, [], W, slots),
        lambda: fc.scan("q", {}, lambda u: 1 / 0, None, [], W, slots),
        lambda: fc.scan("a b", {"a": ("a", "a", "word"), "b": ("b", "b", "word")}, make, [1, 2], [], W,
                        slots),
        lambda: fc.scan("a", forms, make, None, [], int, slots),
        lambda: fc.scan("a", forms, make, None, [], W, slots[:4]),
        lambda: fc.scan(b"a", forms, make, None, [], W, slots),
        lambda: fc.scan("a b", {"a": ("a", [], "word"), "b": ("b", [], "word")}, make, None, [], W,
                        slots),
        lambda: fc.forms(["a"], [1, -5], kinds),
        lambda: fc.forms(["a"], [2 ** 70], kinds),
        lambda: fc.forms([""], table, kinds),
        lambda: fc.forms(["a"], table, ("a", "b")),
    ):
        with pytest.raises((TypeError, ValueError, RuntimeError, ZeroDivisionError)):
            call()
    assert fc.forms(["a"], table, kinds) == [("a", "a", "word")]  # (a bad table is not kept)


def test_facts_scan_agrees_with_python_on_odd_characters() -> None:
    """The compiled and the pure-Python scan give the same words on texts of odd characters
    (every character class boundary of the unit pattern, surrogates, non-BMP)."""
    facts_c()
    import importlib

    g = importlib.import_module("sorani.entities.gazetteer")
    chars = ["\u0620", "\u063f", "\u0640", "\u0641", "\u064a", "\u064b", "\u065f", "\u0660", "\u0669",
             "\u066b", "\u066c", "\u066e", "\u0670", "\u0671", "\u06d3", "\u06d4", "\u06d5", "\u06d6",
             "\u06ed", "\u06ee", "\u06f0", "\u06f9", "\u06fa", "\u06ff", "\u0750", "\u077f", "\u08a0",
             "\u08ff", "\ufb50", "\ufdfb", "\ufe70", "\ufefc", "\u200b", "\u200c", "\u200d", "\u200e",
             "\u200f", "\ufeff", "\u2060", "\ud800", "\U0001f600", "\U00010000", "\u0966", "\uff11",
             "\u00b2", "1", ".", ",", "a", "Z", "\u00e9", " ", "\n", "\x00"]
    texts = ["".join(chars)] + [f"\u06a9{a}{b}1{a}.{b}2 x{a}" for a in chars for b in chars[::7]]
    for t in texts:
        g._FORMS.clear()  # (each path makes its own forms)
        c_words = g._scan(t, None)
        saved = list(g._COMPILED)
        g._COMPILED[:] = [None, None]
        g._FORMS.clear()
        try:
            p_words = g._scan(t, None)
        finally:
            g._COMPILED[:] = saved
            g._FORMS.clear()
        assert [(w.start, w.end, w.f, w.key, w.kind) for w in c_words] == \
            [(w.start, w.end, w.f, w.key, w.kind) for w in p_words], t
        assert c_words.units == p_words.units and list(c_words.starts) == list(p_words.starts)


def test_spell_compound_bound_is_exact() -> None:
    """check skips the compound search above ``_compound_max_len`` (the search was quadratic in
    the length of a glued token: a megabyte took many minutes): the longest head followed by the
    longest vocabulary word is within the bound and still a compound."""
    from sorani import spell

    counts = spell.word_lm().counts
    head = max((w for w, c in counts.items() if c >= 1.0), key=lambda w: (len(w), w))
    tail = max(spell._vocab(), key=lambda w: (len(w), w))
    w = head + tail
    assert len(w) <= spell._compound_max_len()
    assert spell._compound_py(w)
    f = spell._compiled_compound()
    if f is not None:
        assert f(w)
    assert not spell._compound_py(w + "\u06a9" * (spell._compound_max_len() - len(w) + 1))


_ODD = ("\u0627\u0628\u067e\u062a\u06a9\u06af\u0644\u06b5\u0631\u0695\u0648\u06c6\u06cc\u06ce\u0647\u06d5"
        "\u0626\u0646\u0645\u0633\u200c\u0643\u064a\u0629a1\u0661 ") + "\ud800\udfff\U0001f600\U00010000"


@given(st.text(alphabet=st.sampled_from(_ODD), max_size=30), st.text(alphabet=st.sampled_from(_ODD), max_size=30))
@settings(max_examples=int(os.environ.get("SORANI_REVIEW_EXAMPLES", "200")), deadline=None)
def test_spell_twins_agree_on_odd_alphabets(a: str, b: str) -> None:
    """Each compiled spelling helper equals its pure-Python twin on words with surrogates,
    non-BMP characters, ZWNJ, Arabic letters, Latin letters and digits."""
    spell_c()
    from sorani import spell

    assert spell._cost(a, b) == spell._cost_py(a, b)
    for w in (a, b, a + b):
        assert spell._compiled_known_affixed()(w) == spell._known_affixed_py(w)
        assert spell._compiled_approx()(w) == spell._approx_best_py(w)
        if len(w) >= 4:
            assert spell._compiled_near()(w) == spell._near_frequent_py(w)
        if len(w) >= 2 * spell.MIN_COMPOUND:
            assert spell._compiled_compound()(w) == spell._compound_py(w)
