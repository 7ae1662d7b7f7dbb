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

$(BIN)/nixwright: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $@

setup: $(BIN)/nixwright

run: setup
	$(BIN)/nixwright db build
	$(BIN)/nixwright generate --non-interactive --force --out $(OUT) "$(REQUEST)"

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -n 2

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
