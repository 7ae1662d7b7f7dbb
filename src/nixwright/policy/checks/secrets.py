"""Secrets written into the configuration: they end up in the world-readable Nix store."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.nix.values import NixString
from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.model import Hit
from nixwright.policy.paths import split_path


@register("secret_literals")
def secret_literals(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Any option whose last name looks like a secret (``name_pattern``) set to a literal string.

    Paths under ``skip`` have rules of their own; names matching ``not_secret`` (files,
    commands, hashes) and values matching ``reference_value`` point at secrets rather
    than holding them.
    """
    pattern = re.compile(str(params["name_pattern"]), re.IGNORECASE)
    not_secret = re.compile(str(params["not_secret"]), re.IGNORECASE)
    reference = re.compile(str(params.get("reference_value", "(?!)")))
    skips = [split_path(str(s)) for s in params.get("skip", ())]
    for d in ctx.config.definitions:
        leaf = d.path[-1]
        if not pattern.search(leaf) or not_secret.search(leaf):
            continue
        if any(_under(d.path, skip) for skip in skips):
            continue
        if not isinstance(d.value, NixString) or not d.value.value or reference.search(d.value.value):
            continue
        yield Hit(
            detail=f"`{d.dotted}` holds a secret written into the configuration.",
            location=d.location,
            option=d.dotted,
            condition=d.condition,
        )


def _under(path: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    if len(path) < len(pattern):
        return False
    return all(p in {"<name>", "*"} or p == q for p, q in zip(pattern, path, strict=False))
