"""Intent + catalog + knowledge → Plan: every assignment with the words or assumption behind it."""

from __future__ import annotations

from nixwright.catalog.model import Catalog, HardwareProfile
from nixwright.catalog.values import fill_text
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Intent
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import NixBool, NixString
from nixwright.plan.base import base_block, people_block
from nixwright.plan.capabilities import (
    capability_block,
    drops_extras,
    packages_block,
    proxy_block,
    unfree_block,
)
from nixwright.plan.facts import placeholder_facts
from nixwright.plan.hardware import hardware_block
from nixwright.plan.implied import implied_block
from nixwright.plan.merge import merge_blocks
from nixwright.plan.model import Block, Plan, Port, Secret
from nixwright.plan.network import firewall_block, network_block, wifi_block
from nixwright.plan.qualities import encryption_block, hardening_block, updates_block
from nixwright.plan.questions import allows_autologin
from nixwright.plan.select import Chosen, select_capabilities


def build_plan(intent: Intent, catalog: Catalog, kb: Knowledge) -> Plan:
    hw = _profile(catalog, intent.hardware.profile)
    chosen = select_capabilities(intent, catalog)
    subdomains = tuple(w.subdomain for c in chosen for w in c.capability.web if w.subdomain)
    facts = placeholder_facts(intent, subdomains)
    minimal = drops_extras(intent)
    host_ev = tuple(
        e for e in intent.understood if intent.network.hostname and intent.network.hostname in e.text.lower()
    )

    blocks: list[Block | None] = [
        hardware_block(intent, hw, facts),
        base_block(intent, kb.release, facts, host_ev),
    ]
    blocks.append(network_block(intent, facts))
    blocks += [encryption_block(intent, hw), hardening_block(intent, kb)]
    has_updates_cap = any("auto-updates" in c.capability.roles for c in chosen)
    blocks.append(updates_block(intent, facts["hostname"], has_updates_cap))
    autologin = allows_autologin(intent)
    blocks += [capability_block(c, facts, minimal, autologin) for c in chosen]
    blocks.append(proxy_block(chosen, facts))
    blocks.append(implied_block(intent, chosen, facts))
    ports = _ports(chosen)
    present = [b for b in blocks if b is not None]
    blocks.append(wifi_block(intent, present, facts["admin"]))
    present = [b for b in blocks if b is not None]
    blocks.append(firewall_block(intent, ports, _vpn_interface(present)))
    blocks.append(packages_block(chosen, [], minimal))
    blocks.append(unfree_block(chosen))
    people, passwords = people_block(intent, facts, _extra_groups(present))
    blocks.insert(2, people)  # right after the base: the accounts own their lines, capabilities add groups
    merged = merge_blocks([b for b in blocks if b is not None])
    return Plan(
        intent=intent,
        release=kb.release,
        system=hw.system,
        hostname=facts["hostname"],
        blocks=merged,
        imports=("./hardware-configuration.nix", *_module_imports(hw, chosen, "configuration")),
        hardware_imports=tuple(_module_imports(hw, chosen, "hardware")),
        ports=tuple(ports),
        secrets=tuple(_secrets(chosen, facts)) + tuple(passwords),
        assumptions=tuple(a for a in intent.answers if a.assumed),
        capabilities=tuple(c.capability.id for c in chosen),
        hardware_profile=hw.id,
        notes=tuple(
            fill_text(n, facts) for n in (*hw.notes, *(n for c in chosen for n in c.capability.notes))
        )
        + (() if autologin else _autologin_notes(chosen, facts)),
    )


def _autologin_notes(chosen: tuple[Chosen, ...], facts: dict[str, str]) -> tuple[str, ...]:
    """What to do instead of the automatic sign-in left out on an encrypted machine."""
    out = []
    for c in chosen:
        dropped = [st for st in c.capability.options if st.autologin]
        if not dropped:
            continue
        users = [fill_text(st.value.value, facts) for st in dropped if isinstance(st.value, NixString)]
        how = (
            f"give the '{users[0]}' account a password (`sudo passwd {users[0]}`) and sign in with it"
            if users
            else "sign in on the screen"
        )
        out.append(
            f"{c.capability.title} does not sign in by itself, because the disk is encrypted "
            f'(answer auto-login = "yes" to change that): {how}.'
        )
    return tuple(out)


def _profile(catalog: Catalog, pid: str) -> HardwareProfile:
    hw = catalog.hardware_profile(pid)
    if hw is None:
        raise NixwrightError(f"unknown hardware profile {pid!r}")
    return hw


def _ports(chosen: tuple[Chosen, ...]) -> list[Port]:
    return [
        Port(p.port, p.protocol, p.audience, c.capability.id, p.purpose)
        for c in chosen
        for p in c.capability.ports
    ]


def _secrets(chosen: tuple[Chosen, ...], facts: dict[str, str]) -> list[Secret]:
    return [
        Secret(s.name, fill_text(s.purpose, facts), s.path, fill_text(s.command, facts), c.capability.id)
        for c in chosen
        for s in c.capability.secrets
    ]


def _module_imports(hw: HardwareProfile, chosen: tuple[Chosen, ...], file: str) -> list[str]:
    mods = [m.module for m in hw.imports if m.file == file]
    mods += [m.module for c in chosen for m in c.capability.imports if m.file == file]
    return [f'(modulesPath + "/{m}")' for m in dict.fromkeys(mods)]


def _vpn_interface(blocks: list[Block]) -> str | None:
    for blk in blocks:
        for a in blk.assignments:
            if a.path[:3] in {
                ("networking", "wireguard", "interfaces"),
                ("networking", "wg-quick", "interfaces"),
            }:
                return a.path[3]
            if a.path == ("services", "tailscale", "enable") and a.value == NixBool(value=True):
                return "tailscale0"
    return None


def _extra_groups(blocks: list[Block]) -> tuple[str, ...]:
    groups = []
    paths = {a.path: a.value for blk in blocks for a in blk.assignments}
    if paths.get(("networking", "networkmanager", "enable")) == NixBool(value=True):
        groups.append("networkmanager")
    return tuple(groups)
