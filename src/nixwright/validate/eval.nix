# Evaluate a NixOS configuration as `nixos-rebuild` would, without building anything:
# the derivation path of the whole system. Arguments come from nix-instantiate --argstr.
{ configPath, system, extraModule ? "" }:
let
  extra = if extraModule == "" then [ ] else [ (/. + extraModule) ];
in
(import <nixpkgs/nixos> {
  configuration = { imports = [ (/. + configPath) ] ++ extra; };
  inherit system;
}).config.system.build.toplevel.drvPath
