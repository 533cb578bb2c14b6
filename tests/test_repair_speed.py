"""The shortcuts that make ``sorani.repair`` fast give the same values as the plain computation."""
from __future__ import annotations

import math

from sorani.morphology import analyze_word
from sorani.repair import _analyzer_word

# own examples: a known noun, a verb form, two words written together, letters typed on an
# Arabic keyboard, a non-word
WORDS = ("کتێبەکانم", "دەڕۆیشتم", "ئەوکتێبە", "ماڵەکەمان", "سەرکەوتوو", "كتيبةكان", "ئةوكفتةي",
         "خۆشەویستی", "قثصضف", "ب", "نەمێنێ", "هەڵدەستین", "ئاوەدانکردنەوە")


def _analyzer_word_plain(word: str) -> int:
    found = analyze_word(word)
    if not found or found[0].is_guess:
        return 0
    return 2 if any(m.tag == "CMP" for m in found[0].morphemes) else 1


def test_analyzer_word_reads_the_first_candidate_as_analyze_word_does() -> None:
    got = [_analyzer_word(w) for w in WORDS]
    assert got == [_analyzer_word_plain(w) for w in WORDS]
    assert {0, 1, 2} <= set(got)  # every outcome covered


def test_charlm_window_terms_match_the_plain_sum() -> None:
    from sorani._charlm import char_lm

    lm = char_lm()
    n = lm.order - 1
    for w in WORDS + ("", "x", "ابc" * 30):
        s = "^" * n + w + "$"
        plain = sum(math.log(lm.prob(s[i - n:i], s[i])) for i in range(n, len(s)))
        assert lm.logprob(w) == plain
        assert lm.logprob(w) == plain  # again, from the window table
