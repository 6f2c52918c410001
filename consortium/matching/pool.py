"""The known clusters a match draws on: the profiles of one folder, by id."""

from __future__ import annotations

from pathlib import Path

from consortium.loading import load_many, yaml_files
from consortium.models import Cluster
from consortium.problems import Problem
from consortium.roots import Root


def load_pool(folder: Path) -> tuple[dict[str, Cluster], list[Problem]]:
    """Every readable cluster of ``folder`` by id (its ``id:``, else its file name), reads
    kept inside the folder's root; the problems of the others (one never stops the rest)."""
    if not folder.is_dir():
        return {}, [Problem(folder, "no such folder of cluster profiles: give one with --clusters")]
    loaded, problems = load_many(yaml_files(folder), Cluster, Root.around(folder))
    return {(c.item.id or c.path.stem): c.item for c in loaded}, problems
