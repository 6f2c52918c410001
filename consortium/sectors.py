"""Whether two lists of sectors have one in common, as a cluster manager would judge it.

Sectors in profiles are free text ("energy efficiency", "energy transition"); a word sought
matches a sector that contains it or that it contains, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable


def common(sought: Iterable[str], offered: Iterable[str]) -> list[str]:
    """The sought sectors that some offered sector matches, in the order sought."""
    offered_folded = [o.casefold() for o in offered]
    return [
        s
        for s in sought
        if any(s.casefold() in o or o in s.casefold() for o in offered_folded if o)
    ]
