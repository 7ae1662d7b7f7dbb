"""The static reader: a NixOS module (and the local files it imports) -> ``ModuleReading``.

Accepted forms: a function ``{ config, lib, pkgs, ... }: body`` or a bare body, where the body (after
any ``let``/``with``) is an attribute set, either in shorthand form (every attribute but ``imports``,
``meta``, ``disabledModules``, ``_file``, ``key``, ``_class`` is configuration) or in full form
(``imports``, ``options``, ``config``).

Contract for definitions (what the validator relies on):

* Definitions are **leaves**. Attribute sets written in the source are walked into, so
  ``services.nginx = { enable = true; };`` and ``services.nginx.enable = true;`` both give the one
  definition ``services.nginx.enable = true``. The reader cannot know where an option ends and an
  attribute-set *value* begins; a consumer that needs the value of an option whose type is not a
  submodule (``attrsOf``, freeform ``settings``) regroups the leaves below the option's path with
  ``nixwright.nix.leaves.value_below``.
* Lists, ``{ }`` (an empty set), scalars, package references and ``Dynamic`` values are leaves; a
  non-empty set only appears as a value inside a list.
* ``priority`` is 100 for a plain definition, 1000 for ``mkDefault``, 50 for ``mkForce``, ``n`` for
  ``mkOverride n``; ``condition`` holds the source text of enclosing ``mkIf``/``optional*`` conditions
  joined with ``&&``; ``order`` is ``before``/``after`` for ``mkBefore``/``mkAfter``/``mkOrder``.
* A name written as ``"${...}"`` that is not statically known keeps its source text and sets
  ``dynamic_key``; a value the reader cannot know is ``Dynamic`` with the reason; a part of a module
  that gives no definition at all (a body computed by a function call, say) is listed in
  ``unreadable``. Nothing is silently dropped.
* Definitions come in source order (a nested set's names in the order first written).
"""

from __future__ import annotations

from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.nix.module_reader import ModuleReader
from nixwright.nix.parse import read_file_bytes
from nixwright.nix.values import ModuleReading


def read_module(path: Path, follow_imports: bool = True) -> ModuleReading:
    """Read a module file and, with ``follow_imports``, the local files it imports."""
    data = read_file_bytes(path)
    return _read(data, str(path), path.parent, follow_imports)


def read_source(source: str | bytes, file: str = "<string>", follow_imports: bool = True) -> ModuleReading:
    """Read module source; local imports resolve relative to ``file``'s folder (or the working folder)."""
    base = Path.cwd() if file.startswith("<") else Path(file).parent
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    return _read(data, file, base, follow_imports)


def _read(data: bytes, file: str, base: Path, follow_imports: bool) -> ModuleReading:
    reader = ModuleReader(follow_imports=follow_imports)
    try:
        reader.read_file(data, file, base)
    except RecursionError:
        raise NixwrightError(
            f"{file}: expression nested too deeply to read",
            hint="split deeply nested expressions into let bindings or separate files",
        ) from None
    return reader.reading()
