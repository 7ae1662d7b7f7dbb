"""One definition explained in plain words: the catalog's reason and the release's own description."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from nixwright.docs.markup import summary
from nixwright.docs.md import code
from nixwright.docs.snippet import short_definition
from nixwright.docs.value_words import condition_note, priority_note, value_notes
from nixwright.knowledge.model import Knowledge, OptionInfo, OptionKind
from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN, Value, path_str


class LineStatus(Enum):
    OPTION = "option"  # the path names a declared option
    SETTING = "setting"  # the path goes into the value of an option (freeform settings, attribute sets)
    NAMESPACE = "namespace"  # the path is a group of options, given a set of values
    UNKNOWN = "unknown"  # no option of the release has this path
    REMOVED = "removed"  # the option existed once; this release refuses it


@dataclass(frozen=True)
class LineDoc:
    path: tuple[str, ...]
    shown: str  # the definition for running text: ``path = value`` when short, else the path
    why: str  # why it is there (catalog), may be empty
    meaning: str  # what the option does (release description, clean text), may be empty
    notes: tuple[str, ...]
    status: LineStatus
    option: str | None = None  # the declared option's path, with its ``<name>`` placeholders
    place: str = ""  # for settings inside an option's value: which option holds them

    @property
    def explained(self) -> bool:
        return self.status not in (LineStatus.UNKNOWN, LineStatus.REMOVED) and bool(self.why or self.meaning)

    def text(self, *, repeat: bool = False) -> str:
        """The explanation as one paragraph; ``repeat``: the owning option was described just before."""
        parts = [_sentence(self.why)] if self.why else []
        if self.place:
            parts.append(self.place)
        if self.meaning and not (repeat and self.status is LineStatus.SETTING):
            labelled = self.why or self.place
            parts.append(f"*NixOS:* {_sentence(self.meaning)}" if labelled else _sentence(self.meaning))
        parts += [n for n in self.notes if n]
        return " ".join(parts)


def explain_line(
    path: Sequence[str],
    value: Value,
    kb: Knowledge,
    *,
    why: str = "",
    priority: int = PRIORITY_DEFAULT_PLAIN,
    condition: str | None = None,
    imported_modules: Sequence[str] = (),
    system: str | None = None,
) -> LineDoc:
    parts = tuple(path)
    resolution = kb.resolve_option(parts, imported_modules)
    notes = [priority_note(priority), condition_note(condition), *value_notes(value, kb, system)]
    shown = short_definition(parts, value, priority)
    info = resolution.option
    if info is not None and info.kind is OptionKind.REMOVED:
        removed = _kind_notes(info, kb.release)
        return LineDoc(parts, shown, why, "", (*removed, *notes), LineStatus.REMOVED, info.path)
    if info is not None and info.kind is OptionKind.RENAMED and info.renamed_to:
        target = kb.find_option(info.renamed_to)
        meaning = _meaning(target) if target is not None else ""
        renamed = _kind_notes(info, kb.release)
        return LineDoc(parts, shown, why, meaning, (*renamed, *notes), LineStatus.OPTION, info.path)
    if info is not None and not resolution.rest:
        notes = [*_kind_notes(info, kb.release), *notes]
        return LineDoc(parts, shown, why, _meaning(info), tuple(notes), LineStatus.OPTION, info.path)
    if info is not None:
        place = (
            f"This is the setting {code(path_str(resolution.rest))} inside the option {code(info.path)}, "
            "handed to the program as written."
        )
        return LineDoc(parts, shown, why, _meaning(info), tuple(notes), LineStatus.SETTING, info.path, place)
    if resolution.is_namespace:
        meaning = f"Sets several options under {code(path_str(parts))} at once; each key is one of them."
        return LineDoc(parts, shown, why, meaning, tuple(notes), LineStatus.NAMESPACE)
    unknown = f"Not an option of NixOS {kb.release}: Nix would stop with an error at this line."
    suggestions = kb.suggest_options(path_str(parts), limit=1)
    if suggestions:
        unknown += f" Did you mean {code(suggestions[0])}?"
    return LineDoc(parts, shown, why, "", (unknown, *notes), LineStatus.UNKNOWN)


def _meaning(info: OptionInfo) -> str:
    text = summary(info.description) if info.description else ""
    return text.removesuffix(":").rstrip()


def _kind_notes(info: OptionInfo, release: str) -> list[str]:
    match info.kind:
        case OptionKind.RENAMED if info.renamed_to:
            return [f"This is an old name of {code(info.renamed_to)}; it still works but Nix warns about it."]
        case OptionKind.REMOVED:
            detail = f" {_sentence(summary(info.message))}" if info.message else ""
            return [f"This option was removed before NixOS {release}.{detail}"]
        case OptionKind.CHANGED | OptionKind.MERGED:
            return ["This option was replaced by newer ones; Nix warns when it is set."]
        case _:
            return ["This option is read-only: NixOS sets it itself."] if info.read_only else []


def _sentence(text: str) -> str:
    text = text.strip()
    if not text or text[-1] in ".!?…)":
        return text
    return text + "."
