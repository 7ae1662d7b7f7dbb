"""Turning the config part of a module into leaf ``Definition``s.

Attribute sets written in the source are walked into, so ``services.nginx = { enable = true; }``
gives the leaf ``services.nginx.enable``. ``lib.mkIf``/``optional*`` add a condition, ``mkDefault``/
``mkForce``/``mkOverride`` set the priority, ``mkBefore``/``mkAfter``/``mkOrder`` the order and
``mkMerge`` gives each of its parts. Lists, ``{ }``, scalars and anything dynamic are leaves. A list
built as ``xs ++ lib.optionals c ys`` gives one definition for the unconditional items and one, with
the condition, per conditional part: for list options the module system merges them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from nixwright.errors import SourceLocation
from nixwright.nix.evaluate import LITERALS, Evaluator, symbol_value
from nixwright.nix.items import Cond, Item, Known, Lazy, Merge, Order, Override, Scope, StaticSet, Symbol
from nixwright.nix.literals import value_of_node
from nixwright.nix.parse import KIND, Node
from nixwright.nix.setbuild import binding_set_of
from nixwright.nix.strings import plain_body
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    Definition,
    Dynamic,
    NixAttrs,
    NixList,
    Unreadable,
    Value,
)

_LOOKED_UP = frozenset({"variable_expression", "select_expression"})


class Context(NamedTuple):
    location: SourceLocation
    priority: int = PRIORITY_DEFAULT_PLAIN
    conditions: tuple[str, ...] = ()
    order: str | None = None
    dynamic_key: bool = False


@dataclass
class Collected:
    definitions: list[Definition] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    # sets being walked into (cycle guard): a set's origin (see ``StaticSet``), else its id
    walking: set[tuple[int, int] | int] = field(default_factory=set)


def emit(ev: Evaluator, item: Item, prefix: tuple[str, ...], ctx: Context, out: Collected) -> None:
    """Collect the definitions ``item`` makes under ``prefix``."""
    ev.descend()
    try:
        _emit(ev, item, prefix, ctx, out)
    finally:
        ev.depth -= 1


def _emit(ev: Evaluator, item: Item, prefix: tuple[str, ...], ctx: Context, out: Collected) -> None:
    if type(item) is Lazy:
        kind = KIND[item.node.kind_id]
        if kind in LITERALS:  # the common leaf, read directly
            _leaf(value_of_node(ev, item.node, item.scope, kind), prefix, ctx, out, "")
            return
        if kind == "attrset_expression" and prefix and emit_literal_set(ev, item, prefix, ctx, out):
            return
        if kind == "variable_expression":  # forcing would give what the name stands for
            item = ev.node_item(item.node, item.scope, kind)
    forced = ev.force(item)
    if type(forced) is Known and not isinstance(forced.value, NixAttrs):  # `true`, say
        _leaf(forced.value, prefix, ctx, out, "")
        return
    if isinstance(forced, StaticSet | Cond | Override | Order | Merge):
        key: tuple[int, int] | int = id(forced)
        if isinstance(forced, StaticSet):
            if not forced.entries and not forced.dynamic:
                _leaf(NixAttrs(), prefix, ctx, out, "")
                return
            key = forced.origin or key
        # a set containing itself (`rec { self = ...; }`), a definition made of itself (`let x =
        # lib.mkIf c x;`)
        if key in out.walking:
            _leaf(Dynamic("refers to itself (infinite recursion)"), prefix, ctx, out, "")
            return
        out.walking.add(key)
        try:
            if isinstance(forced, StaticSet):
                _emit_set(ev, forced, prefix, ctx, out)
            else:
                _emit_wrapped(ev, forced, prefix, ctx, out)
        finally:
            out.walking.discard(key)
        return
    if isinstance(forced, Known) and isinstance(forced.value, NixAttrs) and forced.value.entries:
        _emit_attrs(forced.value, prefix, ctx, out)
        return
    if (
        isinstance(forced, Lazy)
        and KIND[forced.node.kind_id] == "binary_expression"
        and _operands(forced.node, "++") is not None
        and _emit_concatenation(ev, forced, prefix, ctx, out)
    ):
        return
    text = (
        forced.scope.source.text(forced.node) if not prefix and isinstance(forced, Lazy) else ""
    )  # see _leaf
    _leaf(ev.value(forced), prefix, ctx, out, text)


def _emit_wrapped(
    ev: Evaluator,
    forced: Cond | Override | Order | Merge,
    prefix: tuple[str, ...],
    ctx: Context,
    out: Collected,
) -> None:
    """What ``lib.mkIf``, ``mkDefault`` and friends, ``mkBefore`` and friends and ``mkMerge`` wrap."""
    if isinstance(forced, Cond):
        if forced.known is True:
            emit(ev, forced.item, prefix, ctx, out)
        elif forced.known is None:
            location, priority, conditions, order, dynamic_key = ctx
            conditions = (*conditions, forced.condition)
            emit(ev, forced.item, prefix, Context(location, priority, conditions, order, dynamic_key), out)
    elif isinstance(forced, Override):
        location, _, conditions, order, dynamic_key = ctx
        emit(ev, forced.item, prefix, Context(location, forced.priority, conditions, order, dynamic_key), out)
    elif isinstance(forced, Order):
        location, priority, conditions, _, dynamic_key = ctx
        emit(ev, forced.item, prefix, Context(location, priority, conditions, forced.order, dynamic_key), out)
    else:
        for part in forced.items:
            emit(ev, part, prefix, ctx, out)


def _emit_set(
    ev: Evaluator, forced: StaticSet, prefix: tuple[str, ...], ctx: Context, out: Collected
) -> None:
    priority, conditions, order, dynamic_key = ctx.priority, ctx.conditions, ctx.order, ctx.dynamic_key
    condition = join_conditions(conditions) if conditions else None
    definitions = out.definitions
    for name, entry in forced.entries.items():
        item = entry.item
        if type(item) is Lazy:
            value, pending = _at_once(ev, item.node, item.scope, item)
            if pending is not None:
                item = pending
            elif value is not None:
                definitions.append(
                    Definition(
                        (*prefix, name), value, entry.location, priority, condition, order,
                        dynamic_key or entry.dynamic_key,
                    )
                )  # fmt: skip
                continue
        sub = Context(entry.location, priority, conditions, order, dynamic_key or entry.dynamic_key)
        emit(ev, item, (*prefix, name), sub, out)
    for key, entry in forced.dynamic:
        sub = Context(entry.location, ctx.priority, ctx.conditions, ctx.order, dynamic_key=True)
        emit(ev, entry.item, (*prefix, key), sub, out)


def _at_once(
    ev: Evaluator, node: Node, scope: Scope, lazy: Lazy | None = None
) -> tuple[Value, None] | tuple[None, Item]:
    """The value of a definition when it is known at once (a literal, ``true``, ``pkgs.x``: the common
    leaves), else what to emit for it (``lazy``, the node's cached wrapper, when it has one).

    ``node`` is read here without a wrapper of its own only when ``lazy`` is None: a binding of a set
    literal emitted straight from the syntax, which nothing else refers to."""
    kind = KIND[node.kind_id]
    if kind in LITERALS:
        return value_of_node(ev, node, scope, kind), None
    # A selection is worked out anew each time, so one with a cached wrapper is forced through it:
    # that is what stops `let x = (rec { a = { b = x; }; }).a;` where it refers to itself.
    if kind not in _LOOKED_UP or (lazy is not None and kind != "variable_expression"):
        return None, lazy if lazy is not None else Lazy(node, scope)
    item = ev.node_item(node, scope, kind)  # what forcing `Lazy(node, scope)` would start from
    if type(item) is Known and not isinstance(item.value, NixAttrs):
        return item.value, None
    if type(item) is Symbol:
        return symbol_value(item), None
    if type(item) is Lazy and KIND[item.node.kind_id] in LITERALS:
        # a literal bound to a name, valued through its wrapper: `let s = { t = [ s ]; }; in s.t`
        # meets `t` again inside its own value
        return ev.value(item), None
    return None, item


# One binding of a set literal: its names, value and binding nodes, and the positions of names not
# plainly written (``"${…}"`` known statically), or None when all are.
_Row = tuple[tuple[str, ...], Node, Node, "list[int] | None"]
_Tree = dict[str, "_Tree | _Row"]  # names made by paths, down to the binding each path ends in


def emit_literal_set(
    ev: Evaluator,
    item: Lazy,
    prefix: tuple[str, ...],
    ctx: Context,
    out: Collected,
    *,
    reserved: frozenset[str] = frozenset(),
) -> bool:
    """Emit a set literal straight from its bindings when nothing in it needs building.

    That is: only ``name.path = value;`` bindings whose names are known, where paths that share
    their first names only meet in sets the paths make (``a.b = 1; a.c = 2;``), and no first name
    is in ``reserved``. Building the ``StaticSet`` and walking it gives the same definitions, in the
    same order (a merged set's names in the order first written), more slowly; any other set (and
    an empty one) is left to that path (returns False).
    """
    node, scope = item.node, item.scope
    bindings = binding_set_of(node)
    if bindings is None:
        return False
    data = scope.source.data
    rows: list[_Row] = []
    seen: set[str] = set()
    merging = False
    for binding in bindings.named_children:
        kind = KIND[binding.kind_id]
        if kind != "binding":
            if kind == "comment":
                continue
            return False
        attrpath = binding.child_by_field_name("attrpath")
        value = binding.child_by_field_name("expression")
        if attrpath is None or value is None:
            return False
        names: list[str] = []
        unplain: list[int] | None = None
        for attr in attrpath.children_by_field_name("attr"):
            attr_kind = KIND[attr.kind_id]
            if attr_kind == "identifier":
                names.append(data[attr.start_byte : attr.end_byte].decode("utf-8", "replace"))
            elif attr_kind == "string_expression" and (body := plain_body(attr, data)) is not None:
                names.append(body.decode("utf-8", "replace"))
            else:
                name, dynamic = ev.attr_name(attr, scope)
                if dynamic:
                    return False
                unplain = [*(unplain or ()), len(names)]
                names.append(name)
        if not names or names[0] in reserved:
            return False
        if names[0] in seen:
            merging = True
        else:
            seen.add(names[0])
        rows.append((tuple(names), value, binding, unplain))
    if not rows:
        return False
    repeat_free = True
    if merging:
        merged = _merged(rows)
        if merged is None:
            return False
        rows, repeat_free = merged
    if repeat_free:
        scope.source.repeat_free.add(node.start_byte)
    key = (node.id, id(scope))
    if key in out.walking:  # a set containing itself, reached again through a name
        _leaf(Dynamic("refers to itself (infinite recursion)"), prefix, ctx, out, "")
        return True
    out.walking.add(key)
    try:
        priority, conditions, order, dynamic_key = ctx.priority, ctx.conditions, ctx.order, ctx.dynamic_key
        condition = join_conditions(conditions) if conditions else None
        definitions = out.definitions
        location_of = scope.source.location
        for parts, value, binding, _ in rows:
            location = location_of(binding)
            path = (*prefix, *parts)
            found, pending = _at_once(ev, value, scope)
            if found is not None:
                definitions.append(Definition(path, found, location, priority, condition, order, dynamic_key))
            elif pending is not None:
                emit(ev, pending, path, Context(location, priority, conditions, order, dynamic_key), out)
    finally:
        out.walking.discard(key)
    return True


def _merged(rows: list[_Row]) -> tuple[list[_Row], bool] | None:
    """Bindings whose paths share first names, in the order Nix's merged set has them, and whether
    Nix's parser can find no name defined twice among them (see ``duplicates``: a path entering a
    set another path made must be plainly written there). None when a path ends where another goes
    on or ends too (``a = 1; a.b = 2;``): Nix merges that or rejects it, which ``StaticSet`` reads.
    """
    tree: _Tree = {}
    repeat_free = True
    for row in rows:
        names, unplain = row[0], row[3]
        level = tree
        for index in range(len(names) - 1):
            sub = level.get(names[index])
            if sub is None:
                made: _Tree = {}
                level[names[index]] = made
                level = made
                continue
            if not isinstance(sub, dict):
                return None
            if unplain is not None and index in unplain:
                repeat_free = False
            level = sub
        if names[-1] in level:
            return None
        level[names[-1]] = row
    ordered: list[_Row] = []
    _in_order(tree, ordered)
    return ordered, repeat_free


def _in_order(tree: _Tree, ordered: list[_Row]) -> None:
    for sub in tree.values():
        if isinstance(sub, dict):
            _in_order(sub, ordered)
        else:
            ordered.append(sub)


def _emit_attrs(value: NixAttrs, prefix: tuple[str, ...], ctx: Context, out: Collected) -> None:
    for name, sub in value.entries:
        if isinstance(sub, NixAttrs) and sub.entries:
            _emit_attrs(sub, (*prefix, name), ctx, out)
        else:
            _leaf(sub, (*prefix, name), ctx, out, "")


def _list_parts(
    ev: Evaluator, item: Item, conditions: tuple[str, ...], within: frozenset[int] = frozenset()
) -> list[tuple[tuple[str, ...], Item]]:
    """The parts of ``xs ++ ys ++ …``, each with the conditions it is under; ``within`` holds the
    concatenations and conditions being split, by identity (`let x = [ 1 ] ++ x;` refers to itself)."""
    forced = ev.force(item)
    if isinstance(forced, Lazy) and KIND[forced.node.kind_id] == "binary_expression":
        parts = _operands(forced.node, "++")
        if parts is not None:
            if id(forced) in within:
                return [(conditions, Known(Dynamic("refers to itself (infinite recursion)")))]
            inner = within | {id(forced)}
            left, right = parts
            return _list_parts(ev, Lazy(left, forced.scope), conditions, inner) + _list_parts(
                ev, Lazy(right, forced.scope), conditions, inner
            )
    if isinstance(forced, Cond) and forced.known is None:
        if id(forced) in within:  # `let x = lib.optionals c x;`
            return [(conditions, Known(Dynamic("refers to itself (infinite recursion)")))]
        return _list_parts(ev, forced.item, (*conditions, forced.condition), within | {id(forced)})
    return [(conditions, forced)]


def _emit_concatenation(
    ev: Evaluator, item: Lazy, prefix: tuple[str, ...], ctx: Context, out: Collected
) -> bool:
    parts = _list_parts(ev, item, ())
    if all(not conditions for conditions, _ in parts):
        return False
    plain: list[Value] = []
    plain_seen = False
    for conditions, part in parts:
        if conditions:
            continue
        plain_seen = True
        value = ev.value(part)
        if not isinstance(value, NixList):
            return False
        plain.extend(value.items)
    if plain_seen:
        _leaf(NixList(tuple(plain)), prefix, ctx, out, "")
    for conditions, part in parts:
        if conditions:
            location, priority, outer, order, dynamic_key = ctx
            sub = Context(location, priority, (*outer, *conditions), order, dynamic_key)
            _leaf(ev.value(part), prefix, sub, out, "")
    return True


def _operands(node: Node, operator: str) -> tuple[Node, Node] | None:
    """``a <operator> b`` -> (``a``, ``b``); None for another operator."""
    children = node.children
    if len(children) == 3:  # no comment between (comments are the only extra nodes)
        left, op, right = children
        return (left, right) if KIND[op.kind_id] == operator else None
    op_node = node.child_by_field_name("operator")
    left_node = node.child_by_field_name("left")
    right_node = node.child_by_field_name("right")
    if op_node is None or left_node is None or right_node is None or KIND[op_node.kind_id] != operator:
        return None
    return left_node, right_node


def join_conditions(conditions: tuple[str, ...]) -> str | None:
    if not conditions:
        return None
    if len(conditions) == 1:
        return conditions[0]
    return " && ".join(_wrapped(c) for c in conditions)


def _wrapped(condition: str) -> str:
    simple = condition.replace(".", "").replace("_", "").replace("-", "").replace("'", "")
    if simple.isalnum() or (condition.startswith("(") and condition.endswith(")")):
        return condition
    return f"({condition})"


def _leaf(value: Value, prefix: tuple[str, ...], ctx: Context, out: Collected, text: str) -> None:
    if not prefix:
        reason = value.reason if isinstance(value, Dynamic) else "not an attribute set of definitions"
        out.unreadable.append(
            Unreadable(f"module body not read: {reason}", text or _text_of(value), ctx.location)
        )
        return
    condition = join_conditions(ctx.conditions) if ctx.conditions else None
    out.definitions.append(
        Definition(prefix, value, ctx.location, ctx.priority, condition, ctx.order, ctx.dynamic_key)
    )


def _text_of(value: Value) -> str:
    return value.text if isinstance(value, Dynamic) else ""
