"""The ``nixwright`` command: dispatch to one module per verb.

Verb modules import only ``argparse`` at import time and load the library inside ``run``,
so ``nixwright --help`` stays fast. Exit codes: 0 success, 1 the configuration would be
rejected (check) or findings at ``--fail-on``, 2 usage or input error, 3 internal error,
130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

# verb -> (module under nixwright.cli, one-line help). Order is the order --help shows.
VERBS: dict[str, tuple[str, str]] = {
    "generate": ("generate", "plain words in, a validated NixOS configuration directory out"),
    "check": ("check", "validate a configuration.nix against a release (and the security policy)"),
    "explain": ("explain", "explain an existing configuration.nix in plain language"),
    "parse": ("parse", "print the option definitions the static reader finds in a Nix file"),
    "option": ("option", "show one option of a release"),
    "package": ("package", "show one package of a release"),
    "search": ("search", "search options or packages of a release"),
    "db": ("db", "build, update or describe a release's knowledge base"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nixwright",
        description="Describe a machine in plain words; get a validated, documented NixOS configuration.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="verb", metavar="COMMAND")
    for verb, (module_name, help_text) in VERBS.items():
        module = _verb_module(module_name)
        if module is None:
            continue
        verb_parser = sub.add_parser(verb, help=help_text, description=help_text)
        module.configure(verb_parser)
        verb_parser.set_defaults(_module=module_name)
    return parser


def _verb_module(name: str) -> Any:
    try:
        return importlib.import_module(f"nixwright.cli.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"nixwright.cli.{name}":
            return None
        raise


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help()
        return 2
    module = importlib.import_module(f"nixwright.cli.{args._module}")  # noqa: SLF001
    debug = bool(args.debug or os.environ.get("NIXWRIGHT_DEBUG"))
    from nixwright.errors import NixwrightError

    try:
        code: int = module.run(args)
    except NixwrightError as err:
        print(f"nixwright: error: {err}", file=sys.stderr)
        if err.hint:
            print(f"  hint: {err.hint}", file=sys.stderr)
        if debug:
            raise
        return err.exit_code
    except KeyboardInterrupt:
        print("nixwright: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        if debug:
            raise
        import traceback

        print("nixwright: internal error (a bug); rerun with --debug for details:", file=sys.stderr)
        print("".join(traceback.format_exc(limit=1)).strip().splitlines()[-1], file=sys.stderr)
        return 3
    return code


def entry() -> None:
    sys.exit(main())
