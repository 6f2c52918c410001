"""`suggest`: the smallest sets of known clusters whose addition completes a consortium.

Exact for up to ``MAX_ADDITIONS`` additions. Clusters that contribute the same to every
need (country, EU membership, region, able to coordinate, the partner sought) form one
group, and the search runs over groups, not clusters, so thousands of profiles cost little:
a pool of 2 000 clusters makes a few dozen groups. Every suggestion is then checked by the
real rules on the consortium with its additions, and ranked by its members' match scores.

Bounded whatever the pool holds (README, "Errors and limits"): hundreds of groups make
millions of sets of four, so past ``MAX_SETS`` sets of one size the search goes best first
(the groups with the best-scored clusters first) and weighs only ``MAX_SETS`` of them, and
at most ``MAX_VERIFIED`` sets are checked by the rules; ``SuggestionResult.stopped`` then says so.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations_with_replacement, islice
from math import comb
from typing import NamedTuple

from consortium.check.rules import Context
from consortium.check.runner import Report, run
from consortium.matching.groups import MAX_ADDITIONS, Key, groups_of
from consortium.matching.needs import Needs, needs_of
from consortium.matching.score import Candidate
from consortium.matching.situation import Situation, for_consortium
from consortium.models import Cluster, MemberSpec
from consortium.proposal.member import Member


class Addition(NamedTuple):
    candidate: Candidate
    role: str


class Suggestion(NamedTuple):
    additions: list[Addition]
    fixes: list[str]  # rule ids that fail now and pass with these additions

    @property
    def score(self) -> int:
        return sum(a.candidate.score for a in self.additions)


class SuggestionResult(NamedTuple):
    needs: Needs
    suggestions: list[Suggestion]
    unreachable: list[str]  # needs no known cluster can meet, in words
    stopped: str = ""  # why the search stopped before weighing every set, in words


MAX_SETS = 20_000  # sets of one size weighed at most (200 groups make 70 million sets of 4)
MAX_VERIFIED = 300  # sets checked by the rules at most (a millisecond or more each)


SHOWN = 5  # suggestions listed by default (`suggest`, and the count `check` announces)


def suggest(
    report: Report, known: Iterable[tuple[str, Cluster]], limit: int = SHOWN
) -> SuggestionResult:
    needs = needs_of(report)
    if not needs.any:
        return SuggestionResult(needs, [], [])
    ctx = Context(report.proposal, report.now)
    situation = _situation(ctx)
    members = {m.cluster_id for m in ctx.members}
    groups = groups_of(ctx, situation, needs, ((i, c) for i, c in known if i not in members))
    unreachable = _unreachable(needs, groups)
    tolerated = _tolerated(report, needs)
    found: list[Suggestion] = []
    stopped: list[str] = []
    for size in range(max(needs.lower_bound, 1), MAX_ADDITIONS + 1):
        if unreachable:
            break
        met = [(c, r) for c in _sets(groups, size, stopped) if (r := _meets(c, needs, ctx))]
        ranked = sorted(
            (_concrete(c, groups, roles) for c, roles in met),
            key=lambda adds: (-sum(a.candidate.score for a in adds), _ids(adds)),
        )
        found = list(_verified_first(report, ranked, tolerated, limit, stopped))
        if found:
            break
    if not found and not unreachable:
        searched = "among the sets searched" if stopped else "completes it"
        unreachable.append(f"no set of up to {MAX_ADDITIONS} known clusters {searched}")
    return SuggestionResult(needs, found, unreachable, "; ".join(stopped))


def _sets(
    groups: dict[Key, list[Candidate]], size: int, stopped: list[str]
) -> list[tuple[Key, ...]]:
    """Every set of ``size`` groups when there are at most ``MAX_SETS``, else the
    ``MAX_SETS`` most promising ones (noted in ``stopped``)."""
    total = comb(len(groups) + size - 1, size)
    if total <= MAX_SETS:
        return list(_combinations(groups, size))
    stopped.append(
        f"weighed the {MAX_SETS:,} most promising sets of {size} of {total:,}: "
        "better sets may exist (fewer clusters in clusters/, or a narrower --clusters folder, "
        "search them all)"
    )
    return list(islice(_best_first(groups, size), MAX_SETS))


def _best_first(groups: dict[Key, list[Candidate]], size: int) -> Iterator[tuple[Key, ...]]:
    """Sets of ``size`` groups (a group repeated at most as often as it has clusters), in
    order of the sum of their groups' best scores: a heap over sorted indexes, each set
    made once, memory in proportion to the sets taken, not to all there are."""
    keys = sorted(groups, key=lambda k: (-groups[k][0].score, k))
    best = [groups[k][0].score for k in keys]
    start = (0,) * size
    heap, seen = [(-sum(best[i] for i in start), start)], {start}
    while heap:
        _, picked = heapq.heappop(heap)
        combo = tuple(keys[i] for i in picked)
        if all(combo.count(k) <= len(groups[k]) for k in set(combo)):
            yield combo
        for j in range(size):
            step = picked[j] + 1
            if step < len(keys) and (j == size - 1 or step <= picked[j + 1]):
                after = (*picked[:j], step, *picked[j + 1 :])
                if after not in seen:
                    seen.add(after)
                    heapq.heappush(heap, (-sum(best[i] for i in after), after))


def _ids(additions: list[Addition]) -> list[str]:
    return [a.candidate.cluster_id for a in additions]


def _verified_first(
    report: Report,
    ranked: list[list[Addition]],
    tolerated: Tolerated,
    limit: int,
    stopped: list[str],
) -> Iterator[Suggestion]:
    """The best ``limit`` sets that the real rules confirm, checked best first: running the
    rules costs a millisecond a set, so only as many sets are checked as are shown, and
    never more than ``MAX_VERIFIED`` (noted in ``stopped``)."""
    shown = 0
    for checked, additions in enumerate(ranked):
        if shown == limit:
            return
        if checked == MAX_VERIFIED:
            stopped.append(f"checked {MAX_VERIFIED} sets with the rules: others were not tried")
            return
        fixed = verified(report, additions, tolerated)
        if fixed is not None:
            shown += 1
            yield Suggestion(additions, fixed)


def _situation(ctx: Context) -> Situation:
    proposal = ctx.proposal
    seeking = ctx.seeking
    if seeking is None:
        from consortium.models import Seeking

        seeking = Seeking()
    request = proposal.request
    tuned = request.match.weights if request and request.match else {}
    return for_consortium(ctx, seeking, tuned)


def _combinations(groups: dict[Key, list[Candidate]], size: int) -> Iterator[tuple[Key, ...]]:
    keys = sorted(groups)
    for combo in combinations_with_replacement(keys, size):
        if all(combo.count(k) <= len(groups[k]) for k in set(combo)):
            yield combo


def _meets(combo: tuple[Key, ...], needs: Needs, ctx: Context) -> list[str] | None:
    """The roles of the combination's members when it meets the needs, else None."""
    limit = ctx.proposal.rules.max_partners
    if limit is not None and len(ctx.members) + len(combo) > limit:
        return None
    if len({k.country for k in combo if k.country}) < needs.countries:
        return None
    if sum(k.region for k in combo) < needs.regions or sum(k.eu for k in combo) < needs.eu_members:
        return None
    if len(combo) < needs.partners:
        return None
    return _roles(combo, needs)


