"""Issue 16, points 3, 4 and 7 (the import side): a hostile service cannot exhaust us, the
key and the address never leak, one bad input never ends a batch.

The service is a real local HTTP server (pytest-httpserver, werkzeug streaming answers);
the bounds are checked on the installed command in a real process, with its peak memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from consortium.importing.address import service_address
from consortium.importing.fetch import Limits, Query, fetch
from tests.conftest import OWN_TEXT, Cli
from tests.test_import_service import ITEMS, KEY, load, page, plain

MEASURED = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(done.returncode)\n"
)


def run_measured(*args: str | Path) -> tuple[int, str, float, int]:
    """The installed command in a real process: exit code, stderr, seconds, peak KiB."""
    env = {**os.environ, "EEN_API_KEY": "test-key", "NO_COLOR": "1"}
    argv = [sys.executable, "-c", MEASURED, sys.executable, "-m", "consortium", *map(str, args)]
    start = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, done.stderr, time.monotonic() - start, int(done.stdout.split()[-1])


def gzip_bomb(compressed_mib: int) -> bytes:
    """A gzip body of about ``compressed_mib`` MiB that inflates about 1 000 times bigger:
    one flushed deflate block of 1 MiB of zeros, repeated (built in milliseconds)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(b"\0" * 1024 * 1024) + deflate.flush(zlib.Z_FULL_FLUSH)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    return header + block * (compressed_mib * 1024 * 1024 // len(block))


def endless(chunk: bytes, pause: float = 0.0) -> Iterator[bytes]:
    while True:
        yield chunk
        if pause:
            time.sleep(pause)


def test_gzip_bomb_is_refused_in_one_line_and_little_memory(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    body = gzip_bomb(3)  # 3 MiB that inflate to about 3 GiB
    httpserver.expect_request("/v1/profiles").respond_with_response(
        Response(body, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    )
    base = httpserver.url_for("/v1")
    code, stderr, seconds, peak = run_measured("import", "--from-een", "--base-url", base)
    assert code == 2
    assert stderr == plain(base) + (
        f"consortium: {base}/profiles: the answer is larger than 16 MiB once unpacked: "
        "stopped (check --base-url)\n"
    )
    assert seconds < 10 and peak < 200 * 1024


def test_endless_body_is_refused_in_one_line_and_little_memory(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/profiles").respond_with_handler(
        lambda request: Response(endless(b"[" * 65536), content_type="application/json")
    )
    base = httpserver.url_for("/v1")
    code, stderr, seconds, peak = run_measured("import", "--from-een", "--base-url", base)
    assert code == 2
    assert stderr.endswith(
        f"{base}/profiles: the answer is larger than 16 MiB once unpacked: "
        "stopped (check --base-url)\n"
    )
    assert len(stderr.splitlines()) == 2 and seconds < 10 and peak < 200 * 1024


def test_slow_drip_is_refused_within_the_timeout(httpserver: HTTPServer) -> None:
    """One byte every 0.2 s: each read is quick, the whole answer never is."""
    httpserver.expect_request("/v1/profiles").respond_with_handler(
        lambda request: Response(endless(b" ", 0.2), content_type="application/json")
    )
    base = httpserver.url_for("/v1")
    args = ("--timeout", "1", "--retries", "0")
    code, stderr, seconds, peak = run_measured("import", "--from-een", "--base-url", base, *args)
    assert code == 2
    assert stderr == plain(base) + f"consortium: {base}/profiles: no answer within 1 s (1 try)\n"
    assert seconds < 1 + 4  # the deadline, plus the interpreter's start-up on a busy machine
    assert peak < 200 * 1024


@pytest.mark.slow
def test_endless_pages_stop_at_the_page_limit(httpserver: HTTPServer) -> None:
    """Every page says another follows; 1 000 pages are read, then one line."""
    asked = []

    def pages(request: Request) -> Response:
        asked.append(request.args["PageIndex"])
        return Response(json.dumps(page(ITEMS[:1], len(asked), True)), mimetype="application/json")

    httpserver.expect_request("/v1/profiles").respond_with_handler(pages)
    base = httpserver.url_for("/v1")
    args = ("--type", "BR", "--dry-run")  # the item is a technology offer: none imported
    code, stderr, seconds, peak = run_measured("import", "--from-een", "--base-url", base, *args)
    assert code == 2
    assert (
        stderr
        == plain(base) + f"consortium: {base}/profiles: still more pages after 1000: stopped\n"
    )
    assert len(asked) == 1000 and seconds < 30 and peak < 200 * 1024


def test_a_page_with_no_items_ends_the_fetch(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    for index, items in enumerate([ITEMS[:1], [], ITEMS[1:]], start=1):
        httpserver.expect_ordered_request("/v1/profiles").respond_with_json(
            page(items, index, True)
        )
    out = tmp_path / "out"
    result = cli(
        "import", "--from-een", "--base-url", httpserver.url_for("/v1"), "-o", out, env=KEY
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(load(out)) == ["TOAT20240501001"]
    assert len(httpserver.log) == 2


def query(base: str, limits: Limits, retries: int = 0) -> Query:
    address = service_address(base)
    assert not isinstance(address, str)
    return Query(address, "test-key", 5.0, retries, limits=limits)


def test_pages_are_handed_over_one_at_a_time_within_the_item_limit(httpserver: HTTPServer) -> None:
    """The caller has each page before the next is asked; the item limit cuts the last."""
    served = []

    def pages(request: Request) -> Response:
        served.append(request.args["PageIndex"])
        return Response(json.dumps(page(ITEMS, len(served), True)), mimetype="application/json")

    httpserver.expect_request("/v1/profiles").respond_with_handler(pages)
    got = fetch(query(httpserver.url_for("/v1"), Limits(items=7)), time.monotonic, time.sleep)
    assert next(got) == ITEMS and served == ["1"]
    rest = list(got)
    assert [len(p) for p in rest[:-1]] == [3, 1]
    assert rest[-1] == f"{httpserver.url_for('/v1/profiles')}: more than 7 profiles: stopped"


def test_the_back_off_has_a_ceiling(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/profiles").respond_with_data("busy", status=503)
    waits: list[float] = []
    limits = Limits(backoff_ceiling=3.0)
    got = list(
        fetch(query(httpserver.url_for("/v1"), limits, retries=6), time.monotonic, waits.append)
    )
    assert waits == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]
    assert got == [f"{httpserver.url_for('/v1/profiles')}: the service failed (HTTP 503) (7 tries)"]


# Point 4: the key and the address.


def test_the_key_never_goes_over_plain_http_to_another_machine(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", "--from-een", "--base-url", "http://b2b.example.org/v1", env=KEY)
    assert result.exit_code == 2
    assert result.stderr == (
        "consortium: --base-url http://b2b.example.org/v1/profiles: refusing to send "
        "EEN_API_KEY over plain http:// to another machine (anyone on the way could read it): "
        "use https://\n"
    )


def test_user_info_and_query_are_never_written_or_said(
    cli: Cli, tmp_path: Path, httpserver: HTTPServer
) -> None:
    httpserver.expect_request(
        "/v1/profiles",
        query_string={"token": "t0ken-SECRET", "PageIndex": "1", "PageSize": "200"},
    ).respond_with_json(page(ITEMS, 1, False))
    port = httpserver.port
    base = f"http://user:pa55-SECRET@localhost:{port}/v1?token=t0ken-SECRET#frag-SECRET"
    out = tmp_path / "out"
    result = cli("import", "--from-een", "--base-url", base, "-o", out, env=KEY)
    assert result.exit_code == 0, result.stderr
    assert len(load(out)) == 3
    written = "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "SECRET" not in written + result.stderr
    assert f"(http://localhost:{port}/v1/profiles)" in written
    closed = cli("import", "--from-een", "--base-url", base.replace(str(port), "9"), env=KEY)
    assert closed.exit_code == 2 and "cannot reach the service" in closed.stderr
    assert "SECRET" not in closed.stderr


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("abc\nX-Injected: SECRET", "EEN_API_KEY holds a line break or another control character"),
        ("abc\rSECRET", "EEN_API_KEY holds a line break or another control character"),
        ("clé-SECRET", "EEN_API_KEY holds a character that is not ASCII"),
    ],
)
def test_a_key_that_cannot_be_a_header_is_refused_unechoed(
    cli: Cli, key: str, message: str
) -> None:
    base = "https://b2b.example.org/v1"
    result = cli("import", "--from-een", "--base-url", base, env={"EEN_API_KEY": key})
    assert result.exit_code == 2
    assert result.stderr == f"consortium: {message}: set it again with the key alone\n"


@pytest.mark.parametrize(
    "base", ["http://[::1/v1", "http://localhost:99999/v1", "ftp://x/v1", "v1"]
)
def test_a_malformed_address_is_one_line(cli: Cli, base: str) -> None:
    result = cli("import", "--from-een", "--base-url", base, env=KEY)
    assert result.exit_code == 2
    assert result.stderr == (
        "consortium: --base-url is not a web address like https://b2b.een.ec.europa.eu/v1: "
        "check it\n"
    )


# Point 7: one bad input never ends a batch.


def answer(*items: object) -> str:
    return json.dumps({"data": {"items": list(items)}})


def remove_deep(top: Path, depth: int) -> None:
    """Remove what ``deep_folder`` built, innermost first, level by level: pytest's own
    clean-up of old temporary folders recurses and fails on 1 500 levels."""
    for level in range(depth, 0, -1):
        fd = os.open(top, os.O_RDONLY)
        try:
            for _ in range(level - 1):
                inner = os.open("dd", os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = inner
            os.rmdir("dd", dir_fd=fd)
        finally:
            os.close(fd)


@pytest.fixture
def deep_folder() -> Iterator[Callable[[Path, int], Path]]:
    built: list[tuple[Path, int]] = []

    def build(top: Path, depth: int) -> Path:
        built.append((top, depth))
        return _deep_folder(top, depth)

    yield build
    for top, depth in built:
        remove_deep(top, depth)


def _deep_folder(top: Path, depth: int) -> Path:
    """``top/dd/dd/...``, ``depth`` levels: longer than a path may be, so built level by
    level relative to the one above."""
    top.mkdir()
    fd = os.open(top, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("dd", dir_fd=fd)
        inner = os.open("dd", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    return top / "/".join(["dd"] * depth)


@pytest.mark.slow
def test_one_bad_input_never_ends_a_batch(
    cli: Cli, tmp_path: Path, deep_folder: Callable[[Path, int], Path]
) -> None:
    good = ITEMS[0]
    folder = tmp_path / "in"
    folder.mkdir()
    bad = {
        "a-surrogate.json": answer({"reference": "TOAT20240501002", "title": "x"}).replace(
            '"x"', '"x\\ud800y"'
        ),
        "b-digits.json": answer({"reference": "TOAT20240501003", "title": "t", "n": 1}).replace(
            '"n": 1', '"n": ' + "9" * 5000
        ),
        "c-deep.json": answer({"reference": "TOAT20240501004", "x": 1}).replace(
            '"x": 1', '"x": ' + "[" * 100_000 + "]" * 100_000
        ),
        "d-arabic.json": answer(
            {
                "reference": "TOAT\u0662\u0660\u0662\u0664\u0660\u0665\u0660\u0661\u0660\u0660\u0665",
                "title": "t",
            }
        ),
        "e-fullwidth.txt": "A title\n\nReference: TOAT\uff12\uff10\uff12\uff14\uff10\uff15\uff10\uff11\uff10\uff10\uff16\n",
        "f-large.json": answer(
            {**good, "reference": "TOAT20240501007", "description": "word " * 250_000}
        ),
    }
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8")
    mixed = answer({"reference": "TOAT20240501008", "title": "t", "x": 1}, ITEMS[1])
    (folder / "g-mixed.json").write_text(mixed.replace('"x": 1', '"x": ' + "[" * 50 + "]" * 50))
    (folder / "z-own-text.txt").write_bytes(OWN_TEXT.read_bytes())
    deep = tmp_path / "deep"
    deep_path = deep_folder(deep, 1500)
    out = tmp_path / "out"
    result = cli("import", folder, deep_path, "-o", out)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "internal error" not in result.stderr
    assert [line.split(": ", 1)[1] for line in lines if line.startswith(str(folder))] == [
        "TOAT20240501002: holds a \\ud800-style escape that is no character: not text",
        "TOAT20240501003: holds a number of 5000 digits: not a profile value",
        "is not valid JSON (nested too deeply): not a saved answer",
        "'TOAT\u0662\u0660\u0662\u0664\u0660\u0665\u0660\u0661\u0660\u0660\u0665' is not an EEN reference: expected TYPE (RD, RDR, BO, BR, TO, TR), a two-letter country, the date as YYYYMMDD and a number, e.g. RDFR20201119001",
        "'TOAT\uff12\uff10\uff12\uff14\uff10\uff15\uff10\uff11\uff10\uff10\uff16' is not an EEN reference: expected TYPE (RD, RDR, BO, BR, TO, TR), a two-letter country, the date as YYYYMMDD and a number, e.g. RDFR20201119001",
        "TOAT20240501008: nests deeper than 20 levels: not a profile",
    ]
    assert f"{out}/TOAT20240501007.yaml: would be larger than 1024 KiB" in result.stderr
    assert any(line.startswith(f"{deep}/dd/dd") and "cannot be read" in line for line in lines)
    assert "consortium: 2 profile(s) imported (2 written, 0 unchanged), 8 not imported" in lines
    assert sorted(load(out)) == ["BRHU20240601001", "RDNO20250203001"]
    assert cli("validate", out).exit_code == 0


def test_never_writes_through_a_linked_output_folder(cli: Cli, tmp_path: Path) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project / ".git").mkdir(parents=True)
    elsewhere.mkdir()
    (project / "requests").symlink_to(elsewhere)
    result = cli("import", OWN_TEXT, "-o", project / "requests")
    assert result.exit_code == 2
    assert result.stderr == (
        f"consortium: {project}/requests: is a link that leads outside the proposal's folder "
        f"({project}): links must stay inside the repository\n"
    )
    assert list(elsewhere.iterdir()) == []
    (project / "shared").mkdir()
    (project / "inside").symlink_to(project / "shared")
    assert cli("import", OWN_TEXT, "-o", project / "inside").exit_code == 0
    assert [p.name for p in (project / "shared").iterdir()] == ["RDNO20250203001.yaml"]
