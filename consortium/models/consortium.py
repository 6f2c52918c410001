"""consortium.yaml: the consortium a proposal repo is building."""

from __future__ import annotations

from consortium.models.call import CallRules
from consortium.models.fields import ClusterId, MemberStatus, ReferenceText, Role, Strict
from consortium.models.request import RequestDeadlines


class MemberSpec(Strict):
    """One member: a cluster id (a file stem in clusters/), its role and how sure it is."""

    cluster: ClusterId
    role: Role = "partner"
    status: MemberStatus = "confirmed"
    notes: str | None = None


class ConsortiumFile(Strict):
    call: str
    request: ReferenceText | None = None
    members: list[MemberSpec] = []
    rules: CallRules | None = None
    deadlines: RequestDeadlines | None = None
    notes: str | None = None
