"""A partner-search request: an EEN profile transcribed to YAML."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from consortium.facts.countries import EU_SPELLINGS
from consortium.facts.reference import Reference, parse_reference
from consortium.models.call import MatchSettings
from consortium.models.fields import (
    Country,
    Day,
    Flag,
    LabelLevel,
    MemberStatus,
    Moment,
    ReferenceText,
    Role,
    Strict,
    TextList,
    TimeZone,
)


class CallInfo(Strict):
    """A call named in full, for calls the tool has no preset for. ``id`` may be left out
    when the profile names a call that has no topic identifier (Eurostars, Interreg)."""

    id: str | None = None
    programme: str | None = None
    title: str | None = None
    deadline: Moment | None = None
    timezone: TimeZone | None = None


class RequestDeadlines(Strict):
    eoi: Moment | None = None
    call: Moment | None = None


class RequestMember(Strict):
    """A partner already in (or interested in) the requester's consortium."""

    name: str | None = None
    country: Country
    sectors: TextList = []
    status: MemberStatus = "confirmed"
    cluster: str | None = None


class Seeking(Strict):
    """The partner the request looks for."""

    type: str | None = None
    # every kind of organisation the profile lists when it lists several ("sme",
    # "university", "business support organisation", ...); ``type`` holds a single one
    types: TextList = []
    sectors: TextList = []
    role: Role | None = None
    label: LabelLevel | None = None
    label_required: Flag = False
    experience: TextList = []


class Request(Strict):
    reference: ReferenceText
    title: str
    country: Country
    published: Day | None = None
    status: Literal["open", "closed"] = "open"
    call: str | CallInfo | None = None
    deadlines: RequestDeadlines = Field(default_factory=RequestDeadlines)
    stage: str | None = None
    consortium: list[RequestMember] = []
    seeking: Seeking | None = None
    keywords: TextList = []
    summary: str | None = None
    # The profile's full text beyond its summary (EEN caps it at 4 000 characters); filled
    # by `consortium import`, optional for files written by hand.
    description: str | None = None
    source: str | None = None
    expires: Day | None = None
    match: MatchSettings | None = None

    @field_validator("country")
    @classmethod
    def _agrees_with_reference(cls, country: str, info: ValidationInfo) -> str:
        reference = info.data.get("reference")
        if not reference:
            return country
        written = parse_reference(reference).country
        # EEN references may spell the UK as UK and Greece as EL (docs/sources.md)
        if EU_SPELLINGS.get(written, written) != country:
            raise PydanticCustomError(
                "consortium",
                f"country {country} differs from the reference's {written}: the reference "
                "names the requester's country",
            )
        return country

    @property
    def ref(self) -> Reference:
        return parse_reference(self.reference)

    @property
    def call_id(self) -> str | None:
        return self.call.id if isinstance(self.call, CallInfo) else self.call

    @property
    def sectors(self) -> list[str]:
        """Every sector the request names: its partners', the sought partner's, keywords."""
        found = [s for m in self.consortium for s in m.sectors]
        found += self.seeking.sectors if self.seeking else []
        return found + self.keywords
