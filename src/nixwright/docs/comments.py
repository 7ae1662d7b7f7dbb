"""The comment above each block of configuration.nix: the same words the README uses for that block."""

from __future__ import annotations

from nixwright.docs.md import one_line
from nixwright.plan.model import Block


def block_comment(block: Block) -> str:
    """``== Title ==`` and, on the next line, what the block does (the renderer wraps and adds ``#``)."""
    title = f"== {one_line(block.title)} =="
    comment = one_line(block.comment)
    return f"{title}\n{comment}" if comment else title
