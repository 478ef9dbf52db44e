# Two entry points: `make reports` renders every report into reports/, `make test` runs every
# test. Each creates or updates the virtual environment in .venv first (pinned by
# requirements.lock), so neither assumes a step done by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: reports test env lock clean

env: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/newsbrief build

test: $(STAMP)
	$(BIN)/python -m pytest

# Re-pin the environment after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check \
		| grep -v '^newsbrief' > requirements.lock

clean:
	rm -rf $(VENV) .cache
