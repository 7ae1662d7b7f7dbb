"""Binary operators on values known statically: ``++``, ``+``, arithmetic, comparisons, logic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.nix.items import Lazy, Scope
from nixwright.nix.literals import INT_MAX, INT_MIN
from nixwright.nix.parse import KIND, Node
from nixwright.nix.values import (
    Dynamic,
    NixAttrs,
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

_SIMPLE = (NixBool, NixInt, NixFloat, NixString, NixPath, NixNull, NixList, NixAttrs, PackageRef)


def binary_value(ev: Evaluator, node: Node, scope: Scope) -> Value:
    text = scope.source.text(node)
    op_node = node.child_by_field_name("operator")
    left_node = node.child_by_field_name("left")
    right_node = node.child_by_field_name("right")
    if op_node is None or left_node is None or right_node is None:
        return Dynamic("incomplete expression", text)
    op = KIND[op_node.kind_id]
    left = ev.value(Lazy(left_node, scope))
    if op in ("&&", "||", "->") and isinstance(left, NixBool):
        short = {"&&": not left.value, "||": left.value, "->": not left.value}[op]
        if short:
            return NixBool(op != "&&")
    right = ev.value(Lazy(right_node, scope))
    for side in (left, right):
        if isinstance(side, Dynamic):
            return Dynamic(side.reason, text)
    result = _apply(op, left, right)
    return (
        result
        if result is not None
        else Dynamic(f"operator {op} on values it does not combine statically", text)
    )


def _apply(op: str, left: Value, right: Value) -> Value | None:
    if op == "++":
        if isinstance(left, NixList) and isinstance(right, NixList):
            return NixList(left.items + right.items)
        return None
    if op == "//":
        if isinstance(left, NixAttrs) and isinstance(right, NixAttrs):
            merged = dict(left.entries)
            merged.update(right.entries)
            return NixAttrs(tuple(merged.items()))
        return None
    if op in ("&&", "||", "->"):
        if isinstance(right, NixBool):
            return right  # the left side was a bool that did not decide the result
        return None
    if op in ("==", "!="):
        if isinstance(left, _SIMPLE) and isinstance(right, _SIMPLE):
            same = _same(left, right)
            return NixBool(same if op == "==" else not same)
        return None
    if op == "+":
        return _plus(left, right)
    if op in ("-", "*", "/", "<", ">", "<=", ">="):
        return _arithmetic(op, left, right)
    return None


def _same(left: Value, right: Value) -> bool:
    if isinstance(left, NixInt | NixFloat) and isinstance(right, NixInt | NixFloat):
        return float(left.value) == float(right.value)
    if isinstance(left, NixString) and isinstance(right, NixString):
        return left.value == right.value
    return left == right


def _plus(left: Value, right: Value) -> Value | None:
    if isinstance(left, NixString) and isinstance(right, NixString):
        return NixString(left.value + right.value, multiline=left.multiline or right.multiline)
    if (
        isinstance(left, NixPath)
        and isinstance(right, NixString)
        and right.value.startswith("/")
        and not left.value.startswith("<")
    ):
        return NixPath(left.value.rstrip("/") + right.value)
    return _arithmetic("+", left, right)


def _arithmetic(op: str, left: Value, right: Value) -> Value | None:
    if not (isinstance(left, NixInt | NixFloat) and isinstance(right, NixInt | NixFloat)):
        return None
    a, b = left.value, right.value
    if op in ("<", ">", "<=", ">="):
        return NixBool({"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op])
    both_int = isinstance(left, NixInt) and isinstance(right, NixInt)
    if op == "/":
        if b == 0:
            return None
        if both_int:
            quotient = abs(int(a)) // abs(int(b))
            number: int | float = quotient if (a >= 0) == (b >= 0) else -quotient
        else:
            number = a / b
    else:
        number = {"+": a + b, "-": a - b, "*": a * b}[op]
    if both_int:
        whole = int(number)
        return NixInt(whole) if INT_MIN <= whole <= INT_MAX else None
    return NixFloat(float(number))
