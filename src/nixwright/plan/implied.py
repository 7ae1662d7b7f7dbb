"""Switch off services a chosen capability's NixOS module turns on by itself, when the request asks for less.

GNOME's module sets ``services.avahi.enable = mkDefault true`` (with its firewall port open); a request
that says "no network services" must not end up with a listening Avahi. The catalog lists such services
per capability (``[[implied]]``, docs/catalog.md); this block writes their "off" setting, a plain
definition that beats the module's default, with the words that asked for it.
"""

from __future__ import annotations

from nixwright.catalog.values import fill_text
from nixwright.intake.intent import Evidence, Intent
from nixwright.plan.assign import block, from_setting
from nixwright.plan.model import Assignment, Block
from nixwright.plan.select import Chosen


def implied_triggers(intent: Intent) -> dict[str, tuple[Evidence, ...]]:
    """What the request says that switches implied services off, with the words that said it."""
    out: dict[str, tuple[Evidence, ...]] = {}
    no_net = tuple(e.evidence for e in intent.exclusions if e.target == "kind:service")
    if no_net:
        out["no-network-services"] = no_net
    for quality in ("hardened", "minimal"):
        ev = tuple(e for q, e in intent.qualities if q == quality)
        if ev:
            out[quality] = ev
    return out


def implied_block(intent: Intent, chosen: tuple[Chosen, ...], facts: dict[str, str]) -> Block | None:
    triggers = implied_triggers(intent)
    if not triggers:
        return None
    # A service some chosen capability switches on itself (mDNS asks for Avahi) stays as asked.
    wanted = {fill_text(".".join(st.path), facts) for c in chosen for st in c.capability.options}
    assignments: dict[tuple[str, ...], Assignment] = {}
    names: list[str] = []
    for c in chosen:
        for svc in c.capability.implied:
            said = next((w for w in svc.when if w in triggers), None)
            if said is None or fill_text(".".join(svc.off.path), facts) in wanted:
                continue
            a = from_setting(svc.off, f"quality:{said}", triggers[said], facts)
            if a.path not in assignments:
                assignments[a.path] = a
                names.append(f"{svc.name} (from {c.capability.title})")
    if not assignments:
        return None
    return block(
        "implied",
        "Services switched off",
        "Some parts of this machine would switch on extra services by themselves; the request asked for "
        f"less, so these stay off: {', '.join(names)}.",
        list(assignments.values()),
    )
