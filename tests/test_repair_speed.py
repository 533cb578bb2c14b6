"""The shortcuts that make ``sorani.repair`` fast give the same values as the plain computation."""
from __future__ import annotations

import math

# own examples: a known noun, a verb form, two words written together, letters typed on an
# Arabic keyboard, a non-word
WORDS = ("کتێبەکانم", "دەڕۆیشتم", "ئەوکتێبە", "ماڵەکەمان", "سەرکەوتوو", "كتيبةكان", "ئةوكفتةي",
         "خۆشەویستی", "قثصضف", "ب", "نەمێنێ", "هەڵدەستین", "ئاوەدانکردنەوە")


def test_charlm_window_terms_match_the_plain_sum() -> None:
    from sorani._charlm import char_lm

    lm = char_lm()
    n = lm.order - 1
    for w in WORDS + ("", "x", "ابc" * 30):
        s = "^" * n + w + "$"
        plain = sum(math.log(lm.prob(s[i - n:i], s[i])) for i in range(n, len(s)))
        assert lm.logprob(w) == plain
        assert lm.logprob(w) == plain  # again, from the window table


def test_compiled_channel_cost_equals_pure_python() -> None:
    import pytest

    from sorani.lm import key_scheme
    from sorani.repair import AE_DRAWN, AE_WRITTEN, _channel_tail_py, _compiled_channel

    compiled = _compiled_channel()
    if compiled is None:
        pytest.skip("sorani._repair_c not built")
    ks = key_scheme()
    typed = ("دستان", "خوش", "ئةمرؤ", "بيت", "ماندو", "ايباتةوة", "نةمينئ", "لةكةل", "كتيبةكان", "", "ا",
             "هه", "مه لی", "ئئ", "وو", "سرکوتوبن" * 12)
    cands = ("دەستان", "خۆش", "ئەمڕۆ", "بێت", "ماندوو", "ئەیباتەوە", "نەمێنێ", "لەگەڵ", "کتێبەکان", "",
             "ئەو", "ەە", "مەڵێ", "یی", "ئاو", "سەرکەوتوو بن" * 12)
    for t in typed:
        for c in cands:
            for ae in (0, AE_WRITTEN, AE_DRAWN):
                for kb in (False, True):
                    args = (t, c, ks.classes(t), ks.classes(c), ae, kb)
                    assert compiled(*args) == _channel_tail_py(*args), args


def test_compiled_channel_misuse_raises() -> None:
    import pytest

    from sorani._compiled import load
    from sorani.repair import C_VERSION, _compiled_channel

    if _compiled_channel() is None:
        pytest.skip("sorani._repair_c not built")
    mod = load("_repair_c", C_VERSION)
    with pytest.raises(ValueError):
        mod.channel_tail("ab", "ab", "a", "ab", False, False)  # classes shorter than the word
    with pytest.raises(TypeError):
        mod.channel_tail("ab", 3, "ab", "ab", False, False)
    costs = (0.25, 1.5, 3.5, 6.0, 2.5, 3.0, 2.0, 6.0, True, True, 1.0, 1, 2)
    with pytest.raises(ValueError):
        mod.configure("ە", [(ord("a"), ord("b"), 1.0)], [], costs)  # outside the Arabic block
    with pytest.raises(TypeError):
        mod.configure("ە", [[1571, 1572, 1.0]], [], costs)
    _compiled_channel.cache_clear()  # configure again with the real tables
    assert _compiled_channel() is not None


def test_compiled_beam_step_equals_pure_python() -> None:
    import math

    import pytest

    from sorani.lm import DISCOUNT, word_lm
    from sorani.repair import LM_WEIGHT, _compiled_extend, _extend_beams_py

    compiled = _compiled_extend()
    if compiled is None:
        pytest.skip("sorani._repair_c not built")
    lm = word_lm()
    states = [(w, (-1.5 * k, None)) for k, w in enumerate(("<s>", "لە", "ئەو", "نەناسراو", "من"))]
    words = ("گەڵ", "لەگەڵ", "ماڵ", "کتێب", "نەناسراو", "و")
    scored = []
    for k, w in enumerate(words):
        u = lm.unigram_logprob(w)
        rest = (("بێت", lm.unigram_logprob("بێت")),) if k % 3 == 2 else ()
        scored.append((1 + k % 2, (w,) + tuple(r[0] for r in rest), 0.3 * k, w, u, math.exp(u), rest))
    got, want = [dict() for _ in range(4)], [dict() for _ in range(4)]
    for beams, step in ((got, compiled), (want, _extend_beams_py)):
        beams[1]["من"] = (-3.0, None)
        step(beams, 0, states, scored, lm.counts, lm.followers, lm.bigrams, DISCOUNT, LM_WEIGHT)
    assert [list(b.items()) for b in got] == [list(b.items()) for b in want]
    with pytest.raises(TypeError):
        compiled(got, 0, [("x", 1.0)], scored, lm.counts, lm.followers, lm.bigrams, DISCOUNT, LM_WEIGHT)
