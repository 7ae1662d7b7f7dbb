"""Every option description of the 24.11 release converts to clean text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nixwright.docs.markup import markup_leaks, summary, to_plain
from nixwright.knowledge.reading import read_json

DATA = Path(os.environ.get("NIXWRIGHT_CHANNEL_DATA", "/work/shared/nixos/24.11"))


@pytest.mark.integration
def test_no_raw_markup_leaks_from_any_option_description() -> None:
    options_file = DATA / "options.json.br"
    if not options_file.is_file():
        pytest.skip(f"release data not found at {DATA}")
    options = read_json(options_file)
    assert len(options) == 19_940
    leaking = {}
    for path, info in options.items():
        description = info.get("description") or ""
        plain = to_plain(description)
        leaks = markup_leaks(plain) + markup_leaks(summary(description))
        if leaks:
            leaking[path] = leaks
        if description.strip():
            assert plain.strip(), path
    assert leaking == {}
