"""Does a statically known value fit an option type? (Value x OptionType -> problems)

Mirrors the ``check`` functions of nixpkgs' ``lib/types.nix``: ``str`` wants a string (not a path,
not a number), ``float`` rejects integers, ``path`` wants something that starts with ``/``,
``package`` wants a derivation. Anything the reader could not see (``Dynamic``) is recorded as
unchecked, never passed silently. Package references are collected for the package checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from nixwright.knowledge.types import OptionType, TypeKind
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
    RawExpr,
    Value,
)
from nixwright.validate.describe import example_for, member_words, type_words, value_words
from nixwright.validate.posix_regex import full_match

# Given the key path inside a submodule value, the type of that field: ``None`` when the field
# does not exist, ``ANY_FIELD`` when it cannot be known (then nothing is checked).
FieldTypes = Callable[[tuple[str, ...]], OptionType | None]
ANY_FIELD = OptionType(TypeKind.ANYTHING, "unknown field")


@dataclass(frozen=True)
class TypeProblem:
    code: str
    message: str
    where: tuple[str, ...] = ()
    fix: str | None = None


@dataclass(frozen=True)
class PackageUse:
    ref: PackageRef
    expects_package: bool


@dataclass
class TypeCheck:
    problems: list[TypeProblem] = field(default_factory=list)
    packages: list[PackageUse] = field(default_factory=list)
    unchecked: list[tuple[tuple[str, ...], Dynamic | RawExpr]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_value(value: Value, t: OptionType, fields: FieldTypes | None = None) -> TypeCheck:
    """Check ``value`` against ``t``; ``fields`` resolves submodule fields (by key path)."""
    result = TypeCheck()
    _check(value, t, (), fields, result)
    return result


def _mismatch(value: Value, t: OptionType, where: tuple[str, ...]) -> TypeProblem:
    example = example_for(t)
    return TypeProblem(
        "NW-TYPE-MISMATCH",
        f"expected {type_words(t)}, got {value_words(value)}",
        where,
        f"use a value like {example}" if example else f"give a value of type {type_words(t)}",
    )


def _check(
    value: Value,
    t: OptionType,
    where: tuple[str, ...],
    fields: FieldTypes | None,
    out: TypeCheck,
) -> None:
    if isinstance(value, Dynamic | RawExpr):
        if t.kind not in (TypeKind.ANYTHING, TypeKind.OTHER):
            out.unchecked.append((where, value))
        return
    if isinstance(value, PackageRef):
        out.packages.append(PackageUse(value, _expects_package(t)))
    match t.kind:
        case TypeKind.ANYTHING | TypeKind.OTHER:
            _collect_packages(value, out)
        case TypeKind.BOOL:
            _expect(isinstance(value, NixBool), value, t, where, out)
        case TypeKind.INT:
            if isinstance(value, NixInt):
                _range(value, t, where, out)
            else:
                out.problems.append(_mismatch(value, t, where))
        case TypeKind.FLOAT:
            _expect(isinstance(value, NixFloat), value, t, where, out)
        case TypeKind.NUMBER:
            if isinstance(value, NixInt | NixFloat):
                _range(value, t, where, out)
            else:
                out.problems.append(_mismatch(value, t, where))
        case TypeKind.STR | TypeKind.LINES:
            if isinstance(value, NixString):
                _string_rules(value, t, where, out)
            else:
                out.problems.append(_mismatch(value, t, where))
        case TypeKind.PATH:
            ok = isinstance(value, NixPath | PackageRef) or (
                isinstance(value, NixString) and value.value.startswith("/")
            )
            _expect(ok, value, t, where, out)
        case TypeKind.PACKAGE:
            ok = isinstance(value, PackageRef) or (
                isinstance(value, NixString | NixPath) and value.value.startswith("/nix/store/")
            )
            _expect(ok, value, t, where, out)
        case TypeKind.ENUM:
            _enum(value, t, where, out)
        case TypeKind.NULL_OR:
            if not isinstance(value, NixNull) and t.args:
                _check(value, t.args[0], where, fields, out)
        case TypeKind.LIST:
            if not isinstance(value, NixList):
                out.problems.append(_mismatch(value, t, where))
            elif t.args:
                for i, item in enumerate(value.items):
                    _check(item, t.args[0], (*where, f"[{i}]"), _element_fields(fields, "*"), out)
        case TypeKind.ATTRS | TypeKind.LAZY_ATTRS:
            if not isinstance(value, NixAttrs):
                out.problems.append(_mismatch(value, t, where))
            elif t.args:
                for key, item in value.entries:
                    _check(item, t.args[0], (*where, key), _element_fields(fields, key), out)
        case TypeKind.ATTRSET:
            if _expect(isinstance(value, NixAttrs), value, t, where, out):
                _collect_packages(value, out)
        case TypeKind.SUBMODULE:
            _submodule(value, t, where, fields, out)
        case TypeKind.EITHER:
            _either(value, t, where, fields, out)
        case TypeKind.FUNCTION:
            out.problems.append(_mismatch(value, t, where))


def _expects_package(t: OptionType) -> bool:
    if t.kind is TypeKind.PACKAGE:
        return True
    if t.kind in (TypeKind.NULL_OR, TypeKind.EITHER):
        return any(_expects_package(a) for a in t.args)
    return False


def _expect(ok: bool, value: Value, t: OptionType, where: tuple[str, ...], out: TypeCheck) -> bool:
    if not ok:
        out.problems.append(_mismatch(value, t, where))
    return ok


def _range(value: NixInt | NixFloat, t: OptionType, where: tuple[str, ...], out: TypeCheck) -> None:
    low, high = t.minimum, t.maximum
    if (low is not None and value.value < low) or (high is not None and value.value > high):
        bounds = f"between {low} and {high}" if low is not None and high is not None else ""
        if not bounds:
            bounds = f"at least {low}" if low is not None else f"at most {high}"
        out.problems.append(
            TypeProblem(
                "NW-TYPE-RANGE",
                f"{value.value} is out of range: {type_words(t)}",
                where,
                f"use a number {bounds}",
            )
        )


def _string_rules(value: NixString, t: OptionType, where: tuple[str, ...], out: TypeCheck) -> None:
    if t.non_empty and not value.value.strip():
        out.problems.append(
            TypeProblem("NW-TYPE-MISMATCH", "expected a non-empty string, got an empty one", where)
        )
    if t.pattern is not None and not _matches(t.pattern, value.value):
        out.problems.append(
            TypeProblem(
                "NW-TYPE-PATTERN",
                f'"{value.value}" does not match the pattern {t.pattern!r} required by {type_words(t)}',
                where,
                "change the string so that the whole of it matches the pattern",
            )
        )


def _matches(pattern: str, text: str) -> bool:
    """``builtins.match`` semantics: the POSIX extended regex must match the whole string."""
    return full_match(pattern, text) is not False  # a pattern not understood is no reason to reject


def _enum(value: Value, t: OptionType, where: tuple[str, ...], out: TypeCheck) -> None:
    literal: object
    match value:
        case NixString(v, _) | NixBool(v) | NixInt(v) | NixFloat(v):
            literal = v
        case NixNull():
            literal = None
        case _:
            out.problems.append(_mismatch(value, t, where))
            return
    if not any(type(m) is type(literal) and m == literal for m in t.members):
        out.problems.append(
            TypeProblem(
                "NW-TYPE-ENUM",
                f"{value_words(value)} is not one of the allowed values",
                where,
                f"use one of: {member_words(t)}",
            )
        )


def _collect_packages(value: Value, out: TypeCheck) -> None:
    match value:
        case PackageRef():
            if not any(p.ref is value for p in out.packages):
                out.packages.append(PackageUse(value, expects_package=False))
        case NixList(items):
            for item in items:
                _collect_packages(item, out)
        case NixAttrs(entries):
            for _, item in entries:
                _collect_packages(item, out)
        case _:
            pass


def _element_fields(fields: FieldTypes | None, key: str) -> FieldTypes | None:
    if fields is None:
        return None
    outer = fields
    return lambda sub: outer((key, *sub))


def _submodule(
    value: Value, t: OptionType, where: tuple[str, ...], fields: FieldTypes | None, out: TypeCheck
) -> None:
    if isinstance(value, NixPath):
        return  # a module file; its contents are not read here
    if not isinstance(value, NixAttrs):
        out.problems.append(_mismatch(value, t, where))
        return
    for key, item in value.entries:
        field_type = fields((key,)) if fields is not None else ANY_FIELD
        if field_type is ANY_FIELD:
            _collect_packages(item, out)
            if isinstance(item, Dynamic | RawExpr):
                out.unchecked.append(((*where, key), item))
            continue
        if field_type is None:
            out.problems.append(
                TypeProblem(
                    "NW-OPT-UNKNOWN",
                    f"{key!r} is not an option of this submodule",
                    (*where, key),
                    "remove it or check the spelling against the option's documentation",
                )
            )
            continue
        _check(item, field_type, (*where, key), _element_fields(fields, key), out)


def _either(
    value: Value, t: OptionType, where: tuple[str, ...], fields: FieldTypes | None, out: TypeCheck
) -> None:
    attempts = []
    for alt in t.args:
        trial = TypeCheck()
        _check(value, alt, where, fields, trial)
        if trial.ok:
            out.packages.extend(p for p in trial.packages if p not in out.packages)
            out.unchecked.extend(trial.unchecked)
            return
        attempts.append(trial)
    if not t.args:
        return
    # A single alternative of the right shape explains best (e.g. the port of "int or str").
    shaped = [
        a for a in attempts if all(p.code != "NW-TYPE-MISMATCH" or p.where != where for p in a.problems)
    ]
    if len(shaped) == 1:
        out.problems.extend(shaped[0].problems)
        out.packages.extend(shaped[0].packages)
        return
    out.problems.append(_mismatch(value, t, where))
    _collect_packages(value, out)
