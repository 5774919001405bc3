# First Workflow — every habit has one entry point.
#   make run     set up on a fresh machine and open the app on the bundled demo workshop
#   make test    set up (with the test tools) and run lint and the whole suite headless, then
#                the keyboard-only tests once more on a virtual X server
#   make check   the fast inner loop: lint, then the domain and store tests (no Qt, no PDF)
#   make lint    ruff, ruff format check, mypy, import-linter contracts
#   make bench   the benchmarks in bench/ (not part of make test)
#   make demo-file  lay out resources/demo/demo.workshop again from demo_workshop.json (after
#                   editing the document or adding a schema step; a test says when)
#   make screenshots  every stage of the demo as PNG in docs/screenshots/ (1366×768), and the
#                     audience view on a 1920×1080 projector in docs/screenshots/audience/
#   make bundle       the Linux bundle a facilitator installs without Python:
#                     dist/first-workflow-VERSION-linux-x86_64.tar.gz (docs/distribution.md)
#   make bundle-test  build it, then prove it self-contained (tests/packaging/test_bundle.py)
#   make bundle-bench its size, and its start-up against the venv's

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUNDLE := $(VENV)/.installed-bundle
APP_VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' workshop_app/__init__.py)
BUNDLE = dist/first-workflow-$(APP_VERSION)-linux-x86_64.tar.gz

# Debian libraries the app needs: Qt's GUI libraries, WeasyPrint's Pango, and HarfBuzz's
# subsetter (without it a PDF takes ten times longer to write).
DEBIAN_CORE := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
# Qt's xcb platform, for a real window on a desktop.
DEBIAN_GUI := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xkb1 libxcb-randr0 libxkbcommon-x11-0 libxcb-xinerama0
# Tools the tests use to look at what we make, and an X server for the desktop run.
DEBIAN_TEST := qpdf poppler-utils xvfb xauth
# PyInstaller reads binaries with objdump; the bundle's test checks what install.sh registers
# with the tools of a desktop (the file type database, the menu entry's validator).
DEBIAN_BUNDLE := binutils shared-mime-info desktop-file-utils
# The tests that drive the app with the keyboard alone run twice: offscreen with the rest, and
# on a real X server (Qt's xcb platform under Xvfb), where focus and shortcuts behave as on a
# desktop, at the most common projector size.
DESKTOP_TESTS := tests/ui/test_keyboard_workshop.py tests/ui/test_in_the_room.py \
	tests/ui/test_estimation.py tests/ui/test_examples.py tests/ui/test_next_workflow.py \
	tests/ui/test_review_import.py tests/ui/test_signoff_channels.py

.PHONY: run test check lint bench demo-file screenshots clean debian-core debian-gui debian-test \
	bundle bundle-test bundle-bench debian-bundle

run: debian-core debian-gui $(STAMP_RUN)
	$(BIN)/workshop-app --demo

# The offscreen suite runs on every core (pytest-xdist; each worker has its own QApplication);
# the desktop run stays in one process, on one X server.
test: debian-core debian-gui debian-test $(STAMP_TEST) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto
	xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
		$(BIN)/python -m pytest -q -p no:cacheprovider $(DESKTOP_TESTS)

# Hypothesis's "check" profile (tests/conftest.py) tries fewer examples per property; two workers
# keep the inner loop near 30 s now that the store tests include the damaged-file checks.
check: lint
	$(BIN)/python -m pytest -q -n 2 --hypothesis-profile=check tests/domain tests/store

lint: $(STAMP_TEST)
	$(BIN)/ruff check workshop_app tests bench packaging
	$(BIN)/ruff format --check workshop_app tests bench packaging
	$(BIN)/mypy
	$(BIN)/mypy --disallow-untyped-defs --ignore-missing-imports packaging
	$(BIN)/lint-imports

bench: debian-core $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

demo-file: $(STAMP_RUN)
	$(BIN)/python -m workshop_app.store.demo

screenshots: debian-core $(STAMP_RUN)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m workshop_app.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m workshop_app.ui.screenshots \
		docs/screenshots/audience --audience --size 1920x1080

# The bundle is built from the libraries this machine has (the Debian packages above), by the
# spec in packaging/; it carries them all. The test unpacks the tarball and runs it with a bare
# environment, on X11 under Xvfb, and where the system's copies are hidden.
bundle: debian-core debian-gui debian-bundle $(STAMP_BUNDLE)
	rm -f $(BUNDLE)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/bundle/dist \
		--workpath build/bundle/work packaging/first-workflow.spec
	@ls -l $(BUNDLE)

bundle-test: bundle debian-test $(STAMP_TEST)
	FIRST_WORKFLOW_BUNDLE=$(BUNDLE) $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/packaging/test_bundle.py

bundle-bench: debian-core $(STAMP_TEST)
	@test -f $(BUNDLE) || { echo "$(BUNDLE) is missing: run 'make bundle' first"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.bundle $(BUNDLE)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

debian-core:
	@.ci/ensure-debian $(DEBIAN_CORE)
debian-gui:
	@.ci/ensure-debian $(DEBIAN_GUI)
debian-test:
	@.ci/ensure-debian $(DEBIAN_TEST)
debian-bundle:
	@.ci/ensure-debian $(DEBIAN_BUNDLE)

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "First Workflow needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

$(STAMP_BUNDLE): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	@touch $@ $(STAMP_RUN)
