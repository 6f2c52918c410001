"""A consortium member: one entry of consortium.yaml with the cluster profile it names,
as every rule, ``suggest`` and the report see it."""

from __future__ import annotations

from typing import NamedTuple

from consortium.models import Cluster, MemberSpec


class Member(NamedTuple):
    """A consortium member: its entry in consortium.yaml and the cluster profile it names."""

    spec: MemberSpec
    line: int
    cluster_id: str
    cluster: Cluster

    @property
    def is_coordinator(self) -> bool:
        return self.spec.role == "coordinator"
