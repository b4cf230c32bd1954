# Two commands for a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: serve test lint format migrate seed client bench bench-reads bench-endpoints bench-filters clean

# the stamp is rebuilt whenever pyproject.toml changes
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# migrate, add what is new in the seed files (never touching what the API wrote), serve
serve: $(VENV)/.installed
	@echo "claimsdb commands in another shell: . $(VENV)/bin/activate (README.md, The command line)"
	$(BIN)/claimsdb serve --migrate --seed --host $(HOST) --port $(PORT)

migrate: $(VENV)/.installed
	$(BIN)/claimsdb migrate

seed: $(VENV)/.installed
	$(BIN)/claimsdb seed

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python -m pytest

# the Python client in clients/python, generated anew from the API's OpenAPI document
# (README, "Python client"); tests/test_client.py fails while it is out of step
client: $(VENV)/.installed
	$(BIN)/python clients/generate.py

# the benchmark against Datasette (docs/benchmarks.md); wants wrk from Debian's packages
bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	test -f bench/data/bench-200000.db || $(BIN)/python bench/generate.py --claims 200000
	$(BIN)/python bench/run.py bench/data/bench-200000.db

# issue 20's targets: every read endpoint one request at a time at 200,000 and 1,000,000
# claims, and every list filter against Datasette, pinned and unpinned (docs/benchmarks.md).
# A corpus made before migration 0008 lacks its tables: remove bench/data/*.db first.
BENCH_CORPORA := bench/data/bench-200000.db bench/data/bench-1000000.db
bench/data/bench-%.db:
	$(BIN)/python bench/generate.py --claims $*

bench-reads: bench-endpoints bench-filters

bench-endpoints: $(VENV)/.installed $(BENCH_CORPORA)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/endpoints.py bench/data/bench-200000.db
	$(BIN)/python bench/endpoints.py bench/data/bench-1000000.db

bench-filters: $(VENV)/.installed bench/data/bench-200000.db
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/run.py bench/data/bench-200000.db --queries abcdefghijklmnopqrstu \
		--workers 1 --pinned --rounds 3

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
