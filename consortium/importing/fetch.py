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

    url = httpx.URL(query.address.url).copy_merge_params(params)  # params= drops ?token=
    patience = Patience(query.timeout, query.retries, query.backoff, query.limits)
    answer = bounded_answer(client, Send("GET", url), patience, query.address, clock, sleep)
    if isinstance(answer, str):
        return answer
    return _answer(answer[0], answer[1], query.address.shown)


@dataclass(frozen=True)
class Patience:
    """How long one answer may take, how often it is tried again, and how large it may be."""

    timeout: float = 30.0  # seconds for a whole answer, body included
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    limits: Limits = field(default_factory=Limits)
    hint: str = "check --base-url"  # what to do when the answer is too large


@dataclass(frozen=True)
class Send:
    """One request: method, address and what ``httpx`` sends with it (``files=`` for a
    multipart body), built again for each try."""

    method: str
    url: Any
    options: dict[str, Any] = field(default_factory=dict)


def bounded_answer(
    client: Any,
    send: Send,
    patience: Patience,
    address: Address,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> tuple[int, bytes] | str:
    """The status and body (inflated, bounded) of the first answer that is not a 5xx, or
    one line saying why there is none. Timeouts and 5xx are tried again, waiting longer
    each time up to ``Limits.backoff_ceiling``; every other status is the caller's to read.
    The one bounded fetch every client of the tool shares (the Partner Web Service, the
    Funding & Tenders Portal)."""
    import httpx

    shown, limits = address.shown, patience.limits
    last = ""
    for attempt in range(patience.retries + 1):
        if attempt:
            sleep(min(patience.backoff * 2.0 ** min(attempt - 1, 32), limits.backoff_ceiling))
        try:
            status, body = _read(client, send, patience, clock)
        except (httpx.TimeoutException, _Late):
            last = f"{shown}: no answer within {patience.timeout:g} s"
            continue
        except _TooLarge:
            return (
                f"{shown}: the answer is larger than {limits.answer_bytes // MiB} MiB "
                f"once unpacked: stopped ({patience.hint})"
            )
        except httpx.HTTPError as exc:
            why = address.redact(f"{type(exc).__name__}: {exc}")
            return f"{shown}: cannot reach the service ({why})"
        if status >= 500:
            last = f"{shown}: the service failed (HTTP {status})"
            continue
        return status, body
    tries = patience.retries + 1
    return f"{last} ({tries} {'try' if tries == 1 else 'tries'})"


def _read(
    client: Any, send: Send, patience: Patience, clock: Callable[[], float]
) -> tuple[int, bytes]:
    """The status and the inflated body: streamed, refused past the size limit or the
    deadline (checked between chunks; httpx's own timeout bounds each wait). A 5xx body is
    not read: it is tried again."""
    deadline = clock() + patience.timeout
    cap = patience.limits.answer_bytes
    with client.stream(send.method, send.url, **send.options) as response:
        if response.status_code >= 500:
            return response.status_code, b""
        body = read_body(response, cap, deadline, clock)
    return response.status_code, body


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
