"""The grammar of ``type`` strings, as ``lib.types`` writes them: a small recursive-descent parser.

Conventions it relies on: ``T or U`` chains are flat (``either`` parenthesizes nothing), ``list of``,
``attribute set of``, ``null or`` and friends bind to one alternative (compound elements come in
parentheses), ``A or B convertible to it`` is ``coercedTo`` (final type A, accepted from B).
"""

from __future__ import annotations

import re
from dataclasses import replace

from nixwright.knowledge.type_phrases import ORDERED, PHRASES
from nixwright.knowledge.types import UNRECOGNIZED, EnumMember, OptionType, TypeKind

_BITS = re.compile(r"(\d+) bit (unsigned|signed) integer; between (-?\d+) and (-?\d+) \(both inclusive\)")
_BETWEEN = re.compile(r"integer between (-?\d+) and (-?\d+) \(both inclusive\)")
_NUM_BETWEEN = re.compile(
    r"integer or floating point number between (-?[\d.]+) and (-?[\d.]+) \(both inclusive\)"
)
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_BOUNDARY = (" or ", ")", " convertible to it", " (with check:", ", ", " (")
_NULL = OptionType(TypeKind.OTHER, "null", note="null")
_COERCED = "coerced"


def parse(text: str) -> OptionType:
    parser = _Parser(text)
    result = parser.expr()
    if parser.pos < len(text):
        return _unrecognized(text)
    return _finish(result, text)


def _finish(result: OptionType, text: str) -> OptionType:
    if result is _NULL:
        return OptionType(TypeKind.OTHER, text, note="null")
    if result.text != text:
        return _with_text(result, text)
    return result


def _with_text(t: OptionType, text: str) -> OptionType:
    return replace(t, text=text)


