{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.grub.devices = [ "/dev/sda" ];
  nixpkgs.config.allowUnfree = true;

  networking.hostName = "media";
  services.jellyfin.enable = true;
  services.jellyfin.openFirewall = true;
  virtualisation.docker.enable = true;

  users.users.dave = {
    isNormalUser = true;
    extraGroups = [ "wheel" "docker" ];
  };

  environment.systemPackages = with pkgs; [ kodiPlain vim ffmpeg spotify ];

  system.stateVersion = "24.11";
}
