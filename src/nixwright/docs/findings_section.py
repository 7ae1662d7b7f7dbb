"""Validation and policy findings, and what each level of severity means for the owner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from nixwright.docs.md import code, one_line
from nixwright.findings import Finding, FindingSource, Severity

MEANING = {
    Severity.ERROR: "Nix would refuse to build this; it must be fixed first.",
    Severity.HIGH: "a serious security risk; fix it unless you are sure it is intended.",
    Severity.MEDIUM: "weakens security; worth fixing.",
    Severity.WARNING: "builds, but probably not what you meant.",
    Severity.LOW: "a small hardening step you may take.",
    Severity.INFO: "for your information; nothing to do.",
}


def findings_section(findings: Sequence[Finding]) -> str:
    if not findings:
        return (
            "The security checks and the release checks found nothing to report: every option and "
            "package exists in this release, and no risky setting was found."
        )
    ordered = sorted(findings, key=lambda f: (-f.severity.rank, f.source.value, f.code, f.sort_key()))
    parts = [_counts(ordered), "\n".join(finding_item(f) for f in ordered)]
    present = list(dict.fromkeys(f.severity for f in ordered))
    parts.append("What the levels mean:\n\n" + "\n".join(f"- **{s.value}**: {MEANING[s]}" for s in present))
    return "\n\n".join(parts)


def finding_item(finding: Finding) -> str:
    title = f" **{one_line(finding.title).rstrip('.')}**." if finding.title else ""
    text = f"- **{finding.severity.value}** {code(finding.code)}:{title} {_sentence(finding.message)}"
    if finding.location is not None:
        where = f"{PurePosixPath(finding.location.file).name}, line {finding.location.line}"
        text += f" ({where})."
    elif finding.option:
        text += f" ({code(finding.option)})."
    if finding.fix:
        fix = one_line(finding.fix)
        text += f" To fix: {code(fix)}" if _looks_like_nix(fix) else f" To fix: {_sentence(fix)}"
    return text


def _counts(findings: Sequence[Finding]) -> str:
    policy = sum(1 for f in findings if f.source is FindingSource.POLICY)
    validation = len(findings) - policy
    said = []
    if policy:
        said.append(f"the security policy made {policy} remark{'s' if policy != 1 else ''}")
    if validation:
        said.append(f"the release check made {validation} remark{'s' if validation != 1 else ''}")
    return " and ".join(said).capitalize() + ", most serious first:"


def _looks_like_nix(text: str) -> bool:
    return text.endswith(";") and " = " in text


def _sentence(text: str) -> str:
    text = one_line(text)
    return text if not text or text[-1] in ".!?)" else text + "."
