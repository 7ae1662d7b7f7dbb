"""Type errors Nix does not see (yet): options of a service that is switched off.

The module system checks an option's type only when something reads its value, and a service's
options are read only when the service is enabled. ``services.openssh.package = "openssh";`` with
OpenSSH off evaluates fine (checked with Nix 2.8); the finding stays, as a warning, so that the
verdict matches Nix's and the mistake is still shown before the service is turned on.
"""

from __future__ import annotations

from collections.abc import Sequence

from nixwright.findings import Finding
from nixwright.knowledge.types import TypeKind
from nixwright.nix.values import Definition, NixBool
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts
from nixwright.validate.resolve import Resolver, dotted

_TYPE_CODES = frozenset({"NW-TYPE-MISMATCH", "NW-TYPE-RANGE", "NW-TYPE-ENUM", "NW-TYPE-PATTERN"})


def dormant_types(
    d: Definition, findings: Sequence[Finding], resolver: Resolver, facts: Facts
) -> list[Finding]:
    """``findings`` with type errors of a switched-off service's options turned into warnings."""
    if not any(f.code in _TYPE_CODES for f in findings):
        return list(findings)
    switch = off_switch(d.path, resolver, facts)
    if switch is None:
        return list(findings)
    return [
        make_finding(
            "NW-TYPE-UNUSED",
            f"{f.message} (NixOS reads it only when `{switch}` is true, so Nix accepts it for now)",
            f.location,
            fix=f.fix,
            option=f.option,
        )
        if f.code in _TYPE_CODES
        else f
        for f in findings
    ]


def off_switch(path: tuple[str, ...], resolver: Resolver, facts: Facts) -> str | None:
    """The nearest enclosing ``….enable`` when it is off (set false, or unset with default false)."""
    for n in range(len(path) - 1, 1, -1):
        switch = (*path[:n], "enable")
        if switch == path:
            return None
        res = resolver.resolve(switch)
        if res.option is None or res.rest or res.option.type.kind is not TypeKind.BOOL:
            continue
        value = facts.get(*switch)
        if isinstance(value, NixBool):
            return None if value.value else dotted(switch)
        if value is not None:
            return None  # computed: cannot tell
        return dotted(switch) if (res.option.default_text or "").strip() == "false" else None
    return None
