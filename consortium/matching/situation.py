"""What a candidate is judged against: the request's wish, the call's terms on the day
judged, the consortium so far. One value, built from a request or from a consortium's
check context (whose ``Terms`` it shares, so `match` and `check` judge by the same terms).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from consortium.catalogue.requests import Listing
from consortium.check.predicates import Terms, countries_of, judged_day, programmes_sought
from consortium.matching.weights import DEFAULT_WEIGHTS
from consortium.models import Call, CallRules, Seeking

if TYPE_CHECKING:
    from consortium.check.context import Context


class Situation(NamedTuple):
    seeking: Seeking
    terms: Terms
    countries: frozenset[str]  # already in the consortium, regions as their Member State
    weights: dict[str, int]
    reference: str = ""  # the request's, for the label it asks

    @property
    def call(self) -> Call | None:
        return self.terms.call

    @property
    def rules(self) -> CallRules:
        return self.terms.rules

    @property
    def on(self) -> date:
        """The call deadline's day, else today."""
        return self.terms.on

    @property
    def allowed(self) -> frozenset[str] | None:
        return self.terms.allowed

    @property
    def admits_others(self) -> bool:
        return self.terms.admits_others

    @property
    def when(self) -> str:
        return self.terms.when

    @property
    def programmes(self) -> frozenset[str]:
        """The programmes whose experience counts (any, when empty)."""
        return programmes_sought(self.seeking)


def for_request(item: Listing, calls: dict[str, Call], now: datetime) -> Situation:
    """The situation of a partner-search request: its seeking, its call, its consortium."""
    request = item.request
    if request.seeking is None:
        raise ValueError(f"request {request.reference} seeks no partner: nothing to match")
    call = calls.get(request.call_id or "")
    deadline = item.deadline("call")
    on = judged_day(deadline.at if deadline else None, now)
    countries = frozenset(m.country for m in request.consortium)
    situation = situation_of(
        request.seeking,
        call,
        call.rules if call else CallRules(),
        on,
        deadline is not None,
        countries,
        request.match.weights if request.match else {},
    )
    return situation._replace(reference=request.reference)


def for_consortium(ctx: Context, seeking: Seeking, tuned: dict[str, int]) -> Situation:
    """The situation of a consortium being built: the check's own terms (its call and
    rules with its own tightening, its deadline), and the countries its counted members
    already cover (not a request's own list of partners)."""
    request = ctx.proposal.request
    countries = countries_of(m.cluster.country for m in ctx.counted)
    reference = request.reference if request else ""
    return Situation(seeking, ctx.terms, countries, _weights(ctx.proposal.call, tuned), reference)


def situation_of(
    seeking: Seeking,
    call: Call | None,
    rules: CallRules,
    on: date,
    deadline_known: bool,
    countries: frozenset[str],
    tuned: dict[str, int],
) -> Situation:
    """A situation; weights: the defaults, the call's tuning, then the request's."""
    terms = Terms(call, rules, on, deadline_known)
    return Situation(seeking, terms, countries_of(countries), _weights(call, tuned))


def _weights(call: Call | None, tuned: dict[str, int]) -> dict[str, int]:
    weights = dict(DEFAULT_WEIGHTS)
    if call and call.match:
        weights |= call.match.weights
    return weights | tuned
