# frontlines: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test lint eval bench schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -c "import frontlines.kb.gazetteer as g; g.warm()"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install everything, including the spaCy pipeline

demo: setup  ## ingest the bundled examples into ./frontlines.db and summarise them
	$(BIN)/frontlines ingest examples/
	@echo; echo "== events =="; $(BIN)/frontlines events
	@echo; echo "== actors =="; $(BIN)/frontlines actors

test: setup  ## run the test suite
	$(BIN)/python -m pytest

lint: setup  ## ruff
	$(BIN)/ruff check src tests

eval: setup  ## score extraction against the founding article's gold and the public gold sets
	$(BIN)/frontlines eval ../shared/seed/gold.json

bench: setup  ## speed and memory on the bundled examples
	$(BIN)/frontlines bench examples/

schema: setup  ## regenerate the JSON Schema of the output contract
	$(BIN)/frontlines schema > src/frontlines/schema/contract-v1.json

clean:
	rm -rf $(VENV) frontlines.db frontlines.db-wal frontlines.db-shm
