"""Tests of sorani.spell."""
from __future__ import annotations

import pytest

from sorani._data import shared_data_dir
from sorani.spell import check, check_text, correct, suggest


@pytest.mark.parametrize("word", ["کتێب", "کتێبەکانم", "دەچێت", "نووسەرەکان", "لەگەڵ", "123", "hello", "،"])
def test_correct_words_pass(word: str) -> None:
    assert check(word)


def test_keyboard_misspelling_flagged_and_corrected() -> None:
    assert not check("باشور")
    assert suggest("باشور", 5)[0] == "باشوور"


def test_strict_flags_unknown_words() -> None:
    assert check("زرتڤلاخپ") or True  # default: unknown word without a near neighbour may pass
    assert not check("زرتڤلاخپ", strict=True)


def test_suggest_n_and_order() -> None:
    out = suggest("نوسەر", 3)
    assert 0 < len(out) <= 3
    assert "نووسەر" in out
    assert suggest("نوسەر", 0) == []
    assert len(set(out)) == len(out)


@pytest.mark.parametrize("word", ["", "😀", "ك" * 200, "\ud800", "a"])
def test_bad_input(word: str) -> None:
    assert isinstance(check(word), bool)
    assert isinstance(suggest(word, 5), list)


def test_correct_and_offsets() -> None:
    text = "من باشور دەبینم"
    assert correct(text) == "من باشوور دەبینم"
    flags = check_text(text)
    assert [(text[s:e], w) for s, e, w in flags] == [("باشور", "باشور")]
    clean = "ئەو شارە گەورەیە"
    assert correct(clean) == clean


def test_evaluate_spelling_runs() -> None:
    data = shared_data_dir()
    if data is None:
        pytest.skip("shared data not available")
    from sorani.evaluate.repair import evaluate_spelling

    rows = {r["metric"]: r["value"] for r in evaluate_spelling(data) if r["system"] == "sorani"}
    assert rows["false_flags:news"] < 0.05
    assert rows["top5"] >= rows["top1"] > 0


def test_cli_spell(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sorani.cli import main

    path = tmp_path / "text.txt"
    path.write_text("من باشور دەبینم\n", encoding="utf-8")
    assert main(["spell", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3\tباشور\t")
    assert main(["spell", str(path), "--correct"]) == 0
    assert capsys.readouterr().out == "من باشوور دەبینم\n"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابپتجرڕزسشکگلڵمنوۆهەیێئكي‌ 1a")), max_size=30))
def test_property_correct_keeps_non_words(text: str) -> None:
    out = correct(text)
    assert out.count(" ") >= text.count(" ")
    assert [c for c in out if c in "1a"] == [c for c in text if c in "1a"]
    for w in suggest(text.strip(), 3):
        assert w and w != text.strip()
