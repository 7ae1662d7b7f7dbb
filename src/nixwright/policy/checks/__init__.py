"""Check functions, registered by name; rule data says which one runs with which parameters."""

from __future__ import annotations

from nixwright.policy.checks.registry import CHECKS, CheckFn, register

__all__ = ["CHECKS", "CheckFn", "load_checks", "register"]


def load_checks() -> None:
    """Import every check module so its functions register themselves."""
    from nixwright.policy.checks import (  # noqa: F401
        exposure,
        generic,
        hardened,
        packages,
        request,
        secrets,
        users,
    )
