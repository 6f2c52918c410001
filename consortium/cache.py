"""An index of validated files, so the next listing of 10 000 requests skips YAML parsing.

PyYAML's Python-side construction is most of a cold listing. The index keeps, per folder
and kind, each file's size, modification and change times (ns) and inode with the JSON form
of the model it validated to. The change time cannot be set back by a user, so even an
in-place edit of the same size that restores the modification time is seen. A hit is validated again by the current model, so a stale or edited
index costs time, never correctness: on any mismatch the file is parsed anew. Files that
failed are never indexed (their errors need the YAML node tree for lines).

Where: ``$CONSORTIUM_CACHE_DIR``, else ``$XDG_CACHE_HOME/consortium``, else
``~/.cache/consortium``. ``CONSORTIUM_NO_CACHE=1`` turns it off. Writes are atomic; a
cache that cannot be written is skipped silently (it is only a shortcut).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from consortium import __version__
from consortium.loading import Loaded, gc_paused, load, load_many
from consortium.problems import Problem

M = TypeVar("M", bound=BaseModel)
FORMAT = 1  # bump when a model's fields or validators change meaning


def cache_dir() -> Path | None:
    if os.environ.get("CONSORTIUM_NO_CACHE", "") not in ("", "0"):
        return None
    if explicit := os.environ.get("CONSORTIUM_CACHE_DIR"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "consortium"


def _index_path(root: Path, folder: Path, model: type[BaseModel]) -> Path:
    key = f"{folder.resolve()}|{model.__name__}|{__version__}|{FORMAT}"
    return root / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def _read_index(path: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_index(path: Path, index: dict[str, list[Any]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(index, handle, separators=(",", ":"))
        os.replace(temp, path)
    except OSError:
        return


def load_indexed(
    paths: list[Path], folder: Path, model: type[M]
) -> tuple[list[Loaded[M]], list[Problem]]:
    """Like ``loading.load_many``, answering unchanged files from the index."""
    root = cache_dir()
    if root is None:
        return load_many(paths, model)
    index_path = _index_path(root, folder, model)
    index = _read_index(index_path)
    fresh: dict[str, list[Any]] = {}
    loaded: list[Loaded[M]] = []
    problems: list[Problem] = []
    with gc_paused():
        for path in paths:
            result, entry = _one(path, model, index.get(path.name))
            if entry is not None:
                fresh[path.name] = entry
            if isinstance(result, list):
                problems.extend(result)
            else:
                loaded.append(result)
    unchanged = len(fresh) == len(index) and all(e is index.get(n) for n, e in fresh.items())
    if not unchanged:
        _write_index(index_path, fresh)
    return loaded, problems


def _one(
    path: Path, model: type[M], hit: Any
) -> tuple[Loaded[M] | list[Problem], list[Any] | None]:
    """One file, from its index entry when unchanged, else parsed; and its entry to keep."""
    try:
        info = path.stat()
        key: list[Any] | None = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    except OSError:
        key = None
    if key and isinstance(hit, list) and len(hit) == 5 and hit[:4] == key:
        try:
            return Loaded(model.model_validate(hit[4]), path), hit
        except ValidationError:
            pass
    result = load(path, model)
    if isinstance(result, list) or key is None:
        return result, None
    return result, [*key, result.item.model_dump(mode="json")]
