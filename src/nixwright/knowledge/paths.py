"""Option and attribute paths: split user text into names, join names the way options.json does."""

from __future__ import annotations

import re

from nixwright.errors import NixwrightError

PLACEHOLDERS = ("<name>", "*")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_'-]*$")
_PLACEHOLDER = re.compile(r"^<[A-Za-z0-9_ -]+>$")


def split_path(text: str) -> tuple[str, ...]:
    """``services.nginx.virtualHosts."example.org".root`` -> its attribute names, quotes removed.

    Placeholders (``<name>``, ``*``) are kept as names. Raises on an unterminated quote or an
    empty name.
    """
    parts: list[str] = []
    i, n = 0, len(text)
    while i <= n:
        if i < n and text[i] == '"':
            name, i = _read_quoted(text, i)
        else:
            end = text.find(".", i)
            end = n if end < 0 else end
            name = text[i:end].strip()
            if not name:
                raise NixwrightError(
                    f"{text!r} is not an attribute path: empty name at position {i + 1}",
                    hint='write names separated by dots; quote names with dots: a."b.c".d',
                )
            i = end
        parts.append(name)
        if i >= n:
            break
        if text[i] != ".":
            raise NixwrightError(
                f"{text!r} is not an attribute path: expected '.' at position {i + 1}",
                hint='quote names that contain dots or spaces: a."b.c".d',
            )
        i += 1
        if i == n:
            raise NixwrightError(f"{text!r} is not an attribute path: it ends with '.'")
    return tuple(parts)


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    out: list[str] = []
    i = start + 1
    escapes = {"n": "\n", "t": "\t", "r": "\r"}
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
            continue
        if ch == '"':
            return "".join(out), i + 1
        out.append(ch)
        i += 1
    raise NixwrightError(f"{text!r} is not an attribute path: unterminated quote")


def quote_name(name: str) -> str:
    """One name as options.json writes it: bare identifiers and placeholders, else quoted."""
    if _IDENT.match(name) or name == "*" or _PLACEHOLDER.match(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def join_path(parts: tuple[str, ...] | list[str]) -> str:
    return ".".join(quote_name(p) for p in parts)


def normalize_module(path: str) -> str:
    """A module imported by path, in the form the release data keys it (``nixos/modules/...``).

    Accepts ``installer/sd-card/sd-image-aarch64.nix``, ``<nixpkgs/nixos/modules/...>``,
    ``${modulesPath}/...``, ``"${modulesPath}/..."`` and store paths.
    """
    text = path.strip().strip('"').strip("<>").strip()
    for anchor in ("nixos/modules/", "nixos/maintainers/"):
        at = text.find(anchor)
        if at >= 0:
            return text[at:]
    for prefix in ("${modulesPath}/", "$modulesPath/", "modulesPath/"):
        if text.startswith(prefix):
            return "nixos/modules/" + text[len(prefix) :]
    while text.startswith(("./", "/")):
        text = text[1:] if text.startswith("/") else text[2:]
    return "nixos/modules/" + text


def module_short_name(module: str) -> str:
    """``nixos/modules/profiles/qemu-guest.nix`` -> ``profiles/qemu-guest.nix``."""
    prefix = "nixos/modules/"
    return module.removeprefix(prefix)
