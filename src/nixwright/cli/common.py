"""Arguments and output helpers shared by verbs."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_release_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
