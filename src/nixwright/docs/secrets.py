"""Secrets and passwords the owner must set, with the exact commands."""

from __future__ import annotations

from nixwright.docs.md import code, fence, heading
from nixwright.docs.words import and_list, capability, capability_title
from nixwright.plan.model import Plan


def secrets_section(plan: Plan) -> str:
    parts: list[str] = []
    files = [s for s in plan.secrets if not is_password(s.path)]
    if files:
        parts.append(
            "Secrets are never written into the configuration: it is copied into the Nix store, which "
            "every user of the machine can read. Each secret lives in its own file, readable only by root. "
            "Create them on the machine after installing, then run `sudo nixos-rebuild switch` again."
        )
    for secret in sorted(plan.secrets, key=lambda s: (is_password(s.path), s.capability, s.name)):
        parts.append(heading(3, secret.name))
        used_by = (
            f" Used by {capability_title(plan, secret.capability)}." if capability(secret.capability) else ""
        )
        where = "" if is_password(secret.path) else f" Expected at {code(secret.path)}."
        parts.append(f"{secret.purpose.strip().rstrip('.')}.{used_by}{where}")
        parts.append(fence(secret.how_to_set.strip(), "sh"))
    people = [p for p in login_users(plan) if not any(f"passwd {p}" in s.how_to_set for s in plan.secrets)]
    if people:
        parts.append(heading(3, "Passwords of the people who log in"))
        parts.append(
            f"The configuration creates the account{'s' if len(people) > 1 else ''} "
            f"{and_list([code(p) for p in people])} without a password, so that no password is ever "
            "stored in a file. After the first start, log in (as root, or with an SSH key) and give each "
            "one a password; `sudo` asks for it."
        )
        parts.append(fence("\n".join(f"sudo passwd {p}" for p in people), "sh"))
    if not parts:
        return "This machine needs no secrets or passwords beyond the ones the installer asks for."
    return "\n\n".join(parts)


def is_password(path: str) -> bool:
    """Login passwords live in the system's password database, not in a file of their own."""
    return path.startswith("/etc/shadow")


def login_users(plan: Plan) -> list[str]:
    """Normal users the plan creates without any password setting."""
    users: dict[str, set[str]] = {}
    for a in plan.assignments:
        if len(a.path) >= 4 and a.path[:2] == ("users", "users"):
            users.setdefault(a.path[2], set()).add(".".join(a.path[3:]))
    password_keys = {"hashedPassword", "hashedPasswordFile", "password", "passwordFile", "initialPassword"}
    password_keys |= {"initialHashedPassword"}
    return sorted(name for name, keys in users.items() if "isNormalUser" in keys and not keys & password_keys)
