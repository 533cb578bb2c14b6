"""Language identification: sorani.identify / identify_spans, the bundled model, the CLI and the
cross-validation task. The example sentences were written for these tests."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sorani._data import shared_data_dir
from sorani.langid import LABELS, UND, LangGuess, Model, fold, identify, identify_spans, load_model

EXAMPLES = {
    "ckb-Arab": ["من دوێنێ لەگەڵ هاوڕێکانم چووین بۆ بازاڕ و میوەمان کڕی.",
                 "ئەم کتێبە زۆر سوودی بۆ قوتابییەکان هەیە"],
    "ckb-Latn": ["Ewan le şarî Hewlêr dejîn û hemû řojêk deçne ser kar.",
                 "Min dwênê legeł hawřêkanim çûm bo bazař."],
    "kmr-Arab": ["ئەز دێ سوبەهی چمە باژێرێ دهۆکێ دا هەڤالێن خۆ ببینم.",
                 "مە ڤێ سالێ گەلەک بەفر هەبوو ل چیایێن مە"],
    "kmr-Latn": ["Ez ê sibê biçim bajarê Amedê da ku hevalên xwe bibînim.",
                 "Zarok li dibistanê bi zimanê kurdî dixwînin."],
    "sdh-Arab": ["ئێمە ئەڕا دیین کەس و کارمان چیمنە ئیلام، وەگەرد منالەیلمان.",
                 "ئی کوڕە هەر ڕوو ئەڕا مەکتەو چوود"],
    "hac-Arab": ["ئێمە جە هەورامانەنە ژیوینمێ و پەی کاری شیمێ پاوە.",
                 "ئینە کتێبەکەی منەن کە جە بازاڕی سەندێم"],
    "zza-Latn": ["Ez şina bajarê Dêrsimî, uca embazanê xo vînena.",
                 "Ma wazenê ke zıwanê ma rind biciwiyo."],
    "fa": ["امروز هوا خیلی گرم است و ما به پارک رفتیم.",
           "کتاب‌هایی که خریده بودم را به دوستم دادم"],
    "ar": ["ذهبنا أمس إلى السوق واشترينا بعض الفاكهة.",
           "يعمل المهندسون في هذه الشركة منذ سنوات طويلة"],
    "tr": ["Dün arkadaşlarımla birlikte pazara gittik ve meyve aldık.",
           "Bu kitabı okumadan önce biraz dinlenmek istiyorum."],
    "en": ["Yesterday we went to the market with our friends and bought some fruit.",
           "The children are learning to read in their own language."],
}


@pytest.mark.parametrize("label,text", [(lab, t) for lab, ts in EXAMPLES.items() for t in ts])
def test_examples(label: str, text: str) -> None:
    g = identify(text)
    assert g.label == label, g.top(3)
    assert g.probability == g.probabilities[label]


def test_every_label_has_examples() -> None:
    assert set(EXAMPLES) == set(LABELS)


def test_probabilities_are_a_distribution() -> None:
    g = identify(EXAMPLES["ckb-Arab"][0])
    assert set(g.probabilities) == set(LABELS) | {UND}
    assert math.isclose(sum(g.probabilities.values()), 1.0, abs_tol=1e-9)
    assert g.probability == max(g.probabilities.values())
    assert g.top(2)[0] == (g.label, g.probability)
    d = g.to_dict()
    assert d["label"] == g.label and json.dumps(d, ensure_ascii=False)


@pytest.mark.parametrize("text", ["", "   \n\t", "🙂🙂🙂", "12345 678", "٣٤٥٦ ۱۲۳", "!!! ... ؟؟",
                                  "ab", "ڕ", "Привет, как дела у тебя сегодня?", "今天天气很好，我们去公园吧",
                                  "שלום לכולם", "\u200c\u200d\ufeff", "ـــــ"])
def test_und(text: str) -> None:
    g = identify(text)
    assert g.label == UND
    assert g.probabilities[UND] == 1.0
    assert math.isclose(sum(g.probabilities.values()), 1.0)


def test_sorani_in_old_spelling_and_arabic_keyboard() -> None:
    # ه + ZWNJ for ە and final ه (old spelling); Arabic ك ي ة ؤ (Arabic keyboard)
    assert identify("ئه‌مڕۆ كه‌شوهه‌وا له‌ هه‌ولێر زۆر گه‌رمه").label == "ckb-Arab"
    assert identify("ئةم كتيبة زؤر باشة بؤ قوتابيةكان").label == "ckb-Arab"
    assert fold("ئه‌وه‌ی كوردي") == "ئەوەی کوردی"


def test_harakat_and_tatweel_do_not_matter() -> None:
    plain = identify("ذهبنا إلى السوق")
    vocalized = identify("ذَهَبْنَا إِلَى السُّـــوقِ")
    assert plain.label == vocalized.label == "ar"


def test_case_does_not_matter() -> None:
    a, b = EXAMPLES["tr"][0], EXAMPLES["tr"][0].upper()
    assert identify(a).label == identify(b).label == "tr"


def test_bad_input_never_crashes() -> None:
    for text in ["ئەمڕۆ\ud800 هەوا خۆشە", "\udfff", "a\x00b\x07c", "گەرم" * 50,
                 "هەڵنەگیرسێنرابوونەوەکانیانەوەش" * 8, "\u202eئەمڕۆ\u202c"]:
        assert isinstance(identify(text), LangGuess)
        for s in identify_spans(text):
            assert text[s.start:s.end] == s.text
    big = (EXAMPLES["ckb-Arab"][0] + " ") * 20000  # ~1 MB
    assert identify(big).label == "ckb-Arab"
    with pytest.raises(TypeError):
        identify(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        identify_spans(b"bytes")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text(text: str) -> None:
    g = identify(text)
    assert g.label in set(LABELS) | {UND}
    assert math.isclose(sum(g.probabilities.values()), 1.0, abs_tol=1e-9)
    for s in identify_spans(text):
        assert text[s.start:s.end] == s.text


def test_spans_of_a_mixed_document() -> None:
    parts = [EXAMPLES["ckb-Arab"][0], EXAMPLES["en"][0], EXAMPLES["kmr-Latn"][1], EXAMPLES["fa"][0]]
    text = "  " + " ".join(parts) + "\n" + EXAMPLES["ar"][0]
    spans = identify_spans(text)
    assert [s.label for s in spans] == ["ckb-Arab", "en", "kmr-Latn", "fa", "ar"]
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert 0 < s.probability <= 1
    assert spans[0].to_dict(offset=10)["start"] == spans[0].start + 10
    assert identify_spans("") == []


# --- the bundled model ---------------------------------------------------------------------------


def test_bundled_model() -> None:
    m = load_model()
    assert m.labels == LABELS
    licences = {src["licence"] for src in m.meta["sources"]}
    assert licences == {"MIT", "Apache-2.0"}
    assert load_model() is m  # loaded once


def test_model_round_trip() -> None:
    m = load_model()
    m2 = Model.from_bytes(m.to_bytes())
    text = EXAMPLES["hac-Arab"][0]
    assert m2.guess(text).probabilities == m.guess(text).probabilities
    with pytest.raises(ValueError):
        Model.from_bytes(b"not a model")


def test_train_small_model() -> None:
    pytest.importorskip("numpy")
    from sorani.langid import train

    samples = [(t, lab) for lab, ts in EXAMPLES.items() for t in ts]
    m = train(samples, bits=14, min_count=1)
    assert Model.from_bytes(m.to_bytes()).labels == LABELS
    assert sum(m.guess(t).label == lab for t, lab in samples) >= len(samples) - 2


def test_bias_and_word_power_are_stored_and_used() -> None:
    pytest.importorskip("numpy")
    from sorani.langid import train

    samples = [(t, lab) for lab, ts in EXAMPLES.items() for t in ts]
    bias = [0.0] * len(LABELS)
    bias[LABELS.index("tr")] = 1000.0  # an overwhelming prior for Turkish
    m = train(samples, bits=14, min_count=1, bias=bias, word_power=0.5)
    m2 = Model.from_bytes(m.to_bytes())
    assert m2.bias == m.bias and m2.word_power == 0.5
    assert m2.guess(EXAMPLES["en"][0]).label == "tr"
    assert identify("").label == UND  # und is decided before any prior
    with pytest.raises(ValueError):
        train(samples, bits=14, min_count=1, bias=[0.0])


def test_calibration_learns_a_prior() -> None:
    # held-out text of one label that the model leans away from: the fitted bias favours it
    pytest.importorskip("numpy")
    from sorani.evaluate.langid import fit_calibration
    from sorani.langid import train

    samples = [(t, lab) for lab, ts in EXAMPLES.items() for t in ts]
    m = train(samples, bits=14, min_count=1)
    held = [(t, "fa") for t in EXAMPLES["ar"]] + [(t, lab) for lab, ts in EXAMPLES.items() for t in ts]
    scale, bias = fit_calibration(m, held)
    assert scale > 0 and len(bias) == len(m.columns) and max(bias) == 0.0
    assert bias[m.columns.index("fa")] > bias[m.columns.index("ar")]


# --- CLI ----------------------------------------------------------------------------------------


def test_cli_lines_and_document(tmp_path, capsys) -> None:
    from sorani.cli import main

    path = tmp_path / "mixed.txt"
    path.write_text(EXAMPLES["ckb-Arab"][1] + "\n" + EXAMPLES["tr"][1] + "\n\n", encoding="utf-8")
    assert main(["identify", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["line"], r["label"]) for r in rows] == [(1, "ckb-Arab"), (2, "tr"), (3, "und")]
    assert main(["identify", str(path), "--document"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["label"] for s in doc["sentences"]] == ["ckb-Arab", "tr"]
    text = path.read_text(encoding="utf-8")
    assert all(text[s["start"]:s["end"]] == s["text"] for s in doc["sentences"])
    assert main(["identify", str(path), "--format", "text"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("ckb-Arab\t")


# --- cross-validation on the development data (needs ../shared/data) -----------------------------


@pytest.fixture(scope="module")
def data_dir():
    d = shared_data_dir()
    if d is None or not (d / "gold" / "langid").is_dir():
        pytest.skip("shared data not found")
    return d


def test_dev_samples(data_dir) -> None:
    from sorani.evaluate.langid import load_samples

    samples = load_samples(data_dir)
    labels = {lab for _, lab in samples}
    assert labels == set(LABELS)
    assert len(samples) == len(set(samples))  # de-duplicated
    assert sum(1 for _, lab in samples if lab == "en") == 2000


def test_cross_validation_small(data_dir) -> None:
    pytest.importorskip("numpy")
    from sorani.evaluate.langid import cross_validate, f1_table, folds, load_samples

    samples = load_samples(data_dir)
    by: dict[str, list] = {}
    for s in samples:
        by.setdefault(s[1], []).append(s)
    small = [s for lab in LABELS for s in by[lab][:150]]
    assert sorted(map(len, folds(small, 3))) == [550, 550, 550]
    pred = [g.label for g in cross_validate(small, k=3, bits=16)]
    f1 = f1_table([lab for _, lab in small], pred, LABELS)
    assert sum(f1.values()) / len(f1) > 0.8


def test_sorani_typed_on_an_arabic_keyboard_is_sorani() -> None:
    # the model's keyboard sub-class of ckb-Arab counts as ckb-Arab, never shows as a label
    m = load_model()
    assert "ckb-Arab/keyboard" in m.columns and m.labels == LABELS
    g = identify("ئةم هةوالة زؤر گرنگة بؤ خةلكي هةولير و سليماني")  # ڵ ڕ ێ typed as ل ر ي
    assert g.label == "ckb-Arab", g.top(3)
    assert set(g.probabilities) == set(LABELS) | {UND}
    assert math.isclose(sum(g.probabilities.values()), 1.0, abs_tol=1e-9)
    assert g.probability == max(g.probabilities.values())
