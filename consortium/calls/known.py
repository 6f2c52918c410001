"""Known calls: the built-in presets, overridden or extended by a repo's ``calls/``.

The presets are ``presets/<ID>.yaml``, files in the shape users write, read by the same safe
loader and validated by the same model as a repo's ``calls/*.yaml``: a preset with a mistake
fails as a user's file would. They are read once, on first use: a command that never asks for
a call (``--help``, ``clusters list``) reads none.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from consortium.files.loading import Loaded, load, load_many, yaml_files
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.files.yamlfile import load as load_yaml
from consortium.models import Call

# The presets in the order `calls list` shows them (a new preset: its file, and its id here).
PRESET_IDS = (
    "COS-CLUSTER-2020-3-03",
    "COS-CLUSTER-2018-03-02",
    "COS-CLUSINT-2020-3-01",
    "SMP-COSME-2024-CLUSTER-01",
    "HORIZON-GENERIC",
    "INTERREG-EUROPE",
)


def preset_folder() -> Path:
    """Where the preset files are, in the source tree as in an installed wheel."""
    return Path(__file__).with_name("presets")


@cache
def builtin_calls() -> dict[str, Call]:
    """Every preset, read once: six small files, parsed with libyaml in about 1.3 ms (the
    first validation of a call costs more, presets or not)."""
    folder = preset_folder()
    root = Root(folder)
    calls: dict[str, Call] = {}
    for call_id in PRESET_IDS:
        loaded = load(folder / f"{call_id}.yaml", Call, root=root)
        if isinstance(loaded, list):  # a broken installation, not a user's mistake
            raise RuntimeError(f"built-in call {call_id}: {loaded[0].message}")
        calls[call_id] = loaded.item
    return calls


def preset_data(call_id: str) -> dict[str, Any]:
    """A preset's file as plain data, as a user would copy it (``import`` fills a call's
    rules from HORIZON-GENERIC's)."""
    doc = load_yaml(preset_folder() / f"{call_id}.yaml", Root(preset_folder()))
    if isinstance(doc, Problem):
        raise RuntimeError(f"built-in call {call_id}: {doc.message}")
    return doc.data


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
