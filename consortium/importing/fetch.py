"""The EEN Partner Web Service client: ``GET {base}/profiles``, page by page, bounded.

As the service's user guide has it (docs/sources.md): the organisation's key goes in the
``X-API-KEY`` header (keys are issued to EEN member organisations only), pages are asked
with ``PageIndex`` (from 1) and ``PageSize`` (up to 200), and the answer's
``data.pagingInfo.hasNext`` says whether another page follows. A 5xx or a timeout is tried
again a few times, waiting longer each time up to a ceiling.

The service, or whatever answers at ``--base-url``, cannot exhaust us (README, "Errors and
limits"): each answer is streamed, inflated chunk by chunk and refused past
``Limits.answer_bytes`` (a small gzip body can inflate to gigabytes); the whole answer,
body included, must arrive within the timeout (httpx bounds each read, so a byte every
second would otherwise never time out); pages are handed over one at a time, so the caller
imports each before the next is asked, and pages, profiles and bytes are counted against
``Limits``. A page with no items ends the fetch, whatever ``hasNext`` says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from consortium.importing.address import Address

PAGE_SIZE = 200
MiB = 1024 * 1024
_REFUSED = "key refused or this address is not allowed"


@dataclass(frozen=True)
class Limits:
    """The most one ``--from-een`` run may cost, whatever the service sends.

    The defaults leave room for the whole EEN (tens of thousands of profiles; a page of 200
    full profiles is about 2 MB) and stop a hostile or broken service long before memory
    or patience run out."""

    answer_bytes: int = 16 * MiB  # one answer once inflated
    pages: int = 1000
    items: int = 200_000
    total_bytes: int = 512 * MiB  # every answer of the run, inflated
    backoff_ceiling: float = 30.0  # seconds between two tries, at most


@dataclass(frozen=True)
class Query:
    address: Address
    key: str
    timeout: float = 30.0  # seconds for a whole answer, body included
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    limits: Limits = field(default_factory=Limits)


class _Late(Exception):
    """The answer did not arrive in full within the timeout."""


class _TooLarge(Exception):
    """The answer, inflated, is larger than the limit."""


def fetch(
    query: Query, clock: Callable[[], float], sleep: Callable[[float], None]
) -> Iterator[list[dict[str, Any]] | str]:
    """Each page's items in turn; a string (one line) says why fetching stopped early.
    ``clock`` is a monotonic clock in seconds, ``sleep`` waits (both given by the caller)."""
    import httpx

    limits, shown = query.limits, query.address.shown
    headers = {"X-API-KEY": query.key, "Accept": "application/json"}
    total_bytes = total_items = 0
    timeout = httpx.Timeout(query.timeout)
    with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False) as client:
        for index in range(1, limits.pages + 1):
            params = {"PageIndex": index, "PageSize": PAGE_SIZE}
            answer = _get(client, query, params, clock, sleep)
            if isinstance(answer, str):
                yield answer
                return
            body, data = answer
            page = _page(data, shown)
            if isinstance(page, str):
                yield page
                return
            items, has_next = page
            total_items += len(items)
            total_bytes += body
            if total_items > limits.items:
                yield items[: len(items) - (total_items - limits.items)]
                yield f"{shown}: more than {limits.items} profiles: stopped"
                return
            yield items
            if not items or not has_next:
                return
            if total_bytes > limits.total_bytes:
                yield f"{shown}: more than {limits.total_bytes // MiB} MiB of answers: stopped"
                return
    yield f"{shown}: still more pages after {limits.pages}: stopped"


def _get(
    client: Any,
    query: Query,
    params: dict[str, int],
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> tuple[int, Any] | str:
    """The answer's size and JSON, or why there is none; 5xx and timeouts are tried again."""
    import httpx

    shown, limits = query.address.shown, query.limits
    last = ""
    for attempt in range(query.retries + 1):
        if attempt:
            sleep(min(query.backoff * 2.0 ** min(attempt - 1, 32), limits.backoff_ceiling))
        try:
            status, body = _read(client, query, params, clock)
        except (httpx.TimeoutException, _Late):
            last = f"{shown}: no answer within {query.timeout:g} s"
            continue
        except _TooLarge:
            return (
                f"{shown}: the answer is larger than {limits.answer_bytes // MiB} MiB "
                "once unpacked: stopped (check --base-url)"
            )
        except httpx.HTTPError as exc:
            why = query.address.redact(f"{type(exc).__name__}: {exc}")
            return f"{shown}: cannot reach the service ({why})"
        if status >= 500:
            last = f"{shown}: the service failed (HTTP {status})"
            continue
        return _answer(status, body, shown)
    tries = query.retries + 1
    return f"{last} ({tries} {'try' if tries == 1 else 'tries'})"


def _read(
    client: Any, query: Query, params: dict[str, int], clock: Callable[[], float]
) -> tuple[int, bytes]:
    """The status and, for a 200, the inflated body: streamed, refused past the size limit
    or the deadline (checked between chunks; httpx's own timeout bounds each wait)."""
    import httpx

    deadline = clock() + query.timeout
    cap = query.limits.answer_bytes
    url = httpx.URL(query.address.url).copy_merge_params(params)  # params= drops ?token=
    with client.stream("GET", url) as response:
        if response.status_code != 200:
            return response.status_code, b""
        return 200, read_body(response, cap, deadline, clock)


def read_body(response: Any, cap: int, deadline: float, clock: Callable[[], float]) -> bytes:
    """A streamed answer's body, inflated chunk by chunk: ``_TooLarge`` past ``cap`` bytes,
    ``_Late`` past ``deadline`` (checked between chunks). Shared with the page links."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise _TooLarge
        if clock() > deadline:
            raise _Late
        chunks.append(chunk)
    return b"".join(chunks)


def _answer(status: int, body: bytes, shown: str) -> tuple[int, Any] | str:
    from consortium.importing.pws import load_json

    if status in (401, 403):
        return f"{shown}: {_REFUSED} (HTTP {status}): check EEN_API_KEY"
    if status != 200:
        return f"{shown}: unexpected answer HTTP {status}: check --base-url"
    data = load_json(body)
    if isinstance(data, str):
        return f"{shown}: the answer {data}: check --base-url"
    return len(body), data


def _page(answer: Any, shown: str) -> tuple[list[dict[str, Any]], bool] | str:
    """The page's items and whether another page follows."""
    from consortium.importing.pws import items_in

    items = items_in(answer)
    if isinstance(items, str):
        return f"{shown}: the answer {items.removeprefix('is JSON but ')}"
    paging = answer["data"].get("pagingInfo")
    has_next = isinstance(paging, dict) and paging.get("hasNext") is True
    return items, has_next
