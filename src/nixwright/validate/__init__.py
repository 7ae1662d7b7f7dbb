"""Validation: a configuration's definitions checked against a release, as findings."""

from __future__ import annotations

from nixwright.validate.engine import check_reading
from nixwright.validate.report import CheckReport, check_path

__all__ = ["CheckReport", "check_path", "check_reading"]
