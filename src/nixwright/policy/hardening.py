"""The settings a "hardened" request applies, as data with their reasons (``hardening.toml``)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import Value
from nixwright.policy.paths import dotted, split_path
from nixwright.policy.release_cache import release_lookups
from nixwright.policy.values_from import from_python

AREAS = ("kernel", "modules", "sysctl-kernel", "sysctl-network", "userspace", "ssh")


@dataclass(frozen=True)
class HardeningSetting:
    """One setting: ``path = value`` (or, with ``add``, items added to a list option), and why."""

    path: tuple[str, ...]
    value: Value
    data: Any  # the value as plain data, for comparisons
    area: str
    why: str
    add: bool = False

    @property
    def dotted(self) -> str:
        return dotted(self.path)

    @property
    def nix(self) -> str:
        """The setting as a line of Nix, the way a fix is shown."""
        from nixwright.policy.literal import show

        line = f"{self.dotted} = {show(self.data)};"
        # list definitions from every module are concatenated, so this adds to the others
        return f"{line} # added to the list" if self.add else line


@cache
def _all_settings() -> tuple[HardeningSetting, ...]:
    text = resources.files("nixwright.policy").joinpath("hardening.toml").read_text(encoding="utf-8")
    return tuple(_setting(entry) for entry in tomllib.loads(text)["setting"])


def _setting(entry: Mapping[str, Any]) -> HardeningSetting:
    area = str(entry["area"])
    if area not in AREAS:
        raise NixwrightError(f"hardening.toml: unknown area {area!r}", hint=f"use one of {', '.join(AREAS)}")
    add = bool(entry.get("add", False))
    if add and not isinstance(entry["value"], list):
        raise NixwrightError(f"hardening.toml: {entry['option']}: `add` needs a list value")
    return HardeningSetting(
        path=split_path(str(entry["option"])),
        value=from_python(entry["value"]),
        data=entry["value"],
        area=area,
        why=str(entry["why"]),
        add=add,
    )


def hardening_settings(kb: Knowledge, area: str | None = None) -> tuple[HardeningSetting, ...]:
    """The settings for a hardened request whose options exist in ``kb``'s release, in file order."""
    lookups = release_lookups(kb)
    out = []
    for setting in _all_settings():
        if area is not None and setting.area != area:
            continue
        if lookups.resolve(kb, setting.path, ()).option is not None:
            out.append(setting)
    return tuple(out)


def all_hardening_settings() -> tuple[HardeningSetting, ...]:
    """Every setting in the data, whether or not a release has its option (for tests and docs)."""
    return _all_settings()
