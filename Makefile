# ThreadGuard: the two commands of the README, and the slower ones kept apart.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
# The labelled data never ships here: DATA=DIR, else $THREADGUARD_DATA (the CLI reads it too).
DATA   ?= $(THREADGUARD_DATA)
DATA_OPT = $(if $(DATA),--data $(DATA),)
EXAMPLE := src/threadguard/resources/example_thread.txt

.PHONY: install run test lint typecheck check train train-deep eval bench serve test-service clean

# pipefail: a failed install still fails the target through the filter below.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# Some machines' pip configuration names package indexes that are not there; pip then
# prints a "Location ... is ignored" line per package, which new users took for errors.
QUIET_PIP = 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }

$(BIN)/threadguard: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "$(BIN)/pip install --quiet --upgrade pip"
	@$(BIN)/pip install --quiet --upgrade pip $(QUIET_PIP)
	@echo "$(BIN)/pip install --quiet -e '.[dev]'"
	@$(BIN)/pip install --quiet -e '.[dev]' $(QUIET_PIP)
	@touch $@
	@echo "Installed: $(BIN)/threadguard (. $(BIN)/activate, then threadguard --help; make run scans the example thread)."

## Set up only: .venv with ThreadGuard and its tools (what run and test do first).
install: $(BIN)/threadguard

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

## Train the next fast-tier version from $(DATA) with its model card, into work/models/fast@N
## (~10 minutes; the shipped model changes only with `threadguard train --replace-shipped`).
train: $(BIN)/threadguard
	$(BIN)/threadguard train $(DATA_OPT)

## Fine-tune the deep tier (needs the `train` extra: PyTorch CPU) and export it to int8 ONNX.
train-deep: $(BIN)/threadguard
	@echo "$(BIN)/pip install --quiet -e '.[train]'"
	@$(BIN)/pip install --quiet -e '.[train]' $(QUIET_PIP)
	$(BIN)/threadguard train --tier deep $(DATA_OPT)

eval: $(BIN)/threadguard
	$(BIN)/threadguard eval $(DATA_OPT)

## Throughput per stage; with $(DATA), also on the data sets' dev rows.
bench: $(BIN)/threadguard
	$(BIN)/threadguard bench $(DATA_OPT)

## Run the HTTP service on 127.0.0.1:8080 (SQLite in ./threadguard-data unless DATABASE=...).
serve: $(BIN)/threadguard
	$(BIN)/threadguard serve $(if $(DATABASE),--database $(DATABASE),)

## The storage and service tests only, against SQLite and the local PostgreSQL.
test-service: $(BIN)/threadguard
	$(BIN)/pytest -q tests/storage tests/service

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: bench-http
## Load-test POST /v1alpha1/comments:analyze with wrk on 127.0.0.1 at concurrency 1, 16, 64
## (10 s per level, beside a trivial endpoint); installs wrk from Debian if missing (~2 minutes).
bench-http: $(BIN)/threadguard
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(BIN)/python bench/http_bench.py --seconds $${BENCH_SECONDS:-10}

.PHONY: bench-ingest
## Perspective analyze at concurrency 16 while a 60,000-row CSV upload is being stored
## (serve --tier fast, SQLite, 127.0.0.1): p50/p99 and non-2xx during the upload.
bench-ingest: $(BIN)/threadguard
	$(BIN)/python bench/ingest_bench.py --rows $${BENCH_ROWS:-60000} --concurrency 16

.PHONY: peers
## Install the peers that `threadguard eval` compares against (alt-profanity-check, hatesonar)
## and generate the en_US.UTF-8 locale hatesonar's ONNX text normaliser needs (as root).
peers: $(BIN)/threadguard
	@locale -a 2>/dev/null | grep -i '^en_US\.utf-\?8$$' >/dev/null || localedef -i en_US -f UTF-8 en_US.UTF-8
	@echo "$(BIN)/pip install --quiet -e '.[peers]'"
	@$(BIN)/pip install --quiet -e '.[peers]' $(QUIET_PIP)

.PHONY: fuzz
## Send 100,000 fuzzed requests across every endpoint to an in-process app (SQLite, or
## DATABASE=URL) and count the 500s (~10 minutes); FUZZ_SEED=N replays a run, FUZZ_COUNT=N
## sends another number.
fuzz: $(BIN)/threadguard
	$(BIN)/python bench/fuzz_http.py --count $${FUZZ_COUNT:-100000} \
		$(if $(FUZZ_SEED),--seed $(FUZZ_SEED),) $(if $(DATABASE),--database $(DATABASE),)

.PHONY: bench-batch
## threadguard batch on BENCH_BATCH_N (default 1,000,000) realistic comments in threads built
## from $(DATA)'s texts, beside threadguard score on the same input: rates, batch/score and
## 1 -> 2 worker ratios, peak memory. BENCH_BATCH_CASCADE_N=K adds the cascade on K lines.
bench-batch: $(BIN)/threadguard
	THREADGUARD_DATA=$(DATA) $(BIN)/python bench/batch_bench.py

.PHONY: bench-dashboard
## The dashboard's targets: the queue's first paint in headless Chromium with 10,000 held
## comments (SQLite), and each moderator action's round trip on loopback. Needs Chromium.
bench-dashboard: $(BIN)/threadguard
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium; }
	cd bench && ../$(BIN)/python dashboard_bench.py --held $${BENCH_HELD:-10000}

.PHONY: screenshots
## Retake docs/dashboard/*.png: the dashboard's browser tests, saving each page's screenshot
## there (a plain `make test` saves them to a temporary folder). Needs Chromium.
screenshots: $(BIN)/threadguard
	THREADGUARD_SCREENSHOTS=$(CURDIR)/docs/dashboard $(BIN)/pytest -q tests/dashboard/test_browser.py tests/dashboard/test_browser_pages.py
