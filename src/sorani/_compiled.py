"""The optional compiled helpers (``sorani/_speedups.c``: the tokenizer's scanner, language ID's
word scoring), loaded once. Every caller has a pure-Python path that gives the same results."""
from __future__ import annotations

from functools import cache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

VERSION = 3  # must equal the VERSION the C module declares


@cache
def speedups() -> Any:
    """``sorani._speedups``, or None where it was not built, is a stale build left by an editable
    install (another VERSION), or ``SORANI_PURE_PYTHON`` is set."""
    import os

    if os.environ.get("SORANI_PURE_PYTHON"):
        return None
    try:
        from sorani import _speedups
    except ImportError:
        return None
    return _speedups if getattr(_speedups, "VERSION", None) == VERSION else None
