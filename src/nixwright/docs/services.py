"""The "what runs here" table: each service, its purpose, the words that asked for it, ports and audience."""

from __future__ import annotations

from nixwright.docs.md import table
from nixwright.docs.words import (
    audience,
    capability,
    capability_title,
    evidence_words,
    first_sentence,
    is_rented,
)
from nixwright.intake.intent import Evidence
from nixwright.plan.model import Plan, Port

HEADERS = ("Service", "What it is for", "Asked for by", "Ports", "Who can reach them")


def services_table(plan: Plan) -> str:
    rows = [_row(plan, cap_id) for cap_id in plan.capabilities]
    known = set(plan.capabilities)
    for service in sorted({p.service for p in plan.ports} - known):
        ports = [p for p in plan.ports if p.service == service]
        rows.append([service, ports[0].purpose, "—", _ports(ports), _audiences(plan, ports)])
    if not rows:
        return "Nothing extra runs here: only the base system."
    return table(HEADERS, rows)


def firewall_sentence(plan: Plan) -> str:
    if not plan.ports:
        return "The firewall is on and no port is open to other machines."
    if is_rented(plan):
        return (
            "The firewall is on and blocks every port not listed here. A rented server usually sits "
            "directly on the internet, so treat every open port as reachable by anyone."
        )
    return (
        "The firewall is on and blocks every port not listed here. Ports marked for the local network "
        "are still open on every network interface: keep the machine behind your router, not directly "
        "on the internet, unless a port is meant for anyone."
        if any(p.audience == "lan" for p in plan.ports)
        else "The firewall is on and blocks every port not listed here."
    )


def _row(plan: Plan, cap_id: str) -> list[str]:
    ports = [p for p in plan.ports if p.service == cap_id]
    return [
        capability_title(plan, cap_id),
        _purpose(plan, cap_id),
        _asked_by(plan, cap_id),
        _ports(ports),
        _audiences(plan, ports),
    ]


def _purpose(plan: Plan, cap_id: str) -> str:
    cap = capability(cap_id)
    if cap is not None and cap.explain.strip():
        return first_sentence(cap.explain)
    block = next((b for b in plan.blocks if b.id == f"capability:{cap_id}"), None)
    return first_sentence(block.comment) if block is not None else ""


def _asked_by(plan: Plan, cap_id: str) -> str:
    evidence: list[Evidence] = [r.evidence for r in plan.intent.capabilities if r.capability == cap_id]
    cap = capability(cap_id)
    if cap is not None:
        evidence += [r.evidence for r in plan.intent.roles if r.role in cap.roles]
    if not evidence:
        origin = f"capability:{cap_id}"
        evidence = [
            e for a in plan.assignments if a.provenance.origin == origin for e in a.provenance.evidence
        ]
    words = evidence_words(evidence)
    return words or "needed by another service you asked for"


def _ports(ports: list[Port]) -> str:
    if not ports:
        return "none"
    return ", ".join(f"{p.port}/{p.protocol}" for p in sorted(ports, key=lambda p: (p.port, p.protocol)))


def _audiences(plan: Plan, ports: list[Port]) -> str:
    if not ports:
        return "no open ports"
    ordered = sorted(ports, key=lambda p: (p.port, p.protocol))
    names = list(dict.fromkeys(audience(p.audience, plan) for p in ordered))
    return "; ".join(names)
