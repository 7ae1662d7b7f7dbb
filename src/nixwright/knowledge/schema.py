"""The SQLite layout of a release database. Bump ``SCHEMA_VERSION`` on any change."""

from __future__ import annotations

SCHEMA_VERSION = 6

# ``module`` is '' for options of every configuration, else the file (``nixos/...``) that must be
# imported for the option to exist. ``requires`` (JSON list) marks rows of options.json and
# options-extra.json that exist only when one of those files is imported (qemu-vm.nix, image/repart.nix). ``parts`` joins the unquoted names with U+001F.
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE options (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  parts TEXT NOT NULL,
  module TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  default_text TEXT,
  example_text TEXT,
  declarations TEXT NOT NULL DEFAULT '[]',
  read_only INTEGER NOT NULL DEFAULT 0,
  renamed_to TEXT,
  to_kind TEXT,
  message TEXT,
  warns INTEGER NOT NULL DEFAULT 0,
  fails INTEGER NOT NULL DEFAULT 0,
  extra TEXT,
  requires TEXT,
  UNIQUE (path, module)
);

-- the tree of option names (option_tree.py): node 0 is the root; ``options`` lists [module, option id]
-- pairs (module '' for every configuration), ``modules`` the imported files whose options lie below
CREATE TABLE option_nodes (
  id INTEGER PRIMARY KEY,
  is_default INTEGER NOT NULL,
  modules TEXT,
  options TEXT
);

CREATE TABLE option_edges (
  parent INTEGER NOT NULL,
  name TEXT NOT NULL,
  child INTEGER NOT NULL,
  PRIMARY KEY (parent, name)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE options_fts USING fts5(
  name, description, content='', tokenize='porter unicode61', prefix='3'
);

CREATE TABLE modules (
  module TEXT PRIMARY KEY,
  evaluated_on TEXT NOT NULL,
  imports TEXT NOT NULL,
  sets TEXT NOT NULL,
  sets_with_imports TEXT NOT NULL,
  sets_detail TEXT NOT NULL,
  documented TEXT NOT NULL,
  disables TEXT NOT NULL,
  options_removed TEXT NOT NULL,
  toplevel TEXT NOT NULL,
  note TEXT
);

CREATE TABLE platform_sets (id INTEGER PRIMARY KEY, systems TEXT NOT NULL UNIQUE);

CREATE TABLE packages (
  id INTEGER PRIMARY KEY,
  attr_path TEXT NOT NULL UNIQUE,
  pname TEXT NOT NULL,
  version TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  licenses TEXT NOT NULL DEFAULT '[]',
  unfree INTEGER NOT NULL DEFAULT 0,
  insecure INTEGER NOT NULL DEFAULT 0,
  broken INTEGER NOT NULL DEFAULT 0,
  platforms INTEGER REFERENCES platform_sets(id),
  bad_platforms INTEGER REFERENCES platform_sets(id),
  known_vulnerabilities TEXT NOT NULL DEFAULT '[]',
  main_program TEXT,
  homepage TEXT,
  position TEXT
);

CREATE VIRTUAL TABLE packages_fts USING fts5(
  name, pname, description, content='', tokenize='porter unicode61', prefix='3'
);

-- index terms (Porter stems) in more rows than search.py's _COMMON: they do not narrow a search
CREATE TABLE common_terms (tbl TEXT NOT NULL, term TEXT NOT NULL, docs INTEGER NOT NULL,
  PRIMARY KEY (tbl, term)) WITHOUT ROWID;

-- how often option defaults and examples name a package (+3 for a module of its own): search hint
CREATE TABLE package_refs (attr_path TEXT PRIMARY KEY, refs INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE package_set_aliases (alias TEXT PRIMARY KEY, target TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE package_attrs (
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  is_alias INTEGER NOT NULL DEFAULT 0,
  alias_kind TEXT,
  target TEXT,
  message TEXT,
  warns TEXT,
  same_as TEXT,
  set_alias_of TEXT,
  nixpkgs_instance INTEGER NOT NULL DEFAULT 0,
  aarch64 TEXT
) WITHOUT ROWID;

CREATE TABLE package_sets (
  path TEXT PRIMARY KEY,
  recurse INTEGER NOT NULL DEFAULT 0,
  listed INTEGER NOT NULL DEFAULT 0,
  covered INTEGER NOT NULL DEFAULT 0,
  kinds_evaluated INTEGER NOT NULL DEFAULT 1,
  note TEXT,
  aarch64_missing TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

CREATE TABLE package_set_members (
  set_path TEXT NOT NULL,
  name TEXT NOT NULL,
  is_alias INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL DEFAULT 'derivation',
  PRIMARY KEY (set_path, name)
) WITHOUT ROWID;

CREATE TABLE package_system_errors (
  attr_path TEXT NOT NULL,
  system TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (attr_path, system)
) WITHOUT ROWID;
"""
