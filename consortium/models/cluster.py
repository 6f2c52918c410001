"""A cluster profile: what the check needs to know about one candidate member."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from consortium.models.fields import (
    ClusterId,
    Count,
    Country,
    Day,
    Flag,
    LabelLevel,
    MemberType,
    Pic,
    Role,
    Strict,
    TextList,
)

RegionCategory = Literal["less-developed", "transition", "more-developed"]


class Region(Strict):
    """Cohesion-policy region category of the cluster's seat (NUTS 2)."""

    nuts: str | None = Field(None, examples=["AT31"])
    category: RegionCategory | None = Field(None, examples=["more-developed"])


class Label(Strict):
    """ESCA/EUCLES cluster-management label."""

    level: LabelLevel
    valid_until: Day | None = Field(None, examples=["2022-06-30"])
    awarded: Day | None = None


class Experience(Strict):
    programme: str
    project: str | None = None
    role: Role | None = None
    year: Count | None = Field(None, examples=[2019])


class Cluster(Strict):
    id: ClusterId | None = None
    name: str
    country: Country
    type: MemberType = "cluster"
    region: Region | None = None
    sectors: TextList = []
    label: Label | None = None
    # COSME cluster calls admit members registered on the ECCP "or that have requested
    # registration" (docs/sources.md, "COS-CLUSTER-2018-03-02"): `requested` passes with a
    # warning to complete the registration.
    eccp: Flag | Literal["requested"] = False
    pic: Pic | None = None
    experience: list[Experience] = []
    roles: list[Role] = ["coordinator", "partner"]
    website: str | None = None
    contact: str | None = None
    notes: str | None = None
