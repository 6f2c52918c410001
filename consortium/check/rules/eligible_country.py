"""Whether each member's country may take part, as the programme defines it for the call."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe
from consortium.check.predicates import is_member_state
from consortium.facts.eligibility import misnamed_set, missing_work_programme
from consortium.proposal.member import Member

ID = "eligible-country"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """An added member fixes too few members from Member States, not an ineligible one."""
    allowed = ctx.allowed
    outsiders = allowed is not None and any(m.cluster.country not in allowed for m in ctx.members)
    if outsiders and not ctx.admits_others:
        return "replace the member from an ineligible country"
    return None


def check(ctx: Context) -> Iterator[Hit]:
    """eligible-country: every member from an eligible country; enough from EU Member States.

    Sets are resolved for the call's programme period, pillar and work programme, on the
    deadline's date: the United Kingdom counts as a Member State for 2014-2020 programmes
    (Withdrawal Agreement, Art. 138: COSME 2020 included) and never for 2021-2027 ones;
    Horizon Europe associations apply by work-programme year, some for Pillar II only
    (docs/sources.md, "Horizon Europe associations"). A region with a code of its own
    (RE, GP, AX...) is its Member State. The COSME set is the 2014-2020 list: a 2021-2027
    call naming it is an error. Where the call admits members from other countries beyond
    the minimum conditions (``third_countries: allowed``), such a member is no error here
    but ``not-counted``.
    Source: COS-CLUSTER-2020-3-03 (EU Member States and COSME Art. 6 countries); Horizon
    Europe General Annexes B (one member in a Member State); Interreg Europe (two).
    """
    allowed, rules = ctx.allowed, ctx.proposal.rules
    misnamed = misnamed_set(rules.eligible_countries or [], ctx.scope.period)
    if misnamed:
        yield ctx.at_key(f"eligible_countries: {misnamed.message}", "rules")
    if allowed is not None and not ctx.admits_others:
        sets = ", ".join(rules.eligible_countries or [])
        period = f" ({ctx.scope.period} programme)" if ctx.scope.period else ""
        for member in ctx.members:
            if member.cluster.country not in allowed:
                yield ctx.at_member(
                    member,
                    f"{describe(member)} is not in an eligible country ({sets}{period}) on "
                    f"{ctx.judged_on}{work_programme_hint(ctx, member)}: replace it or "
                    "check the call's country rules",
                )
    if rules.min_eu_members:
        count = sum(is_member_state(m.cluster, ctx.terms) for m in ctx.counted)
        if count < rules.min_eu_members:
            yield ctx.at_key(
                f"{count} member(s) from EU Member States, the call needs {rules.min_eu_members}",
                "members",
            )


def work_programme_hint(ctx: Context, member: Member) -> str:
    """', counted from work programme 2025 on: give the call's work_programme', where the
    call gives none and the member's association is keyed by one."""
    year = missing_work_programme(member.cluster.country, ctx.scope)
    if year is None:
        return ""
    return f" (associated for calls of work programme {year} on: give the call's work_programme)"
