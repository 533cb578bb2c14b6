"""The optional C extensions (sorani/_speedups.c: the tokenizer's scanner, language ID's scoring;
sorani/_facts_c.c: the word scan of the entity and fact passes; sorani/_spell_c.c: spelling
suggestions);
without a C compiler sorani installs and runs in pure Python (same results, slower). Everything
else is in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("sorani._speedups", ["src/sorani/_speedups.c"], optional=True),
                   Extension("sorani._facts_c", ["src/sorani/_facts_c.c"], optional=True),
                   Extension("sorani._spell_c", ["src/sorani/_spell_c.c"], optional=True)])
