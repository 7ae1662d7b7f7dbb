"""``evaluate_policy``: judge a configuration's effective settings against the rules in force."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.findings import Finding, FindingSource, Severity
from nixwright.intake.intent import Intent
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleReading, quote_attr
from nixwright.policy.checks import CHECKS, load_checks
from nixwright.policy.context import CheckContext
from nixwright.policy.effective import EffectiveConfig
from nixwright.policy.loader import builtin_ids
from nixwright.policy.model import Disabled, Hit, Rule
from nixwright.policy.profiles import choose_profile, load_policy


def evaluate_policy(
    reading: ModuleReading,
    kb: Knowledge,
    *,
    system: str,
    intent: Intent | None = None,
    profile: str | None = None,
    policy_files: Sequence[Path] = (),
    accepted: Sequence[str] = (),
) -> tuple[Finding, ...]:
    """Policy findings for one configuration, in a deterministic order.

    ``profile`` None means ``hardened`` when the intent asks for it, else ``baseline``.
    ``accepted`` holds rule ids the user confirmed (``--accept-risk``): their findings stay
    in the output as information, saying which risk was accepted and how bad it is. Rules a
    policy file disables still run: what they would report comes out as information naming
    the file and its reason.
    """
    load_checks()
    policy = load_policy(choose_profile(profile, intent), policy_files)
    builtin = builtin_ids()
    for rule_id in accepted:
        if rule_id not in builtin and all(r.id != rule_id for r in policy.rules):
            raise NixwrightError(
                f"--accept-risk names unknown rule {rule_id}", hint="rule ids are listed in docs/policy.md"
            )
    ctx = CheckContext(EffectiveConfig(reading, kb), kb, system=system, intent=intent, profile=policy.profile)
    for rule in policy.rules:
        if rule.id not in builtin:
            _check_user_rule_options(rule, kb)
    findings: dict[tuple[object, ...], Finding] = {}
    for rule in policy.rules:
        for hit in _run(rule, ctx, builtin=rule.id in builtin):
            finding = make_finding(rule, hit, accepted=rule.id in accepted)
            key = (finding.code, finding.location, finding.option, finding.message)
            findings.setdefault(key, finding)
    reasons = {d.rule_id: d for d in policy.disabled}
    for rule in policy.silenced:
        for hit in _run(rule, ctx, builtin=rule.id in builtin):
            if hit.not_checked:
                continue
            finding = silenced_finding(rule, hit, reasons[rule.id])
            findings.setdefault((finding.code, finding.location, finding.option, finding.message), finding)
    return tuple(sorted(findings.values(), key=Finding.sort_key))


def _run(rule: Rule, ctx: CheckContext, *, builtin: bool) -> list[Hit]:
    """The hits of one rule; a user rule with unusable parameters is a user error, not a crash."""
    try:
        return list(CHECKS[rule.check](ctx, rule.params))
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        if builtin:
            raise
        detail = f"missing parameter {err}" if isinstance(err, KeyError) else str(err)
        raise NixwrightError(
            f"{rule.origin}: rule {rule.id} cannot run check {rule.check!r}: {detail}",
            hint="see the Checks section of docs/policy.md for the parameters each check takes",
        ) from None


def _check_user_rule_options(rule: Rule, kb: Knowledge) -> None:
    from nixwright.policy.paths import split_path

    for option in rule.options:
        resolution = kb.resolve_option(split_path(option))
        if resolution.option is None and not resolution.is_namespace:
            guesses = kb.suggest_options(option)
            raise NixwrightError(
                f"{rule.origin}: rule {rule.id} names {option}, which release {kb.release} does not have",
                hint=f"did you mean {', '.join(guesses)}?" if guesses else "check the option path",
            )


def silenced_finding(rule: Rule, hit: Hit, disabled: Disabled) -> Finding:
    """What a disabled rule would have said, as information naming the file and its reason."""
    plain = make_finding(rule, hit)
    return replace(
        plain,
        severity=Severity.INFO,
        title=f"Disabled: {rule.title}",
        message=f"Disabled by {disabled.origin} ({disabled.reason}); it would report "
        f"({rule.severity.value}): {hit.detail}",
    )


def make_finding(rule: Rule, hit: Hit, *, accepted: bool = False) -> Finding:
    fix = hit.fix or rule.fix
    if hit.name is not None:
        fix = fix.replace("<name>", quote_attr(hit.name))
    if hit.not_checked:
        return Finding(
            code=rule.id,
            severity=Severity.INFO,
            message=f"Not checked: {hit.detail}",
            location=hit.location,
            fix=fix,
            source=FindingSource.POLICY,
            option=hit.option,
            title=f"Not checked: {rule.title}",
            references=rule.references,
        )
    message = f"{hit.detail} {rule.rationale}"
    if hit.condition:
        message += f" (This applies when `{hit.condition}` holds.)"
    title = rule.title
    severity = rule.severity
    if accepted and severity is not Severity.INFO:
        message = f"Accepted risk ({severity.value}), confirmed with --accept-risk {rule.id}: {message}"
        title = f"Accepted risk: {title}"
        severity = Severity.INFO
    return Finding(
        code=rule.id,
        severity=severity,
        message=message,
        location=hit.location,
        fix=fix,
        source=FindingSource.POLICY,
        option=hit.option,
        title=title,
        references=rule.references,
    )
