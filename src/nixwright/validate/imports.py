"""What imported files contribute: option paths set by NixOS modules imported by path.

The knowledge base knows, for each module under ``nixos/modules`` that a configuration may import by
path (sd-image, container and VM profiles), which option paths it sets. Imports the static reader
could not follow are named, so whole-system checks say "not checked" instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence

from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleImport


def imported_settings(
    kb: Knowledge, imports: Sequence[ModuleImport]
) -> tuple[frozenset[tuple[str, ...]], tuple[str, ...]]:
    """(option paths set by imported NixOS modules, imports whose effect is unknown)."""
    provided: set[tuple[str, ...]] = set()
    unknown: list[str] = []
    lookup = getattr(kb, "module_sets", None)
    for imp in imports:
        if imp.kind == "local":
            continue  # followed by the reader: its definitions are in the reading
        if imp.kind == "nixos-module" and imp.module and lookup is not None:
            sets = lookup(imp.module)
            if sets is not None:
                provided.update(tuple(p) for p in sets)
                continue
        unknown.append(imp.module or imp.text)
    return frozenset(provided), tuple(unknown)
