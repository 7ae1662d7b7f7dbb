"""Function calls the reader understands: the module system's ``lib.mk*`` and a few ``lib``/``builtins``.

Anything else stays a call, read later as ``Dynamic`` ("result of calling f").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.nix.items import Cond, Item, Known, Lazy, Merge, Order, Override, Scope, Symbol
from nixwright.nix.parse import KIND, Node
from nixwright.nix.values import (
    PRIORITY_FORCE,
    PRIORITY_MKDEFAULT,
    PRIORITY_OPTION_DEFAULT,
    Dynamic,
    NixAttrs,
    NixBool,
    NixInt,
    NixList,
    NixPath,
    NixString,
    Value,
)

if TYPE_CHECKING:
    from nixwright.nix.evaluate import Evaluator

_OVERRIDES = {
    "mkDefault": PRIORITY_MKDEFAULT,
    "mkForce": PRIORITY_FORCE,
    "mkOptionDefault": PRIORITY_OPTION_DEFAULT,
    "mkImageMediaOverride": 60,
    "mkVMOverride": 10,
}
_ORDERS = {"mkBefore": "before", "mkAfter": "after"}
# lib.optional* take a condition and a value; the value when the condition is false:
_OPTIONALS: dict[str, Value] = {
    "optionals": NixList(),
    "optional": NixList(),
    "optionalString": NixString(""),
    "optionalAttrs": NixAttrs(),
}
# Names looked up in `lib` when code says `with lib;` (other names fall through to outer `with`s).
LIB_NAMES = frozenset(
    {
        "mkIf", "mkMerge", "mkDefault", "mkForce", "mkOverride", "mkOptionDefault", "mkBefore",
        "mkAfter", "mkOrder", "mkImageMediaOverride", "mkVMOverride", "mkFixStrictness", "optional",
        "optionals", "optionalString", "optionalAttrs", "mkOption", "mkEnableOption",
        "mkPackageOption", "mkPackageOptionMD", "types", "literalExpression", "literalMD", "mdDoc",
        "concatStringsSep", "concatMapStringsSep", "concatStrings", "mapAttrs", "mapAttrs'",
        "mapAttrsToList", "attrNames", "attrValues", "filterAttrs", "nameValuePair", "listToAttrs",
        "genAttrs", "foldl'", "elem", "flatten", "unique", "range", "toList", "mkRemovedOptionModule",
        "mkRenamedOptionModule", "mkAliasOptionModule", "mkChangedOptionModule", "maintainers",
        "licenses", "platforms", "versions", "strings", "lists", "attrsets", "trivial", "modules",
        "options", "fileset", "escapeShellArg", "escapeShellArgs", "getExe", "getExe'", "getBin",
        "makeBinPath", "makeLibraryPath", "recursiveUpdate", "hasPrefix", "hasSuffix", "toUpper",
        "toLower", "splitString", "replaceStrings", "fakeHash", "fakeSha256", "id", "const",
        "pipe", "boolToString", "mkMerge'", "teams", "systems", "generators", "importJSON",
        "importTOML", "readFile", "mkOptionType", "mkSinkUndeclaredOptions",
    }
)  # fmt: skip


def call_parts(node: Node) -> tuple[Node, list[Node]]:
    """``f a b`` -> (``f``, [``a``, ``b``])."""
    args: list[Node] = []
    function = node
    while KIND[function.kind_id] == "apply_expression":
        children = function.children
        if len(children) == 2:  # `f x` with no comment between (comments are the only extra nodes)
            function, argument = children
            args.append(argument)
            continue
        found_argument = function.child_by_field_name("argument")
        found_function = function.child_by_field_name("function")
        if found_argument is None or found_function is None:
            break
        args.append(found_argument)
        function = found_function
    args.reverse()
    return function, args


def apply(ev: Evaluator, node: Node, scope: Scope) -> Item:
    function_node, arg_nodes = call_parts(node)
    function = ev.force(ev.node_item(function_node, scope))
    if isinstance(function, Lazy) and KIND[function.node.kind_id] == "function_expression":
        from nixwright.nix.lambdas import apply_function

        args_: list[Item] = [Lazy(arg, scope) for arg in arg_nodes]
        return apply_function(ev, function, args_, node, scope)
    if not isinstance(function, Symbol) or function.root not in ("lib", "builtins") or not function.path:
        return Lazy(node, scope)
    name = function.path[-1]
    args = [Lazy(arg, scope) for arg in arg_nodes]
    result = _lib_call(ev, name, args, node, scope) if function.root == "lib" else None
    if result is None and name in ("map", "genAttrs") and len(args) == 2:
        from nixwright.nix.lambdas import gen_attrs, map_list

        result = map_list(ev, args, node, scope) if name == "map" else gen_attrs(ev, args, node, scope)
    if result is None:
        result = _builtin_call(ev, name, args, node, scope)
    if result is None:
        return Lazy(node, scope)
    return result


def _lib_call(ev: Evaluator, name: str, args: list[Lazy], node: Node, scope: Scope) -> Item | None:
    """``lib.name args``; ``node`` is the call (its text is only decoded for a message)."""
    count = len(args)
    if name == "mkIf" and count == 2:  # the most common call first
        return _conditional(ev, args[0], args[1], None)
    if name in _OVERRIDES and count == 1:
        return Override(_OVERRIDES[name], args[0])
    if name == "mkOverride" and count == 2:
        priority = ev.value(args[0])
        if isinstance(priority, NixInt):
            return Override(priority.value, args[1])
        return Known(Dynamic("priority only known at evaluation time", scope.source.text(node)))
    if name in _ORDERS and count == 1:
        return Order(_ORDERS[name], args[0])
    if name == "mkOrder" and count == 2:
        order = ev.value(args[0])
        if isinstance(order, NixInt):
            label = None if order.value == 1000 else "before" if order.value < 1000 else "after"
            return Order(label, args[1])
        return Known(Dynamic("order only known at evaluation time", scope.source.text(node)))
    if name == "mkFixStrictness" and count == 1:
        return args[0]
    if name == "mkMerge" and count == 1:
        return _merge(ev, args[0], node, scope)
    if name in _OPTIONALS and count == 2:
        item: Item = args[1]
        if name == "optional":
            item = Known(NixList((ev.value(args[1]),)))
        return _conditional(ev, args[0], item, _OPTIONALS[name])
    if name.startswith("mk") and "Option" in name and name.endswith(("Option", "OptionMD")):
        return Symbol("declaration", (name,), scope.source.text(node))
    return None


def _builtin_call(ev: Evaluator, name: str, args: list[Lazy], node: Node, scope: Scope) -> Item | None:
    text = scope.source.text(node)
    if name in ("readFile", "fileContents", "importJSON", "importTOML") and len(args) == 1:
        path = ev.value(args[0])
        shown = path.value if isinstance(path, NixPath | NixString) else "a computed path"
        return Known(Dynamic(f"contents of {shown}, read when the configuration is evaluated", text))
    if name == "toString" and len(args) == 1:
        value = ev.value(args[0])
        if isinstance(value, NixString):
            return Known(value)
        if isinstance(value, NixInt):
            return Known(NixString(str(value.value)))
        if isinstance(value, NixBool):
            return Known(NixString("1" if value.value else ""))
        if isinstance(value, Dynamic):
            return Known(Dynamic(value.reason, text))
        return None
    if name == "concatStringsSep" and len(args) == 2:
        separator, items = ev.value(args[0]), ev.value(args[1])
        if isinstance(separator, NixString) and isinstance(items, NixList):
            parts = [item.value for item in items.items if isinstance(item, NixString)]
            if len(parts) == len(items.items):
                return Known(NixString(separator.value.join(parts)))
        return None
    return None


def _conditional(ev: Evaluator, condition: Lazy, item: Item, empty: Value | None) -> Item:
    text = condition.scope.source.text(condition.node)
    if isinstance(ev.force(condition), Symbol):  # `config.x`, say: never a known bool
        return Cond(text, item, empty)
    known = ev.value(condition)
    if not isinstance(known, NixBool):
        return Cond(text, item, empty)
    if empty is None:  # mkIf: a definition only when true, never a plain value
        return Cond(text, item, None, known=known.value)
    return ev.force(item) if known.value else Known(empty)


def _merge(ev: Evaluator, argument: Lazy, node: Node, scope: Scope) -> Item:
    forced = ev.force(argument)
    if isinstance(forced, Lazy) and KIND[forced.node.kind_id] == "list_expression":
        return Merge([Lazy(el, forced.scope) for el in forced.node.children_by_field_name("element")])
    return Known(Dynamic("lib.mkMerge of a list only known at evaluation time", scope.source.text(node)))
