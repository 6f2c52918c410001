"""Every view's formats, each a name → writer registry (as check-jsonschema's reporters).

A writer takes (value, stream). The CLI's ``--format`` choices come from these names, and
a writer's module is imported only when chosen, so machine formats never import Rich.
Each registry is typed by the view it writes (``Formats[RuleList]``): mypy checks that a
command renders the value its formats take.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TextIO, TypeVar

if TYPE_CHECKING:
    from consortium.check.runner import Report, Unchecked
    from consortium.files.validation import Validation
    from consortium.portal.listing import RefreshReport, TopicList
    from consortium.report.html.view import ReportPage
    from consortium.report.views import (
        CallList,
        CallView,
        ClusterList,
        ClusterMatch,
        ClusterView,
        DeadlineList,
        RequestList,
        RequestMatch,
        RequestView,
        RuleList,
        RuleView,
        Suggestions,
    )

View = TypeVar("View", contravariant=True)
Writer = Callable[[View, TextIO], None]


ALIASES = {"table": "text"}
"""Other names a user may type for a format, on every view: ``table`` is the people's view."""


class Formats(Generic[View]):
    """Format names of one view, each naming ``module:function`` of its writer.

    Every view uses the same names for the same thing (docs/formats.md): ``text`` for
    people (``table`` accepted too), ``json``, ``csv`` for lists, ``markdown``, and the
    machine formats of its own (``check``'s ``github``, ``junit``, ``sarif``).
    """

    def __init__(self, **writers: str) -> None:
        self._writers = writers

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._writers)

    def canonical(self, name: str) -> str | None:
        """The format ``name`` means on this view (``table`` is ``text``), or None."""
        wanted = name.strip().lower()
        wanted = ALIASES.get(wanted, wanted)
        return wanted if wanted in self._writers else None

    def accepted(self, extra: tuple[str, ...] = ()) -> str:
        """'text (or table), json, csv or markdown': what ``--format`` takes, in words."""
        from consortium.display.text import joined

        shown = [f"{n} (or table)" if n == "text" else n for n in (*extra, *self.names)]
        return joined(shown, "or")

    def writer(self, name: str) -> Writer[View]:
        module, _, function = self._writers[name].partition(":")
        writer: Writer[View] = getattr(import_module(f"consortium.report.{module}"), function)
        return writer


# html takes the page `consortium report` writes (built from the same report).
CHECK: Formats[Report | Unchecked | ReportPage] = Formats(
    text="check_text:write_check_text",
    json="check_machine:write_json",
    github="check_machine:write_github",
    markdown="check_machine:write_markdown",
    junit="check_machine:write_junit",
    sarif="check_sarif:write_sarif",
    html="html.page:write_html",
)
REQUEST_LIST: Formats[RequestList] = Formats(
    text="requests:write_table",
    json="requests:write_json",
    csv="requests:write_csv",
    markdown="requests:write_markdown",
)
REQUEST_SHOW: Formats[RequestView] = Formats(
    text="requests:show_text", json="requests:show_json", markdown="requests:show_markdown"
)
DEADLINES: Formats[DeadlineList] = Formats(
    text="deadlines:write_table",
    json="deadlines:write_json",
    csv="deadlines:write_csv",
    markdown="deadlines:write_markdown",
)
CALL_LIST: Formats[CallList] = Formats(
    text="calls:write_table",
    json="calls:write_json",
    csv="calls:write_csv",
    markdown="calls:write_markdown",
)
CALL_SHOW: Formats[CallView] = Formats(
    text="calls:show_text", json="calls:show_json", markdown="calls:show_markdown"
)
RULE_LIST: Formats[RuleList] = Formats(
    text="rules:write_table",
    json="rules:write_json",
    csv="rules:write_csv",
    markdown="rules:write_markdown",
)
RULE_SHOW: Formats[RuleView] = Formats(
    text="rules:show_text", json="rules:show_json", markdown="rules:show_markdown"
)
MATCH_REQUEST: Formats[RequestMatch] = Formats(
    text="matching:match_table",
    json="matching:match_json",
    csv="matching:match_csv",
    markdown="matching:match_markdown",
)
MATCH_CLUSTER: Formats[ClusterMatch] = Formats(
    text="openings:cluster_table",
    json="openings:cluster_json",
    csv="openings:cluster_csv",
    markdown="openings:cluster_markdown",
)
SUGGEST: Formats[Suggestions] = Formats(
    text="suggestions:suggest_text",
    json="suggestions:suggest_json",
    markdown="suggestions:suggest_markdown",
)
CLUSTER_LIST: Formats[ClusterList] = Formats(
    text="clusters:write_table",
    json="clusters:write_json",
    csv="clusters:write_csv",
    markdown="clusters:write_markdown",
)
CLUSTER_SHOW: Formats[ClusterView] = Formats(
    text="clusters:show_text", json="clusters:show_json", markdown="clusters:show_markdown"
)
# The portal's views (`calls search`, `calls refresh`) ask the network, so they are not in
# VIEWS (whose tests run every view offline); tests/test_portal.py runs each format.
TOPIC_LIST: Formats[TopicList] = Formats(
    text="portal:search_table",
    json="portal:search_json",
    csv="portal:search_csv",
    markdown="portal:search_markdown",
)
REFRESH: Formats[RefreshReport] = Formats(
    text="portal:refresh_text",
    json="portal:refresh_json",
    github="portal:refresh_github",
    markdown="portal:refresh_markdown",
)
VALIDATE: Formats[Validation] = Formats(
    text="validation:write_validation_text", github="validation:write_github"
)
VIEWS: dict[str, Formats[Any]] = {
    "check": CHECK,
    "requests list": REQUEST_LIST,
    "requests show": REQUEST_SHOW,
    "deadlines": DEADLINES,
    "calls list": CALL_LIST,
    "calls show": CALL_SHOW,
    "rules": RULE_LIST,
    "rules ID": RULE_SHOW,
    "match": MATCH_REQUEST,
    "match --cluster": MATCH_CLUSTER,
    "suggest": SUGGEST,
    "clusters list": CLUSTER_LIST,
    "clusters show": CLUSTER_SHOW,
    "validate": VALIDATE,
}