def _unrecognized(text: str) -> OptionType:
    if "\n" in text:
        first = text.strip().splitlines()[0].strip()
        return OptionType(TypeKind.ANYTHING, text, note=f"format-specific value: {first}")
    return OptionType(TypeKind.OTHER, text, note=f"{UNRECOGNIZED}: {text}")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def peek(self, s: str) -> bool:
        return self.text.startswith(s, self.pos)

    def take(self, s: str) -> bool:
        if self.peek(s):
            self.pos += len(s)
            return True
        return False

    def expr(self) -> OptionType:
        start = self.pos
        alts = [self.alt()]
        while True:
            if self.take(" or ") or self.take(", or "):
                alts.append(self.alt())
            elif self.take(" convertible to it"):
                final, source = (alts[-2], alts[-1]) if len(alts) >= 2 else (alts[-1], alts[-1])
                coerced = OptionType(TypeKind.EITHER, "", (final, source), note=_COERCED)
                alts = [*alts[:-2], coerced]
            else:
                break
        return _combine(alts, self.text[start : self.pos])

    def alt(self) -> OptionType:
        start = self.pos
        result = self._alt_body()
        if self.take(" (with check: "):
            check = self._until_group_end()
            self.take(")")
            result = replace(result, note=f"checked: {check}")
        text = self.text[start : self.pos]
        return result if result is _NULL else _with_text(result, text)

    def _alt_body(self) -> OptionType:
        phrase = self._phrase(parenthesized_only=True)
        if phrase is not None:
            return phrase
        if self.take("tuple of "):
            items = [self.alt()]
            while self.take(" "):
                items.append(self.alt())
            return OptionType(TypeKind.LIST, "", tuple(items), note="tuple: one element per listed type")
        if self.take("("):
            inner = self.expr()
            if not self.take(")"):
                return self._rest_unrecognized()
            return inner
        if self._at_word("null"):
            self.pos += 4
            return _NULL
        for prefix, kind in (
            ("list of ", TypeKind.LIST),
            ("lazy attribute set of ", TypeKind.LAZY_ATTRS),
            ("attribute set of ", TypeKind.ATTRS),
            ("function that evaluates to a(n) ", TypeKind.FUNCTION),
            ("pair of ", TypeKind.LIST),
        ):
            if self.take(prefix):
                note = "pair: two elements" if prefix == "pair of " else None
                return OptionType(kind, "", (self.alt(),), note=note)
        if self.peek("non-empty ") and not self.text.startswith("string", self.pos + 10):
            self.pos += 10
            inner = self.alt()
            return replace(inner, non_empty=True)
        return self._leaf()

    def _leaf(self) -> OptionType:
        if self.take("one of "):
            return OptionType(TypeKind.ENUM, "", members=tuple(self._members()))
        if self.take("value "):
            members = self._members(single=True)
            self.take(" (singular enum)")
            return OptionType(TypeKind.ENUM, "", members=tuple(members))
        if self.take("strings concatenated with "):
            sep = self._literal()
            return OptionType(TypeKind.LINES, "", separator=sep if isinstance(sep, str) else str(sep))
        if self.take("string matching the pattern "):
            return OptionType(TypeKind.STR, "", pattern=self._until_group_end())
        number = self._numeric()
        if number is not None:
            return number
        phrase = self._phrase()
        return phrase if phrase is not None else self._rest_unrecognized()

    def _phrase(self, parenthesized_only: bool = False) -> OptionType | None:
        for phrase in ORDERED:
            if parenthesized_only and not phrase.startswith("("):
                continue
            if self.peek(phrase) and self._boundary_after(len(phrase)):
                self.pos += len(phrase)
                kind, note, minimum, non_empty = PHRASES[phrase]
                return OptionType(kind, "", minimum=minimum, note=note, non_empty=non_empty)
        return None

    def _numeric(self) -> OptionType | None:
        for pattern in (_BITS, _BETWEEN, _NUM_BETWEEN):
            match = pattern.match(self.text, self.pos)
            if match is None:
                continue
            self.pos = match.end()
            if pattern is _BITS:
                bits, sign, low, high = match.groups()
                return OptionType(
                    TypeKind.INT, "", minimum=int(low), maximum=int(high), note=f"{bits} bit {sign}"
                )
            low_text, high_text = match.group(1), match.group(2)
            kind = TypeKind.INT if pattern is _BETWEEN else TypeKind.NUMBER
            low, high = _int_or_none(low_text), _int_or_none(high_text)
            note = None if low is not None and high is not None else f"between {low_text} and {high_text}"
            return OptionType(kind, "", minimum=low, maximum=high, note=note)
        return None

    def _boundary_after(self, length: int) -> bool:
        end = self.pos + length
        return end == len(self.text) or any(self.text.startswith(b, end) for b in _BOUNDARY)

    def _at_word(self, word: str) -> bool:
        return self.peek(word) and self._boundary_after(len(word))

    def _members(self, single: bool = False) -> list[EnumMember]:
        members = [self._literal()]
        while not single and self.peek(", "):
            save = self.pos
            self.pos += 2
            try:
                members.append(self._literal())
            except ValueError:
                self.pos = save
                break
        return members

    def _literal(self) -> EnumMember:
        if self.peek('"'):
            return self._string()
        for word, value in (("<null>", None), ("true", True), ("false", False)):
            if self.take(word):
                return value
        match = _NUMBER.match(self.text, self.pos)
        if match is None:
            raise ValueError(self.text[self.pos :])
        self.pos = match.end()
        return float(match.group()) if match.group(1) else int(match.group())

    def _string(self) -> str:
        out: list[str] = []
        i = self.pos + 1
        escapes = {"n": "\n", "t": "\t", "r": "\r"}
        while i < len(self.text):
            ch = self.text[i]
            if ch == "\\" and i + 1 < len(self.text):
                out.append(escapes.get(self.text[i + 1], self.text[i + 1]))
                i += 2
                continue
            if ch == '"' and self._closes(i + 1):
                self.pos = i + 1
                return "".join(out)
            out.append(ch)
            i += 1
        raise ValueError(self.text[self.pos :])

    def _closes(self, after: int) -> bool:
        # Nix shows enum strings unescaped, so a quote inside one (""round-robin 0"") is not the end.
        return after >= len(self.text) or self.text[after] in ",) " or self.text.startswith(" or", after)

    def _until_group_end(self) -> str:
        """Text up to the ``)`` that closes the current group (balanced), or the end."""
        depth, i = 0, self.pos
        while i < len(self.text):
            ch = self.text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        out = self.text[self.pos : i]
        self.pos = i
        return out

    def _rest_unrecognized(self) -> OptionType:
        return _unrecognized(self._until_group_end())


def _int_or_none(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return int(float(text)) if float(text).is_integer() else None


def _combine(alts: list[OptionType], text: str) -> OptionType:
    if len(alts) == 1:
        return alts[0]
    nullable = any(a is _NULL for a in alts)
    flat: list[OptionType] = []
    for alt in alts:
        if alt is _NULL:
            continue
        if alt.kind is TypeKind.EITHER and alt.note != _COERCED:
            flat.extend(alt.args)
        else:
            flat.append(alt)
    inner = flat[0] if len(flat) == 1 else OptionType(TypeKind.EITHER, "", tuple(flat))
    if not nullable:
        return inner
    if not flat:
        return _NULL
    return OptionType(TypeKind.NULL_OR, text, (inner,))
