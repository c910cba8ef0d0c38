# RedOffice: `make run` starts the app, `make test` runs the whole suite headless.
# Both create .venv and install everything they need on a fresh Debian machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
QM := resources/i18n/redoffice_zh_CN.qm
TS := resources/i18n/redoffice_zh_CN.ts
# Qt's own strings that PySide6's qtbase_zh_CN leaves in English (the widget file dialog)
QT_QM := resources/i18n/qtbase_extra_zh_CN.qm
# Debian packages: Qt's xcb platform (run, screenshots), poppler (PDF checks), PostgreSQL (tests)
APT_RUN := libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 \
           libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 \
           libxcb-shape0 libxcb-xkb1
APT_TEST := $(APT_RUN) postgresql poppler-utils xvfb xauth

.PHONY: run test bench lint typecheck i18n translations system-deps-run system-deps-test \
        screenshots clean dist dist-trial

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

translations: $(QM) $(QT_QM)

$(QM): $(TS) $(STAMP)
	$(VENV)/bin/pyside6-lrelease $(TS) -qm $(QM)

$(QT_QM): $(QT_QM:.qm=.ts) $(STAMP)
	$(VENV)/bin/pyside6-lrelease $(QT_QM:.qm=.ts) -qm $(QT_QM)

# Refresh the .ts from the sources (keeps existing translations); then translate and commit.
i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find redoffice/ui -name "*.py" | sort) -ts $(TS) -no-obsolete

system-deps-run:
	@tools/apt-ensure.sh $(APT_RUN)

system-deps-test:
	@tools/apt-ensure.sh $(APT_TEST)

run: $(STAMP) translations system-deps-run
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "没有可用的显示器。请在图形桌面中运行，或使用：xvfb-run -a make run"; \
	  echo "No display found. Run on a desktop, or: xvfb-run -a make run"; exit 1; fi
	$(VENV)/bin/redoffice

lint: $(STAMP)
	$(VENV)/bin/ruff check redoffice tests bench tools
	$(VENV)/bin/ruff format --check redoffice tests bench tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# The tests that depend on the date (marker `dates`) run again on days that broke them before:
# New Year's Day, the first Monday of a year, mid-May, New Year's Eve, 29 February (the suite
# itself runs on tests/conftest.py's TEST_TODAY, never the real date). SQLite only: the dates do
# not depend on the backend and PostgreSQL would double the time. The five days run side by side.
TEST_DATES := 2027-01-01 2027-01-04 2027-05-20 2027-12-31 2028-02-29

test: $(STAMP) translations system-deps-test lint typecheck
	REDOFFICE_REQUIRE_PG=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider
	@rm -rf .test-days && mkdir -p .test-days; \
	for day in $(TEST_DATES); do \
	  ( REDOFFICE_TEST_TODAY=$$day QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider \
	      -m "dates and not postgresql" --basetemp=.test-days/$$day.tmp > .test-days/$$day.log 2>&1; \
	    echo $$? > .test-days/$$day.rc ) & \
	done; wait; failed=0; \
	for day in $(TEST_DATES); do \
	  echo "== tests marked dates, on $$day: $$(tail -n 1 .test-days/$$day.log)"; \
	  if [ "$$(cat .test-days/$$day.rc)" != 0 ]; then cat .test-days/$$day.log; failed=1; fi; \
	done; rm -rf .test-days; exit $$failed

bench: $(STAMP) translations system-deps-run
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.run

screenshots: $(STAMP) translations system-deps-test
	tools/screenshots.sh

# `make dist` (issue 17; not part of `make test`): the frozen program, PyInstaller one folder
# build/dist/redoffice (redoffice + redoffice-cli), checked — its contents, --self-test and the
# CLI's core commands, the upgrade from version N (UPGRADE_FROM, frozen from a git worktree of
# that commit, cached in build/upgrade/) — and packed as build/redoffice_<version>_<arch>.deb.
# Its own environment holds the runtime dependencies and PyInstaller only. installer/README.md
DIST_VENV := build/dist-venv
DIST_PY := $(DIST_VENV)/bin/python
DIST_STAMP := $(DIST_VENV)/.installed
UPGRADE_FROM ?= 237c26b
WHEELHOUSE := $(if $(wildcard /opt/wheels/*.whl),--find-links /opt/wheels)

$(DIST_STAMP): pyproject.toml
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_PY) -m pip install --quiet --upgrade pip
	$(DIST_PY) -m pip install --quiet $(WHEELHOUSE) -e ".[dist]"
	touch $(DIST_STAMP)

dist: translations $(DIST_STAMP)
	$(DIST_PY) -m PyInstaller --noconfirm --log-level WARN --distpath build/dist \
	  --workpath build/pyi installer/redoffice.spec
	$(DIST_PY) installer/check_bundle.py build/dist/redoffice --python $(DIST_PY)
	$(DIST_PY) installer/smoke_test.py build/dist/redoffice
	installer/linux/build_deb.sh build/dist/redoffice build
	$(DIST_PY) installer/upgrade_check.py --old-commit $(UPGRADE_FROM) \
	  --new build/dist/redoffice --python $(DIST_PY)

# `make dist-trial` (issue 17; after `make dist`, as root, with debootstrap and Debian's archive):
# the .deb on a bare Debian 12 chroot (installer/linux/chroot_trial.sh): this version's .deb
# installed and started; then UPGRADE_FROM's .deb with data, keys in the Secret Service and
# window settings, this version over it, remove, purge, reinstall — all kept.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' redoffice/__init__.py)
DEB_ARCH = $(shell dpkg --print-architecture)
OLD_BUILD = build/upgrade/$(shell git rev-parse --short=12 $(UPGRADE_FROM))

dist-trial:
	ls $(OLD_BUILD)/redoffice_*.deb > /dev/null 2>&1 || \
	  installer/linux/build_deb.sh $(OLD_BUILD)/dist/redoffice $(OLD_BUILD)
	installer/linux/chroot_trial.sh fresh build/redoffice_$(VERSION)_$(DEB_ARCH).deb
	installer/linux/chroot_trial.sh upgrade build/redoffice_$(VERSION)_$(DEB_ARCH).deb \
	  $(OLD_BUILD)/redoffice_*_$(DEB_ARCH).deb

clean:
	rm -rf $(VENV) $(QM) $(QT_QM) .mypy_cache .ruff_cache
