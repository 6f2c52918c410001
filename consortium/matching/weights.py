"""How `match` and `suggest` weigh what speaks for a candidate: in one place.

Points out of 100 when every part applies; a part that does not apply to the request or
call (no label sought, no region rule) is left out and the rest scaled to 100. A call file
or the request may tune them (``match: {weights: {label: 30}}``). No public matching
algorithm exists (EEN, ECCP, B2Match), so ours explains every point it gives (README).
"""

from __future__ import annotations

DEFAULT_WEIGHTS: dict[str, int] = {
    # a sector sought: the first one named in full, a linked one (digital, construction) 60 %
    "sector": 30,
    # the label level preferred, valid on the call deadline (a lapsing label counts as none)
    "label": 20,
    # experience in the call's programme: coordinating in full, partnering half
    "experience": 20,
    # a country the consortium lacks
    "country": 15,
    # a less developed or transition region, where the call needs one
    "region": 10,
    # listed on the European Cluster Collaboration Platform, where the call requires it
    "eccp": 5,
}
WEIGHT_NAMES = tuple(DEFAULT_WEIGHTS)
