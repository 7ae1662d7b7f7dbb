"""Read the rendered files back with the same reader `check` uses, validate, and apply the policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nixwright.errors import NixwrightError
from nixwright.findings import Finding, Severity
from nixwright.intake.intent import Intent
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleReading
from nixwright.plan.render import CONFIG, HARDWARE, RenderedFiles

BLOCKING = (Severity.HIGH, Severity.MEDIUM)


@dataclass(frozen=True)
class Verified:
    reading: ModuleReading
    validation: tuple[Finding, ...]
    policy: tuple[Finding, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.validation + self.policy


def read_back(files: RenderedFiles) -> ModuleReading:
    """Both files as one reading (the configuration imports the hardware file)."""
    from nixwright.nix.read import read_source

    config = read_source(files.configuration, file=CONFIG, follow_imports=False)
    hardware = read_source(files.hardware, file=HARDWARE, follow_imports=False)
    return ModuleReading(
        definitions=config.definitions + hardware.definitions,
        imports=tuple(i for i in config.imports + hardware.imports if i.kind != "local"),
        files=(CONFIG, HARDWARE),
        declared_options=config.declared_options + hardware.declared_options,
        unreadable=config.unreadable + hardware.unreadable,
    )


def verify(
    files: RenderedFiles, kb: Knowledge, intent: Intent, system: str, accepted: Sequence[str] = ()
) -> Verified:
    """Zero validation errors (else a generator bug) and no unaccepted high/medium policy findings."""
    from nixwright.policy.engine import evaluate_policy
    from nixwright.validate import check_reading

    reading = read_back(files)
    validation = check_reading(reading, kb, system=system)
    errors = [f for f in validation if f.severity is Severity.ERROR]
    if errors:
        listed = "; ".join(f"{f.code} {f.option or ''}: {f.message}" for f in errors[:3])
        raise NixwrightError(
            f"internal: the generated configuration fails validation ({len(errors)} errors): {listed}",
            hint="this is a bug in nixwright's catalog or planner; please report it with the request",
            exit_code=3,
        )
    profile = "hardened" if intent.has_quality("hardened") else None
    policy = evaluate_policy(
        reading, kb, system=system, intent=intent, profile=profile, accepted=tuple(accepted)
    )
    blocking = [f for f in policy if f.severity in BLOCKING]
    if blocking:
        listed = "; ".join(f"{f.code}: {f.message}" for f in blocking[:3])
        raise NixwrightError(
            f"the request leads to a configuration the security policy rejects: {listed}",
            hint="if you accept the risk, rerun with "
            + " ".join(f"--accept-risk {c}" for c in sorted({f.code for f in blocking})),
            exit_code=1,
        )
    return Verified(reading, validation, policy)
