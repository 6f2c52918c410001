"""Shell completion: request references, cluster ids, call ids and format names.

Typer calls these while the user presses Tab (``consortium --install-completion`` sets it
up). They read only file names in the proposal's folders (or the folder given on the line),
never file contents, and they never raise: a completion that fails completes nothing
instead of printing a traceback into the user's prompt.

A file name is offered only when it is an id the models accept and a word every shell reads
as itself: bash, zsh and fish put a completion on the command line as it is, so a file named
``$(touch PWNED).yaml`` would run on Enter. Letters, digits, ``-``, ``_``, ``.`` and ``+``
need no quoting in any shell; anything else is not offered (type it, quoted, by hand).
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from consortium.files.ids import is_cluster_id

SHELL_SAFE = frozenset("-_.+")

Completer = Callable[..., list[str]]


def shell_word(name: str) -> bool:
    """Whether ``name`` is one word that no shell expands or splits, and no option."""
    return (
        bool(name)
        and not name.startswith("-")
        and all(c.isalnum() or c in SHELL_SAFE for c in name)
    )


def _matching(names: Iterable[str], incomplete: str) -> list[str]:
    start = incomplete.casefold()
    return sorted({n for n in names if shell_word(n) and n.casefold().startswith(start)})


def _is_reference(name: str) -> bool:
    from consortium.facts.reference import parse_reference

    try:
        return parse_reference(name).text == name
    except ValueError:
        return False


def _stems(folder: Path) -> list[str]:
    return [p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()]


def _folder(ctx: Any, kind: str) -> Path:
    """The folder given on the line (``--requests``, ``--clusters`` or the old ``--dir``),
    else ``kind/`` of the proposal found upward, else ``./kind``."""
    from consortium.files.upward import proposal_folder

    params = getattr(ctx, "params", {}) if ctx is not None else {}
    given = params.get(kind) or params.get("old_dir")
    if given:
        return Path(given)
    root = proposal_folder()
    return root / kind if root is not None else Path(kind)


def request_refs(ctx: Any = None, incomplete: str = "") -> list[str]:
    """References of the files in requests/ (or --requests): file names are references."""
    try:
        refs = filter(_is_reference, _stems(_folder(ctx, "requests")))
        return _matching(refs, incomplete)
    except Exception:
        return []


def cluster_ids(ctx: Any = None, incomplete: str = "") -> list[str]:
    """Ids of the profiles in clusters/ (or --clusters): a profile's id is its file's stem."""
    try:
        ids = filter(is_cluster_id, _stems(_folder(ctx, "clusters")))
        return _matching(ids, incomplete)
    except Exception:
        return []


def call_ids(incomplete: str = "") -> list[str]:
    """The built-in calls and those in calls/."""
    try:
        from consortium.calls.known import PRESET_IDS

        ids = list(PRESET_IDS)
        calls = _folder(None, "calls")
        if calls.is_dir():
            ids += filter(is_cluster_id, _stems(calls))
        return _matching(ids, incomplete)
    except Exception:
        return []


def format_names(names: Iterable[str]) -> Completer:
    """A completer of one view's format names."""
    known = tuple(names)

    def complete(incomplete: str = "") -> list[str]:
        try:
            return _matching(known, incomplete)
        except Exception:
            return []

    return complete
