"""A strict reader over one parsed TOML table: typed getters, path-qualified errors, no unknown keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nixwright.errors import NixwrightError


class TableReader:
    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = dict(data)
        self.where = where
        self.seen: set[str] = set()

    def fail(self, key: str, message: str) -> NixwrightError:
        return NixwrightError(
            f"{self.where}.{key}: {message}" if key else f"{self.where}: {message}",
            hint="see docs/catalog.md for the catalog format",
        )

    def raw(self, key: str) -> Any:
        self.seen.add(key)
        return self.data.get(key)

    def str_(self, key: str, default: str | None = None) -> str:
        value = self.raw(key)
        if value is None:
            if default is None:
                raise self.fail(key, "is required (a string)")
            return default
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {type(value).__name__}")
        return value

    def opt_str(self, key: str) -> str | None:
        value = self.raw(key)
        if value is not None and not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {type(value).__name__}")
        return value

    def int_(self, key: str, default: int | None = None) -> int:
        value = self.raw(key)
        if value is None and default is not None:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "must be an integer")
        return value

    def opt_int(self, key: str) -> int | None:
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "must be an integer")
        return value

    def bool_(self, key: str, default: bool = False) -> bool:
        value = self.raw(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def strs(self, key: str) -> tuple[str, ...]:
        value = self.raw(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(value)

    def tables(self, key: str) -> list[TableReader]:
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            raise self.fail(key, f"must be an array of tables ([[{key}]])")
        return [TableReader(x, f"{self.where}.{key}[{i}]") for i, x in enumerate(value)]

    def table(self, key: str) -> TableReader | None:
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table ([{key}])")
        return TableReader(value, f"{self.where}.{key}")

    def choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        value = self.str_(key, default)
        if value not in allowed:
            raise self.fail(key, f"is {value!r}; expected one of {', '.join(allowed)}")
        return value

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail(unknown[0], "unknown key")
