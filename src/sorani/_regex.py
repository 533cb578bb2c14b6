"""``trie_pattern(strings)``: an alternation of many strings written as a trie, which ``re`` runs
fast (no two branches open with the same letter, so the engine never retries a string after
another with the same start) and compiles quickly. Used for number words, entity triggers and the
suffix searches of the morphology."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

_END: dict[str, Any] = {"": {}}  # a node where a string ends and nothing follows


def trie_pattern(strings: Iterable[str], letter: Callable[[str, dict[str, Any]], str] | None = None) -> str:
    """A regex that matches what an alternation of ``strings`` matches at a position. ``letter``
    writes one letter of the trie given the node its paths go on into (default: the letter
    itself, and letters that end every path are joined in one character class).

    >>> [bool(re.match(trie_pattern(["کوژ", "کوشت", "بریندار"]), w)) for w in ("کوژرا", "کوشتن", "کور")]
    [True, True, False]
    """
    trie: dict[str, Any] = {}
    for s in strings:
        node = trie
        for c in s:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        kids = [c for c in sorted(node) if c]
        if letter is not None:
            alts = [letter(c, node[c]) + emit(node[c]) for c in kids]
        else:
            leaves = [c for c in kids if node[c] == _END]
            alts = [re.escape(c) + emit(node[c]) for c in kids if node[c] != _END]
            if len(leaves) == 1:
                alts.append(re.escape(leaves[0]))
            elif leaves:
                alts.append("[" + "".join(map(re.escape, leaves)) + "]")
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(trie) + ")"
