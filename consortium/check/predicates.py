"""The domain questions, each answered once: what a call admits on the day judged, which
coordinator label is wanted and whether one is good enough, which regions and countries
count, and whether a cluster has the experience sought.

The rules of `check`, the sought-partner matcher (``fit``), `match`, `suggest` and
`clusters list --label` all ask these functions, and nothing else decides these
questions, so `match` cannot credit a cluster with what `check` would then refuse (a
property test holds them to it). Pure: models in, answers out, no file read, no clock.
Sources are those of the rules that apply them (docs/sources.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Literal, NamedTuple

from consortium.facts.countries import state_of
from consortium.facts.eligibility import Scope, expand, member_states
from consortium.facts.labels import at_least, counting
from consortium.models import Call, CallRules, Cluster, Experience, Label, Seeking

Severity = Literal["error", "warning"]

# Region categories that count toward ``min_less_developed_or_transition`` (Commission
# Decision 2014/99/EU; COS-CLUSTER-2018-03-02).
COUNTED_REGIONS = ("less-developed", "transition")
# Words a request uses for "any EU project" rather than a programme.
GENERIC_EXPERIENCE = frozenset(
    {"european projects", "eu projects", "european programmes", "eu programmes"}
)


def judged_day(call_deadline: datetime | None, now: datetime) -> date:
    """The day eligibility and labels are judged on: the call deadline's, else today."""
    return call_deadline.date() if call_deadline is not None else now.date()


@dataclass(frozen=True)
class Terms:
    """What a call admits on the day judged: its rules (with a consortium's own
    tightening), the sets of countries they name resolved for that day, the day itself.

    One value for `check` (built from the proposal) and `match` (from a request's call):
    both judge a cluster against the same terms.
    """

    call: Call | None
    rules: CallRules
    on: date
    deadline_known: bool

    @cached_property
    def scope(self) -> Scope:
        """What the call's country sets are resolved for: its period, pillar, work
        programme, and the day judged on."""
        call = self.call
        if call is None:
            return Scope(self.on)
        return Scope(self.on, call.period, call.pillar, call.work_programme)

    @cached_property
    def allowed(self) -> frozenset[str] | None:
        """The countries the call admits, or None when it names none."""
        sets = self.rules.eligible_countries
        return expand(sets, self.scope) if sets else None

    @cached_property
    def member_states(self) -> frozenset[str]:
        return member_states(self.scope)

    @property
    def admits_others(self) -> bool:
        """Whether members from other countries may join beyond the minimum conditions."""
        return self.rules.third_countries == "allowed"

    @property
    def when(self) -> str:
        """'the call deadline (2021-02-02)', or 'today (...)' when no deadline is known."""
        return f"the call deadline ({self.on})" if self.deadline_known else f"today ({self.on})"


# Admission -------------------------------------------------------------------------------


class Refusal(NamedTuple):
    """Why a cluster may not join (or would not count): the criterion and its words."""

    criterion: Literal["type", "eccp", "country"]
    reason: str


def counts(cluster: Cluster, terms: Terms) -> bool:
    """Whether the cluster counts toward the minimum conditions: every member does,
    except one from a country outside the call's sets where the call admits such members
    beyond the minimum (Horizon Europe, Interreg Europe), which never counts."""
    return terms.allowed is None or not terms.admits_others or cluster.country in terms.allowed


def admits(cluster: Cluster, terms: Terms) -> list[Refusal]:
    """What keeps the cluster out of a consortium for the call, or would leave it
    uncounted: its type, its ECCP listing where required (a requested registration is
    accepted), its country. Empty: it may join and counts."""
    rules, call = terms.rules, terms.call.id if terms.call else "the call"
    refused = []
    if rules.member_types and cluster.type not in rules.member_types:
        admitted = ", ".join(rules.member_types)
        refused.append(Refusal("type", f"is a {cluster.type}; the call admits {admitted}"))
    if rules.eccp_required and not cluster.eccp:
        refused.append(Refusal("eccp", "is not registered on the ECCP, which the call requires"))
    if terms.allowed is not None and cluster.country not in terms.allowed:
        if terms.admits_others:
            said = f"{cluster.country} may join {call} but does not count toward it"
        else:
            said = f"{cluster.country} is not eligible for {call}"
        refused.append(Refusal("country", said))
    return refused


