"""JSON Schema of each kind of file, generated from the models so it never drifts."""

from __future__ import annotations

from typing import Any

from consortium.files.kinds import FILE_KINDS


def json_schema(kind: str) -> dict[str, Any]:
    model = FILE_KINDS[kind]
    schema = _with_country_codes(model.model_json_schema())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://consortium.invalid/schema/{kind}.json",
        "title": f"consortium {kind} file",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _with_country_codes(node: Any) -> Any:
    """Every country field lists the codes `validate` accepts, so editors and the tool agree
    on `ZZ` as on `FR` (the models mark those fields; the table is read only here)."""
    from consortium.facts.countries import country_names
    from consortium.models.fields import COUNTRY_CODE

    if isinstance(node, dict):
        if node.get("description") == COUNTRY_CODE:
            return {**node, "enum": sorted(country_names())}
        return {k: _with_country_codes(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_with_country_codes(v) for v in node]
    return node
