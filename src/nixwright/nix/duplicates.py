"""Names defined twice in one attribute set, found the way Nix's parser finds them.

Nix rejects these when it parses a file, wherever they are (even in a function never called):

* ``{ a = 1; a = 2; }``, ``let a = 1; a = 2; in …``, ``rec { … }``, and ``inherit a;`` beside ``a = …;``;
* a dotted path may enter a set made by another path or written as a set literal
  (``a.b.c = 1; a.b.d = 2;``, ``a = { b = 1; }; a.c = 2;``), but not anything else
  (``a = f x; a.c = 2;``, ``inherit a; a.c = 2;``);
* a set literal given to a name that is already a set is merged one level deep only: its own
  top-level names must all be new (``a.b.c = 1; a = { b.d = 2; };`` fails on ``b``).

Names Nix only knows at evaluation (``${x}``) are compared by their source text: two written the same
way in one set evaluate to the same name, which Nix rejects as a "dynamic attribute" when the set is
evaluated. A computed name that clashes with a written one is not found here.
"""

from __future__ import annotations

import re

from nixwright.nix.items import SourceFile
from nixwright.nix.parse import Node
from nixwright.nix.values import DuplicateAttr, path_str

_SETS = ("attrset_expression", "rec_attrset_expression", "let_expression")
_LITERAL_SETS = ("attrset_expression", "rec_attrset_expression")


class _Set:
    __slots__ = ("dynamic", "names")

    def __init__(self) -> None:
        self.names: dict[str, _Def] = {}
        self.dynamic: dict[str, Node] = {}


class _Def:
    __slots__ = ("inherited", "literal", "members", "node")

    def __init__(
        self, node: Node, members: _Set | None, inherited: bool = False, literal: Node | None = None
    ) -> None:
        self.node = node  # where the name is written (its location is only worked out when reported)
        self.members = members  # the names of a set literal or of a set made by a dotted path
        self.inherited = inherited
        # a set literal given as the value, its names gathered only when another path enters it
        # (a literal nothing enters is checked on its own, like any other set)
        self.literal = literal


# Every binding set follows the token that opens its set or `let`; finding those tokens in the bytes
# and asking the tree what each one is costs far less than walking the whole tree. A `{` right after
# `$` opens an interpolation, and `let` right after a letter is inside a name: neither is asked about.
# (Two single-token searches run several times faster than one search for either.)
_BRACES = re.compile(rb"[{]")
_LETS = re.compile(rb"let(?![A-Za-z0-9_'-])")
_DOLLAR = ord("$")
_NAME_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def find_duplicates(root: Node, source: SourceFile) -> list[DuplicateAttr]:
    """Every name defined twice in an attribute set or ``let`` of the tree, in source order.

    Sets the reader already found repeat-free (``SourceFile.repeat_free``) are passed over.
    """
    finder = _Finder(source)
    for node in _binding_sets(root, source.data, source.repeat_free):  # outer sets first: they build inner
        if node.id not in finder.done and finder.may_repeat(node):
            finder.build(node)
    return sorted(finder.found, key=lambda d: (d.again.line, d.again.col))


def _binding_sets(root: Node, data: bytes, skip: set[int]) -> list[Node]:
    """The binding sets of attribute sets and ``let`` blocks, in source order (but those at ``skip``)."""
    found: list[Node] = []
    braces = [m.start() for m in _BRACES.finditer(data)]
    lets = [m.start() for m in _LETS.finditer(data)]
    openers = sorted([(start, start + 1) for start in braces] + [(start, start + 3) for start in lets])
    for start, end in openers:
        if start in skip:
            continue
        if start and (data[start - 1] == _DOLLAR if end - start == 1 else data[start - 1] in _NAME_BYTES):
            continue
        token = root.descendant_for_byte_range(start, end)
        if token is None or token.start_byte != start or token.end_byte != end:
            continue  # inside a string, a comment, a name or a longer token such as `${`
        parent = token.parent
        if parent is None or token.type not in ("{", "let") or parent.type not in _SETS:
            continue
        for child in parent.named_children:
            if child.type == "binding_set":
                found.append(child)
                break
    return found


