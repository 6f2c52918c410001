"""`calls fetch|search|refresh` against a portal of our own writing (tests/portal_fake.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import ROOT, Cli, Ran
from tests.portal_fake import HE, SMP, FakePortal, he_details, he_record, smp_records

NOW = "2026-02-02T10:00:00+01:00"


@pytest.fixture
def portal(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> FakePortal:
    fake = FakePortal(records=[*smp_records(), he_record()], details={HE: he_details()})
    httpserver.expect_request("/search").respond_with_handler(fake.search)
    httpserver.expect_request(re.compile(r"^/topics/.*")).respond_with_handler(fake.topic)
    monkeypatch.setenv("CONSORTIUM_PORTAL_SEARCH", httpserver.url_for("/search"))
    monkeypatch.setenv("CONSORTIUM_PORTAL_TOPICS", httpserver.url_for("/topics"))
    return fake


def fetch(cli: Cli, where: Path, *ids: str, now: str = NOW, more: tuple[str, ...] = ()) -> Ran:
    return cli("calls", "fetch", *ids, "--calls", where, "--now", now, *more)


HEADER = (
    "# yaml-language-server: $schema=../.schemas/call.json\n"
    "# Fetched by `consortium calls fetch {id}` from the EU Funding & Tenders Portal.\n"
    "# Deadlines: the portal gives only the date; 17:00 Brussels time is assumed "
    "(portal.deadline_time).\n"
)
PAGE = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"

SMP_FILE = (
    HEADER.format(id=SMP)
    + f"""\
id: {SMP}
programme: Single Market Programme (SMP)
period: "2021-2027"
title: Joint Cluster Initiatives for Europe's recovery
call_id: SMP-COSME-2024-CLUSTER
call_title: Euroclusters call
type_of_action: SMP-GRANTS SMP Grants
opening: 2024-09-24
deadline: "2025-02-05T17:00:00"
timezone: Europe/Brussels
stages:
  - name: deadline
    deadline: "2025-02-05T17:00:00"
budget: EUR 42 000 000, 16 grants expected
budget_rows:
  - action: {SMP} - SMP-GRANTS SMP Grants
    year: "2024"
    amount: 42000000
    grants: 16
url: "{PAGE}smp-cosme-2024-cluster-01"
rules_verified: false
sources: ["EU Funding & Tenders Portal, topic {SMP}, fetched 2026-02-02"]
notes: "Rules not encoded: the portal does not give the consortium conditions and no general \
conditions are known for this programme and type of action. Read them in the call document, \
write them under rules: and set rules_verified: true."
portal:
  topic: {SMP}
  fetched: "2026-02-02T09:00:00+00:00"
  status: closed
  deadline_time: assumed
"""
)


def he_file(first: str = "2026-04-21", fetched: str = "2026-02-02T09:00:00+00:00") -> str:
    return (
        HEADER.format(id=HE)
        + f"""\
id: {HE}
programme: Horizon Europe
period: "2021-2027"
pillar: II
work_programme: 2026
title: Cluster-led demonstrators of heat networks
call_id: HORIZON-CL5-2026-D3-01
call_title: Sustainable, secure and competitive energy supply
type_of_action: HORIZON Research and Innovation Actions
opening: 2026-01-15
deadline: "{first}T17:00:00"
timezone: Europe/Brussels
stages:
  - name: first stage
    deadline: "{first}T17:00:00"
  - name: second stage
    deadline: "2026-09-17T17:00:00"
budget: EUR 12 000 000, 3 grants expected
budget_rows:
  - action: {HE} - HORIZON-RIA
    year: "2026"
    amount: 12000000
    grants: 3
url: "{PAGE}horizon-cl5-2026-d3-01-07"
rules_from: general-conditions
rules:
  min_partners: 3
  min_countries: 3
  min_eu_members: 1
  eligible_countries: [HORIZON_EUROPE]
  third_countries: allowed
rules_verified: true
sources: ["EU Funding & Tenders Portal, topic {HE}, fetched {fetched[:10]}", "Horizon Europe \
Work Programme, General Annexes, Annex B (eligibility): 3 independent legal entities from 3 \
countries, at least one in an EU Member State"]
notes: "Rules from Horizon Europe's general conditions for a RIA (General Annexes): the call \
document may add to them; read it and adjust rules: if it does."
portal:
  topic: {HE}
  fetched: "{fetched}"
  status: open
  deadline_time: assumed
  call_document: "https://example.org/call-document.pdf"
  news:
    - date: 2026-01-20
      text: The info day & its slides are online.
