"""A folder of cluster profiles as a directory to browse: loaded, filtered, found.

`consortium clusters list|show` are views over this. Reads stay inside the proposal's root
(the git work tree holding the folder), as everywhere; a bad file is a Problem and the
others are still listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from consortium.check.predicates import label_good_enough
from consortium.display.text import mentions
from consortium.facts.labels import at_least
from consortium.files.ids import is_cluster_id
from consortium.files.loading import load_many, yaml_files
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.models import Cluster


class Entry(NamedTuple):
    """One cluster profile and where it came from; its id is ``id:`` or the file stem."""

    id: str
    cluster: Cluster
    path: Path


def load_directory(folder: Path) -> tuple[list[Entry], list[Problem]]:
    """Every loadable profile of ``folder``, by id; the problems of the others."""
    if not folder.is_dir():
        return [], [Problem(folder, "no such folder of clusters: give one with --clusters")]
    loaded, problems = load_many(yaml_files(folder), Cluster, Root.around(folder))
    entries = [Entry(c.item.id or c.path.stem, c.item, c.path) for c in loaded]
    unnamed = [e for e in entries if not is_cluster_id(e.id)]
    problems += [Problem(e.path, NOT_AN_ID) for e in unnamed]
    kept = [e for e in entries if is_cluster_id(e.id)]
    return sorted(kept, key=lambda e: e.id), problems


# A file name no member could name (bytes that are not UTF-8, a control character): the
# models refuse it as an id, so the profile is reported, never offered as a candidate.
NOT_AN_ID = (
    "its name is not a cluster id (letters, digits, '-', '_'; valid UTF-8, no control "
    "character): rename the file or give it an id"
)


def known_clusters(folder: Path) -> tuple[dict[str, Cluster], list[Problem]]:
    """The profiles of ``folder`` by id, as `match` and `suggest` draw on them."""
    entries, problems = load_directory(folder)
    return {e.id: e.cluster for e in entries}, problems


class ClusterFilter(NamedTuple):
    """What `clusters list` keeps. A label counts only at the level asked or above and
    while it is valid on the day given (a lapsed label is no label for a new proposal)."""

    countries: frozenset[str] = frozenset()
    sector: str | None = None
    label: str | None = None
    role: str | None = None

    @classmethod
    def of(
        cls,
        countries: Iterable[str] = (),
        sector: str | None = None,
        label: str | None = None,
        role: str | None = None,
    ) -> ClusterFilter:
        return cls(frozenset(c.strip().upper() for c in countries), sector, label, role)

    def keeps(self, entry: Entry, day: date) -> bool:
        cluster = entry.cluster
        return all(
            (
                not self.countries or cluster.country in self.countries,
                not self.sector or mentions(cluster.sectors, self.sector),
                not self.label or label_good_enough(cluster.label, self.label, day),
                not self.role or self.role in cluster.roles,
            )
        )

    def lapsed(self, entry: Entry, day: date) -> bool:
        """Whether only a label lapsed by ``day`` keeps ``entry`` out (``--label`` says how
        many it left out, so a lapsed gold label is not silently "no gold cluster")."""
        if not self.label or self.keeps(entry, day):
            return False
        label = entry.cluster.label
        return at_least(label, self.label) and self._replace(label=None).keeps(entry, day)


def find_cluster(entries: Iterable[Entry], wanted: str) -> Entry | None:
    """The profile with id ``wanted`` (surrounding spaces and case forgiven)."""
    key = wanted.strip().casefold()
    return next((e for e in entries if e.id.casefold() == key), None)
