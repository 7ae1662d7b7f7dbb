"""``nixwright generate "REQUEST"``: plain words in, a validated configuration directory out."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("request", nargs="*", help="the machine in plain words (or use --file)")
    parser.add_argument("-f", "--file", help="read the request from FILE ('-' for standard input)")
    parser.add_argument("-o", "--out", help="output directory (default: ./<hostname>)")
    parser.add_argument("--force", action="store_true", help="replace a non-empty output directory")
    parser.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")
    parser.add_argument("--answers", metavar="FILE", help='answers to questions, as TOML (key = "value")')
    parser.add_argument(
        "--non-interactive",
        action="store_true",
        help="ask nothing; apply documented defaults and record them as assumptions",
    )
    parser.add_argument(
        "--accept-risk",
        action="append",
        default=[],
        metavar="RULE_ID",
        help="accept a policy finding the request itself demands (repeatable)",
    )
    parser.add_argument(
        "--list-questions", action="store_true", help="print the open questions with their defaults and stop"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON summary instead of text")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from nixwright.cli.common import print_json
    from nixwright.cli.generate_io import (
        ask_on_terminal,
        load_answers,
        print_text,
        read_request,
        refuse_to_guess,
        show_questions,
        summary,
    )
    from nixwright.errors import NixwrightError
    from nixwright.knowledge import open_knowledge
    from nixwright.output.files import output_files
    from nixwright.output.write import check_target, write_directory
    from nixwright.plan.pipeline import generate

    text = read_request(args.request, args.file)
    given = load_answers(Path(args.answers)) if args.answers else {}
    if args.list_questions:
        return show_questions(text, given, as_json=args.json)
    ask = None
    if not args.non_interactive:
        ask = ask_on_terminal if sys.stdin.isatty() else refuse_to_guess
    kb = open_knowledge(args.release)
    if args.out:
        check_target(Path(args.out), args.force)
    gen = generate(text, kb, answers=given, ask=ask, accepted_risks=args.accept_risk)
    out = Path(args.out or gen.plan.hostname)
    try:
        write_directory(out, output_files(gen, kb), force=args.force)
    except OSError as exc:
        raise NixwrightError(
            f"cannot write {out}: {exc.strerror}", hint="check the path and permissions"
        ) from None
    if args.json:
        print_json(summary(gen, out))
    else:
        print_text(summary(gen, out))
    return 0
