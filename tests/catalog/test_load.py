"""The catalog loader: TOML → typed values, with path-qualified errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.catalog.load import load_catalog, load_catalog_from
from nixwright.catalog.model import CapabilityKind
from nixwright.catalog.values import fill, split_path, toml_to_value
from nixwright.errors import NixwrightError
from nixwright.nix.values import NixAttrs, NixList, NixNull, NixString, PackageRef, RawExpr

GOOD = """
id = "demo"
title = "Demo"
kind = "service"
explain = "A demo."
words = ["Demo App"]
roles = ["thing"]

[[option]]
path = 'services.demo."a.b".enable'
value = true
why = "Runs it."

[[port]]
port = 8080
audience = "localhost"
purpose = "web page"

[[web]]
port = 8080
subdomain = "demo"
"""


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return root


def test_loads_a_capability(tmp_path: Path) -> None:
    cat = load_catalog_from(_write(tmp_path, "capabilities/demo.toml", GOOD))
    cap = cat.capabilities[0]
    assert cap.kind is CapabilityKind.SERVICE
    assert cap.words == ("demo app",)
    assert cap.options[0].path == ("services", "demo", "a.b", "enable")
    assert cap.ports[0].protocol == "tcp"
    assert cap.web[0].subdomain == "demo"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('colour = "red"\n', "demo.toml.colour: unknown key"),
        ('[[secret]]\nname="x"\npurpose="y"\npath="/tmp/x"\ncommand="z"\n', "secret[0].path"),
        (
            '[[question]]\nkey="k"\ntext="t"\ndefault="c"\nwhy="w"\nchoices=["a","b"]\n',
            "default: must be one of",
        ),
        ('[[option]]\npath="a.b"\nvalue="@nope@"\nwhy="w"\n', "unknown placeholder @nope@"),
        ('[[option]]\npath="a.b"\nvalue=1\n', "option[1].why: is required"),
        ('[[implied]]\nname="x"\npath="a.b"\nvalue=false\nwhy="w"\nwhen=["always"]\n', "implied[0].when"),
        ('[[implied]]\npath="a.b"\nvalue=false\nwhy="w"\n', "implied[0].name: is required"),
    ],
)
def test_rejects_bad_files_with_path_qualified_errors(tmp_path: Path, extra: str, message: str) -> None:
    text = (
        GOOD.replace('roles = ["thing"]\n', 'roles = ["thing"]\n' + extra)
        if "colour" in extra
        else GOOD + extra
    )
    with pytest.raises(NixwrightError, match=r"capabilities/demo\.toml") as err:
        load_catalog_from(_write(tmp_path, "capabilities/demo.toml", text))
    assert message in err.value.message


def test_reads_implied_services(tmp_path: Path) -> None:
    text = GOOD + '[[implied]]\nname="Avahi"\npath="services.avahi.enable"\nvalue=false\nwhy="Off."\n'
    cap = load_catalog_from(_write(tmp_path, "capabilities/demo.toml", text)).capabilities[0]
    (svc,) = cap.implied
    assert (svc.name, svc.off.path, svc.when) == (
        "Avahi",
        ("services", "avahi", "enable"),
        ("no-network-services",),
    )


def test_reads_auto_login_marks(tmp_path: Path) -> None:
    text = (
        GOOD
        + '[[option]]\npath="services.displayManager.autoLogin.user"\nvalue="tv"\nwhy="w"\nautologin=true\n'
    )
    cap = load_catalog_from(_write(tmp_path, "capabilities/demo.toml", text)).capabilities[0]
    assert [o.autologin for o in cap.options] == [False, True]


def test_id_must_match_file_name(tmp_path: Path) -> None:
    with pytest.raises(NixwrightError, match="match the file name"):
        load_catalog_from(_write(tmp_path, "capabilities/other.toml", GOOD))


def test_dangling_requires_is_an_error(tmp_path: Path) -> None:
    text = GOOD.replace('roles = ["thing"]', 'roles = ["thing"]\nrequires = ["ghost"]')
    with pytest.raises(NixwrightError, match="unknown 'ghost'"):
        load_catalog_from(_write(tmp_path, "capabilities/demo.toml", text))


def test_special_values() -> None:
    assert toml_to_value({"_package": "firefox"}) == PackageRef("firefox")
    assert toml_to_value({"_nix": "pkgs.x"}) == RawExpr("pkgs.x")
    assert toml_to_value({"_null": True}) == NixNull()
    assert toml_to_value({"a": [1]}) == NixAttrs((("a", NixList((toml_to_value(1),))),))
    assert toml_to_value("a\nb") == NixString("a\nb", multiline=True)


def test_split_path_handles_quotes() -> None:
    assert split_path('fileSystems."/boot".device') == ("fileSystems", "/boot", "device")
    assert split_path("fileSystems./.fsType") == ("fileSystems", "/", "fsType")


def test_fill_replaces_placeholders() -> None:
    value = toml_to_value({"@host@": ["x @port@"]})
    assert fill(value, {"host": "a.b", "port": "80"}) == NixAttrs((("a.b", NixList((NixString("x 80"),))),))


def test_shipped_catalog_loads() -> None:
    cat = load_catalog()
    assert cat.capability("ssh") is not None
    assert all(r.preferred in r.providers for r in cat.roles)


def test_a_service_cannot_be_graphical(tmp_path: Path) -> None:
    text = GOOD.replace('kind = "service"', 'kind = "service"\ngraphical = true')
    with pytest.raises(NixwrightError, match="cannot be graphical"):
        load_catalog_from(_write(tmp_path, "capabilities/demo.toml", text))


def test_low_ram_default_must_provide_the_role(tmp_path: Path) -> None:
    _write(tmp_path, "capabilities/demo.toml", GOOD)
    role = 'id = "thing"\ntitle = "Thing"\nwords = []\npreferred = "demo"\nlow_ram_preferred = "other"\n'
    with pytest.raises(NixwrightError, match="low_ram_preferred 'other'"):
        load_catalog_from(_write(tmp_path, "roles/thing.toml", role))


def test_role_default_depends_on_ram(tmp_path: Path) -> None:
    _write(tmp_path, "capabilities/demo.toml", GOOD)
    role = 'id = "thing"\ntitle = "Thing"\nwords = []\npreferred = "demo"\nlow_ram_preferred = "demo"\n'
    cat = load_catalog_from(_write(tmp_path, "roles/thing.toml", role))
    thing = cat.role("thing")
    assert thing is not None
    assert thing.providers == ("demo",)
    assert thing.default_for(2048) == "demo"
