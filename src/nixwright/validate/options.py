"""Per-definition checks: does the option exist, is it renamed/removed/read-only, does the value fit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, Severity
from nixwright.knowledge.model import OptionInfo, OptionKind
from nixwright.knowledge.types import OptionType
from nixwright.nix.values import Definition, Dynamic, NixAttrs, PackageRef, RawExpr, path_str
from nixwright.validate.codes import make_finding
from nixwright.validate.describe import nix_literal
from nixwright.validate.resolve import Resolver, descend, dotted
from nixwright.validate.typecheck import ANY_FIELD, PackageUse, TypeCheck, check_value


@dataclass(frozen=True)
class PackageSite:
    """A package reference found in a definition's value."""

    use: PackageUse
    location: SourceLocation
    option: str


@dataclass
class DefinitionResult:
    findings: list[Finding]
    packages: list[PackageSite]
    option: OptionInfo | None = None  # the option the definition sets (after renames)
    option_parts: tuple[str, ...] = ()  # the concrete path of that option


def check_definition(d: Definition, resolver: Resolver) -> DefinitionResult:
    res = resolver.resolve(d.path)
    out = DefinitionResult([], [])
    if res.option is None:
        if res.is_namespace:
            _namespace_value(d, out)
        else:
            out.findings.append(_unknown(d, resolver))
        return out
    info = res.option
    base = d.path[: len(d.path) - len(res.rest)]
    name = dotted(base)
    if not _option_kind_findings(d, info, name, out):
        return out
    target = resolver.target(info)
    out.option, out.option_parts = target, base
    if target.read_only:
        out.findings.append(
            make_finding(
                "NW-OPT-READ-ONLY",
                f"`{name}` is read-only: NixOS sets it itself and refuses another definition",
                d.location,
                fix=f"remove the definition of `{name}`",
                option=name,
            )
        )
    if res.rest and resolver.undeclared_field(target, res.rest):
        out.findings.append(_unknown(d, resolver))
        return out
    typ: OptionType | None = descend(target.type, res.rest)
    if typ is None:
        out.findings.append(
            make_finding(
                "NW-TYPE-MISMATCH",
                f"`{name}` is {target.type.text}, so it has no attribute "
                f"`{path_str(res.rest)}` (found `{dotted(d.path)}`)",
                d.location,
                fix=f"assign `{name}` a value of type {target.type.text}",
                option=name,
            )
        )
        return out
    fields = resolver.fields_below(d.path) if not res.rest else (lambda _sub: ANY_FIELD)
    result = check_value(d.value, typ, fields)
    _type_findings(d, result, out)
    return out


def _option_kind_findings(d: Definition, info: OptionInfo, name: str, out: DefinitionResult) -> bool:
    """Findings from what kind of option this is; False when the value cannot be checked further."""
    match info.kind:
        case OptionKind.RENAMED:
            new = info.renamed_to or "?"
            out.findings.append(
                make_finding(
                    "NW-OPT-RENAMED",
                    f"`{name}` was renamed to `{new}`"
                    + ("" if info.warns else " (a silent alias: Nix does not warn)"),
                    d.location,
                    fix=f"write `{new}` instead",
                    option=name,
                    severity=None if info.warns else Severity.INFO,
                )
            )
        case OptionKind.REMOVED:
            out.findings.append(
                make_finding(
                    "NW-OPT-REMOVED",
                    f"`{name}` was removed from NixOS" + (f": {info.message}" if info.message else ""),
                    d.location,
                    fix=info.message or f"remove the definition of `{name}`",
                    option=name,
                    severity=None if info.fails else Severity.WARNING,
                )
            )
            return False
        case OptionKind.CHANGED | OptionKind.MERGED:
            out.findings.append(
                make_finding(
                    "NW-OPT-CHANGED",
                    f"`{name}` is obsolete"
                    + (f": {info.message}" if info.message else "")
                    + (f" (now `{info.renamed_to}`)" if info.renamed_to else ""),
                    d.location,
                    fix=f"set `{info.renamed_to}` instead" if info.renamed_to else None,
                    option=name,
                )
            )
            return False
        case _:
            if info.warns:
                out.findings.append(
                    make_finding(
                        "NW-OPT-DEPRECATED",
                        f"`{name}` is deprecated" + (f": {info.message}" if info.message else ""),
                        d.location,
                        option=name,
                    )
                )
    return True


