"""Pick the hardware profile from the words that name a device, a firmware and a RAM size."""

from __future__ import annotations

from nixwright.catalog.model import Catalog, HardwareProfile
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Evidence, Firmware, Hardware

# When several devices are named, the most specific kind wins ("a mini PC used as a server").
_CLASS_RANK = {"sbc": 0, "vm": 1, "laptop": 2, "mini-pc": 3, "desktop": 4, "server": 5}
DEFAULT_PROFILE = "pc-uefi"


def pick_hardware(
    catalog: Catalog,
    named: list[tuple[str, Evidence]],
    *,
    firmware: list[tuple[str, Evidence]],
    ram_mb: int | None,
    disks: tuple[str, ...],
    interfaces: tuple[str, ...],
    wifi: bool,
    extra_evidence: list[Evidence],
) -> Hardware:
    evidence = [e for _, e in named]
    if named:
        profiles = [(_profile(catalog, pid), e) for pid, e in named]
        profile, _ = min(
            profiles, key=lambda pe: (_CLASS_RANK[pe[0].device_class], -len(pe[1].text), pe[0].id)
        )
    else:
        profile = _profile(catalog, DEFAULT_PROFILE)
        evidence.append(Evidence(f"no device named: assumed {profile.title}", source="assumption"))
    if firmware:
        wanted = {f for f, _ in firmware}
        if len(wanted) > 1:
            raise NixwrightError(
                "the request names both UEFI and BIOS firmware",
                hint="say which one the machine starts with",
            )
        named_class = profile.device_class
        profile = _with_firmware(catalog, profile, wanted.pop())
        evidence += [e for _, e in firmware]
    else:
        named_class = profile.device_class
    return Hardware(
        profile=profile.id,
        device_class=named_class,  # a mini PC started with BIOS is still a mini PC
        model=profile.title,
        system=profile.system,
        firmware=Firmware(profile.firmware),
        ram_mb=ram_mb,
        disks=disks,
        wired_nics=tuple(i for i in interfaces if not i.startswith("wl")),
        wifi=wifi or profile.wifi,
        evidence=tuple(evidence + extra_evidence),
    )


def _profile(catalog: Catalog, pid: str) -> HardwareProfile:
    profile = catalog.hardware_profile(pid)
    if profile is None:
        raise NixwrightError(f"the catalog has no hardware profile {pid!r}")
    return profile


def _with_firmware(catalog: Catalog, profile: HardwareProfile, firmware: str) -> HardwareProfile:
    if profile.firmware == firmware:
        return profile
    if profile.firmware == "raspberry-pi":
        raise NixwrightError(
            f"a {profile.title} does not start with {firmware.upper()} firmware",
            hint="leave out the firmware word, or name another device",
        )
    same = [
        h
        for h in catalog.hardware
        if h.device_class == profile.device_class and h.firmware == firmware and h.system == profile.system
    ]
    same = same or [h for h in catalog.hardware if h.system == profile.system and h.firmware == firmware]
    if not same:
        raise NixwrightError(f"no hardware profile starts a {profile.title} with {firmware.upper()} firmware")
    return min(same, key=lambda h: h.id)
