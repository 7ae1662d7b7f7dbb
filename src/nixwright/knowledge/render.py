"""Plain data and plain text for options and packages (what the CLI and later APIs print)."""

from __future__ import annotations

from typing import Any

from nixwright.knowledge.model import OptionInfo, PackageInfo, PackageMatch


def option_dict(option: OptionInfo) -> dict[str, Any]:
    return {
        "path": option.path,
        "type": option.type_text,
        "type_kind": option.type.kind.value,
        "description": option.description,
        "default": option.default_text,
        "example": option.example_text,
        "declarations": list(option.declarations),
        "read_only": option.read_only,
        "kind": option.kind.value,
        "renamed_to": option.renamed_to,
        "message": option.message,
        "warns": option.warns,
        "fails": option.fails,
        "module": option.module,
    }


def option_text(option: OptionInfo) -> str:
    lines = [option.path, f"  type: {option.type_text}"]
    if option.kind.value != "documented":
        lines.append(
            f"  kind: {option.kind.value}" + (f" (needs import of {option.module})" if option.module else "")
        )
    if option.renamed_to:
        lines.append(f"  renamed to: {option.renamed_to}")
    if option.message:
        lines.append(f"  message: {option.message.strip()}")
    if option.default_text is not None:
        lines.append(f"  default: {option.default_text.strip()}")
    if option.example_text is not None:
        lines.append(f"  example: {option.example_text.strip()}")
    if option.read_only:
        lines.append("  read-only")
    lines += [f"  declared in: {d}" for d in option.declarations]
    if option.description.strip():
        lines += ["", option.description.strip()]
    return "\n".join(lines)


def package_dict(package: PackageInfo) -> dict[str, Any]:
    return {
        "attr_path": package.attr_path,
        "pname": package.pname,
        "version": package.version,
        "description": package.description,
        "licenses": list(package.licenses),
        "unfree": package.unfree,
        "insecure": package.insecure,
        "broken": package.broken,
        "platforms": list(package.platforms),
        "bad_platforms": list(package.bad_platforms),
        "known_vulnerabilities": list(package.known_vulnerabilities),
        "main_program": package.main_program,
        "homepage": package.homepage,
    }


def match_dict(match: PackageMatch) -> dict[str, Any]:
    return {
        "requested": match.requested,
        "kind": match.kind.value,
        "resolved": match.resolved,
        "message": match.message,
        "warns": match.warns,
        "available": match.available,
        "suggestions": list(match.suggestions),
        "package": package_dict(match.package) if match.package else None,
    }


def match_text(match: PackageMatch) -> str:
    lines = [
        f"{match.requested}: {match.kind.value}"
        + (f" -> {match.resolved}" if match.resolved != match.requested else "")
    ]
    if match.message:
        lines.append(f"  {match.message}")
    package = match.package
    if package is not None:
        lines.append(f"  {package.pname} {package.version}")
        if package.description:
            lines.append(f"  {package.description}")
        flags = [
            n
            for n, v in (
                ("unfree", package.unfree),
                ("insecure", package.insecure),
                ("broken", package.broken),
            )
            if v
        ]
        lines.append(
            f"  licences: {', '.join(package.licenses) or 'unknown'}"
            + (f"; {', '.join(flags)}" if flags else "")
        )
        if package.platforms:
            linux = [p for p in package.platforms if p.endswith("-linux")]
            lines.append(
                f"  platforms: {len(package.platforms)} ({', '.join(linux[:6])}{', ...' if len(linux) > 6 else ''})"
            )
        lines += [f"  known vulnerability: {v}" for v in package.known_vulnerabilities]
    if match.available is not None:
        lines.append(f"  available: {'yes' if match.available else 'no'}")
    return "\n".join(lines)
