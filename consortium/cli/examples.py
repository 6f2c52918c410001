"""The examples at the end of every command's ``--help``, as `gh` shows them.

Kept apart from the commands so one test can hold every command to having them, and so
they are attached once, to whichever commands a start-up builds (``consortium.cli``).
Square brackets are Rich markup in help text: the examples use none.
"""

from __future__ import annotations

from typing import Any

# command path (without "consortium") -> (what it does, the command line)
EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "": [
        ("Is the proposal in this folder complete?", "consortium check"),
        ("Start a proposal repo", "consortium init --call COS-CLUSTER-2020-3-03"),
        ("Help on one command", "consortium help requests list"),
    ],
    "check": [
        ("Check the proposal in this folder", "consortium check"),
        ("Annotations for a GitHub Actions job", "consortium check --format github"),
        ("As of a given day", "consortium check consortium.yaml --today 2021-01-15"),
    ],
    "deadlines": [
        ("The deadlines still ahead", "consortium deadlines"),
        ("The next 30 days, in a calendar file", "consortium deadlines --within 30d --ics due.ics"),
    ],
    "validate": [
        ("Every file of the proposal", "consortium validate ."),
        ("One cluster profile", "consortium validate clusters/fr-energy-transition.yaml"),
    ],
    "schema": [
        ("The schema of cluster profiles", "consortium schema cluster"),
        ("Saved for an editor", "consortium schema consortium > consortium.files.schema.json"),
    ],
    "rules": [
        ("Every rule of the check", "consortium rules"),
        ("One rule in full", "consortium rules coordinator-label"),
    ],
    "init": [
        ("A proposal repo for a call", "consortium init --call COS-CLUSTER-2020-3-03"),
        (
            "Answering an EEN request",
            "consortium init --call COS-CLUSTER-2020-3-03 --request RDFR20201119001",
        ),
    ],
    "import": [
        ("An EEN profile text saved from an e-mail", "consortium import profile.txt"),
        ("Several at once", "consortium import profiles/*.txt"),
    ],
    "match": [
        ("Clusters that fit a request, best first", "consortium match RDFR20201119001"),
        ("The three best only", "consortium match RDFR20201119001 --top 3"),
    ],
    "suggest": [
        ("Ways to complete the consortium", "consortium suggest"),
        ("Add the first one as invited members", "consortium suggest --apply 1"),
    ],
    "report": [
        ("The page for the partners", "consortium report -o report.html"),
        (
            "Another consortium, as of a day, to stdout",
            "consortium report c.yaml --today 2020-11-20 -o -",
        ),
    ],
    "requests": [
        ("Open requests, soonest deadline first", "consortium requests list"),
        ("One request in full", "consortium requests show RDFR20201119001"),
    ],
    "requests list": [
        ("Open requests, soonest deadline first", "consortium requests list"),
        ("From France, as CSV", "consortium requests list --country FR --format csv"),
    ],
    "requests show": [
        ("One request in full", "consortium requests show RDFR20201119001"),
        ("As JSON", "consortium requests show RDFR20201119001 --format json"),
    ],
    "calls": [
        ("The known calls", "consortium calls list"),
        ("A call's rules", "consortium calls show COS-CLUSTER-2020-3-03"),
        (
            "A topic of the Funding & Tenders Portal",
            "consortium calls fetch SMP-COSME-2024-CLUSTER-01",
        ),
    ],
    "calls list": [
        ("The known calls", "consortium calls list"),
        ("As JSON", "consortium calls list --format json"),
    ],
    "calls show": [
        ("A call's deadline and rules", "consortium calls show COS-CLUSTER-2020-3-03"),
        ("As JSON", "consortium calls show COS-CLUSTER-2020-3-03 --format json"),
    ],
    "calls fetch": [
        ("A portal topic as calls/<ID>.yaml", "consortium calls fetch SMP-COSME-2024-CLUSTER-01"),
        (
            "Its new dates, keeping your rules",
            "consortium calls fetch HORIZON-CL5-2024-D3-01-02 --update",
        ),
    ],
    "calls search": [
        ("Open topics about clusters", "consortium calls search cluster --open"),
        (
            "Horizon topics closing within 30 days",
            "consortium calls search --programme horizon --closing-within 30d",
        ),
    ],
    "calls refresh": [
        ("What moved since the call files were fetched", "consortium calls refresh"),
        ("As annotations in a weekly CI job", "consortium calls refresh --format github"),
    ],
    "clusters": [
        ("The cluster profiles in clusters/", "consortium clusters list"),
        ("One profile in full", "consortium clusters show fr-energy-transition"),
    ],
    "clusters list": [
        ("The cluster profiles in clusters/", "consortium clusters list"),
        (
            "Gold-labelled clusters that may coordinate",
            "consortium clusters list --label gold --role coordinator",
        ),
    ],
    "clusters show": [
        ("One profile in full", "consortium clusters show fr-energy-transition"),
        ("As JSON", "consortium clusters show fr-energy-transition --format json"),
    ],
}


def epilog(path: str) -> str | None:
    """The "Examples" block for the command ``path``, its lines kept as written (``\\b``
    stops Click and Typer from joining them)."""
    examples = EXAMPLES.get(path)
    if not examples:
        return None
    lines = "\n".join(f"  # {what}\n  $ {line}" for what, line in examples)
    return f"\b\nExamples\n{lines}"


def attach(node: Any, path: str = "") -> None:
    """Every command under ``node`` given its examples."""
    node.epilog = epilog(path) or getattr(node, "epilog", None)
    for name, child in getattr(node, "commands", {}).items():
        attach(child, f"{path} {name}".strip())
