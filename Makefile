# The two commands a new user needs: `make run` serves the page, `make test` runs every check.
# Both create .venv and install the project into it when needed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test lint unit e2e build check clean

$(VENV)/.installed-run: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed-run
	$(PY) -m caucasus_map.cli build
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: lint unit e2e

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

unit: $(VENV)/.installed-test
	$(PY) -m pytest -m "not e2e"

e2e: $(VENV)/.installed-test
	$(PY) -m pytest -m e2e

build: $(VENV)/.installed-run
	$(PY) -m caucasus_map.cli build

check: $(VENV)/.installed-run
	$(PY) -m caucasus_map.cli check

clean:
	rm -rf build test-artifacts .pytest_cache
