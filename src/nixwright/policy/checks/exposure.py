"""Checks about what the network can reach: open ports, published container ports, firewall shape."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from nixwright.policy.checks.generic import preconditions
from nixwright.policy.checks.registry import register
from nixwright.policy.context import CheckContext
from nixwright.policy.exposure import named, port_open
from nixwright.policy.literal import is_unknown, show
from nixwright.policy.model import Hit
from nixwright.policy.paths import PLACEHOLDER, split_path

_LOOPBACK = re.compile(r"^\[?(127\.|::1\]?(:|$)|localhost)")


def is_loopback(address: str) -> bool:
    return bool(_LOOPBACK.match(address.strip()))


def _names(ctx: CheckContext, params: Mapping[str, Any]) -> list[str | None]:
    patterns = [str(c["option"]) for c in params.get("when", ())]
    patterns += [str(params[k]) for k in ("open_firewall", "bind") if k in params]
    templated = [p for p in patterns if PLACEHOLDER in split_path(p)]
    return list(ctx.names(*templated)) if templated else [None]


@register("port_exposed")
def port_exposed(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """A service whose port the firewall opens on every interface (and, optionally, that binds widely).

    ``port`` is fixed or read from ``port_option``; ``open_firewall`` is the service's own
    switch; ``bind`` is its listen-address option (a loopback address means not exposed).
    """
    service = str(params["service"])
    for name in _names(ctx, params):
        gate, reason = preconditions(ctx, params, name)
        if not gate.open:
            continue
        if "bind" in params:
            bind = ctx.seen(named(str(params["bind"]), name), params.get("bind_default"), gate.conditions)
            if (
                not bind
                or is_unknown(bind[0].value)
                or (isinstance(bind[0].value, str) and is_loopback(bind[0].value))
            ):
                continue
        port = _port(ctx, params, name, gate.conditions)
        if port is None:
            continue
        opened_by = _opened_by(ctx, params, name, port, gate.conditions)
        if opened_by is None:
            continue
        yield Hit(
            detail=f"{service} listens on port {port} and `{opened_by}` opens that port on every interface.{reason}",
            location=gate.location,
            option=opened_by,
            condition=" && ".join(gate.conditions) or None,
            name=name,
        )


def _port(
    ctx: CheckContext, params: Mapping[str, Any], name: str | None, holding: tuple[str, ...]
) -> int | None:
    if "port_option" in params:
        seen = ctx.seen(named(str(params["port_option"]), name), params.get("port"), holding)
        value = seen[0].value if seen else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    port = params.get("port")
    return port if isinstance(port, int) else None


def _opened_by(
    ctx: CheckContext, params: Mapping[str, Any], name: str | None, port: int, holding: tuple[str, ...]
) -> str | None:
    if "open_firewall" in params:
        path = named(str(params["open_firewall"]), name)
        for seen in ctx.seen(path, params.get("open_firewall_default"), holding):
            if seen.value is True:
                return seen.path
    is_open, option = port_open(ctx, port, str(params.get("protocol", "tcp")))
    return option if is_open else None


_PUBLISH = re.compile(
    r"^(?:(?P<ip>\[[^\]]*\]|[^:\[\]]+):)?(?P<host>\d+(?:-\d+)?)?:(?P<inner>\d+(?:-\d+)?)(?:/\w+)?$"
)


def host_port(entry: str) -> tuple[int, str] | None:
    """The host port and protocol of a publish entry (``"8080:80/udp"`` -> ``(8080, "udp")``)."""
    text = entry.strip()
    protocol = "udp" if text.endswith("/udp") else "tcp"
    match = _PUBLISH.match(text)
    if match is None:
        return (int(text), protocol) if text.isdigit() else None
    host = match.group("host") or match.group("inner")
    return int(host.split("-")[0]), protocol


def published_on_all(entry: str) -> bool:
    """``"8080:80"`` and ``"0.0.0.0:8080:80"`` publish on every address; ``"127.0.0.1:8080:80"`` does not."""
    match = _PUBLISH.match(entry.strip())
    if match is None:
        return ":" not in entry.strip() and entry.strip().isdigit()
    ip = (match.group("ip") or "").strip("[]")
    return ip in {"", "0.0.0.0", "::"}  # noqa: S104 - the wildcard addresses are what this looks for


@register("published_ports")
def published_ports(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Container ports published on every address that the firewall itself keeps closed: Docker
    and Podman add NAT rules ahead of the firewall, so the port is open anyway.

    ``ports`` is the per-container ports option (with ``<name>``), ``backend`` the engine option.
    """
    pattern = str(params["ports"])
    backend = ctx.seen(str(params["backend"]))
    engine = backend[0].value if backend and isinstance(backend[0].value, str) else "the container engine"
    for name in ctx.names(pattern):
        for seen in ctx.seen(named(pattern, name)):
            if not isinstance(seen.value, list):
                continue
            wide = [
                p
                for p in seen.value
                if isinstance(p, str) and published_on_all(p) and not _firewall_agrees(ctx, p)
            ]
            if wide:
                listed = ", ".join(show(p) for p in wide)
                yield Hit(
                    detail=f"container {name} publishes {listed} on every address; {engine} forwards those "
                    "ports before the NixOS firewall sees them.",
                    location=seen.location,
                    option=seen.path,
                    condition=seen.condition,
                    name=name,
                )
                break


