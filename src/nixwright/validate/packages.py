"""Package checks: does ``pkgs.X`` exist on this release and system, and would nixpkgs allow it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, Severity
from nixwright.knowledge.model import Knowledge, PackageInfo, PackageKind, PackageMatch
from nixwright.nix.values import NixBool
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts, strings_in
from nixwright.validate.options import PackageSite


@dataclass(frozen=True)
class Permissions:
    """What ``nixpkgs.config`` allows; ``None`` members mean "cannot be known statically"."""

    unfree: bool | None = False
    broken: bool | None = False
    unsupported: bool | None = False
    insecure: tuple[str, ...] = ()
    insecure_unknown: bool = False

    @classmethod
    def from_facts(cls, facts: Facts) -> Permissions:
        cfg = ("nixpkgs", "config")

        def flag(name: str, predicate: str | None = None) -> bool | None:
            value = facts.get(*cfg, name)
            if isinstance(value, NixBool):
                if value.value:
                    return True
            elif value is not None:
                return None
            if predicate and facts.get(*cfg, predicate) is not None:
                return None  # a predicate function: cannot be evaluated statically
            return False

        allowed = facts.get(*cfg, "permittedInsecurePackages")
        return cls(
            unfree=flag("allowUnfree", "allowUnfreePredicate"),
            broken=flag("allowBroken"),
            unsupported=flag("allowUnsupportedSystem"),
            insecure=tuple(strings_in(allowed)),
            insecure_unknown=(allowed is not None and not strings_in(allowed))
            or facts.get(*cfg, "allowInsecurePredicate") is not None,
        )


def check_packages(
    sites: list[PackageSite], kb: Knowledge, system: str, permissions: Permissions
) -> list[Finding]:
    findings: list[Finding] = []
    cache = _package_cache(kb, system)
    seen: set[tuple[str, str, int, int]] = set()
    for site in sites:
        attr = site.use.ref.attr_path
        key = (attr, site.location.file, site.location.line, site.location.col)
        if key in seen:
            continue
        seen.add(key)
        match = cache.get(attr)
        if match is None:
            match = cache[attr] = kb.find_package(attr, system)
        findings.extend(_match_findings(site, match, kb, system, permissions))
    return findings


_PACKAGES: dict[tuple[int, str], tuple[Knowledge, dict[str, PackageMatch]]] = {}


def _package_cache(kb: Knowledge, system: str) -> dict[str, PackageMatch]:
    """``find_package`` answers kept across runs on the same knowledge base and system."""
    key = (id(kb), system)
    entry = _PACKAGES.get(key)
    if entry is None or entry[0] is not kb:
        if len(_PACKAGES) >= 8:
            _PACKAGES.pop(next(iter(_PACKAGES)))
        entry = _PACKAGES[key] = (kb, {})
    return entry[1]


def _alias_warns(match: PackageMatch, attr: str) -> bool:
    """Does Nix print a warning for this alias? Most renames in ``aliases.nix`` are silent (checked
    with Nix 2.8: ``kodiPlain``, ``firefox-wayland``, ``bitwarden``); the release data carries the
    warning text of those that warn, after the plain "was renamed to" sentence."""
    plain = f"{attr} was renamed to {match.resolved}"
    return match.warns and bool(match.message) and match.message != plain


def incomplete_set(kb: Knowledge, attr: str) -> str | None:
    """The package set around ``attr`` when the release data knows it lists only part of it
    (``haskellPackages``, CRAN in ``rPackages``: a note in the knowledge base says so)."""
    parts = attr.split(".")
    if len(parts) < 2:
        return None
    for i in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:i])
        names = [prefix]
        found = kb.find_package(prefix)
        if found.kind is PackageKind.SET and found.resolved and found.resolved != prefix:
            names.append(found.resolved)
        for set_name in names:
            note = kb.package_set_note(set_name)
            if note and note.startswith("incomplete"):
                return prefix
    return None


def _left_to_eval(message: str, loc: SourceLocation) -> Finding:
    """An NW-NOT-CHECKED finding for what only Nix's own evaluation can decide."""
    return make_finding("NW-NOT-CHECKED", message, loc, fix="use --eval to have Nix decide")


@cache
def _has_patterns(platforms: tuple[str, ...], bad: tuple[str, ...]) -> bool:
    return any(p.startswith("{") for p in (*platforms, *bad))


