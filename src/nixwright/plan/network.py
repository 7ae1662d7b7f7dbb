"""Network facts from the request (static address, gateway) and the firewall opened per audience."""

from __future__ import annotations

import ipaddress

from nixwright.errors import NixwrightError
from nixwright.intake.intent import Intent
from nixwright.nix.values import NixAttrs, NixInt, NixList, NixString
from nixwright.plan.assign import FALSE, TRUE, assign, block, strs
from nixwright.plan.model import Assignment, Block, Port

PUBLIC_RESOLVERS = ("9.9.9.9", "1.1.1.1")


def network_block(intent: Intent, facts: dict[str, str]) -> Block | None:
    net = intent.network
    if not net.static_ip:
        return None
    iface = facts["interface"]
    addr = ipaddress.ip_interface(net.static_ip)
    ev = tuple(e for e in intent.understood if addr.ip.exploded in e.text)
    entry = NixAttrs((("address", NixString(str(addr.ip))), ("prefixLength", NixInt(addr.network.prefixlen))))
    guessed = (
        "" if net.interfaces else f" The name {iface} is a guess: check it with `ip link` and change it here."
    )
    a = [
        assign(
            ("networking", "useDHCP"),
            FALSE,
            "network",
            "The address is fixed below instead of asked from the router.",
            ev,
        ),
        assign(
            ("networking", "interfaces", iface, "ipv4", "addresses"),
            NixList((entry,)),
            "network",
            f"This machine's fixed address {addr.with_prefixlen} on {iface}.{guessed}",
            ev,
        ),
        assign(
            ("networking", "defaultGateway"),
            NixString(facts["gateway"]),
            "network",
            "The router that leads to the Internet.",
        ),
        assign(
            ("networking", "nameservers"),
            strs(net.dns_servers or PUBLIC_RESOLVERS),
            "network",
            "Where this machine itself looks up names.",
        ),
    ]
    return block("network", "Network", "The fixed network address from the request.", a)


def firewall_block(intent: Intent, ports: list[Port], vpn_interface: str | None) -> Block | None:
    """Open each port for its audience: localhost nothing, LAN/world the firewall, VPN only the tunnel."""
    lan_iface = intent.network.interfaces[0] if intent.network.interfaces else None
    groups: dict[tuple[str, ...], list[Port]] = {}
    for p in ports:
        if p.audience == "localhost":
            continue
        if p.audience == "vpn" and vpn_interface:
            key: tuple[str, ...] = ("networking", "firewall", "interfaces", vpn_interface)
        elif p.audience == "lan" and lan_iface:
            key = ("networking", "firewall", "interfaces", lan_iface)
        else:
            key = ("networking", "firewall")
        groups.setdefault(key, []).append(p)
    a: list[Assignment] = []
    for key, group in groups.items():
        for proto in ("tcp", "udp"):
            chosen = sorted({p.port for p in group if p.protocol == proto})
            if not chosen:
                continue
            opt = "allowedTCPPorts" if proto == "tcp" else "allowedUDPPorts"
            why = "; ".join(
                f"{p.port}/{p.protocol} {p.purpose} ({_audience(p.audience)})"
                for p in sorted(group, key=lambda x: x.port)
                if p.protocol == proto
            )
            a.append(
                assign((*key, opt), NixList(tuple(NixInt(x) for x in chosen)), "firewall", f"Opens {why}.")
            )
    if not a:
        return None
    return block("firewall", "Firewall", "Ports opened, each only for the people who need it.", a)


def _audience(audience: str) -> str:
    return {
        "lan": "for your home network",
        "world": "for the Internet",
        "vpn": "only through the VPN",
    }.get(audience, audience)


def wifi_block(intent: Intent, present: list[Block], admin: str) -> Block | None:
    """Wi-Fi through NetworkManager when the request mentions it and nothing else manages the network."""
    if not intent.hardware.wifi:
        return None
    if intent.hardware.device_class == "vm":
        raise NixwrightError(
            f"a virtual machine ({intent.hardware.model}) has no Wi-Fi", hint="leave Wi-Fi out of the request"
        )
    nm = ("networking", "networkmanager", "enable")
    if any(a.path == nm for blk in present for a in blk.assignments):
        return None
    ev = tuple(e for e in intent.understood if "wi" in e.text.lower() or "wireless" in e.text.lower())
    a = [
        assign(
            nm,
            TRUE,
            "network",
            "NetworkManager joins Wi-Fi networks; connect once with "
            "`nmcli device wifi connect <name> --ask`, it reconnects by itself afterwards.",
            ev,
        ),
        assign(
            ("users", "users", admin, "extraGroups"),
            strs(["networkmanager"]),
            "network",
            "The administrator may change network connections.",
            ev,
        ),
    ]
    return block("wifi", "Wi-Fi", "Wireless networking, as the request asks.", a)
