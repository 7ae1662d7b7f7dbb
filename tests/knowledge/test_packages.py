"""Package resolution on the mini release: sets, aliases, members, systems."""

from __future__ import annotations

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.model import PackageKind


def test_top_level_package(mini_kb: KnowledgeBase) -> None:
    match = mini_kb.find_package("hello")
    assert match.kind is PackageKind.PACKAGE
    assert match.package is not None
    assert match.package.version == "2.12.1"
    assert match.package.licenses == ("MIT",)
    assert match.package.main_program == "hello"
    assert match.available is None
    assert mini_kb.find_package("pkgs.hello").resolved == "hello"


def test_flags(mini_kb: KnowledgeBase) -> None:
    nvidia = mini_kb.find_package("linuxPackages.nvidia_x11")
    assert nvidia.kind is PackageKind.PACKAGE
    assert nvidia.resolved == "linuxKernel.packages.linux_6_6.nvidia_x11"
    assert nvidia.package is not None
    assert nvidia.package.unfree
    old = mini_kb.package("oldssl")
    assert old is not None
    assert old.insecure
    assert old.known_vulnerabilities == ("CVE-2000-1",)
    broken = mini_kb.package("brokenpkg")
    assert broken is not None
    assert broken.broken


def test_platforms(mini_kb: KnowledgeBase) -> None:
    mac = mini_kb.find_package("macapp", "x86_64-linux")
    assert mac.available is False
    assert "not available" in (mac.message or "")
    assert mini_kb.find_package("htop", "aarch64-linux").available is True
    nvidia = mini_kb.find_package("linuxPackages.nvidia_x11", "aarch64-linux")
    assert nvidia.available is False


def test_aarch64_errors(mini_kb: KnowledgeBase) -> None:
    wine = mini_kb.find_package("wine", "aarch64-linux")
    assert wine.kind is PackageKind.PACKAGE
    assert wine.available is False
    assert "i686" in (wine.message or "")
    assert mini_kb.find_package("wine", "x86_64-linux").available is True
    i686 = mini_kb.find_package("i686only", "aarch64-linux")
    assert i686.kind is PackageKind.ERROR
    assert mini_kb.find_package("i686only", "x86_64-linux").kind is PackageKind.MEMBER


def test_set_aliases(mini_kb: KnowledgeBase) -> None:
    for name in ("python3Packages.requests", "python3.pkgs.requests", "python312Packages.requests"):
        match = mini_kb.find_package(name)
        assert match.kind is PackageKind.PACKAGE, name
        assert match.resolved == "python312Packages.requests"


def test_members_packages_json_leaves_out(mini_kb: KnowledgeBase) -> None:
    flask = mini_kb.find_package("python3Packages.flask")
    assert flask.kind is PackageKind.MEMBER
    assert flask.resolved == "python312Packages.flask"
    vim = mini_kb.find_package("vimPlugins.vim-surround", "aarch64-linux")
    assert vim.kind is PackageKind.MEMBER
    assert vim.available is False
    assert mini_kb.find_package("vimPlugins.vim-fugitive", "aarch64-linux").available is True
    removed = mini_kb.find_package("python3Packages.oldreq")
    assert removed.kind is PackageKind.REMOVED
    function = mini_kb.find_package("python3Packages.buildPythonPackage")
    assert function.kind is PackageKind.NON_PACKAGE


def test_top_level_aliases(mini_kb: KnowledgeBase) -> None:
    renamed = mini_kb.find_package("oldhello")
    assert renamed.kind is PackageKind.RENAMED
    assert renamed.resolved == "hello"
    assert renamed.warns
    assert renamed.package is not None
    chained = mini_kb.find_package("chainold")
    assert chained.kind is PackageKind.RENAMED
    assert chained.resolved == "hello"
    removed = mini_kb.find_package("goneapp")
    assert removed.kind is PackageKind.REMOVED
    assert removed.message == "goneapp has been removed as it was unmaintained"


def test_other_attributes(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.find_package("writeShellScriptBin").kind is PackageKind.NON_PACKAGE
    assert mini_kb.find_package("lib").kind is PackageKind.SET
    python = mini_kb.find_package("python3Packages")
    assert python.kind is PackageKind.SET
    assert python.resolved == "python312Packages"
    jdk = mini_kb.find_package("jdk21")
    assert jdk.kind is PackageKind.MEMBER
    assert jdk.resolved == "hello"
    assert mini_kb.find_package("pandoc").kind is PackageKind.MEMBER
    error = mini_kb.find_package("throwsnow")
    assert error.kind is PackageKind.ERROR
    assert "missing source" in (error.message or "")


def test_nixpkgs_instances(mini_kb: KnowledgeBase) -> None:
    match = mini_kb.find_package("pkgsStatic.hello")
    assert match.kind is PackageKind.PACKAGE
    assert match.resolved == "pkgsStatic.hello"


def test_unknown_with_suggestions(mini_kb: KnowledgeBase) -> None:
    match = mini_kb.find_package("helo")
    assert match.kind is PackageKind.UNKNOWN
    assert match.suggestions[0] == "hello"
    nested = mini_kb.find_package("python3Packages.reqests")
    assert nested.kind is PackageKind.UNKNOWN
    assert nested.suggestions[0] == "python3Packages.requests"
