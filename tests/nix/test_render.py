"""The renderer's style: layout, grouping, escaping, priorities, package lists, refusals."""

from __future__ import annotations

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.leaves import module_definitions
from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.read import read_source
from nixwright.nix.render import render_module, render_value
from nixwright.nix.values import (
    Dynamic,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    RawExpr,
    Value,
)

T = NixBool(value=True)


def _module(
    *bindings: Binding,
    args: tuple[str, ...] = ("config", "lib", "pkgs"),
    let_bindings: tuple[tuple[str, Value], ...] = (),
) -> Module:
    return Module(sections=(Section(None, bindings),), args=args, let_bindings=let_bindings)


def test_empty_module() -> None:
    assert render_module(Module()) == "{ config, lib, pkgs, ... }:\n\n{ }\n"


def test_full_layout() -> None:
    module = Module(
        header="Web server\nmade for example.org",
        imports=(
            NixPath("./hardware-configuration.nix"),
            RawExpr('modulesPath + "/profiles/qemu-guest.nix"'),
        ),
        let_bindings=(("domain", NixString("example.org")),),
        sections=(
            Section("Remote access", (Binding(("services", "openssh", "enable"), T),)),
            Section(
                "Web",
                (
                    Binding(("services", "nginx", "enable"), T),
                    Binding(("services", "nginx", "virtualHosts", "example.org", "root"), NixString("/srv")),
                    Binding(("services", "nginx", "recommendedTlsSettings"), T, comment="modern TLS only"),
                ),
            ),
        ),
    )
    assert render_module(module) == (
        "# Web server\n"
        "# made for example.org\n"
        "{ config, lib, pkgs, modulesPath, ... }:\n"
        "\n"
        "let\n"
        '  domain = "example.org";\n'
        "in\n"
        "{\n"
        "  imports = [\n"
        "    ./hardware-configuration.nix\n"
        '    (modulesPath + "/profiles/qemu-guest.nix")\n'
        "  ];\n"
        "\n"
        "  # Remote access\n"
        "  services.openssh.enable = true;\n"
        "\n"
        "  # Web\n"
        "  services.nginx = {\n"
        "    enable = true;\n"
        '    virtualHosts."example.org".root = "/srv";\n'
        "    # modern TLS only\n"
        "    recommendedTlsSettings = true;\n"
        "  };\n"
        "}\n"
    )


def test_two_bindings_sharing_a_prefix_stay_dotted() -> None:
    text = render_module(
        _module(Binding(("networking", "firewall", "enable"), T), Binding(("networking", "firewall", "x"), T))
    )
    assert "  networking.firewall.enable = true;\n  networking.firewall.x = true;\n" in text


def test_top_level_namespace_alone_is_not_grouped() -> None:
    text = render_module(
        _module(
            Binding(("networking", "hostName"), NixString("h")),
            Binding(("networking", "domain"), NixString("d")),
            Binding(("networking", "firewall", "enable"), T),
        )
    )
    assert "networking = {" not in text
    assert '  networking.hostName = "h";\n' in text


def test_priorities_become_lib_wrappers() -> None:
    text = render_module(
        _module(
            Binding(("a",), T, priority=1000),
            Binding(("b",), T, priority=50),
            Binding(("c",), NixInt(-1), priority=10),
            Binding(("d",), NixList((NixString("x"),)), priority=1500),
        )
    )
    assert "  a = lib.mkDefault true;\n" in text
    assert "  b = lib.mkForce true;\n" in text
    assert "  c = lib.mkOverride 10 (-1);\n" in text
    assert '  d = lib.mkOptionDefault [ "x" ];\n' in text


def test_lib_argument_added_when_priorities_need_it() -> None:
    text = render_module(_module(Binding(("a",), T, priority=1000), args=("pkgs",)))
    assert text.startswith("{ pkgs, lib, ... }:")


