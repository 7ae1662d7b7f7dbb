{ config, pkgs, lib, ... }:
{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.grub.enable = true;
  boot.loader.grub.devices = [ "/dev/sda" ];

  networking.hostName = "web1";
  networking.firewall.allowedTCPPorts = [ 22 80 443 ];
  time.timeZone = "Europe/Berlin";

  services.openssh.enable = true;
  services.openssh.ports = [ 22 ];
  services.openssh.settings.PermitRootLogin = "no";
  services.openssh.settings.PasswordAuthentication = false;

  services.nginx.enable = true;
  services.nginx.virtualHosts."example.org" = {
    root = "/var/www/example";
    enableACME = true;
    forceSSL = true;
  };
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "admin@example.org";

  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBase alice@laptop" ];
  };

  environment.systemPackages = with pkgs; [ kodiPlain vim git htop ];

  system.stateVersion = "24.11";
}