def _roles(combo: tuple[Key, ...], needs: Needs) -> list[str] | None:
    """Roles for the combination's members (one coordinator where one is needed, the
    partner sought as a partner), or None when it cannot provide them."""
    roles = ["partner"] * len(combo)
    coordinator = None
    if needs.coordinator:
        able = [i for i, k in enumerate(combo) if k.coordinates]
        if not able:
            return None
        coordinator = able[0]
        roles[coordinator] = "coordinator"
    if needs.sought_as == "partner" and not any(
        k.sought_partner for i, k in enumerate(combo) if i != coordinator
    ):
        return None
    return roles


def _concrete(
    combo: tuple[Key, ...], groups: dict[Key, list[Candidate]], roles: list[str]
) -> list[Addition]:
    """The best-scored clusters for the combination, with their roles."""
    taken: dict[Key, int] = defaultdict(int)
    additions = []
    for key, role in zip(combo, roles, strict=True):
        additions.append(Addition(groups[key][taken[key]], role))
        taken[key] += 1
    return additions


Tolerated = set[tuple[str, str, int]]


def _tolerated(report: Report, needs: Needs) -> Tolerated:
    """The errors of today that no addition can fix: a suggestion may leave those."""
    rules = {rule for rule, _ in needs.unfixable}
    return {(f.rule, f.message, f.line) for f in report.errors if f.rule in rules}


def verified(report: Report, additions: list[Addition], tolerated: Tolerated) -> list[str] | None:
    """The rules the additions fix, when the consortium with them has no error left but
    those no addition can fix (``tolerated``); else None."""
    proposal = report.proposal
    line = 0  # not in the file yet: no finding about them can pass for an existing one
    extra = [
        Member(
            MemberSpec(cluster=a.candidate.cluster_id, role=a.role, status="invited"),
            line,
            a.candidate.cluster_id,
            a.candidate.cluster,
        )
        for a in additions
    ]
    trial = dataclasses.replace(proposal, members=[*proposal.members, *extra])
    after = run(trial, report.now)
    if {(f.rule, f.message, f.line) for f in after.errors} - tolerated:
        return None
    return sorted({f.rule for f in report.errors} - {f.rule for f in after.errors})


def _unreachable(needs: Needs, groups: dict[Key, list[Candidate]]) -> list[str]:
    """Needs that no known cluster can meet at all, in words."""
    said = []
    if needs.coordinator and not any(k.coordinates for k in groups):
        said.append(
            "coordinator: no known cluster can coordinate (willing, with the label "
            "and profile sought)"
        )
    if needs.sought_as == "partner" and not any(k.sought_partner for k in groups):
        said.append("sought-partner: no known cluster is the partner the request seeks")
    if needs.countries > len({k.country for k in groups if k.country}):
        said.append("min-countries: too few known clusters from countries not yet in it")
    if needs.regions and not any(k.region for k in groups):
        said.append("region: no known cluster sits in a less developed or transition region")
    if needs.eu_members and not any(k.eu for k in groups):
        said.append("eligible-country: no known cluster from an EU Member State")
    return said
