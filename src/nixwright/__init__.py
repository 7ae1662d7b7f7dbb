"""nixwright: plain words in, a validated and documented NixOS configuration out."""

__version__ = "0.1.0"
