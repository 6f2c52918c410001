"""The portal's two addresses, asked through the tool's one bounded fetch.

Search: ``POST {search}?apiKey=SEDIA&text=...&pageSize=100&pageNumber=N`` with a
``multipart/form-data`` body whose parts ``query``, ``languages`` and ``sort`` are each a
*file part* of type ``application/json`` (as a plain form field the API answers 500; in the
address ``query`` is ignored). ``languages`` is always sent (without it each record comes
once per translation) and so is ``sort`` (the default order pages unstably). Pages must add
up to ``totalResults``. Topic: ``GET {topics}/<identifier in lower case>.json``.
Each answer is streamed and bounded (``importing.fetch.bounded_answer``); nothing is asked
unless a command asks for it (docs/sources.md, "Funding & Tenders Portal").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from consortium.importing.address import Address
from consortium.importing.fetch import Limits, Patience, Send, bounded_answer

SEARCH_URL = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"
TOPICS_URL = "https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails"
PAGE_SIZE = 100  # the API's cap
SORT = {"field": "identifier", "order": "ASC"}
MiB = 1024 * 1024


@dataclass(frozen=True)
class Portal:
    """Where to ask and how patiently: tests and mirrors point the addresses elsewhere."""

    search: Address
    topics: Address
    patience: Patience = field(
        default_factory=lambda: Patience(
            limits=Limits(answer_bytes=32 * MiB, pages=100, total_bytes=256 * MiB),
            hint="check CONSORTIUM_PORTAL_SEARCH and CONSORTIUM_PORTAL_TOPICS",
        )
    )


def address(value: str, name: str) -> Address | str:
    """``value`` as an address to ask (http or https, nothing hidden in it), or one line
    naming the environment variable ``name`` that gave it."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value.strip())
        _port = parts.port
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or not value.isprintable()
        or "@" in parts.netloc
    ):
        return f"{name} is not a web address like https://host/path: check it"
    url = parts._replace(query="", fragment="").geturl().rstrip("/")
    return Address(url, url, ())


class Session:
    """One command's conversation with the portal: one HTTP client, the caller's clock."""

    def __init__(
        self, portal: Portal, clock: Callable[[], float], sleep: Callable[[float], None]
    ) -> None:
        import httpx

        self.portal, self.clock, self.sleep = portal, clock, sleep
        timeout = httpx.Timeout(portal.patience.timeout)
        headers = {"Accept": "application/json"}
        self.client = httpx.Client(timeout=timeout, headers=headers, follow_redirects=False)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def _ask(self, send: Send, where: Address) -> tuple[int, Any] | str:
        from consortium.importing.pws import load_json

        answer = bounded_answer(
            self.client, send, self.portal.patience, where, self.clock, self.sleep
        )
        if isinstance(answer, str):
            return answer
        status, body = answer
        data = load_json(body) if body else None
        return status, (None if isinstance(data, str) and status != 200 else data)

    def search(self, query: dict[str, Any], text: str = "***") -> Iterator[list[Any] | str]:
        """Each page's records in turn, then, if the pages did not add up to the total the
        API announced or an answer was not one, a line saying so (and nothing after)."""
        where = self.portal.search
        seen, total = 0, None
        for number in range(1, self.portal.patience.limits.pages + 1):
            params = {"apiKey": "SEDIA", "text": text, "pageSize": PAGE_SIZE, "pageNumber": number}
            send = Send("POST", _url(where.url, params), {"files": _parts(query)})
            answer = self._ask(send, where)
            page = _page(answer, where.shown)
            if isinstance(page, str):
                yield page
                return
            records, announced = page
            total = announced if total is None else total
            seen += len(records)
            yield records
            if seen >= total or not records:
                if seen != total:
                    yield (
                        f"{where.shown}: the pages held {seen} results, the portal announced "
                        f"{total}: the index changed while paging; try again"
                    )
                return
        yield f"{where.shown}: still more pages after {self.portal.patience.limits.pages}: stopped"

    def topic(self, identifier: str) -> Any | str | None:
        """The topic JSON, None when the portal has no page for it, or why there is none."""
        where = self.portal.topics
        url = f"{where.url}/{_safe(identifier.lower())}.json"
        answer = self._ask(Send("GET", url), Address(url, url, ()))
        if isinstance(answer, str):
            return answer
        status, data = answer
        if status == 404:
            return None
        if status != 200:
            return f"{url}: unexpected answer HTTP {status}{_said(data)}"
        if isinstance(data, str) or not isinstance(data, dict):
            return f"{url}: the answer {data if isinstance(data, str) else 'is no topic'}"
        return data


def _url(base: str, params: dict[str, Any]) -> Any:
    import httpx

    return httpx.URL(base).copy_merge_params(params)


def _parts(query: dict[str, Any]) -> dict[str, tuple[str, bytes, str]]:
    """The three parameters as file parts of type application/json, as the API wants."""
    values = {"query": query, "languages": ["en"], "sort": SORT}
    return {
        name: ("blob", json.dumps(value).encode(), "application/json")
        for name, value in values.items()
    }


def _page(answer: tuple[int, Any] | str, shown: str) -> tuple[list[Any], int] | str:
    if isinstance(answer, str):
        return answer
    status, data = answer
    if status != 200:
        return f"{shown}: the portal refused the search (HTTP {status}{_said(data)})"
    if isinstance(data, str):
        return f"{shown}: the answer {data}: check CONSORTIUM_PORTAL_SEARCH"
    total = data.get("totalResults") if isinstance(data, dict) else None
    records = data.get("results") if isinstance(data, dict) else None
    if not isinstance(total, int) or isinstance(total, bool) or not isinstance(records, list):
        return (
            f"{shown}: the answer is not a search result the tool knows "
            "(no totalResults and results): check CONSORTIUM_PORTAL_SEARCH"
        )
    return records, total


def _said(data: Any) -> str:
    """': Invalid Query format': what the API said of a refusal, when it said something."""
    from consortium.display.text import shorten, visible

    if isinstance(data, dict):
        message = data.get("message") or data.get("type")
        if isinstance(message, str) and message.strip():
            return f": {shorten(visible(message.strip()), 200)}"
    return ""


def _safe(identifier: str) -> str:
    """The identifier as one path segment: letters, digits, '-', '_' and '.' only."""
    from urllib.parse import quote

    return quote(identifier.strip(), safe="")
