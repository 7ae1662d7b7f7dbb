"""Read one capability file and the roles file (format: docs/catalog.md)."""

from __future__ import annotations

import re
from typing import Any

from nixwright.catalog.model import (
    AUDIENCES,
    IMPLIED_WHEN,
    PROTOCOLS,
    Capability,
    CapabilityKind,
    ImpliedService,
    PortSpec,
    ProxySpec,
    QuestionSpec,
    Role,
    SecretSpec,
    WebApp,
)
from nixwright.catalog.parts import (
    INTENT_PLACEHOLDERS,
    PROXY_PLACEHOLDERS,
    read_imports,
    read_option,
    read_options,
    read_packages,
)
from nixwright.catalog.reader import TableReader
from nixwright.catalog.values import CatalogValueError, split_path

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SYSTEMS = ("x86_64-linux", "aarch64-linux")


def read_capability(data: dict[str, Any], source: str) -> Capability:
    t = TableReader(data, source)
    cap_id = t.str_("id")
    if not _ID.match(cap_id) or f"capabilities/{cap_id}.toml" != source:
        raise t.fail("id", f"must be lowercase-with-dashes and match the file name ({source})")
    kind_text = t.choice("kind", tuple(k.value for k in CapabilityKind))
    words = t.strs("words")
    if not words:
        raise t.fail("words", "needs at least one word or phrase that calls this capability")
    systems = t.strs("systems") or SYSTEMS
    for s in systems:
        if s not in SYSTEMS:
            raise t.fail("systems", f"unknown system {s!r}")
    cap = Capability(
        id=cap_id,
        title=t.str_("title"),
        explain=t.str_("explain"),
        kind=CapabilityKind(kind_text),
        words=tuple(w.lower() for w in words),
        roles=t.strs("roles"),
        preferred=t.bool_("preferred"),
        systems=systems,
        options=read_options(t),
        packages=read_packages(t),
        ports=tuple(_port(p) for p in t.tables("port")),
        secrets=tuple(_secret(s) for s in t.tables("secret")),
        questions=tuple(_question(q) for q in t.tables("question")),
        requires=t.strs("requires"),
        conflicts=t.strs("conflicts"),
        web=tuple(_web(w) for w in t.tables("web")),
        proxy=_proxy(t.table("proxy")),
        imports=read_imports(t),
        unfree=t.strs("unfree"),
        min_ram_mb=t.opt_int("min_ram_mb"),
        notes=t.strs("notes"),
        source=source,
        graphical=t.bool_("graphical"),
        implied=tuple(_implied(x) for x in t.tables("implied")),
    )
    if cap.graphical and cap.kind is CapabilityKind.SERVICE:
        raise t.fail("graphical", 'a network service cannot be graphical; use kind = "program"')
    t.done()
    return cap


def _port(t: TableReader) -> PortSpec:
    port = PortSpec(
        port=t.int_("port"),
        protocol=t.choice("protocol", PROTOCOLS, "tcp"),
        audience=t.choice("audience", AUDIENCES),
        purpose=t.str_("purpose"),
    )
    if not 0 < port.port < 65536:
        raise t.fail("port", "must be between 1 and 65535")
    t.done()
    return port


def _secret(t: TableReader) -> SecretSpec:
    secret = SecretSpec(t.str_("name"), t.str_("purpose"), t.str_("path"), t.str_("command"))
    if not secret.path.startswith(("/var/lib/secrets/", "/run/secrets/", "/etc/nixos/secrets/")):
        raise t.fail("path", "secrets live under /var/lib/secrets/, /run/secrets/ or /etc/nixos/secrets/")
    t.done()
    return secret


def _question(t: TableReader) -> QuestionSpec:
    q = QuestionSpec(t.str_("key"), t.str_("text"), t.str_("default"), t.str_("why"), t.strs("choices"))
    if q.choices and q.default not in q.choices:
        raise t.fail("default", "must be one of the choices")
    t.done()
    return q


def _web(t: TableReader) -> WebApp:
    app = WebApp(
        port=t.int_("port"), subdomain=t.opt_str("subdomain"), path=t.opt_str("path"), name=t.str_("name", "")
    )
    if (app.subdomain is None) == (app.path is None):
        raise t.fail("", "a web app needs exactly one of subdomain or path")
    if app.path is not None and not app.path.startswith("/"):
        raise t.fail("path", "must start with '/'")
    t.done()
    return app


def _implied(t: TableReader) -> ImpliedService:
    name = t.str_("name")
    when = t.strs("when") or ("no-network-services",)
    for w in when:
        if w not in IMPLIED_WHEN:
            raise t.fail("when", f"is {w!r}; expected some of {', '.join(IMPLIED_WHEN)}")
    return ImpliedService(name=name, off=read_option(t), when=when)


def _proxy(t: TableReader | None) -> ProxySpec | None:
    if t is None:
        return None
    allowed = INTENT_PLACEHOLDERS | PROXY_PLACEHOLDERS
    try:
        prefix = split_path(t.str_("vhost_prefix"))
    except CatalogValueError as exc:
        raise t.fail("vhost_prefix", str(exc)) from None
    spec = ProxySpec(
        vhost_prefix=prefix,
        settings=tuple(read_option(x, allowed) for x in t.tables("option")),
        path_settings=tuple(read_option(x, allowed) for x in t.tables("path_option")),
    )
    if not spec.settings:
        raise t.fail("option", "a proxy needs at least one [[proxy.option]] per virtual host")
    t.done()
    return spec


def read_role(data: dict[str, Any], source: str) -> Role:
    t = TableReader(data, source)
    role_id = t.str_("id")
    if f"roles/{role_id}.toml" != source:
        raise t.fail("id", f"must match the file name ({source})")
    role = Role(
        id=role_id,
        title=t.str_("title"),
        words=tuple(w.lower() for w in t.strs("words")),
        preferred=t.str_("preferred"),
        question=t.str_("question", ""),
        low_ram_preferred=t.opt_str("low_ram_preferred"),
        low_ram_mb=t.int_("low_ram_mb", 4096),
    )
    t.done()
    return role
