"""`match REF` inside a proposal: candidates judged against the consortium as it stands.

A request's own ``consortium:`` list is free text its author wrote on the day it was
published; the proposal's ``consortium.yaml`` says who is in now. Inside a proposal the
countries already covered come from the members, members are not candidates, and a
coordinator role already taken makes the candidates partners. Each of these is said in
words, so nobody wonders why the ranking differs from the request's.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from consortium.catalogue.requests import Listing
from consortium.check.context import Context
from consortium.check.fit import fit
from consortium.display.text import joined
from consortium.matching.situation import Situation, for_consortium
from consortium.proposal.resolve import Proposal


class Standing(NamedTuple):
    """The situation to rank in, the members to leave out, and what changed, in words."""

    situation: Situation
    members: frozenset[str]  # cluster ids already in the consortium
    notes: list[str]


def against_consortium(item: Listing, proposal: Proposal, now: datetime) -> Standing:
    """What request ``item`` seeks, judged for the consortium ``proposal`` on ``now``."""
    ctx = Context(proposal, now)
    seeking = item.request.seeking
    if seeking is None:  # `match` refuses such a request before it gets here
        raise ValueError(f"request {item.request.reference} seeks no partner: nothing to match")
    notes: list[str] = []
    on = ctx.judged_on
    found = [m.cluster_id for m in ctx.members if fit(m.cluster, seeking, on, m.spec.role).fits]
    if found:
        verb = "matches" if len(found) == 1 else "match"
        notes.append(f"{joined(found)} already {verb} what {item.request.reference} seeks")
    if seeking.role == "coordinator" and ctx.coordinators:
        taken = joined([m.cluster_id for m in ctx.coordinators])
        notes.append(f"the coordinator role is taken by {taken}: candidates judged as partners")
        seeking = seeking.model_copy(update={"role": "partner"})
    tuned = item.request.match.weights if item.request.match else {}
    situation = for_consortium(ctx, seeking, tuned)
    return Standing(situation, frozenset(m.cluster_id for m in proposal.members), notes)
