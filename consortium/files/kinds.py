"""The four kinds of file, and how a file's kind is told from its folder or content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from consortium.models import Call, Cluster, ConsortiumFile, Request

FILE_KINDS: dict[str, type[BaseModel]] = {
    "request": Request,
    "cluster": Cluster,
    "consortium": ConsortiumFile,
    "call": Call,
}
FOLDERS = {"requests": "request", "clusters": "cluster", "calls": "call"}


def kind_of(path: Path, data: dict[str, Any]) -> str:
    """The kind by folder (requests/, clusters/, calls/), by name, then by telling keys."""
    if path.parent.name in FOLDERS:
        return FOLDERS[path.parent.name]
    if path.stem.startswith("consortium"):
        return "consortium"
    if "reference" in data:
        return "request"
    if "members" in data:
        return "consortium"
    if "programme" in data or "rules" in data:
        return "call"
    return "cluster"
