# Scrutiny Tracker: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint unit bench package sysdeps clean screenshots golden

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)"; exit 1; }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	@touch $(STAMP)

sysdeps:
	@sh packaging/system-deps.sh test

run: $(STAMP)
	@sh packaging/system-deps.sh run
	$(VENV)/bin/scrutiny-tracker demo --if-empty
	$(VENV)/bin/scrutiny-tracker

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app tests benchmarks packaging
	$(VENV)/bin/pyright
	$(VENV)/bin/lint-imports

test: $(STAMP) sysdeps lint
	PYTEST_ARGS="$(PYTEST_ARGS)" sh tests/run_suites.sh $(PY)

# Rewrite tests/golden/ from what the app produces now (on purpose: read the diff, then commit it).
golden: $(STAMP)
	SCRUTINY_UPDATE_GOLDEN=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests/golden

bench: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py

# The README's window pictures, under Xvfb at 1366x768 (a real X server and window manager-less
# xcb windows; as root the missing packages are installed, see packaging/system-deps.sh gui).
screenshots: $(STAMP)
	@sh packaging/system-deps.sh gui
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb sh -c '\
	  $(PY) packaging/make_screenshots.py && $(PY) packaging/make_grid_screenshots.py && \
	  $(PY) packaging/make_search_screenshot.py'

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

package: $(STAMP)
	$(PY) -m pip install -q "pyinstaller>=6.5"
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath packaging/dist --workpath packaging/build packaging/scrutiny_tracker.spec
	@echo "built packaging/dist/scrutiny-tracker/ (run scrutiny-tracker, or scrutiny-tracker-cli for the command line)"
