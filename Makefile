# Two entry points: `make reports` renders every report into reports/, `make test` runs every
# check and test. Each creates or updates the virtual environment in .venv first (pinned by
# requirements.lock), so neither assumes a step done by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: reports test lint pytest lab env lock clean

env: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/newsbrief build

# The gates (lint, types, notebooks in sync) then the whole test suite.
test: lint pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab on notebooks/, with the project's kernel (analysis imports, the data loads).
lab: $(STAMP)
	$(BIN)/jupyter lab $(ROOT_FLAG) --ServerApp.root_dir=notebooks

# Re-pin the environment after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check \
		| grep -v '^newsbrief' > requirements.lock

clean:
	rm -rf $(VENV) .cache
