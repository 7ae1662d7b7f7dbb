"""Score the static checker against the corpus: per-code precision/recall and verdict agreement."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.knowledge.model import Knowledge
from nixwright.nix.read import read_module
from nixwright.validate import check_reading
from nixwright.validate.codes import CATALOGUE

HERE = Path(__file__).resolve().parent


def load_cases() -> list[dict[str, object]]:
    return list(json.loads((HERE / "cases.json").read_text(encoding="utf-8")))


def load_labels() -> dict[str, dict[str, object]]:
    path = HERE / "labels.json"
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


def predicted_codes(case: dict[str, object], kb: Knowledge) -> list[str]:
    try:
        reading = read_module(HERE / "cases" / str(case["id"]) / "configuration.nix")
    except NixwrightError:
        return ["INPUT-ERROR"]
    findings = check_reading(reading, kb, system=str(case["system"]))
    return sorted({f.code for f in findings if f.severity.rank >= Severity.WARNING.rank})


def rejects(codes: list[str]) -> bool:
    return any(c not in CATALOGUE or CATALOGUE[c].severity is Severity.ERROR for c in codes)


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    exact: int = 0
    verdict_vs_expected: int = 0
    labelled: int = 0
    verdict_vs_nix: int = 0
    expected_vs_nix: int = 0
    mismatches: list[str] = field(default_factory=list)
    nix_disagreements: list[str] = field(default_factory=list)

    def add(self, case: dict[str, object], got: list[str], label: dict[str, object] | None) -> None:
        want = list(case["expected"])  # type: ignore[call-overload]
        self.cases += 1
        for code in set(got) | set(want):
            if code in got and code in want:
                self.tp[code] += 1
            elif code in got:
                self.fp[code] += 1
            else:
                self.fn[code] += 1
        if got == want:
            self.exact += 1
        else:
            self.mismatches.append(f"{case['id']}: expected {want}, got {got}")
        self.verdict_vs_expected += rejects(got) == rejects(want)
        if label is not None:
            self.labelled += 1
            nix_rejects = label["verdict"] == "FAIL"
            self.verdict_vs_nix += rejects(got) == nix_rejects
            self.expected_vs_nix += rejects(want) == nix_rejects
            if rejects(got) != nix_rejects:
                limit = f" [known limit: {case['known_limit']}]" if case.get("known_limit") else ""
                self.nix_disagreements.append(
                    f"{case['id']}: nixwright {'rejects' if rejects(got) else 'accepts'} {got}, "
                    f"Nix {label['verdict']}: {str(label.get('first_error', ''))[:100]}{limit}"
                )

    @property
    def precision(self) -> float:
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        tp, fn = sum(self.tp.values()), sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 1.0


def score_corpus(kb: Knowledge) -> Score:
    labels = load_labels()
    score = Score()
    for case in load_cases():
        score.add(case, predicted_codes(case, kb), labels.get(str(case["id"])))
    return score
