"""`consortium import` on EEN profile texts: the seed, and invented texts in both layouts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from consortium.models import Request
from tests.conftest import REQUESTS, Cli

DATA = Path(__file__).parent / "data" / "een"
# The day the profiles are judged on: before any of them expired (issue 19 closes a
# profile whose validity ended before the day judged, which is today by default).
JUDGED = "2024-03-15"


def imported(cli: Cli, tmp_path: Path, *inputs: Path) -> dict[str, Request]:
    out = tmp_path / "out"
    result = cli("import", *inputs, "-o", out, "--today", JUDGED)
    assert result.exit_code == 0, result.stderr
    assert cli("validate", out).exit_code == 0
    return {
        p.stem: Request.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(out.glob("*.yaml"))
    }


def test_seed_text_imports_as_the_bundled_transcription(
    cli: Cli, tmp_path: Path, seed_text: Path
) -> None:
    """Field by field, the import equals requests/RDFR20201119001.yaml, with two exceptions.

    - ``title``: the transcription keeps the text's leading call id ("COS-CLUSTER-2020-3-03:
      ..."); issue 11 asks the import to drop it (the call has its own field), so the
      import's title is the transcription's without that prefix.
    - ``description``: the field is new with the import; the transcription has none.
    Everything else, the members' names and the source included, is equal.
    """
    got = imported(cli, tmp_path, seed_text)["RDFR20201119001"].model_dump()
    bundled = Request.model_validate(
        yaml.safe_load((REQUESTS / "RDFR20201119001.yaml").read_text(encoding="utf-8"))
    ).model_dump()
    assert got.pop("title") == bundled.pop("title").removeprefix("COS-CLUSTER-2020-3-03: ")
    assert got.pop("description").startswith("High quality cluster management")
    assert bundled.pop("description") is None
    assert got == bundled


def test_labelled_layout_research_request(cli: Cli, tmp_path: Path) -> None:
    request = imported(cli, tmp_path, DATA / "RDRDE20240312001.txt")["RDRDE20240312001"]
    assert request.title == "German hydrogen cluster seeks partners for a solar fuels demonstrator"
    assert (request.country, request.published, request.status) == ("DE", date(2024, 3, 12), "open")
    assert request.call is not None and not isinstance(request.call, str)
    assert (request.call.id, request.call.programme, request.call.title) == (
        "HORIZON-CL5-2024-D3-01-02",
        "Horizon Europe",
        "Solar fuels for a sustainable future",
    )
    assert (request.deadlines.eoi, request.deadlines.call) == (date(2024, 8, 31), date(2024, 9, 18))
    assert request.stage == "under development"
    assert [(m.name, m.country, m.sectors, m.status) for m in request.consortium] == [
        ("German hydrogen cluster", "DE", ["hydrogen"], "confirmed"),
        ("Danish energy cluster", "DK", ["energy"], "confirmed"),
        ("Italian university", "IT", [], "interested"),
    ]
    seeking = request.seeking
    assert seeking is not None
    assert (seeking.type, seeking.role, seeking.label) == ("company", "partner", None)
    assert seeking.sectors == ["energy", "energy-intensive industries"]
    assert seeking.experience == ["Horizon 2020"]
    assert request.keywords == ["solar fuels", "hydrogen", "pilot plant"]
    assert request.summary and request.summary.startswith("A German hydrogen cluster")
    assert request.description and request.description.endswith("Horizon 2020 projects.")
    assert request.expires == date(2024, 9, 18)
    assert request.source == (
        "Enterprise Europe Network, Research and Development Request RDRDE20240312001, "
        "published 12 March 2024 (RDRDE20240312001.txt)"
    )


def test_older_layout_without_deadlines_marks_the_gaps(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("import", DATA / "RDIT20201015002.txt", "-o", out)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"{out}/RDIT20201015002.yaml: not found in the profile, marked in the file: "
        "status, call, deadlines.eoi, deadlines.call, stage, seeking.role"
    )
    text = (out / "RDIT20201015002.yaml").read_text(encoding="utf-8")
    assert (
        "#   eoi: not found in the profile: fill in the deadline for expressions of interest"
        in text
    )
    assert "# status: not found in the profile" in text
    request = Request.model_validate(yaml.safe_load(text))
    assert (
        request.title
        == "Italian agri-food cluster seeks partners for a food waste valorisation project"
    )
    assert (request.country, request.published) == ("IT", date(2020, 10, 15))
    assert request.call is None and request.deadlines.eoi is None and request.deadlines.call is None
    assert [(m.name, m.country, m.status) for m in request.consortium] == [
        ("Italian agri-food cluster", "IT", "confirmed"),
        ("Greek food cluster", "GR", "confirmed"),
        ("Croatian cluster", "HR", "interested"),
    ]
    assert request.seeking is not None
    assert (request.seeking.type, request.seeking.role) == ("cluster", None)
    assert request.seeking.sectors == ["agri-food", "digital"]
    assert request.seeking.experience == ["Interreg"]


def test_technology_offer(cli: Cli, tmp_path: Path) -> None:
    request = imported(cli, tmp_path, DATA / "TOSI20250110001.txt")["TOSI20250110001"]
    assert request.ref.kind == "technology offer"
    assert request.title == "Slovenian SME offers a low-cost sensor for leaks in water networks"
    assert (request.country, request.published, request.expires) == (
        "SI",
        date(2025, 1, 10),
        date(2026, 1, 10),
    )
    assert (request.status, request.stage, request.call) == ("open", "available for testing", None)
    assert request.seeking is not None
    assert (request.seeking.type, request.seeking.sectors) == ("sme", ["water"])
    assert request.consortium == []
    assert request.description == (
        "The sensor is clipped onto a pipe and listens for the noise of leaks; data go to a "
        "cloud service."
    )


def test_business_request_closed_older_layout(cli: Cli, tmp_path: Path) -> None:
    request = imported(cli, tmp_path, DATA / "BRPL20240301001.txt")["BRPL20240301001"]
    assert request.title == "Polish furniture maker seeks suppliers of recycled textiles"
    assert (request.country, request.status) == ("PL", "closed")
    assert (request.published, request.expires) == (date(2024, 3, 1), date(2025, 3, 1))
    assert request.summary and request.summary.startswith("A Polish furniture maker")
    assert request.description == (
        "The company produces 20 000 sofas a year and wants half of its fabrics from recycled "
        "fibres by 2026."
    )  # "closed for requests" is the status, not the description


def test_norway_is_quoted_and_a_required_label_is_a_rule(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("import", DATA / "RDNO20250203001.txt", "-o", out).exit_code == 0
    text = (out / "RDNO20250203001.yaml").read_text(encoding="utf-8")
    assert 'country: "NO"' in text
    request = Request.model_validate(yaml.safe_load(text))
    assert (request.country, request.published, request.status) == (
        "NO",
        date(2025, 2, 3),
        "closed",
    )
    assert request.call is not None and not isinstance(request.call, str)
    assert (request.call.id, request.call.programme) == ("IE-2025-05-01", "Interreg Europe")
    assert (request.deadlines.eoi, request.deadlines.call) == (date(2025, 4, 30), date(2025, 6, 6))
    assert request.stage == "planning"
    assert [(m.country, m.status) for m in request.consortium] == [
        ("NO", "confirmed"),
        ("SE", "confirmed"),
        ("FI", "interested"),
        ("EE", "interested"),
    ]
    seeking = request.seeking
    assert seeking is not None
    assert (seeking.type, seeking.role, seeking.label, seeking.label_required) == (
        "public authority",
        "coordinator",
        "silver",
        True,
    )


def test_byte_order_mark_windows_line_endings_and_a_known_call(cli: Cli, tmp_path: Path) -> None:
    path = DATA / "RDRPT20240401001.txt"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in path.read_bytes()
    request = imported(cli, tmp_path, path)["RDRPT20240401001"]
    assert request.call == "SMP-COSME-2024-CLUSTER-01"  # a preset, and the text says no more
    assert (request.deadlines.eoi, request.deadlines.call) == (date(2024, 12, 15), date(2025, 2, 5))
    assert (request.published, request.status, request.stage) == (
        date(2024, 4, 2),
        "open",
        "concept",
    )
    assert request.seeking is not None and request.seeking.role == "partner"
    assert request.seeking.sectors == ["textiles", "creative industries"]
    assert request.keywords == ["Euroclusters"]
    assert request.description is None


def test_windows_1252_text_is_read_and_said(cli: Cli, tmp_path: Path) -> None:
    """Decision: a text that is not UTF-8 but is valid Windows-1252 is decoded as cp1252,
    with a note on stderr and in the file (never silently); anything else is refused."""
    out = tmp_path / "out"
    result = cli("import", DATA / "RDES20201125001-cp1252.txt", "-o", out)
    assert result.exit_code == 0
    assert "note: not UTF-8: read as Windows-1252 (cp1252)" in result.stderr
    text = (out / "RDES20201125001.yaml").read_text(encoding="utf-8")
    assert "# Note: not UTF-8: read as Windows-1252" in text
    request = Request.model_validate(yaml.safe_load(text))
    assert request.title.startswith("Asociación clúster de energía")
    assert request.call is not None and not isinstance(request.call, str)
    assert (request.call.id, request.call.programme, request.call.title) == (
        "COS-CLUSINT-2020-3-01",
        "COSME",
        "Clusters Go International",
    )
    assert (request.deadlines.eoi, request.deadlines.call) == (
        date(2020, 11, 20),
        date(2020, 12, 2),
    )
    assert [(m.country, m.status) for m in request.consortium] == [
        ("ES", "confirmed"),
        ("FR", "interested"),
        ("BE", "interested"),
    ]
    assert request.seeking is not None
    assert (request.seeking.role, request.seeking.label) == ("coordinator", "bronze")


def test_business_offer(cli: Cli, tmp_path: Path) -> None:
    request = imported(cli, tmp_path, DATA / "BOFR20240203001.txt")["BOFR20240203001"]
    assert request.title == "French maker of electric bicycles offers a distribution agreement"
    assert (request.country, request.published, request.expires, request.status) == (
        "FR",
        date(2024, 2, 3),
        date(2025, 2, 3),
        "open",
    )
    assert request.seeking is not None
    assert (request.seeking.type, request.seeking.sectors) == ("sme", ["mobility"])


def test_a_folder_imports_in_one_call_and_every_file_validates(cli: Cli, tmp_path: Path) -> None:
    requests = imported(cli, tmp_path, DATA)
    assert len(requests) == 11  # eight texts and the three items of profiles.json
    out = tmp_path / "out"
    for path in out.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Imported by `consortium import` from ")
