"""Nix's own error output turned into findings (for ``--eval``).

Nix 2.8 prints ``trace: warning: …`` lines for evaluation warnings and one ``error: …`` block
for the first failure. The common blocks are recognised and given the validator's codes, so a
finding from Nix and the same finding from the static checks read alike.
"""

from __future__ import annotations

import re

from nixwright.errors import SourceLocation
from nixwright.findings import Finding
from nixwright.validate.codes import make_finding

_WARNING = re.compile(r"^trace: (?:evaluation )?warning: (.*)$")
_IN_FILE = re.compile(r"In `([^']+)'")
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("NW-OPT-UNKNOWN", re.compile(r"The option `([^']+)' does not exist")),
    ("NW-TYPE-MISMATCH", re.compile(r"A definition for option `([^']+)' is not of type `([^']+)'")),
    ("NW-OPT-READ-ONLY", re.compile(r"The option `([^']+)' is read-only")),
    (
        "NW-OPT-CONFLICT",
        re.compile(
            r"The (?:unique )?option `([^']+)' (?:has conflicting definition|is defined multiple times)"
        ),
    ),
    ("NW-PKG-UNFREE", re.compile(r"Package \u2018([^\u2019]+)\u2019.* has an unfree license")),
    ("NW-PKG-BROKEN", re.compile(r"Package \u2018([^\u2019]+)\u2019.* is marked as broken")),
    ("NW-PKG-INSECURE", re.compile(r"Package \u2018([^\u2019]+)\u2019.* is marked as insecure")),
    (
        "NW-PKG-PLATFORM",
        re.compile(r"Package \u2018([^\u2019]+)\u2019.* is not available on the requested hostPlatform"),
    ),
)


def warnings_from(stderr: str) -> list[Finding]:
    out: list[Finding] = []
    seen: set[str] = set()
    for line in stderr.splitlines():
        m = _WARNING.match(line.strip())
        if m and m.group(1) not in seen:
            seen.add(m.group(1))
            out.append(make_finding("NW-EVAL-WARNING", f"Nix warns: {m.group(1)}"))
    return out


def error_block(stderr: str) -> list[str]:
    """The lines of the first ``error:`` block (without trace lines), dedented."""
    lines = [ln for ln in stderr.splitlines() if not ln.startswith("trace: ")]
    for i, line in enumerate(lines):
        if line.startswith("error:"):
            block = [line[len("error:") :].strip(), *(ln.strip() for ln in lines[i + 1 :])]
            return [ln for ln in block if ln and not ln.startswith("(use '--show-trace'")]
    return [ln.strip() for ln in lines if ln.strip()]


def errors_from(stderr: str, nixpkgs: str = "") -> list[Finding]:
    """Findings for the error Nix reported (empty when there is none).

    The location is the first file Nix names outside ``nixpkgs`` (Nix 2.8 gives no line numbers).
    """
    block = error_block(stderr)
    if not block:
        return []
    text = "\n".join(block)
    location = _location(text, nixpkgs)
    if "Failed assertions:" in block[:2]:
        return _assertions(block[block.index("Failed assertions:") :], location)
    for code, pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            return [make_finding(code, f"Nix: {_first_sentence(text)}", location, option=_option(code, m))]
    return [make_finding("NW-EVAL-ERROR", f"Nix: {_first_sentence(text)}", location)]


def _assertions(block: list[str], location: SourceLocation | None) -> list[Finding]:
    messages: list[str] = []
    for line in block[1:]:
        if line.startswith("- "):
            messages.append(line[2:])
        elif messages:
            messages[-1] += " " + line
    return [make_finding("NW-EVAL-ASSERTION", f"NixOS assertion: {m.strip()}", location) for m in messages]


def _first_sentence(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 300 else first[:299] + "…"


def _option(code: str, m: re.Match[str]) -> str | None:
    return m.group(1) if code.startswith(("NW-OPT", "NW-TYPE")) else None


def _location(text: str, nixpkgs: str) -> SourceLocation | None:
    for m in _IN_FILE.finditer(text):
        file = m.group(1)
        if file.startswith("/") and not (nixpkgs and file.startswith(nixpkgs.rstrip("/") + "/")):
            return SourceLocation(file, 1, 1)
    return None
