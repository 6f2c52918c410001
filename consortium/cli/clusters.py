"""`consortium clusters list|show`: browse a folder of cluster profiles."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli import filters
from consortium.cli.common import (
    NowOption,
    TodayOption,
    fail_message,
    format_option,
    render,
    report_problems,
    resolve_now,
    say,
)
from consortium.cli.completion import cluster_ids
from consortium.cli.folders import ClustersFolder, OldDir, folder
from consortium.display.text import path_text, shorten
from consortium.report.formats import CLUSTER_LIST, CLUSTER_SHOW

if TYPE_CHECKING:
    from consortium.catalogue.clusters import Entry

app = typer.Typer(help="List and show cluster profiles.", no_args_is_help=True)


class Role(StrEnum):
    coordinator = "coordinator"
    partner = "partner"


def _directory(folder: Path) -> "tuple[list[Entry], bool]":
    """Every loadable profile; bad files reported on stderr, the rest kept."""
    from consortium.catalogue.clusters import load_directory

    if not folder.is_dir():
        fail_message(f"no such folder of clusters: {path_text(folder)} (give one with --clusters)")
    entries, problems = load_directory(folder)
    report_problems(problems)
    return entries, bool(problems)


@app.command("list")
def list_clusters(
    clusters: ClustersFolder = None,
    old_dir: OldDir = None,
    country: Annotated[
        list[str] | None, typer.Option("--country", "-c", help="Country code (repeatable).")
    ] = None,
    sector: Annotated[str | None, typer.Option(help="Word in a sector.")] = None,
    label: Annotated[
        str | None,
        typer.Option(
            help="At least this label (bronze, silver or gold), still valid on the day.",
            metavar="LEVEL",
            callback=filters.label_level,
        ),
    ] = None,
    role: Annotated[Role | None, typer.Option(help="Takes this role.")] = None,
    output: Annotated[str, format_option(CLUSTER_LIST)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """List the cluster profiles in clusters/ (or --clusters), by id.

    Exit 0 when every file loaded, 2 when some could not (the rest are still listed).
    """
    from consortium.catalogue.clusters import ClusterFilter
    from consortium.report.views import ClusterList

    instant = resolve_now(today, now)
    day, countries = instant.date(), filters.country_codes(country)
    where = folder("clusters", clusters, old_dir)
    entries, had_problems = _directory(where)
    chosen = ClusterFilter.of(countries, sector, label, role.value if role else None)
    kept = [e for e in entries if chosen.keeps(e, day)]
    code = 2 if had_problems else 0
    lapsed = sum(1 for e in entries if chosen.lapsed(e, day))
    if lapsed:
        say(
            f"left out {lapsed} cluster(s) whose {label} label or better lapsed "
            f"before {day.isoformat()}"
        )
    if not kept:
        sectors = [s for e in entries for s in e.cluster.sectors]
        filters.sector_known(sector, sectors)
        typed = filters.given(
            ("--country", countries),
            ("--sector", sector),
            ("--label", label),
            ("--role", role.value if role else None),
        )
        sentence = filters.nothing("cluster", typed, f"{path_text(where)}/")
        filters.empty(output, sentence, code, explained=had_problems and not entries)
    render(CLUSTER_LIST, output, ClusterList(kept, instant), code)


@app.command("show")
def show_cluster(
    cluster_id: Annotated[
        str,
        typer.Argument(help="The cluster's id, e.g. dk-vestenergi.", autocompletion=cluster_ids),
    ],
    clusters: ClustersFolder = None,
    old_dir: OldDir = None,
    output: Annotated[str, format_option(CLUSTER_SHOW)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Show every field of one cluster profile."""
    from consortium.catalogue.clusters import find_cluster
    from consortium.display.text import closest
    from consortium.report.views import ClusterView

    instant = resolve_now(today, now)
    where = folder("clusters", clusters, old_dir)
    entries, _ = _directory(where)
    found = find_cluster(entries, cluster_id)
    if found is None:
        close = closest(cluster_id.strip().lower(), [e.id for e in entries])
        hint = f"did you mean {close}?" if close else "see `consortium clusters list`"
        fail_message(f"no cluster {shorten(cluster_id)} in {path_text(where)}/: {hint}")
    render(CLUSTER_SHOW, output, ClusterView(found, instant))
