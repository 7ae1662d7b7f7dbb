# The two commands the README promises:
#   make run   set everything up and generate a configuration from a plain-language request
#   make test  set everything up and run the whole test suite (lint, types, tests)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Release data: the channel files from a local directory when one is given (development and CI
# point at ../shared/nixos/24.11); otherwise nixwright downloads them from the release channel.
NIXWRIGHT_CHANNEL_DATA ?= $(abspath $(wildcard ../shared/nixos/24.11))
export NIXWRIGHT_CHANNEL_DATA
REQUEST ?= It's a Raspberry Pi 4 with 4 gigs of RAM. I want it to be a DNS filter and ad blocker for my home network. Nothing else.
OUT ?= out/demo

.PHONY: run test setup bench lint clean

# The Nix layer is compiled to C with mypyc (see setup.py); these are the sources it is built from.
# NIXWRIGHT_PURE=1 builds plain Python instead.
COMPILED := src/nixwright/errors.py $(wildcard src/nixwright/nix/*.py)

$(BIN)/nixwright: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77'
	NIXWRIGHT_PURE=1 $(BIN)/pip install --quiet --no-build-isolation -e '.[dev]'
	touch $@

# Compile when a source changed since the last build (until then the change runs as Python), or
# when the build asked for (compiled or pure) is not the one made last.
BUILD := $(VENV)/$(if $(filter-out 0,$(NIXWRIGHT_PURE)),pure,compiled)
$(BUILD): $(BIN)/nixwright $(COMPILED)
	$(BIN)/pip install --quiet --no-build-isolation --no-deps -e .
	$(BIN)/python -m compileall -q src
	rm -f $(VENV)/pure $(VENV)/compiled
	touch $@

setup: $(BUILD)

run: setup
	$(BIN)/nixwright db build
	$(BIN)/nixwright generate --non-interactive --force --out $(OUT) "$(REQUEST)"

lint: setup
	$(BIN)/ruff check src tests bench setup.py
	$(BIN)/ruff format --check src tests bench setup.py
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) out build .pytest_cache .mypy_cache .ruff_cache src/nixwright/compiled.json
	find src -name '*.so' -delete
