"""Secrets and passwords the owner must set, with the exact commands."""

from __future__ import annotations

from nixwright.docs.md import code, fence, heading
from nixwright.docs.words import and_list, capability, capability_title
from nixwright.nix.values import NixBool, path_str
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
    keyless = users_without_ssh_keys(plan)
    if keyless:
        parts.append(heading(3, "SSH keys for logging in from another computer"))
        parts.append(_ssh_key_text(keyless))
    if not parts:
        return "This machine needs no secrets or passwords beyond the ones the installer asks for."
    return "\n\n".join(parts)


def users_without_ssh_keys(plan: Plan) -> list[str]:
    """Accounts that may log in over SSH (SSH on, keys only) but have no key yet."""
    values = {a.path: a.value for a in plan.assignments}
    if values.get(("services", "openssh", "enable")) != NixBool(value=True):
        return []
    people = {a.path[2] for a in plan.assignments if a.path[:2] == ("users", "users") and len(a.path) > 3}
    with_keys = {
        a.path[2]
        for a in plan.assignments
        if a.path[:2] == ("users", "users") and a.path[3:] == ("openssh", "authorizedKeys", "keys")
    }
    return sorted(p for p in people - with_keys if p != "root")


def _ssh_key_text(users: list[str]) -> str:
    first = users[0]
    return "\n\n".join(
        [
            (
                "SSH accepts keys only, and no key was given, so nobody can log in over the network yet. "
                "On the computer you will log in from, create a key (once) and print its public half:"
            ),
            fence("ssh-keygen -t ed25519\ncat ~/.ssh/id_ed25519.pub", "sh"),
            (
                f"Then add that line to `configuration.nix` for {and_list([code(u) for u in users])}, and run "
                "`sudo nixos-rebuild switch` at the machine:"
            ),
            fence(
                f'{path_str(("users", "users", first, "openssh", "authorizedKeys", "keys"))} = [\n  "ssh-ed25519 AAAA... you@laptop"\n];',
                "nix",
            ),
            "Or give the key when generating (answer key `ssh-key`), and it is written in for you.",
        ]
    )


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
