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
    from sorani.repair import LM_WEIGHT, _compiled_extend, _extend_beams_py, _following

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
        step(beams, 0, states, scored, lm.counts, lm.followers, _following(), DISCOUNT, LM_WEIGHT)
    assert [list(b.items()) for b in got] == [list(b.items()) for b in want]
    with pytest.raises(TypeError):
        compiled(got, 0, [("x", 1.0)], scored, lm.counts, lm.followers, _following(), DISCOUNT, LM_WEIGHT)
    with pytest.raises(TypeError):  # following must map words to dicts
        compiled(got, 0, states, scored, lm.counts, lm.followers, {"لە": 1}, DISCOUNT, LM_WEIGHT)


def test_following_regroups_every_bigram() -> None:
    from sorani.lm import word_lm
    from sorani.repair import _following

    bigrams = word_lm().bigrams
    table = _following()
    assert sum(map(len, table.values())) == len(bigrams)
    assert all(table[a][b] == c for (a, b), c in bigrams.items())


# own typed tokens: ە drawn as ه + space, a doubled letter at a join, ا for ئە, a lone letter
JOIN_TOKENS = ("له", "كه", "ل", "هه", "موی", "ماله", "مان", "سه", "ره", "تا", "خوش", "مدةوي", "ئه", "و",
               "ده", "ستين", "لل", "ايبا", "تەوە", "ب", "نيه", "كتيب", "قثص")


def test_join_pool_pruned_and_compiled_equal_the_plain_key_product() -> None:
    from itertools import product

    from sorani.lm import key_index
    from sorani.repair import _COLLAPSE_LETTERS, _compiled_join_pool, _join_piece, _join_pool_keys_py, _key_prefixes

    prefixes = _key_prefixes()
    assert prefixes is not None  # the bundled key scheme allows the pruning
    index = key_index()
    compiled = _compiled_join_pool()
    for span in (2, 3):
        for words in product(JOIN_TOKENS[:12] if span == 3 else JOIN_TOKENS, repeat=span):
            piece_keys = [_join_piece(w, k > 0)[1] for k, w in enumerate(words)]
            plain: dict[str, None] = {}
            pruned: dict[str, None] = {}
            _join_pool_keys_py(plain, piece_keys, index, None)
            _join_pool_keys_py(pruned, piece_keys, index, prefixes)
            assert list(pruned) == list(plain), words
            if compiled is not None:
                got: dict[str, None] = {"x": None}
                compiled(got, piece_keys, index, prefixes, _COLLAPSE_LETTERS[0])
                assert list(got) == ["x"] + [w for w in plain if w != "x"], words


def test_compiled_join_pool_misuse_raises() -> None:
    import pytest

    from sorani.lm import key_index
    from sorani.repair import _compiled_join_pool, _key_prefixes

    compiled = _compiled_join_pool()
    if compiled is None:
        pytest.skip("sorani._repair_c not built")
    with pytest.raises(TypeError):
        compiled({}, [["ک"]], key_index(), _key_prefixes(), "و")  # piece keys must be tuples
    with pytest.raises(TypeError):
        compiled({}, [(1,)], key_index(), _key_prefixes(), "و")
    with pytest.raises(TypeError):
        compiled({}, [("ک",)], key_index(), {"ک": 1}, "و")  # prefixes must be a set


def test_compiled_edge_scores_equal_pure_python() -> None:
    import pytest

    from sorani.lm import OOV_LOGPROB, word_lm
    from sorani.repair import _compiled_score, _score_edges_py, _uni

    compiled = _compiled_score()
    if compiled is None:
        pytest.skip("sorani._repair_c not built")
    lm = word_lm()
    counts = dict(lm.counts, نەبینراو=0.0)  # (a count of 0: the unknown-word log P)
    edges = [(1, ("لەگەڵ",), 0.5), (2, ("ئەو", "کتێبە"), 1.25), (1, ("قثصضف",), 0.0), (3, ("نەبینراو",), 2.0),
             (2, ("سەرکەوتوو", "قثص", "بن"), 3.5)]
    for glued in (False, True):
        def uni(w: str) -> float:
            return _uni(w, True, glued)
        got = compiled(edges, counts, lm._log_total, OOV_LOGPROB, uni)
        assert got == _score_edges_py(edges, counts, lm._log_total, OOV_LOGPROB, uni)
        assert got[3][4] == OOV_LOGPROB
    with pytest.raises(TypeError):
        compiled([(1, (), 0.0)], counts, lm._log_total, OOV_LOGPROB, uni)  # no output word
    with pytest.raises(ZeroDivisionError):
        compiled([(1, ("قثصضف",), 0.0)], counts, lm._log_total, OOV_LOGPROB, lambda w: 1 / 0)
