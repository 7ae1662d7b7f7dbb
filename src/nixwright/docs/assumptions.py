"""The choices the request left open: what was assumed, what was answered, and how to change either."""

from __future__ import annotations

from nixwright.docs.md import code, fence, one_line, quote_text
from nixwright.intake.intent import Answer
from nixwright.plan.model import Plan


def assumptions_section(plan: Plan) -> str:
    assumed = [a for a in plan.assumptions if a.assumed]
    answered = [a for a in plan.assumptions if not a.assumed]
    parts: list[str] = []
    if assumed:
        parts.append("Your request did not settle these choices, so nixwright took the usual default:")
        parts.append("\n".join(_item(a) for a in assumed))
    if answered:
        parts.append("You settled these choices:")
        parts.append("\n".join(_item(a) for a in answered))
    if plan.assumptions:
        parts.append(
            "To change a choice, put it in a small answers file and generate again; everything that "
            "depends on it changes with it:"
        )
        example = "\n".join(f"{a.key} = {_toml_string(a.value)}" for a in [*assumed, *answered])
        parts.append(fence(example, "toml"))
        parts.append(fence(_command(plan), "sh"))
    not_understood = plan.intent.not_understood
    if not_understood:
        parts.append(
            "These words of the request were not understood and had no effect; say them differently "
            "if they matter:"
        )
        parts.append("\n".join(f"- {quote_text(w)}" for w in not_understood))
    if not parts:
        return "Nothing was assumed: the request settled every choice."
    return "\n\n".join(parts)


def _item(answer: Answer) -> str:
    why = one_line(answer.why).rstrip(".")
    why = f" — {why[0].upper()}{why[1:]}." if why else ""
    question = one_line(answer.question)
    return f"- *{question}* **{code(answer.value)}**{why} (answer key {code(answer.key)})"


def _command(plan: Plan) -> str:
    request = one_line(plan.intent.request).replace("'", "'\\''")
    return (
        f"nixwright generate --answers answers.toml --non-interactive --release {plan.release} "
        f"--force --out . '{request}'"
    )


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
