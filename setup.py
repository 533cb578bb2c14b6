"""The optional C extensions, one per stage that has one (sorani/_speedups.c: the tokenizer's
scanner and language ID's scoring; _facts_c.c: the word scan of the entity and fact passes;
_spell_c.c: spelling suggestions; _morph_c.c: the morphological analyzer's noun and verb searches;
_repair_c.c: the keyboard channel cost of sorani.repair).
Without a C compiler sorani installs and runs in pure Python (same results, slower). Everything
else is in pyproject.toml."""
from setuptools import Extension, setup

COMPILED = ("_speedups", "_facts_c", "_spell_c", "_morph_c", "_repair_c")

setup(ext_modules=[Extension(f"sorani.{name}", [f"src/sorani/{name}.c"], optional=True)
                   for name in COMPILED])
