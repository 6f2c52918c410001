"""`consortium rules [ID]`: what each check rule checks, its default severity and source."""

from typing import Annotated

import typer

from consortium.cli.common import checked_format, fail_message, render
from consortium.display.text import did_you_mean, shorten
from consortium.report.formats import RULE_LIST, RULE_SHOW


def rules(
    rule_id: Annotated[
        str | None, typer.Argument(help="A rule id, e.g. coordinator-label.", show_default=False)
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text (or table), json, csv or markdown (one rule: text, json or markdown).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List every rule of `consortium check` (id, severity, what it checks), or show one in
    full: its description, source and a passing and a failing example."""
    from consortium.check.rules import REGISTRY
    from consortium.report.views import RuleList, RuleView

    formats = RULE_LIST if rule_id is None else RULE_SHOW
    chosen = checked_format(formats, output)
    if rule_id is None:
        render(RULE_LIST, chosen, RuleList(list(REGISTRY.values())))
    rule = REGISTRY.get(rule_id.strip().lower())
    if rule is None:
        fail_message(
            f"no rule '{shorten(rule_id)}'{did_you_mean(rule_id, REGISTRY)}: see `consortium rules`"
        )
    render(RULE_SHOW, chosen, RuleView(rule))
