"""Valid NixOS configurations the seeded-error corpus mutates (each evaluates with Nix 2.8 / 24.11)."""

from __future__ import annotations

from dataclasses import dataclass, field

HARDWARE_BIOS = """{ config, lib, modulesPath, ... }:
{
  imports = [ (modulesPath + "/installer/scan/not-detected.nix") ];
  boot.initrd.availableKernelModules = [ "ahci" "xhci_pci" "sd_mod" ];
  boot.kernelModules = [ "kvm-intel" ];
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  swapDevices = [ ];
}
"""

HARDWARE_UEFI = """{ config, lib, ... }:
{
  boot.initrd.availableKernelModules = [ "nvme" "xhci_pci" "usbhid" ];
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  fileSystems."/boot" = { device = "/dev/disk/by-label/BOOT"; fsType = "vfat"; };
}
"""


@dataclass(frozen=True)
class Base:
    name: str
    system: str
    files: dict[str, str] = field(default_factory=dict)


SERVER = Base(
    "server",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, lib, ... }:
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

  environment.systemPackages = with pkgs; [ vim git htop ];

  system.stateVersion = "24.11";
}
""",
        "hardware-configuration.nix": HARDWARE_BIOS,
    },
)

DESKTOP = Base(
    "desktop",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];

  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;

  networking.hostName = "desk";
  networking.networkmanager.enable = true;
  time.timeZone = "America/New_York";
  i18n.defaultLocale = "en_US.UTF-8";

  services.printing.enable = true;
  hardware.bluetooth.enable = true;
  services.pipewire = {
    enable = true;
    pulse.enable = true;
  };
  programs.firefox.enable = true;
  programs.zsh.enable = true;

  users.users.bob = {
    isNormalUser = true;
    description = "Bob";
    extraGroups = [ "wheel" "networkmanager" ];
    shell = pkgs.zsh;
  };

  environment.systemPackages = with pkgs; [ vim wget ripgrep ];

  system.stateVersion = "24.11";
}
""",
        "hardware-configuration.nix": HARDWARE_UEFI,
    },
)

PI = Base(
    "pi",
    "aarch64-linux",
    {
        "configuration.nix": """{ config, pkgs, ... }:
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

  environment.systemPackages = with pkgs; [ vim htop ];

  system.stateVersion = "24.11";
}
""",
    },
)

CONTAINER = Base(
    "container",
    "x86_64-linux",
    {
        "configuration.nix": """{ pkgs, ... }:
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

  environment.systemPackages = with pkgs; [ vim postgresql ];

  system.stateVersion = "24.11";
}
""",
    },
)

VM = Base(
    "vm",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, modulesPath, ... }:
{
  imports = [ (modulesPath + "/profiles/qemu-guest.nix") ];

  boot.loader.grub.device = "/dev/vda";
  fileSystems."/" = { device = "/dev/vda1"; fsType = "ext4"; };

  networking.hostName = "vm";
  networking.useDHCP = true;
  services.openssh.enable = true;
  services.qemuGuest.enable = true;

  users.mutableUsers = false;
  users.users.root.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIVm root@admin" ];

  environment.systemPackages = with pkgs; [ vim curl ];

  system.stateVersion = "24.11";
}
""",
    },
)

NAS = Base(
    "nas",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, ... }:
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

  environment.systemPackages = with pkgs; [ vim smartmontools ];

  system.stateVersion = "24.11";
}
""",
    },
)

MEDIA = Base(
    "media",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, ... }:
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

  environment.systemPackages = with pkgs; [ vim ffmpeg spotify ];

  system.stateVersion = "24.11";
}
""",
        "hardware-configuration.nix": HARDWARE_BIOS,
    },
)

COMPLEX = Base(
    "complex",
    "x86_64-linux",
    {
        "configuration.nix": """{ config, pkgs, lib, ... }:
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

  environment.systemPackages = with pkgs; [ vim git rsync python3Packages.requests ];
  environment.etc."motd".text = ''
    Welcome to ${config.networking.hostName}.
  '';

  system.stateVersion = "24.11";
}
""",
        "hardware-configuration.nix": HARDWARE_BIOS,
    },
)

BASES = (SERVER, DESKTOP, PI, CONTAINER, VM, NAS, MEDIA, COMPLEX)
