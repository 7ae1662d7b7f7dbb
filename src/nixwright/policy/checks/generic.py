"""The data-only check: an option (or several) holding a bad value under some conditions.

Parameters (all optional except the options):

- ``option`` + ``bad`` (a value test), or ``options``: a list of ``{ option, <test> }``;
  a path may hold ``<name>`` (checked for every name the configuration defines);
- ``assume``: the value to use when the release data has no default;
- ``when``: conditions that must all hold; ``when_any``: conditions one of which must hold;
  ``unless``: conditions any of which excuses (a ``<name>`` there means "for some name");
- ``quality``: the request must have this quality ("headless", "encrypted", ...);
- ``internet_facing``: true when the rule only applies to an Internet-facing machine.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext, Gate, Seen
from nixwright.policy.exposure import internet_facing
from nixwright.policy.literal import show
from nixwright.policy.matchers import matches, offending_items
from nixwright.policy.model import Hit
from nixwright.policy.paths import PLACEHOLDER, fill, split_path


def preconditions(ctx: CheckContext, params: Mapping[str, Any], name: str | None) -> tuple[Gate, str]:
    """The gate of ``when``/``unless``/``quality``/``internet_facing``, and a reason to add to the detail."""
    quality = params.get("quality")
    if quality is not None and quality not in ctx.qualities:
        return Gate("no"), ""
    reason = ""
    if params.get("internet_facing"):
        facing = internet_facing(ctx)
        if facing is None:
            return Gate("no"), ""
        reason = f" This machine faces the Internet: {facing}."
    if quality is not None:
        article = "an" if str(quality)[:1].lower() in "aeiou" else "a"
        reason = f" The request asks for {article} {quality} machine." + reason
    gate = ctx.gate(params.get("when", ()), name)
    if not gate.open:
        return gate, reason
    if "when_any" in params:
        some = [g for g in (ctx.gate([c], name) for c in params["when_any"]) if g.open]
        if not some:
            return Gate("no"), reason
        best = next((g for g in some if g.state == "yes"), some[0])
        gate = Gate(
            "maybe" if "maybe" in {gate.state, best.state} else "yes",
            (*gate.conditions, *best.conditions),
            gate.location or best.location,
        )
    for excuse in params.get("unless", ()):
        if ctx.gate([excuse], name).state == "yes":
            return Gate("no"), reason
    return gate, reason


def option_specs(params: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if "options" in params:
        return list(params["options"])
    return [{"option": params["option"], **params["bad"]}]


def _names(ctx: CheckContext, params: Mapping[str, Any]) -> list[str | None]:
    patterns = [str(s["option"]) for s in option_specs(params)]
    patterns += [str(c["option"]) for c in params.get("when", ())]
    templated = [p for p in patterns if PLACEHOLDER in split_path(p)]
    if not templated:
        return [None]
    return list(ctx.names(*templated))


def describe(seen: Seen, spec: Mapping[str, Any]) -> str:
    items = offending_items(seen.value, spec)
    origin = seen.candidate.describe_origin
    if items:
        listed = ", ".join(show(i) for i in items)
        return f"`{seen.path}` includes {listed} ({origin})."
    return f"`{seen.path}` is {show(seen.value)} ({origin})."


@register("option")
def option_check(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """An option holding a bad value (``option`` + ``bad``, or ``options``: a list of
    ``{ option, <test> }``), when ``when`` all hold, one of ``when_any`` holds, none of
    ``unless`` holds, the request has ``quality`` and, with ``internet_facing``, the machine
    faces the Internet. ``assume`` stands in for a default the release does not record.
    """
    for name in _names(ctx, params):
        gate, reason = preconditions(ctx, params, name)
        if not gate.open:
            continue
        for spec in option_specs(params):
            parts = split_path(str(spec["option"]))
            if name is not None:
                parts = fill(parts, name)
            elif PLACEHOLDER in parts:
                continue
            seen = ctx.seen(parts, spec.get("assume", params.get("assume")), holding=gate.conditions)
            hit = _judge(seen, spec, gate)
            if hit is not None:
                yield Hit(
                    detail=hit.detail + ("" if hit.not_checked else reason),
                    location=hit.location,
                    option=hit.option,
                    condition=hit.condition,
                    not_checked=hit.not_checked,
                    name=name,
                )


def _judge(seen: list[Seen], spec: Mapping[str, Any], gate: Gate) -> Hit | None:
    unknown: Seen | None = None
    for s in seen:
        verdict = matches(s.value, spec)
        if verdict is True:
            conditions = [*gate.conditions, *([s.condition] if s.condition else [])]
            return Hit(
                detail=describe(s, spec),
                location=s.location or gate.location,
                option=s.path,
                condition=" && ".join(dict.fromkeys(conditions)) or None,
            )
        if verdict is None and unknown is None:
            unknown = s
    # Only a computed value the configuration wrote is worth a word: a release default that
    # is an expression (``true`` unless ...) was not chosen by anyone and stays silent.
    if (
        unknown is not None
        and gate.state == "yes"
        and unknown.condition is None
        and unknown.candidate.origin == "definition"
    ):
        return Hit(
            detail=f"`{unknown.path}` is computed when the system is built, so this rule could not check it.",
            location=unknown.location or gate.location,
            option=unknown.path,
            not_checked=True,
        )
    return None
