# frontlines: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup demo test lint eval bench bench-scale soak schema clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -c "import frontlines.kb.gazetteer as g; g.warm()"
	$(BIN)/python -c "import frontlines.events.classifier as c; c.warm()"
	touch $(STAMP)

# The web page's libraries (Leaflet, topojson-client, world-atlas borders, Swagger UI) come
# from npm at set-up and are copied into the package: nothing is fetched at run time.
VENDOR := src/frontlines/web/static/vendor
NPM_MODULES := web/node_modules
$(VENDOR)/.stamp: web/package.json web/package-lock.json
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)/images
	cp $(NPM_MODULES)/leaflet/dist/leaflet.js $(NPM_MODULES)/leaflet/dist/leaflet.css $(VENDOR)/
	cp $(NPM_MODULES)/leaflet/dist/images/*.png $(VENDOR)/images/
	cp $(NPM_MODULES)/topojson-client/dist/topojson-client.min.js $(VENDOR)/
	cp $(NPM_MODULES)/world-atlas/countries-50m.json $(VENDOR)/
	cp $(NPM_MODULES)/swagger-ui-dist/swagger-ui-bundle.js $(NPM_MODULES)/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	touch $@

# Browser tests drive Debian's Chromium; install it when missing (CI machines are root).
chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium >/dev/null; }

setup: $(STAMP) $(VENDOR)/.stamp  ## create .venv and install everything, including the spaCy pipeline

demo: setup  ## ingest the bundled examples into ./frontlines.db and summarise them
	$(BIN)/frontlines ingest examples/
	@echo; echo "== events =="; $(BIN)/frontlines events
	@echo; echo "== actors =="; $(BIN)/frontlines actors

test: setup chromium  ## run the test suite (installs Chromium for the browser tests)
	$(BIN)/python -m pytest

lint: setup  ## ruff
	$(BIN)/ruff check src tests

eval: setup  ## score extraction: the founding article, the written corpus, real labelled reports, CASE 2021, PLOVER
	$(BIN)/frontlines eval ../shared/seed/gold.json
	$(BIN)/frontlines eval src/frontlines/evaluation/data/picture_gold
	$(BIN)/frontlines eval src/frontlines/kb/data/event_corpus
	$(BIN)/frontlines eval src/frontlines/kb/data/labelled_events
	test ! -d ../shared/data/case2021-dev || \
		$(BIN)/frontlines eval ../shared/data/case2021-dev/case2021_task2_dev.tsv
	test ! -d ../shared/data/geowebnews || $(BIN)/frontlines eval ../shared/data/geowebnews/GWN.xml
	test ! -d ../shared/data/geovirus || $(BIN)/frontlines eval ../shared/data/geovirus/GeoVirus.xml
	test ! -d ../shared/data/plover-gsr || \
		$(BIN)/frontlines eval ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.json
	FRONTLINES_SLOW_TESTS=1 $(BIN)/python -m pytest -q tests/events/test_classifier.py

bench: setup  ## throughput on real text (../shared/data) and the bundled examples, all cores
	$(BIN)/frontlines bench $$(test -d ../shared/data && echo --data ../shared/data) examples/

# Ingest rates on SQLite and PostgreSQL (1 and 2 workers; processes and a Dask LocalCluster),
# then /api/events latency over a million events on each (PostgreSQL at 127.0.0.1, user root).
bench-scale: setup  ## scale: ingest documents/s on both back ends, API latency over 1M events
	$(BIN)/python -m frontlines.evaluation.scale --data ../shared/data \
		--postgres $${FRONTLINES_BENCH_POSTGRES:-postgresql://root@127.0.0.1}

soak: setup  ## every real text in ../shared/data through the pipeline: zero failures wanted
	$(BIN)/python -m frontlines.evaluation.sweep ../shared

schema: setup  ## regenerate the JSON Schema of the output contract
	$(BIN)/frontlines schema > src/frontlines/schema/contract-v1.json

clean:
	rm -rf $(VENV) frontlines.db frontlines.db-wal frontlines.db-shm
