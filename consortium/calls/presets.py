"""Built-in calls, as data, each with its sources (see docs/sources.md for the detail).

Rules that no source gives are left unset (``None``): unset means "not checked", never a
guess. A proposal repo adds calls in ``calls/<id>.yaml`` and tightens or loosens rules in
its ``consortium.yaml``.
"""

from __future__ import annotations

from typing import Any

# Rules of the 2018 call, used for the 2020 call until its text says otherwise (docs/sources.md).
_CLUSTER_EXCELLENCE_RULES: dict[str, Any] = {
    "min_partners": 3,
    "min_countries": 3,
    "eligible_countries": ["COSME"],
    "member_types": ["cluster", "business-network"],
    "eccp_required": True,
    "min_less_developed_or_transition": 1,
    "third_countries": "excluded",
}

PRESETS: list[dict[str, Any]] = [
    {
        "id": "COS-CLUSTER-2020-3-03",
        "programme": "COSME",
        "period": "2014-2020",
        "title": "European Cluster Excellence Programme with ClusterXchange scheme connecting "
        "ecosystems and cities",
        "deadline": "2021-02-02T17:00:00",
        "budget": "EUR 6 000 000",
        "rules": _CLUSTER_EXCELLENCE_RULES,
        "sources": [
            "COSME Call for Proposals COS-CLUSTER-2020-3-03, version 1.0, 3 November 2020",
            "Deadline 2 February 2021 17:00 Brussels: EC, black-sea-maritime-agenda.ec.europa.eu/node/510",
            "Eligible: EU Member States and COSME Art. 6 countries (welcomeurope.com call page)",
            "Consortium rules taken from COS-CLUSTER-2018-03-02 until the 2020 text says otherwise",
            "UK eligibility: Withdrawal Agreement, Art. 138; Commission notice of February 2020",
        ],
        "notes": "UK entities stay eligible: COSME 2020 is committed under the MFF 2014-2020 "
        "(Withdrawal Agreement, Art. 138), although the deadline falls after the transition.",
    },
    {
        "id": "COS-CLUSTER-2018-03-02",
        "programme": "COSME",
        "period": "2014-2020",
        "title": "European Cluster Excellence Programme",
        "deadline": "2019-04-04",
        "budget": "EUR 3 600 000; at most EUR 360 000 per project over 20-24 months",
        "rules": _CLUSTER_EXCELLENCE_RULES,
        "sources": [
            "COSME Call for Proposals COS-CLUSTER-2018-03-02 (8 January 2019; corrigendum v1.1)",
            "Deadline 4 April 2019: innofunding.nl, turnerer.com (hour not stated: 17:00 assumed)",
        ],
    },
    {
        "id": "COS-CLUSINT-2020-3-01",
        "programme": "COSME",
        "period": "2014-2020",
        "title": "Clusters Go International",
        "deadline": "2020-12-02T17:00:00",
        "budget": "EUR 7 500 000",
        "rules": {
            "min_partners": 3,
            "eligible_countries": ["COSME"],
            "member_types": ["cluster", "business-network"],
            "eccp_required": True,
            "third_countries": "excluded",
        },
        "sources": [
            "COSME Call for Proposals COS-CLUSINT-2020-3-01, version 1.0, 30 September 2020",
            "Deadline 2 December 2020 17:00 Brussels: ab.gov.tr/52145_en.html; ECCP news",
            "At least three partners from EU or COSME countries: newslettereuropean.eu/?p=8148",
        ],
        "notes": "No rule on distinct countries was found for this edition: min_countries unset.",
    },
    {
        "id": "SMP-COSME-2024-CLUSTER-01",
        "programme": "Single Market Programme (SMP COSME)",
        "period": "2021-2027",
        "title": "Joint Cluster Initiatives (EUROCLUSTERS) for Europe's recovery",
        "deadline": "2025-02-05T17:00:00",
        "budget": "EUR 42 000 000, 16 projects, up to 36 months",
        "rules": {"member_types": ["cluster", "business-network"], "third_countries": "excluded"},
        "rules_verified": False,
        "sources": [
            "EISMEA call page SMP-COSME-2024-CLUSTER-01 (deadline 5 February 2025, 17:00 CET)",
            "ECCP info session on the Euroclusters call (budget, duration)",
            "Consortium conditions (call-fiche_smp-cosme-2024-cluster_en.pdf): not found "
            '(docs/sources.md, "Euroclusters")',
        ],
        "notes": "The consortium conditions (minimum partners and countries, eligible "
        "countries) were not found: every check is at best provisional. Once read in the "
        "call document, write them in calls/SMP-COSME-2024-CLUSTER-01.yaml with "
        "rules_verified: true.",
    },
    {
        "id": "HORIZON-GENERIC",
        "programme": "Horizon Europe",
        "period": "2021-2027",
        "title": "Horizon Europe collaborative action (generic minimum conditions)",
        "rules": {
            "min_partners": 3,
            "min_countries": 3,
            "min_eu_members": 1,
            "eligible_countries": ["HORIZON_EUROPE"],
            "third_countries": "allowed",
        },
        "sources": [
            "Horizon Europe Work Programme, General Annexes, Annex B (eligibility): 3 independent "
            "legal entities from 3 countries, at least one in an EU Member State",
        ],
        "notes": "No deadline: give the topic's deadline in the request or consortium file.",
    },
    {
        "id": "INTERREG-EUROPE",
        "programme": "Interreg Europe",
        "period": "2021-2027",
        "title": "Interreg Europe project (generic partnership conditions)",
        "rules": {
            "min_partners": 3,
            "min_countries": 3,
            "min_eu_members": 2,
            "eligible_countries": ["INTERREG_EUROPE"],
            "third_countries": "allowed",
        },
        "sources": [
            "interregeurope.eu FAQ 13: partners from at least three countries, two of them EU",
            "interregeurope.eu help centre: eligible partner countries; lead partner a public "
            "body from the EU or Norway",
        ],
        "notes": "The lead partner must be a public body: clusters usually join as partners.",
    },
]
