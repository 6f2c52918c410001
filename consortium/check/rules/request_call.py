"""Whether the request a consortium answers was made for the same, known call."""

from __future__ import annotations

from collections.abc import Iterator

from consortium.check.context import Context, Hit, Severity
from consortium.display.text import did_you_mean, shorten

ID = "request-call"
SEVERITY: Severity = "error"


def unfixable(ctx: Context) -> str | None:
    """No added member fixes this: answer a request for this call."""
    return "answer a request for this call"


def check(ctx: Context) -> Iterator[Hit]:
    """request-call: the request answered names this consortium's call, and a known one.

    An error where the request was made for another call (the consortium answers the wrong
    partner search); a warning where the request names a call id the tool does not know,
    with the closest known id (a typo in the request file).
    Source: EEN Partnering Profile Quality Guidelines (an R&D request states the call's
    title and identifier; docs/sources.md).
    """
    request, call = ctx.proposal.request, ctx.proposal.call
    if request is None or request.call_id is None:
        return
    named = request.call_id
    if isinstance(request.call, str) and named not in ctx.proposal.known_calls:
        hint = did_you_mean(named, ctx.proposal.known_calls, cutoff=0.5)
        yield ctx.at_key(
            f"request {request.reference} names the call '{shorten(named)}', which is unknown"
            f"{hint}: correct the request's call:, or add the call to calls/",
            "request",
            severity="warning",
        )
    elif named != call.id:
        yield ctx.at_key(
            f"request {request.reference} was made for {shorten(named)}, this consortium is "
            f"for {call.id}: answer a request for the same call, or correct call:",
            "request",
        )
