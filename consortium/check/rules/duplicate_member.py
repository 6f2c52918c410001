"""The same cluster listed twice."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, describe

ID = "duplicate-member"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: remove the duplicate."""
    return "remove the duplicate"


def check(ctx: Context) -> Iterator[Hit]:
    """duplicate-member: each cluster appears once.

    A duplicate inflates the partner and country counts.
    Source: docs/formats.md (rule ids); COS-CLUSTER-2018-03-02 counts legal entities.
    """
    first_line: dict[str, int] = {}
    for member in ctx.members:
        key = member.cluster_id
        if key in first_line:
            yield ctx.at_member(
                member,
                f"{describe(member)} is listed again (first on line {first_line[key]}): remove one",
            )
        else:
            first_line[key] = member.line
