"""JSON Schema of each kind of file, generated from the models so it never drifts."""

from __future__ import annotations

from typing import Any

from consortium.kinds import FILE_KINDS


def json_schema(kind: str) -> dict[str, Any]:
    model = FILE_KINDS[kind]
    schema = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://consortium.invalid/schema/{kind}.json",
        "title": f"consortium {kind} file",
        **{k: v for k, v in schema.items() if k != "title"},
    }
