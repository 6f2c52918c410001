"""`consortium import` on the current EEN pages: saved HTML, copied text, a link (issue 19).

Every page and text here is the team's own, written in the structure of the pages of
een.ec.europa.eu/partnering-opportunities (2026): invented companies and wording. The
links are served by pytest-httpserver on this machine; no test touches the internet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from consortium.models import Request
from tests.conftest import Cli

PAGES = Path(__file__).parent / "data" / "een" / "pages"
FULL = "RDRDE20260506001"
JUDGED = "2026-06-01"  # the day judged: every page but the closed one is valid then


def imported(
    cli: Cli, tmp_path: Path, *inputs: str | Path, today: str = JUDGED, extra: tuple[str, ...] = ()
) -> tuple[dict[str, str], str]:
    """The written files' texts by reference, and stderr."""
    out = tmp_path / "out"
    result = cli("import", *inputs, "-o", out, "--today", today, *extra)
    assert result.exit_code == 0, result.stderr
    assert cli("validate", out).exit_code == 0
    return {
        p.stem: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.yaml"))
    }, result.stderr


def request_of(text: str) -> Request:
    return Request.model_validate(yaml.safe_load(text))


def assert_full_request(request: Request) -> None:
    """Every field of the full R&D request (RDRDE20260506001), as the page means it."""
    assert request.reference == FULL
    assert request.title == (
        "Water governance cluster seeks SMEs and research bodies for an AI-based river basin "
        "observatory"
    )
    assert (request.country, request.status) == ("DE", "open")
    # Term of Validity "6 May 2026 - 6 May 2027": its start is the publication, its end the expiry
    assert (request.published, request.expires) == (date(2026, 5, 6), date(2027, 5, 6))
    call = request.call
    assert call is not None and not isinstance(call, str)
    # the whole topic id, not ...-04-AI (the title's first word), as the call's link confirms
    assert (call.id, call.programme, call.title) == (
        "HORIZON-CL6-2027-03-GOVERNANCE-04",
        "Horizon Europe",
        "AI observatories for transboundary river basins",
    )
    assert (request.deadlines.eoi, request.deadlines.call) == (date(2026, 8, 1), date(2026, 9, 17))
    assert request.stage == "concept"
    assert [(m.country, m.status) for m in request.consortium] == [
        ("DE", "confirmed"), ("FR", "confirmed"), ("ES", "confirmed"), ("IT", "confirmed"),
        ("PT", "interested"),
    ]  # fmt: skip
    seeking = request.seeking
    assert seeking is not None
    assert seeking.types == ["sme", "university", "research", "business support organisation"]
    assert (seeking.type, seeking.role, seeking.experience) == (
        None,
        "coordinator",
        ["Horizon 2020"],
    )
    assert request.keywords == ["Artificial intelligence", "Water management"]
    # the summary is the Short Summary, never the Summary box (Profile Type, POD Reference ...)
    assert request.summary == (
        "A German water cluster prepares a Horizon Europe proposal on river basin governance "
        "and seeks SMEs, universities and research institutes to build an AI-based observatory."
    )
    assert request.description is not None
    assert request.description.startswith("River basins cross borders")
    assert request.description.endswith("experience in Horizon 2020 projects & data platforms.")
    assert request.source is not None
    assert request.source.startswith(
        f"Enterprise Europe Network, Research and Development Request {FULL}, published 6 May 2026"
    )


