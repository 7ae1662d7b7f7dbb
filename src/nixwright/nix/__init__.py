"""The Nix language: parse (tree-sitter), read (module -> Definitions), values, render."""
