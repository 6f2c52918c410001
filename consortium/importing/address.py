"""The Partner Web Service's address and key, checked before anything is sent.

Users commit the files ``import`` writes and paste its messages into issues, so what the
address may hide (``user:password@``, a ``?token=``) is cut in one place, ``Address.shown``,
and only that is ever written or said (README, "Errors and limits"). The key travels in a
header: over plain ``http://`` anyone on the way reads it, so that is refused unless the
host is this machine; a key holding a line break or another control character would split
the header, so it is refused, never echoed.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from consortium.files.problems import Problem

_LOOPBACK_NAMES = ("localhost", "localhost.localdomain")
_SHAPE = "--base-url is not a web address like https://b2b.een.ec.europa.eu/v1: check it"


@dataclass(frozen=True)
class Address:
    """Where ``GET /profiles`` goes (``url``, as given, secrets and all), what may be shown
    of it (``shown``), and a note when the key goes over plain http to this machine."""

    url: str
    shown: str
    secrets: tuple[str, ...]
    note: str | None = None

    def redact(self, text: str) -> str:
        """``text`` (an error from the network library) without the address's secrets."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def service_address(base_url: str) -> Address | str:
    """The ``/profiles`` address under ``base_url`` (joined onto its path, before any
    query), or why it cannot be used (one line that quotes none of its secrets)."""
    try:
        parts = urlsplit(base_url.strip())
        host = parts.hostname
        _port = parts.port  # raises ValueError when malformed
    except ValueError:
        return _SHAPE
    if parts.scheme not in ("http", "https") or not host or not base_url.isprintable():
        return _SHAPE
    path = parts.path.rstrip("/") + "/profiles"
    netloc = parts.netloc.rpartition("@")[2]
    url = parts._replace(path=path, fragment="").geturl()
    shown = f"{parts.scheme}://{netloc}{path}"
    secrets = tuple(s for s in (parts.netloc.rpartition("@")[0], parts.query, parts.fragment) if s)
    if parts.scheme == "https":
        return Address(url, shown, secrets)
    if not _is_loopback(host):
        return (
            f"--base-url {shown}: refusing to send EEN_API_KEY over plain http:// to another "
            "machine (anyone on the way could read it): use https://"
        )
    note = f"--base-url {shown}: EEN_API_KEY goes over plain http:// (allowed: this machine)"
    return Address(url, shown, secrets, note)


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def key_problem(key: str) -> Problem | None:
    """Why ``key`` cannot go in a header, without quoting it (it is a secret), or None; about
    the environment variable, not a file."""
    if not key:
        why = (
            "set EEN_API_KEY to your organisation's Partner Web Service key "
            "(issued to EEN member organisations only)"
        )
    elif not key.isprintable():
        why = (
            "EEN_API_KEY holds a line break or another control character: "
            "set it again with the key alone"
        )
    elif not key.isascii():
        why = "EEN_API_KEY holds a character that is not ASCII: set it again with the key alone"
    else:
        return None
    return Problem(None, why, subject="EEN_API_KEY")
