"""Checks about the packages a configuration installs, using the release's package data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.errors import SourceLocation
from nixwright.nix.values import NixAttrs, NixList, PackageRef, Value
from nixwright.policy.checks.generic import preconditions
from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.model import Hit

FLAGS = ("unfree", "insecure", "broken")


def package_refs(ctx: CheckContext) -> list[tuple[str, SourceLocation | None, str | None]]:
    """Every ``pkgs.x`` the configuration names: (attribute path, where, condition), in order."""
    if "package_refs" not in ctx.memo:
        found: dict[str, tuple[str, SourceLocation | None, str | None]] = {}
        for d in ctx.config.definitions:
            for ref in _refs(d.value):
                found.setdefault(ref.attr_path, (ref.attr_path, ref.location or d.location, d.condition))
        ctx.memo["package_refs"] = sorted(found.values(), key=lambda r: r[0])
    refs: list[tuple[str, SourceLocation | None, str | None]] = ctx.memo["package_refs"]
    return list(refs)


def _refs(value: Value) -> Iterator[PackageRef]:
    if isinstance(value, PackageRef):
        yield value
    elif isinstance(value, NixList):
        for item in value.items:
            yield from _refs(item)
    elif isinstance(value, NixAttrs):
        for _, item in value.entries:
            yield from _refs(item)


def flagged(ctx: CheckContext, flag: str) -> list[tuple[str, SourceLocation | None, str | None]]:
    key = f"flagged:{flag}"
    if key not in ctx.memo:
        out = []
        for ref in package_refs(ctx):
            match = ctx.config.lookups.package(ctx.kb, ref[0], ctx.system)
            package = match.package
            if package is not None and bool(getattr(package, flag)):
                out.append(ref)
        ctx.memo[key] = out
    result: list[tuple[str, SourceLocation | None, str | None]] = ctx.memo[key]
    return result


@register("package_flag")
def package_flag(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Packages the release marks ``flag`` (unfree, insecure, broken).

    With ``when`` (a permission such as ``allowUnfree``), one finding names the packages
    that need the permission; without, one finding per flagged package.
    """
    flag = str(params["flag"])
    if flag not in FLAGS:
        msg = f"package_flag: unknown flag {flag!r}"
        raise ValueError(msg)
    gate, reason = preconditions(ctx, params, None)
    if not gate.open:
        return
    packages = flagged(ctx, flag)
    if params.get("when"):
        if packages:
            named = f"the {flag} packages it installs: {', '.join(p[0] for p in packages)}"
        else:
            named = f"none of the packages it names directly is {flag} (enabled modules may pull some in)"
        yield Hit(
            detail=f"the configuration allows {flag} packages; {named}.{reason}",
            location=gate.location,
            option=str(params["when"][0]["option"]),
            condition=" && ".join(gate.conditions) or None,
        )
        return
    for attr, location, condition in packages:
        yield Hit(
            detail=f"`pkgs.{attr}` is marked {flag} in this release.{reason}",
            location=location,
            condition=condition,
            name=attr,
        )
