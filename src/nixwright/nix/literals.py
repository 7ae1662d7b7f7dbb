"""Values of the expressions ``force`` leaves as they are: literals, lists, strings, operators."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.nix.items import Lazy, Scope
from nixwright.nix.parse import KIND, Node
from nixwright.nix.strings import Piece, indented_string_pieces, plain_body, string_pieces
from nixwright.nix.values import (
    Dynamic,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    Value,
)

if TYPE_CHECKING:
    from nixwright.nix.evaluate import Evaluator

# Literals whose value needs no scope lookups first (``ev.value`` would come straight back here).
_PLAIN = frozenset(
    {"string_expression", "indented_string_expression", "integer_expression", "float_expression"}
)
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1


def value_of_node(ev: Evaluator, node: Node, scope: Scope, kind: str = "") -> Value:
    """The value of an expression ``force`` leaves as it is; ``kind`` is ``node.type`` when known."""
    ev.descend()
    try:
        return _value_of_node(ev, node, scope, kind)
    finally:
        ev.depth -= 1


def _value_of_node(ev: Evaluator, node: Node, scope: Scope, kind: str) -> Value:
    kind = kind or KIND[node.kind_id]
    src = scope.source
    if kind == "string_expression":  # the kinds in the order they are most often met
        plain = plain_body(node, src.data)
        if plain is not None:  # the usual "text"
            return NixString(plain.decode("utf-8", "replace"))
        return _string(ev, string_pieces(node, src.data), scope, node, multiline=False)
    if kind == "list_expression":
        return NixList(
            tuple([ev.node_value(element, scope) for element in node.children_by_field_name("element")])
        )
    if kind == "integer_expression":
        number = int(src.text(node))
        return NixInt(number) if number <= INT_MAX else Dynamic("integer too large for Nix", src.text(node))
    if kind == "float_expression":
        return NixFloat(float(src.text(node)))
    if kind == "indented_string_expression":
        return _string(ev, indented_string_pieces(node, src.data), scope, node, multiline=True)
    if kind in ("path_expression", "hpath_expression"):
        if any(KIND[child.kind_id] == "interpolation" for child in node.children):
            return Dynamic("path built from an interpolation", src.text(node))
        return NixPath(src.text(node))
    if kind == "spath_expression":
        return NixPath(src.text(node))
    if kind == "uri_expression":
        return NixString(src.text(node))
    if kind == "unary_expression":
        return _unary(ev, node, scope)
    if kind == "binary_expression":
        from nixwright.nix.operators import binary_value

        return binary_value(ev, node, scope)
    if kind == "function_expression":
        return Dynamic("a function", src.text(node))
    if kind == "apply_expression":
        return Dynamic(f"result of calling {_callee(node, scope)}", src.text(node))
    if kind == "if_expression":
        cond = node.child_by_field_name("condition")
        cond_text = src.text(cond) if cond is not None else "?"
        return Dynamic(f"chosen by the condition {cond_text}", src.text(node))
    if kind == "assert_expression":
        body = node.child_by_field_name("body")
        return ev.value(Lazy(body, scope)) if body is not None else Dynamic("assertion", src.text(node))
    if kind == "has_attr_expression":
        return Dynamic("tests whether an attribute exists", src.text(node))
    if kind in {"binding_set", "comment"}:
        return Dynamic("not an expression", src.text(node))
    return Dynamic(f"{kind.replace('_expression', '').replace('_', ' ')} not read statically", src.text(node))


def _string(ev: Evaluator, pieces: list[Piece], scope: Scope, node: Node, multiline: bool) -> Value:
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        value = ev.node_value(piece, scope)
        if isinstance(value, NixString):
            out.append(value.value)
        elif isinstance(value, NixInt | NixFloat | NixBool | NixNull):
            return Dynamic(
                "interpolates a value that is not a string (evaluation would fail)", scope.source.text(node)
            )
        elif isinstance(value, PackageRef):
            return Dynamic(f"interpolates the store path of pkgs.{value.attr_path}", scope.source.text(node))
        elif isinstance(value, Dynamic):
            return Dynamic(
                f"interpolates a value only known at evaluation time ({value.reason})",
                scope.source.text(node),
            )
        else:
            return Dynamic(
                "interpolates a path or another value copied to the store", scope.source.text(node)
            )
    return NixString("".join(out), multiline=multiline)


def _unary(ev: Evaluator, node: Node, scope: Scope) -> Value:
    operator = node.child_by_field_name("operator")
    argument = node.child_by_field_name("argument")
    text = scope.source.text(node)
    if operator is None or argument is None:
        return Dynamic("incomplete expression", text)
    value = ev.value(Lazy(argument, scope))
    op = KIND[operator.kind_id]
    if op == "-" and isinstance(value, NixInt) and -value.value >= INT_MIN:
        return NixInt(-value.value)
    if op == "-" and isinstance(value, NixFloat):
        return NixFloat(-value.value)
    if op == "!" and isinstance(value, NixBool):
        return NixBool(not value.value)
    if isinstance(value, Dynamic):
        return Dynamic(value.reason, text)
    return Dynamic(f"operator {op} on a value that does not support it", text)


def _callee(node: Node, scope: Scope) -> str:
    function = node
    while KIND[function.kind_id] == "apply_expression":
        inner = function.child_by_field_name("function")
        if inner is None:
            break
        function = inner
    return scope.source.text(function, limit=60)
