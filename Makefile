# Set-up and everyday tasks. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The test environment's lock: every package and its hashes, made by `make lock` (uv).
LOCK   := requirements/test.txt
# The version of uv that writes the lock (`make lock` only; nothing else needs uv).
UV_VERSION := 0.13.9
STAMPS := .make
STAMP  := $(STAMPS)/venv-installed
# The locked packages as wheels: the venv is installed from here, and so is the
# packaging test's fresh venv (no index needed once they are here).
WHEELS := $(STAMPS)/wheels
SYSTEM := $(STAMPS)/system-packages

.PHONY: setup setup-office demo test test-latest lint typecheck schema docs fonts bench lock clean

# A virtual environment with exactly the locked packages (hashes checked, fetched
# once into $(WHEELS)), then modelh itself, editable, built with the locked
# hatchling (no build isolation, so nothing unpinned is fetched). Made anew when
# the lock or pyproject.toml changes.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip download --quiet --require-hashes --no-deps -r $(LOCK) -d $(WHEELS)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps --no-index \
	  --find-links $(WHEELS) -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@mkdir -p $(STAMPS) && touch $@

# Debian packages for PDF rendering and the tests (Pango, fonts, poppler; Chromium and
# its WebDriver for the preview's browser test):
# installed when missing and when this user may (root or password-less sudo).
$(SYSTEM): scripts/system-packages.txt scripts/install-system-packages.sh
	bash scripts/install-system-packages.sh
	@mkdir -p $(STAMPS) && touch $@

setup: $(SYSTEM) $(STAMP)

# Optional: LibreOffice Impress (scripts/office-packages.txt), to convert the workshop
# deck to PDF and images; the one test that needs it skips without it.
setup-office: setup
	bash scripts/install-system-packages.sh office-packages.txt

# Needs only Python: no root, no npm. Says what to install for PDFs when it is missing.
demo: $(STAMP)
	@bash scripts/install-system-packages.sh --check || true
	$(BIN)/modelh check canvases/riverside-health-plan.yaml

# The type check first (CI runs `make test`), then the suite.
# pytest exits 5 when it collects no test: say so, and fail.
test: setup
	$(BIN)/mypy
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: nothing was verified"; fi; \
	exit $$rc

# The suite against the newest versions pyproject.toml allows (not the lock), in .venv-latest.
test-latest: $(SYSTEM)
	$(PYTHON) -m venv --clear .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade -e '.[test]'
	.venv-latest/bin/python -m pytest -q

# Refresh the lock from pyproject.toml (newest allowed versions), with uv in its own venv.
lock:
	$(PYTHON) -m venv $(STAMPS)/uv
	$(STAMPS)/uv/bin/python -m pip install --quiet uv==$(UV_VERSION)
	$(STAMPS)/uv/bin/uv pip compile pyproject.toml --extra test --universal \
	  --python-version 3.11 --generate-hashes --quiet \
	  --custom-compile-command "make lock" -o $(LOCK)

lint: $(STAMP)
	$(BIN)/ruff check modelh tests benchmarks
	$(BIN)/ruff format --check modelh tests benchmarks
	$(BIN)/mypy

# mypy --strict on modelh/ (configured in pyproject.toml's [tool.mypy])
typecheck: $(STAMP)
	$(BIN)/mypy

# Files generated from the code (tests fail when they are stale):
schema: $(STAMP)
	$(BIN)/python scripts/write_generated.py schema

docs: $(STAMP)
	$(BIN)/python scripts/write_generated.py rules

fonts: $(STAMP)
	$(BIN)/python scripts/write_generated.py fonts

bench: setup
	$(BIN)/python benchmarks/load_canvases.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/check_canvases.py
	$(BIN)/python benchmarks/check_text.py
	$(BIN)/python benchmarks/executive_gaps.py
	$(BIN)/python benchmarks/save_answer.py
	$(BIN)/python benchmarks/interview_step.py
	$(BIN)/python benchmarks/escaping.py
	$(BIN)/python benchmarks/render_report.py --skip-many
	$(BIN)/python benchmarks/render_deck.py
	$(BIN)/python benchmarks/preview.py
	$(BIN)/python benchmarks/regex_worst_case.py

clean:
	rm -rf $(VENV) .venv-latest $(STAMPS) build dist .pytest_cache
