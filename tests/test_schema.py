"""JSON Schemas exist for every kind and match the field contract of docs/formats.md."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (
            "request",
            {
                "reference",
                "title",
                "country",
                "published",
                "status",
                "call",
                "deadlines",
                "stage",
                "consortium",
                "seeking",
                "summary",
            },
        ),
        (
            "cluster",
            {
                "name",
                "country",
                "type",
                "region",
                "sectors",
                "label",
                "eccp",
                "pic",
                "experience",
                "roles",
            },
        ),
        ("consortium", {"call", "request", "members", "rules"}),
        (
            "call",
            {
                "id",
                "programme",
                "title",
                "deadline",
                "timezone",
                "sources",
                "rules",
                # from the Funding & Tenders Portal (`calls fetch`, issue 20)
                "stages",
                "budget_rows",
                "portal",
                "type_of_action",
                "rules_from",
            },
        ),
    ],
)
def test_schema_has_contract_fields(cli: Cli, kind: str, fields: set[str]) -> None:
    result = cli("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert fields <= set(schema["properties"])
    assert schema["additionalProperties"] is False
