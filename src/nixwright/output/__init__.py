"""The output directory: configuration files, flake, README and nixwright.json, written atomically."""
