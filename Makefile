# Two entry points for a fresh machine:
#   make demo   - install everything, create a demo station, open the app
#   make test   - install everything, run lint, type checks and the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR ?= demo-station

.PHONY: setup system-deps demo test bench bundle translations lint soak

system-deps:
	@bash scripts/install-system-deps.sh

$(BIN)/stationdesk: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: system-deps $(BIN)/stationdesk

# The demo keeps its database key in the OS keyring; on a machine without one (a bare Linux
# box, a CI runner) it uses a file keyring inside the demo folder instead.
demo: setup
	@if ! $(BIN)/python -c 'from app.credentials import ensure_available; ensure_available()' 2>/dev/null; then \
	  export PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring XDG_DATA_HOME='$(abspath $(DEMO_DIR))/keyring' STATIONDESK_ALLOW_FILE_KEYRING=1; \
	  echo 'No system keyring here: the demo keeps its key in $(DEMO_DIR)/keyring'; \
	fi; \
	if [ ! -f $(DEMO_DIR)/station.sqlite3 ]; then \
	  printf 'demo1234\ndemo1234\n' | $(BIN)/stationdesk init --data-dir $(DEMO_DIR) --unit-code 140107 \
	    --unit-name '杏花岭分局三桥派出所' --parent-bureau '太原市公安局杏花岭分局' \
	    --contact-phone 0351-3041234 --officer-badge 000001 --officer-name '赵毅君' \
	    --admin-badge 000009 --admin-name '孙立新' && \
	  $(BIN)/stationdesk demo-data --data-dir $(DEMO_DIR) --records 2000 && \
	  echo 'Demo station ready: sign in with badge 000001, password demo1234'; \
	fi; \
	$(BIN)/stationdesk --data-dir $(DEMO_DIR)

lint: setup
	$(BIN)/ruff check app tests migrations
	$(BIN)/ruff format --check app tests migrations
	$(BIN)/mypy
	$(BIN)/lint-imports

# The suite runs in parallel workers (pytest-xdist), one per core unless TEST_WORKERS says
# otherwise (TEST_WORKERS=0: one process). Tests go out one at a time (--maxschedchunk 1), the
# long ones first (tests/conftest.py orders them), so the workers finish together.
# pytest's exit 5 ("no tests collected") is turned into a failure: an empty run proves nothing.
TEST_WORKERS ?= auto
test: setup lint
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider \
	  -n $(TEST_WORKERS) --dist load --maxschedchunk 1 tests; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

# The sync fault explorer for longer: 500 random sequences of desk work, syncs and faults by
# default (STATIONDESK_FAULT_EXAMPLES=N for more or fewer, STATIONDESK_FAULT_SEED=N to repeat a run).
soak: setup
	@export STATIONDESK_TEST_PG_URL="$${STATIONDESK_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/test}"; \
	  QT_QPA_PLATFORM=offscreen STATIONDESK_FAULT_EXAMPLES=$${STATIONDESK_FAULT_EXAMPLES:-500} \
	  $(BIN)/python -m pytest -p no:cacheprovider tests/sync/test_fault_explorer.py -x -q

bench: setup
	$(BIN)/python -m tests.benchmarks

bundle: setup
	$(BIN)/pyinstaller --noconfirm --clean build.spec

translations: setup
	$(BIN)/python scripts/update_translations.py
