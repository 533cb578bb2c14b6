"""The optional compiled helpers (``sorani/_speedups.c``: the tokenizer's scanner, language ID's
word scoring), loaded once. Every caller has a pure-Python path that gives the same results."""
from __future__ import annotations

from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

VERSION = 3  # must equal the VERSION the C module declares
REPAIR_VERSION = 9  # … and sorani._repair_c (used by sorani.repair)
SPELL_VERSION = 10  # … and sorani._spell_c (used by sorani.spell and sorani._charlm)


@cache
def load(name: str, version: int) -> Any:
    """The compiled module ``sorani.<name>``, or None where it was not built, is a stale build left
    by an editable install (a VERSION other than ``version``), or ``SORANI_PURE_PYTHON`` is set."""
    import importlib
    import os

    if os.environ.get("SORANI_PURE_PYTHON"):
        return None
    try:
        module = importlib.import_module(f"sorani.{name}")
    except ImportError:
        return None
    return module if getattr(module, "VERSION", None) == version else None


def speedups() -> Any:
    """``sorani._speedups`` (see :func:`load`)."""
    return load("_speedups", VERSION)
