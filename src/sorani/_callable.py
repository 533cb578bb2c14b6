"""Modules that are also functions: ``sorani.repair`` is both the module ``sorani/repair.py``
and its function ``repair(text)``. Python binds a submodule to its package attribute on import,
which would hide a same-named function, so such a module is made callable instead."""
from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__dict__[self.__name__.rpartition(".")[2]](*args, **kwargs)


def make_callable(module_name: str) -> None:
    """Calling the module ``module_name`` calls its function of the same (last) name."""
    sys.modules[module_name].__class__ = _CallableModule
