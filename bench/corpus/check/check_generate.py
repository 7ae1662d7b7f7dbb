"""Write the seeded-error corpus: bases x mutations -> cases/<id>/ plus cases.json.

    .venv/bin/python bench/corpus/check/check_generate.py

Deterministic: the same sources give byte-identical files. Nix's verdicts live in labels.json
(written by check_label.py) so that regenerating never loses them.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check_bases import BASES, Base  # noqa: E402
from check_mutations import ANCHOR, MUTATIONS, Mutation  # noqa: E402


def apply(base: Base, mutation: Mutation) -> dict[str, str] | None:
    """The mutated files, or None when the mutation does not fit this base."""
    if mutation.only and base.name not in mutation.only:
        return None
    files = dict(base.files)
    for edit in mutation.edits:
        text = files.get(edit.file)
        if text is None:
            return None
        if edit.find == "":
            added_path = edit.replace.strip().split(" =", 1)[0]
            if ANCHOR not in text or f"  {added_path} =" in text:
                return None  # Nix rejects an attribute defined twice in one set
            files[edit.file] = text.replace(ANCHOR, edit.replace + ANCHOR, 1)
        elif edit.find in text:
            files[edit.file] = text.replace(edit.find, edit.replace, 1)
        else:
            return None
    return files


def build_cases() -> list[dict[str, object]]:
    cases = []
    for base in BASES:
        for mutation in MUTATIONS:
            files = apply(base, mutation)
            if files is None:
                continue
            expected = mutation.per_base.get(base.name, mutation.expected)
            cases.append(
                {
                    "id": f"{base.name}--{mutation.id}",
                    "base": base.name,
                    "mutation": mutation.id,
                    "description": mutation.description,
                    "system": base.system,
                    "expected": sorted(expected),
                    **({"known_limit": mutation.known_limit} if mutation.known_limit else {}),
                    "files": files,
                }
            )
    return cases


def main() -> int:
    cases = build_cases()
    out = HERE / "cases"
    if out.exists():
        shutil.rmtree(out)
    for case in cases:
        folder = out / str(case["id"])
        folder.mkdir(parents=True)
        files = case.pop("files")
        assert isinstance(files, dict)
        for name, text in sorted(files.items()):
            (folder / name).write_text(text, encoding="utf-8")
        case["files"] = sorted(files)
    (HERE / "cases.json").write_text(json.dumps(cases, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases from {len(BASES)} bases and {len(MUTATIONS)} mutations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
