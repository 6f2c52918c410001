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

from consortium.calls.known import known_calls
from consortium.catalogue.requests import Listing
from consortium.facts.deadlines import Deadline, make_deadline, named
from consortium.files.loading import Loaded, validate
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.files.yamlfile import load as load_yaml
from consortium.models import Call, CallRules, ConsortiumFile, Request
from consortium.proposal.links import (
    links_of_invalid,
    members_of,
    request_of,
    root_for,
    unknown,
)
from consortium.proposal.member import Member


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
        refused
        for folder, explicit in (
            (clusters_dir, given.clusters),
            (requests_dir, given.requests),
            (calls_dir, given.calls),
        )
        if not explicit and folder.is_dir() and (refused := root.refuses_folder(folder))
    ]
    if problems:
        return problems
    calls, problems = known_calls(calls_dir, root_for(given.calls, root))
    if isinstance(spec, list):  # a value error must not hide a link error of the same file
        links = links_of_invalid(doc, clusters_dir, requests_dir, calls, given, root)
        return sorted(spec + links, key=lambda p: (p.line or float("inf"), p.column))
    source = Loaded(spec, path, doc)
    call = calls.get(spec.call)
    if call is None:
        problems.append(unknown(doc, ("call",), "call", spec.call, list(calls)))
    members, member_problems = members_of(source, clusters_dir, root_for(given.clusters, root))
    request, request_problems = request_of(
        spec.request, doc, requests_dir, calls, root_for(given.requests, root)
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