def test_package_lists_use_with_pkgs_only_when_names_read_back() -> None:
    plain = Binding(
        ("environment", "systemPackages"),
        NixList((PackageRef("vim"), PackageRef("python3Packages.requests"))),
    )
    assert "with pkgs; [\n    vim\n    python3Packages.requests\n  ];" in render_module(_module(plain))
    # a let binding named like a package would win over `with pkgs;`
    shadowed = render_module(_module(plain, let_bindings=(("vim", NixString("x")),)))
    assert "pkgs.vim" in shadowed
    assert "with pkgs" not in shadowed
    builtin = Binding(("x",), NixList((PackageRef("map"), PackageRef("hello"))))
    assert "pkgs.map" in render_module(_module(builtin))
    odd = Binding(("x",), NixList((PackageRef("hello"), PackageRef("1password"))))
    assert 'pkgs."1password"' in render_module(_module(odd))
    single = Binding(("x",), NixList((PackageRef("hello"),)))
    assert "  x = [ pkgs.hello ];\n" in render_module(_module(single))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (NixBool(value=False), "false"),
        (NixNull(), "null"),
        (NixInt(-3), "-3"),
        (NixFloat(2.0), "2.0"),
        (NixFloat(1e-7), "1.0e-07"),
        (NixString('say "hi" \\ ${x} $y\t\r\n'), '"say \\"hi\\" \\\\ \\${x} $y\\t\\r\\n"'),
        (NixPath("./a/b.nix"), "./a/b.nix"),
        (NixPath("<nixpkgs/nixos>"), "<nixpkgs/nixos>"),
        (PackageRef("python3Packages.requests"), "pkgs.python3Packages.requests"),
        (NixList(), "[ ]"),
        (NixAttrs(), "{ }"),
        (NixList((NixInt(1), NixInt(-2))), "[\n  1\n  (-2)\n]"),
        (NixAttrs((("a.b", NixInt(1)),)), '{ "a.b" = 1; }'),
        (
            NixList((RawExpr("f x"), RawExpr("(g y)"), RawExpr("pkgs.hello"))),
            "[\n  (f x)\n  (g y)\n  pkgs.hello\n]",
        ),
        (Dynamic("reason", "config.x"), "config.x"),
    ],
)
def test_render_value(value: Value, text: str) -> None:
    assert render_value(value) == text


def test_multiline_strings_use_indented_form_and_escape() -> None:
    value = NixString("line ${x}\n  it's ''quoted''\n", multiline=True)
    text = render_value(value, 2)
    assert text == "''\n    line ''${x}\n      it's '''quoted'''\n  ''"
    assert read_source(f"{{ a = {text}; }}").definitions[0].value == value


def test_multiline_falls_back_to_quotes_when_indentation_would_change_it() -> None:
    for tricky in ("  all indented\n  lines\n", "ends in spaces\n   ", "a'\nb'", "x\n'${y}"):
        text = render_value(NixString(tricky, multiline=True))
        assert read_source(f"{{ a = {text}; }}").definitions[0].value == NixString(tricky), text


@pytest.mark.parametrize(
    "value",
    [NixFloat(float("inf")), NixInt(2**63), NixString("nul\x00"), NixPath("has space/x"), Dynamic("no text")],
)
def test_unrenderable_values_are_refused(value: Value) -> None:
    with pytest.raises(NixwrightError):
        render_value(value)


def test_conflicting_bindings_are_refused() -> None:
    with pytest.raises(NixwrightError, match=r"two bindings define a\.b"):
        render_module(_module(Binding(("a", "b"), T), Binding(("a", "b"), T)))
    with pytest.raises(NixwrightError, match=r"a\.b"):
        render_module(_module(Binding(("a", "b"), T), Binding(("a", "b", "c"), T)))
    with pytest.raises(NixwrightError):
        render_module(_module(Binding(("a",), NixAttrs((("b", T),)), priority=1000), Binding(("a", "c"), T)))


def test_repeated_keys_and_empty_paths_are_refused() -> None:
    with pytest.raises(NixwrightError, match="twice"):
        render_value(NixList((NixAttrs((("a", T), ("a", T))),)))
    with pytest.raises(NixwrightError, match="without a path"):
        render_module(_module(Binding((), T)))


def test_a_set_value_and_dotted_bindings_below_it_merge() -> None:
    module = _module(Binding(("a",), NixAttrs((("b", T),))), Binding(("a", "c"), T))
    reading = read_source(render_module(module))
    assert [d.path for d in reading.definitions] == [("a", "b"), ("a", "c")]


def _sections(*groups: tuple[Binding, ...]) -> Module:
    return Module(tuple(Section(None, group) for group in groups))


def _set(*entries: tuple[str, Value]) -> NixAttrs:
    return NixAttrs(tuple(entries))


@pytest.mark.parametrize(
    "module",
    [
        # eval-findings F1: a hardening section writes a dotted path, a later one opens the same prefix
        _sections(
            (Binding(("services", "openssh", "settings", "PermitRootLogin"), NixString("no")),),
            tuple(
                Binding(("services", "openssh", *p), T)
                for p in (("enable",), ("settings", "PasswordAuthentication"), ("openFirewall",))
            ),
        ),
        # a set value whose names another binding also writes below (Nix merges literals one level only)
        _sections((Binding(("s", "a", "b", "x"), T),), (Binding(("s", "a"), _set(("b", _set(("y", T))))),)),
        _sections(
            (
                Binding(("s", "a"), _set(("b", _set(("y", T))))),
                Binding(("s", "a"), _set(("b", _set(("z", T))))),
            )
        ),
        _sections((Binding(("s",), _set(("a", _set(("b", T))))),), (Binding(("s", "a"), _set(("c", T))),)),
    ],
)
def test_output_never_defines_a_name_twice(module: Module) -> None:
    reading = read_source(render_module(module))
    assert reading.duplicate_attrs == ()
    assert sorted((d.path, d.value) for d in reading.definitions) == sorted(
        (p, v) for p, v, _ in module_definitions(module)
    )
