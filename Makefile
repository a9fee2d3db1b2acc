# Set-up and everyday tasks. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The SARIF 2.1.0 JSON Schema, for the test that validates `modelh check -f sarif`:
# taken from an npm package that ships it (npm comes with this machine's Node.js).
SYSTEM := $(VENV)/.system-packages
SARIF_PKG    := @microsoft/jest-sarif@1.0.0-beta.0
SARIF_SCHEMA := $(VENV)/share/sarif/sarif-2.1.0.json

.PHONY: setup demo test lint schema docs fonts bench clean

# A virtual environment with modelh (editable) and its test tools; redone when
# pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(SARIF_SCHEMA): | $(STAMP)
	mkdir -p $(VENV)/share/sarif
	cd $(VENV)/share/sarif && npm pack --silent $(SARIF_PKG) >/dev/null \
	  && tar xzf microsoft-jest-sarif-*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json \
	  && mv package/lib/schemas/sarif-2.1.0-rtm.5.json sarif-2.1.0.json \
	  && rm -rf package microsoft-jest-sarif-*.tgz

# Debian packages (fonts, WeasyPrint's libraries, poppler): installed when missing.
$(SYSTEM): scripts/system-packages.txt scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	mkdir -p $(VENV) && touch $@

setup: $(SYSTEM) $(STAMP) $(SARIF_SCHEMA)

demo: setup
	$(BIN)/modelh check canvases/riverside-health-plan.yaml

# pytest exits 5 when it collects no test: say so, and fail.
test: setup
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: nothing was verified"; fi; \
	exit $$rc

lint: setup
	$(BIN)/ruff check modelh tests benchmarks
	$(BIN)/ruff format --check modelh tests benchmarks

# Files generated from the code (tests fail when they are stale):
schema: setup
	$(BIN)/python scripts/write_generated.py schema

docs: setup
	$(BIN)/python scripts/write_generated.py rules

fonts: setup
	$(BIN)/python scripts/write_generated.py fonts

bench: setup
	$(BIN)/python benchmarks/load_canvases.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/check_canvases.py
	$(BIN)/python benchmarks/save_answer.py
	$(BIN)/python benchmarks/render_report.py --skip-many

clean:
	rm -rf $(VENV) build dist .pytest_cache
