"""Evaluation of the foundation stages: normalize, sentences, and KLPT's own unit cases."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sorani._data import read_rows
from sorani.evaluate import Row, row
from sorani.evaluate.metrics import prf, word_matches
from sorani.normalize import normalize
from sorani.sentences import sentences

TYPED_AS = ("arabic", "persian")


def _pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].strip():
            pairs.append((parts[0], parts[1]))
    return pairs


def evaluate_normalize(data: Path) -> list[Row]:
    """Word accuracy and sentence exact match of the character rules on text typed with Arabic or
    Persian keyboards (gold/normalize), beside the identity baseline (text left as typed).
    The word-level repair of such text is ``repair``; here only the letter-level rules count."""
    rows: list[Row] = []
    for keyboard in TYPED_AS:
        pairs = _pairs(data / "gold" / "normalize" / f"sorani-typed-as-{keyboard}.tsv")
        gold_norm = [normalize(g) for _, g in pairs]
        for system, fn in (("identity", lambda t: t), ("sorani", normalize)):
            hit = total = exact = 0
            for (typed, _), gold in zip(pairs, gold_norm):
                out = fn(typed)
                h, n = word_matches(out, gold)
                hit, total = hit + h, total + n
                exact += out.strip() == gold.strip()
            task = f"normalize/typed-as-{keyboard}"
            rows.append(row(task, "word_accuracy", hit / total, total, system))
            rows.append(row(task, "sentence_exact", exact / len(pairs), len(pairs), system))
    return rows


_TERMINAL = tuple(".!?؟…\"»”)")  # a line ending in ":" introduces a block: line break


def _errata() -> dict[int, str]:
    path = Path(__file__).parent / "errata" / "interdialect-sentences.tsv"
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    return {int(r[0]): r[1] for r in rows}


def sentence_documents(data: Path, per_doc: int = 10, errata: bool = False
                       ) -> list[tuple[str, set[int]]]:
    """The hand-verified news sentences joined ``per_doc`` at a time into documents, as news is
    laid out: after a sentence that ends in punctuation a space, after a headline (no final
    punctuation) a line break. Returns (document, gold boundary offsets inside it). With
    ``errata``, the gold lines listed in ``errata/interdialect-sentences.tsv`` count as two."""
    lines = [ln.strip() for ln in (data / "gold" / "sentences" / "interdialect-news-ckb.txt")
             .read_text(encoding="utf-8").splitlines() if ln.strip()]
    fixes = _errata() if errata else {}
    docs = []
    for i in range(0, len(lines), per_doc):
        parts, gold, pos = [], set(), 0
        for lineno, sent in enumerate(lines[i:i + per_doc], i + 1):
            if parts:
                gold.add(pos)
                sep = " " if parts[-1].endswith(_TERMINAL) else "\n"
                parts.append(sep)
                pos += 1
            if lineno in fixes:
                gold.add(pos + sent.index(fixes[lineno]) + len(fixes[lineno]))
            parts.append(sent)
            pos += len(sent)
        docs.append(("".join(parts), gold))
    return docs


def evaluate_sentences(data: Path, per_doc: int = 10) -> list[Row]:
    """Boundary precision/recall/F1 over ``sentence_documents``, as given and with the errata;
    a boundary is a sentence end inside a document."""
    rows: list[Row] = []
    for task, errata in (("sentences", False), ("sentences/errata", True)):
        tp = n_pred = n_gold = 0
        for doc, gold in sentence_documents(data, per_doc, errata):
            pred = {s.end for s in sentences(doc)} - {len(doc)}
            tp += len(gold & pred)
            n_pred += len(pred)
            n_gold += len(gold)
        p, r, f = prf(tp, n_pred, n_gold)
        rows += [row(task, "precision", p, n_pred), row(task, "recall", r, n_gold),
                 row(task, "f1", f, n_gold)]
    return rows


def _case_id(text: str) -> str:
    """The name of a KLPT case in ``data/klpt_judgments.tsv``: the first 12 hex digits of the
    SHA-1 of its input, so that no case text is copied into the package."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def klpt_case_results(data: Path) -> list[dict]:
    """Each KLPT normalize/standardize/sentence case with sorani's output and whether it is judged
    out of the standard orthography (``data/klpt_judgments.tsv``, which names a case by a hash of its
    input, ``_case_id``)."""
    judged = {r[0]: r[1] for r in read_rows("klpt_judgments.tsv")}
    cases = json.loads((data / "gold" / "klpt-cases" / "test_cases.json").read_text(encoding="utf-8"))
    tok = json.loads((data / "gold" / "klpt-cases" / "test_cases_tokenize.json").read_text(encoding="utf-8"))
    out = []
    for kind in ("normalizer", "standardizer"):
        for src, expected in cases[kind]["Sorani"]["Arabic"].items():
            got = normalize(src, digits="latin")  # KLPT's cases unify digits to Latin
            out.append({"kind": kind, "input": src, "expected": expected, "got": got,
                        "ok": got == expected, "judged": judged.get(_case_id(src))})
    for src, expected in tok["sent_tokenize"]["Sorani"]["Arabic"].items():
        got = [s.text for s in sentences(src)]
        out.append({"kind": "sentences", "input": src, "expected": expected, "got": got,
                    "ok": got == [e.strip() for e in expected], "judged": judged.get(_case_id(src))})
    return out


