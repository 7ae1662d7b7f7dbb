"""Calling functions written in the module itself (``mkUser = name: { ... };``) with known arguments.

The body is read in a scope binding the parameters, as Nix would evaluate it. Calls are followed up
to ``MAX_CALL_DEPTH`` deep and ``MAX_CALLS`` in all (a recursive helper stops there and stays
``Dynamic``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.nix.items import Entry, Item, Known, Lazy, Pick, Scope, StaticSet, Symbol
from nixwright.nix.parse import KIND, Node
from nixwright.nix.values import Dynamic, NixList, NixString

if TYPE_CHECKING:
    from nixwright.nix.evaluate import Evaluator

MAX_CALL_DEPTH = 16
MAX_CALLS = 1000  # per read: a helper that branches at every level would otherwise take forever


def apply_function(ev: Evaluator, function: Lazy, args: list[Item], node: Node, scope: Scope) -> Item:
    """The result of ``function args...`` called at ``node`` in ``scope``."""
    if scope.depth >= MAX_CALL_DEPTH:
        return Known(Dynamic("function calls nested too deeply to follow", scope.source.text(node)))
    ev.calls += 1
    if ev.calls > MAX_CALLS:
        return Known(Dynamic("too many function calls to follow", scope.source.text(node)))
    current: Item = function
    for arg in args:
        if not (isinstance(current, Lazy) and KIND[current.node.kind_id] == "function_expression"):
            return Lazy(node, scope)  # read later as "result of calling ..."
        body = current.node.child_by_field_name("body")
        if body is None:
            return Lazy(node, scope)
        inner = Scope(current.scope.source, current.scope, None, None, scope.depth + 1)
        _bind_parameters(ev, current.node, arg, inner)
        current = ev.force(Lazy(body, inner))
    return current


def _bind_parameters(ev: Evaluator, function: Node, arg: Item, inner: Scope) -> None:
    universal = function.child_by_field_name("universal")
    if universal is not None:
        inner.names[inner.source.raw(universal)] = arg
    formals = function.child_by_field_name("formals")
    if formals is None:
        return
    given = ev.force(arg)
    for formal in formals.children_by_field_name("formal"):
        name_node = formal.child_by_field_name("name")
        if name_node is None:
            continue
        name = inner.source.raw(name_node)
        if not name:  # a trailing comma the grammar reads as an empty formal
            continue
        default = formal.child_by_field_name("default")
        inner.names[name] = _parameter(given, name, default, inner, arg)


def _parameter(given: Item, name: str, default: Node | None, inner: Scope, arg: Item) -> Item:
    if isinstance(given, StaticSet):
        entry = given.entries.get(name)
        if entry is not None:
            return entry.item
        if default is not None:
            return Lazy(default, inner)  # defaults may refer to the other parameters
        return Known(Dynamic(f"argument {name!r} missing (evaluation would fail)", ""))
    if isinstance(given, Symbol):
        return Pick(given, name, f"{given.text or given.root}.{name}")
    text = arg.scope.source.text(arg.node) if isinstance(arg, Lazy) else ""
    return Known(Dynamic(f"argument {name!r} only known at evaluation time", text))


def _elements(ev: Evaluator, item: Lazy) -> list[Item] | None:
    forced = ev.force(item)
    if isinstance(forced, Lazy) and KIND[forced.node.kind_id] == "list_expression":
        return [Lazy(el, forced.scope) for el in forced.node.children_by_field_name("element")]
    if isinstance(forced, Known) and isinstance(forced.value, NixList):
        return [Known(value) for value in forced.value.items]
    return None


def _user_function(ev: Evaluator, item: Lazy) -> Lazy | None:
    forced = ev.force(item)
    if isinstance(forced, Lazy) and KIND[forced.node.kind_id] == "function_expression":
        return forced
    return None


def map_list(ev: Evaluator, args: list[Lazy], node: Node, scope: Scope) -> Item | None:
    """``map f [ ... ]`` with a function of the module and a list written out: the list of results."""
    function, elements = _user_function(ev, args[0]), _elements(ev, args[1])
    if function is None or elements is None:
        return None
    results = [apply_function(ev, function, [el], node, scope) for el in elements]
    return Known(NixList(tuple(ev.value(result) for result in results)))


def gen_attrs(ev: Evaluator, args: list[Lazy], node: Node, scope: Scope) -> Item | None:
    """``lib.genAttrs [ "a" "b" ] f``: a set with one attribute per (known) name."""
    names, function = _elements(ev, args[0]), _user_function(ev, args[1])
    if names is None or function is None:
        return None
    location = scope.source.location(node)
    result = StaticSet()
    for name_item in names:
        name = ev.value(name_item)
        if not isinstance(name, NixString):
            return None
        value = apply_function(ev, function, [name_item], node, scope)
        result.entries[name.value] = Entry(value, location)
    return result
