"""Network exposure: is the machine Internet-facing, and is a port open in the firewall?

The signals live in ``exposure.toml`` (data, checked against the release in tests).
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from nixwright.policy.context import CheckContext
from nixwright.policy.literal import is_unknown
from nixwright.policy.paths import fill, split_path


@cache
def exposure_data() -> Mapping[str, Any]:
    text = resources.files("nixwright.policy").joinpath("exposure.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def exposure_options() -> list[str]:
    """Every option path the exposure data names (for the release check in tests)."""
    data = exposure_data()
    paths = list(data["firewall"].values())
    for signal in data["signal"]:
        paths.extend(str(signal[k]) for k in ("option", "names") if k in signal)
        paths.extend(str(signal[k]["option"]) for k in ("when", "unless") if k in signal)
        paths.extend(str(c["option"]) for c in signal.get("when_any", ()))
    return paths


def is_public_name(name: str) -> bool:
    """A DNS name the Internet can resolve: dotted, not an address, not under a private suffix."""
    host = name.strip().lower().removeprefix("http://").removeprefix("https://").split("/")[0]
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    host = host.removeprefix("*.")
    if "." not in host:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return False
    suffixes = exposure_data()["local_suffixes"]
    return not any(host.endswith(s) or host == s.lstrip(".") for s in suffixes)


def internet_facing(ctx: CheckContext) -> str | None:
    """Why this machine faces the Internet, or None when nothing says so."""
    if "internet_facing" not in ctx.memo:
        ctx.memo["internet_facing"] = _internet_facing(ctx)
    result: str | None = ctx.memo["internet_facing"]
    return result


def _internet_facing(ctx: CheckContext) -> str | None:
    if ctx.intent is not None:
        public = [d for d in ctx.intent.network.domains if is_public_name(d)]
        if public:
            return f"the request names the public domain {public[0]}"
        cloud = re.compile(str(exposure_data()["cloud_words"]), re.IGNORECASE)
        for evidence in ctx.intent.hardware.evidence:
            if cloud.search(evidence.text):
                return f"the request describes a rented server with a public address ({evidence.text!r})"
    for signal in exposure_data()["signal"]:
        why = _signal(ctx, signal)
        if why is not None:
            return why
    return None


def _signal(ctx: CheckContext, signal: Mapping[str, Any]) -> str | None:
    if "option" in signal:
        gate = ctx.gate([signal])
        if gate.state != "yes":
            return None
        others = signal.get("when_any", ())
        if others and not any(ctx.gate([c]).state == "yes" for c in others):
            return None
        value = ctx.seen(str(signal["option"]))[0].value
        return str(signal["why"]).format(value=value)
    pattern = split_path(str(signal["names"]))
    for name in ctx.config.names(pattern):
        if signal.get("public_name") and not is_public_name(name):
            continue
        if "when" in signal and ctx.gate([signal["when"]], name).state != "yes":
            continue
        if "unless" in signal and ctx.gate([signal["unless"]], name).state == "yes":
            continue
        return str(signal["why"]).format(name=name)
    return None


def port_open(ctx: CheckContext, port: int, protocol: str = "tcp") -> tuple[bool | None, str]:
    """Whether the firewall admits ``port`` on every interface, and the option that opens it."""
    fw = exposure_data()["firewall"]
    enabled = ctx.seen(fw["enable"])
    if enabled and enabled[0].value is False and enabled[0].condition is None:
        return True, fw["enable"]
    ports_option = fw[f"{protocol}_ports"]
    unknown = False
    for seen in ctx.seen(ports_option):
        if isinstance(seen.value, list):
            if port in seen.value:
                return True, ports_option
            unknown = unknown or any(is_unknown(p) for p in seen.value)
        elif is_unknown(seen.value):
            unknown = True
    ranges_option = fw[f"{protocol}_ranges"]
    for seen in ctx.seen(ranges_option):
        for r in seen.value if isinstance(seen.value, list) else []:
            if isinstance(r, dict) and _in_range(port, r):
                return True, ranges_option
    return (None if unknown else False), ""


def _in_range(port: int, r: Mapping[str, Any]) -> bool:
    low, high = r.get("from"), r.get("to")
    return isinstance(low, int) and isinstance(high, int) and low <= port <= high


def named(pattern: str, name: str | None) -> tuple[str, ...]:
    parts = split_path(pattern)
    return fill(parts, name) if name is not None else parts