def evaluate_klpt_cases(data: Path) -> list[Row]:
    """Agreement with KLPT's unit cases, on all of them and on those that follow the standard
    orthography (the others are listed with why in ``data/klpt_judgments.tsv``)."""
    rows: list[Row] = []
    results = klpt_case_results(data)
    for kind in ("normalizer", "standardizer", "sentences"):
        mine = [r for r in results if r["kind"] == kind]
        standard = [r for r in mine if not r["judged"]]
        rows.append(row(f"klpt-cases/{kind}", "agreement_all", sum(r["ok"] for r in mine) / len(mine), len(mine)))
        rows.append(row(f"klpt-cases/{kind}", "agreement_standard",
                        sum(r["ok"] for r in standard) / max(len(standard), 1), len(standard)))
    return rows


# what must not survive normalization, as (name, pattern)
LEFTOVERS = (
    ("arabic kaf ك ڪ", "[كڪ]"),
    ("arabic yeh ي ى ے", "[يىے]"),
    ("teh marbuta ة", "ة"),
    ("ه + ZWNJ", "ه\u200c"),
    ("tatweel", "\u0640"),
    ("harakat", "[\u064b-\u065f\u0670]"),
    ("presentation forms", "[\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufefe]"),  # not ornate parentheses ﴾﴿
    ("bidi and zero-width controls", "[\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"),
    ("word-initial ر", "(?<![\u0620-\u06ff\u200c])ر(?=[\u0620-\u06ff])"),
    ("word-final ه", "(?<=[\u0620-\u06ff])ه(?![\u0620-\u06ff\u200c])"),
)


def evaluate_leftovers(data: Path) -> list[Row]:
    """Counts of characters normalization must remove, in the corpus before and after
    ``normalize`` (word-final ه may remain where it is a real /h/: شاه، گوناه)."""
    import re

    from sorani._corpus import corpus_documents

    before = dict.fromkeys((name for name, _ in LEFTOVERS), 0)
    after = dict(before)
    n_chars = 0
    for doc in corpus_documents(data):
        n_chars += len(doc)
        out = normalize(doc)
        for name, pattern in LEFTOVERS:
            before[name] += len(re.findall(pattern, doc))
            after[name] += len(re.findall(pattern, out))
    rows: list[Row] = []
    for name, _ in LEFTOVERS:
        rows.append(row(f"leftovers/{name}", "count_before", before[name], n_chars, "input"))
        rows.append(row(f"leftovers/{name}", "count_after", after[name], n_chars))
    return rows
