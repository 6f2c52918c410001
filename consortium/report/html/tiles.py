"""A tile map of Europe: one square per country, laid out roughly as on a map, as
newspapers draw tile-grid maps. No map data to license, nothing to fetch, and every
country the same size, so a small member state reads as well as a large one.

``GRID`` holds the positions (column, row); ``BESIDE`` the countries the tool knows that
sit too far for the grid (listed beside the map). Every country of the tool's sets (the
EU27, the United Kingdom, the COSME Art. 6 countries, Interreg Europe's partners, Horizon
Europe's associated countries) has a tile or a place beside it (tests/test_report_html.py),
and Liechtenstein, the third EEA country, has a tile too. A region with a code of its own
(RE, GP, AX...) is drawn as its Member State (``countries.state_of``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from consortium.facts.countries import country_name, state_of

GRID: dict[str, tuple[int, int]] = {
    "IS": (0, 0),
    "FO": (2, 0),
    "NO": (5, 0),
    "SE": (6, 0),
    "FI": (7, 0),
    "IE": (1, 1),
    "GB": (2, 1),
    "DK": (5, 1),
    "EE": (8, 1),
    "NL": (4, 2),
    "DE": (5, 2),
    "PL": (6, 2),
    "LT": (7, 2),
    "LV": (8, 2),
    "FR": (3, 3),
    "BE": (4, 3),
    "LU": (5, 3),
    "CZ": (6, 3),
    "SK": (7, 3),
    "UA": (8, 3),
    "PT": (1, 4),
    "ES": (2, 4),
    "CH": (4, 4),
    "LI": (5, 4),
    "AT": (6, 4),
    "HU": (7, 4),
    "RO": (8, 4),
    "MD": (9, 4),
    "IT": (4, 5),
    "SI": (5, 5),
    "HR": (6, 5),
    "RS": (7, 5),
    "BG": (8, 5),
    "GE": (10, 5),
    "ME": (5, 6),
    "BA": (6, 6),
    "XK": (7, 6),
    "TR": (9, 6),
    "AM": (10, 6),
    "MT": (4, 7),
    "AL": (6, 7),
    "MK": (7, 7),
    "MA": (1, 8),
    "TN": (4, 8),
    "GR": (7, 8),
    "CY": (9, 8),
    "IL": (10, 8),
    "EG": (9, 9),
}
"""Column and row of each tile; row 0 is the north."""

BESIDE = ("CA", "JP", "KR", "NZ")
"""Countries the tool knows (Horizon Europe associations) too far away for the grid."""

TILE = 40  # pixels of a square, gap included
GAP = 4


@dataclass
class Tile:
    """One country as the map shows it."""

    code: str
    name: str
    column: int
    row: int
    roles: list[str] = field(default_factory=list)  # "coordinator" / "partner" per member
    statuses: list[str] = field(default_factory=list)
    eligible: bool = False
    wanted: bool = False

    @property
    def state(self) -> str:
        """How the square is filled: 'coordinator', 'partner', 'unconfirmed' or 'none'."""
        if not self.roles:
            return "none"
        if not any(s == "confirmed" for s in self.statuses):
            return "unconfirmed"
        return "coordinator" if "coordinator" in self.roles else "partner"

    @property
    def x(self) -> int:
        return self.column * TILE

    @property
    def y(self) -> int:
        return self.row * TILE

    @property
    def caption(self) -> str:
        """'France: 2 members (coordinator, partner); eligible': the square's tooltip."""
        said = self.name
        if self.roles:
            pairs = ", ".join(f"{r} {s}" for r, s in zip(self.roles, self.statuses, strict=True))
            said += f": {len(self.roles)} member(s) ({pairs})"
        said += "; eligible" if self.eligible else ""
        said += "; wanted by a suggested addition" if self.wanted else ""
        return said


@dataclass(frozen=True)
class TileMap:
    tiles: list[Tile]
    beside: list[Tile]  # countries with members, eligible or wanted but no square
    width: int
    height: int
    outlined: bool  # whether the call names its eligible countries


def tile_map(
    members: Iterable[tuple[str, str, str]],
    eligible: frozenset[str] | None,
    wanted: Iterable[str],
) -> TileMap:
    """The map for ``members`` (country, role, status each), the countries the call admits
    (None: it names none) and the countries suggested additions come from."""
    tiles = {code: Tile(code, country_name(code), *spot) for code, spot in GRID.items()}
    beside: dict[str, Tile] = {}

    def tile(code: str) -> Tile:
        code = state_of(code)
        if code in tiles:
            return tiles[code]
        return beside.setdefault(code, Tile(code, country_name(code), -1, -1))

    for country, role, status in members:
        found = tile(country)
        found.roles.append(role)
        found.statuses.append(status)
    for code in wanted:
        tile(code).wanted = True
    for code in eligible or ():
        if code in tiles or code in BESIDE:
            tile(code).eligible = True
    columns = max(c for c, _ in GRID.values()) + 1
    rows = max(r for _, r in GRID.values()) + 1
    return TileMap(
        tiles=list(tiles.values()),
        beside=sorted(beside.values(), key=lambda t: t.code),
        width=columns * TILE,
        height=rows * TILE,
        outlined=eligible is not None,
    )
