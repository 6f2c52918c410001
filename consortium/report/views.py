"""What each view shows, as plain values: the CLI builds one, a writer of the view's
format renders it (``report.formats``). Nothing here knows of terminals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a view module imports what it renders, no more
    from pathlib import Path

    from consortium.catalogue.clusters import Entry
    from consortium.catalogue.requests import DeadlineRow, Listing
    from consortium.check.rules import Rule
    from consortium.check.runner import Report
    from consortium.matching.rank import Opening, Ranking
    from consortium.matching.situation import Situation
    from consortium.matching.suggest import SuggestionResult
    from consortium.models import Call, Cluster


@dataclass(frozen=True)
class RequestList:
    items: list[Listing]
    now: datetime
    shown_all: bool = True


@dataclass(frozen=True)
class RequestView:
    item: Listing
    now: datetime


@dataclass(frozen=True)
class DeadlineList:
    rows: list[DeadlineRow]
    now: datetime


@dataclass(frozen=True)
class CallList:
    calls: list[Call]
    now: datetime


@dataclass(frozen=True)
class CallView:
    call: Call
    now: datetime


@dataclass(frozen=True)
class RuleList:
    rules: list[Rule]


@dataclass(frozen=True)
class RuleView:
    rule: Rule


@dataclass(frozen=True)
class RequestMatch:
    """`match REF`: the clusters for one request, ranked, and those kept apart."""

    item: Listing
    situation: Situation
    ranking: Ranking
    top: int | None
    now: datetime
    consortium: Path | None = None  # the consortium ranked against, inside a proposal


@dataclass(frozen=True)
class ClusterMatch:
    """`match --cluster ID`: the open requests one cluster could answer."""

    cluster_id: str
    cluster: Cluster
    fitting: list[Opening]
    apart: list[Opening]
    not_open: int
    top: int | None
    now: datetime


@dataclass(frozen=True)
class Suggestions:
    """`suggest`: the smallest sets of additions that complete a consortium."""

    report: Report
    outcome: SuggestionResult


@dataclass(frozen=True)
class ClusterList:
    entries: list[Entry]
    now: datetime


@dataclass(frozen=True)
class ClusterView:
    entry: Entry
    now: datetime
