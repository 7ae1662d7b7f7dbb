"""What a value means beyond its option: the packages it names, how strongly it is set, when it applies."""

from __future__ import annotations

from nixwright.docs.md import code
from nixwright.knowledge.model import Knowledge, PackageKind
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    PRIORITY_FORCE,
    PRIORITY_MKDEFAULT,
    Dynamic,
    NixAttrs,
    NixList,
    PackageRef,
    Value,
)

MAX_PACKAGES = 12


def value_notes(value: Value, kb: Knowledge, system: str | None = None) -> list[str]:
    """Plain sentences about the value itself (packages named, values known only at build time)."""
    notes: list[str] = []
    packages = _packages(value)
    if packages:
        notes.append(_packages_sentence(packages, kb, system))
    dynamic = _dynamic(value)
    if dynamic:
        notes.append(
            f"Part of this value is computed when the system is built, so it is not checked here ({dynamic})."
        )
    return notes


def priority_wrapper(priority: int) -> str:
    """``lib.mkDefault``, ``lib.mkForce`` or ``lib.mkOverride n`` for ``priority``; ``""`` for a plain setting."""
    if priority == PRIORITY_DEFAULT_PLAIN:
        return ""
    if priority == PRIORITY_MKDEFAULT:
        return "lib.mkDefault"
    if priority == PRIORITY_FORCE:
        return "lib.mkForce"
    return f"lib.mkOverride {priority}"


def priority_note(priority: int) -> str:
    wrapper = priority_wrapper(priority)
    if not wrapper:
        return ""
    if priority == PRIORITY_MKDEFAULT:
        meaning = "a default that any other setting of this option replaces"
    elif priority == PRIORITY_FORCE:
        meaning = "it wins over every other setting of this option"
    else:
        stronger = "stronger" if priority < PRIORITY_DEFAULT_PLAIN else "weaker"
        meaning = f"{stronger} than a plain setting of this option"
    return f"Written with `{wrapper}`: {meaning}."


def condition_note(condition: str | None) -> str:
    return f"Applies only when {code(condition)} is true." if condition else ""


def _packages(value: Value) -> list[str]:
    if isinstance(value, PackageRef):
        return [value.attr_path]
    if isinstance(value, NixList):
        return [p for item in value.items for p in _packages(item)]
    if isinstance(value, NixAttrs):
        return [p for _, item in value.entries for p in _packages(item)]
    return []


def _dynamic(value: Value) -> str:
    if isinstance(value, Dynamic):
        return value.reason
    if isinstance(value, NixList):
        return next((r for item in value.items if (r := _dynamic(item))), "")
    if isinstance(value, NixAttrs):
        return next((r for _, item in value.entries if (r := _dynamic(item))), "")
    return ""


def _packages_sentence(packages: list[str], kb: Knowledge, system: str | None) -> str:
    parts = [_package_words(attr, kb, system) for attr in packages[:MAX_PACKAGES]]
    more = len(packages) - MAX_PACKAGES
    if more > 0:
        parts.append(f"and {more} more")
    label = "Package" if len(packages) == 1 else "Packages"
    return f"{label}: " + "; ".join(parts) + "."


def _package_words(attr: str, kb: Knowledge, system: str | None) -> str:
    match = kb.find_package(attr, system)
    name = code(attr)
    if match.kind is PackageKind.UNKNOWN:
        return f"{name} (not a package of NixOS {kb.release})"
    if match.kind is PackageKind.REMOVED:
        return f"{name} (removed from NixOS {kb.release})"
    info = match.package
    if info is None:
        return name
    words = info.description.strip().rstrip(".")
    version = f", version {info.version}" if info.version else ""
    renamed = (
        f", now called {code(match.resolved)}" if match.kind is PackageKind.RENAMED and match.resolved else ""
    )
    return f"{name} — {words}{version}{renamed}" if words else f"{name}{version}{renamed}"
