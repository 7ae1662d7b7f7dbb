"""A description of a release database, for ``nixwright db info`` and ``db build``."""

from __future__ import annotations

import json
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.knowledge.access import default_release
from nixwright.knowledge.build import BuildResult, read_meta
from nixwright.knowledge.home import check_release, db_path, releases_present


def database_info(release: str | None = None, built: BuildResult | None = None) -> dict[str, Any]:
    chosen = check_release(release) if release else default_release()
    path = built.path if built else db_path(chosen)
    if not path.is_file():
        present = releases_present()
        hint = f"releases present: {', '.join(present)}; or build it: nixwright db build --release {chosen}"
        raise NixwrightError(
            f"no knowledge base for NixOS {chosen} at {path}",
            hint=hint if present else "build it: nixwright db build",
        )
    meta = read_meta(path)
    info: dict[str, Any] = {
        "release": meta.get("release", chosen),
        "path": str(path),
        "source": meta.get("source"),
        "built_at": meta.get("built_at"),
        "build_seconds": float(meta.get("build_seconds", "0") or 0),
        "size_bytes": path.stat().st_size,
        "schema_version": meta.get("schema_version"),
        "inputs": json.loads(meta.get("inputs", "{}")),
        "counts": json.loads(meta.get("counts", "{}")),
        "releases_present": releases_present(),
    }
    if built is not None:
        info["status"] = "built" if built.built else "up to date"
    return info
