"""The registry of check functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from nixwright.policy.context import CheckContext
from nixwright.policy.model import Hit

CheckFn = Callable[[CheckContext, Mapping[str, Any]], Iterable[Hit]]

CHECKS: dict[str, CheckFn] = {}


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    def wrap(fn: CheckFn) -> CheckFn:
        if name in CHECKS:
            msg = f"check {name!r} registered twice"
            raise ValueError(msg)
        CHECKS[name] = fn
        return fn

    return wrap
