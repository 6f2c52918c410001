"""A profile's link (``import https://een.ec.europa.eu/partnering-opportunities/...``).

The page is fetched with the bounds of the Partner Web Service client (``fetch``): the
whole answer, redirects included, must arrive within the timeout; the body is streamed
and refused past ``MAX_PAGE_BYTES`` once inflated; redirects are followed by hand, at most
``MAX_REDIRECTS``, and only within the same site (the same host, http to https allowed),
so a link cannot send the importer elsewhere. Every failure is one line naming the link.
What arrives is read as a saved page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_PAGE_BYTES = 8 * 1024 * 1024
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Page:
    """A fetched page's text."""

    text: str


def is_link(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def shown(url: str) -> str:
    """The link without user info, query or fragment: what may be written and said."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    return f"{parts.scheme}://{host}{parts.path}"


def fetch_page(url: str, timeout: float, clock: Callable[[], float]) -> Page | str:
    """The page, or why there is none (one line naming the link)."""
    import httpx

    from consortium.importing.fetch import _Late, _TooLarge, read_body

    name = shown(url)
    problem = _address_problem(url)
    if problem:
        return f"{name}: {problem}"
    deadline = clock() + timeout
    headers = {"Accept": "text/html,application/xhtml+xml", "User-Agent": "consortium-import"}
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url, headers=headers) as response:
                    if response.is_redirect:
                        target = urljoin(url, response.headers.get("location", ""))
                        if not _same_site(url, target):
                            return (
                                f"{name}: redirected to another site ({shown(target)}): "
                                "not followed; open the link in a browser and save the page"
                            )
                        url = target
                        continue
                    if response.status_code != 200:
                        return (
                            f"{name}: the site answered HTTP {response.status_code}: check the link"
                        )
                    kind = response.headers.get("content-type", "text/html").lower()
                    if "html" not in kind and "text/plain" not in kind:
                        return f"{name}: not a web page ({kind.split(';')[0]}): check the link"
                    body = read_body(response, MAX_PAGE_BYTES, deadline, clock)
                    return Page(body.decode(response.encoding or "utf-8", "replace"))
            return f"{name}: more than {MAX_REDIRECTS} redirects: stopped"
    except (httpx.TimeoutException, _Late):
        return f"{name}: no whole answer within {timeout:g} s: try again or save the page"
    except _TooLarge:
        return (
            f"{name}: the page is larger than {MAX_PAGE_BYTES // 1024 // 1024} MiB: not a profile"
        )
    except httpx.HTTPError as exc:
        why = type(exc).__name__
        return f"{name}: cannot reach the site ({why}): check the link and your connection"


def _address_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        _port = parts.port
    except ValueError:
        return "not a web address: check the link"
    if parts.scheme not in ("http", "https") or not parts.hostname or not url.isprintable():
        return "not a web address: check the link"
    return None


def _same_site(start: str, target: str) -> bool:
    old, new = urlsplit(start), urlsplit(target)
    if new.scheme not in ("http", "https") or not new.hostname:
        return False
    upgrade = old.scheme == new.scheme or (old.scheme, new.scheme) == ("http", "https")
    return (
        upgrade
        and old.hostname == new.hostname
        and (old.port == new.port or new.scheme != old.scheme)
    )
