"""Word accuracy of ``sorani.repair`` on clean news typed again with a simulated Arabic or Persian
keyboard: a larger, general signal beside the small typed-as gold sets (evaluation only; ships
nothing).

The clean text is the even-numbered lines of ``gold/sentences/interdialect-news-ckb.txt`` (first
200, normalized). Each word is "typed" by a seeded random channel of what these keyboards force or
invite: ێ ی → ي (Arabic) / ی (Persian), ڵ → ل, ڕ → ر, ڤ → ف, ۆ → ؤ (Arabic, half the time) or و;
on an Arabic keyboard ک گ → ك, چ → ج, پ → ب, ژ → ز and a word-internal ە → ة (ه + space in 15%);
on a Persian keyboard a word-internal ە left out half the time, else ه + space; a final ە → ه; an
initial ئە / ئا → ا half the time. The channel never adds a letter, never moves a space other
than the drawn ە, and knows nothing of dialect or of the gold's own spelling choices (حکوومەت,
-یی), so the figure is an upper-bound style check, not a substitute for the real sets.
Usage: SORANI_DATA=../shared/data python scripts/repair_synthetic.py [--seed N] [--list]
"""
from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sorani._data import shared_data_dir  # noqa: E402
from sorani.evaluate.repair import _words, word_matches  # noqa: E402
from sorani.normalize import normalize  # noqa: E402
from sorani.repair import repair  # noqa: E402

BOTH = {"ێ": "ی", "ڵ": "ل", "ڕ": "ر", "ڤ": "ف"}
ARABIC = {"ی": "ي", "ێ": "ي", "ک": "ك", "گ": "ك", "چ": "ج", "پ": "ب", "ژ": "ز"}


def type_word(word: str, keyboard: str, rng: random.Random) -> str:
    """``word`` as the simulated typist of ``keyboard`` ("arabic" or "persian") types it."""
    out = []
    n = len(word)
    start = 0
    if word[:1] == "ئ" and word[1:2] in ("ە", "ا") and n > 2 and rng.random() < 0.5:
        out.append("ا")  # ئە / ئا typed as ا
        start = 2
    for i in range(start, n):
        ch = word[i]
        if ch == "ە":
            if i == n - 1:
                out.append("ه")
            elif keyboard == "arabic":
                out.append("ه " if rng.random() < 0.15 else "ة")
            else:
                out.append("" if rng.random() < 0.5 else "ه ")
        elif ch == "ۆ":
            out.append("ؤ" if keyboard == "arabic" and rng.random() < 0.5 else "و")
        elif keyboard == "arabic" and ch in ARABIC:
            out.append(ARABIC[ch])
        else:
            out.append(BOTH.get(ch, ch))
    return "".join(out).strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lines", type=int, default=200)
    ap.add_argument("--list", action="store_true", help="most frequent (output, clean) word pairs that differ")
    args = ap.parse_args(argv)
    data = shared_data_dir(args.data)
    if data is None:
        print("repair_synthetic: shared data not found", file=sys.stderr)
        return 1
    text = (data / "gold" / "sentences" / "interdialect-news-ckb.txt").read_text(encoding="utf-8")
    lines = [normalize(ln) for ln in text.splitlines() if ln.strip()][::2][:args.lines]
    for keyboard in ("arabic", "persian"):
        rng = random.Random(args.seed)
        ok = total = 0
        diffs: Counter[tuple[str, str]] = Counter()
        for ln in lines:
            out = repair(" ".join(type_word(w, keyboard, rng) for w in ln.split()))
            a, b = word_matches(out, ln)
            ok += a
            total += b
            ow, gw = _words(out), _words(ln)
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ow, gw, autojunk=False).get_opcodes():
                if tag == "replace" and i2 - i1 == j2 - j1:
                    diffs.update(zip(ow[i1:i2], gw[j1:j2]))
        print(f"{keyboard}: {ok}/{total} = {ok / max(total, 1):.4f}")
        if args.list:
            for (o, g), c in diffs.most_common(40):
                print(f"   {c:3d} {o} → {g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
