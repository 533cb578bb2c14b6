"""Records that are tuples underneath (``Token``, ``Sentence``): made in bulk by C iterators and
read through C field getters, as fast as plain tuples, with names and their own equality."""
from __future__ import annotations

from operator import itemgetter

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

try:  # the C field getter of namedtuple fields (CPython)
    from _collections import _tuplegetter as field
except ImportError:  # pragma: no cover
    def field(index: int, doc: str) -> Any:  # type: ignore[misc]
        return property(itemgetter(index), doc=doc)

new = tuple.__new__


class Record(tuple):  # type: ignore[type-arg]
    """A tuple that equals only records of its own class (a token never equals a plain tuple)."""

    __slots__ = ()

    def __getnewargs__(self) -> tuple[Any, ...]:  # pickling goes through __new__
        return tuple(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__
