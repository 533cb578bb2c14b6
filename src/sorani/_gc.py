"""One context manager, ``no_cycle_collection()``, for the stages that make many small objects at
once (tokens, word analyses, entity words): they make no reference cycles, so Python's cyclic
garbage collector would only walk the growing lists again and again (a sixth of the tokenizer's
time on the corpus). Garbage is still freed at once by reference counting, and collection resumes
as the caller had it (a thread that turns the collector off inside such a block finds it on again
after it: the one global side effect)."""
from __future__ import annotations

import gc


class no_cycle_collection:
    """Pause cyclic garbage collection (when it is on) for the block.

    >>> with no_cycle_collection():
    ...     words = ["کورد"] * 3
    >>> gc.isenabled()
    True
    """

    __slots__ = ("was_enabled",)

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.was_enabled:
            gc.enable()
