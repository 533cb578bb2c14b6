"""The compiled scanner (sorani/_speedups.c) gives exactly the tokens of the pure-Python path."""
import importlib
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani._compiled import speedups as load_speedups
from sorani._data import shared_data_dir

tok = importlib.import_module("sorani.tokenize")
speedups = load_speedups()
pytestmark = pytest.mark.skipif(speedups is None, reason="the compiled scanner is not built")

# characters where the scanner's own rules and the regular expression meet
TRICKY = list("ابپە یك،.!?؟«»()\n\t\u200c\u200d\u200e0١2٣۴٫٬,:/%٪-+_aBéω😀#@\u00a0\u3000\ufeff\u064b\u0640–—“”'’\x00") + [
    "\ud800", "\U0001f1e6", "x@y.co", "http://a.b", "www.", "...", "١٢@x.y", "12@x.y", "ﻻ", "🏽"]


def scanned(text):
    return speedups.scan_tokens(text, tok._scanner_table(), tok._CHUNKS, tok._chunk_columns, tok.SCANNER_KINDS)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), max_size=30).map("".join))
def test_scanner_equals_the_regular_expression_on_tricky_text(text):
    assert scanned(text) == tok._columns(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_scanner_equals_the_regular_expression_on_any_unicode(text):
    assert scanned(text) == tok._columns(text)


def test_records_equal_the_pure_python_ones():
    text = "هایکۆ ماس، وەزیری دەرەوەی ئەڵمانیا ٢٬٣٠٠ سەرباز؛ 2.5% https://x.org 😀"
    tl = tok.tokenize(text)
    built = speedups.build_records(tok.Token, tl._texts, tl._starts, tl._kinds)
    pure = [tok.Token(t, s, s + len(t), k) for t, s, k in zip(tl._texts, tl._starts, tl._kinds)]
    assert built == pure and all(type(t) is tok.Token for t in built)
    assert [text[t.start:t.end] for t in built] == [t.text for t in built]


def test_scanner_rejects_bad_arguments():
    with pytest.raises(TypeError):
        speedups.scan_tokens(b"bytes", tok._scanner_table(), tok._CHUNKS, tok._chunk_columns, tok.SCANNER_KINDS)
    with pytest.raises(ValueError):
        speedups.scan_tokens("x", tok._scanner_table(), tok._CHUNKS, tok._chunk_columns, ("word",))
    with pytest.raises(ValueError):
        speedups.build_records(tok.Token, ["a"], [], [])


def test_pure_python_switch_gives_the_same_tokens():
    text = "ساڵی ٢٠٢٠ (١٬٢٥٠ کەس)، Heiko Maas: «بەڵێ»\n#کورد 25% info@x.org"
    code = "import sys, sorani; print([tuple(t) for t in sorani.tokenize(sys.argv[1])])"
    env = {**os.environ, "SORANI_PURE_PYTHON": "1"}
    pure = subprocess.run([sys.executable, "-c", code, text], env=env, capture_output=True, text=True, check=True)
    assert pure.stdout.strip() == str([tuple(t) for t in tok.tokenize(text)])


def test_scanner_equals_the_regular_expression_on_the_corpus():
    data = shared_data_dir()
    if data is None:
        pytest.skip("../shared/data is absent")
    files = sorted((data / "corpus").rglob("*.txt"))[:40]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert scanned(text) == tok._columns(text), path
