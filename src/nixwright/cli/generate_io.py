"""Terminal side of ``generate``: reading the request and answers, asking, and summaries."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.intake.questions import Question
from nixwright.plan.pipeline import Generated


def read_request(words: list[str], file: str | None) -> str:
    if file and words:
        raise NixwrightError("give the request either as words or with --file, not both")
    if file == "-":
        text = sys.stdin.read()
    elif file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise NixwrightError(f"cannot read {file}: {exc.strerror}") from None
    else:
        text = " ".join(words)
    if not text.strip():
        raise NixwrightError(
            "no request given", hint='nixwright generate "a Raspberry Pi 4 as a DNS ad blocker for my home"'
        )
    return text.strip()


def load_answers(path: Path) -> dict[str, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NixwrightError(f"cannot read answers file {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise NixwrightError(
            f"{path}: invalid TOML: {exc}", hint='write one line per answer: key = "value"'
        ) from None
    table = data.get("answers", data)
    out = {}
    for key, value in table.items():
        if not isinstance(value, str):
            raise NixwrightError(f"{path}: answer {key!r} must be a string", hint=f'write {key} = "..."')
        out[key] = value
    return out


def ask_on_terminal(q: Question) -> str:
    choices = f" [{'/'.join(q.choices)}]" if q.choices else ""
    print(f"{q.text}{choices}\n  ({q.why})", file=sys.stderr)
    try:
        reply = input(f"  answer (Enter for {q.default!r}): ")
    except EOFError:
        return q.default
    return reply.strip() or q.default


def show_questions(text: str, given: dict[str, str], as_json: bool) -> int:
    from nixwright.catalog.load import load_catalog
    from nixwright.cli.common import print_json
    from nixwright.intake.parse import parse_request
    from nixwright.plan.questions import resolve_answers

    catalog = load_catalog()
    intent = parse_request(text, catalog)
    asked: list[Question] = []

    def record(q: Question) -> str:
        asked.append(q)
        return given.get(q.key, q.default)

    resolve_answers(intent, catalog, {}, record)
    rows = [
        {"key": q.key, "question": q.text, "default": q.default, "choices": list(q.choices)} for q in asked
    ]
    if as_json:
        print_json(rows)
    else:
        for r in rows:
            choices = f" (one of: {', '.join(r['choices'])})" if r["choices"] else ""
            print(f'{r["key"]} = "{r["default"]}"   # {r["question"]}{choices}')
    return 0


def summary(gen: Generated, out: Path | object) -> dict[str, Any]:
    plan = gen.plan
    return {
        "out": str(out),
        "hostname": plan.hostname,
        "hardware": plan.hardware_profile,
        "system": plan.system,
        "capabilities": list(plan.capabilities),
        "assumptions": [{"key": a.key, "value": a.value, "question": a.question} for a in plan.assumptions],
        "understood": [e.text for e in gen.intent.understood if e.source == "request"],
        "not_understood": list(gen.intent.not_understood),
        "findings": [
            {"code": f.code, "severity": f.severity.value, "message": f.message}
            for f in gen.verified.findings
            if f.severity is not Severity.INFO
        ],
    }


def refuse_to_guess(q: Question) -> str:
    raise NixwrightError(
        f"the request leaves a question open ({q.key}: {q.text}) and there is no terminal to ask",
        hint="pass --non-interactive to use the defaults, or --answers FILE",
    )


def print_text(data: dict[str, Any]) -> None:
    print(f"wrote {data['out']}/ for {data['hostname']} ({data['hardware']}, {data['system']})")
    print(f"  understood: {', '.join(repr(u) for u in data['understood'])}")
    print(f"  capabilities: {', '.join(data['capabilities']) or 'none (base system only)'}")
    for a in data["assumptions"]:
        print(f"  assumed {a['key']} = {a['value']!r}: {a['question']}")
    for phrase in data["not_understood"]:
        print(f"  not understood: {phrase!r}", file=sys.stderr)
    for f in data["findings"]:
        print(f"  {f['severity']}: {f['code']} {f['message']}")
