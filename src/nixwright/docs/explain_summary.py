"""The overview of an explained configuration, and the parts it could not explain."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from nixwright.docs.blocks import ExplainedLine
from nixwright.docs.lines import LineStatus
from nixwright.docs.md import code, one_line
from nixwright.docs.words import and_list
from nixwright.nix.values import Dynamic, ModuleReading, NixBool, NixInt, NixList, PackageRef, path_str

MAX_LISTED = 30


def overview(reading: ModuleReading, lines: Sequence[ExplainedLine], release: str) -> str:
    total = len(lines)
    explained = sum(1 for e in lines if e.line.explained)
    unknown = sum(1 for e in lines if e.line.status is LineStatus.UNKNOWN)
    files = len(reading.files) or len({e.file for e in lines})
    parts = [
        (
            f"This configuration sets {total} option{'s' if total != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}, read against NixOS {release}. {explained} of them are explained "
            "below from the release's own descriptions."
        )
    ]
    problems = []
    if unknown:
        problems.append(f"{unknown} {'is' if unknown == 1 else 'are'} not an option of this release")
    removed = sum(1 for e in lines if e.line.status is LineStatus.REMOVED)
    if removed:
        problems.append(f"{removed} {'was' if removed == 1 else 'were'} removed from NixOS before it")
    if reading.unreadable:
        count = len(reading.unreadable)
        problems.append(f"{count} part{'s' if count != 1 else ''} could not be read")
    if problems:
        parts.append(f"Of the rest, {and_list(problems)}: see “What could not be explained”.")
    summary = [" ".join(parts)]
    summary += [
        s for s in (_turned_on(reading), _ports(reading), _accounts(reading), _packages(reading)) if s
    ]
    return "\n\n".join(summary)


def unexplained_section(reading: ModuleReading, lines: Sequence[ExplainedLine]) -> str:
    items = [
        f"- {code(e.line.shown)} ({_at(e.file, e.source_line, reading.files)}): {one_line(e.line.text())}"
        for e in lines
        if not e.line.explained
    ]
    items += [
        f"- {_at(u.location.file, u.location.line, reading.files)}: {one_line(u.reason)}"
        + (f" ({code(_excerpt(u.text))})" if u.text.strip() else "")
        for u in reading.unreadable
    ]
    computed = [d for d in reading.definitions if isinstance(d.value, Dynamic) or d.dynamic_key]
    items += [
        f"- {code(d.dotted)} ({_at(d.location.file, d.location.line, reading.files)}): its "
        f"{'name' if d.dynamic_key else 'value'} is computed when the system is built, so it is explained "
        "but not checked"
        + (f" ({one_line(d.value.reason)})" if isinstance(d.value, Dynamic) and d.value.reason else "")
        + "."
        for d in computed
    ]
    if not items:
        return "Nothing: every line was read and explained."
    return "\n".join(items)


def _turned_on(reading: ModuleReading) -> str:
    enabled = [
        path_str(d.path[:-1])
        for d in reading.definitions
        if d.path[-1:] == ("enable",) and d.value == NixBool(value=True) and len(d.path) > 1
    ]
    return _listed("It turns on", enabled)


def _ports(reading: ModuleReading) -> str:
    ports = []
    for d in reading.definitions:
        if d.path[:2] == ("networking", "firewall") and d.path[-1] in ("allowedTCPPorts", "allowedUDPPorts"):
            protocol = "tcp" if d.path[-1] == "allowedTCPPorts" else "udp"
            if isinstance(d.value, NixList):
                ports += [f"{p.value}/{protocol}" for p in d.value.items if isinstance(p, NixInt)]
    return _listed("It opens these ports in the firewall", ports)


def _accounts(reading: ModuleReading) -> str:
    names = [d.path[2] for d in reading.definitions if d.path[:2] == ("users", "users") and len(d.path) > 3]
    return _listed("It defines the accounts", names)


def _packages(reading: ModuleReading) -> str:
    found: list[str] = []
    for d in reading.definitions:
        if d.path == ("environment", "systemPackages") and isinstance(d.value, NixList):
            found += [p.attr_path for p in d.value.items if isinstance(p, PackageRef)]
    return _listed("It installs the packages", found)


def _listed(lead: str, items: list[str]) -> str:
    unique = list(dict.fromkeys(items))
    if not unique:
        return ""
    shown = [code(i) for i in unique[:MAX_LISTED]]
    if len(unique) > MAX_LISTED:
        shown.append(f"{len(unique) - MAX_LISTED} more")
    return f"{lead}: {and_list(shown)}."


def display_name(file: str, files: Sequence[str]) -> str:
    """``file`` relative to the directory of the main file (``files[0]``), else as given."""
    base = PurePosixPath(files[0]).parent if files else PurePosixPath(file).parent
    try:
        return str(PurePosixPath(file).relative_to(base))
    except ValueError:
        return file


def _at(file: str, line: int | None, files: Sequence[str] = ()) -> str:
    name = display_name(file, files)
    return f"{name}, line {line}" if line is not None else name


def _excerpt(text: str) -> str:
    flat = one_line(text)
    return flat if len(flat) <= 60 else flat[:57] + "…"
