"""Which capabilities a request gets: asked for, settled roles, requirements, and the machine's base."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from nixwright.catalog.compat import (
    clashes,
    compatible_provider,
    implied_requirements,
    with_named_requirements,
)
from nixwright.catalog.model import Capability, Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Evidence, Exclusion, Intent
from nixwright.intake.questions import effective_ram

SERVER_CLASSES = frozenset({"sbc", "vm", "server"})
Add = Callable[[str, tuple[Evidence, ...], str], None]


@dataclass(frozen=True)
class Chosen:
    capability: Capability
    evidence: tuple[Evidence, ...]
    reason: str  # "requested" | "role" | "required by <id>" | "base" | "quality:<name>"


def select_capabilities(intent: Intent, catalog: Catalog) -> tuple[Chosen, ...]:
    chosen: dict[str, Chosen] = {}
    excluded = {e.target: e for e in intent.exclusions}

    def add(cap_id: str, evidence: tuple[Evidence, ...], reason: str) -> None:
        if cap_id in chosen:
            return
        cap = _get(catalog, cap_id)
        _refuse_excluded(cap, excluded, evidence, reason)
        chosen[cap_id] = Chosen(cap, evidence, reason)

    for req in intent.capabilities:
        add(req.capability, (req.evidence,), "requested")
    ram = effective_ram(intent, catalog)
    for role_req in intent.roles:
        if any(role_req.role in c.capability.roles for c in chosen.values()):
            continue
        if catalog.role(role_req.role) is not None and not _taken(catalog, role_req.role, chosen):
            add(_provider(catalog, role_req.role, ram, chosen), (role_req.evidence,), "role")
    for quality, ev in intent.qualities:
        providers = [c for c in catalog.capabilities if quality in c.roles]
        if providers and not any(quality in c.capability.roles for c in chosen.values()):
            role = catalog.role(quality)
            add(role.preferred if role else providers[0].id, (ev,), f"quality:{quality}")
    _add_requirements(chosen, catalog, add, ram)
    _add_base(intent, catalog, chosen, excluded, add)
    result = tuple(chosen.values())
    check_selection(intent, result, ram)
    return result


def _add_requirements(chosen: dict[str, Chosen], catalog: Catalog, add: Add, ram: int | None) -> None:
    """Named requirements first (they may bring a role's provider), then roles, until nothing changes."""
    changed = True
    while changed:
        changed = False
        for c in list(chosen.values()):
            for need in implied_requirements(c.capability):
                if not need.startswith("role:") and need not in chosen:
                    add(need, c.evidence, f"required by {c.capability.id}")
                    changed = True
        if changed:
            continue
        for c in list(chosen.values()):
            for need in implied_requirements(c.capability):
                role_id = need[5:]
                if not need.startswith("role:") or any(
                    role_id in x.capability.roles for x in chosen.values()
                ):
                    continue
                add(_provider(catalog, role_id, ram, chosen), c.evidence, f"required by {c.capability.id}")
                changed = True
                break
            if changed:
                break


def _taken(catalog: Catalog, role_id: str, chosen: dict[str, Chosen]) -> bool:
    """Every provider of a generic word clashes with what the request named: that is what it meant.

    "A Pi-hole style DNS server": the DNS filter already answers on port 53, so "DNS server" is that
    filter; "a media player with Kodi": Kodi is the media player, not a second one that needs a desktop.
    """
    present = with_named_requirements(catalog, chosen)
    providers = catalog.providers(role_id)
    return bool(providers) and all(any(clashes(p, x) for x in present) for p in providers)


def _provider(catalog: Catalog, role_id: str, ram: int | None, chosen: dict[str, Chosen]) -> str:
    """The role's default provider, unless it clashes with what is chosen and another one does not."""
    role = catalog.role(role_id)
    default = role.default_for(ram) if role else catalog.providers(role_id)[0].id
    present = with_named_requirements(catalog, chosen)
    return compatible_provider(catalog, role_id, default, present)


def _add_base(
    intent: Intent, catalog: Catalog, chosen: dict[str, Chosen], excluded: Mapping[str, Exclusion], add: Add
) -> None:
    hw = intent.hardware
    has_desktop = any(c.capability.is_desktop for c in chosen.values())
    server_use = any(u == "server" for u, _ in intent.usage)
    remote = (
        hw.device_class in SERVER_CLASSES
        or intent.has_quality("headless")
        or (server_use and not has_desktop)
    )
    remote = remote or (hw.device_class == "mini-pc" and not has_desktop)
    if not remote or "kind:service" in excluded or "ssh" in excluded or "role:remote-login" in excluded:
        return
    if (
        any("remote-login" in c.capability.roles for c in chosen.values())
        or catalog.capability("ssh") is None
    ):
        return
    add("ssh", (Evidence(f"{hw.model or hw.device_class} is managed remotely", source="default"),), "base")


def _get(catalog: Catalog, cap_id: str) -> Capability:
    cap = catalog.capability(cap_id)
    if cap is None:
        raise NixwrightError(
            f"the catalog has no capability {cap_id!r}", hint="answer with one of the listed choices"
        )
    return cap


def _refuse_excluded(
    cap: Capability, excluded: Mapping[str, Exclusion], evidence: tuple[Evidence, ...], reason: str
) -> None:
    hits = [cap.id] + [f"role:{r}" for r in cap.roles] + (["kind:service"] if cap.is_network_service else [])
    for hit in hits:
        if hit in excluded:
            said = excluded[hit].evidence
            words = ", ".join(repr(e.text) for e in evidence if e.text)
            why = "you asked for it" if reason == "requested" else reason
            raise NixwrightError(
                f"the request both wants and excludes {cap.title}: {why} ({words}) but also said {said.text!r}",
                hint="remove one of the two from the request",
            )


def check_selection(intent: Intent, chosen: tuple[Chosen, ...], ram: int | None = None) -> None:
    """Refuse contradictions: desktops on headless machines, wrong systems, too little RAM, conflicts, ports.

    ``ram`` is the machine's RAM when the request does not say it (the hardware profile's usual size).
    """
    hw = intent.hardware
    ram = hw.ram_mb if hw.ram_mb is not None else ram
    for c in chosen:
        cap = c.capability
        said = ", ".join(repr(e.text) for e in c.evidence if e.text) or cap.id
        if (cap.is_desktop or cap.graphical) and intent.has_quality("headless"):
            raise NixwrightError(
                f"a headless machine has no screen, but {said} needs a graphical desktop ({cap.title})",
                hint="drop 'headless', or drop the desktop part of the request",
            )
        if hw.system not in cap.systems:
            raise NixwrightError(
                f"{cap.title} ({said}) is not available for {hw.model or hw.system} ({hw.system})",
                hint=f"it runs on: {', '.join(cap.systems)}",
            )
        if cap.min_ram_mb and ram is not None and ram < cap.min_ram_mb:
            has = (
                f"the machine has {ram} MB"
                if hw.ram_mb is not None
                else f"a {hw.model or 'machine like this'} usually has {ram} MB"
            )
            raise NixwrightError(
                f"{cap.title} needs at least {cap.min_ram_mb} MB of RAM; {has}",
                hint="choose bigger hardware or leave it out"
                + ("" if hw.ram_mb is not None else "; if yours has more, say how much (e.g. '4 GB of RAM')"),
            )
    _check_conflicts(chosen)
    _check_ports(chosen)


def _check_conflicts(chosen: tuple[Chosen, ...]) -> None:
    for c in chosen:
        for ref in c.capability.conflicts:
            for other in chosen:
                if other is c:
                    continue
                role = ref[5:] if ref.startswith("role:") else None
                if (role and role in other.capability.roles) or other.capability.id == ref:
                    raise NixwrightError(
                        f"{_why(c)} and {_why(other)} cannot run on the same machine",
                        hint="ask for one of them",
                    )


def _why(c: Chosen) -> str:
    """A capability's title, with how it got chosen when the request did not name it."""
    if c.reason in {"requested", "role"}:
        return c.capability.title
    return f"{c.capability.title} ({c.reason.replace('_', ' ')})"


def _check_ports(chosen: tuple[Chosen, ...]) -> None:
    owners: dict[tuple[int, str], Capability] = {}
    for c in chosen:
        for p in c.capability.ports:
            key = (p.port, p.protocol)
            other = owners.get(key)
            if other is not None and other.id != c.capability.id:
                first = next(x for x in chosen if x.capability.id == other.id)
                raise NixwrightError(
                    f"{_why(first)} and {_why(c)} both need port {p.port}/{p.protocol}; a port has one owner",
                    hint="ask for only one of them",
                )
            owners[key] = c.capability
