"""The base every machine gets: release, host name, Nix settings, locale, people."""

from __future__ import annotations

from nixwright.intake.intent import Evidence, Intent
from nixwright.plan.assign import TRUE, assign, block, s, strs
from nixwright.plan.model import Assignment, Block, Secret


def base_block(
    intent: Intent, release: str, facts: dict[str, str], hostname_ev: tuple[Evidence, ...]
) -> Block:
    a = [
        assign(
            ("networking", "hostName"),
            s(facts["hostname"]),
            "base",
            "The machine's name on the network.",
            hostname_ev,
        ),
        assign(
            ("system", "stateVersion"),
            s(release),
            "base",
            f"The NixOS release this machine was first installed with ({release}); leave it unchanged when upgrading.",
        ),
        assign(
            ("nix", "settings", "experimental-features"),
            strs(["nix-command", "flakes"]),
            "base",
            "Lets `nixos-rebuild` use the flake.nix next to this file, which pins the release.",
        ),
        assign(
            ("nix", "settings", "auto-optimise-store"),
            TRUE,
            "base",
            "Stores identical files only once, saving disk space.",
        ),
        assign(("nix", "gc", "automatic"), TRUE, "base", "Removes old, unused system versions every week."),
        assign(("nix", "gc", "dates"), s("weekly"), "base", "How often old system versions are cleaned up."),
        assign(
            ("nix", "gc", "options"),
            s("--delete-older-than 30d"),
            "base",
            "Keeps system versions of the last 30 days to roll back to.",
        ),
        assign(
            ("networking", "firewall", "enable"),
            TRUE,
            "base",
            "The firewall blocks every incoming connection that is not opened below.",
        ),
    ]
    a += _locale(intent, facts)
    return block(
        "base", "Base system", "What every machine gets: its name, release, Nix settings and locale.", a
    )


def _locale(intent: Intent, facts: dict[str, str]) -> list[Assignment]:
    loc = intent.locale
    ev_tz = tuple(e for e in intent.understood if loc.timezone and loc.timezone in e.text)
    return [
        assign(
            ("time", "timeZone"), s(facts["timezone"]), "base", "The time zone for the clock and logs.", ev_tz
        ),
        assign(
            ("i18n", "defaultLocale"),
            s(facts["locale"]),
            "base",
            "Language and formats for dates and numbers.",
        ),
        assign(
            ("console", "keyMap"), s(facts["keyboard"]), "base", "The keyboard layout on the text console."
        ),
    ]


def people_block(
    intent: Intent, facts: dict[str, str], extra_groups: tuple[str, ...]
) -> tuple[Block, list[Secret]]:
    a: list[Assignment] = []
    secrets: list[Secret] = []
    people = [p for p in intent.people if p.username] or []
    admin = facts["admin"]
    names = [p.username for p in people] or [admin]
    for name in names:
        person = next((p for p in people if p.username == name), None)
        is_admin = name == admin
        ev = (person.evidence,) if person and person.evidence else ()
        groups = (["wheel"] if is_admin else []) + list(extra_groups)
        role = "the administrator (may use sudo)" if is_admin else "a normal user account"
        user = ("users", "users", name)
        origin = f"person:{name}"
        a.append(assign((*user, "isNormalUser"), TRUE, origin, f"{name}: {role}.", ev))
        a.append(assign((*user, "description"), s(name), origin, "The name shown on the login screen.", ev))
        a.append(assign((*user, "extraGroups"), strs(groups), origin, _groups_why(groups), ev))
        keys = person.ssh_keys if person else ()
        if keys:
            a.append(
                assign(
                    (*user, "openssh", "authorizedKeys", "keys"),
                    strs(keys),
                    origin,
                    f"The SSH keys {name} logs in with.",
                    ev,
                )
            )
        secrets.append(
            Secret(
                name=f"password-{name}",
                purpose=f"The login password of {name} (never stored in the configuration).",
                path="/etc/shadow",
                how_to_set=f"sudo passwd {name}   # after installing: sudo nixos-enter --root /mnt -c 'passwd {name}'",
                capability="base",
            )
        )
    a.append(
        assign(
            ("users", "mutableUsers"),
            TRUE,
            "base",
            "Passwords are set with `passwd` on the machine, so they never appear in any file here.",
        )
    )
    return block("people", "People", "The accounts on this machine.", a), secrets


def _groups_why(groups: list[str]) -> str:
    words = {
        "wheel": "wheel: may run commands as root with sudo",
        "networkmanager": "networkmanager: may change network and Wi-Fi settings",
        "video": "video: may use the graphics hardware",
        "audio": "audio: may use sound devices",
        "lp": "lp: may manage printers",
        "docker": "docker: may run containers (this is root-equivalent)",
        "podman": "podman: may manage containers",
        "libvirtd": "libvirtd: may manage virtual machines",
        "dialout": "dialout: may use serial devices",
    }
    if not groups:
        return "Member of no extra groups."
    return "Groups: " + "; ".join(words.get(g, g) for g in groups) + "."
