"""The values of each section of the report page, taken from the check's ``Report`` and
the `suggest` ``SuggestionResult`` and worded as the other views word them (``report.values``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from consortium.facts.countries import country_label, country_name, state_of
from consortium.facts.deadlines import stamp
from consortium.report.html.timeline import (
    Timeline,
    deadline_event,
    label_event,
    timeline,
    today_event,
)
from consortium.report.values import label_text, plain_value, where, yes_no

if TYPE_CHECKING:
    from consortium.check.runner import Report
    from consortium.matching.suggest import SuggestionResult
    from consortium.models import Call, CallRules, Cluster, Label, Request
    from consortium.proposal.member import Member

VERDICT_WORDS = {
    "complete": "Complete",
    "provisional": "Complete, provisionally",
    "incomplete": "Incomplete",
    "incomplete-strict": "Incomplete (strict)",
}
BAR_WIDTH = 120  # pixels of a label's validity bar
BAR_DEADLINE = 90  # where the call deadline sits on it


def verdict(report: Report) -> dict[str, Any]:
    """The verdict in one sentence, in the words of `check` (``Report.summary``)."""
    call = report.proposal.call.id
    counts = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    return {
        "kind": report.verdict,
        "word": VERDICT_WORDS[report.verdict],
        "summary": report.summary,
        "headline": report.summary[:1].upper() + report.summary[1:],
        "sentence": f"for {call}: {counts}, as of {stamp(report.now)}",
    }


def call_values(call: Call, rules: CallRules, deadline: datetime | None) -> dict[str, Any]:
    """The call as a record: what it is, its budget where known, and the rules that apply
    (the call's own, tightened or loosened by the consortium file)."""
    asked = rules.model_dump(exclude_none=True, exclude={"match"})
    return {
        "id": call.id,
        "title": call.title,
        "programme": call.programme,
        "period": call.period or "-",
        "budget": call.budget or "not known",
        "deadline": stamp(deadline) if deadline else "not known",
        "url": call.url or "",
        "rules": [(key.replace("_", " "), plain_value(value)) for key, value in asked.items()],
        "verified": call.rules_verified,
    }


def request_values(request: Request | None) -> dict[str, Any] | None:
    if request is None:
        return None
    seeking = request.seeking
    sought = "-"
    if seeking is not None:
        parts = [seeking.role or "partner", seeking.type or "", ", ".join(seeking.sectors)]
        sought = " ".join(p for p in parts if p)
        if seeking.label:
            sought += f"; label {seeking.label}{' required' if seeking.label_required else ''}"
        if seeking.experience:
            sought += f"; experience in {', '.join(seeking.experience)}"
    return {
        "reference": request.reference,
        "title": request.title,
        "country": request.country,
        "status": request.status,
        "stage": request.stage or "-",
        "seeking": sought,
    }


def member_rows(members: list[Member], now: datetime, deadline: datetime | None) -> list[Any]:
    return [
        {
            "id": m.cluster_id,
            "name": m.cluster.name,
            "country": country_label(m.cluster.country),
            "country_name": country_name(state_of(m.cluster.country)),
            "region": _region(m.cluster),
            "role": m.spec.role,
            "status": m.spec.status,
            "label": label_text(m.cluster.label, deadline),
            "bar": validity_bar(m.cluster.label, now, deadline),
            "eccp": m.cluster.eccp if isinstance(m.cluster.eccp, str) else yes_no(m.cluster.eccp),
            "experience": _experience(m.cluster),
        }
        for m in members
    ]


def _region(cluster: Cluster) -> str:
    region = cluster.region
    if region is None:
        return "-"
    return " ".join(
        p for p in (region.category or "-", f"({region.nuts})" if region.nuts else "") if p
    )


def _experience(cluster: Cluster) -> str:
    said = []
    for e in cluster.experience:
        detail = ", ".join(str(p) for p in (e.role, e.year) if p)
        said.append(f"{e.programme} ({detail})" if detail else e.programme)
    return "; ".join(said) or "-"


def validity_bar(
    label: Label | None, now: datetime, deadline: datetime | None
) -> dict[str, Any] | None:
    """A label's validity drawn against the call deadline: the track runs from today, the
    deadline sits at ``BAR_DEADLINE``; a label lapsing before it is ``warn``."""
    if label is None or label.valid_until is None:
        return None
    today = now.date()
    end = deadline.date() if deadline else today
    span = max((end - today).days, 1)
    left = (label.valid_until - today).days
    width = max(0.0, min(float(BAR_WIDTH), BAR_DEADLINE * left / span))
    return {
        "width": round(width, 1),
        "total": BAR_WIDTH,
        "tick": BAR_DEADLINE if deadline else None,
        "warn": label.valid_until < end,
    }


def timeline_of(report: Report) -> Timeline:
    """Today, the deadlines and each member's label expiry, in date order."""
    now, deadline = report.now, report.proposal.call_deadline
    events = [today_event(now), *(deadline_event(d, now) for d in report.deadlines)]
    end = deadline.date() if deadline else now.date()
    for m in report.proposal.members:
        label = m.cluster.label
        if label is not None and label.valid_until is not None:
            lapses = label.valid_until < end
            events.append(label_event(m.cluster_id, label.level, label.valid_until, now, lapses))
    return timeline(events)


def finding_groups(report: Report) -> list[dict[str, Any]]:
    """Errors, then warnings, each finding with its rule, its place and what to do."""
    groups = []
    for severity, title, found in (
        ("error", "Errors", report.errors),
        ("warning", "Warnings", report.warnings),
    ):
        rows = [{"rule": f.rule, "where": where(f), "message": f.message} for f in found]
        groups.append({"severity": severity, "title": title, "findings": rows})
    return groups


def suggestion_values(outcome: SuggestionResult | None) -> dict[str, Any] | None:
    """`suggest`'s proposals as it lists them, best first, with what each fixes."""
    if outcome is None:
        return None
    return {
        "proposals": [
            {
                "rank": i,
                "fixes": ", ".join(s.fixes) or "nothing",
                "score": s.score,
                "additions": [
                    {
                        "id": a.candidate.cluster_id,
                        "name": a.candidate.cluster.name,
                        "country": a.candidate.cluster.country,
                        "role": a.role,
                        "why": "; ".join(a.candidate.for_) or "no points",
                    }
                    for a in s.additions
                ],
            }
            for i, s in enumerate(outcome.suggestions, 1)
        ],
        "unreachable": outcome.unreachable,
        "unfixable": [f"{rule}: {why}" for rule, why in outcome.needs.unfixable],
        "stopped": outcome.stopped,
    }


def wanted_countries(outcome: SuggestionResult | None) -> list[str]:
    """The countries the proposed additions come from: where the rules still want someone."""
    if outcome is None:
        return []
    found = (a.candidate.cluster.country for s in outcome.suggestions for a in s.additions)
    return list(dict.fromkeys(found))
