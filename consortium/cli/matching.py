"""`consortium match` and `consortium suggest`: who would fill the gap, and why."""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli.common import (
    NowOption,
    TodayOption,
    checked_format,
    fail,
    fail_message,
    format_option,
    render,
    report_problems,
    resolve_now,
    say,
)
from consortium.report.formats import MATCH_CLUSTER, MATCH_REQUEST, SUGGEST
from consortium.text import closest, path_text, shorten

if TYPE_CHECKING:
    from consortium.catalogue import Listing
    from consortium.matching.suggest import Outcome
    from consortium.models import Call, Cluster

Top = Annotated[int | None, typer.Option("--top", min=1, help="Show the N best only.")]
Format = Annotated[str, typer.Option("--format", "-f", help="Output format.", metavar="FORMAT")]


def match(
    reference: Annotated[
        str | None, typer.Argument(help="The request to find partners for.", show_default=False)
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Rank the open requests this cluster could answer."),
    ] = None,
    requests: Annotated[Path, typer.Option("--dir", "-d", help="Folder of requests.")] = Path(
        "requests"
    ),
    clusters: Annotated[Path, typer.Option(help="Folder of cluster profiles.")] = Path("clusters"),
    calls: Annotated[Path | None, typer.Option(help="Folder of extra calls.")] = None,
    top: Top = None,
    output: Format = "table",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Rank the known clusters for what request REF seeks (hard criteria first, then a
    score explained part by part), or with --cluster ID the open requests it could answer."""
    from consortium.calls import known_calls
    from consortium.catalogue import find, load_catalogue
    from consortium.directory import known_clusters

    if (reference is None) == (cluster is None):
        fail_message("give a request reference, or --cluster ID (one of the two)")
    output = checked_format(MATCH_REQUEST if reference else MATCH_CLUSTER, output)
    instant = resolve_now(today, now)
    if not clusters.is_dir():
        fail_message(
            f"no folder of cluster profiles {path_text(clusters)}: give one with --clusters"
        )
    pool, pool_problems = known_clusters(clusters)
    items, item_problems = load_catalogue(requests, calls)
    report_problems(pool_problems + item_problems)
    if not pool:
        fail_message(f"no cluster profiles in {path_text(clusters)}/: add some or give --clusters")
    calls_known, _ = known_calls(calls or requests.parent / "calls")
    code = 2 if pool_problems or item_problems else 0
    if reference is not None:
        item = find(items, reference)
        if item is None:
            known = [i.request.reference for i in items]
            hint = closest(reference.strip().upper(), known, cutoff=0.5)
            fail_message(
                f"no request {shorten(reference)} in {path_text(requests)}/"
                + (f" (did you mean {hint}?)" if hint else "")
            )
        _match_request(item, calls_known, pool, instant, top, output, code)
    assert cluster is not None
    _match_cluster(cluster, pool, items, calls_known, instant, top, output, code)


def _match_request(
    item: "Listing",
    calls: "dict[str, Call]",
    pool: "dict[str, Cluster]",
    instant: datetime,
    top: int | None,
    output: str,
    code: int,
) -> None:
    from consortium.matching.rank import rank_clusters
    from consortium.matching.situation import for_request
    from consortium.views import RequestMatch

    if item.request.seeking is None:
        fail_message(
            f"request {item.request.reference} seeks no partner (no seeking:): nothing to match"
        )
    situation = for_request(item, calls, instant)
    ranking = rank_clusters(pool.items(), situation)
    render(MATCH_REQUEST, output, RequestMatch(item, situation, ranking, top, instant), code)


def _match_cluster(
    cluster_id: str,
    pool: "dict[str, Cluster]",
    items: "list[Listing]",
    calls: "dict[str, Call]",
    instant: datetime,
    top: int | None,
    output: str,
    code: int,
) -> None:
    from consortium.matching.rank import rank_requests
    from consortium.views import ClusterMatch

    found = pool.get(cluster_id.strip())
    if found is None:
        hint = closest(cluster_id, pool, cutoff=0.5)
        fail_message(
            f"no cluster '{shorten(cluster_id)}' among the profiles"
            + (f" (did you mean '{hint}'?)" if hint else "")
        )
    fitting, apart, closed = rank_requests(cluster_id.strip(), found, items, calls, instant)
    view = ClusterMatch(cluster_id.strip(), found, fitting, apart, closed, top, instant)
    render(MATCH_CLUSTER, output, view, code)


def suggest(
    path: Annotated[Path, typer.Argument(help="The consortium file.")] = Path("consortium.yaml"),
    apply: Annotated[
        int | None,
        typer.Option("--apply", min=1, help="Add suggestion N to the file as invited members."),
    ] = None,
    clusters: Annotated[
        Path | None, typer.Option(help="Cluster profiles (default: clusters/ beside the file).")
    ] = None,
    top: Top = None,
    output: Annotated[str, format_option(SUGGEST)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """The smallest sets of known clusters whose addition would complete the consortium,
    best first, with the rules each fixes; --apply N adds suggestion N as invited members."""
    from consortium.checks import check_file
    from consortium.directory import known_clusters
    from consortium.matching.suggest import suggest as find_suggestions
    from consortium.proposal import Folders
    from consortium.views import Suggestions

    instant = resolve_now(today, now)
    computed_on = _fingerprint(path) if apply is not None else ""
    report = check_file(path, instant, Folders(clusters=clusters))
    if isinstance(report, list):
        fail(report)
    folder = clusters or path.parent / "clusters"
    if clusters is not None and not folder.is_dir():
        fail_message(f"no folder of cluster profiles {path_text(folder)}: give one with --clusters")
    pool, problems = known_clusters(folder) if folder.is_dir() else ({}, [])
    report_problems(problems)
    outcome = find_suggestions(report, pool.items(), limit=top or 5)
    if outcome.stopped:  # bounded work: say what was not searched (JSON has it too)
        say(f"the search stopped early: {outcome.stopped}")
    if apply is not None:
        _apply(path, outcome, apply, computed_on)
    code = 0 if report.complete or outcome.suggestions else 1
    render(SUGGEST, output, Suggestions(report, outcome), 2 if problems else code)


def _fingerprint(path: Path) -> str:
    """The bytes the suggestion is computed on, taken before reading them for the check:
    `--apply` then refuses a file changed at any time since (README, "Errors and limits")."""
    from consortium.matching.apply import fingerprint
    from consortium.problems import Problem
    from consortium.yamlfile import read_bytes

    raw = read_bytes(path)
    return "" if isinstance(raw, Problem) else fingerprint(raw)


def _apply(path: Path, outcome: "Outcome", number: int, computed_on: str) -> None:
    from consortium.matching.apply import apply as apply_suggestion

    if number > len(outcome.suggestions):
        fail_message(f"no suggestion {number}: there are {len(outcome.suggestions)}")
    chosen = outcome.suggestions[number - 1]
    problem = apply_suggestion(path, chosen, computed_on)
    if problem is not None:
        fail([problem])
    added = ", ".join(f"{a.candidate.cluster_id} ({a.role})" for a in chosen.additions)
    say(f"added {added} to {path_text(path)} as invited; run `consortium check`")
    raise typer.Exit(0)
