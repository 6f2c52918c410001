"""`match` and `check` give one answer to each domain question (``consortium.check.predicates``).

The two disagreements found in review, as a user meets them: experience written with its
programme period, and a call preferring gold while the request seeks silver. Then the
property: for generated calls, requests, clusters and consortia, a candidate `match`
credits with a criterion (label, experience, region, admission) is exactly one that makes
the corresponding rule pass when added as coordinator.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium.check.predicates import admits
from consortium.check.rules import Context
from consortium.check.runner import run
from consortium.matching.score import assess
from consortium.matching.situation import for_consortium
from consortium.models import Cluster, MemberSpec
from consortium.proposal.member import Member
from consortium.proposal.resolve import load_proposal
from tests.conftest import Cli, now_of
from tests.proposals import SEEKING_REQUEST, build, cluster

BEFORE = ("--today", "2020-11-27")
PARTNERS = {"fr": cluster("FR", roles=["partner"]), "pt": cluster("PT", roles=["partner"])}
PARTNER_LINES = ["cluster: fr, role: partner", "cluster: pt, role: partner"]


def _check_and_match(
    cli: Any, root: Path, candidate: dict[str, Any], **kw: Any
) -> tuple[set[str], dict[str, dict[str, Any]]]:
    """The rules `check` reports with ``candidate`` as coordinator, and the parts `match`
    gives it against the same consortium without it."""
    clusters = {**PARTNERS, "cand": candidate}
    path = build(root, clusters, [*PARTNER_LINES, "cluster: cand, role: coordinator"], **kw)
    lines = path.read_text().splitlines()
    without = root / "without.yaml"
    without.write_text("\n".join(x for x in lines if "cand" not in x) + "\n")
    checked = cli("check", path, "--format", "json", *BEFORE)
    assert checked.exit_code in (0, 1), checked.output
    rules = {f["rule"] for f in json.loads(checked.stdout)["findings"]}
    matched = cli("match", "--consortium", without, "--format", "json", *BEFORE)
    assert matched.exit_code == 0, matched.stderr
    data = json.loads(matched.stdout)
    (found,) = [c for c in data["candidates"] + data["apart"] if c["cluster"] == "cand"]
    return rules, {p["name"]: p for p in found["parts"]}


@pytest.mark.parametrize(
    ("programme", "counts"),
    [
        ("COSME", True),
        ("COSME 2014-2020", True),
        ("cosme (2014\u20132020)", True),
        ("Horizon 2020", False),
    ],
)
def test_experience_is_judged_alike_by_check_and_match(
    cli: Cli, tmp_path: Path, programme: str, counts: bool
) -> None:
    experience = [{"programme": programme, "project": "ESCP-4x", "role": "coordinator"}]
    rules, parts = _check_and_match(
        cli,
        tmp_path,
        cluster("DK", experience=experience),
        request=SEEKING_REQUEST,
    )
    assert ("coordinator-experience" not in rules) is counts
    credited = parts["experience"]["points"] > 0
    assert credited is counts, parts["experience"]
    if counts:
        assert "has coordinated a COSME project" in parts["experience"]["reason"]


def test_call_preferring_gold_and_request_seeking_silver(cli: Cli, tmp_path: Path) -> None:
    call = {
        "id": "EXAMPLE-GOLD-CALL",
        "programme": "COSME",
        "title": "A call preferring gold coordinators (test data)",
        "deadline": "2021-02-02",
        "rules": {"coordinator_label": {"preferred": "gold"}},
    }
    request = {
        **SEEKING_REQUEST,
        "call": call["id"],
        "seeking": {**SEEKING_REQUEST["seeking"], "label": "silver"},
    }
    silver = cluster("DK", label={"level": "silver", "valid_until": "2022-06-30"})
    rules, parts = _check_and_match(
        cli, tmp_path, silver, call=call["id"], calls=[call], request=request
    )
    assert "coordinator-label" in rules  # the call prefers gold: check warns
    label = parts["label"]
    assert label["points"] < label["weight"], label  # and match does not give full marks


def test_an_outermost_region_is_its_member_state_for_match_and_suggest(
    cli: Cli, tmp_path: Path
) -> None:
    """RE is France: with FR in, a Reunion cluster adds no country for `match`, and
    `suggest` says no known cluster brings the third country (as `min-countries` counts)."""
    clusters = {"dk": cluster("DK"), "fr": cluster("FR"), "re": cluster("RE", roles=["partner"])}
    lines = ["cluster: dk, role: coordinator", "cluster: fr, role: partner"]
    request = {**SEEKING_REQUEST, "seeking": {"sectors": ["energy"], "role": "partner"}}
    rules = {"min_countries": 3, "min_partners": 2, "min_less_developed_or_transition": 0}
    path = build(tmp_path, clusters, lines, request=request, rules=rules)
    checked = json.loads(cli("check", path, "--format", "json", *BEFORE).stdout)
    assert {f["rule"] for f in checked["findings"]} == {"min-countries"}
    suggested = cli("suggest", path, *BEFORE)
    assert "too few known clusters from countries not yet in it" in suggested.stdout, (
        suggested.output
    )
    matched = cli("match", "--consortium", path, "--format", "json", *BEFORE)
    (found,) = json.loads(matched.stdout)["candidates"]
    country = next(p for p in found["parts"] if p["name"] == "country")
    assert country["points"] == 0 and "counts as FR" in country["reason"], country


# The property: match credits what the rules accept, and only that --------------------------

NOW = now_of("2020-11-27")
LEVELS = [None, "bronze", "silver", "gold"]
PROGRAMMES = ["COSME", "COSME 2014-2020", "SMP COSME", "Horizon 2020", "European projects"]


@st.composite
def calls(draw: st.DrawFn) -> dict[str, Any]:
    level = draw(st.sampled_from(LEVELS[1:]))
    label = draw(st.sampled_from([None, {"preferred": level}, {"required": level}]))
    rules: dict[str, Any] = {
        "min_less_developed_or_transition": 1,
        "eccp_required": draw(st.booleans()),
        "third_countries": draw(st.sampled_from(["allowed", "excluded"])),
    }
    if label:
        rules["coordinator_label"] = label
    if draw(st.booleans()):
        rules["member_types"] = ["cluster", "business-network"]
    if countries := draw(st.sampled_from([None, ["EU"], ["COSME"], ["EU", "NO"]])):
        rules["eligible_countries"] = countries
    return {
        "id": "EXAMPLE-GENERATED-CALL",
        "programme": "COSME",
        "title": "A generated call (test data)",
        "deadline": "2021-02-02",
        "rules": rules,
    }


@st.composite
def requests(draw: st.DrawFn) -> dict[str, Any]:
    seeking: dict[str, Any] = {"role": draw(st.sampled_from(["coordinator", None]))}
    if level := draw(st.sampled_from(LEVELS)):
        seeking["label"] = level
        seeking["label_required"] = draw(st.booleans())
    seeking["experience"] = draw(st.lists(st.sampled_from(PROGRAMMES), max_size=2, unique=True))
    return {
        "reference": "RDFR20201119001",
        "title": "A generated request (test data)",
        "country": "FR",
        "call": "EXAMPLE-GENERATED-CALL",
        "seeking": {k: v for k, v in seeking.items() if v is not None},
    }


@st.composite
def candidates(draw: st.DrawFn) -> dict[str, Any]:
    level = draw(st.sampled_from(LEVELS))
    until = draw(st.sampled_from(["2021-01-15", "2022-06-30", None]))
    label = {"level": level, **({"valid_until": until} if until else {})} if level else None
    experience = [
        {"programme": p, "project": "P", "role": r}
        for p, r in draw(
            st.lists(
                st.tuples(st.sampled_from(PROGRAMMES[:4]), st.sampled_from(["coordinator", None])),
                max_size=2,
            )
        )
    ]
    country = draw(st.sampled_from(["FR", "RE", "DK", "GB", "UA", "NO", "US"]))
    return cluster(
        country,
        type=draw(st.sampled_from(["cluster", "business-network", "other"])),
        eccp=draw(st.sampled_from([True, False, "requested"])),
        label=label,
        experience=experience,
        region={
            "nuts": f"{country}11",
            "category": draw(st.sampled_from(["less-developed", "transition", "more-developed"])),
        },
    )


ADMISSION_RULES = {"member-type", "eccp", "eligible-country", "not-counted"}
LINE = 999  # the candidate's line in the trial consortium: findings about it are on it


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(call=calls(), request=requests(), candidate=candidates(), size=st.integers(0, 2))
def test_match_credits_exactly_what_check_accepts(
    tmp_path_factory: pytest.TempPathFactory,
    call: dict[str, Any],
    request: dict[str, Any],
    candidate: dict[str, Any],
    size: int,
) -> None:
    root = tmp_path_factory.mktemp("agree")
    partners = {"fr": cluster("FR", roles=["partner"]), "dk": cluster("DK", roles=["partner"])}
    for profile in partners.values():
        profile["region"]["category"] = "more-developed"  # the region rule fails before
    lines = [f"cluster: {name}, role: partner" for name in list(partners)[:size]]
    path = build(root, partners, lines, call=call["id"], calls=[call], request=request)
    if not lines:
        path.write_text(path.read_text().replace("members:\n", "members: []\n"))
    proposal = load_proposal(path)
    assert not isinstance(proposal, list), proposal
    ctx = Context(proposal, NOW)
    assert ctx.seeking is not None
    added = Cluster.model_validate(candidate)
    judged = assess("cand", added, for_consortium(ctx, ctx.seeking, {}))
    parts = {p.name: p for p in judged.parts}
    spec = MemberSpec(cluster="cand", role="coordinator", status="confirmed")
    trial = dataclasses.replace(
        proposal, members=[*proposal.members, Member(spec, LINE, "cand", added)]
    )
    report = run(trial, NOW)
    failing = {f.rule for f in report.findings}
    about_it = {f.rule for f in report.findings if f.line == LINE}

    label = parts.get("label")
    assert (label is None or label.points == label.weight) == ("coordinator-label" not in failing)
    experience = parts["experience"]
    assert (experience.points > 0) == ("coordinator-experience" not in failing)
    region = parts["region"]
    assert (region.points == region.weight) == ("region" not in failing)
    refused = admits(added, ctx.terms)
    assert {r.reason for r in refused} <= set(judged.refused)
    rejected = {
        f.rule
        for f in report.findings
        if f.line == LINE
        and f.rule in ADMISSION_RULES
        and (f.severity == "error" or f.rule == "not-counted")
    }
    assert bool(refused) == bool(rejected), (refused, rejected, about_it)
