"""Findings: what the validator and the policy layer say about a configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from nixwright.errors import SourceLocation


class Severity(Enum):
    """Validation uses error/warning/info; policy uses high/medium/low/info."""

    ERROR = "error"
    HIGH = "high"
    MEDIUM = "medium"
    WARNING = "warning"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used for ``--fail-on`` and for sorting."""
        return _RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.strip().lower())
        except ValueError:
            from nixwright.errors import NixwrightError

            names = ", ".join(s.value for s in cls)
            raise NixwrightError(f"unknown severity {text!r}", hint=f"use one of: {names}") from None


_RANK = {
    Severity.ERROR: 50,
    Severity.HIGH: 40,
    Severity.MEDIUM: 30,
    Severity.WARNING: 20,
    Severity.LOW: 15,
    Severity.INFO: 10,
}


class FindingSource(Enum):
    VALIDATION = "validation"
    POLICY = "policy"


@dataclass(frozen=True)
class Finding:
    """One statement about a configuration, with a stable code and, where possible, a fix."""

    code: str
    severity: Severity
    message: str
    location: SourceLocation | None = None
    fix: str | None = None
    source: FindingSource = FindingSource.VALIDATION
    option: str | None = None
    title: str | None = None
    references: tuple[str, ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        loc = self.location
        return (
            loc.file if loc else "",
            loc.line if loc else 0,
            loc.col if loc else 0,
            -self.severity.rank,
            self.code,
            self.message,
        )
