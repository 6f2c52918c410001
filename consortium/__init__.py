"""consortium: build and check consortia of cluster organisations for EU funding calls.

The package is a library first; the ``consortium`` command in ``consortium.cli`` is a thin
layer over it. The names below are the stable library API (README, "Design"): each is
imported from its package when first used, so ``import consortium`` stays as light as the
command's start-up needs (the CLI imports this module first).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Final

__version__ = "0.1.0"  # released as the git tag v0.1.0 (README, "Releasing")
# Where the project (its action, hooks and docs) lives: SARIF help links and `init` name it.
HOME = "https://github.com/consortium-eu/consortium"

if TYPE_CHECKING:
    from consortium.calls.known import known_calls
    from consortium.catalogue.clusters import known_clusters
    from consortium.catalogue.requests import Listing, load_catalogue
    from consortium.check.rules import REGISTRY as RULES
    from consortium.check.runner import Report, check_file
    from consortium.facts.deadlines import parse_now
    from consortium.files.problems import Problem
    from consortium.files.validation import Validation, validate_paths
    from consortium.matching.suggest import suggest
    from consortium.proposal.resolve import Folders, Proposal, load_proposal

# name -> (module, attribute): the stable API, imported on first use.
API: Final[dict[str, tuple[str, str]]] = {
    "check_file": ("consortium.check.runner", "check_file"),
    "Report": ("consortium.check.runner", "Report"),
    "RULES": ("consortium.check.rules", "REGISTRY"),
    "load_proposal": ("consortium.proposal.resolve", "load_proposal"),
    "Proposal": ("consortium.proposal.resolve", "Proposal"),
    "Folders": ("consortium.proposal.resolve", "Folders"),
    "parse_now": ("consortium.facts.deadlines", "parse_now"),
    "known_calls": ("consortium.calls.known", "known_calls"),
    "load_catalogue": ("consortium.catalogue.requests", "load_catalogue"),
    "Listing": ("consortium.catalogue.requests", "Listing"),
    "known_clusters": ("consortium.catalogue.clusters", "known_clusters"),
    "suggest": ("consortium.matching.suggest", "suggest"),
    "validate_paths": ("consortium.files.validation", "validate_paths"),
    "Validation": ("consortium.files.validation", "Validation"),
    "Problem": ("consortium.files.problems", "Problem"),
}

__all__ = [
    "HOME",
    "RULES",
    "Folders",
    "Listing",
    "Problem",
    "Proposal",
    "Report",
    "Validation",
    "__version__",
    "check_file",
    "known_calls",
    "known_clusters",
    "load_catalogue",
    "load_proposal",
    "parse_now",
    "suggest",
    "validate_paths",
]


def __getattr__(name: str) -> object:
    """Import an API name from its package the first time it is asked for."""
    if name not in API:
        raise AttributeError(f"module 'consortium' has no attribute {name!r}")
    module, attribute = API[name]
    value: object = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *API})
