"""Rule cases: small configurations that must trigger a rule, or must leave it silent.

Each ``tests/fixtures/policy/cases/*.toml`` holds ``[[case]]`` tables: ``rule``, ``expect``
("trigger" or "silent"), ``nix`` (the configuration), and optionally ``profile``,
``qualities`` and ``domains`` (which make an intent), ``why`` (what the case shows).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from nixwright.findings import Finding
from nixwright.intake.intent import Evidence, Firmware, Hardware, Intent, NetworkFacts
from nixwright.knowledge.model import Knowledge
from nixwright.nix.read import read_source
from nixwright.policy.engine import evaluate_policy

CASES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "policy" / "cases"
SYSTEM = "x86_64-linux"


@dataclass(frozen=True)
class Case:
    rule: str
    expect: str
    nix: str
    file: str
    index: int
    profile: str | None = None
    qualities: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    hardware_words: tuple[str, ...] = ()
    why: str = ""

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.expect}-{self.file}#{self.index}"


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, entry in enumerate(data["case"]):
            cases.append(
                Case(
                    rule=entry["rule"],
                    expect=entry["expect"],
                    nix=entry["nix"],
                    file=path.name,
                    index=i,
                    profile=entry.get("profile"),
                    qualities=tuple(entry.get("qualities", ())),
                    domains=tuple(entry.get("domains", ())),
                    hardware_words=tuple(entry.get("hardware_words", ())),
                    why=entry.get("why", ""),
                )
            )
    return cases


def make_intent(
    qualities: tuple[str, ...] = (), domains: tuple[str, ...] = (), hardware_words: tuple[str, ...] = ()
) -> Intent | None:
    if not qualities and not domains and not hardware_words:
        return None
    hardware = Hardware(
        profile="generic-x86_64",
        device_class="server",
        model=None,
        system=SYSTEM,
        firmware=Firmware.UEFI,
        evidence=tuple(Evidence(w) for w in hardware_words),
    )
    return Intent(
        request=" ".join(qualities),
        hardware=hardware,
        qualities=tuple((q, Evidence(q)) for q in qualities),
        network=NetworkFacts(domains=domains),
    )


def run_case(case: Case, kb: Knowledge) -> tuple[Finding, ...]:
    reading = read_source(case.nix, file="configuration.nix")
    return evaluate_policy(
        reading,
        kb,
        system=SYSTEM,
        intent=make_intent(case.qualities, case.domains, case.hardware_words),
        profile=case.profile,
    )
