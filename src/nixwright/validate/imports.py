"""What imported files contribute: option paths set by NixOS modules imported by path.

The knowledge base knows, for each module under ``nixos/modules`` that a configuration may import by
path (sd-image, container and VM profiles), which option paths it sets. Imports the static reader
could not follow are named, so whole-system checks say "not checked" instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence

from nixwright.knowledge.model import Knowledge
from nixwright.knowledge.paths import split_path
from nixwright.nix.values import ModuleImport


def imported_settings(
    kb: Knowledge, imports: Sequence[ModuleImport], read_files: Sequence[str] = ()
) -> tuple[frozenset[tuple[str, ...]], tuple[str, ...]]:
    """(option paths set by imported NixOS modules, imports whose effect is unknown).

    A local import counts as known when the reader read it (its file is in ``read_files``);
    one read on its own (``follow_imports=False``) or missing is unknown here.
    """
    provided: set[tuple[str, ...]] = set()
    unknown: list[str] = []
    for imp in imports:
        if imp.kind == "local":
            if imp.file is not None and imp.file not in read_files:
                unknown.append(imp.text)
            continue  # followed by the reader: its definitions are in the reading
        info = kb.module_info(imp.module) if imp.kind == "nixos-module" and imp.module else None
        if info is None:
            unknown.append(imp.module or imp.text)
            continue
        for path in info.sets_with_imports:
            detail = info.sets_detail.get(path, {})
            if not detail.get("conditional"):
                provided.add(split_path(path))
    return frozenset(provided), tuple(unknown)
