"""Blocks for the chosen capabilities, the virtual hosts of the reverse proxy, packages and unfree names."""

from __future__ import annotations

from nixwright.catalog.model import Capability, ProxySpec
from nixwright.catalog.values import fill_text
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Evidence, Intent
from nixwright.nix.values import NixList, NixString, PackageRef, RawExpr
from nixwright.plan.assign import assign, block, from_setting
from nixwright.plan.model import Assignment, Block
from nixwright.plan.select import Chosen


def drops_extras(intent: Intent) -> bool:
    return intent.has_quality("minimal") or any(e.target == "*" for e in intent.exclusions)


def capability_block(c: Chosen, facts: dict[str, str], minimal: bool, autologin: bool = True) -> Block:
    """The capability's settings; extras dropped when ``minimal``, auto-login ones unless ``autologin``."""
    cap = c.capability
    origin = f"capability:{cap.id}"
    a = [
        from_setting(st, origin, c.evidence, facts)
        for st in cap.options
        if not (minimal and st.extra) and (autologin or not st.autologin)
    ]
    return block(origin, cap.title, fill_text(cap.explain.strip(), facts), a)


def proxy_block(chosen: tuple[Chosen, ...], facts: dict[str, str]) -> Block | None:
    proxy = next((c for c in chosen if c.capability.proxy is not None), None)
    apps = [(c, w) for c in chosen for w in c.capability.web]
    if proxy is None or proxy.capability.proxy is None or not apps:
        return None
    spec = proxy.capability.proxy
    origin = f"capability:{proxy.capability.id}"
    a: list[Assignment] = []
    path_apps: list[tuple[Chosen, str, str]] = []
    names_host = _names_host(spec)
    for c, web in apps:
        upstream = f"127.0.0.1:{web.port}"
        if web.subdomain:
            host = f"{web.subdomain}.{facts['domain']}"
            vf = facts | {"host": host, "upstream": upstream, "port": str(web.port), "path": ""}
            prefix = spec.vhost_prefix if names_host else (*spec.vhost_prefix, host)
            a.extend(from_setting(st, origin, c.evidence, vf, prefix) for st in spec.settings)
        elif web.path:
            if not spec.path_settings:
                raise NixwrightError(
                    f"{proxy.capability.title} cannot serve {web.name or c.capability.title} under a path "
                    f"({web.path}) here",
                    hint="ask for Caddy or nginx as the reverse proxy",
                )
            path_apps.append((c, web.path, upstream))
    a += _path_hosts(proxy, path_apps, facts)
    names = ", ".join(w.name or c.capability.title for c, w in apps)
    return block(
        "proxy",
        "Web applications behind the reverse proxy",
        f"One address per web application ({names}), each served over HTTPS by {proxy.capability.title}.",
        a,
    )


def _names_host(spec: ProxySpec) -> bool:
    """A proxy whose settings place ``@host@`` in their own paths gets no host appended to the prefix."""
    return any("@host@" in part for st in spec.settings for part in st.path)


def _path_hosts(
    proxy: Chosen, apps: list[tuple[Chosen, str, str]], facts: dict[str, str]
) -> list[Assignment]:
    spec = proxy.capability.proxy
    if spec is None or not apps:
        return []
    host = facts["domain"]
    merged: dict[tuple[str, ...], Assignment] = {}
    for c, path, upstream in apps:
        vf = facts | {"host": host, "upstream": upstream, "port": upstream.rsplit(":", 1)[1], "path": path}
        for st in spec.path_settings:
            new = from_setting(
                st, f"capability:{proxy.capability.id}", c.evidence, vf, (*spec.vhost_prefix, host)
            )
            old = merged.get(new.path)
            if old and isinstance(old.value, NixString) and isinstance(new.value, NixString):
                text = old.value.value.rstrip("\n") + "\n" + new.value.value
                new = assign(
                    new.path,
                    NixString(text, multiline=True),
                    old.provenance.origin,
                    old.provenance.explanation + " " + new.provenance.explanation,
                    old.provenance.evidence + new.provenance.evidence,
                )
            merged[new.path] = new
    return list(merged.values())


def packages_block(
    chosen: tuple[Chosen, ...], extra: list[tuple[str, str, str, tuple[Evidence, ...]]], minimal: bool
) -> Block | None:
    """One ``environment.systemPackages`` for all capabilities (a list option written once)."""
    items: dict[str, tuple[str, str, tuple[Evidence, ...]]] = {}
    for c in chosen:
        for p in c.capability.packages:
            if minimal and p.extra:
                continue
            items.setdefault(p.attr, (c.capability.id, p.why, c.evidence))
    for attr, origin, why, ev in extra:
        items.setdefault(attr, (origin, why, ev))
    if not items:
        return None
    value = NixList(tuple(PackageRef(attr) for attr in items))
    why = "; ".join(f"{attr}: {why}" for attr, (_, why, _) in items.items())
    evidence = tuple(e for _, _, ev in items.values() for e in ev)
    a = [assign(("environment", "systemPackages"), value, "packages", f"Installs {why}", _unique(evidence))]
    return block("packages", "Programs", "Programs installed for everyone on this machine.", a)


def unfree_block(chosen: tuple[Chosen, ...]) -> Block | None:
    names = sorted({n for c in chosen for n in c.capability.unfree})
    if not names:
        return None
    listed = " ".join(f'"{n}"' for n in names)
    value = RawExpr(f"pkg: builtins.elem (lib.getName pkg) [ {listed} ]")
    who = ", ".join(sorted({c.capability.title for c in chosen if c.capability.unfree}))
    a = [
        assign(
            ("nixpkgs", "config", "allowUnfreePredicate"),
            value,
            "unfree",
            f"Allows exactly these non-free packages, which {who} needs: {', '.join(names)}.",
        )
    ]
    return block("unfree", "Non-free software", "Only the named non-free packages are allowed.", a)


def imports_of(chosen: tuple[Chosen, ...]) -> list[str]:
    return [m.module for c in chosen for m in c.capability.imports]


def _unique(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


def first_capability(chosen: tuple[Chosen, ...], role: str) -> Capability | None:
    return next((c.capability for c in chosen if role in c.capability.roles), None)
