"""Assertions of NixOS's users-groups module that hand-written configurations often trip."""

from __future__ import annotations

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, Severity
from nixwright.nix.values import Dynamic, NixBool, NixInt, PackageRef, RawExpr, Value
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts, present, strings_in

_USERS = ("users", "users")
# Users that NixOS itself declares (with a uid or as system users) in every configuration.
_BUILTIN_USERS = frozenset({"root", "nobody"})
# Shells whose users need the matching ``programs.<shell>.enable`` (users-groups.nix).
_SHELL_PROGRAMS = ("fish", "xonsh", "zsh")
_SECRETS = (
    "hashedPassword",
    "password",
    "hashedPasswordFile",
    "passwordFile",
    "initialPassword",
    "initialHashedPassword",
)


def _field(facts: Facts, name: str, *field: str) -> Value | None:
    return facts.get(*_USERS, name, *field)


def _service_user(facts: Facts, name: str) -> bool:
    """A name a service module probably declares (``users.users.nginx`` with ``services.nginx``)."""
    for rel, d in facts.below("services"):
        if rel[-1] == "enable" and isinstance(d.value, NixBool) and d.value.value:
            service = rel[0].lower()
            if name.lower() in service or service in name.lower():
                return True
    return False


def _computed(facts: Facts, name: str) -> bool:
    """The user's whole value is an expression (``users.users.carol = mkUser "carol";``)."""
    return any(rel == (name,) and isinstance(d.value, Dynamic | RawExpr) for rel, d in facts.below(*_USERS))


def check_users(facts: Facts) -> list[Finding]:
    findings: list[Finding] = []
    for name in facts.names_below(*_USERS):
        if name in _BUILTIN_USERS or name.startswith("${") or _computed(facts, name):
            continue
        loc = facts.location(*_USERS, name) or facts.top_location()
        normal, system, uid = (
            _field(facts, name, "isNormalUser"),
            _field(facts, name, "isSystemUser"),
            _field(facts, name, "uid"),
        )
        if any(v is not None and not isinstance(v, NixBool) for v in (normal, system)):
            continue  # computed, or already a type error of its own
        if isinstance(uid, Dynamic | RawExpr):
            continue
        is_normal = isinstance(normal, NixBool) and normal.value
        is_system = (isinstance(system, NixBool) and system.value) or (
            isinstance(uid, NixInt) and uid.value < 1000
        )
        dotted = f"users.users.{name}"
        if is_normal == is_system:
            declared = normal is not None or system is not None or uid is not None
            if not declared and _service_user(facts, name):
                continue
            findings.append(
                make_finding(
                    "NW-SYS-USER-KIND",
                    f"`{dotted}` must be exactly one of a normal user and a system user "
                    + (
                        "(both are set)"
                        if is_normal
                        else "(neither `isNormalUser` nor `isSystemUser` is set)"
                    ),
                    loc,
                    fix=f"set `{dotted}.isNormalUser = true;` for a person, or "
                    f"`{dotted}.isSystemUser = true;` (with a group) for a service",
                    option=dotted,
                )
            )
        if not is_normal and not present(_field(facts, name, "group")):
            findings.append(
                make_finding(
                    "NW-SYS-USER-GROUP",
                    f"`{dotted}` has no group; NixOS requires one for every user that is not a normal user",
                    loc,
                    fix=f'set `{dotted}.group = "{name}";` and `users.groups.{name} = {{ }};`',
                    option=dotted,
                )
            )
        findings.extend(_shell(facts, name, loc))
    return findings


def _shell(facts: Facts, name: str, loc: SourceLocation) -> list[Finding]:
    shell = _field(facts, name, "shell")
    if not isinstance(shell, PackageRef) or shell.attr_path not in _SHELL_PROGRAMS:
        return []
    program = shell.attr_path
    enabled = facts.is_true("programs", program, "enable")
    if enabled is True or (enabled is None and facts.defined("programs", program, "enable")):
        return []
    if facts.is_true(*_USERS, name, "ignoreShellProgramCheck") is True:
        return []
    return [
        make_finding(
            "NW-SYS-USER-SHELL",
            f"`users.users.{name}.shell` is {program}, but `programs.{program}.enable` is not true; "
            "NixOS refuses this because the shell would lack the system's paths",
            shell.location or loc,
            fix=f"set `programs.{program}.enable = true;`",
            option=f"users.users.{name}.shell",
        )
    ]


def check_locked_out(facts: Facts) -> list[Finding]:
    if facts.is_true("users", "mutableUsers") is not False:
        return []
    if facts.is_true("users", "allowNoPasswordLogin") is True:
        return []
    unsure = False
    for name in facts.names_below(*_USERS):
        groups = _field(facts, name, "extraGroups")
        if name != "root" and "wheel" not in strings_in(groups):
            unsure = unsure or isinstance(groups, Dynamic | RawExpr)
            continue
        values = [_field(facts, name, s) for s in _SECRETS]
        values += [_field(facts, name, "openssh", "authorizedKeys", k) for k in ("keys", "keyFiles")]
        if any(isinstance(v, Dynamic | RawExpr) for v in values):
            unsure = True
        if any(present(v) and not isinstance(v, Dynamic | RawExpr) for v in values):
            return []
    loc = facts.location("users", "mutableUsers") or facts.top_location()
    return [
        make_finding(
            "NW-SYS-LOCKED-OUT",
            "`users.mutableUsers = false` but neither root nor any wheel user has a password or SSH key: "
            "NixOS refuses a configuration that locks everyone out"
            + (" (not checked: some values are computed)" if unsure else ""),
            loc,
            fix="give root or a wheel user `hashedPassword`/`hashedPasswordFile` or "
            "`openssh.authorizedKeys.keys`",
            severity=Severity.INFO if unsure else None,
        )
    ]
