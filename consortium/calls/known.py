"""Known calls: the built-in presets, overridden or extended by a repo's ``calls/``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from consortium.calls.presets import PRESETS
from consortium.files.loading import Loaded, load_many, yaml_files
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.models import Call


@cache
def builtin_calls() -> dict[str, Call]:
    calls = (Call.model_validate(data) for data in PRESETS)
    return {call.id: call for call in calls}


def known_calls(
    folder: Path | None, root: Root | None = None
) -> tuple[dict[str, Call], list[Problem]]:
    """Presets plus ``folder/*.yaml`` (a repo's own calls win over presets of the same id),
    none read from outside ``root`` (by default the folder's git work tree)."""
    calls = dict(builtin_calls())
    if folder is None or not folder.is_dir():
        return calls, []
    loaded: list[Loaded[Call]]
    loaded, problems = load_many(yaml_files(folder), Call, root or Root.around(folder))
    calls.update((entry.item.id, entry.item) for entry in loaded)
    return calls, problems