def _firewall_agrees(ctx: CheckContext, entry: str) -> bool:
    """The firewall opens this port anyway: publishing it everywhere bypasses nothing."""
    found = host_port(entry)
    if found is None:
        return False
    is_open, _ = port_open(ctx, *found)
    return is_open is True


@register("trusted_wan")
def trusted_wan(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """The public (WAN) interface listed as trusted: the firewall then lets everything in from it.

    ``trusted`` is the trusted-interfaces option, ``wan`` the option naming the public interface.
    """
    wan = [s.value for s in ctx.seen(str(params["wan"])) if isinstance(s.value, str)]
    for seen in ctx.seen(str(params["trusted"])):
        if not isinstance(seen.value, list):
            continue
        bad = [i for i in seen.value if isinstance(i, str) and i in wan]
        if bad:
            yield Hit(
                detail=f"`{seen.path}` includes {show(bad[0])}, the interface `{params['wan']}` names as the "
                "public side.",
                location=seen.location,
                option=seen.path,
                condition=seen.condition,
            )
            return


@register("wide_port_ranges")
def wide_port_ranges(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Port ranges wider than ``max_ports`` opened on every (or one) interface (``options``: range options)."""
    limit = int(params["max_ports"])
    patterns = [str(p) for p in params["options"]]
    for pattern in patterns:
        parts = split_path(pattern)
        names: list[str | None] = list(ctx.config.names(parts)) if PLACEHOLDER in parts else [None]
        for name in names:
            for seen in ctx.seen(named(pattern, name)):
                wide = [
                    r
                    for r in (seen.value if isinstance(seen.value, list) else [])
                    if isinstance(r, dict)
                    and isinstance(r.get("from"), int)
                    and isinstance(r.get("to"), int)
                    and r["to"] - r["from"] + 1 > limit
                ]
                if wide:
                    r = wide[0]
                    yield Hit(
                        detail=f"`{seen.path}` opens ports {r['from']}-{r['to']} "
                        f"({r['to'] - r['from'] + 1} ports; this policy allows ranges of up to {limit}).",
                        location=seen.location,
                        option=seen.path,
                        condition=seen.condition,
                        name=name,
                    )
                    break


@register("open_firewall_switches")
def open_firewall_switches(ctx: CheckContext, params: Mapping[str, Any]) -> Iterator[Hit]:
    """Services whose own ``openFirewall``-style switch the configuration turns on.

    ``switch`` and ``enable`` are patterns with ``<name>`` (the service); services in
    ``skip`` have rules of their own.
    """
    gate, reason = preconditions(ctx, params, None)
    if not gate.open:
        return
    skip = set(params.get("skip", ()))
    switch = str(params["switch"])
    for name in ctx.names(switch):
        if name in skip:
            continue
        enabled = ctx.gate([{"option": str(params["enable"]), "equals": True}], name)
        if enabled.state != "yes":
            continue
        for seen in ctx.seen(named(switch, name)):
            if seen.value is True and seen.candidate.origin == "definition":
                yield Hit(
                    detail=f"`{seen.path}` opens the ports of {name} on every interface.{reason}",
                    location=seen.location,
                    option=seen.path,
                    condition=seen.condition,
                    name=name,
                )
                break
