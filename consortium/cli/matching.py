"""`consortium match` and `consortium suggest`: who would fill the gap, and why."""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consortium.cli import filters
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
from consortium.cli.folders import (
    BESIDE_FILE,
    CallsBesideRequests,
    ClustersFolder,
    ConsortiumPath,
    OldDir,
    RequestsFolder,
    chosen,
    consortium_file,
    folder,
    folder_option,
)
from consortium.display.text import closest, path_text, shorten
from consortium.report.formats import MATCH_CLUSTER, MATCH_REQUEST, SUGGEST

if TYPE_CHECKING:
    from consortium.catalogue.requests import Listing
    from consortium.matching.situation import Situation
    from consortium.matching.suggest import SuggestionResult
    from consortium.models import Call, Cluster
    from consortium.proposal.resolve import Proposal

Top = Annotated[int | None, typer.Option("--top", min=1, help="Show the N best only.")]
Format = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="text (or table), json, csv or markdown.", show_default=False
    ),
]


def match(
    reference: Annotated[
        str | None,
        typer.Argument(
            help="The request to find partners for (default: the consortium's request).",
            show_default=False,
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Rank the open requests this cluster could answer."),
    ] = None,
    consortium: Annotated[
        Path | None,
        typer.Option(
            "--consortium",
            metavar="FILE",
            help="Rank against this consortium's members (default: consortium.yaml found "
            "in this folder or above; none outside a proposal).",
            show_default=False,
        ),
    ] = None,
    requests: RequestsFolder = None,
    clusters: ClustersFolder = None,
    calls: CallsBesideRequests = None,
    old_dir: OldDir = None,
    top: Top = None,
    output: Format = None,
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """Rank the known clusters for what request REF seeks (hard criteria first, then a
    score explained part by part), or with --cluster ID the open requests it could answer.

    Inside a proposal, candidates are judged against the consortium's members (the
    countries they cover, the coordinator they have), and members are left out."""
    from consortium.calls.known import known_calls
    from consortium.catalogue.clusters import known_clusters
    from consortium.catalogue.requests import find, load_catalogue

    given_requests = chosen("requests", requests, old_dir)
    path = None if cluster else _consortium_path(consortium)
    folders = (clusters, given_requests, calls)
    proposal, code = None, 0
    if reference is None and cluster is None and path is not None:
        proposal, code = _proposal(path, consortium is not None, *folders)
        reference = proposal.request.reference if proposal and proposal.request else None
    if (reference is None) == (cluster is None):
        fail_message("give a request reference, or --cluster ID (one of the two)")
    output = checked_format(MATCH_REQUEST if reference else MATCH_CLUSTER, output)
    instant = resolve_now(today, now)
    base = path.parent if path else None
    requests = folder("requests", given_requests, base=base)
    clusters = folder("clusters", clusters, base=base)
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
    code = 2 if pool_problems or item_problems else code
    if reference is None:
        assert cluster is not None
        _match_cluster(cluster, pool, items, calls_known, instant, top, output, code)
        return
    item = find(items, reference)
    if item is None:
        known = [i.request.reference for i in items]
        hint = closest(reference.strip().upper(), known, cutoff=0.5)
        fail_message(
            f"no request {shorten(reference)} in {path_text(requests)}/"
            + (f" (did you mean {hint}?)" if hint else "")
        )
    if item.request.seeking is None:
        fail_message(
            f"request {item.request.reference} seeks no partner (no seeking:): nothing to match"
        )
    if proposal is None and path is not None:
        proposal, late = _proposal(path, consortium is not None, *folders)
        code = max(code, late)
    if proposal is not None and consortium is None and not _answers(proposal, item):
        say(
            f"{path_text(proposal.path)} answers another request: ranked against "
            f"{item.request.reference}'s own partners (--consortium FILE picks a consortium)"
        )
        proposal = None
    _match_request(item, calls_known, pool, instant, top, output, code, proposal)


def _consortium_path(given: Path | None) -> Path | None:
    """--consortium FILE (a folder: its proposal's consortium.yaml), else consortium.yaml
    of the proposal found upward, else None (outside a proposal)."""
    from consortium.files.upward import MARKER, proposal_folder

    if given is not None:
        return consortium_file(given)
    root = proposal_folder()
    return root / MARKER if root is not None else None


def _proposal(
    path: Path,
    explicit: bool,
    clusters: Path | None,
    requests: Path | None,
    calls: Path | None,
) -> "tuple[Proposal | None, int]":
    """The consortium to rank against, resolved as `check` resolves it. When it cannot be
    read: given with --consortium, exit 2; found upward, its problems are shown, the
    request's own partners are used, and the exit code will be 2."""
    from consortium.proposal.resolve import Folders, load_proposal

    loaded = load_proposal(path, Folders(clusters, requests, calls))
    if not isinstance(loaded, list):
        return loaded, 0
    if explicit:
        fail(loaded)
    report_problems(loaded)
    say(f"{path_text(path)} could not be read: ranked against the request's own partners")
    return None, 2


def _answers(proposal: "Proposal", item: "Listing") -> bool:
    """Whether the consortium is built for this request (or names none)."""
    request = proposal.request
    return request is None or request.reference == item.request.reference


def _match_request(
    item: "Listing",
    calls: "dict[str, Call]",
    pool: "dict[str, Cluster]",
    instant: datetime,
    top: int | None,
    output: str,
    code: int,
    proposal: "Proposal | None" = None,
) -> None:
    from consortium.matching.rank import rank_clusters
    from consortium.matching.situation import for_request
    from consortium.report.views import RequestMatch

    if proposal is None:
        situation = for_request(item, calls, instant)
    else:
        situation, pool = _against(item, proposal, pool, instant)
    ranking = rank_clusters(pool.items(), situation)
    if not ranking.ranked:  # the view still lists those kept apart, and why
        say(
            f"no cluster meets every hard criterion of {item.request.reference} "
            f"({len(ranking.apart)} kept apart)"
        )
    consortium = proposal.path if proposal else None
    view = RequestMatch(item, situation, ranking, top, instant, consortium)
    render(MATCH_REQUEST, output, view, code)


def _against(
    item: "Listing", proposal: "Proposal", pool: "dict[str, Cluster]", instant: datetime
) -> "tuple[Situation, dict[str, Cluster]]":
    """The situation inside the proposal and the pool without its members, said on stderr."""
    from consortium.matching.standing import against_consortium

    standing = against_consortium(item, proposal, instant)
    left = {cid: c for cid, c in pool.items() if cid not in standing.members}
    countries = ", ".join(sorted(standing.situation.countries)) or "no country yet"
    say(
        f"ranked against {path_text(proposal.path)}: its {len(proposal.members)} member(s) "
        f"({countries}) are not candidates; --consortium FILE picks another"
    )
    for note in standing.notes:
        say(note)
    return standing.situation, left


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
    from consortium.report.views import ClusterMatch

    found = pool.get(cluster_id.strip())
    if found is None:
        hint = closest(cluster_id, pool, cutoff=0.5)
        fail_message(
            f"no cluster '{shorten(cluster_id)}' among the profiles"
            + (f" (did you mean '{hint}'?)" if hint else "")
        )
    fitting, apart, closed = rank_requests(cluster_id.strip(), found, items, calls, instant)
    if not fitting:
        said = f"no open request fits {cluster_id.strip()}"
        sentence = f"{said} ({len(apart)} kept apart by a hard criterion, {closed} not open)"
        if apart:  # the view still lists them, and why
            say(sentence)
        else:
            filters.empty(output, sentence, code)
    view = ClusterMatch(cluster_id.strip(), found, fitting, apart, closed, top, instant)
    render(MATCH_CLUSTER, output, view, code)


def suggest(
    path: ConsortiumPath = None,
    apply: Annotated[
        int | None,
        typer.Option("--apply", min=1, help="Add suggestion N to the file as invited members."),
    ] = None,
    clusters: Annotated[Path | None, folder_option("clusters", BESIDE_FILE)] = None,
    top: Top = None,
    output: Annotated[str, format_option(SUGGEST)] = "text",
    today: TodayOption = None,
    now: NowOption = None,
) -> None:
    """The smallest sets of known clusters whose addition would complete the consortium,
    best first, with the rules each fixes; --apply N adds suggestion N as invited members."""
    from consortium.catalogue.clusters import known_clusters
    from consortium.check.runner import check_file
    from consortium.matching.suggest import SHOWN
    from consortium.matching.suggest import suggest as find_suggestions
    from consortium.proposal.resolve import Folders
    from consortium.report.views import Suggestions

    instant = resolve_now(today, now)
    path = consortium_file(path)
    computed_on = _fingerprint(path) if apply is not None else ""
    report = check_file(path, instant, Folders(clusters=clusters))
    if isinstance(report, list):
        fail(report)
    folder = clusters or path.parent / "clusters"
    if clusters is not None and not folder.is_dir():
        fail_message(f"no folder of cluster profiles {path_text(folder)}: give one with --clusters")
    pool, problems = known_clusters(folder) if folder.is_dir() else ({}, [])
    report_problems(problems)
    outcome = find_suggestions(report, pool.items(), limit=top or SHOWN)
    if outcome.stopped:  # bounded work: say what was not searched (JSON has it too)
        say(f"the search stopped early: {outcome.stopped}")
    if apply is not None:
        _apply(path, outcome, apply, computed_on)
    code = 0 if report.complete or outcome.suggestions else 1
    render(SUGGEST, output, Suggestions(report, outcome), 2 if problems else code)


def _fingerprint(path: Path) -> str:
    """The bytes the suggestion is computed on, taken before reading them for the check:
    `--apply` then refuses a file changed at any time since (README, "Errors and limits")."""
    from consortium.files.problems import Problem
    from consortium.files.yamlfile import read_bytes
    from consortium.matching.apply import fingerprint

    raw = read_bytes(path)
    return "" if isinstance(raw, Problem) else fingerprint(raw)


def _apply(path: Path, outcome: "SuggestionResult", number: int, computed_on: str) -> None:
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
