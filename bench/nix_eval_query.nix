# What a NixOS configuration really turns on, as Nix evaluates it (used by bench/nix_eval_intents.py).
# For each dotted option path in `paths`: "on" (true / non-empty), "off", "absent" (no such
# option in this release) or "error" (evaluating it failed, e.g. a removed option); plus the names of the packages
# in environment.systemPackages, including those that modules add.
{ configPath, system, paths }:
let
  nixos = import <nixpkgs/nixos> {
    configuration = {
      imports = [ configPath ];
      nixpkgs.config.nixgenHaskellStub = "placeholders";
    };
    inherit system;
  };
  inherit (nixos.pkgs) lib;
  truthy =
    v:
    if v == null then
      false
    else if builtins.isBool v then
      v
    else if builtins.isAttrs v then
      builtins.attrNames v != [ ]
    else if builtins.isList v then
      v != [ ]
    else if builtins.isString v then
      v != ""
    else
      true;
  look =
    p:
    let
      parts = lib.splitString "." p;
      # a removed option throws as soon as it is looked at, so the lookup itself is guarded too
      state = builtins.tryEval (
        if !lib.hasAttrByPath parts nixos.config then
          "absent"
        else if truthy (lib.getAttrFromPath parts nixos.config) then
          "on"
        else
          "off"
      );
    in
    if state.success then state.value else "error";
in
{
  options = lib.genAttrs paths look;
  packages = lib.unique (map lib.getName nixos.config.environment.systemPackages);
}
