"""Checks about accounts: root-equivalent groups and being able to log in at all."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.policy.checks.generic import preconditions
from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.literal import is_unknown
from nixwright.policy.model import Hit
from nixwright.policy.paths import fill, split_path


@register("group_member")
def group_member(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Users in ``group`` (through their ``groups`` option or the group's ``members``)."""
    gate, reason = preconditions(ctx, params, None)
    if not gate.open:
        return
    group = str(params["group"])
    groups_pattern = split_path(str(params["groups"]))
    for name in ctx.config.names(groups_pattern):
        for seen in ctx.seen(fill(groups_pattern, name)):
            if isinstance(seen.value, list) and group in seen.value:
                yield Hit(
                    detail=f"user {name} is in the {group} group (`{seen.path}`).{reason}",
                    location=seen.location or gate.location,
                    option=seen.path,
                    condition=seen.condition,
                    name=name,
                )
                break
    members_path = fill(split_path(str(params["members"])), group)
    for seen in ctx.seen(members_path):
        if isinstance(seen.value, list) and seen.value and seen.candidate.origin == "definition":
            names = ", ".join(str(v) for v in seen.value if isinstance(v, str))
            yield Hit(
                detail=f"`{seen.path}` makes {names} members of the {group} group.{reason}",
                location=seen.location,
                option=seen.path,
                condition=seen.condition,
            )
            break


@register("no_login")
def no_login(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Immutable users and not one account with a password or an SSH key: nobody can log in.

    ``login`` lists per-user options (with ``<name>``) any of which, set and non-empty,
    gives a way in; a value matching ``locked`` (a locked hash such as ``!``) does not.
    A computed value counts as a way in (it cannot be judged).
    """
    gate, reason = preconditions(ctx, params, None)
    if not gate.open or not ctx.complete:
        return
    users = split_path(str(params["users"]))
    locked = re.compile(str(params.get("locked", "(?!)")))
    for name in ctx.config.names(users):
        for option in params["login"]:
            for seen in ctx.seen(fill(split_path(str(option)), name)):
                value = seen.value
                if isinstance(value, str) and locked.search(value):
                    continue
                if is_unknown(value) or (
                    value not in (None, "", []) and seen.candidate.origin == "definition"
                ):
                    return
    yield Hit(
        detail="users are immutable and no account has a password, a password file or an SSH key, "
        f"so nobody can log in after the switch.{reason}",
        location=gate.location,
        option=str(params["when"][0]["option"]) if params.get("when") else None,
        condition=" && ".join(gate.conditions) or None,
    )
