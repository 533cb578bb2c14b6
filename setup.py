"""The optional C extension (sorani/_speedups.c: the tokenizer's scanner, language ID's scoring);
without a C compiler sorani installs and runs in pure Python (same results, slower). Everything
else is in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("sorani._speedups", ["src/sorani/_speedups.c"], optional=True),
                   Extension("sorani._morph_c", ["src/sorani/_morph_c.c"], optional=True),
                   ])
