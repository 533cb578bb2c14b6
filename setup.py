"""The optional compiled tokenizer scanner; without a C compiler sorani installs and runs in pure
Python (same results, slower). Everything else is in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("sorani._speedups", ["src/sorani/_speedups.c"], optional=True)])
