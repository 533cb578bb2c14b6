"""Train the statistical name tagger (src/sorani/data/entities/ner_model.json).

Data: silver labels from sorani's own gazetteer + rules (``find_entities(model=False)``) over the
TED transcripts of ``corpus/ted-ckb`` (sinaahmadi/KurdishMT 82af6dc1, Apache-2.0) and (``--news``,
the default) the news sentences of ``gold/langid/CentralKurdish-arab.txt`` (sinaahmadi/KurdishLID
5056496b, MIT) minus the lines any fixture of tests/fixtures/ner is drawn from (the held-out sets
``ner_fresh2`` to ``ner_fresh7``, ``facts_fresh`` and ``facts_fresh2``). The dev fixtures in tests/fixtures/ner are never used. Names in entity words are hidden from the model (no word-identity feature on them), so it
learns contexts and word shapes that carry over to names it has never seen.

Model: greedy averaged perceptron over BIO tags, pure Python; weights pruned to the features seen
at least twice. Usage: python scripts/train_ner.py [--data DIR] [--epochs 4]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import shared_data_dir  # noqa: E402
from sorani.entities.gazetteer import common_words, scan  # noqa: E402
from sorani.entities.model import TAGS, features  # noqa: E402
from sorani.entities.tagger import find_entities  # noqa: E402

OUT = ROOT / "src" / "sorani" / "data" / "entities" / "ner_model.json"


def silver(lines: list[str]) -> list[tuple[list, list[str]]]:
    out = []
    for line in lines:
        words = scan(line)
        if not words or len(words) > 120:
            continue
        tags = ["O"] * len(words)
        for e in find_entities(line, words, model=False):
            if e.label == "DATE":
                continue
            first = True
            for k, w in enumerate(words):
                if w.end > e.start and w.start < e.end:
                    tags[k] = ("B-" if first else "I-") + e.label
                    first = False
        out.append((words, tags))
    return out


def _held_out_lines(fixture: Path) -> set[int]:
    """Line numbers of the langid file used by a held-out fixture (ids ``lid-L<line>-<n>``)."""
    out: set[int] = set()
    if fixture.exists():
        for line in fixture.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rid = json.loads(line)["id"]
                if rid.startswith("lid-L"):
                    out.add(int(rid.split("-")[1][1:]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-count", type=int, default=3, help="keep features seen this often (epoch 1)")
    ap.add_argument("--min-weight", type=float, default=0.05, help="drop averaged weights smaller than this")
    ap.add_argument("--news", action=argparse.BooleanOptionalAction, default=True,
                    help="also train on the news sentences of gold/langid (MIT), held-out lines excluded")
    args = ap.parse_args()
    data = shared_data_dir(args.data)
    if data is None:
        print("shared data not found", file=sys.stderr)
        return 1
    t0 = time.time()
    lines: list[str] = []
    for path in sorted((data / "corpus" / "ted-ckb").glob("*.txt")):
        lines += [ln for ln in path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    if args.news:
        # news-domain text: the Central Kurdish sentences of the language-ID gold set (KurdishLID,
        # MIT), minus every line that a fixture draws from (the held-out sets ner_fresh2 to
        # ner_fresh7, facts_fresh, facts_fresh2 and any other: none of their text is trained on, not even with silver labels)
        held: set[int] = set()
        for fixture in sorted((ROOT / "tests" / "fixtures" / "ner").glob("*.jsonl")):
            held |= _held_out_lines(fixture)
        path = data / "gold" / "langid" / "CentralKurdish-arab.txt"
        if path.exists():
            news = [ln for no, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                    if ln.strip() and no not in held]
            print(f"news lines: {len(news)} (held-out lines skipped: {len(held)})")
            lines += news
    from sorani.sentences import sentences
    lines = [s.text for line in lines for s in sentences(line)]
    sents = silver(lines)
    rng = random.Random(args.seed)
    with_ents = [s for s in sents if any(t != "O" for t in s[1])]
    without = [s for s in sents if all(t == "O" for t in s[1])]
    rng.shuffle(without)
    train = with_ents + without[: len(with_ents) * 2]
    common = common_words()
    counts = Counter(t for _, tags in train for t in tags)
    print(f"silver: {len(sents)} lines, {len(with_ents)} with entities; training on {len(train)}; tags {dict(counts)}")

    w: dict[str, dict[str, float]] = defaultdict(dict)
    totals: dict[tuple[str, str], float] = defaultdict(float)
    stamps: dict[tuple[str, str], int] = defaultdict(int)
    seen: Counter[str] = Counter()
    c = 0

    def feats_for(words, i, prev, gold):
        f = features(words, i, prev, common)
        if gold != "O":
            f = [x for x in f if not x.startswith("w=")]  # hide the name itself
        return f

    for epoch in range(args.epochs):
        rng.shuffle(train)
        errors = 0
        for words, tags in train:
            prev = "O"
            for i, gold in enumerate(tags):
                if words[i].kind != "word":
                    prev = gold
                    continue
                f = feats_for(words, i, prev, gold)
                if epoch == 0:
                    seen.update(f)
                scores: dict[str, float] = defaultdict(float)
                for x in f:
                    for t, v in w.get(x, {}).items():
                        scores[t] += v
                guess = max(TAGS, key=lambda t: scores.get(t, 0.0))
                c += 1
                if guess != gold:
                    errors += 1
                    for x in f:
                        for t, d in ((gold, 1.0), (guess, -1.0)):
                            key = (x, t)
                            totals[key] += (c - stamps[key]) * w[x].get(t, 0.0)
                            stamps[key] = c
                            w[x][t] = w[x].get(t, 0.0) + d
                prev = gold
        print(f"epoch {epoch + 1}: {errors} errors, {time.time() - t0:.0f}s")
    avg: dict[str, dict[str, float]] = {}
    for x, row in w.items():
        if seen[x] < args.min_count:
            continue
        for t, v in row.items():
            key = (x, t)
            total = totals[key] + (c - stamps[key]) * v
            a = round(total / c, 3)
            if abs(a) >= args.min_weight:
                avg.setdefault(x, {})[t] = a
    meta = {"provenance": "scripts/train_ner.py: greedy averaged perceptron, silver labels from sorani "
                          "gazetteer+rules over corpus/ted-ckb (sinaahmadi/KurdishMT 82af6dc1, Apache-2.0) and "
                          "gold/langid/CentralKurdish-arab.txt (sinaahmadi/KurdishLID 5056496b, MIT; the lines of "
                          "every fixture excluded); dev fixtures never used",
            "licence": "MIT (model); training text Apache-2.0 (TED) and MIT (KurdishLID news)", "epochs": args.epochs, "seed": args.seed,
            "n_features": len(avg), "news": args.news, "min_count": args.min_count,
            "min_weight": args.min_weight}
    OUT.write_text(json.dumps({"meta": meta, "weights": avg}, ensure_ascii=False, separators=(",", ":")),
                   encoding="utf-8")
    print(f"wrote {OUT}: {len(avg)} features, {OUT.stat().st_size // 1024} KB, {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
