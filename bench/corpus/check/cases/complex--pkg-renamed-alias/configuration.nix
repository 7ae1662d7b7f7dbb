{ config, pkgs, lib, ... }:
let
  adminKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIComplex admin@host";
  webRoot = "/srv/www";
in
{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.grub.devices = [ "/dev/sda" ];
  boot.kernel.sysctl."net.ipv4.ip_forward" = 1;

  networking = {
    hostName = "complex";
    firewall.allowedTCPPorts = [ 22 80 443 ];
    firewall.allowedTCPPortRanges = [ { from = 60000; to = 60010; } ];
  };
  time.timeZone = lib.mkDefault "UTC";

  services.openssh = {
    enable = true;
    ports = [ 22 ];
    settings = {
      PermitRootLogin = "no";
      PasswordAuthentication = false;
    };
  };

  services.nginx = lib.mkIf config.services.openssh.enable {
    enable = true;
    virtualHosts."complex.example.org" = {
      root = webRoot;
      enableACME = true;
      forceSSL = true;
      locations."/api".proxyPass = "http://127.0.0.1:8080";
    };
  };
  security.acme.acceptTerms = true;
  security.acme.defaults.email = "ops@example.org";

  services.grafana.enable = true;
  services.grafana.settings.server = { http_port = 3000; domain = "grafana.example.org"; };

  systemd.services.backup = {
    description = "Nightly backup";
    serviceConfig.Type = "oneshot";
    script = "${pkgs.rsync}/bin/rsync -a /srv /backup";
    startAt = "daily";
  };

  users.users.alice = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    openssh.authorizedKeys.keys = [ adminKey ];
  };
  users.users.backup = { isSystemUser = true; group = "backup"; };
  users.groups.backup = { };

  environment.systemPackages = with pkgs; [ kodiPlain vim git rsync python3Packages.requests ];
  environment.etc."motd".text = ''
    Welcome to ${config.networking.hostName}.
  '';

  system.stateVersion = "24.11";
}
