"""Figures on the shared gold sets and corpus (skipped when ../shared is absent)."""
from sorani.evaluate import run_tasks


def values(rows):
    return {(r["task"], r["metric"], r["system"]): r["value"] for r in rows}


def test_sentence_boundaries(data_dir):
    v = values(run_tasks(["sentences"], str(data_dir)))
    assert v[("sentences", "f1", "sorani")] >= 0.98
    assert v[("sentences/errata", "f1", "sorani")] >= 0.99


def test_character_rules_beat_the_identity_baseline(data_dir):
    v = values(run_tasks(["normalize"], str(data_dir)))
    for keyboard in ("arabic", "persian"):
        task = f"normalize/typed-as-{keyboard}"
        assert v[(task, "word_accuracy", "sorani")] > v[(task, "word_accuracy", "identity")]


def test_no_leftovers_in_the_normalized_corpus(data_dir):
    v = values(run_tasks(["leftovers"], str(data_dir)))
    for name in ("arabic kaf ك ڪ", "arabic yeh ي ى ے", "teh marbuta ة", "ه + ZWNJ", "tatweel",
                 "harakat", "presentation forms", "bidi and zero-width controls", "word-initial ر"):
        assert v[(f"leftovers/{name}", "count_before", "input")] >= 0
        assert v[(f"leftovers/{name}", "count_after", "sorani")] == 0, name


def test_klpt_cases_that_follow_the_standard(data_dir):
    v = values(run_tasks(["klpt-cases"], str(data_dir)))
    for kind in ("normalizer", "standardizer", "sentences"):
        assert v[(f"klpt-cases/{kind}", "agreement_standard", "sorani")] == 1.0