class _Finder:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.done: set[int] = set()
        self.found: list[DuplicateAttr] = []

    def may_repeat(self, bindings: Node) -> bool:
        """Whether two entries of the set start with the same name (else nothing here can clash;
        set literals inside are looked at on their own)."""
        seen: set[bytes] = set()
        count = 0
        data = self.source.data
        for child in bindings.named_children:
            if child.type == "binding":
                attrpath = child.child_by_field_name("attrpath")
                first = attrpath.child(0) if attrpath is not None else None
                if first is None:
                    continue
                written = data[first.start_byte : first.end_byte]  # names compared as UTF-8 bytes
                if first.type != "identifier":
                    name = self._static_name(first)
                    written = name.encode("utf-8", "surrogatepass") if name is not None else b"\x00" + written
                seen.add(written)
                count += 1
            elif child.type in ("inherit", "inherit_from"):
                return True
        return len(seen) != count

    def build(self, bindings: Node) -> _Set:
        self.done.add(bindings.id)
        result = _Set()
        for child in bindings.named_children:
            if child.type == "binding":
                self._binding(child, result)
            elif child.type in ("inherit", "inherit_from"):
                self._inherit(child, result)
        return result

    def _inherit(self, node: Node, result: _Set) -> None:
        attrs = node.child_by_field_name("attrs")
        if attrs is None:
            return
        for attr in attrs.children_by_field_name("attr"):
            name = self._static_name(attr)
            if not name:  # `inherit (x);` holds an empty name; a computed name cannot be inherited
                continue
            existing = result.names.get(name)
            if existing is not None:
                self._report((name,), existing.node, attr)
                continue
            result.names[name] = _Def(attr, None, inherited=True)

    def _binding(self, node: Node, result: _Set) -> None:
        attrpath = node.child_by_field_name("attrpath")
        value = node.child_by_field_name("expression")
        if attrpath is None or value is None:
            return
        literal = _literal_node(value)
        if attrpath.child_count == 1:  # the usual `name = value;`
            first = attrpath.child(0)
            if first is not None and first.type == "identifier":
                single = self.source.raw(first)
                if single not in result.names:
                    result.names[single] = _Def(node, None, literal=literal)
                    return
        attrs = attrpath.children_by_field_name("attr")
        target = result
        data = self.source.data
        final = len(attrs) - 1
        for index, attr in enumerate(attrs):
            last = index == final
            name = (
                data[attr.start_byte : attr.end_byte].decode("utf-8", "replace")
                if attr.type == "identifier"
                else self._static_name(attr)
            )
            if name is None:  # a computed name: a new set of its own, compared by its text
                text = self.source.raw(attr)
                if text in target.dynamic:
                    self._report((text,), target.dynamic[text], node, dynamic=True)
                else:
                    target.dynamic[text] = node
                return
            existing = target.names.get(name)
            if existing is None:
                if last:
                    target.names[name] = _Def(node, None, literal=literal)
                    return
                made = _Set()
                target.names[name] = _Def(node, made)
                target = made
                continue
            members = None if existing.inherited else self._members(existing)
            if members is None or (last and literal is None):
                self._report(tuple(self._path(attrs)), existing.node, node)
                return
            if last and literal is not None:
                self._merge(members, self._built(literal))
                return
            target = members

    def _members(self, definition: _Def) -> _Set | None:
        if definition.members is None and definition.literal is not None:
            definition.members = self._built(definition.literal)
            definition.literal = None
        return definition.members

    def _built(self, literal: Node) -> _Set:
        """The names of a set literal (its bindings are checked as they are gathered)."""
        for child in literal.named_children:
            if child.type == "binding_set":
                return self.build(child)
        return _Set()

    def _merge(self, into: _Set, members: _Set) -> None:
        for name, definition in members.names.items():
            existing = into.names.get(name)
            if existing is not None:
                self._report((name,), existing.node, definition.node)
            else:
                into.names[name] = definition
        for text, written in members.dynamic.items():
            into.dynamic.setdefault(text, written)

    def _path(self, attrs: list[Node]) -> list[str]:
        return [n if (n := self._static_name(a)) is not None else self.source.raw(a) for a in attrs]

    def _static_name(self, attr: Node) -> str | None:
        """A name Nix knows when parsing: an identifier, ``"text"`` or ``${"text"}``; else None."""
        kind = attr.type
        if kind == "identifier":
            return self.source.raw(attr)
        if kind == "interpolation":
            inner = attr.child_by_field_name("expression")
            return self._literal_string(inner) if inner is not None else None
        return self._literal_string(attr)

    def _literal_string(self, node: Node) -> str | None:
        if node.type != "string_expression":
            return None
        text: list[str] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                text.append(self.source.raw(child))
            elif child.type == "escape_sequence":
                char = self.source.raw(child)[1:]
                text.append({"n": "\n", "r": "\r", "t": "\t"}.get(char, char))
            elif child.type != "dollar_escape":
                return None
        return "".join(text)

    def _report(
        self, path: tuple[str, ...], first_node: Node, again_node: Node, dynamic: bool = False
    ) -> None:
        first, again = self.source.location(first_node), self.source.location(again_node)
        name = ".".join(path) if dynamic else path_str(path)
        kind = "dynamic attribute" if dynamic else "attribute"
        message = f"{kind} '{name}' already defined at {first.file}:{first.line}:{first.col}"
        self.found.append(DuplicateAttr(name, first, again, message))


def _literal_node(value: Node) -> Node | None:
    """The set literal a value is (through parentheses, which Nix ignores), else None."""
    while value.type == "parenthesized_expression":
        inner = value.child_by_field_name("expression")
        if inner is None:
            return None
        value = inner
    return value if value.type in _LITERAL_SETS else None
