"""Build step: the Nix language layer is compiled to C with mypyc, which reads about a third faster.

Everything else about the package lives in pyproject.toml. ``NIXWRIGHT_PURE=1`` builds the same
package as plain Python (no C compiler needed); the two behave the same and the test suite runs on
either. ``compiled.json`` records which sources the C was built from, so that a source edited after
the build is run as Python rather than silently ignored (see ``nixwright/__init__.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from setuptools import setup

_PACKAGE = Path("src/nixwright")
_RECORD = _PACKAGE / "compiled.json"


def _compiled() -> list[object]:
    if os.environ.get("NIXWRIGHT_PURE", "") not in ("", "0"):
        _RECORD.unlink(missing_ok=True)
        for built in Path("src").rglob("*.so"):  # an earlier compiled build in place
            built.unlink()
        return []
    from mypyc.build import mypycify

    # The packages' __init__ files stay plain Python: they run before anything compiled is loaded.
    modules = [_PACKAGE / "errors.py", *sorted((_PACKAGE / "nix").glob("*.py"))]
    modules = [path for path in modules if path.name != "__init__.py"]
    record = {
        path.relative_to(_PACKAGE).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in modules
    }
    _RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return list(mypycify([str(path) for path in modules], opt_level="3", debug_level="0"))


setup(ext_modules=_compiled())
