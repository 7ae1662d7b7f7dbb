"""The seeded-error corpus (bench/corpus/check): every case gets exactly its expected findings, and
the expectations agree with Nix's verdicts wherever labels.json has one."""

import json
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus" / "check"
sys.path.insert(0, str(CORPUS))

from check_scoring import load_cases, load_labels, predicted_codes, rejects  # noqa: E402

pytestmark = pytest.mark.integration


def test_corpus_is_large_and_consistent_with_its_generator():
    from check_generate import build_cases

    cases = load_cases()
    assert len(cases) >= 200
    built = build_cases()
    assert [c["id"] for c in built] == [c["id"] for c in cases]
    assert [c["expected"] for c in built] == [c["expected"] for c in cases]
    for case in built:
        for name, text in case["files"].items():
            assert (CORPUS / "cases" / case["id"] / name).read_text(encoding="utf-8") == text


def test_every_case_gets_exactly_the_expected_findings(kb):
    wrong = []
    for case in load_cases():
        got = predicted_codes(case, kb)
        if got != case["expected"]:
            wrong.append(f"{case['id']}: expected {case['expected']}, got {got}")
    assert wrong == []


def test_expectations_agree_with_nix_labels():
    labels = load_labels()
    disagree = [
        f"{c['id']}: expected {c['expected']}, Nix {labels[c['id']]['verdict']}: {labels[c['id']]['first_error']}"
        for c in load_cases()
        if c["id"] in labels
        and not c.get("known_limit")
        and rejects(c["expected"]) != (labels[c["id"]]["verdict"] == "FAIL")
    ]
    assert disagree == []
    # a known limit is kept in the corpus to be measured; its label must show the limit
    for c in load_cases():
        if c.get("known_limit") and c["id"] in labels:
            assert rejects(c["expected"]) != (labels[c["id"]]["verdict"] == "FAIL"), c["id"]


def test_labels_are_for_the_current_case_files():
    from check_label import case_hash

    ids = {c["id"] for c in load_cases()}
    path = CORPUS / "labels.json"
    labels = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    assert set(labels) <= ids
    stale = [k for k, v in labels.items() if v["hash"] != case_hash(CORPUS / "cases" / k)]
    assert stale == []


# codes for what Nix itself warns about (NW-TYPE-UNUSED is nixwright's own early warning)
NIX_WARNS = {
    "NW-OPT-RENAMED",
    "NW-OPT-CHANGED",
    "NW-OPT-DEPRECATED",
    "NW-PKG-RENAMED",
    "NW-SYS-STATE-VERSION",
}


def test_warnings_agree_with_nix_on_accepted_cases():
    labels = load_labels()
    wrong = []
    for c in load_cases():
        label = labels.get(c["id"])
        if label is None or label["verdict"] != "OK" or c.get("known_limit"):
            continue
        if bool(set(c["expected"]) & NIX_WARNS) != bool(label["warnings"]):
            wrong.append(f"{c['id']}: expected {c['expected']}, Nix warned {label['warnings']}")
    assert wrong == []
