"""The EEN Partner Web Service client: ``GET {base}/profiles``, page by page.

As the service's user guide has it (docs/sources.md): the organisation's key goes in the
``X-API-KEY`` header (keys are issued to EEN member organisations only), pages are asked
with ``PageIndex`` (from 1) and ``PageSize`` (up to 200), and the answer's
``data.pagingInfo.hasNext`` says whether another page follows. httpx gives the timeouts and
keep-alive; a 5xx or a timeout is tried again a few times, waiting longer each time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

PAGE_SIZE = 200
MAX_PAGES = 1000  # 200 000 profiles: far more than the EEN holds; a loop guard
_REFUSED = "key refused or this address is not allowed"


@dataclass(frozen=True)
class Query:
    base_url: str
    key: str
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubled each time

    @property
    def url(self) -> str:
        return f"{self.base_url}/profiles"


def fetch(query: Query, sleep: Callable[[float], None] = time.sleep) -> Iterator[list[Any] | str]:
    """Each page's items in turn; a string (one line) says why fetching stopped."""
    import httpx

    headers = {"X-API-KEY": query.key, "Accept": "application/json"}
    with httpx.Client(headers=headers, timeout=query.timeout) as client:
        for index in range(1, MAX_PAGES + 1):
            params = {"PageIndex": index, "PageSize": PAGE_SIZE}
            answer = _get(client, query, params, sleep)
            if isinstance(answer, str):
                yield answer
                return
            page = _page(answer, query.url)
            yield page[0]
            if isinstance(page[0], str) or not page[1]:
                return
    yield f"{query.url}: still more pages after {MAX_PAGES}: stopped"


def _get(client: Any, query: Query, params: dict[str, int], sleep: Callable[[float], None]) -> Any:
    """The answer's JSON, or why there is none; 5xx and timeouts are tried again."""
    import httpx

    last = ""
    for attempt in range(query.retries + 1):
        if attempt:
            sleep(query.backoff * 2 ** (attempt - 1))
        try:
            response = client.get(query.url, params=params)
        except httpx.TimeoutException:
            last = f"{query.url}: no answer within {query.timeout:g} s"
            continue
        except httpx.HTTPError as exc:
            return f"{query.url}: cannot reach the service ({type(exc).__name__}: {exc})"
        if response.status_code >= 500:
            last = f"{query.url}: the service failed (HTTP {response.status_code})"
            continue
        return _answer(response, query.url)
    tries = query.retries + 1
    return f"{last} ({tries} {'try' if tries == 1 else 'tries'})"


def _answer(response: Any, url: str) -> Any:
    if response.status_code in (401, 403):
        return f"{url}: {_REFUSED} (HTTP {response.status_code}): check EEN_API_KEY"
    if response.status_code != 200:
        return f"{url}: unexpected answer HTTP {response.status_code}: check --base-url"
    try:
        return response.json()
    except ValueError:
        return f"{url}: the answer is not JSON: check --base-url"


def _page(answer: Any, url: str) -> tuple[list[Any] | str, bool]:
    """The page's items and whether another page follows."""
    from consortium.importing.pws import items_in

    items = items_in(answer)
    if isinstance(items, str):
        return f"{url}: the answer {items.removeprefix('is JSON but ')}", False
    paging = answer["data"].get("pagingInfo")
    has_next = isinstance(paging, dict) and paging.get("hasNext") is True
    return items, has_next
