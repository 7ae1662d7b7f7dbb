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

  environment.systemPackages = with pkgs; [ kodiPlain vim postgresql ];

  system.stateVersion = "24.11";
}
