"""Whether the call's consortium conditions are encoded at all."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity, fixed_by_adding

ID = "call-rules"
SEVERITY: Severity = "warning"
unfixable = fixed_by_adding


def check(ctx: Context) -> Iterator[Hit]:
    """call-rules: a call whose consortium conditions are not encoded is named; no check of
    it passes as complete, only provisionally (and ``--strict`` fails).

    A built-in call states whether its rules are the call document's
    (``rules_verified``): a one-member consortium must not read as complete because the
    conditions that would fail it are missing. Write the conditions in
    ``calls/<id>.yaml`` with ``rules_verified: true`` once read in the call document.
    Source: the Euroclusters call's conditions were not found (docs/sources.md,
    "Euroclusters").
    """
    call = ctx.proposal.call
    if not call.rules_verified:
        yield ctx.at_key(
            f"{call.id}'s consortium conditions are not encoded: the verdict holds only as "
            "far as the encoded rules go; check the call document, then write the "
            f"conditions in calls/{call.id}.yaml with rules_verified: true",
            "call",
        )
