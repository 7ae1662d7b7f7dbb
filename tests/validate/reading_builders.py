"""Small builders for readings in unit tests."""

from __future__ import annotations

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, Severity
from nixwright.nix.values import Definition, ModuleImport, ModuleReading, NixBool, Value

FILE = "/cfg/configuration.nix"


def d(path: str | tuple[str, ...], value: Value, line: int = 1, **kw: object) -> Definition:
    parts = tuple(path.split(".")) if isinstance(path, str) else path
    return Definition(parts, value, SourceLocation(FILE, line, 3), **kw)  # type: ignore[arg-type]


def reading(*defs: Definition, imports: tuple[ModuleImport, ...] = ()) -> ModuleReading:
    return ModuleReading(definitions=defs, imports=imports, files=(FILE,))


def codes(
    findings: tuple[Finding, ...] | list[Finding], *, at_least: Severity = Severity.WARNING
) -> list[str]:
    return sorted(f.code for f in findings if f.severity.rank >= at_least.rank)


TRUE = NixBool(value=True)
FALSE = NixBool(value=False)
