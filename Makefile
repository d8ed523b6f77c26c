# The two commands that matter: `make extract` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: extract test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

extract: $(STAMP)
	$(BIN)/ami-facts extract data/raw --out data/processed

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

# Throughput and memory of every configuration, in one run (see README, Performance).
BENCH_N ?= 400
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --articles $(BENCH_N)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
