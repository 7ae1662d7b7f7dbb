{ config, pkgs, ... }:
{
  boot.loader.systemd-boot.enable = true;
  boot.supportedFilesystems = [ "zfs" ];
  networking.hostId = "8425e349";
  networking.hostName = "nas";

  fileSystems."/" = { device = "rpool/root"; fsType = "zfs"; };
  fileSystems."/boot" = { device = "/dev/disk/by-label/BOOT"; fsType = "vfat"; };

  services.zfs.autoScrub.enable = true;
  services.samba.enable = true;

  users.users.carol = {
    isNormalUser = true;
    extraGroups = [ "wheel" ];
    hashedPassword = "$6$salt$hash";
  };

  environment.systemPackages = with pkgs; [ kodiPlain vim smartmontools ];

  system.stateVersion = "24.11";
}
