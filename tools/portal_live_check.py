"""Check by hand that the real Funding & Tenders Portal still answers in the shapes the tool
reads (docs/sources.md, "Funding & Tenders Portal"). Needs the network; not run in CI.

    python tools/portal_live_check.py

Prints one line per fact, PASS or FAIL, and exits 1 if any failed. Record the date and
the result in the README when you run it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import httpx

SEARCH = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
TOPICS = "https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails"
TOPIC = "SMP-COSME-2024-CLUSTER-01"
PARAMS = {"apiKey": "SEDIA", "text": "***", "pageSize": 100, "pageNumber": 1}
QUERY = {"bool": {"must": [{"terms": {"type": ["1"]}}, {"terms": {"identifier": [TOPIC]}}]}}


def part(value: Any) -> tuple[str, bytes, str]:
    return ("blob", json.dumps(value).encode(), "application/json")


def search(client: httpx.Client, query: Any, **more: Any) -> httpx.Response:
    files = {
        "query": part(query),
        "languages": part(["en"]),
        "sort": part({"field": "identifier", "order": "ASC"}),
    }
    return client.post(SEARCH, params=PARAMS, files=files, **more)


def checks(client: httpx.Client) -> list[tuple[str, Callable[[], bool]]]:
    def good() -> bool:
        data = search(client, QUERY).json()
        records = data["results"]
        metadata = records[0]["metadata"]
        return (
            isinstance(data["totalResults"], int)
            and all(isinstance(v, list) for v in metadata.values())
            and any(r["metadata"].get("DATASOURCE") == ["SEDIA"] for r in records)
            and "budgetTopicActionMap"
            in json.loads(
                next(r for r in records if "budgetOverview" in r["metadata"])["metadata"][
                    "budgetOverview"
                ][0]
            )
        )

    def plain_field() -> bool:
        answer = client.post(SEARCH, params=PARAMS, data={"query": json.dumps(QUERY)})
        return answer.status_code == 500

    def wildcard() -> bool:
        answer = search(client, {"bool": {"must": [{"wildcard": {"identifier": "SMP*"}}]}})
        return answer.status_code == 400 and "Invalid Query" in answer.text

    def get_refused() -> bool:
        return client.get(SEARCH, params=PARAMS).status_code == 405

    def topic_json() -> bool:
        details = client.get(f"{TOPICS}/{TOPIC.lower()}.json").json()["TopicDetails"]
        dates = details["actions"][0]["deadlineDates"]
        return all(isinstance(d, int) for d in dates)

    return [
        ("search answers with lists, SEDIA rows and a budget overview in a string", good),
        ("query as a plain form field answers 500", plain_field),
        ("a wildcard query answers 400 Invalid Query format", wildcard),
        ("GET answers 405", get_refused),
        ("topic JSON gives deadlines as epoch milliseconds", topic_json),
    ]


def main() -> int:
    failed = 0
    with httpx.Client(timeout=30) as client:
        for name, check in checks(client):
            try:
                ok = check()
            except (httpx.HTTPError, KeyError, IndexError, ValueError, StopIteration) as exc:
                ok, name = False, f"{name} ({type(exc).__name__}: {exc})"
            failed += not ok
            print(f"{'PASS' if ok else 'FAIL'}  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
