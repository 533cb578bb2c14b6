"""sorani — Central Kurdish (Sorani, ``ckb``) text into clean, structured, searchable data.

The public API is re-exported lazily so ``import sorani`` stays fast: a stage's module is imported
the first time one of its names is used.

>>> import sorani
>>> sorani.normalize("كورد")
'کورد'
"""
from __future__ import annotations

import importlib
TYPE_CHECKING = False  # typing is not imported at run time (import speed)
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

# Stages whose function shares its module's name are bound here, so that importing the module
# (``import sorani.normalize``) can never shadow the function. They load no data at import.
from sorani.normalize import Alignment, normalize, normalize_with_offsets  # noqa: E402
from sorani.sentences import Sentence, sentences  # noqa: E402
from sorani.tokenize import Token, tokenize  # noqa: E402

# public name -> module that defines it (one line a name; later stages add theirs here)
_EXPORTS: dict[str, str] = {
    "TokenList": "sorani.tokenize",
    "analyze": "sorani.doc",
    "Doc": "sorani.doc",
    "find_numbers": "sorani.numbers",
    "NumberSpan": "sorani.numbers",
    "parse_number": "sorani.numbers",
    "to_words": "sorani.numbers",
    "convert_digits": "sorani.numbers",
    "find_entities": "sorani.entities",
    "Entity": "sorani.entities",
    "find_quotes": "sorani.facts",
    "find_claims": "sorani.facts",
    "find_facts": "sorani.facts",
    "extract_facts": "sorani.facts",
    "identify": "sorani.langid",
    "identify_spans": "sorani.langid",
    "identify_many": "sorani.langid",
    "LangGuess": "sorani.langid",
    "LangSpan": "sorani.langid",
    "repair": "sorani.repair",
    "repair_with_changes": "sorani.repair",
    "spell": "sorani.spell",
    "analyze_word": "sorani.morphology",
    "lemmatize": "sorani.morphology",
    "stem": "sorani.morphology",
    "morphemes": "sorani.morphology",
    "is_known": "sorani.morphology",
    "stopwords": "sorani.morphology",
    "Analysis": "sorani.morphology",
    "to_latin": "sorani.translit",
    "to_arabic": "sorani.translit",
}

__all__ = sorted([*_EXPORTS, "Alignment", "normalize", "normalize_with_offsets", "Sentence",
                  "sentences", "Token", "tokenize", "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sorani' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # cache: the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return __all__
