"""Progress reporting: the library calls a callback; the CLI decides how to show it."""

from __future__ import annotations

from collections.abc import Callable

# (what is happening, units done, units in total or None when unknown)
Progress = Callable[[str, int, int | None], None]


def no_progress(_what: str, _done: int, _total: int | None) -> None:
    return None