def is_member_state(cluster: Cluster, terms: Terms) -> bool:
    """Whether the cluster is from an EU Member State for the call's programme period."""
    return cluster.country in terms.member_states


# Countries and regions -------------------------------------------------------------------


def countries_of(codes: Iterable[str]) -> frozenset[str]:
    """The distinct countries ``codes`` make: a region with a code of its own counts as
    its Member State, so RE and FR are one (docs/sources.md, "Regions with codes of their
    own")."""
    return frozenset(state_of(code) for code in codes)


def counts_region(cluster: Cluster) -> bool:
    """Whether the cluster sits in a less developed or transition region."""
    return bool(cluster.region and cluster.region.category in COUNTED_REGIONS)


# Labels ----------------------------------------------------------------------------------


class Wanted(NamedTuple):
    """A label asked for: its level, whether required, and who asks (the call, or the
    request with its reference)."""

    level: str
    required: bool
    by: Literal["call", "request"]
    reference: str = ""

    @property
    def why(self) -> str:
        """'the call requires', 'request RDFR20201119001 prefers'."""
        verb = "requires" if self.required else "prefers"
        return f"the call {verb}" if self.by == "call" else f"request {self.reference} {verb}"

    @property
    def severity(self) -> Severity:
        return "error" if self.required else "warning"


def wanted_label(
    rules: CallRules,
    seeking: Seeking | None,
    reference: str = "",
    role: str = "coordinator",
) -> Wanted | None:
    """The label asked of a member in ``role``.

    Of the coordinator: required beats preferred, the call beats the request (the
    request's label counts where it seeks a coordinator, or names no role). Of a partner:
    the request's label where it seeks a partner; the call's label is the coordinator's.
    """
    sought = seeking.label if seeking else None
    if role != "coordinator":
        if seeking is None or seeking.role != "partner" or not sought:
            return None
        return Wanted(sought, seeking.label_required, "request", reference)
    rule = rules.coordinator_label
    asked = sought if seeking is not None and seeking.role in (None, "coordinator") else None
    required = bool(seeking and seeking.label_required)
    if rule and rule.required:
        return Wanted(rule.required, True, "call")
    if asked and required:
        return Wanted(asked, True, "request", reference)
    if rule and rule.preferred:
        return Wanted(rule.preferred, False, "call")
    if asked:
        return Wanted(asked, False, "request", reference)
    return None


def label_good_enough(label: Label | None, level: str, day: date) -> bool:
    """Whether ``label`` is at least ``level`` and still valid on ``day`` (a label that
    lapses before the call deadline does not count: docs/sources.md, "Cluster management
    labels")."""
    return at_least(counting(label, day), level)


# Experience ------------------------------------------------------------------------------

# A programme period written after a programme's name ("COSME 2014-2020", "(2021-2027)").
_PERIOD = re.compile(r"\(?\b(?:19|20)\d\d\s*[-\u2013/]\s*(?:(?:19|20)?\d\d)\b\)?")


def programme_key(name: str) -> str:
    """A programme's name as compared: case and spacing aside, without the programme
    period written after it ("COSME 2014-2020" is COSME; "Horizon 2020" stays itself)."""
    return " ".join(_PERIOD.sub(" ", name).casefold().split())


def programmes_sought(seeking: Seeking | None) -> frozenset[str]:
    """The programmes a request names for experience, as compared; empty where it names
    none or only "European projects" (then any EU project counts)."""
    named = {programme_key(p) for p in seeking.experience} if seeking else set()
    return frozenset(named - GENERIC_EXPERIENCE)


def counts_programme(programme: str, programmes: frozenset[str]) -> bool:
    """Whether experience in ``programme`` counts for ``programmes`` (any, when none is
    named)."""
    return not programmes or programme_key(programme) in programmes


def experience_in(cluster: Cluster, programmes: frozenset[str]) -> list[Experience]:
    """The cluster's experience in one of ``programmes`` (any, when none is named)."""
    return [e for e in cluster.experience if counts_programme(e.programme, programmes)]


def has_experience(cluster: Cluster, programmes: frozenset[str]) -> bool:
    """Whether the cluster has EU-project experience in one of ``programmes`` (any, when
    none is named)."""
    return bool(experience_in(cluster, programmes))
