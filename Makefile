# Storekeeper: build the environment, run the app, run the tests, build the bundle.
# `make install` is implied by `make run`, `make test` and `make package`; it does
# nothing when pyproject.toml has not changed since the last install.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PKG_STAMP := $(VENV)/.installed-package
SPEC   := packaging/storekeeper.spec
TS     := resources/translations/storekeeper_zh_CN.ts

.PHONY: install run test translations package package-test clean distclean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

run: install
	$(PY) main.py

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

# The one-folder bundle dist/storekeeper/ (PyInstaller; see packaging/README.md).
# PyInstaller comes from the `package` extra, installed on first use only.
package: install $(PKG_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN $(SPEC)
	@du -sh dist/storekeeper

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[dev,package]'
	touch $(PKG_STAMP)

# The smoke test of the bundle built by `make package` (a missing bundle fails here).
package-test: install
	STOREKEEPER_TEST_BUNDLE=1 $(PY) -m pytest tests/packaging $(PYTEST_ARGS)

# Refresh the .ts from the sources (keeps existing translations), then compile the .qm.
translations: install
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(find desktop/ui -name '*.py' | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)

clean:
	rm -rf build dist *.egg-info .pytest_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
