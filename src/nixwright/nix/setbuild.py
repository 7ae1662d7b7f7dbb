"""Building a ``StaticSet`` from bindings: nested paths merge, ``inherit`` picks.

Nix merges ``a.b = 1; a.c = 2;`` and ``a = { b = 1; }; a.c = 2;`` into one set ``a``; any other
repeated name is an error when Nix parses the file. ``duplicates.find_duplicates`` reports those
(with Nix's exact rules); here the first definition is kept and the read goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.errors import SourceLocation
from nixwright.nix.items import Entry, Item, Lazy, Pick, Scope, StaticSet
from nixwright.nix.parse import KIND, Node
from nixwright.nix.strings import plain_body

if TYPE_CHECKING:
    from nixwright.nix.evaluate import Evaluator

_LITERAL_SETS = ("attrset_expression",)


def add_binding(ev: Evaluator, binding: Node, scope: Scope, result: StaticSet) -> bool:
    """Add ``path = value;`` to ``result``.

    True when Nix's parser cannot find it defining a name twice (see ``duplicates``): each name along
    the path is new where it is added, or is plainly written and enters a set made by another path.
    """
    attrpath = binding.child_by_field_name("attrpath")
    value_node = binding.child_by_field_name("expression")
    if attrpath is None or value_node is None:
        return False
    if attrpath.child_count == 1:  # the usual `a = v;`, read without building a list of names
        first = attrpath.child(0)
        if first is not None and KIND[first.kind_id] == "identifier":
            source = scope.source
            single = source.data[first.start_byte : first.end_byte].decode("utf-8", "replace")
            entries = result.entries
            if single not in entries:
                entries[single] = Entry(Lazy(value_node, scope), source.location(binding))
                return True
    attrs = attrpath.children_by_field_name("attr")
    names = ev.names_of(attrs, scope)
    if not names:
        return False
    location = scope.source.location(binding)
    value: Item = Lazy(value_node, scope)
    while (
        KIND[value_node.kind_id] == "parenthesized_expression"
    ):  # Nix merges `a = ({ … });` like a set literal
        inner = value_node.child_by_field_name("expression")
        if inner is None:
            break
        value_node = inner
    if len(names) == 1 and not names[0][1] and names[0][0] not in result.entries:  # the usual `a = v;`
        result.entries[names[0][0]] = Entry(value, location)
        return True
    target = result
    safe = True
    for index, (name, dynamic) in enumerate(names):
        last = index == len(names) - 1
        if dynamic:  # kept by its source text, which Nix compares when it evaluates the set
            safe = safe and all(text != name for text, _ in target.dynamic)
            item = value if last else _nested(names[index + 1 :], value, location)
            target.dynamic.append((name, Entry(item, location, dynamic_key=True)))
            return safe
        existing = target.entries.get(name)
        if last:
            if existing is None:
                target.entries[name] = Entry(value, location)
                return safe
            merged = _as_set(ev, existing.item)
            if merged is None or not _is_literal_set(value_node):
                return False
            bindings = binding_set_of(value_node)
            if bindings is not None:
                ev.fill_set(bindings, scope, scope, merged)
            target.entries[name] = Entry(merged, existing.location)
            return False
        if existing is None:
            nested = StaticSet()
            target.entries[name] = Entry(nested, location)
            target = nested
            continue
        found = existing.item
        if type(found) is StaticSet:  # a set made by another path (no origin), or built already: enter it
            if found.origin is not None or not _plainly_written(attrs[index], scope.source.data):
                safe = False
            target = found
            continue
        safe = False
        merged = _as_set(ev, found)
        if merged is None:
            return False
        target.entries[name] = Entry(merged, existing.location)
        target = merged
    return False


def add_inherit(ev: Evaluator, node: Node, outer: Scope, inner: Scope, result: StaticSet) -> None:
    attrs = node.child_by_field_name("attrs")
    if attrs is None:
        return
    source_node = node.child_by_field_name("expression") if KIND[node.kind_id] == "inherit_from" else None
    source = Lazy(source_node, inner) if source_node is not None else None
    for attr in attrs.children_by_field_name("attr"):
        location = outer.source.location(attr)
        name, dynamic = ev.attr_name(attr, outer)
        if dynamic or not name:  # an empty name: `inherit (x);`, which inherits nothing
            continue
        if name in result.entries:  # reported by duplicates.find_duplicates; the first is kept
            continue
        text = outer.source.text(attr)
        item: Item = Pick(source, name, text) if source is not None else ev.lookup(name, outer, attr)
        result.entries[name] = Entry(item, location)


def _plainly_written(attr: Node, data: bytes) -> bool:
    """An identifier, or a string with no escapes or interpolations."""
    kind = KIND[attr.kind_id]
    return kind == "identifier" or (kind == "string_expression" and plain_body(attr, data) is not None)


def _nested(names: list[tuple[str, bool]], value: Item, location: SourceLocation) -> StaticSet:
    top = StaticSet()
    target = top
    for index, (name, dynamic) in enumerate(names):
        last = index == len(names) - 1
        item: Item = value if last else StaticSet()
        entry = Entry(item, location, dynamic_key=dynamic)
        if dynamic:
            target.dynamic.append((name, entry))
        else:
            target.entries[name] = entry
        if isinstance(item, StaticSet):
            target = item
    return top


def _as_set(ev: Evaluator, item: Item) -> StaticSet | None:
    if isinstance(item, StaticSet):
        return item
    if isinstance(item, Lazy) and _is_literal_set(item.node):
        built = ev.static_set(item.node, item.scope)
        return built
    return None


def _is_literal_set(node: Node) -> bool:
    return KIND[node.kind_id] in _LITERAL_SETS


def binding_set_of(node: Node) -> Node | None:
    """The bindings of a set literal or ``let`` (None for ``{ }``)."""
    for child in node.named_children:
        if KIND[child.kind_id] == "binding_set":
            return child
    return None
