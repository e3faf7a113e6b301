# Thin bootstrap around scripts/build.py: creates .venv from the pinned requirements when they change.
PYTHON ?= python3
BIN := .venv/bin

.PHONY: serve test check build outputs bench clean

serve: .venv/.build-deps            ## serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/python scripts/build.py serve

test: .venv/.dev-deps               ## validate, run every test (examples, site, browser)
	$(BIN)/python scripts/build.py --check
	$(BIN)/python -m pytest

check: .venv/.build-deps            ## validate the sources only
	$(BIN)/python scripts/build.py --check

build: .venv/.build-deps            ## validate, then build site/
	$(BIN)/python scripts/build.py

outputs: .venv/.dev-deps            ## rerun the examples and refresh their .out files
	$(BIN)/python scripts/build.py outputs

bench: .venv/.dev-deps              ## timings, page weight and Lighthouse figures
	$(BIN)/python scripts/bench.py

.venv/.build-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

.venv/.dev-deps: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv .venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ .venv/.build-deps

clean:
	rm -rf site .pytest_cache .cache
