"""The security policy layer: rules as data, small checks, one engine.

``engine.evaluate_policy`` judges a configuration's effective settings (its definitions
merged with the release defaults) against the rules in ``rules/*.toml``; ``hardening``
lists the individual settings a "hardened" request applies.

Speed: rules and the built-in profiles are read once per process; what the release says
about a path (its resolution, its parsed default) and about a package is remembered per
knowledge base (``release_cache``); each evaluation builds its indexes once (names by
prefix, sorted paths) and remembers every setting a check asks for (``effective``,
``context``). ``bench/bench_policy.py`` prints the figures.
"""
