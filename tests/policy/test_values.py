"""The small pieces: default parsing, value tests, option paths, addresses."""

from __future__ import annotations

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.values import Dynamic, NixAttrs, NixBool, NixInt, NixList, NixNull, NixString, PackageRef
from nixwright.policy.checks.exposure import host_port, is_loopback, published_on_all
from nixwright.policy.defaults import parse_default
from nixwright.policy.exposure import is_public_name
from nixwright.policy.literal import UNKNOWN, show, to_python
from nixwright.policy.matchers import matches, offending_items
from nixwright.policy.paths import fill, split_path


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", NixBool(value=True)),
        ("false", NixBool(value=False)),
        ("null", NixNull()),
        ("22", NixInt(22)),
        ('"prohibit-password"', NixString("prohibit-password")),
        ('"a\\"b\\n"', NixString('a"b\n')),
        ("[ ]", NixList(())),
        ('[\n  "root"\n  "@wheel"\n]', NixList((NixString("root"), NixString("@wheel")))),
        ("{ }", NixAttrs(())),
        ("{\n  localhost = { };\n}", NixAttrs((("localhost", NixAttrs(())),))),
        ("pkgs.linuxPackages", PackageRef("linuxPackages")),
        ("''\n  multi\n''", NixString("multi\n", multiline=True)),
        ("let x = 1; in x", NixInt(1)),
    ],
)
def test_literal_defaults(text: str, value: object) -> None:
    assert parse_default(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "config.services.displayManager.autoLogin.user != null",
        '"${config.services.gitea.stateDir}/log"',
        "if config.networking.nftables.enable then 1 else 2",
        "[ 1",
        "{ a = 1 }",
        "`true` except if the iptables based firewall is in use",
    ],
)
def test_expression_defaults_are_dynamic(text: str) -> None:
    assert isinstance(parse_default(text), Dynamic)


def test_no_default() -> None:
    assert parse_default(None) is None


def test_to_python_and_show() -> None:
    value = NixList((NixString("a"), NixInt(1), NixBool(value=True), Dynamic("x")))
    data = to_python(value)
    assert data == ["a", 1, True, UNKNOWN]
    assert show(data) == '[ "a" 1 true (computed) ]'
    assert show({"from": 1}) == "{ from = 1; }"


@pytest.mark.parametrize(
    ("value", "spec", "result"),
    [
        (True, {"equals": True}, True),
        (1, {"equals": True}, False),
        (None, {"set": True}, False),
        ("x", {"set": True}, True),
        (UNKNOWN, {"equals": True}, None),
        ("yes", {"in": ["yes", True]}, True),
        ("no", {"not_in": [False, "no"]}, False),
        (["root", "@wheel"], {"contains_other_than": ["root"]}, True),
        (["root"], {"contains_other_than": ["root"]}, False),
        (["root", UNKNOWN], {"contains_other_than": ["root"]}, None),
        ([], {"nonempty": True}, False),
        (["any"], {"intersects": ["any", "0.0.0.0/0"]}, True),
        (["/run/docker.sock", "2375"], {"any_matches": "^[0-9]+$"}, True),
        ("$y$abc", {"matches": "^\\$"}, True),
        ("x", {"equals": "x", "not_equals": "y"}, True),
    ],
)
def test_value_tests(value: object, spec: dict[str, object], result: bool | None) -> None:
    assert matches(value, spec) is result


def test_value_test_must_name_a_test() -> None:
    with pytest.raises(NixwrightError):
        matches(value=True, spec={"option": "x"})


def test_offending_items() -> None:
    assert offending_items(["root", "alice", "@wheel"], {"contains_other_than": ["root"]}) == [
        "alice",
        "@wheel",
    ]
    assert offending_items(value=True, spec={"equals": True}) == []


def test_paths() -> None:
    assert split_path('boot.kernel.sysctl."kernel.kptr_restrict"') == (
        "boot",
        "kernel",
        "sysctl",
        "kernel.kptr_restrict",
    )
    assert fill(split_path("users.users.<name>.password"), "alice") == ("users", "users", "alice", "password")
    for bad in ("a..b", 'a."b', ""):
        with pytest.raises(NixwrightError):
            split_path(bad)


@pytest.mark.parametrize(
    ("name", "public"),
    [
        ("example.com", True),
        ("shop.example.co.uk", True),
        ("*.example.org", True),
        ("https://blog.example.org/", True),
        ("nas.home.arpa", False),
        ("printer.lan", False),
        ("localhost", False),
        ("192.168.1.10", False),
        (":80", False),
        ("wiki.internal", False),
    ],
)
def test_public_names(name: str, public: bool) -> None:
    assert is_public_name(name) is public


@pytest.mark.parametrize(
    ("entry", "wide"),
    [
        ("8080:80", True),
        ("0.0.0.0:8080:80", True),
        ("[::]:8080:80/udp", True),
        ("8080", True),
        ("127.0.0.1:8080:80", False),
        ("[::1]:8080:80", False),
        ("192.168.1.5:8080:80", False),
    ],
)
def test_published_ports(entry: str, wide: bool) -> None:
    assert published_on_all(entry) is wide


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.0.0.1:8384", True), ("::1", True), ("[::1]:80", True), ("localhost", True),
     ("0.0.0.0", False), ("0.0.0.0:8384", False), ("192.168.1.2", False), ("::", False)],  # noqa: S104
)  # fmt: skip
def test_loopback(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_host_ports() -> None:
    assert host_port("8080:80") == (8080, "tcp")
    assert host_port("0.0.0.0:53:53/udp") == (53, "udp")
    assert host_port("127.0.0.1:8000-8010:80") == (8000, "tcp")
    assert host_port("9000") == (9000, "tcp")
    assert host_port("nonsense") is None
