"""Resolving a consortium file's ids among the proposal's files: its members' clusters,
its request, and (for a file that failed validation) whatever links its raw data names.

Ids are looked up among the files of a folder, never joined onto the folder's path, so no
id can name a file elsewhere (README, "Safe in a pull request's CI"). Each unknown id is a
located Problem with the closest known one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from consortium.catalogue.requests import Listing, listing
from consortium.display.text import closest, path_text
from consortium.facts.reference import parse_reference
from consortium.files.loading import MAX_PROBLEMS, Loaded, load, load_many, yaml_files
from consortium.files.problems import Problem, shorten
from consortium.files.roots import Root
from consortium.files.yamlfile import Document
from consortium.models import Call, Cluster, ConsortiumFile, MemberSpec, Request
from consortium.proposal.member import Member

if TYPE_CHECKING:
    from pathlib import Path

    from consortium.proposal.resolve import Folders


def root_for(explicit: Path | None, default: Root) -> Root:
    return Root.around(explicit) if explicit else default


def links_of_invalid(
    doc: Document,
    clusters_dir: Path,
    requests_dir: Path,
    calls: dict[str, Call],
    given: Folders,
    root: Root,
) -> list[Problem]:
    """The unknown call, clusters and request of a file that failed validation, read from
    its raw data where the values look right (each other mistake is already reported)."""
    data, problems = doc.data, []
    if isinstance(data.get("call"), str) and data["call"] not in calls:
        problems.append(unknown(doc, ("call",), "call", data["call"], list(calls)))
    members = data.get("members")
    wanted = [
        (i, m["cluster"])
        for i, m in enumerate(members if isinstance(members, list) else [])
        if isinstance(m, dict) and isinstance(m.get("cluster"), str) and _is_id(m["cluster"])
    ]
    files = _by_stem(clusters_dir)
    missing = [(i, c) for i, c in wanted if c not in files]
    if missing:
        known = _all_clusters(files, root_for(given.clusters, root))
        names = list(known)
        for i, name in missing:
            if name not in known:
                loc = ("members", i, "cluster")
                hinted = len(problems) < MAX_PROBLEMS
                problems.append(unknown(doc, loc, "cluster", name, names, hinted=hinted))
    reference = data.get("request")
    if isinstance(reference, str) and _is_reference(reference):
        root_of_requests = root_for(given.requests, root)
        _, missed = request_of(reference, doc, requests_dir, calls, root_of_requests)
        problems += missed
    return problems


def _is_id(value: str) -> bool:
    try:
        MemberSpec.model_validate({"cluster": value})
    except ValueError:
        return False
    return True


def _is_reference(value: str) -> bool:
    try:
        return parse_reference(value).text == value
    except ValueError:
        return False


def unknown(
    doc: Document,
    loc: tuple[str | int, ...],
    what: str,
    name: str,
    known: list[str],
    where: str = "",
    hinted: bool = True,
) -> Problem:
    """'unknown cluster 'ptt' (no clusters/ptt.yaml): did you mean 'pt'?', at ``loc``.

    Past the first ``MAX_PROBLEMS`` of a file (``hinted`` false) the line names the id
    alone: hints cost a comparison with the known ids, and nobody reads the 999th."""
    line, column = doc.locate(loc)
    message = f"unknown {what} '{shorten(name)}'{where}"
    if hinted:
        close = closest(name, known, cutoff=0.5)
        hint = f"did you mean '{close}'?" if close else f"known: {_some(known)}"
        message += f": {shorten(hint, 200)}"
    return Problem(doc.path, shorten(message, 500), line, column)


def _some(known: list[str]) -> str:
    """The first six known ids in order, without sorting 3,000 of them."""
    import heapq

    return ", ".join(heapq.nsmallest(6, known)) or "none"


def members_of(
    source: Loaded[ConsortiumFile], folder: Path, root: Root
) -> tuple[list[Member], list[Problem]]:
    """Each member's cluster: the file of clusters/ named by its id first; on a miss, the
    profile whose ``id:`` says so. Ids are looked up among the files, never joined onto
    the folder's path, so no id can name a file elsewhere."""
    doc = source.doc
    if doc is None:
        raise ValueError(f"{source.path}: a proposal's file is loaded with its document")
    members: list[Member] = []
    problems: list[Problem] = []
    files = _by_stem(folder)
    everyone: dict[str, Loaded[Cluster]] | None = None
    known: list[str] | None = None
    for index, member in enumerate(source.item.members):
        found: Loaded[Cluster] | None = None
        if member.cluster in files:
            named = load(files[member.cluster], Cluster, root=root)
            if isinstance(named, list):
                problems += named
                continue
            if named.item.id in (None, member.cluster):
                found = named
        if found is None:
            everyone = everyone if everyone is not None else _all_clusters(files, root)
            found = everyone.get(member.cluster)
        if found is None:
            problems.append(
                unknown(
                    doc,
                    ("members", index, "cluster"),
                    "cluster",
                    member.cluster,
                    known if known is not None else (known := list(everyone or {})),
                    f" (no {path_text(folder)}/{member.cluster}.yaml)",
                    hinted=len(problems) < MAX_PROBLEMS,
                )
            )
            continue
        line = source.locate("members", index)[0]
        members.append(Member(member, line, member.cluster, found.item))
    return members, problems


def _by_stem(folder: Path) -> dict[str, Path]:
    """The folder's YAML files by name without suffix (``.yaml`` before ``.yml``)."""
    files: dict[str, Path] = {}
    for path in yaml_files(folder) if folder.is_dir() else []:
        if path.stem not in files or path.suffix == ".yaml":
            files[path.stem] = path
    return files


def _all_clusters(files: dict[str, Path], root: Root) -> dict[str, Loaded[Cluster]]:
    """Every readable cluster in the folder by id (bad ones are left to `validate`)."""
    loaded, _ = load_many(files.values(), Cluster, root)
    return {(c.item.id or c.path.stem): c for c in loaded}


def request_of(
    reference: str | None, doc: Document, folder: Path, calls: dict[str, Call], root: Root
) -> tuple[Listing | None, list[Problem]]:
    if not reference:
        return None, []
    files = _by_stem(folder)
    if reference in files:
        found = load(files[reference], Request, root=root)
        return (None, found) if isinstance(found, list) else (listing(found, calls), [])
    loaded, _ = load_many(files.values(), Request, root)
    for item in loaded:
        if item.item.reference == reference:
            return listing(item, calls), []
    known = [item.item.reference for item in loaded]
    where = f" (none in {path_text(folder)}/)"
    return None, [unknown(doc, ("request",), "request", reference, known, where)]
