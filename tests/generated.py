"""Generated folders for the tests that compare two ways of doing the same work (rows
against whole requests, one process against two): varied as real folders are, so every
branch a listing row takes is taken."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REQUESTS

COUNTRIES = ["FR", "ES", "PT", "AT", "DE", "IT", "PL", "BE", "NL", "SE", "NO", "GR", "CH"]
SECTORS = ["energy", "digital", "health", "textile", "tourism", "water", "maritime"]
LEVELS = ["bronze", "silver", "gold"]


def varied_requests(folder: Path, count: int, broken_every: int = 0) -> Path:
    """``count`` requests from the bundled seed, varied in country, call (by id, in full, or
    one of its own in its own zone without a call deadline), status, sectors, sought label,
    dates and expiry; a broken ``broken.yaml`` last and, with ``broken_every``, a broken file
    every so many (problems in the middle of the folder)."""
    folder.mkdir()
    seed = (REQUESTS / "RDFR20201119001.yaml").read_text(encoding="utf-8")
    for i in range(count):
        country = COUNTRIES[i % len(COUNTRIES)]
        reference = f"RD{country}202011{1 + i % 28:02d}{i:05d}"
        text = (
            seed.replace("RDFR20201119001", reference)
            .replace("country: FR\n", f'country: "{country}"\n', 1)
            .replace("eoi: 20/12/2020", f"eoi: {1 + i % 28:02d}/12/2020")
            .replace("status: closed", "status: open" if i % 3 else "status: closed")
            .replace("label: gold", f"label: {LEVELS[i % 3]}")
            .replace("[energy, digital, construction]", f"[{SECTORS[i % len(SECTORS)]}, s{i % 7}]")
        )
        if i % 4 == 1:  # a call of its own, in its own zone, without a call deadline
            text = text.replace(
                "  id: COS-CLUSTER-2020-3-03\n",
                f"  id: OWN-CALL-{i % 3}\n  timezone: Europe/Lisbon\n",
            ).replace("  call: 02/02/2021\n", "")
        elif i % 4 == 2:  # the call by its id alone (a preset)
            text = text.replace(text[text.index("call:\n") : text.index("deadlines:")], "")
            text += "call: COS-CLUSTER-2020-3-03\n"
        if i % 5 == 2:
            text += "expires: 2020-12-01\n"
        if broken_every and i % broken_every == 5:
            text += "status: [not, a, status]\n" if i % 2 else "title: 'unterminated\n"
        (folder / f"{reference}.yaml").write_text(text, encoding="utf-8")
    (folder / "broken.yaml").write_text("reference: nope\n", encoding="utf-8")
    return folder