def test_full_request_as_html_as_copied_text_and_over_http_gives_one_file(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    html = (PAGES / f"{FULL}.html").read_text(encoding="utf-8")
    httpserver.expect_request("/partnering-opportunities/water-governance").respond_with_data(
        html, content_type="text/html; charset=utf-8"
    )
    link = httpserver.url_for("/partnering-opportunities/water-governance")
    texts = {}
    for name, source in (
        ("html", PAGES / f"{FULL}.html"),
        ("text", PAGES / f"{FULL}.txt"),
        ("link", link),
    ):
        written, stderr = imported(cli, tmp_path / name, source)
        assert list(written) == [FULL]
        assert "unsure" not in stderr
        assert_full_request(request_of(written[FULL]))
        texts[name] = written[FULL]
    # one file, but for the origin each names (in its first line and its source)
    origin = {"html": f"{FULL}.html", "text": f"{FULL}.txt", "link": link}
    same = {
        k: [line for line in t.replace(origin[k], "ORIGIN").splitlines() if "ORIGIN" not in line]
        for k, t in texts.items()
    }
    assert same["html"] == same["text"] == same["link"]
    sources = {k: request_of(t).source for k, t in texts.items()}
    assert None not in sources.values(), sources
    said = {k: str(source).replace(origin[k], "ORIGIN") for k, source in sources.items()}
    assert said["html"] == said["text"] == said["link"]
    assert len(same["html"]) == len(texts["html"].splitlines()) - 2
    # nothing of the scripts, styles, navigation or footer reached the file
    for bait in ("RDFR20201119001", "BOFR20240203001", "Learn more", "Read more", "Back to search"):
        assert bait not in texts["html"]


def test_a_page_targeting_all_245_countries_imports_the_same(cli: Cli, tmp_path: Path) -> None:
    from consortium.facts.countries import country_names

    names = sorted(country_names().values())
    assert len(names) >= 245
    items = "".join(f'<li class="ecl-unordered-list__item">{n}</li>' for n in names)
    html = (PAGES / f"{FULL}.html").read_text(encoding="utf-8")
    start = html.index("<li", html.index("Targeted Countries"))
    end = html.index("</ul>", start)
    page = tmp_path / f"{FULL}.html"
    page.write_text(html[:start] + items + html[end:], encoding="utf-8")
    written, _ = imported(cli, tmp_path, page)
    assert_full_request(request_of(written[FULL]))
    assert "Zimbabwe" not in written[FULL]


def test_technology_offer_without_call_details(cli: Cli, tmp_path: Path) -> None:
    written, stderr = imported(cli, tmp_path, PAGES / "TOSI20260212001.html")
    request = request_of(written["TOSI20260212001"])
    assert request.title == "Slovenian SME offers a low-cost sensor kit for beehive monitoring"
    assert (request.country, request.status, request.stage) == (
        "SI",
        "open",
        "available for demonstration",
    )
    assert (request.published, request.expires) == (date(2026, 2, 12), date(2027, 2, 12))
    assert request.call is None and request.deadlines.eoi is None and request.consortium == []
    assert request.seeking is not None
    assert (request.seeking.type, request.seeking.types) == (None, ["company", "sme", "other"])
    assert request.seeking.role is None
    assert request.keywords == ["Sensors", "Agriculture"]
    assert request.summary is not None and request.summary.startswith(
        "A Slovenian SME has developed"
    )
    assert request.description == (
        "The kit sends readings every hour over LoRaWAN.\n\nField tests ran in 40 apiaries over two seasons."
    )
    assert (
        request.source is not None
        and "Technology Offer TOSI20260212001, published 12 February 2026" in request.source
    )
    assert "not found in the profile" not in stderr


def test_eurostars_call_without_a_topic_id_keeps_its_programme_and_title(
    cli: Cli, tmp_path: Path
) -> None:
    written, stderr = imported(cli, tmp_path, PAGES / "RDRES20260320001.html")
    request = request_of(written["RDRES20260320001"])
    assert (
        request.title
        == "Spanish food-tech SME seeks partners for a Eurostars project on insect protein"
    )
    assert (request.country, request.status, request.stage) == ("ES", "open", "under development")
    assert (request.published, request.expires) == (date(2026, 3, 20), date(2027, 3, 20))
    call = request.call
    assert call is not None and not isinstance(call, str)
    assert (call.id, call.programme, call.title) == (
        None,
        "Eureka / Eurostars",
        "Eurostars-3 Call 7",
    )
    assert "no call identifier (topic id): call.id left out" in stderr
    assert (request.deadlines.eoi, request.deadlines.call) == (date(2026, 8, 15), date(2026, 9, 10))
    # "composed by partners from Spain, Italy" and "A Dutch university has expressed interest"
    assert [(m.country, m.status) for m in request.consortium] == [
        ("ES", "confirmed"), ("IT", "confirmed"), ("NL", "interested"),
    ]  # fmt: skip
    assert request.seeking is not None
    assert (request.seeking.type, request.seeking.types, request.seeking.role) == (
        "sme",
        [],
        "partner",
    )
    assert request.keywords == ["Food ingredients"]
    assert request.summary is not None and request.summary.startswith(
        "A Spanish SME breeding insects"
    )
    assert request.description is not None and request.description.startswith(
        "The project is composed"
    )


def test_closed_profile_and_expired_profile(cli: Cli, tmp_path: Path) -> None:
    written, _ = imported(cli, tmp_path, PAGES / "BOPT20240110001.html", today="2024-06-01")
    request = request_of(written["BOPT20240110001"])
    assert (request.title, request.country) == (
        "Portuguese cork manufacturer offers acoustic panels to distributors", "PT",
    )  # fmt: skip
    assert (request.status, request.published, request.expires) == (
        "closed", date(2024, 1, 10), date(2025, 1, 10),
    )  # fmt: skip
    assert request.seeking is not None and request.seeking.types == ["sme", "company"]
    assert request.summary is not None and request.summary.startswith("A Portuguese manufacturer")
    assert request.description == "The panels are made from recycled cork granules."
    # open on the page, but its validity ended before the day judged: closed, and said why
    written, stderr = imported(
        cli, tmp_path / "later", PAGES / "TOSI20260212001.html", today="2027-03-01"
    )
    assert request_of(written["TOSI20260212001"]).status == "closed"
    assert "status closed: the profile's validity ended on 2027-02-12, before 2027-03-01" in stderr


def test_a_call_id_nothing_confirms_is_written_unsure_and_listed(cli: Cli, tmp_path: Path) -> None:
    text = (PAGES / f"{FULL}.txt").read_text(encoding="utf-8")
    text = text.replace("topic HORIZON-CL6-2027-03-GOVERNANCE-04 with", "topic with")
    text = text.replace(
        "Web link to the call\nhttps://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/horizon-cl6-2027-03-governance-04\n",
        "",
    )
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    written, stderr = imported(cli, tmp_path, path)
    request = request_of(written[FULL])
    assert request.call is not None and not isinstance(request.call, str)
    assert request.call.id == "HORIZON-CL6-2027-03-GOVERNANCE-04"
    assert (
        "# unsure: call.id: read as HORIZON-CL6-2027-03-GOVERNANCE-04, the text runs on with -AI"
        in written[FULL]
    )
    assert f"{FULL}.yaml: unsure: call.id: read as HORIZON-CL6-2027-03-GOVERNANCE-04" in stderr


def test_a_text_without_reference_is_refused_then_imported_with_reference(
    cli: Cli, tmp_path: Path
) -> None:
    path = PAGES / "notes-without-reference.txt"
    result = cli("import", path, "-o", tmp_path / "out", "--today", JUDGED)
    assert result.exit_code == 2
    assert "no POD reference found: give it with --reference" in result.stderr
    assert "Traceback" not in result.stderr
    written, _ = imported(cli, tmp_path, path, extra=("--reference", "RDRDK20260101001"))
    request = request_of(written["RDRDK20260101001"])
    assert (request.title, request.country) == (
        "Danish offshore wind cluster seeks a coordinator for a Horizon Europe proposal", "DK",
    )  # fmt: skip
    two = cli("import", path, path, "--reference", "RDRDK20260101001", "-o", tmp_path / "x")
    assert (two.exit_code, two.stderr) == (
        2, "consortium: --reference names one profile: give one profile text, page or link\n",
    )  # fmt: skip


def test_a_regional_mirror_gives_reference_title_and_expiry(cli: Cli, tmp_path: Path) -> None:
    written, _ = imported(cli, tmp_path, PAGES / "RDRIT20260415001-mirror.txt")
    request = request_of(written["RDRIT20260415001"])
    # the kind line and "Learn more" are never the title; EXPIRATION DATE in Italian
    assert (
        request.title
        == "Cluster lombardo dell'agroalimentare cerca partner per imballaggi compostabili"
    )
    assert (request.country, request.expires, request.status) == ("IT", date(2026, 9, 15), "open")
    assert request.summary is not None and request.summary.startswith("Un cluster lombardo")


def test_an_email_forward_imports_as_its_text(cli: Cli, tmp_path: Path) -> None:
    text = (PAGES / f"{FULL}.txt").read_text(encoding="utf-8")
    mail = (
        "Hi Ana, this one may interest us.\n\n"
        "---------- Forwarded message ---------\n"
        "From: EEN Alerts <alerts@example.org>\n"
        "Date: Wed, 6 May 2026 at 09:12\n"
        "Subject: New partnering opportunity\n"
        "To: <ana@example.org>\n\n" + "".join(f"> {line}\n" for line in text.split("\n"))
    )
    path = tmp_path / "forward.txt"
    path.write_text(mail, encoding="utf-8")
    written, _ = imported(cli, tmp_path, path)
    assert_full_request(request_of(written[FULL]))


def test_the_batch_report_counts_found_unsure_and_missing_per_field(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in (f"{FULL}.html", "TOSI20260212001.html", "RDRES20260320001.html"):
        (folder / name).write_bytes((PAGES / name).read_bytes())
    _, stderr = imported(cli, tmp_path, folder, extra=("--report",))
    rows = {
        line.split()[0]: tuple(int(n) for n in line.split()[1:])
        for line in stderr.splitlines()
        if line.startswith("  ") and not line.strip().startswith("field")
    }
    assert "fields of 3 imported profile(s):" in stderr
    assert rows["title"] == (3, 0, 0)
    assert rows["call.id"] == (1, 0, 2)  # the Eurostars call has none; the offer no call
    assert rows["call.programme"] == (2, 0, 1)
    assert rows["deadlines.eoi"] == (2, 0, 1)
    assert rows["seeking.role"] == (2, 0, 1)
    assert rows["consortium"] == (2, 0, 1)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            "redirect-away",
            "redirected to another site (http://example.org/elsewhere): not followed",
        ),
        ("missing", "the site answered HTTP 404: check the link"),
        ("json", "not a web page (application/json): check the link"),
    ],
)
def test_a_link_that_cannot_be_read_is_one_line(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer, answer: str, message: str
) -> None:
    from werkzeug import Response

    answers = {
        "redirect-away": Response("", 302, {"Location": "http://example.org/elsewhere"}),
        "missing": Response("no such page", 404),
        "json": Response("{}", 200, content_type="application/json"),
    }
    httpserver.expect_request("/p").respond_with_response(answers[answer])
    result = cli("import", httpserver.url_for("/p"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_link_redirected_within_the_site_is_followed(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    from werkzeug import Response

    httpserver.expect_request("/old").respond_with_response(Response("", 301, {"Location": "/new"}))
    httpserver.expect_request("/new").respond_with_data(
        (PAGES / f"{FULL}.html").read_bytes(), content_type="text/html"
    )
    written, _ = imported(cli, tmp_path, httpserver.url_for("/old"))
    assert_full_request(request_of(written[FULL]))


def test_a_link_when_offline_is_one_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", "http://127.0.0.1:9/partnering-opportunities/x", "-o", tmp_path / "o")
    assert result.exit_code == 2
    assert "127.0.0.1:9/partnering-opportunities/x: cannot reach the site" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_nested_beyond_any_real_one_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "</body></html>", encoding="utf-8")
    result = cli("import", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "nests elements deeper than 512 levels: not an EEN page" in result.stderr
