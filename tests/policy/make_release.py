"""Regenerate tests/fixtures/policy/release/ from the full 24.11 data (run by hand, not by pytest).

The fixture release holds every option the policy data names, every option under the
prefixes the rule cases use, and a handful of packages (free, unfree, insecure, broken).
``test_fixture_release.py`` checks it still agrees with the full release.

    .venv/bin/python tests/policy/make_release.py ../shared/nixos/24.11
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import brotli

from nixwright.policy.exposure import exposure_options
from nixwright.policy.hardening import all_hardening_settings
from nixwright.policy.loader import builtin_rules

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "fixtures" / "policy" / "release"
PREFIXES = (
    "services.openssh.",
    "networking.firewall.",
    "networking.nat.",
    "networking.hostName",
    "networking.wireless.",
    "nix.settings.",
    "users.",
    "boot.loader.systemd-boot.",
    "boot.loader.grub.enable",
    "boot.isContainer",
    "boot.loader.grub.users",
    "boot.loader.grub.device",
    "boot.initrd.luks.devices",
    "boot.kernel.sysctl",
    "boot.kernelParams",
    "boot.blacklistedKernelModules",
    "boot.tmp.",
    "security.sudo.",
    "security.doas.",
    "security.sudo-rs.",
    "security.acme.",
    "security.protectKernelImage",
    "security.forcePageTableIsolation",
    "security.virtualisation.",
    "security.apparmor.enable",
    "services.xserver.enable",
    "services.xserver.desktopManager.gnome.enable",
    "services.xserver.desktopManager.xfce.enable",
    "services.xserver.desktopManager.plasma5.enable",
    "services.xserver.displayManager.gdm.enable",
    "services.xserver.displayManager.lightdm.enable",
    "services.displayManager.",
    "services.desktopManager.plasma6.enable",
    "services.getty.",
    "programs.sway.enable",
    "programs.hyprland.enable",
    "virtualisation.docker.",
    "virtualisation.oci-containers.",
    "nixpkgs.config",
    "system.autoUpgrade.",
    "system.stateVersion",
    "environment.systemPackages",
    "services.nginx.enable",
    "services.nginx.virtualHosts",
    "services.caddy.enable",
    "services.caddy.virtualHosts",
    "services.httpd.virtualHosts.<name>.enableACME",
    "services.fail2ban.enable",
    "services.sshguard.enable",
    "services.prometheus.enable",
    "services.prometheus.port",
    "services.prometheus.listenAddress",
    "services.cockpit.",
    "services.adguardhome.",
    "services.grafana.enable",
    "services.grafana.settings",
    "services.syncthing.enable",
    "services.syncthing.guiAddress",
    "services.transmission.enable",
    "services.transmission.openRPCPort",
    "services.transmission.settings",
    "services.jenkins.enable",
    "services.jenkins.listenAddress",
    "services.jenkins.port",
    "services.redis.servers",
    "services.mongodb.",
    "services.postgresql.enable",
    "services.postgresql.enableTCPIP",
    "services.postgresql.settings",
    "services.mysql.enable",
    "services.mysql.settings",
    "services.bind.",
    "services.unbound.enable",
    "services.unbound.settings",
    "services.kresd.",
    "services.gitea.settings",
    "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass",
    "services.jellyfin.",
)
FIELDS = ("declarations", "default", "loc", "readOnly", "type")
PACKAGES = ("hello", "vim", "htop", "unrar", "dcraw", "docker_24", "cameradar", "aerogramme")


def named_options() -> set[str]:
    names = {o for r in builtin_rules() for o in r.options}
    names.update(exposure_options())
    names.update(s.dotted for s in all_hardening_settings())
    return names


def _package(entry: dict[str, object]) -> dict[str, object]:
    meta = entry["meta"]
    assert isinstance(meta, dict)
    keys = (
        "available",
        "broken",
        "insecure",
        "unfree",
        "license",
        "platforms",
        "knownVulnerabilities",
        "description",
    )
    return {
        **{k: entry[k] for k in ("name", "pname", "version", "system") if k in entry},
        "meta": {k: meta[k] for k in keys if k in meta},
    }


def main(source: Path) -> None:
    options = json.loads(brotli.decompress((source / "options.json.br").read_bytes()))
    wanted = named_options()
    keep = {
        path: {k: v for k, v in entry.items() if k in FIELDS}
        for path, entry in options.items()
        if path in wanted or path.startswith(PREFIXES) or any(w.startswith(path + ".") for w in wanted)
    }
    packages = json.loads(brotli.decompress((source / "packages.json.br").read_bytes()))
    chosen = {name: _package(packages["packages"][name]) for name in PACKAGES}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "options.json").write_text(json.dumps(keep, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (OUT / "packages.json").write_text(
        json.dumps({"version": 2, "packages": chosen}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(keep)} options, {len(chosen)} packages -> {OUT}")  # noqa: T201


if __name__ == "__main__":
    main(Path(sys.argv[1]))
