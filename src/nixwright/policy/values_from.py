"""Rule parameters (TOML data) as Nix values, for assumed defaults and hardening settings."""

from __future__ import annotations

from typing import Any

from nixwright.errors import NixwrightError
from nixwright.nix.values import (
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixString,
    PackageRef,
    Value,
)


def from_python(data: Any) -> Value:
    """TOML data as a value; a string ``pkgs.x`` is a package reference."""
    if isinstance(data, bool):
        return NixBool(value=data)
    if isinstance(data, int):
        return NixInt(data)
    if isinstance(data, float):
        return NixFloat(data)
    if isinstance(data, str):
        if data.startswith("pkgs.") and len(data) > 5:
            return PackageRef(data[5:])
        return NixString(data)
    if isinstance(data, list):
        return NixList(tuple(from_python(i) for i in data))
    if isinstance(data, dict):
        return NixAttrs(tuple((str(k), from_python(v)) for k, v in data.items()))
    raise NixwrightError(f"cannot use {data!r} as a Nix value")
