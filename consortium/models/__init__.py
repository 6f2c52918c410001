"""The four kinds of file a proposal repo holds, as validated models (docs/formats.md).

Field names are the contract with users' files: add fields freely, rename none.
"""

from consortium.models.call import Call, CallRules, LabelRule, MatchSettings
from consortium.models.cluster import Cluster, Experience, Label, Region
from consortium.models.consortium import ConsortiumFile, MemberSpec
from consortium.models.request import CallInfo, Request, RequestMember, Seeking

__all__ = [
    "Call",
    "CallInfo",
    "CallRules",
    "Cluster",
    "ConsortiumFile",
    "Experience",
    "Label",
    "LabelRule",
    "MatchSettings",
    "MemberSpec",
    "Region",
    "Request",
    "RequestMember",
    "Seeking",
]
