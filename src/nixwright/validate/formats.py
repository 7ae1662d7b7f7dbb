"""A check report as text, JSON or SARIF 2.1.0 (pure functions returning strings)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nixwright.findings import Finding, FindingSource, Severity
from nixwright.validate.codes import CATALOGUE
from nixwright.validate.report import CheckReport

DOCS_URL = "docs/checks.md"
_SARIF_LEVEL = {
    Severity.ERROR: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.WARNING: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}


def _relative(file: str, base: Path) -> str:
    try:
        return str(Path(file).relative_to(base))
    except ValueError:
        return file


def render_text(report: CheckReport, findings: Sequence[Finding], *, failed: bool) -> str:
    base = report.path.parent
    lines: list[str] = []
    for f in findings:
        where = ""
        if f.location is not None:
            where = f"{_relative(f.location.file, base)}:{f.location.line}:{f.location.col}: "
        kind = " [policy]" if f.source is FindingSource.POLICY else ""
        lines.append(f"{where}{f.severity.value}{kind} {f.code}: {f.message}")
        if f.fix:
            lines.append(f"  fix: {f.fix}")
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    summary = ", ".join(_count(n, s) for s, n in counts.items() if n) or "no findings"
    how = (
        "Nix's evaluation" if report.evaluation and report.evaluation.accepted is not None else "static check"
    )
    verdict = (
        "Nix would accept this configuration" if report.accepted else "Nix would reject this configuration"
    )
    lines.append(
        f"{report.path}: {summary}. {verdict} ({how}, NixOS {report.release}, {report.system})"
        + ("; failing on policy findings" if failed and report.accepted else "")
    )
    return "\n".join(lines) + "\n"


def _count(n: int, severity: Severity) -> str:
    word = {Severity.INFO: "note", Severity.ERROR: "error", Severity.WARNING: "warning"}.get(severity)
    word = word or f"{severity.value}-severity policy finding"
    return f"{n} {word}" + ("s" if n != 1 else "")


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "source": f.source.value,
        "title": f.title,
        "message": f.message,
        "fix": f.fix,
        "option": f.option,
        "file": f.location.file if f.location else None,
        "line": f.location.line if f.location else None,
        "col": f.location.col if f.location else None,
        "references": list(f.references),
    }


def report_data(report: CheckReport, findings: Sequence[Finding], *, failed: bool) -> dict[str, Any]:
    evaluation = report.evaluation
    return {
        "path": str(report.path),
        "release": report.release,
        "system": report.system,
        "accepted": report.accepted,
        "static_accepted": report.static_accepted,
        "failed": failed,
        "findings": [_finding_json(f) for f in findings],
        "evaluation": None
        if evaluation is None
        else {
            "ran": evaluation.ran,
            "accepted": evaluation.accepted,
            "seconds": round(evaluation.seconds, 3),
            "command": evaluation.command,
            "drv": evaluation.drv,
        },
    }


def render_json(report: CheckReport, findings: Sequence[Finding], *, failed: bool) -> str:
    return json.dumps(report_data(report, findings, failed=failed), indent=2, sort_keys=True) + "\n"


def render_sarif(report: CheckReport, findings: Sequence[Finding]) -> str:
    rule_ids = sorted({f.code for f in findings})
    rules = []
    for code in rule_ids:
        sample = next(f for f in findings if f.code == code)
        info = CATALOGUE.get(code)
        title = info.title if info else (sample.title or code)
        rules.append(
            {
                "id": code,
                "shortDescription": {"text": title},
                "help": {"text": f"See {DOCS_URL} ({code})" if info else "See docs/policy.md"},
                "properties": {"source": sample.source.value},
            }
        )
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": rule_ids.index(f.code),
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" Fix: {f.fix}" if f.fix else "")},
            "properties": {"severity": f.severity.value},
        }
        if f.location is not None:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": Path(f.location.file).as_uri()
                            if f.location.file.startswith("/")
                            else f.location.file
                        },
                        "region": {"startLine": f.location.line, "startColumn": f.location.col},
                    }
                }
            ]
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "nixwright", "rules": rules}},
                "results": results,
                "properties": {
                    "release": report.release,
                    "system": report.system,
                    "accepted": report.accepted,
                },
            }
        ],
    }
    return json.dumps(sarif, indent=2, sort_keys=True) + "\n"
