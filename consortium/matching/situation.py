"""What a candidate is judged against: the request's wish, its call, the day, the
consortium so far. One value, built from a request or from a consortium file."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from consortium.catalogue import Listing
from consortium.eligibility import Scope, expand
from consortium.fit import GENERIC_EXPERIENCE
from consortium.models import Call, CallRules, Seeking
from consortium.weights import DEFAULT_WEIGHTS

if TYPE_CHECKING:
    from consortium.rules.base import Context


class Situation(NamedTuple):
    seeking: Seeking
    call: Call | None
    rules: CallRules
    on: date  # the call deadline's day, else today
    deadline_known: bool
    countries: frozenset[str]  # already in the consortium
    allowed: frozenset[str] | None  # the call's countries, None when it names none
    weights: dict[str, int]
    programmes: frozenset[str]  # casefolded programmes whose experience counts

    @property
    def admits_others(self) -> bool:
        return self.rules.third_countries == "allowed"

    @property
    def when(self) -> str:
        return f"the call deadline ({self.on})" if self.deadline_known else f"today ({self.on})"


def for_request(item: Listing, calls: dict[str, Call], now: datetime) -> Situation:
    """The situation of a partner-search request: its seeking, its call, its consortium."""
    request = item.request
    assert request.seeking is not None
    call = calls.get(request.call_id or "")
    deadline = item.deadline("call")
    on = deadline.at.date() if deadline else now.date()
    countries = frozenset(m.country for m in request.consortium)
    return build(
        request.seeking,
        call,
        call.rules if call else CallRules(),
        on,
        deadline is not None,
        countries,
        request.match.weights if request.match else {},
    )


def for_consortium(ctx: Context, seeking: Seeking, tuned: dict[str, int]) -> Situation:
    """The situation of a consortium being built: its call and rules (with its own
    tightening), its deadline, and the countries its counted members already cover (not a
    request's own list of partners)."""
    proposal = ctx.proposal
    countries = frozenset(m.cluster.country for m in ctx.counted)
    known_deadline = proposal.call_deadline is not None
    return build(
        seeking, proposal.call, proposal.rules, ctx.judged_on, known_deadline, countries, tuned
    )


def build(
    seeking: Seeking,
    call: Call | None,
    rules: CallRules,
    on: date,
    deadline_known: bool,
    countries: frozenset[str],
    tuned: dict[str, int],
) -> Situation:
    """A situation; weights: the defaults, the call's tuning, then the request's."""
    scope = Scope(
        on,
        call.period if call else None,
        call.pillar if call else None,
        call.work_programme if call else None,
    )
    allowed = expand(rules.eligible_countries, scope) if rules.eligible_countries else None
    weights = dict(DEFAULT_WEIGHTS)
    if call and call.match:
        weights |= call.match.weights
    weights |= tuned
    programmes = {s.casefold() for s in seeking.experience} - GENERIC_EXPERIENCE
    if call:
        programmes.add(call.programme.casefold())
    return Situation(
        seeking, call, rules, on, deadline_known, countries, allowed, weights, frozenset(programmes)
    )
