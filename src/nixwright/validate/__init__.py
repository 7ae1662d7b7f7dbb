"""Validation: a configuration's definitions checked against a release, as findings."""

from __future__ import annotations

from nixwright.validate.engine import check_reading

__all__ = ["check_reading"]
