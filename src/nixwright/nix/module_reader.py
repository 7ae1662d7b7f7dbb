"""Reading module files: the module forms, ``options``, ``imports`` followed cycle-safely."""

from __future__ import annotations

import os
from pathlib import Path

from nixwright.errors import NixwrightError, SourceLocation
from nixwright.nix.definitions import Collected, Context, emit, emit_literal_set
from nixwright.nix.duplicates import find_duplicates
from nixwright.nix.evaluate import Evaluator
from nixwright.nix.imports import ImportTarget, classify, import_entries
from nixwright.nix.items import Entry, Item, Lazy, Scope, SourceFile, StaticSet, Symbol, module_argument
from nixwright.nix.parse import KIND, Node, parse_bytes, read_file_bytes, source_bytes
from nixwright.nix.values import DuplicateAttr, ModuleImport, ModuleReading, Unreadable

_METADATA = frozenset({"meta", "_file", "key", "_class", "require"})
_FULL_FORM = frozenset({"imports", "options", "config", "disabledModules", "freeformType", *_METADATA})


class ModuleReader:
    def __init__(self, follow_imports: bool = True) -> None:
        self.follow_imports = follow_imports
        self.ev = Evaluator()
        self.out = Collected()
        self.imports: list[ModuleImport] = []
        self.files: list[str] = []
        self.declared: list[tuple[str, ...]] = []
        self.duplicates: list[DuplicateAttr] = []
        self._seen: set[str] = set()
        self._reading: set[tuple[int, int] | int] = set()  # inline modules being read (cycle guard)

    def reading(self) -> ModuleReading:
        return ModuleReading(
            definitions=tuple(self.out.definitions),
            imports=tuple(self.imports),
            files=tuple(self.files),
            declared_options=tuple(self.declared),
            unreadable=tuple(self.out.unreadable),
            duplicate_attrs=tuple(self.duplicates),
        )

    def read_file(self, data: bytes, file: str, base: Path) -> None:
        clean = source_bytes(data, file)
        self._seen.add(_key(base, file))
        self.files.append(file)
        tree = parse_bytes(clean, file)
        source = SourceFile(file, clean)
        root = tree.root_node
        body = next((c for c in root.named_children if KIND[c.kind_id] != "comment"), None)
        if body is None:
            raise NixwrightError(
                f"{file} holds no Nix expression", hint="a NixOS module is `{ ... }: { ... }`"
            )
        at = len(self.duplicates)  # this file's come before those of the files it imports
        top = Lazy(body, Scope(source))
        inner = self.ev.peel(top)
        called = KIND[inner.node.kind_id] == "function_expression"
        if called:
            inner = self.ev.peel(Lazy(_body(inner), _argument_scope(inner)))
        # The usual module, a set of definitions and nothing else, is read straight from its bindings.
        if KIND[inner.node.kind_id] != "attrset_expression" or not emit_literal_set(
            self.ev, inner, (), Context(source.location(inner.node)), self.out, reserved=_FULL_FORM
        ):
            self.read_module(top, base, inner=inner, called=called)
        self.duplicates[at:at] = find_duplicates(root, source)  # after reading: see SourceFile

    def read_module(
        self,
        item: Item,
        base: Path,
        written: SourceLocation | None = None,
        inner: Lazy | None = None,
        called: bool = False,
    ) -> None:
        """Read a module; ``written`` is where an inline module stands in an ``imports`` list.

        ``inner`` is ``item`` with the ``let``, ``with`` and parentheses around it taken off already,
        and, when ``called``, its function too (``Evaluator.peel``): forcing it gives what forcing
        ``item`` would.
        """
        forced = self.ev.force(item if inner is None else inner)
        if not called and isinstance(forced, Lazy) and KIND[forced.node.kind_id] == "function_expression":
            forced = self.ev.force(Lazy(_body(forced), _argument_scope(forced)))
        location = _location(item) if written is None else written
        if not isinstance(forced, StaticSet):
            text = item.scope.source.text(item.node) if isinstance(item, Lazy) else ""
            self.out.unreadable.append(
                Unreadable(
                    "not a NixOS module: expected an attribute set (or a function returning one)",
                    text,
                    location,
                )
            )
            return
        key = forced.origin or id(forced)
        if key in self._reading:  # `let m = { imports = [ m ]; }; in m`
            self.out.unreadable.append(Unreadable("module imports itself", "", location))
            return
        self._reading.add(key)
        try:
            self._read_body(forced, base)
        finally:
            self._reading.discard(key)

    def _read_body(self, forced: StaticSet, base: Path) -> None:
        full = any(name in ("config", "options") for name in forced.entries)
        for name, entry in forced.entries.items():
            if name == "imports":
                self._imports(entry, base)
            elif name == "options" and full:
                self._declarations(entry.item, (), entry.location)
            elif name == "config" and full:
                emit(self.ev, entry.item, (), Context(entry.location), self.out)
            elif name in _METADATA:
                continue
            elif name in ("disabledModules", "freeformType"):
                self.out.unreadable.append(Unreadable(f"{name} is not read", name, entry.location))
            elif full:
                reason = f"{name} beside config/options: NixOS rejects it (move it under config)"
                self.out.unreadable.append(Unreadable(reason, name, entry.location))
            else:
                emit(self.ev, entry.item, (name,), Context(entry.location), self.out)
        for key, entry in forced.dynamic:
            emit(self.ev, entry.item, (key,), Context(entry.location, dynamic_key=True), self.out)

    def _declarations(self, item: Item, prefix: tuple[str, ...], location: SourceLocation) -> None:
        forced = self.ev.force(item)
        if isinstance(forced, StaticSet):
            for name, entry in forced.entries.items():
                self._declarations(entry.item, (*prefix, name), entry.location)
            for key, entry in forced.dynamic:
                self.out.unreadable.append(
                    Unreadable("option declared under a computed name", key, entry.location)
                )
            return
        if prefix:
            self.declared.append(prefix)
            return
        self.out.unreadable.append(Unreadable("option declarations not read statically", "options", location))

    def _imports(self, entry: Entry, base: Path) -> None:
        entries = import_entries(self.ev, entry.item)
        if entries is None:
            text = entry.item.scope.source.text(entry.item.node) if isinstance(entry.item, Lazy) else ""
            self.out.unreadable.append(
                Unreadable("imports list only known at evaluation time", text, entry.location)
            )
            return
        for element in entries:
            self._import(classify(self.ev, element, entry.location), base)

    def _import(self, target: ImportTarget, base: Path) -> None:
        if target.kind == "inline" and target.item is not None:
            self.read_module(target.item, base, target.location)
            return
        if target.kind != "local" or target.path is None:
            self.imports.append(ModuleImport(target.kind, target.text, target.location, module=target.module))
            return
        file = _resolve(base, target.path)
        path = Path(file)
        if path.is_dir():
            path = path / "default.nix"
            file = str(path)
        self.imports.append(ModuleImport("local", target.text, target.location, file=file))
        if not self.follow_imports:
            return
        if _key(path.parent, file) in self._seen:
            return
        try:
            data = read_file_bytes(path)
        except NixwrightError as err:
            self.out.unreadable.append(
                Unreadable(f"imported file not read: {err.message}", target.text, target.location)
            )
            return
        self.read_file(data, file, path.parent)


def _resolve(base: Path, written: str) -> str:
    if written.startswith("~"):
        return str(Path(written).expanduser())
    return os.path.normpath(base / written)


def _key(base: Path, file: str) -> str:
    return os.path.realpath(base / Path(file).name) if not file.startswith("<") else file


def _body(function: Lazy) -> Node:
    body = function.node.child_by_field_name("body")
    if body is None:
        raise NixwrightError("function without a body")
    return body


def _argument_scope(function: Lazy) -> Scope:
    names: dict[str, Item] = {}
    node = function.node
    formals = node.child_by_field_name("formals")
    if formals is not None:
        for formal in formals.children_by_field_name("formal"):
            name_node = formal.child_by_field_name("name")
            if name_node is not None and name_node.text:  # empty: a tolerated trailing comma
                name = name_node.text.decode("utf-8")
                names[name] = module_argument(name)
    universal = node.child_by_field_name("universal")
    if universal is not None and universal.text is not None:
        names[universal.text.decode("utf-8")] = Symbol("args")
    return function.scope.child(names)


def _location(item: Item) -> SourceLocation:
    if isinstance(item, Lazy):
        return item.scope.source.location(item.node)
    return SourceLocation("<module>", 1, 1)
