"""Regular facts in a request: sizes, disks, addresses, domains, names, keys, locale words."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "a pair of": 2}


@dataclass(frozen=True)
class Found:
    """A fact found at ``start:end`` of the request; ``kind`` names it, ``value`` holds it."""

    kind: str
    value: str
    start: int
    end: int


_SIZE = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(tb|terabytes?|gb|gigs?|gigabytes?|gib|g|mb|megs?|megabytes?|mib)\b"
    r"(\s+(?:of\s+)?(?:ram|memory|ddr\d?)\b)?"
)
_DISK_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:\w+\s+)?(ssd|hdd|nvme|disk|drive|storage|sd card|emmc|m\.2)", re.ASCII
)
_RAM_BEFORE = re.compile(r"(ram|memory)\s*(?:of|:|is)?\s*$")
_DEV = re.compile(r"(?<![\w/])/dev/(?:disk/by-[a-z]+/[\w.-]+|[a-z]+\d*(?:n\d+)?(?:p?\d+)?)")
_DISK_COUNT = re.compile(
    r"\b(\d|one|two|three|four|five|six|eight|a pair of)\s+(?:[a-z]+\s+){0,2}?(disks?|drives?|hdds?|ssds?|hard drives?)\b"
)
_IPV4 = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(/\d{1,2})?(?![\w.]*\w)")
_EMAIL = re.compile(r"\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b")
_DOMAIN = re.compile(r"(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w-]|\.[a-z])")
_NOT_TLDS = {
    "nix",
    "toml",
    "txt",
    "json",
    "conf",
    "md",
    "sh",
    "py",
    "yaml",
    "yml",
    "so",
    "img",
    "iso",
    "e",
    "g",
}
_SSH_KEY = re.compile(
    r"((?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)"
    r"\s+[A-Za-z0-9+/]+={0,3})(\s+[\w.@+-]+@[\w.-]+|\s+[\w.-]+(?=\s*$))?"
)
_HOSTNAME = re.compile(
    r"\b(?:host ?name|hostname|(?:name|call) it|(?:machine|computer|box|server|pi|laptop|it|device|vps|pc|desktop)"
    r"\s+(?:is\s+|should be\s+)?(?:called|named))\s*(?:is|should be|=|:)?\s*[\"']?([a-z][a-z0-9-]{0,62})\b"
)
_INTERFACE = re.compile(r"\b(eth\d+|en[opsx][\w]+|wlan\d+|wlp\w+|end\d+)\b")
_TZ = re.compile(
    r"\b((?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?|UTC)\b"
)
_LOCALE = re.compile(r"\b([a-z]{2}_[A-Z]{2})(\.UTF-8|\.utf8)?\b")
_KEYBOARD = re.compile(
    r"\b(?:keyboard layout|keymap|layout)\s*:?\s*([a-z]{2}(?:-[a-z]+)?)\b|\b([a-z]+)\s+keyboard\b"
)


def sizes_mb(norm: str) -> list[Found]:
    """RAM sizes (``ram``) and disk sizes (``disk-size``), in MiB."""
    out = []
    for m in _SIZE.finditer(norm):
        amount = float(m.group(1))
        unit = m.group(2)
        mb = amount * (1024 * 1024 if unit.startswith("t") else 1 if unit.startswith("m") else 1024)
        after = norm[m.end() : m.end() + 24]
        before = norm[max(0, m.start() - 12) : m.start()]
        if m.group(3) or _RAM_BEFORE.search(before):
            kind = "ram"
        elif _DISK_AFTER.match(after) or mb > 512 * 1024:
            kind = "disk-size"
        else:
            kind = "ram"
        out.append(Found(kind, str(int(mb)), m.start(), m.end()))
    return out


def disks(norm: str) -> list[Found]:
    out = [Found("disk", m.group(0), m.start(), m.end()) for m in _DEV.finditer(norm)]
    for m in _DISK_COUNT.finditer(norm):
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        out.append(Found("disk-count", str(n), m.start(), m.end()))
    return out


def addresses(norm: str) -> list[Found]:
    """IPv4 addresses and ranges, classified by the words just before them."""
    out = []
    for m in _IPV4.finditer(norm):
        addr, prefix = m.group(1), m.group(2)
        try:
            ip = ipaddress.ip_interface(addr + (prefix or ""))
        except ValueError:
            continue
        before = norm[max(0, m.start() - 40) : m.start()]
        last = before.rsplit(".", 1)[-1] if "." in before else before
        if prefix and ip.ip == ip.network.network_address:
            kind = "lan-cidr"
        elif re.search(r"(gateway|router)\W*$", last) or re.search(r"(gateway|router)", last[-20:]):
            kind = "gateway"
        elif re.search(r"\bdns\b|name ?server", last[-20:]):
            kind = "dns"
        else:
            kind = "static-ip"
        out.append(Found(kind, str(ip) if prefix else addr, m.start(), m.end()))
    return out


def domains(norm: str) -> list[Found]:
    out = [Found("email", m.group(0), m.start(), m.end()) for m in _EMAIL.finditer(norm)]
    taken = [(f.start, f.end) for f in out]
    for m in _DOMAIN.finditer(norm):
        name = m.group(1)
        if name.rsplit(".", 1)[-1] in _NOT_TLDS or any(s <= m.start() < e for s, e in taken):
            continue
        if re.fullmatch(r"[\d.]+", name):
            continue
        out.append(Found("domain", name, m.start(), m.end()))
    return out


def ssh_keys(text: str) -> list[Found]:
    """SSH public keys, from the original text (keys are case-sensitive)."""
    return [Found("ssh-key", m.group(0).strip(), m.start(), m.end()) for m in _SSH_KEY.finditer(text)]


def hostnames(norm: str) -> list[Found]:
    return [Found("hostname", m.group(1), m.start(), m.end()) for m in _HOSTNAME.finditer(norm)]


def interfaces(norm: str) -> list[Found]:
    return [Found("interface", m.group(1), m.start(), m.end()) for m in _INTERFACE.finditer(norm)]


def timezones(text: str) -> list[Found]:
    return [Found("timezone", m.group(1), m.start(), m.end()) for m in _TZ.finditer(text)]


def locales(text: str) -> list[Found]:
    return [Found("locale", m.group(1) + ".UTF-8", m.start(), m.end()) for m in _LOCALE.finditer(text)]


def keyboards(norm: str) -> list[Found]:
    out = []
    for m in _KEYBOARD.finditer(norm):
        word = m.group(1) or m.group(2)
        out.append(Found("keyboard", word, m.start(), m.end()))
    return out
