import json
from pathlib import Path

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, FindingSource, Severity
from nixwright.nix.values import ModuleReading
from nixwright.validate.codes import make_finding
from nixwright.validate.formats import render_json, render_sarif, render_text
from nixwright.validate.report import CheckReport

FILE = "/cfg/configuration.nix"
ERROR = make_finding("NW-TYPE-MISMATCH", "`x`: expected boolean", SourceLocation(FILE, 5, 3), fix="use true")
POLICY = Finding(
    "NW-SSH-001",
    Severity.HIGH,
    "root may log in over SSH",
    SourceLocation(FILE, 7, 3),
    source=FindingSource.POLICY,
)
NOTE = make_finding("NW-NOT-CHECKED", "not checked: computed")


def _report(accepted: bool) -> CheckReport:
    return CheckReport(
        path=Path(FILE),
        system="x86_64-linux",
        release="24.11",
        reading=ModuleReading(definitions=()),
        findings=(ERROR, NOTE),
        accepted=accepted,
        static_accepted=accepted,
        seconds=0.01,
    )


def test_text_lines_are_relative_and_tagged():
    text = render_text(_report(accepted=False), (ERROR, POLICY, NOTE), failed=True)
    lines = text.splitlines()
    assert lines[0] == "configuration.nix:5:3: error NW-TYPE-MISMATCH: `x`: expected boolean"
    assert lines[1] == "  fix: use true"
    assert lines[2] == "configuration.nix:7:3: high [policy] NW-SSH-001: root may log in over SSH"
    assert lines[3] == "info NW-NOT-CHECKED: not checked: computed"
    assert lines[-1] == (
        "/cfg/configuration.nix: 1 error, 1 high-severity policy finding, 1 note. "
        "Nix would reject this configuration (static check, NixOS 24.11, x86_64-linux)"
    )


def test_text_says_when_policy_fails_an_accepted_configuration():
    text = render_text(_report(accepted=True), (POLICY,), failed=True)
    assert text.rstrip().endswith("; failing on policy findings")


def test_json_fields():
    data = json.loads(render_json(_report(accepted=False), (ERROR, POLICY), failed=True))
    assert (data["accepted"], data["failed"], data["release"]) == (False, True, "24.11")
    assert data["findings"][0] == {
        "code": "NW-TYPE-MISMATCH",
        "severity": "error",
        "source": "validation",
        "title": "value has the wrong type",
        "message": "`x`: expected boolean",
        "fix": "use true",
        "option": None,
        "file": FILE,
        "line": 5,
        "col": 3,
        "references": [],
    }
    assert data["findings"][1]["source"] == "policy"


def test_sarif_structure():
    sarif = json.loads(render_sarif(_report(accepted=False), (ERROR, POLICY, NOTE)))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [
        "NW-NOT-CHECKED",
        "NW-SSH-001",
        "NW-TYPE-MISMATCH",
    ]
    levels = [(r["ruleId"], r["level"], r["ruleIndex"]) for r in run["results"]]
    assert levels == [
        ("NW-TYPE-MISMATCH", "error", 2),
        ("NW-SSH-001", "error", 1),
        ("NW-NOT-CHECKED", "note", 0),
    ]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "file:///cfg/configuration.nix"
    assert location["region"] == {"startLine": 5, "startColumn": 3}
    assert "locations" not in run["results"][2]
