"""Sectors as a small, stable vocabulary: the EU's 14 industrial ecosystems.

Profiles write sectors as free text ("energy efficiency", "smart grids", "ICT"). The
European Cluster Collaboration Platform and the EU industrial strategy group industry into
14 industrial ecosystems (docs/sources.md); each is listed here with the words and related
terms that name it, so "energy transition" and "smart grids" count as energy, and a request
seeking "digital" finds an "ICT" cluster. Terms are matched as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# ecosystem -> terms naming it (the ecosystem's own words first). Kept as data: extend here.
ECOSYSTEMS: dict[str, tuple[str, ...]] = {
    "aerospace & defence": ("aerospace", "defence", "defense", "space", "aeronautics", "drones"),
    "agri-food": ("agri-food", "agrifood", "agriculture", "food", "farming", "bioeconomy"),
    "construction": (
        "construction",
        "buildings",
        "building",
        "building renovation",
        "architecture",
        "housing",
        "renovation",
    ),
    "cultural & creative industries": (
        "cultural",
        "creative",
        "creative industries",
        "media",
        "design",
        "games",
    ),
    "digital": (
        "digital",
        "ict",
        "software",
        "artificial intelligence",
        "ai",
        "data",
        "cybersecurity",
        "internet of things",
        "iot",
        "smart cities",
        "smart energy",
    ),
    "electronics": ("electronics", "microelectronics", "semiconductors", "photonics"),
    "energy-intensive industries": (
        "energy-intensive",
        "chemicals",
        "steel",
        "cement",
        "glass",
        "paper",
        "ceramics",
    ),
    "energy-renewables": (
        "energy",
        "renewable energy",
        "renewables",
        "energy efficiency",
        "energy transition",
        "smart grids",
        "smart grid",
        "smart energy",
        "offshore wind",
        "wind",
        "solar",
        "hydrogen",
        "biomass",
        "bioenergy",
        "energy storage",
        "district heating",
        "clean energy",
    ),
    "health": ("health", "medical", "life sciences", "biotech", "pharma", "medtech"),
    "mobility-transport-automotive": (
        "mobility",
        "transport",
        "automotive",
        "e-mobility",
        "logistics",
        "rail",
        "maritime",
    ),
    "proximity & social economy": ("social economy", "proximity", "social innovation"),
    "retail": ("retail", "commerce", "e-commerce"),
    "textiles": ("textiles", "textile", "fashion", "clothing"),
    "tourism": ("tourism", "hospitality", "travel"),
}


_WORD = re.compile(r"[\w&-]+")


@cache
def ecosystems(sector: str) -> frozenset[str]:
    """The ecosystems a free-text sector names ('energy efficiency' -> energy-renewables).

    Terms match whole words ('energy' is not in 'energy-intensive'), found by plain string
    search in the sector's words padded with spaces: a regular expression per term would
    cost every `check` 15 ms to compile."""
    words = f" {' '.join(_WORD.findall(sector.casefold()))} "
    return frozenset(
        name for name, terms in ECOSYSTEMS.items() if any(f" {t} " in words for t in terms)
    )


def common(sought: Iterable[str], offered: Iterable[str]) -> list[str]:
    """The sought sectors that some offered sector matches, in the order sought: by shared
    ecosystem, or by one naming the other ('energy' ~ 'energy efficiency') for words the
    vocabulary does not know."""
    return list(_common(tuple(sought), tuple(offered)))


@cache
def _common(sought: tuple[str, ...], offered: tuple[str, ...]) -> tuple[str, ...]:
    """Cached: thousands of profiles share a few sector lists (scoring 10 000 of them must
    cost well under 0.1 s)."""
    reach = frozenset().union(*(ecosystems(o) for o in offered)) if offered else frozenset()
    folded = [o.casefold() for o in offered]
    return tuple(
        wanted
        for wanted in sought
        if ecosystems(wanted) & reach
        or any(wanted.casefold() in o or o in wanted.casefold() for o in folded if o)
    )


def vocabulary() -> list[str]:
    """Every word of the vocabulary: the ecosystems' names and the terms naming them."""
    return sorted({*ECOSYSTEMS, *(t for terms in ECOSYSTEMS.values() for t in terms)})
