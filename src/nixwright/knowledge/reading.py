"""Read one channel file (brotli-compressed or plain JSON) with one clear error per bad input."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from nixwright.errors import NixwrightError


class InputFile(Enum):
    """The files a release database is built from. Values are the published base names."""

    OPTIONS = "options.json"
    PACKAGES = "packages.json"
    OPTIONS_EXTRA = "options-extra.json"
    OPTIONS_IMPORTS = "options-imports.json"
    PACKAGES_EXTRA = "packages-extra.json"

    @property
    def required(self) -> bool:
        return self in (InputFile.OPTIONS, InputFile.PACKAGES)


@dataclass(frozen=True)
class FoundInput:
    kind: InputFile
    path: Path


def find_input(directory: Path, kind: InputFile) -> FoundInput | None:
    """``NAME.json.br`` in ``directory``, else ``NAME.json``."""
    for name in (f"{kind.value}.br", kind.value):
        candidate = directory / name
        if candidate.is_file():
            return FoundInput(kind, candidate)
    return None


def declared_release(directory: Path) -> str | None:
    """The release a data directory's companion files name (``"release": "24.11"``), if any."""
    for kind in (InputFile.OPTIONS_IMPORTS, InputFile.OPTIONS_EXTRA):
        found = find_input(directory, kind)
        if found is None:
            continue
        try:
            data = read_json(found.path)
        except NixwrightError:
            return None
        release = data.get("release") if isinstance(data, dict) else None
        if isinstance(release, str) and len(release) == 5 and release[2] == ".":
            return release
    return None


def sha256_file(path: Path) -> str:
    import hashlib  # only when inputs are hashed: skipped while their size and mtime match

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_json(path: Path) -> Any:
    """Decompress (when ``.br``) and parse; every failure names the file and what is wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NixwrightError(f"{path}: file not found") from None
    except OSError as err:
        raise NixwrightError(f"{path}: cannot read: {err.strerror}") from None
    if path.suffix == ".br":
        raw = _decompress(path, raw)
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise NixwrightError(f"{path}: not JSON text (undecodable bytes)") from None
    except json.JSONDecodeError as err:
        what = "truncated JSON" if err.pos >= len(raw) - 1 else f"invalid JSON ({err.msg})"
        raise NixwrightError(
            f"{path}: {what} at line {err.lineno} column {err.colno}",
            hint="the file is damaged; fetch it again (nixwright db update)",
        ) from None


def _decompress(path: Path, raw: bytes) -> bytes:
    import brotli

    if not raw:
        raise NixwrightError(f"{path}: empty file", hint="fetch it again (nixwright db update)")
    try:
        decoder = brotli.Decompressor()
        out: bytes = decoder.process(raw)
        finished = decoder.is_finished()
    except brotli.error:
        raise NixwrightError(
            f"{path}: corrupt brotli data",
            hint="the file is damaged or not brotli-compressed; fetch it again (nixwright db update)",
        ) from None
    if not finished:
        raise NixwrightError(
            f"{path}: truncated brotli stream (the file ends early)",
            hint="the download was cut short; fetch it again (nixwright db update)",
        )
    return out


def check_compressed(path: Path) -> None:
    """Raise (naming the file) unless ``path`` is a complete brotli stream; the JSON is checked at build."""
    if path.suffix == ".br":
        _decompress(path, path.read_bytes())


def wrong_format(path: Path, expected: str) -> NixwrightError:
    return NixwrightError(
        f"{path}: wrong format: expected {expected}",
        hint="point --from at a directory holding a NixOS channel's options.json.br and packages.json.br",
    )
