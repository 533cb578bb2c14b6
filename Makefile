# Two commands on a fresh machine: `make demo` and `make test`. Each creates .venv itself.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SORANI := $(VENV)/bin/sorani
SHARED ?= ../shared

.PHONY: demo test venv evaluate bench bench-peers clean

$(VENV)/.installed: pyproject.toml setup.py $(wildcard src/sorani/*.c)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,langid-train,lid176]'
	touch $@

venv: $(VENV)/.installed

demo: venv
	$(SORANI) analyze examples/news-sample.txt --format text
	@if [ -f $(SHARED)/examples/news-article-karabakh.txt ]; then \
	  echo; echo "== $(SHARED)/examples/news-article-karabakh.txt =="; \
	  $(SORANI) analyze $(SHARED)/examples/news-article-karabakh.txt --format text; \
	  $(SORANI) facts $(SHARED)/examples/news-article-karabakh.txt; fi

test: venv
	$(PY) -m pytest -q tests src/sorani

evaluate: venv
	$(SORANI) evaluate

bench: venv
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/bench_langid.py

bench-peers: venv
	$(PY) benchmarks/peers.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache src/sorani/*.so
