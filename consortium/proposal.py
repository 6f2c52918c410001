"""Resolve a consortium file into everything a check needs: call, rules, members, request.

A proposal repo holds ``consortium.yaml`` with ``clusters/``, ``requests/`` and ``calls/``
beside it. Anything that cannot be resolved (an unreadable file, a member naming no known
cluster, an unknown call) is a located Problem: the check cannot run, exit 2.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from consortium.calls import known_calls
from consortium.catalogue import Entry, entry
from consortium.deadlines import Deadline, make_deadline, named
from consortium.loading import Loaded, load, load_many, yaml_files
from consortium.models import Call, CallRules, Cluster, ConsortiumFile, MemberEntry, Request
from consortium.problems import Problem, shorten


@dataclass(frozen=True, slots=True)
class Member:
    """A consortium member: its entry in consortium.yaml and the cluster profile it names."""

    entry: MemberEntry
    index: int
    line: int
    cluster_id: str
    cluster: Cluster

    @property
    def is_coordinator(self) -> bool:
        return self.entry.role == "coordinator"


@dataclass(frozen=True)
class Proposal:
    """A consortium resolved against its call and request."""

    path: Path
    source: Loaded[ConsortiumFile]
    call: Call
    rules: CallRules
    members: list[Member]
    request: Entry | None
    deadlines: list[Deadline] = field(default_factory=list)

    def line_of(self, *loc: str | int) -> int:
        return self.source.locate(*loc)[0]

    @property
    def call_deadline(self) -> datetime | None:
        deadline = named(self.deadlines, "call")
        return deadline.at if deadline else None


@dataclass(frozen=True)
class Folders:
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
    """The resolved proposal, or every problem that stops it from being checked."""
    source = load(path, ConsortiumFile, keep_doc=True)
    if isinstance(source, list):
        return source
    clusters_dir, requests_dir, calls_dir = (folders or Folders()).resolve(path.parent)
    calls, problems = known_calls(calls_dir)
    spec = source.item
    call = calls.get(spec.call)
    if call is None:
        problems.append(_unknown(source, ("call",), "call", spec.call, list(calls)))
    members, member_problems = _members(source, clusters_dir)
    request, request_problems = _request(source, requests_dir, calls)
    problems += member_problems + request_problems
    if problems or call is None:
        return problems
    return Proposal(
        path=path,
        source=source,
        call=call,
        rules=call.rules.merged(spec.rules),
        members=members,
        request=request,
        deadlines=_deadlines(spec, call, request),
    )


def _unknown(
    source: Loaded[ConsortiumFile],
    loc: tuple[str | int, ...],
    what: str,
    name: str,
    known: list[str],
    where: str = "",
) -> Problem:
    """'unknown cluster 'ptt' (no clusters/ptt.yaml): did you mean 'pt'?', at ``loc``."""
    line, column = source.locate(*loc)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    hint = (
        f"did you mean '{close[0]}'?"
        if close
        else f"known: {', '.join(sorted(known)[:6]) or 'none'}"
    )
    message = f"unknown {what} '{shorten(name)}'{where}: {shorten(hint, 200)}"
    return Problem(source.path, shorten(message, 500), line, column)


def _members(source: Loaded[ConsortiumFile], folder: Path) -> tuple[list[Member], list[Problem]]:
    """Each member's cluster: clusters/<id>.yaml first; the whole folder only on a miss."""
    members: list[Member] = []
    problems: list[Problem] = []
    everyone: dict[str, Loaded[Cluster]] | None = None
    for index, member in enumerate(source.item.members):
        found = _by_stem(folder, member.cluster)
        if isinstance(found, list):
            problems += found
            continue
        if found is None:
            everyone = everyone if everyone is not None else _all_clusters(folder)
            found = everyone.get(member.cluster)
        if found is None:
            loc = ("members", index, "cluster")
            problems.append(
                _unknown(
                    source,
                    loc,
                    "cluster",
                    member.cluster,
                    list(everyone or {}),
                    f" (no {folder}/{shorten(member.cluster)}.yaml)",
                )
            )
            continue
        line = source.locate("members", index)[0]
        members.append(Member(member, index, line, member.cluster, found.item))
    return members, problems


def _by_stem(folder: Path, cluster_id: str) -> Loaded[Cluster] | list[Problem] | None:
    for suffix in (".yaml", ".yml"):
        path = folder / f"{cluster_id}{suffix}"
        if _present(path):
            found = load(path, Cluster)
            if isinstance(found, list) or found.item.id in (None, cluster_id):
                return found
    return None


def _present(path: Path) -> bool:
    """Whether anything is at ``path``: a file, or a folder, a link loop or a pipe that
    loading then reports as such. False, not a crash, for a name the system refuses (too
    long, ENAMETOOLONG; Path.is_file raised there), since the name comes from the user."""
    return os.path.lexists(path)


def _all_clusters(folder: Path) -> dict[str, Loaded[Cluster]]:
    """Every readable cluster in the folder by id (bad ones are left to `validate`)."""
    loaded, _ = load_many(yaml_files(folder), Cluster) if folder.is_dir() else ([], [])
    return {(c.item.id or c.path.stem): c for c in loaded}


def _request(
    source: Loaded[ConsortiumFile], folder: Path, calls: dict[str, Call]
) -> tuple[Entry | None, list[Problem]]:
    reference = source.item.request
    if not reference:
        return None, []
    for path in (folder / f"{reference}.yaml", folder / f"{reference}.yml"):
        if _present(path):
            found = load(path, Request)
            return (None, found) if isinstance(found, list) else (entry(found, calls), [])
    loaded, _ = load_many(yaml_files(folder), Request) if folder.is_dir() else ([], [])
    for item in loaded:
        if item.item.reference == reference:
            return entry(item, calls), []
    known = [item.item.reference for item in loaded]
    where = f" (none in {folder}/)"
    return None, [_unknown(source, ("request",), "request", reference, known, where)]


def _deadlines(spec: ConsortiumFile, call: Call, request: Entry | None) -> list[Deadline]:
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
