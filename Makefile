# ThreadGuard: the two commands of the README, and the slower ones kept apart.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
DATA   ?= ../shared/data
EXAMPLE := src/threadguard/resources/example_thread.txt

.PHONY: run test lint typecheck check train eval bench clean

$(BIN)/threadguard: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## Set up and scan the bundled example thread with the shipped model and default policy.
run: $(BIN)/threadguard
	$(BIN)/threadguard scan $(EXAMPLE)

## The whole test suite.
test: $(BIN)/threadguard
	$(BIN)/pytest -q

lint: $(BIN)/threadguard
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(BIN)/threadguard
	$(BIN)/mypy src/threadguard

## What CI runs: tests, lint, types.
check: test lint typecheck

## Retrain the shipped fast tier from $(DATA) and rewrite its model card (~10 minutes).
train: $(BIN)/threadguard
	$(BIN)/threadguard train --data $(DATA)

eval: $(BIN)/threadguard
	$(BIN)/threadguard eval --data $(DATA)

bench: $(BIN)/threadguard
	$(BIN)/threadguard bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: bench-http
## Load-test POST /v1alpha1/comments:analyze with wrk on 127.0.0.1 at concurrency 1, 16, 64
## (10 s per level, beside a trivial endpoint); installs wrk from Debian if missing (~2 minutes).
bench-http: $(BIN)/threadguard
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python bench/http_bench.py --seconds $${BENCH_SECONDS:-10}
