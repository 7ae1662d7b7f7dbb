"""Assertions of service modules that common configurations hit."""

from __future__ import annotations

from nixwright.findings import Finding
from nixwright.nix.values import NixAttrs, NixBool, NixList, NixString
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts, present, strings_in


def _uses_zfs(facts: Facts) -> bool:
    for key in (("boot", "supportedFilesystems"), ("boot", "initrd", "supportedFilesystems")):
        if "zfs" in strings_in(facts.get(*key)):
            return True
        if facts.is_true(*key, "zfs") is True:
            return True
    return any(
        rel[1:] == ("fsType",) and isinstance(d.value, NixString) and d.value.value == "zfs"
        for rel, d in facts.below("fileSystems")
    )


def check_zfs(facts: Facts) -> list[Finding]:
    if not _uses_zfs(facts) or facts.defined("networking", "hostId"):
        return []
    return [
        make_finding(
            "NW-SYS-ZFS-HOST-ID",
            "ZFS is used but `networking.hostId` is not set; NixOS requires it for ZFS pools",
            facts.location("boot", "supportedFilesystems")
            or facts.location("fileSystems")
            or facts.top_location(),
            fix='set `networking.hostId = "<8 hex digits>";` e.g. from `head -c4 /dev/urandom | od -A none -t x4`',
            option="networking.hostId",
        )
    ]


def _acme_users(facts: Facts) -> list[str]:
    """Where ACME certificates are requested (option paths)."""
    found = [f"security.acme.certs.{n}" for n in facts.names_below("security", "acme", "certs")]
    for rel, d in facts.below("services"):
        if rel[-1] in ("enableACME", "useACMEHost") and rel[0] in ("nginx", "httpd", "caddy"):
            value = d.value
            if (isinstance(value, NixBool) and value.value) or (rel[-1] == "useACMEHost" and present(value)):
                found.append("services." + ".".join(rel))
    return found


def check_acme(facts: Facts) -> list[Finding]:
    users = _acme_users(facts)
    if not users:
        return []
    out: list[Finding] = []
    loc = facts.location("security", "acme") or facts.top_location()
    if facts.is_true("security", "acme", "acceptTerms") is not True and not facts.is_dynamic(
        "security", "acme", "acceptTerms"
    ):
        out.append(
            make_finding(
                "NW-SYS-ACME-TERMS",
                f"ACME certificates are requested ({users[0]}) but the CA's terms are not accepted",
                loc,
                fix="set `security.acme.acceptTerms = true;` after reading the CA's terms",
                option="security.acme.acceptTerms",
            )
        )
    has_default = facts.defined("security", "acme", "defaults", "email") or facts.defined(
        "security", "acme", "email"
    )
    cert_names = facts.names_below("security", "acme", "certs")
    per_cert = cert_names and all(facts.defined("security", "acme", "certs", n, "email") for n in cert_names)
    vhost_certs = len(users) > len(cert_names)
    if not has_default and not (per_cert and not vhost_certs):
        out.append(
            make_finding(
                "NW-SYS-ACME-EMAIL",
                "ACME certificates are requested but no contact e-mail is set",
                loc,
                fix='set `security.acme.defaults.email = "you@example.org";`',
                option="security.acme.defaults.email",
            )
        )
    return out


def check_wireless(facts: Facts) -> list[Finding]:
    if facts.is_true("networking", "networkmanager", "enable") is not True:
        return []
    if facts.is_true("networking", "wireless", "enable") is not True:
        return []
    unmanaged = facts.get("networking", "networkmanager", "unmanaged")
    if (isinstance(unmanaged, NixList | NixAttrs) and present(unmanaged)) or (
        unmanaged is not None and not isinstance(unmanaged, NixList)
    ):
        return []
    return [
        make_finding(
            "NW-SYS-WIRELESS-CONFLICT",
            "`networking.networkmanager.enable` and `networking.wireless.enable` are both true; "
            "NixOS refuses this unless some interfaces are left unmanaged by NetworkManager",
            facts.location("networking", "wireless", "enable") or facts.top_location(),
            fix="drop `networking.wireless.enable` (NetworkManager handles Wi-Fi)",
            option="networking.wireless.enable",
        )
    ]
