"""``nixwright db build --nixpkgs DIR``: produce the release data by evaluating a nixpkgs tree with Nix.

Channels publish only options.json and packages.json. From a local tree, options come from the
module system itself (``nix/options-doc.nix``: documented, hidden and internal options), packages
from ``nix-env -qa --meta --json`` with the channel's ``packages-config.nix``. Options marked
"Alias of" become renamed entries. Alias and set data for packages (packages-extra.json) need a
much longer evaluation and are not produced here.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.knowledge.build import BuildResult, ensure_database
from nixwright.knowledge.home import check_release, release_dir
from nixwright.knowledge.progress import Progress, no_progress
from nixwright.process import nix_env_query_packages, nix_instantiate_eval, run_command

NIX_ENV = {"GC_DONT_GC": "1"}  # Nix 2.8's collector crashes on some module sets
_ALIAS = re.compile(r"^Alias of \{option\}`([^`]+)`")


def options_doc_file() -> Path:
    return Path(str(resources.files("nixwright.knowledge") / "nix" / "options-doc.nix"))


def options_argv(nixpkgs: Path, system: str = "x86_64-linux") -> list[str]:
    return nix_instantiate_eval(options_doc_file(), argstrs={"nixpkgs": str(nixpkgs), "system": system})


def packages_argv(nixpkgs: Path) -> list[str]:
    return nix_env_query_packages(nixpkgs, nixpkgs / "pkgs" / "top-level" / "packages-config.nix")


def tree_release(nixpkgs: Path) -> str:
    version = nixpkgs / "lib" / ".version"
    if not version.is_file():
        raise NixwrightError(
            f"{nixpkgs}: not a nixpkgs tree (no lib/.version)", hint="--nixpkgs DIR names a nixpkgs checkout"
        )
    return check_release(version.read_text(encoding="utf-8").strip()[:5])


def split_options(doc: dict[str, Any], release: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The evaluation's output as (options.json, options-extra.json)."""
    extra: dict[str, Any] = {}
    for kind in ("hidden", "internal"):
        for name, entry in sorted(doc.get(kind, {}).items()):
            record = {**entry, "kind": kind}
            match = _ALIAS.match(entry.get("description") or "")
            if kind == "hidden" and match:
                record.update(kind="renamed", to=match.group(1), warns=False, via="alias")
            record.pop("loc", None)
            extra[name] = record
    return doc["options"], {
        "release": release,
        "generated_from": "nixwright db build --nixpkgs",
        "options": extra,
    }


def parse_packages(text: str) -> dict[str, Any]:
    """``nix-env --json`` output; entries Nix 2.8 left truncated are dropped (as newer Nix skips them)."""
    try:
        return {"version": 2, "packages": json.loads(text)}
    except json.JSONDecodeError:
        pass
    packages: dict[str, Any] = {}
    for chunk in re.split(r'\n(?=  "[^"\n]+": \{)', text.strip().removeprefix("{").removesuffix("}")):
        try:
            packages.update(json.loads("{" + chunk.strip().rstrip(",") + "}"))
        except json.JSONDecodeError:
            continue
    return {"version": 2, "packages": packages}


def build_from_nixpkgs(
    nixpkgs: Path, release: str | None = None, *, progress: Progress | None = None, force: bool = False
) -> BuildResult:
    report = progress or no_progress
    tree = nixpkgs.resolve()
    chosen = check_release(release) if release else tree_release(tree)
    out = release_dir(chosen) / "nixpkgs-eval"
    out.mkdir(parents=True, exist_ok=True)
    report("evaluating NixOS options", 0, 2)
    doc = json.loads(run_command(options_argv(tree), env=NIX_ENV, timeout=1800).stdout)
    options, extra = split_options(doc, chosen)
    _write(out / "options.json", options)
    _write(out / "options-extra.json", extra)
    report("listing packages", 1, 2)
    packages = parse_packages(run_command(packages_argv(tree), env=NIX_ENV, timeout=3600).stdout)
    _write(out / "packages.json", packages)
    return ensure_database(chosen, out, progress=report, force=force, source=f"nixpkgs {tree}")


def _write(path: Path, data: Any) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
