"""A NixOS release's options and packages in SQLite: build, look up, search."""
