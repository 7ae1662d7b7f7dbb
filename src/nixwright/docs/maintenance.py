"""Keeping the machine up to date, changing it safely, and going back when a change goes wrong."""

from __future__ import annotations

from collections.abc import Mapping

from nixwright.docs.md import code, fence, heading
from nixwright.nix.values import NixBool, NixString, Value
from nixwright.plan.model import Plan


def maintenance_section(plan: Plan) -> str:
    values = {a.path: a.value for a in plan.assignments}
    parts = [heading(3, "Updating"), _updating(plan, values), heading(3, "Changing the configuration")]
    parts.append(
        "Edit `configuration.nix`, check it, try it, and only then make it the default. Every change "
        "becomes a new *generation*; the old ones stay until you delete them."
    )
    parts.append(
        fence(
            f"nixwright check --release {plan.release} configuration.nix\n"
            "sudo nixos-rebuild test     # active now, forgotten at the next start\n"
            "sudo nixos-rebuild switch   # active now and at every start",
            "sh",
        )
    )
    parts.append(heading(3, "Rolling back"))
    parts.append(
        "If something stops working after a change or an update, go back to the previous generation:"
    )
    parts.append(
        fence(
            "sudo nixos-rebuild switch --rollback\n"
            "# every generation, with its date:\n"
            "sudo nix-env --list-generations --profile /nix/var/nix/profiles/system",
            "sh",
        )
    )
    parts.append(
        "If the machine does not start at all, pick an older generation in the boot menu. Old generations "
        "use disk space; `sudo nix-collect-garbage --delete-older-than 30d` removes the ones older than "
        "30 days (you cannot roll back to them afterwards)."
    )
    return "\n\n".join(parts)


def _updating(plan: Plan, values: Mapping[tuple[str, ...], Value]) -> str:
    release = plan.release
    text = (
        f"NixOS {release} receives security fixes for about seven months after its release. "
        "Fetch them and switch:"
    )
    commands = fence(
        "sudo nixos-rebuild switch --upgrade\n"
        f"# or, with flake.nix in this directory:\nnix flake update && sudo nixos-rebuild switch --flake .#{plan.hostname}",
        "sh",
    )
    parts = [text, commands]
    if values.get(("system", "autoUpgrade", "enable")) == NixBool(value=True):
        dates = values.get(("system", "autoUpgrade", "dates"))
        when = f" ({code(dates.value)})" if isinstance(dates, NixString) else ""
        parts.append(
            f"This machine also does this by itself on a schedule{when}: see the lines that set "
            "`system.autoUpgrade` above."
        )
    parts.append(
        f"Moving to the next NixOS release is a deliberate step: check the configuration against it first "
        f"({code('nixwright check --release NEW configuration.nix')}) and leave {code('system.stateVersion')} as it is."
    )
    return "\n\n".join(parts)
