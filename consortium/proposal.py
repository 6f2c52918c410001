"""Resolve a consortium file into everything a check needs: call, rules, members, request.

A proposal repo holds ``consortium.yaml`` with ``clusters/``, ``requests/`` and ``calls/``
beside it. Anything that cannot be resolved (an unreadable file, a member naming no known
cluster, an unknown call) is a located Problem: the check cannot run, exit 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from consortium.calls import known_calls
from consortium.catalogue import Listing, listing
from consortium.deadlines import Deadline, make_deadline, named
from consortium.loading import Loaded, load, load_many, validate, yaml_files
from consortium.models import Call, CallRules, Cluster, ConsortiumFile, MemberSpec, Request
from consortium.problems import Problem, shorten
from consortium.reference import parse_reference
from consortium.roots import Root
from consortium.text import closest, path_text
from consortium.yamlfile import Document
from consortium.yamlfile import load as load_yaml


class Member(NamedTuple):
    """A consortium member: its entry in consortium.yaml and the cluster profile it names."""

    spec: MemberSpec
    line: int
    cluster_id: str
    cluster: Cluster

    @property
    def is_coordinator(self) -> bool:
        return self.spec.role == "coordinator"


@dataclass(frozen=True)
class Proposal:
    """A consortium resolved against its call and request."""

    path: Path
    source: Loaded[ConsortiumFile]
    call: Call
    rules: CallRules
    members: list[Member]
    request: Request | None
    deadlines: list[Deadline] = field(default_factory=list)
    known_calls: tuple[str, ...] = ()

    def line_of(self, *loc: str | int) -> int:
        return self.source.locate(*loc)[0]

    @property
    def call_deadline(self) -> datetime | None:
        deadline = named(self.deadlines, "call")
        return deadline.at if deadline else None


class Folders(NamedTuple):
    """Where the parts live; each defaults to a folder beside the consortium file."""

    clusters: Path | None = None
    requests: Path | None = None
    calls: Path | None = None

    def resolve(self, base: Path) -> tuple[Path, Path, Path]:
        return (
            self.clusters or base / "clusters",
            self.requests or base / "requests",
            self.calls or base / "calls",
        )


def load_proposal(path: Path, folders: Folders | None = None) -> Proposal | list[Problem]:
    """The resolved proposal, or every problem that stops it from being checked.

    Nothing outside the proposal's root (its git work tree, else its folder) is read:
    folders given explicitly are trusted as the user's choice, with roots of their own.
    """
    root = Root.around(path.parent)
    doc = load_yaml(path, root)
    if isinstance(doc, Problem):
        return [doc]
    spec = validate(doc, ConsortiumFile)
    given = folders or Folders()
    clusters_dir, requests_dir, calls_dir = given.resolve(path.parent)
    problems = [
        Problem(folder, reason)
        for folder, explicit in (
            (clusters_dir, given.clusters),
            (requests_dir, given.requests),
            (calls_dir, given.calls),
        )
        if not explicit and folder.is_dir() and (reason := root.refuses_folder(folder))
    ]
    if problems:
        return problems
    calls, problems = known_calls(calls_dir, _root_for(given.calls, root))
    if isinstance(spec, list):  # a value error must not hide a link error of the same file
        links = _links_of_invalid(doc, clusters_dir, requests_dir, calls, given, root)
        return sorted(spec + links, key=lambda p: (p.line or float("inf"), p.column))
    source = Loaded(spec, path, doc)
    call = calls.get(spec.call)
    if call is None:
        problems.append(_unknown(doc, ("call",), "call", spec.call, list(calls)))
    members, member_problems = _members(source, clusters_dir, _root_for(given.clusters, root))
    request, request_problems = _request(
        spec.request, doc, requests_dir, calls, _root_for(given.requests, root)
    )
    problems += member_problems + request_problems
    if problems or call is None:
        return problems
    return Proposal(
        path=path,
        source=source,
        call=call,
        rules=call.rules.merged(spec.rules),
        members=members,
        request=request.request if request else None,
        deadlines=_deadlines(spec, call, request),
        known_calls=tuple(calls),
    )


def _root_for(explicit: Path | None, default: Root) -> Root:
    return Root.around(explicit) if explicit else default


def _links_of_invalid(
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
        problems.append(_unknown(doc, ("call",), "call", data["call"], list(calls)))
    members = data.get("members")
    wanted = [
        (i, m["cluster"])
        for i, m in enumerate(members if isinstance(members, list) else [])
        if isinstance(m, dict) and isinstance(m.get("cluster"), str) and _is_id(m["cluster"])
    ]
    files = _by_stem(clusters_dir)
    missing = [(i, c) for i, c in wanted if c not in files]
    if missing:
        known = _all_clusters(files, _root_for(given.clusters, root))
        for i, name in missing:
            if name not in known:
                loc = ("members", i, "cluster")
                problems.append(_unknown(doc, loc, "cluster", name, list(known)))
    reference = data.get("request")
    if isinstance(reference, str) and _is_reference(reference):
        root_of_requests = _root_for(given.requests, root)
        _, missed = _request(reference, doc, requests_dir, calls, root_of_requests)
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


def _unknown(
    doc: Document,
    loc: tuple[str | int, ...],
    what: str,
    name: str,
    known: list[str],
    where: str = "",
) -> Problem:
    """'unknown cluster 'ptt' (no clusters/ptt.yaml): did you mean 'pt'?', at ``loc``."""
    line, column = doc.locate(loc)
    close = closest(name, known, cutoff=0.5)
    hint = (
        f"did you mean '{close}'?" if close else f"known: {', '.join(sorted(known)[:6]) or 'none'}"
    )
    message = f"unknown {what} '{shorten(name)}'{where}: {shorten(hint, 200)}"
    return Problem(doc.path, shorten(message, 500), line, column)


def _members(
    source: Loaded[ConsortiumFile], folder: Path, root: Root
) -> tuple[list[Member], list[Problem]]:
    doc = source.doc
    assert doc is not None  # a proposal's file is loaded with its document
    """Each member's cluster: the file of clusters/ named by its id first; on a miss, the
    profile whose ``id:`` says so. Ids are looked up among the files, never joined onto
    the folder's path, so no id can name a file elsewhere."""
    members: list[Member] = []
    problems: list[Problem] = []
    files = _by_stem(folder)
    everyone: dict[str, Loaded[Cluster]] | None = None
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
                _unknown(
                    doc,
                    ("members", index, "cluster"),
                    "cluster",
                    member.cluster,
                    list(everyone or {}),
                    f" (no {path_text(folder)}/{member.cluster}.yaml)",
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


def _request(
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
    return None, [_unknown(doc, ("request",), "request", reference, known, where)]


def _deadlines(spec: ConsortiumFile, call: Call, request: Listing | None) -> list[Deadline]:
    """The consortium file's own dates win, then the request's, then the call's."""
    by_name = {d.name: d for d in (request.deadlines if request else [])}
    if call.deadline and "call" not in by_name:
        by_name["call"] = make_deadline("call", call.deadline, call.timezone)
    own = spec.deadlines
    for name in ("eoi", "call"):
        value = getattr(own, name) if own else None
        if value is not None:
            by_name[name] = make_deadline(name, value, call.timezone)
    return [by_name[n] for n in ("eoi", "call") if n in by_name]
