"""The comment above each block of configuration.nix, the same words the README uses for that block."""

from __future__ import annotations

from nixwright.docs.md import one_line
from nixwright.plan.model import Block


def block_comment(block: Block) -> str:
    """``Title: what the block does`` on one line (the renderer wraps and prefixes it with ``#``)."""
    title = one_line(block.title)
    comment = one_line(block.comment)
    return f"{title}: {comment}" if comment else title
