{ pkgs, ... }:
{
  boot.isContainer = true;
  networking.hostName = "db";

  services.postgresql.enable = true;
  services.postgresql.ensureDatabases = [ "app" ];

  users.users.app = {
    isSystemUser = true;
    group = "app";
  };
  users.groups.app = { };

  environment.systemPackages = with pkgs; [ vscode vim postgresql ];

  nixpkgs.config.allowUnfree = true;
  system.stateVersion = "24.11";
}
