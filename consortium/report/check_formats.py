"""The formats `consortium check --format` offers: a name → writer registry.

The CLI's choices come from ``FORMATS``; each writer is imported only when chosen, so
the machine formats never import Rich.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from consortium.checks import Report

Writer = Callable[["Report", TextIO], None]

WRITERS: dict[str, tuple[str, str]] = {
    "text": ("consortium.report.check_text", "write_text"),
    "json": ("consortium.report.check_machine", "write_json"),
    "github": ("consortium.report.check_machine", "write_github"),
    "markdown": ("consortium.report.check_machine", "write_markdown"),
    "junit": ("consortium.report.check_machine", "write_junit"),
}
FORMATS = tuple(WRITERS)


def writer(name: str) -> Writer:
    module, attribute = WRITERS[name]
    return cast(Writer, getattr(import_module(module), attribute))
