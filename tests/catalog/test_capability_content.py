"""The shipped capabilities say enough, and say it safely: words, explanations, ports, secrets, web apps.

These checks read the catalog as data. The option paths, value types and packages are checked against
NixOS 24.11 in ``test_catalog_release.py``; here we check what a newcomer reads and what the firewall,
the reverse proxy and the secrets section are built from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Capability, CapabilityKind, OptionSetting
from nixwright.catalog.parts import INTENT_PLACEHOLDERS
from nixwright.catalog.values import PLACEHOLDER
from nixwright.intake.vocab import EVERYTHING_ELSE, NO_NETWORK_SERVICES, QUALITY_WORDS, USAGE_WORDS
from nixwright.nix.values import NixAttrs, NixBool, NixList, NixString, PackageRef, RawExpr, Value

CATALOG = load_catalog()
CAPS = CATALOG.capabilities
SINGLE_OWNER_PORTS = {53, 80, 443}  # the planner lets exactly one chosen capability own each of these
WILDCARD_ADDRESSES = {"0.0.0.0", "::", "[::]", "*"}  # noqa: S104 - the addresses we look for, not a bind
LISTEN_NAME = re.compile(r"(address|addr|host|hosts|listen|bind.*|interface)$", re.IGNORECASE)
SECRET_NAME = re.compile(
    r"(password|passwd|passphrase|secret|token|api_?key|private_?key|psk)$", re.IGNORECASE
)
SECRET_REFERENCE = re.compile(r"^(/|\$__(file|env)\{)")
RESTRICTIVE = re.compile(r"chmod (600|400|0600|0400)|umask 077")


def _ids(caps: tuple[Capability, ...]) -> list[str]:
    return [c.id for c in caps]


def _strings(value: Value) -> Iterator[str]:
    match value:
        case NixString(text) | RawExpr(text):
            yield text
        case NixList(items):
            for item in items:
                yield from _strings(item)
        case NixAttrs(entries):
            for key, item in entries:
                yield key
                yield from _strings(item)
        case _:
            return


def _leaves(path: tuple[str, ...], value: Value) -> Iterator[tuple[tuple[str, ...], Value]]:
    """Every (path, value) below a setting, descending into attribute sets (not into lists)."""
    if isinstance(value, NixAttrs):
        for key, item in value.entries:
            yield from _leaves((*path, key), item)
    else:
        yield path, value


def _all_leaves(cap: Capability) -> Iterator[tuple[tuple[str, ...], Value]]:
    for s in cap.options:
        yield from _leaves(s.path, s.value)


def test_the_catalog_covers_at_least_sixty_capabilities() -> None:
    assert len(CAPS) >= 60
    kinds = {c.kind for c in CAPS}
    assert kinds == set(CapabilityKind), "every kind (service, program, desktop, system) is represented"


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_capability_explains_itself_in_sentences(cap: Capability) -> None:
    assert cap.title.strip()
    explain = " ".join(cap.explain.split())
    assert len(explain) >= 80, "the block explanation is at least a couple of sentences"
    assert explain.endswith((".", ")")), "the explanation ends with a full stop"
    for why in [*(s.why for s in cap.options), *(p.why for p in cap.packages)]:
        assert len(why.strip()) >= 10, f"{cap.id}: every line explains itself ({why!r})"
        assert why.strip().endswith((".", ")")), f"{cap.id}: {why!r} ends with a full stop"
    for note in cap.notes:
        assert note.strip(), f"{cap.id}: empty note"


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_words_are_lowercase_and_unique_within_the_capability(cap: Capability) -> None:
    assert cap.words
    assert all(w == w.lower().strip() and w for w in cap.words)
    assert len(set(cap.words)) == len(cap.words)


def test_no_word_calls_two_capabilities_or_a_capability_and_a_role() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for cap in CAPS:
        for w in cap.words:
            owners[w].add(f"capability {cap.id}")
    for role in CATALOG.roles:
        for w in role.words:
            owners[w].add(f"role {role.id}")
    shared = {w: sorted(o) for w, o in owners.items() if len(o) > 1}
    assert shared == {}


def test_no_word_is_taken_from_hardware_or_the_fixed_vocabulary() -> None:
    """ "a virtual machine" picks hardware and "minimal" a quality: capabilities must not claim them."""
    fixed = {w for ws in QUALITY_WORDS.values() for w in ws}
    fixed |= {*USAGE_WORDS, *EVERYTHING_ELSE, *NO_NETWORK_SERVICES}
    fixed |= {w for hw in CATALOG.hardware for w in hw.words}
    claimed = [*(w for c in CAPS for w in c.words), *(w for r in CATALOG.roles for w in r.words)]
    assert sorted(w for w in claimed if w in fixed) == []


def test_roles_with_several_providers_have_a_role_file_naming_the_preferred_one() -> None:
    providers: dict[str, list[str]] = defaultdict(list)
    for cap in CAPS:
        for role in cap.roles:
            providers[role].append(cap.id)
    described = {r.id for r in CATALOG.roles}
    missing = sorted(r for r, ps in providers.items() if len(ps) > 1 and r not in described)
    assert missing == []


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_placeholders_everywhere_are_known(cap: Capability) -> None:
    texts = [*(p for s in cap.options for p in s.path), *(t for s in cap.options for t in _strings(s.value))]
    texts += [*cap.notes, cap.explain, *(s.why for s in cap.options)]
    texts += [t for sec in cap.secrets for t in (sec.command, sec.purpose)]
    texts += [q.default for q in cap.questions]
    used = {m for t in texts for m in PLACEHOLDER.findall(t)}
    assert used <= INTENT_PLACEHOLDERS, f"unknown placeholders {sorted(used - INTENT_PLACEHOLDERS)}"
    assert not any("@" in sec.path for sec in cap.secrets), "secret paths are fixed, never filled in"


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_ports_are_sane_and_services_name_theirs(cap: Capability) -> None:
    seen = [(p.port, p.protocol) for p in cap.ports]
    assert len(seen) == len(set(seen)), "a port is declared once per protocol"
    for p in cap.ports:
        assert 0 < p.port < 65536
        assert p.purpose.strip()
    if cap.kind is CapabilityKind.SERVICE and not cap.web:
        assert cap.ports or "nginx" in cap.requires, "a network service lists the ports it listens on"
    web_ports = {p.port for p in cap.ports if p.protocol == "tcp" and p.audience == "localhost"}
    for app in cap.web:
        assert app.port in web_ports, f"web app port {app.port} is declared as a localhost port"


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_only_front_doors_take_web_and_dns_ports(cap: Capability) -> None:
    front_door = "reverse-proxy" in cap.roles or "role:reverse-proxy" in cap.conflicts
    for p in cap.ports:
        if p.port in (80, 443):
            assert front_door, f"{cap.id} takes port {p.port}: web apps declare [[web]] instead"
        if cap.web:
            assert p.audience == "localhost" or p.port not in {a.port for a in cap.web}


def test_ports_are_not_shared_by_accident() -> None:
    """Two capabilities may declare one port only if they do the same job (one role) or it is a single-owner port."""
    users: dict[tuple[int, str], list[Capability]] = defaultdict(list)
    for cap in CAPS:
        for p in cap.ports:
            users[(p.port, p.protocol)].append(cap)
    clashes = []
    for (port, proto), caps in users.items():
        if len(caps) < 2 or port in SINGLE_OWNER_PORTS:
            continue
        common = set.intersection(*(set(c.roles) for c in caps))
        if not common:
            clashes.append(f"{port}/{proto}: {sorted(c.id for c in caps)}")
    assert clashes == []


def test_web_app_names_are_not_shared_by_accident() -> None:
    users: dict[str, list[Capability]] = defaultdict(list)
    for cap in CAPS:
        for app in cap.web:
            users[app.subdomain or app.path or ""].append(cap)
    clashes = [
        f"{name}: {sorted(c.id for c in caps)}"
        for name, caps in users.items()
        if len(caps) > 1 and not set.intersection(*(set(c.roles) for c in caps))
    ]
    assert clashes == []


@pytest.mark.parametrize("cap", [c for c in CAPS if c.web], ids=_ids(tuple(c for c in CAPS if c.web)))
def test_web_apps_sit_behind_the_reverse_proxy(cap: Capability) -> None:
    assert "role:reverse-proxy" in cap.requires or "nginx" in cap.requires
    assert all(p.audience == "localhost" for p in cap.ports if p.port in {a.port for a in cap.web})


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_no_firewall_is_opened_by_the_capability_itself(cap: Capability) -> None:
    for path, value in _all_leaves(cap):
        if path[-1] in {"openFirewall", "openDefaultPorts", "openPeerPorts", "openRPCPort"}:
            assert value == NixBool(value=False), (
                f"{'.'.join(path)}: the planner opens ports from [[port]] audiences"
            )
        assert path[:2] != ("networking", "firewall") or path[-1] == "logRefusedConnections", (
            f"{'.'.join(path)}: the planner owns the firewall"
        )


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_wildcard_listeners_only_for_capabilities_serving_the_network(cap: Capability) -> None:
    serves_network = any(p.audience in ("lan", "world", "vpn") for p in cap.ports)
    for path, value in _all_leaves(cap):
        if not LISTEN_NAME.search(path[-1]):
            continue
        texts = list(_strings(value))
        wildcard = any(t in WILDCARD_ADDRESSES or t.startswith(("0.0.0.0:", "[::]:", ":")) for t in texts)
        assert serves_network or not wildcard, (
            f"{'.'.join(path)} listens everywhere but no port faces the network"
        )


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_no_secret_is_written_into_the_configuration(cap: Capability) -> None:
    for path, value in _all_leaves(cap):
        name = path[-1]
        if not SECRET_NAME.search(name) or name.lower().endswith("file"):
            continue
        for text in _strings(value):
            assert SECRET_REFERENCE.match(text), f"{'.'.join(path)} holds a literal secret: use a file"


@pytest.mark.parametrize("cap", [c for c in CAPS if c.secrets], ids=_ids(tuple(c for c in CAPS if c.secrets)))
def test_secrets_come_with_commands_that_create_them_privately(cap: Capability) -> None:
    used = " ".join(t for s in cap.options for t in _strings(s.value))
    for sec in cap.secrets:
        assert sec.path in sec.command, f"{sec.name}: the command writes the file at {sec.path}"
        assert RESTRICTIVE.search(sec.command), f"{sec.name}: the file is made readable by its owner only"
        assert "sudo" in sec.command, f"{sec.name}: the command says it needs root"
        assert sec.path in used, f"{sec.name}: some option of {cap.id} reads {sec.path}"
        assert len(sec.purpose) >= 10


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_desktops_exclude_each_other_and_headless_kinds(cap: Capability) -> None:
    if cap.kind is CapabilityKind.DESKTOP:
        assert "role:desktop" in cap.conflicts, "one graphical session per machine"
    if "desktop" in cap.roles:
        assert cap.kind is CapabilityKind.DESKTOP


@pytest.mark.parametrize("cap", [c for c in CAPS if c.unfree], ids=_ids(tuple(c for c in CAPS if c.unfree)))
def test_unfree_capabilities_say_so(cap: Capability) -> None:
    assert "unfree" in cap.explain, "the explanation tells the reader the software is not free"
    assert any("unfree" in n for n in cap.notes) or "not free" in cap.title


@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_ram_and_systems_are_plausible(cap: Capability) -> None:
    assert cap.min_ram_mb is None or 256 <= cap.min_ram_mb <= 16384
    assert cap.systems
    assert set(cap.systems) <= {"x86_64-linux", "aarch64-linux"}


def test_extras_are_optional_lines_not_the_core_of_a_capability() -> None:
    """Every capability keeps at least one line under "minimal": extras only add to it."""
    for cap in CAPS:
        core = [s for s in cap.options if not s.extra] + [p for p in cap.packages if not p.extra]
        assert core, f"{cap.id} would be empty under 'minimal'"


def _packages_of(cap: Capability) -> list[str]:
    refs: list[str] = [p.attr for p in cap.packages]

    def walk(value: Value) -> None:
        match value:
            case PackageRef(attr):
                refs.append(attr)
            case NixList(items):
                for item in items:
                    walk(item)
            case NixAttrs(entries):
                for _, item in entries:
                    walk(item)
            case _:
                pass

    for s in cap.options:
        walk(s.value)
    return refs


@pytest.mark.integration
@pytest.mark.parametrize("cap", CAPS, ids=_ids(CAPS))
def test_unfree_packages_are_allowed_by_name(kb, cap: Capability) -> None:  # type: ignore[no-untyped-def]
    """A capability that installs an unfree package names it in ``unfree`` (the allowUnfreePredicate list)."""
    for attr in _packages_of(cap):
        for system in cap.systems:
            match = kb.find_package(attr, system=system)
            pkg = match.package
            if pkg is not None and pkg.unfree:
                assert pkg.pname in cap.unfree, f"{attr} is unfree: add {pkg.pname!r} to unfree"


def _option_setting(cap_id: str, *path: str) -> OptionSetting:
    cap = CATALOG.capability(cap_id)
    assert cap is not None
    return next(s for s in cap.options if s.path == path)


def test_admin_interfaces_listen_on_this_machine_only() -> None:
    """Spot checks of the most sensitive defaults: these pages have no login or change the machine."""
    local = NixString("127.0.0.1")
    assert _option_setting("prometheus", "services", "prometheus", "listenAddress").value == local
    assert _option_setting("grafana", "services", "grafana", "settings", "server", "http_addr").value == local
    assert _option_setting("netdata", "services", "netdata", "config", "web", "bind to").value == local
    gui = _option_setting("syncthing", "services", "syncthing", "guiAddress").value
    assert gui == NixString("127.0.0.1:8384")
    assert _option_setting("adguardhome", "services", "adguardhome", "host").value == local
