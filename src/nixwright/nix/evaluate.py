"""The static evaluator: reads as much of an expression as is knowable without running Nix.

``force`` looks through variables, parentheses, ``let``, ``with``, selections, ``//`` and the
module-system functions until it reaches a shape (``items.Item``); ``value`` turns an item into a
public ``Value``, or ``Dynamic`` with the reason when evaluation would be needed.
"""

from __future__ import annotations

from nixwright.errors import NixwrightError
from nixwright.nix import calls, literals, setbuild
from nixwright.nix.items import (
    Cond,
    Item,
    Known,
    Lazy,
    Merge,
    Order,
    Override,
    Pick,
    Scope,
    StaticSet,
    Symbol,
)
from nixwright.nix.parse import KIND, Node
from nixwright.nix.strings import plain_body
from nixwright.nix.values import Dynamic, NixAttrs, NixBool, NixNull, NixString, PackageRef, Value

_GLOBALS_KNOWN: dict[str, Known] = {
    "true": Known(NixBool(value=True)),
    "false": Known(NixBool(value=False)),
    "null": Known(NixNull()),
}
# Names Nix binds in its base environment (besides true/false/null); they win over `with`.
_GLOBAL_FUNCTIONS = frozenset(
    {
        "abort", "baseNameOf", "break", "derivation", "derivationStrict", "dirOf", "fetchGit",
        "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import", "isNull", "map",
        "placeholder", "removeAttrs", "scopedImport", "throw", "toString",
    }
)  # fmt: skip


# Expressions that only wrap another one (in a new scope, for `let` and `with`).
_WRAPPERS = frozenset({"parenthesized_expression", "let_expression", "with_expression"})
_IN_PROGRESS = Known(Dynamic("being read"))
_SELF = Dynamic("refers to itself (infinite recursion)")
# Node kinds that are already in their final shape (their value is read by `literals`).
LITERALS = frozenset(
    {
        "string_expression", "indented_string_expression", "integer_expression", "float_expression",
        "list_expression", "path_expression", "hpath_expression", "spath_expression", "uri_expression",
        "function_expression", "unary_expression",
    }
)  # fmt: skip


# How deep the reader may go into nested expressions. The compiled reader (see setup.py) keeps no
# count of its own and would overflow the C stack on a pathological file; this bound, counted where
# every descent passes (``force``, ``emit``, ``value_of_node``), turns that into ``RecursionError``,
# which ``read`` reports as "nested too deeply". Pure Python stops earlier, at its own limit.
MAX_NESTING = 2000


