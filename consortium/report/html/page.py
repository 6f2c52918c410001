"""Render the report page: the template's values from a ``ReportPage``, then jinja2 with
autoescape, so every value from a file reaches the page as text (``<script>`` in a
cluster's name is shown, never run). Control characters and the like are made visible
first (``text.visible``), as in every other view."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from consortium.display.text import path_text, visible
from consortium.facts.deadlines import stamp
from consortium.report.html import sections
from consortium.report.html.tiles import tile_map
from consortium.report.html.view import ReportPage

if TYPE_CHECKING:
    from jinja2 import Environment, Template

    from consortium.check.runner import Report


def write_html(page: ReportPage, stream: TextIO) -> None:
    """The page on ``stream`` (`check --format html`)."""
    stream.write(page_html(page))


def page_html(page: ReportPage) -> str:
    return _template().render(page_values(page))


def page_values(page: ReportPage) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
    from consortium.check.runner import Unchecked

    report = page.report
    common = {
        "generated": stamp(page.now),
        "version": page.version,
        "sources": page.sources,
        "file": path_text(report.path if isinstance(report, Unchecked) else report.proposal.path),
    }
    if isinstance(report, Unchecked):
        problems = [
            {"where": f"{p.place}:{p.line or 1}", "message": p.message} for p in report.problems
        ]
        return {**common, "checked": False, "problems": problems, "verdict": _unchecked()}
    return {**common, "checked": True, **_checked(report, page)}


def _unchecked() -> dict[str, str]:
    return {
        "kind": "not-checkable",
        "word": "Not checkable",
        "headline": "Not checkable:",
        "sentence": "the consortium could not be checked; fix the problems below",
    }


def _checked(report: Report, page: ReportPage) -> dict[str, Any]:
    from consortium.check.rules import Context

    proposal = report.proposal
    eligible = Context(proposal, report.now).allowed
    wanted = sections.wanted_countries(page.outcome)
    members = [(m.cluster.country, m.spec.role, m.spec.status) for m in proposal.members]
    return {
        "verdict": sections.verdict(report),
        "call": sections.call_values(proposal.call, proposal.rules, proposal.call_deadline),
        "request": sections.request_values(proposal.request),
        "members": sections.member_rows(proposal.members, report.now, proposal.call_deadline),
        "map": tile_map(members, eligible, wanted),
        "timeline": sections.timeline_of(report),
        "findings": sections.finding_groups(report),
        "suggestions": sections.suggestion_values(page.outcome),
    }


def _shown(value: Any) -> Any:
    """Every value the template prints, before autoescape: file text made visible."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


@cache
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("consortium.report.html", "templates"),
        autoescape=True,
        finalize=_shown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _template() -> Template:
    return _environment().get_template("report.html.j2")
