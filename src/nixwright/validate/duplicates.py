"""Names defined twice in one attribute set: Nix refuses the file before evaluating anything."""

from __future__ import annotations

from nixwright.findings import Finding
from nixwright.nix.values import ModuleReading
from nixwright.validate.codes import make_finding


def check_duplicates(reading: ModuleReading) -> list[Finding]:
    """One NW-ATTR-DUPLICATE error for each name the reader found defined twice."""
    return [
        make_finding(
            "NW-ATTR-DUPLICATE",
            f"Nix: {d.message}; Nix refuses the file",
            d.again,
            fix=f"write `{d.name}` once: merge the two definitions into one set, or use dotted paths for both",
        )
        for d in reading.duplicate_attrs
    ]
