"""The values placeholders (``@hostname@``, ``@domain@`` ...) are filled with, and how each was settled."""

from __future__ import annotations

import ipaddress

from nixwright.intake.intent import Answer, Intent

DEFAULT_HOSTNAMES = {
    "sbc": "pi",
    "vm": "vps",
    "laptop": "laptop",
    "mini-pc": "minipc",
    "desktop": "desktop",
    "server": "server",
}
DEFAULT_LAN = "192.168.1.0/24"


def hostname_of(intent: Intent) -> str:
    return intent.network.hostname or DEFAULT_HOSTNAMES.get(intent.hardware.device_class, "nixos")


def admin_of(intent: Intent) -> str:
    for p in intent.people:
        if p.admin and p.username:
            return p.username
    named = [p.username for p in intent.people if p.username]
    return named[0] if named else next((a.value for a in intent.answers if a.key == "admin"), "admin")


def answer(intent: Intent, key: str) -> str | None:
    return next((a.value for a in intent.answers if a.key == key), None)


def placeholder_facts(intent: Intent, web_subdomains: tuple[str, ...] = ()) -> dict[str, str]:
    """Every placeholder's value; ``domain`` may come from the request, an answer, or stay a local name."""
    net = intent.network
    hostname = hostname_of(intent)
    lan = net.lan_cidr or (
        str(ipaddress.ip_interface(net.static_ip).network) if net.static_ip else DEFAULT_LAN
    )
    lan_net = ipaddress.ip_network(lan, strict=False)
    lan_ip = net.static_ip.split("/")[0] if net.static_ip else str(lan_net.network_address + 2)
    domain = answer(intent, "domain") or base_domain(net.domains, web_subdomains) or f"{hostname}.home.arpa"
    sbc = intent.hardware.device_class == "sbc"
    interface = net.interfaces[0] if net.interfaces else ("end0" if sbc else "enp1s0")
    return {
        "hostname": hostname,
        "domain": domain,
        "lan_cidr": str(lan_net),
        "lan_ip": lan_ip,
        "listen_ip": lan_ip if net.static_ip else "0.0.0.0",  # noqa: S104 - LAN services listen on all interfaces unless a static address is known
        "gateway": net.gateway or str(lan_net.network_address + 1),
        **dhcp_pool(lan_net),
        "interface": interface,
        "admin": admin_of(intent),
        "timezone": intent.locale.timezone or "UTC",
        "locale": intent.locale.locale or "en_US.UTF-8",
        "keyboard": intent.locale.keyboard or "us",
        "email": answer(intent, "email") or net.email or f"admin@{domain}",
    }


def dhcp_pool(lan: ipaddress.IPv4Network | ipaddress.IPv6Network) -> dict[str, str]:
    """The addresses a DHCP server hands out: .100-.200 of a /24, the upper half of smaller networks."""
    size = lan.num_addresses
    first, last = (100, 200) if size >= 256 else (max(size // 2, 2), size - 2)
    return {"dhcp_start": str(lan.network_address + first), "dhcp_end": str(lan.network_address + last)}


def base_domain(domains: tuple[str, ...], subdomains: tuple[str, ...]) -> str | None:
    """``status.example.com`` with a ``status`` web app → ``example.com``; else the first domain."""
    for d in domains:
        first, _, rest = d.partition(".")
        if first in subdomains and "." in rest:
            return rest
    return domains[0] if domains else None


def answers_by_key(answers: tuple[Answer, ...]) -> dict[str, Answer]:
    return {a.key: a for a in answers}
