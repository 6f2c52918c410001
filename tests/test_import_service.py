"""`consortium import` on the Partner Web Service: saved JSON, and --from-een against a real
local HTTP server (pytest-httpserver) serving pages in the service's shape; no test touches
the internet."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer
from werkzeug import Request as HttpRequest
from werkzeug import Response

from consortium.models import Request
from tests.conftest import Cli

DATA = Path(__file__).parent / "data" / "een"
ITEMS = json.loads((DATA / "profiles.json").read_text(encoding="utf-8"))["data"]["items"]
KEY = {"EEN_API_KEY": "test-key"}


def plain(base: str) -> str:
    """The warning every test against the local (plain http) service gets first."""
    return (
        f"consortium: note: --base-url {base}/profiles: EEN_API_KEY goes over plain http:// "
        "(allowed: this machine)\n"
    )


def load(out: Path) -> dict[str, Request]:
    return {
        p.stem: Request.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted(out.glob("*.yaml"))
    }


def test_saved_json_full_limited_and_rdr_items(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    # judged before the profiles expired (issue 19 closes a profile expired before that day)
    result = cli("import", DATA / "profiles.json", "-o", out, "--today", "2024-03-15")
    assert result.exit_code == 0, result.stderr
    assert cli("validate", out).exit_code == 0
    got = load(out)
    full = got["TOAT20240501001"]
    assert full.title == "Austrian start-up offers software that balances local smart grids"
    assert (full.country, full.published, full.expires, full.status) == (
        "AT",
        date(2024, 5, 1),
        date(2025, 5, 1),
        "open",
    )
    assert full.stage == "available for demonstration"
    assert full.keywords == ["Smart grids", "Energy storage", "Energy distribution"]
    assert full.summary and full.summary.startswith("An Austrian start-up offers software")
    assert full.description == (
        "The software forecasts the load of each feeder and steers batteries and heat pumps."
    )
    assert full.source == (
        "EEN Partner Web Service, technology offer TOAT20240501001, published 1 May 2024 "
        "(profiles.json)"
    )
    limited = got["BRHU20240601001"]
    assert (limited.title, limited.country, limited.status) == (
        "Hungarian food retailer seeks organic honey producers",
        "HU",
        "closed",
    )
    assert (limited.published, limited.expires) == (date(2024, 6, 1), date(2025, 6, 1))
    assert limited.summary is None and limited.description is None and limited.seeking is None
    assert (
        f"{out}/BRHU20240601001.yaml: note: limited profile: the service gave no shortSummary, "
        "description, expectedRoleOfThePartner" in result.stderr
    )
    text = (out / "BRHU20240601001.yaml").read_text(encoding="utf-8")
    assert "# summary: not found in the profile" in text
    rdr = got["RDRBE20240715001"]
    assert rdr.ref.type == "RDR" and rdr.country == "BE" and rdr.published == date(2024, 7, 15)
    assert rdr.call is not None and not isinstance(rdr.call, str)
    assert (rdr.call.id, rdr.call.programme, rdr.call.title) == (
        "HORIZON-CL4-2024-TWIN-TRANSITION-01-38",
        "Horizon Europe",
        "Digital tools for manufacturing SMEs",
    )
    assert (rdr.deadlines.eoi, rdr.deadlines.call) == (date(2024, 9, 15), date(2024, 11, 19))
    assert (rdr.stage, rdr.status, rdr.expires) == ("concept", "open", date(2024, 11, 19))
    assert [(m.name, m.country, m.status) for m in rdr.consortium] == [
        ("Belgian manufacturing cluster", "BE", "confirmed"),
        ("Dutch robotics cluster", "NL", "confirmed"),
        ("Czech cluster", "CZ", "interested"),
    ]
    assert rdr.seeking is not None
    assert (rdr.seeking.role, rdr.seeking.experience) == ("coordinator", ["Horizon Europe"])
    assert rdr.keywords == ["robotics", "manufacturing", "twin transition"]


def page(items: list[dict[str, object]], index: int, has_next: bool) -> dict[str, object]:
    return {"data": {"items": items, "pagingInfo": {"pageIndex": index, "hasNext": has_next}}}


def serve_pages(httpserver: HTTPServer, pages: list[dict[str, object]]) -> None:
    for index, body in enumerate(pages, start=1):
        httpserver.expect_ordered_request(
            "/v1/profiles",
            query_string={"PageIndex": str(index), "PageSize": "200"},
            headers={"X-API-KEY": "test-key"},
        ).respond_with_json(body)


def test_from_een_fetches_three_pages(cli: Cli, tmp_path: Path, httpserver: HTTPServer) -> None:
    serve_pages(httpserver, [page([i], n, n < 3) for n, i in enumerate(ITEMS, start=1)])
    out = tmp_path / "out"
    result = cli(
        "import", "--from-een", "--base-url", httpserver.url_for("/v1"), "-o", out, env=KEY
    )
    assert result.exit_code == 0, result.stderr
    httpserver.check_assertions()
    assert sorted(load(out)) == ["BRHU20240601001", "RDRBE20240715001", "TOAT20240501001"]
    source = load(out)["RDRBE20240715001"].source
    assert source and source.endswith(f"({httpserver.url_for('/v1/profiles')})")


def test_from_een_filters_by_type_country_and_date(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    serve_pages(httpserver, [page(ITEMS, 1, False)])
    out = tmp_path / "out"
    base = httpserver.url_for("/v1")
    result = cli("import", "--from-een", "--base-url", base, "-o", out, "--type", "RDR", env=KEY)
    assert result.exit_code == 0 and sorted(load(out)) == ["RDRBE20240715001"]
    serve_pages(httpserver, [page(ITEMS, 1, False)])
    args = ("--country", "hu", "--since", "2024-05-15")
    assert cli("import", "--from-een", "--base-url", base, "-o", out, *args, env=KEY).exit_code == 0
    assert sorted(load(out)) == ["BRHU20240601001", "RDRBE20240715001"]


@pytest.mark.parametrize("status", [401, 403])
def test_from_een_refused_key_is_one_line(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer, status: int
) -> None:
    httpserver.expect_request("/v1/profiles").respond_with_data("no", status=status)
    base = httpserver.url_for("/v1")
    result = cli("import", "--from-een", "--base-url", base, "-o", tmp_path, env=KEY)
    assert result.exit_code == 2
    assert result.stderr == plain(base) + (
        f"consortium: {base}/profiles: key refused or this address is not allowed "
        f"(HTTP {status}): check EEN_API_KEY\n"
    )


def test_from_een_retries_after_a_server_error(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_ordered_request("/v1/profiles").respond_with_data("busy", status=500)
    httpserver.expect_ordered_request("/v1/profiles").respond_with_json(page(ITEMS[:1], 1, False))
    out = tmp_path / "out"
    result = cli(
        "import", "--from-een", "--base-url", httpserver.url_for("/v1"), "-o", out, env=KEY
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(load(out)) == ["TOAT20240501001"]


def test_from_een_gives_up_after_retries(cli: Cli, tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/profiles").respond_with_data("down", status=503)
    base = httpserver.url_for("/v1")
    result = cli("import", "--from-een", "--base-url", base, "--retries", "1", env=KEY)
    assert result.exit_code == 2
    assert result.stderr == plain(base) + (
        f"consortium: {base}/profiles: the service failed (HTTP 503) (2 tries)\n"
    )


def test_from_een_timeout_is_one_line(cli: Cli, tmp_path: Path, httpserver: HTTPServer) -> None:
    def slow(request: HttpRequest) -> Response:
        time.sleep(0.5)
        return Response(json.dumps(page([], 1, False)), content_type="application/json")

    httpserver.expect_request("/v1/profiles").respond_with_handler(slow)
    base = httpserver.url_for("/v1")
    args = ("--timeout", "0.1", "--retries", "0")
    result = cli("import", "--from-een", "--base-url", base, *args, "-o", tmp_path, env=KEY)
    assert result.exit_code == 2
    assert result.stderr == plain(base) + (
        f"consortium: {base}/profiles: no answer within 0.1 s (1 try)\n"
    )


def test_from_een_needs_a_key(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EEN_API_KEY", raising=False)
    result = cli("import", "--from-een", "--base-url", "http://127.0.0.1:9/v1", "-o", tmp_path)
    assert result.exit_code == 2
    assert "set EEN_API_KEY" in result.stderr and "EEN member organisations only" in result.stderr


def test_from_een_answer_of_another_shape(cli: Cli, tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/profiles").respond_with_json({"profiles": []})
    base = httpserver.url_for("/v1")
    result = cli("import", "--from-een", "--base-url", base, "-o", tmp_path, env=KEY)
    assert result.exit_code == 2 and result.stderr.startswith(plain(base))
    assert len(result.stderr.splitlines()) == 2
    assert "not the Partner Web Service's shape" in result.stderr