def _type_findings(d: Definition, result: TypeCheck, out: DefinitionResult) -> None:
    for problem in result.problems:
        where = dotted(d.path) + "".join(w if w.startswith("[") else f".{w}" for w in problem.where)
        out.findings.append(
            make_finding(
                problem.code,
                f"`{where}`: {problem.message}",
                d.location,
                fix=problem.fix,
                option=dotted(d.path),
            )
        )
    for use in result.packages:
        out.packages.append(PackageSite(use, use.ref.location or d.location, dotted(d.path)))
    for where_parts, value in result.unchecked:
        where = dotted(d.path) + "".join(w if w.startswith("[") else f".{w}" for w in where_parts)
        out.findings.append(_unchecked(where, value, d.location))
        out.packages.extend(
            PackageSite(PackageUse(PackageRef(attr), expects_package=False), d.location, dotted(d.path))
            for attr in packages_in_text(value.text)
        )


# ``"${pkgs.firefox}/bin/firefox"``, ``lib.getExe pkgs.foo``: package names written out in full
_PKGS_IN_TEXT = re.compile(r"(?<![\w.$'-])pkgs\.([A-Za-z_][\w'-]*(?:\.[A-Za-z_][\w'-]*)*)")


def packages_in_text(text: str) -> list[str]:
    """``pkgs.X`` references inside an expression the reader could not evaluate."""
    return sorted({m.group(1) for m in _PKGS_IN_TEXT.finditer(text)})


def _unchecked(where: str, value: Dynamic | RawExpr, location: SourceLocation) -> Finding:
    reason = value.reason if isinstance(value, Dynamic) else "written as a raw expression"
    return make_finding(
        "NW-NOT-CHECKED",
        f"`{where}` = {nix_literal(value)}: not checked ({reason})",
        location,
        fix="use --eval to have Nix evaluate it",
        option=where,
    )


def _namespace_value(d: Definition, out: DefinitionResult) -> None:
    if isinstance(d.value, NixAttrs) and not d.value.entries:
        return
    if isinstance(d.value, Dynamic | RawExpr):
        out.findings.append(_unchecked(dotted(d.path), d.value, d.location))
        return
    out.findings.append(
        make_finding(
            "NW-OPT-NOT-A-VALUE",
            f"`{dotted(d.path)}` is a group of options, not an option; it cannot be set to {nix_literal(d.value)}",
            d.location,
            fix=f"set one of the options below it, e.g. `{dotted(d.path)}.enable`",
            option=dotted(d.path),
        )
    )


def _unknown(d: Definition, resolver: Resolver) -> Finding:
    name = dotted(d.path)
    if d.dynamic_key:
        return make_finding(
            "NW-NOT-CHECKED",
            f"`{name}`: not checked (the option path is computed)",
            d.location,
            option=name,
        )
    module = resolver.module_declaring(d.path)
    if module is not None:
        short = module.removeprefix("nixos/modules/")
        return make_finding(
            "NW-OPT-NEEDS-IMPORT",
            f"`{name}` exists only when a NixOS module such as `{short}` is imported",
            d.location,
            fix=f'add `(modulesPath + "/{short}")` to `imports`',
            option=name,
        )
    suggestions = resolver.kb.suggest_options(name, limit=3)
    cut = resolver.first_unknown(d.path)
    if 0 < cut < len(d.path):
        where = f"`{path_str(d.path[:cut])}` has no option or group named `{d.path[cut]}`"
    else:
        where = f"there is no option `{d.path[0]}`" if cut == 0 else "it is not an option"
    message = f"`{name}` does not exist in NixOS {resolver.kb.release}: {where}"
    fix = "did you mean " + " or ".join(f"`{s}`" for s in suggestions) + "?" if suggestions else None
    return make_finding(
        "NW-OPT-UNKNOWN",
        message,
        d.location,
        fix=fix or "check the spelling with `nixwright search`",
        option=name,
    )
