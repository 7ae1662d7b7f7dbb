# The option documentation of a default NixOS system, split the way nixwright stores it:
# `options` (what a channel's options.json lists), `hidden` and `internal` (what it leaves out).
# Usage: nix-instantiate --eval --strict --json options-doc.nix --argstr nixpkgs DIR --argstr system x86_64-linux
{ nixpkgs, system ? "x86_64-linux" }:
let
  root = /. + nixpkgs;
  lib = import (root + "/lib");
  base = import (root + "/nixos/lib/eval-config.nix") {
    inherit system;
    modules = [ ({ config, ... }: { system.stateVersion = config.system.nixos.release; }) ];
  };
  # The manual documents the options of documentation.nixos.extraModules too (qemu-vm, image/repart).
  eval = base.extendModules { modules = base.config.documentation.nixos.extraModules or [ ]; };
  prefix = toString root + "/";
  relative = d: let s = toString d; in if lib.hasPrefix prefix s then lib.removePrefix prefix s else s;
  # A default or example that fails to evaluate is left out rather than failing the whole listing.
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else null;
  entry = o: {
    name = o.name;
    visible = o.visible or true;
    internal = o.internal or false;
    value = {
      declarations = map relative (o.declarations or [ ]);
      description = safe (o.description or "");
      loc = o.loc;
      readOnly = o.readOnly or false;
      type = o.type or "unspecified value";
    }
    // lib.optionalAttrs (o ? default) { default = safe o.default; }
    // lib.optionalAttrs (o ? example) { example = safe o.example; };
  };
  entries = map entry (lib.optionAttrSetToDocList eval.options);
  shown = e: e.visible == true || e.visible == "shallow";
  pick = keep: builtins.listToAttrs (map (e: { inherit (e) name value; }) (builtins.filter keep entries));
in
{
  release = lib.trivial.release;
  options = pick (e: shown e && !e.internal);
  hidden = pick (e: !(shown e) && !e.internal);
  internal = pick (e: e.internal);
}
