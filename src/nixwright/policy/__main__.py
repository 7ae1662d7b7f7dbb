"""``python -m nixwright.policy docs``: print docs/policy.md generated from the rule data."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if argv != ["docs"]:
        sys.stderr.write("usage: python -m nixwright.policy docs > docs/policy.md\n")
        return 2
    from nixwright.policy.docs import render_policy_docs

    sys.stdout.write(render_policy_docs())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
