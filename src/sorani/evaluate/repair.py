"""Evaluation of ``sorani.repair`` and ``sorani.spell`` on the development gold sets.

Repair (``--task repair``), on ``gold/normalize/sorani-typed-as-{arabic,persian}.tsv`` (typed text,
tab, standard Sorani). **Word accuracy** is defined as follows: the system output and the gold
sentence are each split on whitespace; from every word the punctuation characters (Unicode
category P*) are removed and words left empty are dropped; the two word sequences are aligned
with ``difflib.SequenceMatcher`` (longest matching blocks, ``autojunk=False``); word accuracy =
number of aligned identical words / number of gold words, summed over the set (micro average).
A missing space therefore costs the words it glues, an extra space the word it splits (on these
sets the difflib count equals the exact longest common subsequence for every system; the gold side
is already normalized text, so no letter variant is counted wrong). The same function scores every
system. Rows ``word_acc:<set>:held-out`` repeat the figure on the odd-numbered lines only (first
line = 0): while improving the repair, the errors looked at and the constants compared came from
the even-numbered lines. Systems:
``identity`` (the typed text as is), ``normalize`` (``sorani.normalize``, context-free character
mapping) and ``sorani`` (``sorani.repair``). The typed-as sets are development data only: no table
or model is built from them.

Spelling (``--task spelling``), on ``gold/spelling/*.csv`` (AsoSoft, evaluation only): rows whose
misspelled word has a correction (``Corrected``/``Corrected A``) are errors, rows marked
``Correct``/``RealWord`` or with an empty correction are counted as correct words; rows marked
``NotKurdish``/``NotCentralKurdish``/``Unknown`` are skipped. Detection precision and recall over
the misspelled words (flagged = ``check`` is False); top-1 / top-5 = the gold correction (any of
the gold alternatives, space-separated corrections included) is the first / among the first five
of ``suggest(word, 5)``, over the misspelled rows; rows ``top1:dev``/``top5:dev`` (and
``detect_recall:dev``) repeat them on the
even-numbered misspelled rows (first = 0, in file order, files sorted by name), on which the spelling
model was developed, ``:held-out`` on the odd-numbered ones. ``suggest_words_per_s`` is measured in
CPU time (``time.process_time``), one cold pass. False-flag rate = share of the word tokens of
``gold/sentences/interdialect-news-ckb.txt`` (clean, hand-verified news) that ``check`` rejects.
System ``sorani`` is ``check(word)`` (unknown words with no known word one edit or keyboard
confusion away are taken for names and accepted), ``sorani-strict`` is ``check(word, strict=True)``
(every word unknown to the word list, affix rules and morphological analyzer is flagged).
"""
from __future__ import annotations

import csv
import difflib
import time
import unicodedata
from pathlib import Path

from sorani.evaluate import Row, row

TYPED_SETS = ("sorani-typed-as-arabic", "sorani-typed-as-persian")


def _words(text: str) -> list[str]:
    out = []
    for w in text.split():
        w = "".join(ch for ch in w if not unicodedata.category(ch).startswith("P"))
        if w:
            out.append(w)
    return out


def word_matches(output: str, gold: str) -> tuple[int, int]:
    """(aligned identical words, gold words) for one sentence.

    >>> word_matches("دەستان خوش بێت", "دەستان خۆش بێت.")
    (2, 3)
    """
    out, ref = _words(output), _words(gold)
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks()), len(ref)


def _load_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            typed, gold = line.split("\t", 1)
            pairs.append((typed, gold))
    return pairs


def evaluate_repair(data_dir: Path) -> list[Row]:
    from sorani.repair import repair

    try:
        from sorani.normalize import normalize  # type: ignore[attr-defined]
    except ImportError:  # foundation not merged yet
        normalize = None
    systems = {"identity": lambda s: s, "sorani": repair}
    if normalize is not None:
        systems["normalize"] = normalize
    rows: list[Row] = []
    for name in TYPED_SETS:
        path = data_dir / "gold" / "normalize" / f"{name}.tsv"
        if not path.exists():
            continue
        pairs = _load_pairs(path)
        for system, fn in systems.items():
            ok = total = held_ok = held_total = 0
            for i, (typed, gold) in enumerate(pairs):
                a, b = word_matches(fn(typed), gold)
                ok += a
                total += b
                if i % 2:
                    held_ok += a
                    held_total += b
            rows.append(row("repair", f"word_acc:{name}", ok / max(total, 1), total, system=system))
            if system != "normalize":
                rows.append(row("repair", f"word_acc:{name}:held-out", held_ok / max(held_total, 1),
                                held_total, system=system))
    # standard text must pass unchanged
    news = data_dir / "gold" / "sentences" / "interdialect-news-ckb.txt"
    if news.exists():
        lines = [ln for ln in news.read_text(encoding="utf-8").splitlines() if ln.strip()]
        changed_words = total = 0
        for ln in lines:
            a, b = word_matches(repair(ln), ln)
            changed_words += b - a
            total += b
        rows.append(row("repair", "changed_words:news", changed_words / max(total, 1), total))
        # the same lines normalized first: standard text, which must pass unchanged
        changed_words = 0
        for ln in lines:
            n = normalize(ln) if normalize is not None else ln
            a, b = word_matches(repair(n), n)
            changed_words += b - a
        rows.append(row("repair", "changed_words:news-normalized", changed_words / max(total, 1), total))
        # changes that are more than letter normalization (ى→ی, ه‌→ە, initial ر→ڕ …)
        from sorani.repair import _surface, repair_with_changes
        beyond = 0
        for ln in lines:
            for ch in repair_with_changes(ln)[1]:
                if ch.replacement != " ".join(_surface(w) for w in ch.original.split()):
                    beyond += len(ch.original.split())
        rows.append(row("repair", "changed_beyond_normalize:news", beyond / max(total, 1), total))
    return rows


