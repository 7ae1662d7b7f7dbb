# Evaluates every nixosConfigurations.<host> of an output's flake.nix with the local nixpkgs tree
# standing in for the pinned `nixpkgs` input (used by `bench/nix_eval.py --flake`).
# Returns { <host> = { drv = ".drv path"; system = "aarch64-linux"; }; }.
{ flakeDir, nixpkgsDir }:
let
  source = {
    outPath = nixpkgsDir;
    lastModifiedDate = "20241110000000";
    lastModified = 1731196800;
    rev = "0000000000000000000000000000000000000000";
    shortRev = "0000000";
  };
  nixpkgs = (import (nixpkgsDir + "/flake.nix")).outputs { self = nixpkgs; } // source;
  flake = import (flakeDir + "/flake.nix");
  self = flake.outputs { inherit self nixpkgs; } // { outPath = flakeDir; };
  evaluate =
    _host: configuration:
    let
      system = configuration.extendModules {
        modules = [ { nixpkgs.config.nixgenHaskellStub = "placeholders"; } ];
      };
    in
    {
      drv = system.config.system.build.toplevel.drvPath;
      system = system.config.nixpkgs.hostPlatform.system;
    };
in
builtins.mapAttrs evaluate self.nixosConfigurations
