"""A funding call and the rules a consortium must meet for it (presets or calls/*.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator, model_validator

from consortium.facts.deadlines import BRUSSELS
from consortium.models.fields import (
    Count,
    Day,
    Flag,
    LabelLevel,
    MemberType,
    Moment,
    Strict,
    TimeZone,
)


class LabelRule(Strict):
    """`{preferred: gold}` (a warning when missing) or `{required: silver}` (an error)."""

    preferred: LabelLevel | None = None
    required: LabelLevel | None = None


class MatchSettings(Strict):
    """`match: {weights: {label: 30}}`: tune how `match` and `suggest` weigh (weights.py)."""

    weights: dict[str, Count] = {}

    @field_validator("weights")
    @classmethod
    def _known_parts(cls, value: dict[str, int]) -> dict[str, int]:
        from consortium.matching.weights import WEIGHT_NAMES

        for name, weight in value.items():
            if name not in WEIGHT_NAMES:
                raise ValueError(f"no weight '{name}': use {', '.join(WEIGHT_NAMES)}")
            if weight < 0:
                raise ValueError(f"weight '{name}' is negative: give 0 or more")
        return value


class CallRules(Strict):
    """Every key optional: a consortium's `rules:` override only the keys it sets."""

    min_partners: Count | None = None
    max_partners: Count | None = None
    min_countries: Count | None = None
    min_eu_members: Count | None = None
    eligible_countries: list[str] | None = None
    member_types: list[MemberType] | None = None
    eccp_required: Flag | None = None
    min_less_developed_or_transition: Count | None = None
    coordinator_label: LabelRule | None = None
    # Horizon Europe and Interreg Europe admit members from other countries beyond the
    # minimum conditions (usually unfunded); COSME calls do not (docs/sources.md).
    third_countries: Literal["allowed", "excluded"] | None = None

    def merged(self, override: CallRules | None) -> CallRules:
        """These rules with the keys set in ``override`` replaced."""
        if override is None:
            return self
        return CallRules.model_validate(
            {**self.model_dump(), **override.model_dump(exclude_unset=True)}
        )

    @field_validator("eligible_countries")
    @classmethod
    def _known_codes(cls, value: list[str] | None) -> list[str] | None:
        from consortium.facts.eligibility import check_country_or_set

        return [check_country_or_set(v) for v in value] if value is not None else None


class Stage(Strict):
    """One deadline of a topic: a stage (``first stage``) or a cut-off, in the call's zone."""

    name: str
    deadline: Moment


class BudgetRow(Strict):
    """One row of the portal's budget overview for this topic (EUR)."""

    action: str
    year: str | None = None
    amount: Count | None = None
    grants: Count | None = None  # expected number of grants


class News(Strict):
    """One item of the topic's latest news on the portal, made plain text."""

    date: Day
    text: str


class PortalSource(Strict):
    """Where ``calls fetch`` found the call, and when: ``calls refresh`` asks again."""

    topic: str  # the topic identifier on the EU Funding & Tenders Portal
    fetched: Moment
    status: Literal["forthcoming", "open", "closed"] | None = None  # derived from the dates
    # The portal gives only the date of each deadline: "assumed" until someone writes the
    # hour from the call document and says "stated" (docs/sources.md, "Funding & Tenders Portal").
    deadline_time: Literal["assumed", "stated"] = "assumed"
    call_document: str | None = None
    news: list[News] = []


class Call(Strict):
    id: str
    programme: str
    title: str
    # The multiannual financial framework the programme belongs to: it decides, for one,
    # whether the United Kingdom counts as a Member State (docs/sources.md).
    period: Literal["2014-2020", "2021-2027"] | None = None
    pillar: Literal["I", "II", "III"] | None = None  # Horizon Europe
    work_programme: Count | None = None  # its year, e.g. 2024 for the 2023-2024 work programme
    deadline: Moment | None = None
    timezone: TimeZone = BRUSSELS
    url: str | None = None
    budget: str | None = None
    sources: list[str] = []
    notes: str | None = None
    rules: CallRules = CallRules()
    # Whether ``rules`` are the call's consortium conditions as its call document states
    # them. Where not (a preset whose conditions were not found), no check passes as
    # complete: at best provisionally, and --strict fails (docs/sources.md, "Euroclusters").
    rules_verified: Flag = True
    match: MatchSettings | None = None
    # Where the rules come from when not from the call document itself: the programme's
    # general conditions (Horizon Europe's General Annexes) written by `calls fetch`.
    rules_from: Literal["call-document", "general-conditions"] | None = None
    # From the Funding & Tenders Portal (`calls fetch`); every key optional.
    call_id: str | None = None
    call_title: str | None = None
    type_of_action: str | None = None
    opening: Day | None = None
    stages: list[Stage] = []
    budget_rows: list[BudgetRow] = []
    portal: PortalSource | None = None

    @model_validator(mode="after")
    def _sets_of_its_period(self) -> Call:
        from consortium.facts.eligibility import misnamed_set

        problem = misnamed_set(self.rules.eligible_countries or [], self.period)
        if problem:
            raise ValueError(f"rules.eligible_countries: {problem.message}")
        return self
