{ config, pkgs, modulesPath, ... }:
{
  imports = [ (modulesPath + "/profiles/qemu-guest.nix") ];

  boot.loader.grub.device = "/dev/vda";
  fileSystems."/" = { device = "/dev/vda1"; fsType = "ext4"; };

  networking.hostName = "vm";
  networking.useDHCP = true;
  services.openssh.enable = true;
  services.qemuGuest.enable = true;

  users.mutableUsers = false;

  environment.systemPackages = with pkgs; [ vim curl ];

  system.stateVersion = "24.11";
}
