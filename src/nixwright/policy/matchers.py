"""Value tests rule data can state: ``equals``, ``in``, ``contains``, ``set``, ...

A test is a small table in a rule, e.g. ``{ option = "x", equals = false }``. Each
returns True/False for a known value and None when the value is not known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.policy.literal import is_unknown, same

TEST_KEYS = (
    "equals",
    "not_equals",
    "in",
    "not_in",
    "set",
    "contains",
    "contains_other_than",
    "nonempty",
    "matches",
    "intersects",
    "any_matches",
)


_RANK = {key: i for i, key in enumerate(TEST_KEYS)}


def test_keys(spec: Mapping[str, Any]) -> list[str]:
    """The tests ``spec`` states, in the order of ``TEST_KEYS``."""
    keys = [k for k in spec if k in _RANK]
    if len(keys) > 1:
        keys.sort(key=_RANK.__getitem__)
    return keys


def matches(value: Any, spec: Mapping[str, Any]) -> bool | None:
    """True when ``value`` passes every test in ``spec``; None when that cannot be known."""
    keys = test_keys(spec)
    if not keys:
        raise NixwrightError("a value test names no test", hint=f"use one of: {', '.join(TEST_KEYS)}")
    result: bool | None = True
    for key in keys:
        one = _one(key, value, spec[key])
        if one is False:
            return False
        if one is None:
            result = None
    return result


def _one(key: str, value: Any, arg: Any) -> bool | None:
    if key == "set":
        if is_unknown(value):
            return None
        return (value is not None) == bool(arg)
    if is_unknown(value):
        return None
    if key == "equals":
        return same(value, arg)
    if key == "not_equals":
        return not same(value, arg)
    if key == "in":
        return any(same(value, a) for a in arg)
    if key == "not_in":
        return not any(same(value, a) for a in arg)
    if key == "matches":
        return isinstance(value, str) and re.search(str(arg), value) is not None
    items = value if isinstance(value, list) else None
    if items is None:
        return False if value is None else None
    if key == "nonempty":
        return (len(items) > 0) == bool(arg)
    if key == "contains":
        if any(same(i, arg) for i in items):
            return True
        return None if any(is_unknown(i) for i in items) else False
    if key in {"intersects", "any_matches"}:
        hit = [i for i in items if _item_hit(key, i, arg)]
        if hit:
            return True
        return None if any(is_unknown(i) for i in items) else False
    if key == "contains_other_than":
        others = [i for i in items if not is_unknown(i) and not any(same(i, a) for a in arg)]
        if others:
            return True
        return None if any(is_unknown(i) for i in items) else False
    raise NixwrightError(f"unknown value test {key!r}")


def _item_hit(key: str, item: Any, arg: Any) -> bool:
    if is_unknown(item):
        return False
    if key == "intersects":
        return any(same(item, a) for a in arg)
    return isinstance(item, str) and re.search(str(arg), item) is not None


def offending_items(value: Any, spec: Mapping[str, Any]) -> list[Any]:
    """For list tests: the items that made the test true (for naming them in messages)."""
    if not isinstance(value, list):
        return []
    if "contains" in spec:
        return [i for i in value if same(i, spec["contains"])]
    for key in ("intersects", "any_matches"):
        if key in spec:
            return [i for i in value if _item_hit(key, i, spec[key])]
    if "contains_other_than" in spec:
        allowed = spec["contains_other_than"]
        return [i for i in value if not is_unknown(i) and not any(same(i, a) for a in allowed)]
    return []