def _match_findings(
    site: PackageSite, match: PackageMatch, kb: Knowledge, system: str, perms: Permissions
) -> list[Finding]:
    attr = site.use.ref.attr_path
    loc = site.location
    name = f"pkgs.{attr}"
    if match.kind in (PackageKind.UNKNOWN, PackageKind.ERROR):
        partial = incomplete_set(kb, attr)
        if partial is not None:
            return [
                _left_to_eval(f"`{name}` not checked: the release data lists only part of `{partial}`", loc)
            ]
    match match.kind:
        case PackageKind.UNKNOWN:
            suggestions = match.suggestions or tuple(kb.suggest_packages(attr, limit=3))
            fix = (
                "did you mean " + " or ".join(f"`pkgs.{s}`" for s in suggestions) + "?"
                if suggestions
                else "search with `nixwright search --packages`"
            )
            return [
                make_finding(
                    "NW-PKG-UNKNOWN", f"`{name}` does not exist in nixpkgs {kb.release}", loc, fix=fix
                )
            ]
        case PackageKind.REMOVED:
            return [
                make_finding(
                    "NW-PKG-REMOVED",
                    f"`{name}` was removed from nixpkgs" + (f": {match.message}" if match.message else ""),
                    loc,
                    fix=match.message or "remove it or pick a replacement",
                )
            ]
        case PackageKind.ERROR:
            return [
                make_finding(
                    "NW-PKG-EVAL-ERROR",
                    f"`{name}` fails to evaluate" + (f": {match.message}" if match.message else ""),
                    loc,
                    fix="pick another package or version",
                )
            ]
        case PackageKind.SET | PackageKind.NON_PACKAGE if site.use.expects_package:
            what = "a package set" if match.kind is PackageKind.SET else "not a package"
            return [
                make_finding(
                    "NW-PKG-NOT-A-PACKAGE",
                    f"`{name}` is {what}, but `{site.option}` expects a package",
                    loc,
                    fix=f"pick a package inside it, e.g. `pkgs.{attr}.<name>`"
                    if match.kind is PackageKind.SET
                    else "use a package attribute",
                )
            ]
        case _:
            pass
    out: list[Finding] = []
    if match.kind is PackageKind.RENAMED:
        new = match.resolved or "?"
        warns = _alias_warns(match, attr)
        out.append(
            make_finding(
                "NW-PKG-RENAMED",
                f"`{name}` was renamed to `pkgs.{new}`"
                + ("" if warns else " (an alias: Nix accepts it silently)"),
                loc,
                fix=f"write `pkgs.{new}`",
                severity=None if warns else Severity.INFO,
            )
        )
    if match.package is not None:
        out.extend(_meta_findings(name, match.package, loc, system, perms))
    return out


def _meta_findings(
    name: str, info: PackageInfo, loc: SourceLocation, system: str, perms: Permissions
) -> list[Finding]:
    out: list[Finding] = []
    if info.unfree and perms.unfree is False:
        licences = ", ".join(info.licenses) or "unfree"
        out.append(
            make_finding(
                "NW-PKG-UNFREE",
                f"`{name}` has an unfree licence ({licences}); nixpkgs refuses it unless allowed",
                loc,
                fix="set `nixpkgs.config.allowUnfree = true;` (or an `allowUnfreePredicate` naming it)",
            )
        )
    if info.unfree and perms.unfree is None:
        out.append(
            _left_to_eval(
                f"`{name}` is unfree; whether `nixpkgs.config` allows it is computed, so not checked", loc
            )
        )
    if info.broken and perms.broken is False:
        out.append(
            make_finding(
                "NW-PKG-BROKEN",
                f"`{name}` is marked as broken in this release; nixpkgs refuses to evaluate it",
                loc,
                fix="pick another package, or set `nixpkgs.config.allowBroken = true;` at your own risk",
            )
        )
    full = f"{info.pname}-{info.version}"
    if info.insecure and not perms.insecure_unknown and full not in perms.insecure:
        vulns = "; ".join(info.known_vulnerabilities[:2])
        out.append(
            make_finding(
                "NW-PKG-INSECURE",
                f"`{name}` ({full}) is marked as insecure" + (f": {vulns}" if vulns else ""),
                loc,
                fix=f'upgrade, or accept the risk with `nixpkgs.config.permittedInsecurePackages = [ "{full}" ];`',
            )
        )
    # platform patterns ({"cpu": ...}) need nixpkgs' own matching: left to --eval
    if (
        not _has_patterns(info.platforms, info.bad_platforms)
        and not info.available_on(system)
        and perms.unsupported is False
    ):
        platforms = ", ".join(info.platforms[:6]) or "other systems"
        out.append(
            make_finding(
                "NW-PKG-PLATFORM",
                f"`{name}` is not available on {system} (it supports: {platforms})",
                loc,
                fix="remove it for this machine or pick an alternative that supports " + system,
            )
        )
    return out
