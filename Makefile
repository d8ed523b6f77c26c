# The two commands that matter: `make extract` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: what extract needs (the package, its runtime dependencies and the model)
# and, on top of it, what the tests need (the dev tools and the Dask engine).
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed

.PHONY: extract test lint typecheck unit browser docs bench mutate clean

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

extract: $(RUNTIME)
	$(BIN)/ami-facts extract data/raw --out data/processed

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# Headless Chromium for the review page's browser test (Debian package; needs root and
# apt). Where it cannot be installed, the browser tests are skipped: never a failure.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	|| { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	     && apt-get update -qq && apt-get install -y -qq chromium; } \
	|| echo "make browser: Chromium is not installed and cannot be installed here (needs" \
	        "root and apt-get); the browser tests of the review page will be skipped."

unit: $(STAMP) browser
	$(BIN)/pytest

# Regenerate the README's column reference from records.py and export.SCHEMAS.
docs: $(RUNTIME)
	$(BIN)/ami-facts schema --update-readme README.md

test: lint typecheck unit

# Throughput and memory of every configuration, in one run (see README, Performance).
BENCH_N ?= 400
# Fastest of three rounds: one round on a shared machine can be 20% off.
BENCH_REPEAT ?= 3
bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py --articles $(BENCH_N) --repeat $(BENCH_REPEAT)

# Mutation testing of the core modules (mutmut, [tool.mutmut] in pyproject.toml), then
# the share of mutants killed per module (tests/MUTANTS.md). Not part of `make test`.
# Incremental: results are kept in mutants/; `rm -rf mutants` starts over. One group:
# make mutate MUTANTS='ami_facts.french.units*'
MUTANTS ?=
mutate: $(STAMP)
	$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	$(BIN)/python tests/mutation_score.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache mutants
