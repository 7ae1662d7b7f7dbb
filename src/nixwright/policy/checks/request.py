"""Checks that hold a configuration to what the request asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.model import Hit


@register("quality_requires")
def quality_requires(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """The request has ``quality`` but nothing is defined at or below any of ``options``."""
    quality = str(params["quality"])
    if quality not in ctx.qualities or not ctx.complete:
        return
    options = [str(o) for o in params["options"]]
    for option in options:
        if ctx.gate([{"option": option, "defined": True}]).state in {"yes", "maybe"}:
            return
    names = " or ".join(f"`{o}`" for o in options)
    yield Hit(
        detail=f"the request asks for a {quality} machine, but the configuration defines nothing under {names}.",
        option=options[0],
    )
