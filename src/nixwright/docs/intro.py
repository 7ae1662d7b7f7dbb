"""The opening paragraph: what this machine is, what it does, and what was asked for."""

from __future__ import annotations

from nixwright.docs.md import one_line
from nixwright.docs.words import QUALITY, and_list, article, capability_title, hardware
from nixwright.plan.model import Plan

COMMON_WORDS = frozenset({"Older", "Old", "Mini", "Cloud", "Generic", "Small", "Standard", "Modern"})
SYSTEMS = {
    "x86_64-linux": "64-bit Intel/AMD processor, `x86_64-linux`",
    "aarch64-linux": "64-bit ARM processor, `aarch64-linux`",
}
DEVICE = {
    "sbc": "single-board computer",
    "desktop": "desktop PC",
    "laptop": "laptop",
    "mini-pc": "mini PC",
    "server": "server",
    "vm": "virtual machine",
}


def machine_paragraph(plan: Plan) -> str:
    hw = plan.intent.hardware
    profile = hardware(plan)
    what = (
        profile.title if profile is not None else (hw.model or DEVICE.get(hw.device_class, hw.device_class))
    )
    first, _, rest = what.partition(" ")
    if first in COMMON_WORDS:
        what = f"{first.lower()} {rest}".strip()
    if hw.model and profile is not None and hw.model.lower() not in profile.title.lower():
        what += f" ({hw.model})"
    ram = f" with {_ram(hw.ram_mb)} of memory" if hw.ram_mb else ""
    system = SYSTEMS.get(plan.system, plan.system)
    parts = [f"**{plan.hostname}** is {article(what)} {what}{ram}, running NixOS {plan.release} ({system})."]
    titles = [capability_title(plan, c) for c in plan.capabilities]
    if titles:
        parts.append(f"It is set up for: {and_list(titles)}.")
    else:
        parts.append(
            "It is a base system: nothing beyond what this kind of machine needs to start and be managed."
        )
    qualities = [QUALITY[q] for q, _ in plan.intent.qualities if q in QUALITY]
    if qualities:
        parts.extend(dict.fromkeys(qualities))
    parts.append(
        "Everything below explains what each part of the configuration does and why it is there, "
        "so you can change it with confidence."
    )
    return " ".join(parts)


def request_quote(plan: Plan) -> str:
    request = one_line(plan.intent.request)
    return f"> {request}" if request else ""


def _ram(megabytes: int) -> str:
    if megabytes >= 1024 and megabytes % 1024 == 0:
        return f"{megabytes // 1024} GB"
    if megabytes >= 1024:
        return f"{megabytes / 1024:.1f} GB"
    return f"{megabytes} MB"
