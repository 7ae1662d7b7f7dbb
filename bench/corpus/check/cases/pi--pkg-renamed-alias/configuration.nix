{ config, pkgs, ... }:
{
  boot.loader.grub.enable = false;
  boot.loader.generic-extlinux-compatible.enable = true;
  fileSystems."/" = { device = "/dev/disk/by-label/NIXOS_SD"; fsType = "ext4"; };

  networking.hostName = "pi";
  networking.firewall.allowedUDPPorts = [ 53 ];
  services.openssh.enable = true;
  services.adguardhome.enable = true;
  services.adguardhome.openFirewall = true;

  users.users.pi = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
  };

  environment.systemPackages = with pkgs; [ kodiPlain vim htop ];

  system.stateVersion = "24.11";
}
