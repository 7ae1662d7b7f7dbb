"""The HTML page: self-contained, escaped, and a real page when a browser draws it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docs_plans import pi_plan, reading_for
from docs_release import FakeKnowledge
from png_pixels import read_png

from nixwright.docs.html import to_html
from nixwright.docs.md_blocks import markdown_to_html
from nixwright.docs.md_inline import inline_html
from nixwright.docs.readme import render_readme

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WIDTH, HEIGHT = 1000, 1400


def page() -> str:
    plan = pi_plan()
    return to_html(render_readme(plan, reading_for(plan), (), FakeKnowledge()), "pi: NixOS 24.11")


def test_page_is_self_contained() -> None:
    text = page()
    assert text.startswith("<!DOCTYPE html>")
    assert "<style>" in text
    for external in ("<script", "<link", " src=", "@import", "url("):
        assert external not in text
    assert "<title>pi: NixOS 24.11</title>" in text


def test_headings_tables_lists_code_and_quotes() -> None:
    out = markdown_to_html(
        "# Title `x`\n\n## What runs here\n\n| A | B |\n| --- | --- |\n| `a\\|b` | 2 |\n\n"
        '- one\n  - nested\n- two\n\n3. third\n\n```nix\nx = "<y>";\n```\n\n> quoted *words*\n\n## What runs here\n'
    )
    assert '<h1 id="title-x">Title <code>x</code></h1>' in out
    assert '<h2 id="what-runs-here">' in out
    assert '<h2 id="what-runs-here-1">' in out
    assert "<td><code>a|b</code></td>" in out
    assert "<ul>\n<li>one\n<ul>\n<li>nested\n</li></ul>\n</li>\n<li>two\n</li></ul>" in out
    assert '<ol start="3">' in out
    assert '<pre><code class="language-nix">x = "&lt;y&gt;";</code></pre>' in out
    assert "<blockquote><p>quoted <em>words</em></p></blockquote>" in out


def test_inline_forms_and_escaping() -> None:
    assert inline_html("**bold** and *em* and `a*b*c`") == (
        "<strong>bold</strong> and <em>em</em> and <code>a*b*c</code>"
    )
    assert inline_html("see https://example.org/a_(b).") == (
        'see <a href="https://example.org/a_(b)">https://example.org/a_(b)</a>.'
    )
    assert inline_html("(see https://example.org/x)") == (
        '(see <a href="https://example.org/x">https://example.org/x</a>)'
    )
    assert inline_html("<script>alert(1)</script> & co") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    assert inline_html("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4"
    assert inline_html("[the docs](https://x.org/d) end") == '<a href="https://x.org/d">the docs</a> end'


def test_request_text_cannot_inject_markup() -> None:
    out = to_html("> <img src=x onerror=alert(1)>\n", "t")
    assert "<img" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_url_ends_before_trailing_punctuation() -> None:
    assert inline_html("at https://hydra.nixos.org/.") == (
        'at <a href="https://hydra.nixos.org/">https://hydra.nixos.org/</a>.'
    )


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)"
)
def test_browser_draws_a_real_page(tmp_path: Path) -> None:
    html_file = tmp_path / "README.html"
    html_file.write_text(page(), encoding="utf-8")
    shot = tmp_path / "shot.png"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--screenshot={shot}",
        html_file.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    image = read_png(shot.read_bytes())
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    background = image.pixel(5, 5)
    step = 4
    samples = [image.pixel(x, y) for y in range(0, HEIGHT, step) for x in range(0, WIDTH, step)]
    ink = [p for p in samples if max(abs(a - b) for a, b in zip(p, background, strict=True)) > 60]
    assert len(ink) > len(samples) * 0.01, "the page looks blank"
    # text sits in a centred column: nothing is drawn in the outer margins
    assert all(image.pixel(x, y) == background for y in range(0, HEIGHT, 50) for x in (2, WIDTH - 3))
    # the heading is drawn near the top of the page
    top = [image.pixel(x, y) for y in range(30, 90, 2) for x in range(100, 600, 4)]
    assert any(max(abs(a - b) for a, b in zip(p, background, strict=True)) > 100 for p in top)


def test_slugs_are_unique_and_plain() -> None:
    out = markdown_to_html("## A & B\n\n## A & B\n\n## `code` *x*\n")
    assert re.findall(r'id="([^"]+)"', out) == ["a--b", "a--b-1", "code-x"]
