"""A generated stream of varied requests (capabilities by hardware by qualities) yields clean output.

Every request is built from the catalog's own words, so the stream grows with the catalog. Output must
have zero validation errors and no high/medium policy findings, and no request may hit a bug;
combinations the catalog itself says are impossible (a desktop on a headless machine, an x86-only
program on a Pi, two owners of one port) are left out here and covered by the refusal tests. The
policy refuses none of them: the planner settles what it would object to (on an encrypted machine,
nothing signs in by itself). Other refusals (exit 2) must explain, and at least MINIMUM machines come
out clean.
"""

from __future__ import annotations

import hashlib
import itertools

import pytest

from nixwright.catalog.compat import implied_requirements
from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Capability, Catalog, HardwareProfile
from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.plan.pipeline import generate

pytestmark = pytest.mark.integration
QUALITY_SETS: tuple[tuple[str, ...], ...] = (
    (),
    ("headless",),
    ("hardened",),
    ("minimal",),
    ("automatic updates",),
    ("hardened", "minimal"),
    ("encrypted",),
    ("headless", "hardened", "automatic updates"),
)
MINIMUM = 500


def _fits(caps: tuple[Capability, ...], hw: HardwareProfile, qualities: tuple[str, ...]) -> bool:
    ram = hw.default_ram_mb or 0
    for cap in caps:
        if hw.system not in cap.systems or (cap.min_ram_mb or 0) > ram:
            return False
        if "headless" in qualities and (cap.is_desktop or cap.graphical or "role:desktop" in cap.requires):
            return False
    if "encrypted" in qualities and hw.firmware == "raspberry-pi":
        return False
    if len(caps) == 2:
        a, b = caps
        ports_a = {(p.port, p.protocol) for p in a.ports}
        if ports_a & {(p.port, p.protocol) for p in b.ports} or set(a.roles) & set(b.roles):
            return False
        if a.id in b.conflicts or b.id in a.conflicts:
            return False
        needs = {r for c in caps for r in implied_requirements(c) if r.startswith("role:")}
        if any(r in c.conflicts for c in caps for r in needs):
            return False
        if any(c[5:] in x.roles for x, y in ((a, b), (b, a)) for c in y.conflicts if c.startswith("role:")):
            return False
    return True


def stream(catalog: Catalog) -> list[str]:
    """Deterministic requests: every capability alone and in pairs, rotated over hardware and qualities."""
    hardware = sorted(catalog.hardware, key=lambda h: h.id)
    caps = sorted(catalog.capabilities, key=lambda c: c.id)
    combos: list[tuple[Capability, ...]] = [(c,) for c in caps]
    pairs = sorted(
        itertools.combinations(caps, 2),
        key=lambda p: hashlib.sha256(f"{p[0].id}+{p[1].id}".encode()).digest(),
    )
    combos += pairs
    requests = []
    turn = 0
    for combo in combos:
        for _ in range(len(hardware)):
            hw = hardware[turn % len(hardware)]
            qualities = QUALITY_SETS[(turn // len(hardware)) % len(QUALITY_SETS)]
            turn += 1
            if _fits(combo, hw, qualities):
                words = " and ".join(c.words[0] for c in combo)
                requests.append(f"A {hw.words[0]}, {', '.join(qualities) or 'plain'}, with {words}.")
                break
        if len(requests) >= MINIMUM + 30:
            break
    return requests


def test_stream_is_large_enough() -> None:
    assert len(stream(load_catalog())) >= MINIMUM


def test_stream_generates_clean_configurations(kb: KnowledgeBase) -> None:
    """At least MINIMUM clean machines; a refusal must be an explanation (exit 2), never a policy veto or a bug."""
    failures: list[str] = []
    refused: list[str] = []
    clean = 0
    requests = stream(load_catalog())
    for text in requests:
        try:
            gen = generate(text, kb)
        except NixwrightError as err:
            (failures if err.exit_code in (1, 3) else refused).append(f"{text!r}: {err.message}")
            continue
        bad = [f for f in gen.verified.validation if f.severity is Severity.ERROR]
        bad += [f for f in gen.verified.policy if f.severity in (Severity.HIGH, Severity.MEDIUM)]
        failures += [f"{text!r}: {f.code} {f.message}" for f in bad]
        clean += not bad
    assert failures == [], f"{len(failures)} of {len(requests)} failed:\n" + "\n".join(failures[:40])
    assert clean >= MINIMUM, f"only {clean} clean; refused:\n" + "\n".join(refused[:40])