"""
    )


def test_fetch_writes_the_call_files(portal: FakePortal, cli: Cli, tmp_path: Path) -> None:
    """Stub row, CENTRICITY copy, stale "Open", a date-only deadline; a two-stage topic
    whose dates come as +0200 and +0000 renderings and as epoch milliseconds."""
    calls = tmp_path / "calls"
    ran = fetch(cli, calls, SMP, HE.lower())
    assert ran.exit_code == 0, ran.stderr
    assert (calls / f"{SMP}.yaml").read_text() == SMP_FILE
    assert (calls / f"{HE}.yaml").read_text() == he_file()
    assert "17:00 Brussels time, assumed" in ran.stderr
    assert f"{SMP}: rules not encoded" in ran.stderr
    assert len(portal.searches) == 1  # one search for every identifier asked


def test_fetched_calls_validate_and_check(portal: FakePortal, cli: Cli, tmp_path: Path) -> None:
    """`validate` accepts them; `check` uses them: Euroclusters at 17:00 CET with EUR 42
    million and its rules not encoded; the Horizon topic's general conditions apply."""
    from tests.conftest import EXAMPLE

    calls = tmp_path / "calls"
    assert fetch(cli, calls, SMP, HE).exit_code == 0
    assert cli("validate", calls).exit_code == 0
    shown = cli("calls", "show", SMP, "--calls", calls, "--now", NOW)
    assert "05 Feb 2025 17:00 CET" in shown.stdout
    assert "EUR 42 000 000" in shown.stdout
    assert "Rules not encoded" in shown.stdout
    (tmp_path / "clusters").mkdir()
    for name in ("fr-energy-transition", "es-energy-efficiency"):
        text = (EXAMPLE / "clusters" / f"{name}.yaml").read_text()
        (tmp_path / "clusters" / f"{name}.yaml").write_text(text)
    members = (
        "members:\n"
        "  - {cluster: fr-energy-transition, role: coordinator, status: confirmed}\n"
        "  - {cluster: es-energy-efficiency, role: partner, status: confirmed}\n"
    )
    (tmp_path / "consortium.yaml").write_text(f"call: {HE}\n{members}")
    checked = cli("check", tmp_path / "consortium.yaml", "--format", "json", "--now", NOW)
    assert checked.exit_code == 1, checked.stderr
    assert '"rule": "min-partners"' in checked.stdout
    assert "21 Apr 2026" not in checked.stderr
    (tmp_path / "consortium.yaml").write_text(f"call: {SMP}\n{members}")
    strict = cli("check", tmp_path / "consortium.yaml", "--strict", "--now", "2025-01-06T10:00")
    assert strict.exit_code == 1, strict.stdout + strict.stderr


def test_pages_are_followed_and_must_add_up(portal: FakePortal, cli: Cli, tmp_path: Path) -> None:
    portal.page_cap = 1  # three SMP records and one Horizon one: four pages
    ran = fetch(cli, tmp_path / "calls", SMP, HE)
    assert ran.exit_code == 0, ran.stderr
    assert [s["page"] for s in portal.searches] == [1, 2, 3, 4]
    assert (tmp_path / "calls" / f"{SMP}.yaml").read_text() == SMP_FILE
    portal.announce_extra = 2
    lost = fetch(cli, tmp_path / "other", SMP)
    assert lost.exit_code == 2
    assert "the pages held 3 results, the portal announced 5" in lost.stderr
    assert not (tmp_path / "other").exists()


def move_first_stage(portal: FakePortal) -> None:
    from datetime import date

    portal.records[-1] = he_record("2026-04-28T17:00:00.000+0000")
    portal.details[HE] = he_details(date(2026, 4, 28))


