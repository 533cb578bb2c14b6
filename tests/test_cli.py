"""The command line: formats, streaming, invalid UTF-8."""
import json
import subprocess
import sys

import pytest

from sorani.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def sample(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("ده‌وڵه‌تی عێراق. رۆژی ٢٠٢٠!\nسڵاو كورد\n", encoding="utf-8")
    return path


def test_normalize_text_and_jsonl(capsys, sample):
    code, out, _ = run(capsys, "normalize", str(sample))
    assert code == 0 and out == "دەوڵەتی عێراق. ڕۆژی ٢٠٢٠!\nسڵاو کورد\n"
    code, out, _ = run(capsys, "normalize", str(sample), "--format", "jsonl", "--digits", "latin")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows == [{"line": 1, "text": "دەوڵەتی عێراق. ڕۆژی 2020!"}, {"line": 2, "text": "سڵاو کورد"}]


def test_tokenize_offsets_are_document_offsets(capsys, sample):
    code, out, _ = run(capsys, "tokenize", str(sample), "--format", "jsonl")
    text = sample.read_text(encoding="utf-8")
    for line in out.splitlines():
        for tok in json.loads(line)["tokens"]:
            assert text[tok["start"]:tok["end"]] == tok["text"]


def test_sentences_and_analyze(capsys, sample):
    code, out, _ = run(capsys, "sentences", str(sample))
    assert out.splitlines() == ["ده‌وڵه‌تی عێراق.", "رۆژی ٢٠٢٠!", "سڵاو كورد"]
    code, out, _ = run(capsys, "analyze", str(sample), "--format", "json")
    doc = json.loads(out)
    assert doc["version"] == 1 and len(doc["sentences"]) == 3
    assert doc["tokens"][0]["norm"] == "دەوڵەتی"


def test_invalid_utf8_is_a_clear_error_or_replaced(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("سڵاو\n".encode() + b"ab\xffcd\n")
    code, out, err = run(capsys, "normalize", str(bad))
    assert code == 1
    assert "bad.txt" in err and "byte 11" in err and "Traceback" not in err
    code, out, err = run(capsys, "normalize", str(bad), "--errors", "replace")
    assert code == 0 and out.splitlines()[1] == "ab\ufffdcd"


def test_missing_file_is_one_line_on_stderr(capsys, tmp_path):
    code, _, err = run(capsys, "tokenize", str(tmp_path / "nope.txt"))
    assert code == 1 and err.count("\n") == 1 and "nope.txt" in err


def test_stdin_pipe():
    proc = subprocess.run([sys.executable, "-m", "sorani", "normalize", "-"], input="كورد\n".encode(),
                          capture_output=True, check=True)
    assert proc.stdout.decode() == "کورد\n"