class Evaluator:
    """Reads expressions statically; results are cached on the ``Lazy`` items themselves."""

    def __init__(self) -> None:
        self.calls = 0  # function calls followed so far (see lambdas.MAX_CALLS)
        self.depth = 0  # descents under way (see MAX_NESTING)
        self._valuing: set[int] = set()  # sets whose value is being built (cycle guard)
        self._picking: set[int] = set()  # `inherit (x) a;` being followed (cycle guard)

    def descend(self) -> None:
        """Count one level of descent (undone by ``self.depth -= 1``); too many is ``RecursionError``."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            self.depth -= 1
            raise RecursionError

    # --- names -------------------------------------------------------------------------------
    def lookup(self, name: str, scope: Scope, node: Node) -> Item:
        frame: Scope | None = scope
        while frame is not None:
            if frame.with_target is None and name in frame.names:
                return frame.names[name]
            frame = frame.parent
        known = _GLOBALS_KNOWN.get(name)
        if known is not None:
            return known
        if name == "builtins":
            return Symbol("builtins")
        if name in _GLOBAL_FUNCTIONS or name.startswith("__"):
            return Symbol("builtins", (name.removeprefix("__"),))
        text = scope.source.text(node)
        if name in calls.LIB_NAMES and self._lib_in_with(scope):
            # `with lib; with pkgs; optionals ...`: pkgs has no such attribute, so Nix finds lib's
            return Symbol("lib", (name,), text)
        frame = scope
        while frame is not None:
            if frame.with_target is not None:
                found = self._from_with(frame.with_target, name, text)
                if found is not None:
                    return found
            frame = frame.parent
        return Symbol("undefined", (name,), text)

    def _lib_in_with(self, scope: Scope) -> bool:
        frame: Scope | None = scope
        while frame is not None:
            if frame.with_target is not None:
                target = self.force(frame.with_target)
                if isinstance(target, Symbol) and target.root == "lib" and not target.path:
                    return True
            frame = frame.parent
        return False

    def _from_with(self, target: Item, name: str, text: str) -> Item | None:
        forced = self.force(target)
        if isinstance(forced, StaticSet):
            entry = forced.entries.get(name)
            return entry.item if entry is not None else None
        if isinstance(forced, Symbol):
            if forced.root == "lib" and not forced.path and name not in calls.LIB_NAMES:
                return None
            return forced.select((name,), text)
        return Symbol("undefined", (name,), text)

    # --- shapes ------------------------------------------------------------------------------
    def force(self, item: Item) -> Item:
        if not isinstance(item, Lazy):
            return self._pick(item) if isinstance(item, Pick) else item
        forced = item.forced
        if forced is not None:
            if forced is _IN_PROGRESS:
                return Known(
                    Dynamic("refers to itself (infinite recursion)", item.scope.source.text(item.node))
                )
            return forced
        if KIND[item.node.kind_id] in LITERALS:  # already in its final shape
            item.forced = item
            return item
        item.forced = _IN_PROGRESS
        self.depth += 1
        try:
            if self.depth > MAX_NESTING:
                raise RecursionError
            result = self._force_node(item)
        finally:
            item.forced = None
            self.depth -= 1
        item.forced = result
        return result

    def _force_node(self, item: Lazy) -> Item:
        node, scope = item.node, item.scope
        kind = KIND[node.kind_id]
        if kind in LITERALS:
            return item
        if kind in _WRAPPERS:
            return self.force(self._unwrap(node, scope, kind))
        if kind == "variable_expression":  # the node is exactly its name
            return self.force(self.lookup(scope.source.raw(node), scope, node))
        if kind == "select_expression":
            return self._select(node, scope)
        if kind in ("attrset_expression", "rec_attrset_expression"):
            return self.static_set(node, scope, rec=kind == "rec_attrset_expression")
        if kind == "apply_expression":
            return calls.apply(self, node, scope)
        if kind == "assert_expression":  # an assertion checks; the value is its body's
            return self.force(Lazy(_expr(node, "body"), scope))
        if kind == "if_expression":
            cond = self.value(Lazy(_expr(node, "condition"), scope))
            if isinstance(cond, NixBool):
                branch = "consequence" if cond.value else "alternative"
                return self.force(Lazy(_expr(node, branch), scope))
            return item
        if kind == "binary_expression" and _operator(node) == "//":
            left = self.force(Lazy(_expr(node, "left"), scope))
            right = self.force(Lazy(_expr(node, "right"), scope))
            if isinstance(left, StaticSet) and isinstance(right, StaticSet):
                return StaticSet({**left.entries, **right.entries}, left.dynamic + right.dynamic)
            if _set_like(self, left) and _set_like(self, right):
                # `x // lib.optionalAttrs c y`: read as x plus y under the condition (a conditional
                # override of a name in x then shows as two definitions, as it would with mkMerge)
                return Merge([left, right])
            return item
        return item

    def peel(self, item: Lazy) -> Lazy:
        """The expression inside any parentheses, ``let`` and ``with`` around ``item``, in the scope
        they make (where ``force`` would go on from)."""
        while (kind := KIND[item.node.kind_id]) in _WRAPPERS:
            item = self._unwrap(item.node, item.scope, kind)
        return item

    def _unwrap(self, node: Node, scope: Scope, kind: str) -> Lazy:
        if kind == "parenthesized_expression":
            return Lazy(_expr(node, "expression"), scope)
        if kind == "let_expression":
            inner = scope.child()
            bindings = setbuild.binding_set_of(node)
            if bindings is not None:
                self.fill_names(bindings, inner, node)
            return Lazy(_expr(node, "body"), inner)
        env = Lazy(_expr(node, "environment"), scope)  # `with`
        return Lazy(_expr(node, "body"), scope.child(with_target=env))

    def _pick(self, pick: Pick) -> Item:
        source = self.force(pick.source)
        if isinstance(source, Symbol):
            return source.select((pick.name,), pick.text)
        if isinstance(source, StaticSet):
            entry = source.entries.get(pick.name)
            if entry is not None:
                if id(pick) in self._picking:  # `s = { inherit (s) a; }`: `s.a` is itself
                    return Known(Dynamic("refers to itself (infinite recursion)", pick.text))
                self._picking.add(id(pick))
                try:
                    return self.force(entry.item)
                finally:
                    self._picking.discard(id(pick))
            return Known(Dynamic(f"attribute {pick.name!r} missing (evaluation would fail)", pick.text))
        return Known(Dynamic("inherits from a value only known at evaluation time", pick.text))

    def _select(self, node: Node, scope: Scope) -> Item:
        base = self.force(self.node_item(_expr(node, "expression"), scope))  # `lib`, `config`: looked up
        parts = self.attr_names(node.child_by_field_name("attrpath"), scope)
        text = scope.source.text(node)
        if parts and type(base) is Symbol and not parts[0][1]:  # `lib.mkIf`, `config.a.b`, `pkgs.x`
            return base.select(tuple([name for name, _ in parts]), text)
        current: Item = base
        for index, (name, dynamic) in enumerate(parts):
            if dynamic:
                return Known(Dynamic("selects an attribute whose name is computed", text))
            if isinstance(current, Symbol):
                rest = tuple(n for n, _ in parts[index:])
                return current.select(rest, text)
            if isinstance(current, StaticSet):
                entry = current.entries.get(name)
                if entry is None:
                    default = node.child_by_field_name("default")
                    if default is not None:
                        return self.force(Lazy(default, scope))
                    if current.dynamic:
                        return Known(Dynamic("selects from a set with computed names", text))
                    return Known(Dynamic(f"attribute {name!r} missing (evaluation would fail)", text))
                current = self.force(entry.item)
                continue
            return Known(Dynamic("selects from a value only known at evaluation time", text))
        return current

    # --- attribute sets ----------------------------------------------------------------------
    def attr_names(self, attrpath: Node | None, scope: Scope) -> list[tuple[str, bool]]:
        """The names of an attribute path; ``(text, True)`` for a name only known at evaluation."""
        if attrpath is None:
            return []
        return self.names_of(attrpath.children_by_field_name("attr"), scope)

    def names_of(self, attrs: list[Node], scope: Scope) -> list[tuple[str, bool]]:
        """``attr_names`` for the attribute nodes of a path."""
        data = scope.source.data
        names: list[tuple[str, bool]] = []
        for attr in attrs:
            kind = KIND[attr.kind_id]
            if kind == "identifier":
                names.append((data[attr.start_byte : attr.end_byte].decode("utf-8", "replace"), False))
            elif kind == "string_expression" and (plain := plain_body(attr, data)) is not None:
                names.append((plain.decode("utf-8", "replace"), False))
            else:
                names.append(self.attr_name(attr, scope))
        return names

    def attr_name(self, attr: Node, scope: Scope) -> tuple[str, bool]:
        if KIND[attr.kind_id] == "identifier":
            return scope.source.raw(attr), False
        expr = attr if KIND[attr.kind_id] == "string_expression" else attr.child_by_field_name("expression")
        value = self.value(Lazy(expr, scope)) if expr is not None else None
        if isinstance(value, NixString):
            return value.value, False
        text = scope.source.text(attr)
        if KIND[attr.kind_id] == "string_expression" and len(text) >= 2:
            text = text[1:-1]
        return text, True

    def static_set(self, node: Node, scope: Scope, rec: bool = False) -> StaticSet:
        result = StaticSet(origin=(node.id, id(scope)))
        bindings = setbuild.binding_set_of(node)
        if bindings is not None:
            inner = scope.child() if rec else scope
            self.fill_set(bindings, scope, inner, result, None if rec else node)
            if rec:
                inner.names.update({k: e.item for k, e in result.entries.items()})
        return result

    def fill_names(self, bindings: Node, target: Scope, owner: Node) -> None:
        """Bind a ``let`` block's names into ``target`` (``let`` is recursive: values see ``target``;
        ``inherit x;`` looks in the enclosing scope)."""
        collected = StaticSet()
        self.fill_set(bindings, target.parent or target, target, collected, owner)
        target.names.update({k: e.item for k, e in collected.entries.items()})

    def fill_set(
        self, bindings: Node, outer: Scope, inner: Scope, result: StaticSet, owner: Node | None = None
    ) -> None:
        """Add the bindings of a ``binding_set`` to ``result`` (nested paths become nested sets).

        ``outer`` is where ``inherit`` looks names up, ``inner`` is where values are read. ``owner``
        is the set literal or ``let`` the bindings belong to, when its first token opens them; it is
        noted as repeat-free (see ``SourceFile``) when every binding starts with a new, plain name.
        """
        clean = True
        for binding in bindings.named_children:
            kind = KIND[binding.kind_id]
            if kind == "binding":
                if not setbuild.add_binding(self, binding, inner, result):
                    clean = False
            elif kind in ("inherit", "inherit_from"):
                clean = False
                setbuild.add_inherit(self, binding, outer, inner, result)
        if clean and owner is not None:
            inner.source.repeat_free.add(owner.start_byte)

    # --- nodes read once -----------------------------------------------------------------------
    def node_item(self, node: Node, scope: Scope, kind: str = "") -> Item:
        """What ``Lazy(node, scope)`` stands for, looked up at once for a name or a selection (the
        common cases; a node read only once gains nothing from a cached ``Lazy``). ``kind`` is
        ``node.type`` when known."""
        kind = kind or KIND[node.kind_id]
        if kind == "variable_expression":
            return self.lookup(scope.source.raw(node), scope, node)
        if kind == "select_expression":
            return self._select(node, scope)
        return Lazy(node, scope)

    def node_value(self, node: Node, scope: Scope) -> Value:
        """``value(Lazy(node, scope))`` for a node read only once."""
        kind = KIND[node.kind_id]
        if kind in LITERALS:
            return literals.value_of_node(self, node, scope, kind)
        item = self.node_item(node, scope, kind)
        if type(item) is Known:
            return item.value
        if type(item) is Symbol:
            return symbol_value(item)
        return self.value(item)

    # --- values ------------------------------------------------------------------------------
    def value(self, item: Item) -> Value:
        if type(item) is not Lazy:
            return self._value_of(self.force(item))
        if item.computed is not None:  # the value, or _SELF while it is being worked out
            return item.computed
        item.computed = _SELF  # `let x = [ x ];`: met again inside its own value, it refers to itself
        try:
            forced = item if KIND[item.node.kind_id] in LITERALS else self.force(item)
            if type(forced) is Lazy and forced.node.id == item.node.id:  # force left the node as it is
                result = literals.value_of_node(self, forced.node, forced.scope)
            else:
                result = self._value_of(forced)
        except BaseException:
            item.computed = None
            raise
        item.computed = result
        return result

    def _value_of(self, item: Item) -> Value:
        if isinstance(item, Known):
            return item.value
        if isinstance(item, Lazy):  # another node, valued on its own (and guarded there)
            return self.value(item)
        if isinstance(item, StaticSet):
            if item.dynamic:
                return Dynamic("attribute set with names computed at evaluation time", item.dynamic[0][0])
            if id(item) in self._valuing:
                return Dynamic("refers to itself (infinite recursion)")
            self._valuing.add(id(item))
            try:
                return NixAttrs(tuple((k, self.value(e.item)) for k, e in item.entries.items()))
            finally:
                self._valuing.discard(id(item))
        if isinstance(item, Symbol):
            return symbol_value(item)
        if isinstance(item, Cond):
            if item.empty is None:
                return Dynamic("lib.mkIf inside a value (NixOS accepts it only as a whole definition)", "")
            return Dynamic(f"only when {item.condition}", "")
        if isinstance(item, Override | Order):
            return self.value(item.item)
        if isinstance(item, Merge):
            return Dynamic("lib.mkMerge of several definitions", "")
        return Dynamic("not understood", "")


def _set_like(ev: Evaluator, item: Item) -> bool:
    seen: set[int] = set()
    while isinstance(item, Cond | Override):
        if id(item) in seen:  # `let x = lib.optionals c x;`: a condition around itself
            return False
        seen.add(id(item))
        item = ev.force(item.item)
    if isinstance(item, Known):
        return isinstance(item.value, NixAttrs)
    return isinstance(item, StaticSet)


def symbol_value(symbol: Symbol) -> Value:
    text = symbol.text or ".".join((symbol.root, *symbol.path))
    if symbol.root == "pkgs":
        if symbol.path:
            return PackageRef(".".join(symbol.path))
        return Dynamic("the whole package set", text)
    if symbol.root == "config":
        return Dynamic(f"depends on config.{'.'.join(symbol.path)}", text)
    if symbol.root == "undefined":
        return Dynamic(f"undefined variable {symbol.path[0]!r}", text)
    if symbol.root == "arg":
        return Dynamic("depends on a module argument", text)
    return Dynamic(f"refers to {symbol.root}", text)


def _expr(node: Node, field: str) -> Node:
    child = node.child_by_field_name(field)
    if child is None:  # the parser rejects trees with missing parts; this guards the type only
        raise NixwrightError(f"malformed {KIND[node.kind_id].replace('_', ' ')}: no {field}")
    return child


def _operator(node: Node) -> str:
    op = node.child_by_field_name("operator")
    return KIND[op.kind_id] if op is not None else ""