def _spelling_rows(data_dir: Path) -> tuple[list[tuple[str, list[str]]], list[str]]:
    errors: list[tuple[str, list[str]]] = []
    correct: list[str] = []
    for path in sorted((data_dir / "gold" / "spelling").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                word = (rec.get("Word") or "").strip()
                desc = (rec.get("Desc") or "").strip().lower()
                if not word or desc in ("notkurdish", "notcentralkurdish", "unknown"):
                    continue
                golds = [(rec.get(k) or "").strip() for k in ("Corrected", "Corrected A", "Corrected B")]
                golds = [g for g in golds if g]
                if desc in ("correct", "realword") or not golds:
                    if desc in ("correct",) or not golds:
                        correct.append(word)
                    continue
                errors.append((word, list(dict.fromkeys(golds))))
    return errors, correct


def evaluate_spelling(data_dir: Path) -> list[Row]:
    from sorani.spell import check, suggest

    rows: list[Row] = []
    errors, correct = _spelling_rows(data_dir)
    if errors:
        rows += _detection_rows(errors, correct, strict=False)
        hits1: list[bool] = []
        hits5: list[bool] = []
        t0 = time.process_time()
        for w, golds in errors:
            sugg = suggest(w, 5)
            hits1.append(bool(sugg) and sugg[0] in golds)
            hits5.append(any(g in sugg for g in golds))
        dt = time.process_time() - t0
        rows.append(row("spelling", "top1", sum(hits1) / len(errors), len(errors)))
        rows.append(row("spelling", "top5", sum(hits5) / len(errors), len(errors)))
        for name, parity in (("dev", 0), ("held-out", 1)):
            h1, h5 = hits1[parity::2], hits5[parity::2]
            if h1:
                rows.append(row("spelling", f"top1:{name}", sum(h1) / len(h1), len(h1)))
                rows.append(row("spelling", f"top5:{name}", sum(h5) / len(h5), len(h5)))
        no_space = [(w, g) for w, g in errors if not any(" " in x for x in g)]
        if no_space:
            t5 = sum(1 for w, g in no_space if any(x in suggest(w, 5) for x in g))
            rows.append(row("spelling", "top5:single_word", t5 / len(no_space), len(no_space)))
        rows.append(row("spelling", "suggest_words_per_s", len(errors) / max(dt, 1e-9), len(errors)))
    news = data_dir / "gold" / "sentences" / "interdialect-news-ckb.txt"
    if news.exists():
        from sorani.repair import _WORD_RE

        words = _WORD_RE.findall(news.read_text(encoding="utf-8"))
        flags = sum(1 for w in words if not check(w))
        rows.append(row("spelling", "false_flags:news", flags / max(len(words), 1), len(words)))
        flags = sum(1 for w in words if not check(w, strict=True))
        rows.append(row("spelling", "false_flags:news", flags / max(len(words), 1), len(words),
                        system="sorani-strict"))
    if errors:
        rows += _detection_rows(errors, correct, strict=True)
    return rows


def _detection_rows(errors: list[tuple[str, list[str]]], correct: list[str], strict: bool) -> list[Row]:
    """Detection precision and recall of ``check`` (``strict`` mode: system ``sorani-strict``),
    the recall also on each half of the misspelled rows (even: ``dev``, odd: ``held-out``)."""
    from sorani.spell import check

    system = "sorani-strict" if strict else "sorani"
    caught = [not check(w, strict=strict) for w, _ in errors]
    flagged_err = sum(caught)
    flagged = flagged_err + sum(1 for w in correct if not check(w, strict=strict))
    rows = [row("spelling", "detect_precision", flagged_err / max(flagged, 1), flagged, system=system),
            row("spelling", "detect_recall", flagged_err / len(errors), len(errors), system=system)]
    for name, parity in (("dev", 0), ("held-out", 1)):
        half = caught[parity::2]
        if half:
            rows.append(row("spelling", f"detect_recall:{name}", sum(half) / len(half), len(half), system=system))
    return rows
