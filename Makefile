# Two entry points for a fresh machine: `make run` and `make test`.
# Everything they need is installed into .venv from the project's own files.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench docs clean

# Reinstall whenever pyproject.toml changes, so a pull never leaves a stale venv.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[server,test]'
	@touch $(STAMP)

run: $(STAMP)
	@$(VENV)/bin/unblame lint samples/ --fail-on never

lint: $(STAMP)
	@$(VENV)/bin/ruff check src tests bench
	@$(VENV)/bin/ruff format --check src tests bench

format: $(STAMP)
	@$(VENV)/bin/ruff format src tests bench
	@$(VENV)/bin/ruff check --fix src tests bench

test: lint
	@$(PY) -m pytest -n 2 -p no:cacheprovider

bench: $(STAMP)
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	@$(PY) bench/lint_speed.py

# docs/rules.md is generated from the rule registry; a test fails when it is stale.
docs: $(STAMP)
	@$(VENV)/bin/unblame rules --format markdown > docs/rules.md.tmp
	@mv docs/rules.md.tmp docs/rules.md

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
