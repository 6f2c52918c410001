"""Build small proposal folders for rule tests: realistic clusters, one change at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

COUNTRY_REGIONS = {
    "DK": ("DK03", "more-developed"),
    "FR": ("FRK2", "more-developed"),
    "PT": ("PT11", "less-developed"),
    "ES": ("ES61", "transition"),
}


def cluster(country: str, **changes: Any) -> dict[str, Any]:
    """A cluster that passes every rule of COS-CLUSTER-2020-3-03 unless ``changes`` say."""
    nuts, category = COUNTRY_REGIONS.get(country, (f"{country}01", "more-developed"))
    profile: dict[str, Any] = {
        "name": f"{country} Energy Cluster",
        "country": country,
        "type": "cluster",
        "region": {"nuts": nuts, "category": category},
        "sectors": ["energy", "construction"],
        "label": {"level": "gold", "valid_until": "2022-06-30"},
        "eccp": True,
        "pic": "900000101",
        "experience": [
            {"programme": "COSME", "project": "ESCP-4x", "role": "coordinator", "year": 2019}
        ],
        "roles": ["coordinator", "partner"],
    }
    profile.update(changes)
    return {k: v for k, v in profile.items() if v is not None}


def build(
    root: Path,
    clusters: dict[str, dict[str, Any]],
    members: list[str],
    call: str = "COS-CLUSTER-2020-3-03",
    request: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
    calls: list[dict[str, Any]] | None = None,
) -> Path:
    """Write a proposal folder; ``members`` are flow mappings, one per line.

    Lines: ``call`` is line 1, ``request`` line 2 when given, then ``members:``; member i
    is on line ``first_member_line(request) + i``.
    """
    (root / "clusters").mkdir(parents=True, exist_ok=True)
    for name, profile in clusters.items():
        (root / "clusters" / f"{name}.yaml").write_text(yaml.safe_dump(profile, sort_keys=False))
    lines = [f"call: {call}"]
    if request is not None:
        (root / "requests").mkdir(exist_ok=True)
        (root / "requests" / f"{request['reference']}.yaml").write_text(
            yaml.safe_dump(request, sort_keys=False)
        )
        lines.append(f"request: {request['reference']}")
    lines.append("members:")
    lines += [f"  - {{{m}}}" for m in members]
    if rules:
        lines.append(f"rules: {yaml.safe_dump(rules, default_flow_style=True).strip()}")
    for extra in calls or []:
        (root / "calls").mkdir(exist_ok=True)
        (root / "calls" / f"{extra['id']}.yaml").write_text(yaml.safe_dump(extra, sort_keys=False))
    path = root / "consortium.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def first_member_line(request: dict[str, Any] | None = None) -> int:
    return 4 if request is not None else 3


GOOD = {"dk": cluster("DK"), "fr": cluster("FR"), "pt": cluster("PT")}
GOOD_MEMBERS = [
    "cluster: dk, role: coordinator, status: confirmed",
    "cluster: fr, role: partner, status: confirmed",
    "cluster: pt, role: partner, status: confirmed",
]
SEEKING_REQUEST: dict[str, Any] = {
    "reference": "RDFR20201119001",
    "title": "Energy cluster sought to coordinate",
    "country": "FR",
    "status": "closed",
    "call": "COS-CLUSTER-2020-3-03",
    "deadlines": {"eoi": "20/12/2020"},
    "seeking": {
        "type": "cluster",
        "sectors": ["energy", "digital"],
        "role": "coordinator",
        "label": "gold",
        "experience": ["COSME"],
    },
}