def test_existing_file_is_updated_only_when_asked_and_keeps_rules(
    portal: FakePortal, cli: Cli, tmp_path: Path
) -> None:
    calls = tmp_path / "calls"
    assert fetch(cli, calls, HE).exit_code == 0
    path = calls / f"{HE}.yaml"
    edited = path.read_text().replace("min_partners: 3", "min_partners: 4")
    path.write_text(edited)
    assert fetch(cli, calls, HE).exit_code == 0  # nothing moved: nothing to do
    move_first_stage(portal)
    later = "2026-02-09T10:00:00+01:00"
    refused = fetch(cli, calls, HE, now=later)
    assert refused.exit_code == 2
    assert "first stage deadline moved from 21 Apr 2026 to 28 Apr 2026" in refused.stderr
    assert "give --update" in refused.stderr
    assert path.read_text() == edited
    done = fetch(cli, calls, HE, now=later, more=("--update",))
    assert done.exit_code == 0, done.stderr
    expected = he_file("2026-04-28", "2026-02-09T09:00:00+00:00").replace(
        "min_partners: 3", "min_partners: 4"
    )
    assert path.read_text() == expected


def test_refresh_reports_a_moved_deadline(portal: FakePortal, cli: Cli, tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    assert fetch(cli, calls, SMP, HE).exit_code == 0
    quiet = cli("calls", "refresh", "--calls", calls, "--now", NOW)
    assert quiet.exit_code == 0, quiet.stdout + quiet.stderr
    move_first_stage(portal)
    ran = cli("calls", "refresh", "--calls", calls, "--format", "github", "--now", NOW)
    assert ran.exit_code == 1, ran.stderr
    lines = (calls / f"{HE}.yaml").read_text().splitlines()
    line = lines.index('    deadline: "2026-04-21T17:00:00"') + 1
    where = str(calls / f"{HE}.yaml").replace(":", "%3A").replace(",", "%2C")
    annotation = (
        f"::error file={where},line={line},title=deadline-moved::"
        "first stage deadline moved from 21 Apr 2026 to 28 Apr 2026"
    )
    assert ran.stdout.splitlines()[0] == annotation
    assert [ln for ln in ran.stdout.splitlines() if ln.startswith("::")] == [annotation]
    text = cli("calls", "refresh", "--calls", calls, "--format", "json", "--now", NOW)
    assert text.exit_code == 1 and '"moved": 1' in text.stdout
    assert (calls / f"{HE}.yaml").read_text() == he_file()  # reported, not written


def test_refresh_says_news_and_status(portal: FakePortal, cli: Cli, tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    portal.details[HE]["TopicDetails"]["latestInfos"] = []  # the news came out later
    assert fetch(cli, calls, HE, now="2026-01-10T10:00:00+01:00").exit_code == 0
    portal.details[HE] = he_details()
    ran = cli("calls", "refresh", "--calls", calls, "--now", NOW)
    assert ran.exit_code == 0, ran.stdout
    assert "warning [status] status now open (was forthcoming)" in ran.stdout
    assert "warning [news] news of 20 Jan 2026: The info day & its slides are online." in ran.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
def test_search_lists_open_topics(portal: FakePortal, cli: Cli, fmt: str) -> None:
    from tests.portal_fake import record

    for n in range(150):
        day = f"2026-0{3 + n % 6}-{10 + n % 15}T00:00:00.000+0000"
        portal.records.append(
            record(
                f"HORIZON-CL4-2026-TEST-{n:03d}",
                title=f"Topic {n}",
                frameworkProgramme="43108390",
                status="31094502",
                deadlineDate=day,
                startDate="2026-01-01T00:00:00.000+0000",
            )
        )
    portal.page_cap = 60
    ran = cli("calls", "search", "--open", "--closing-within", "40d", "--format", fmt, "--now", NOW)
    assert ran.exit_code == 0, ran.stderr
    assert max(s["page"] for s in portal.searches) == 3  # 151 forthcoming or open: 3 pages
    # March deadlines on the 10th to the 13th: 40 days from NOW end on 14 March at 10:00,
    # before that day's 17:00
    wanted = {f"HORIZON-CL4-2026-TEST-{n:03d}" for n in range(150) if n % 6 == 0 and n % 15 < 4}
    shown = set(re.findall(r"HORIZON-CL4-2026-TEST-\d{3}", ran.stdout))
    assert shown == wanted
    assert SMP not in ran.stdout and HE not in ran.stdout  # stale "Open"; not open yet


def test_failures_are_one_line(
    portal: FakePortal,
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    httpserver: HTTPServer,
) -> None:
    from consortium.portal.client import Portal, Session, address

    unknown = fetch(cli, tmp_path / "calls", "HORIZON-XX-2026-NONE-01")
    assert unknown.exit_code == 2
    assert unknown.stderr.strip().splitlines() == [
        "consortium: no topic HORIZON-XX-2026-NONE-01 on the Funding & Tenders Portal: check "
        "the identifier (`consortium calls search TEXT` lists topics)"
    ]
    bad = fetch(cli, tmp_path / "calls", "../etc/passwd")
    assert bad.exit_code == 2 and "is not a topic identifier" in bad.stderr
    search = address(httpserver.url_for("/search"), "X")
    assert not isinstance(search, str)
    with Session(Portal(search, search), lambda: 0.0, lambda s: None) as session:
        refused = list(session.search({"bool": {"must": [{"wildcard": {"title": "a*"}}]}}))
    assert refused == [
        f"{search.shown}: the portal refused the search (HTTP 400: Invalid Query format)"
    ]
    monkeypatch.setenv("CONSORTIUM_PORTAL_SEARCH", "ftp://x")
    wrong = fetch(cli, tmp_path / "calls", SMP)
    assert (
        wrong.stderr
        == "consortium: CONSORTIUM_PORTAL_SEARCH is not a web address like https://host/path: check it\n"
    )
    monkeypatch.setenv("CONSORTIUM_PORTAL_SEARCH", "http://127.0.0.1:9/search")
    offline = fetch(cli, tmp_path / "calls", SMP)
    assert offline.exit_code == 2
    assert len(offline.stderr.splitlines()) == 1
    assert "cannot reach the service" in offline.stderr


def test_the_client_sends_what_the_api_wants(httpserver: HTTPServer) -> None:
    """The fake's refusals are the real API's: a plain form field gets 500, GET 405."""
    import httpx

    fake = FakePortal(records=smp_records())
    httpserver.expect_request("/search").respond_with_handler(fake.search)
    url = httpserver.url_for("/search") + "?apiKey=SEDIA&text=***&pageSize=100&pageNumber=1"
    assert httpx.get(url).status_code == 405
    plain = httpx.post(url, data={"query": '{"bool": {"must": []}}'})
    assert (plain.status_code, plain.json()) == (500, {"type": "throwable"})


def test_retries_then_says_the_service_failed(httpserver: HTTPServer) -> None:
    from consortium.portal.client import Portal, Session, address

    httpserver.expect_request("/search").respond_with_json({"type": "throwable"}, status=500)
    search = address(httpserver.url_for("/search"), "X")
    assert not isinstance(search, str)
    waits: list[float] = []
    with Session(Portal(search, search), lambda: 0.0, waits.append) as session:
        answer = list(session.search({"bool": {"must": []}}))
    assert answer == [f"{search.shown}: the service failed (HTTP 500) (4 tries)"]
    assert waits == [0.5, 1.0, 2.0]


def test_the_weekly_workflow_refreshes_calls() -> None:
    from consortium.proposal.scaffold import WORKFLOW

    assert "consortium calls refresh --format github" in WORKFLOW
    assert "github.event_name == 'schedule'" in WORKFLOW
    assert "calls refresh" in (ROOT / "docs" / "workflow.yml").read_text()


def test_topic_json_alone_gives_dates_from_epoch_milliseconds(
    portal: FakePortal, cli: Cli, tmp_path: Path
) -> None:
    """A topic the search does not list yet: its JSON's epoch milliseconds (00:00 UTC) give
    the days, its programme id the rules."""
    portal.records = []
    ran = fetch(cli, tmp_path / "calls", HE)
    assert ran.exit_code == 0, ran.stderr
    text = (tmp_path / "calls" / f"{HE}.yaml").read_text()
    assert "programme: Horizon Europe\n" in text
    assert '    deadline: "2026-04-21T17:00:00"\n' in text
    assert '    deadline: "2026-09-17T17:00:00"\n' in text
    assert "opening: 2026-01-15\n" in text
    assert "rules_from: general-conditions\n" in text


def test_refresh_with_a_broken_call_file_exits_2(
    portal: FakePortal, cli: Cli, tmp_path: Path
) -> None:
    calls = tmp_path / "calls"
    assert fetch(cli, calls, HE).exit_code == 0
    (calls / "broken.yaml").write_text("id: [\n")
    ran = cli("calls", "refresh", "--calls", calls, "--now", NOW)
    assert ran.exit_code == 2
    assert "broken.yaml: fix it to refresh it" in ran.stderr
