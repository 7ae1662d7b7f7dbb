"""The hardened profile: are the settings of ``hardening.toml`` applied?"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.hardening import HardeningSetting, hardening_settings
from nixwright.policy.literal import is_unknown, same, show
from nixwright.policy.model import Hit


@register("hardening_applied")
def hardening_applied(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """One finding per hardening setting of ``area`` (in ``hardening.toml``) that the configuration does not apply."""
    for setting in hardening_settings(ctx.kb, str(params["area"])):
        verdict = _applied(ctx, setting)
        if verdict is True:
            continue
        wanted, fix = setting.data, setting.nix
        if setting.add:
            wanted = _missing(ctx, setting)
            fix = f"{setting.dotted} = {show(wanted)}; # added to the list"
        what = f"should include {show(wanted)}" if setting.add else f"should be {show(wanted)}"
        yield Hit(
            detail=f"`{setting.dotted}` {what}: {setting.why}",
            option=setting.dotted,
            fix=fix,
            not_checked=verdict is None,
        )


def _missing(ctx: CheckContext, setting: HardeningSetting) -> list[Any]:
    seen = ctx.seen(setting.path)
    have = seen[0].value if seen and isinstance(seen[0].value, list) else []
    return [w for w in setting.data if not any(same(v, w) for v in have)]


def _applied(ctx: CheckContext, setting: HardeningSetting) -> bool | None:
    seen = ctx.seen(setting.path)
    if not seen:
        return False
    first = seen[0]
    if first.condition is not None:
        return False
    value = first.value
    if is_unknown(value):
        return None
    if setting.add:
        if not isinstance(value, list):
            return False
        if all(any(same(v, want) for v in value) for want in setting.data):
            return True
        return None if any(is_unknown(v) for v in value) else False
    return same(value, setting.data)
