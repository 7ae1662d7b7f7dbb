"""``KnowledgeBase``: one release's options and packages, read from its SQLite database."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.knowledge.model import OptionInfo, OptionResolution, PackageInfo, PackageMatch
from nixwright.knowledge.modules import ImportedModule, expand_imports, load_modules
from nixwright.knowledge.option_index import OptionIndex
from nixwright.knowledge.option_rows import COLUMNS, fetch_option, option_from_row
from nixwright.knowledge.paths import join_path, normalize_module, split_path
from nixwright.knowledge.schema import SCHEMA_VERSION


class KnowledgeBase:
    """Implements ``nixwright.knowledge.model.Knowledge`` over a built database (read-only)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise NixwrightError(f"{path}: no knowledge base here", hint="build one with: nixwright db build")
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            self.meta: dict[str, str] = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            raise NixwrightError(
                f"{path}: not a nixwright knowledge base", hint="rebuild it with: nixwright db build --force"
            ) from None
        if self.meta.get("schema_version") != str(SCHEMA_VERSION):
            self.db.close()
            raise NixwrightError(
                f"{path}: built by another version of nixwright (layout {self.meta.get('schema_version', '?')},"
                f" this version reads {SCHEMA_VERSION})",
                hint="rebuild it with: nixwright db build --force",
            )
        self._options: dict[int, OptionInfo] = {}
        self._to_kind: dict[int, str | None] = {}

    @property
    def release(self) -> str:
        return self.meta["release"]

    def close(self) -> None:
        self.db.close()

    @cached_property
    def index(self) -> OptionIndex:
        """The option tree, stored at build time; its nodes are read as lookups reach them."""
        return OptionIndex(self.db)

    @cached_property
    def modules(self) -> dict[str, ImportedModule]:
        return load_modules(self.db)

    @cached_property
    def set_aliases(self) -> dict[str, str]:
        """Package set aliases: ``python3Packages`` -> ``python312Packages``."""
        return dict(self.db.execute("SELECT alias, target FROM package_set_aliases"))

    @cached_property
    def common_terms(self) -> dict[str, frozenset[str]]:
        from nixwright.knowledge.search import load_common_terms

        return load_common_terms(self.db)

    @cached_property
    def default_sets(self) -> frozenset[str]:
        """Sets a version-less name points at: ``python312Packages`` (from ``python3Packages``)."""

        def digits(text: str) -> int:
            return sum(c.isdigit() for c in text)

        return frozenset(t for a, t in self.set_aliases.items() if digits(a) < digits(t))

    @cached_property
    def top_level_names(self) -> list[str]:
        from nixwright.knowledge.suggest import top_level_names

        return top_level_names(self.db)

    @cached_property
    def extra_meta(self) -> dict[str, Any]:
        """options-extra.json's own data: ``nixos_subtrees``, ``recursive``, ``documented_aliases``, ``messages``."""
        return dict(json.loads(self.meta.get("options_extra", "{}")))

    # -- options -------------------------------------------------------------------------------

    def option_by_id(self, option_id: int) -> OptionInfo:
        found = self._options.get(option_id)
        if found is None:
            row = fetch_option(self.db, option_id)
            found = option_from_row(row)
            self._options[option_id] = found
            self._to_kind[option_id] = row[11]
        return found

    def find_option(self, path: str | Sequence[str]) -> OptionInfo | None:
        """The option a path names: exact declared paths, or concrete ones through placeholders."""
        if isinstance(path, str):
            exact = self.index.exact(path)
            if exact is not None:
                return self.option_by_id(exact)
            parts = split_path(path)
        else:
            parts = tuple(path)
        resolution = self.resolve_option(parts)
        return resolution.option if resolution.option is not None and not resolution.rest else None

    def resolve_option(self, parts: Sequence[str], imported_modules: Sequence[str] = ()) -> OptionResolution:
        requested = tuple(parts)
        imported = expand_imports(self.modules, imported_modules) if imported_modules else frozenset()
        walk = self.index.walk(requested, imported)
        if walk is None:
            return OptionResolution(requested, None)
        if walk.option_id is None:
            owner = self._deepest_option(walk.matched, imported)
            if owner is None:
                return OptionResolution(requested, None, is_namespace=True)
            option, depth = owner
            return OptionResolution(requested, option, requested[depth:], is_namespace=True)
        option = self.option_by_id(walk.option_id)
        rest = requested[walk.consumed :]
        if rest and option.renamed_to and self._to_kind.get(walk.option_id) == "namespace":
            return OptionResolution(requested, self._mapped_rename(option, rest))
        return OptionResolution(requested, option, rest)

    def _deepest_option(
        self, matched: tuple[str, ...], imported: frozenset[str]
    ) -> tuple[OptionInfo, int] | None:
        node = self.index.root
        best: tuple[OptionInfo, int] | None = None
        for depth, name in enumerate(matched, start=1):
            child = node.child(name)
            if child is None:
                break
            node = child
            option_id = node.option_for(imported)
            if option_id is not None:
                best = (self.option_by_id(option_id), depth)
        return best

    def _mapped_rename(self, option: OptionInfo, rest: tuple[str, ...]) -> OptionInfo:
        """``services.compton.enable`` under the namespace rename ``services.compton`` -> ``services.picom``."""
        suffix = join_path(rest)
        target = f"{option.renamed_to}.{suffix}"
        target_option = self.find_option(target)
        return replace(
            option,
            path=f"{option.path}.{suffix}",
            renamed_to=target,
            type=target_option.type if target_option else option.type,
        )

    def option_children(self, prefix: str, include_hidden: bool = False) -> list[OptionInfo]:
        """Documented options strictly below ``prefix`` (declared naming), sorted by path."""
        kinds = "('documented', 'hidden')" if include_hidden else "('documented')"
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM options WHERE path > ? AND path < ? AND module = '' AND kind IN {kinds}"  # noqa: S608
            " ORDER BY path",
            (prefix + ".", prefix + "/"),
        )
        return [option_from_row(r) for r in rows]

    def suggest_options(self, path: str, limit: int = 3) -> list[str]:
        from nixwright.knowledge.suggest import suggest_options

        return suggest_options(self, path, limit)

    def search_options(self, query: str, limit: int = 20) -> list[OptionInfo]:
        from nixwright.knowledge.search import search_options

        return [
            self.option_by_id(i) for i in search_options(self.db, query, limit, self.common_terms["options"])
        ]

    # -- imported modules ----------------------------------------------------------------------

    def module_info(self, module: str) -> ImportedModule | None:
        """What a module imported by path adds and sets (``profiles/qemu-guest.nix``, ...)."""
        return self.modules.get(normalize_module(module))

    def modules_declaring(self, parts: Sequence[str]) -> list[str]:
        """Files that, imported by path, would make ``parts`` an option (``sdImage.compressImage``)."""
        if not parts:
            return []
        rows = self.db.execute(
            "SELECT module, requires FROM options WHERE (path = ? OR path LIKE ?) AND (module != '' OR requires IS NOT NULL)",
            (parts[0], parts[0] + ".%"),
        ).fetchall()
        candidates = sorted(
            {m for module, requires in rows for m in ([module] if module else json.loads(requires))}
        )
        out = []
        for module in candidates:
            found = self.resolve_option(parts, [module])
            if found.option is not None and found.option.module is not None:
                out.append(module)
        return out

    def package_set_note(self, set_path: str) -> str | None:
        row = self.db.execute("SELECT note FROM package_sets WHERE path = ?", (set_path,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def imported_options(self, module: str) -> list[OptionInfo]:
        key = normalize_module(module)
        modules = expand_imports(self.modules, [key])
        marks = ",".join("?" * len(modules))
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM options WHERE module IN ({marks}) ORDER BY path, module",  # noqa: S608
            sorted(modules),
        )
        return [option_from_row(r) for r in rows]

    # -- packages ------------------------------------------------------------------------------

    def find_package(self, attr_path: str, system: str | None = None) -> PackageMatch:
        from nixwright.knowledge.packages_query import find_package

        return find_package(self, attr_path, system)

    def package(self, attr_path: str) -> PackageInfo | None:
        from nixwright.knowledge.packages_query import package_info

        return package_info(self.db, attr_path)

    def suggest_packages(self, attr_path: str, limit: int = 3) -> list[str]:
        from nixwright.knowledge.suggest import suggest_packages

        return suggest_packages(self, attr_path, limit)

    def search_packages(self, query: str, limit: int = 20) -> list[PackageInfo]:
        from nixwright.knowledge.packages_query import package_info_by_id
        from nixwright.knowledge.search import search_packages

        return [
            package_info_by_id(self.db, i)
            for i in search_packages(self.db, query, limit, self.default_sets, self.common_terms["packages"])
        ]

    # -- description ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return dict(json.loads(self.meta.get("counts", "{}")))

    def __repr__(self) -> str:
        return f"KnowledgeBase(release={self.release!r}, path={str(self.path)!r})"
