"""The security policy layer: rules as data, small checks, one engine.

``engine.evaluate_policy`` judges a configuration's effective settings (its definitions
merged with the release defaults) against the rules in ``rules/*.toml``; ``hardening``
lists the individual settings a "hardened" request applies.
"""
