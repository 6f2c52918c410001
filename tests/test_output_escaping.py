"""Issue 16, deliverable 5: values from files are shown as text in every view and format.

The bundled example is copied and every free-text field the schema accepts, and a file
name, is given a hostile value (a formula, Markdown and HTML, a workflow command, ESC, a
bidi override, ``\\N``, U+FFFF, C1 controls). Every view of ``report.formats.VIEWS`` is then
run through the CLI in every format it has, so a new view or format is covered the day it is
registered (and fails here until this file knows how to run it and what its output must be).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from consortium.calls.known import preset_data
from consortium.models import Call, Cluster, Request
from consortium.report.formats import CHECK, VIEWS
from consortium.report.values import FORMULA_START, SUMMARY_BYTES
from tests.conftest import EXAMPLE, Cli

TODAY = ("--today", "2020-11-27")
PARTS = [
    "=1+1",
    "@SUM(A1)",
    "-2+3",
    "+1",
    "\t=x",
    "::error::forged",
    "##[add-mask]FR",
    "\x1b[31m",
    "\u202e",
    "\u2066",
    "<h1>big</h1>",
    "[link](https://e.invalid)",
    "![img](https://e.invalid/i.png)",
    "`code`",
    "*em* _em_ **strong** ~~gone~~",
    "a|b",
    "\\N",
    "\uffff",
    "\x85",
    "\x7f",
    "&lt;",
    "\x00",
]
HOSTILE = "".join(PARTS)
# A cluster id the models accept (no '/', ':', '<', '>', control) and still hostile.
HOSTILE_ID = "=1+@[a](b)_u_`c`##[w] &amp; #h ~~s~~ $(touch x)"
HOSTILE_FILE = "=x ##[y] \x1b[2J \u202e \uffff [a](b) `c` \\N"
CALL_ID = "HOSTILE-CALL"
REFERENCE = "RDFR20201119001"

# What must never be raw in any output: controls (a line feed and, in .ics, CR apart), bidi
# embeddings, overrides and isolates, line separators, lone surrogates, U+FFFE/U+FFFF.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
ANNOTATION = re.compile(r"^::(error|warning) file=[^,:\n]*,line=\d+(,col=\d+)?,title=[a-z-]+::.*$")
NUMBER = re.compile(r"^-?[0-9]+$")  # a number the tool computes (remaining_seconds)
URI = re.compile(r"^[A-Za-z0-9\-._~/%!$&'()*+,;=:@]+$")


# --- a hostile proposal -------------------------------------------------------------------


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def hostile_fields(data: dict[str, Any], model: type[BaseModel], text: str) -> int:
    """Every string field the model still accepts with ``text`` in it gets ``text``."""
    changed = 0
    for path in list(_strings(data)):
        if path and path[0] in ("reference", "id"):
            continue  # the file's own name: kept, so the file is found
        old = data
        for key in path:
            old = old[key]
        _set(data, path, text)
        try:
            model.model_validate(data)
            changed += 1
        except ValidationError:
            _set(data, path, old)  # type: ignore[arg-type]
    return changed


def hostile_project(root: Path, text: str = HOSTILE, file_name: str = HOSTILE_FILE) -> Path:
    """A copy of the bundled example with ``text`` in every field that can hold it, a
    member's cluster file and the consortium file under hostile names, and a hostile call."""
    shutil.copytree(EXAMPLE, root, symlinks=False)
    for path in (root / "clusters").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        assert hostile_fields(data, Cluster, text) >= 3
        path.write_text(yaml.safe_dump(data, allow_unicode=False))
    request = root / "requests" / f"{REFERENCE}.yaml"
    data = yaml.safe_load(request.read_text())
    assert hostile_fields(data, Request, text) >= 5
    request.write_text(yaml.safe_dump(data, allow_unicode=False))
    call = dict(preset_data("COS-CLUSTER-2020-3-03"), id=CALL_ID)
    call = json.loads(json.dumps(call, default=str))
    assert hostile_fields(call, Call, text) >= 3
    (root / "calls").mkdir()
    (root / "calls" / f"{CALL_ID}.yaml").write_text(yaml.safe_dump(call, allow_unicode=False))
    (root / "clusters" / "pt-norte-energy.yaml").rename(root / "clusters" / f"{HOSTILE_ID}.yaml")
    consortium = (root / "consortium.yaml").read_text()
    consortium = consortium.replace("pt-norte-energy", f"'{HOSTILE_ID}'")
    path = root / f"{file_name}.yaml"
    (root / "consortium.yaml").unlink()
    path.write_text(consortium)
    return path


def view_args(view: str, root: Path, proposal: Path) -> tuple[Any, ...]:
    """How a user runs each view of ``VIEWS`` on the hostile project."""
    requests, clusters, calls = root / "requests", root / "clusters", root / "calls"
    known: dict[str, tuple[Any, ...]] = {
        "check": ("check", proposal),
        "requests list": ("requests", "list", "--all", "--dir", requests),
        "requests show": ("requests", "show", REFERENCE, "--dir", requests),
        "deadlines": ("deadlines", requests, "--all"),
        "calls list": ("calls", "list", "--calls", calls),
        "calls show": ("calls", "show", CALL_ID, "--calls", calls),
        "rules": ("rules",),
        "rules ID": ("rules", "min-partners"),
        "match": ("match", REFERENCE, "--dir", requests, "--clusters", clusters),
        "match --cluster": (
            "match",
            "--cluster",
            HOSTILE_ID,
            "--dir",
            requests,
            "--clusters",
            clusters,
        ),
        "suggest": ("suggest", proposal),
        "clusters list": ("clusters", "list", "--dir", clusters),
        "clusters show": ("clusters", "show", HOSTILE_ID, "--dir", clusters),
        "validate": ("validate", root),
    }
    assert view in known, f"new view {view!r}: say here how to run it"
    return known[view] + (() if view.startswith(("rules", "validate")) else TODAY)


# --- what each format must hold -----------------------------------------------------------


def check_csv(out: str) -> None:
    for row in csv.reader(io.StringIO(out)):
        for cell in row:
            assert NUMBER.match(cell) or not cell.startswith(FORMULA_START), cell


def markdown_tokens(out: str) -> Iterator[Any]:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for token in parser.parse(out):
        yield token
        yield from token.children or []


def check_markdown(out: str) -> None:
    """Rendered as GitHub does: no HTML, link, image or emphasis from a value, only the
    writer's own headings (h2), tables, lists, code and bold."""
    forbidden = {"html_inline", "html_block", "link_open", "image", "em_open", "s_open"}
    for token in markdown_tokens(out):
        assert token.type not in forbidden, (token, out)
        if token.type == "heading_open":
            assert token.tag == "h2", out
    assert len(out.encode()) < 1024 * 1024


def check_json(out: str) -> None:
    json.loads(out)


def check_sarif(out: str) -> None:
    for run in json.loads(out)["runs"]:
        for result in run["results"]:
            for location in result["locations"]:
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                assert URI.match(uri), uri


def check_junit(out: str) -> None:
    ET.fromstring(out)


def check_github(out: str) -> None:
    for line in out.splitlines():
        assert ANNOTATION.match(line) or not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


def check_html(out: str) -> None:
    """Valid, self-contained, and no markup from a value: the page's own one h1, no image."""
    from tests.html_page import assert_valid_page, local

    names = [local(e.tag) for e in assert_valid_page(out).iter()]
    assert names.count("h1") == 1 and "img" not in names and "a" not in names


def check_text(out: str) -> None:
    """Visible text: the general check on every output holds it."""


CHECKS: dict[str, Callable[[str], None]] = {
    "csv": check_csv,
    "markdown": check_markdown,
    "json": check_json,
    "sarif": check_sarif,
    "junit": check_junit,
    "github": check_github,
    "html": check_html,
    "text": check_text,
    "table": check_text,
}
CASES = [(view, fmt) for view, formats in VIEWS.items() for fmt in formats.names]


def check_log(out: str) -> None:
    """What a CI runner reads on either stream: no workflow command but our annotations,
    no ``##[`` anywhere."""
    for line in out.splitlines():
        assert not line.lstrip().startswith("::") or ANNOTATION.match(line), line
        assert "##[" not in line and "##vso[" not in line, line


def check_output(fmt: str, out: str, err: str = "") -> None:
    assert fmt in CHECKS, f"new format {fmt!r}: say here what its output must hold"
    raw = RAW.search(out)
    assert raw is None, (fmt, raw, out)
    check_log(out)
    check_log(err)
    CHECKS[fmt](out)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile") / "proposal"
    return root, hostile_project(root)


@pytest.mark.parametrize(("view", "fmt"), CASES, ids=[f"{v}-{f}" for v, f in CASES])
def test_every_view_and_format_shows_hostile_values_as_text(
    cli: Cli, project: tuple[Path, Path], view: str, fmt: str
) -> None:
    root, proposal = project
    result = cli(*view_args(view, root, proposal), "--format", fmt)
    # validate reports the problems of the hostile folder (exit 2): they must be safe too
    assert result.exit_code in ((0, 1, 2) if view == "validate" else (0, 1)), result.stderr
    check_output(fmt, result.stdout + (result.stderr if view == "validate" else ""), result.stderr)


@pytest.mark.parametrize("fmt", CHECK.names)
def test_a_hostile_file_that_cannot_be_checked_gives_a_safe_document(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    """The not-checkable findings go through the same writers, and are as safe."""
    path = tmp_path / f"{HOSTILE_FILE}.yaml"
    path.write_text(f"call: COS-CLUSTER-2020-3-03\nmembers:\n  - {{cluster: {HOSTILE_ID}\n")
    result = cli("check", path, "--format", fmt, *TODAY)
    assert result.exit_code == 2, result.output
    check_output(fmt, result.stdout, result.stderr)


def test_a_file_name_that_is_not_utf8_never_reaches_a_document_raw(
    cli: Cli, tmp_path: Path
) -> None:
    """On Linux a file name is bytes: one holding 0xff is reported, and every JSON document
    stays valid UTF-8 (it once left `suggest --format json` as invalid UTF-8)."""
    import os

    folder = tmp_path / "proposal"
    shutil.copytree(EXAMPLE, folder, symlinks=False)
    clusters = folder / "clusters"
    odd = Path(os.fsdecode(bytes(clusters / "dk-vest") + b"\xff" + b"energi.yaml"))
    (clusters / "dk-vestenergi.yaml").rename(odd)
    for args in (
        ("suggest", folder / "consortium.yaml"),
        ("match", REFERENCE, "--dir", folder / "requests", "--clusters", clusters),
        ("clusters", "list", "--dir", clusters),
    ):
        result = cli(*args, "--format", "json", *TODAY)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        json.loads(result.stdout.encode("utf-8"))  # encodes: no lone surrogate in it
        assert result.exit_code == 2 and "dk-vest\\xffenergi.yaml" in result.stderr, args
        assert "internal error" not in result.stderr


def test_values_survive_as_text(cli: Cli, project: tuple[Path, Path]) -> None:
    """Escaping shows values, it does not change them: JSON reads back the exact value,
    Markdown renders the markup as its characters, CSV keeps it behind one quote."""
    root, _ = project
    requests = ("--dir", root / "requests", *TODAY)
    shown = json.loads(cli("requests", "show", REFERENCE, *requests, "-f", "json").stdout)
    assert shown["title"] == HOSTILE
    rows = list(
        csv.DictReader(io.StringIO(cli("requests", "list", "--all", *requests, "-f", "csv").stdout))
    )
    assert rows[0]["title"].startswith("'=1+1@SUM")
    markdown = cli("requests", "list", "--all", *requests, "-f", "markdown").stdout
    text = "".join(
        t.content for t in markdown_tokens(markdown) if t.type in ("text", "code_inline")
    )
    for part in ("<h1>big</h1>", "[link](https://e.invalid)", "`code`", "*em* _em_", "a|b", "&lt;"):
        assert part in text, part


def test_bidi_overrides_are_shown_visibly_in_text_views(
    cli: Cli, project: tuple[Path, Path]
) -> None:
    root, _ = project
    out = cli("requests", "show", REFERENCE, "--dir", root / "requests", *TODAY).stdout
    assert "\\u202e" in out and "\u202e" not in out


def test_ics_keeps_a_literal_backslash_n(
    cli: Cli, project: tuple[Path, Path], tmp_path: Path
) -> None:
    from icalendar import Calendar

    root, _ = project
    target = tmp_path / "deadlines.ics"
    result = cli("deadlines", root / "requests", "--all", "--ics", target, *TODAY)
    assert result.exit_code == 0, result.stderr
    text = target.read_text()
    assert RAW.search(text.replace("\r\n", "\n")) is None
    events = Calendar.from_ical(text).walk("VEVENT")
    descriptions = [str(e["description"]) for e in events]
    assert descriptions and all("\\N" in d and "\n\\N" not in d for d in descriptions)
    assert all(d.splitlines()[0].endswith("\\x00") for d in descriptions), descriptions


@pytest.mark.slow
def test_a_job_summary_stays_under_github_limit(cli: Cli, tmp_path: Path) -> None:
    """Three members whose names fill their files: the summary is cut, never refused."""
    root = tmp_path / "big"
    hostile_project(root, file_name="consortium")
    for path in (root / "clusters").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        data["name"] = "<b>*x*</b>|`" * 60_000
        path.write_text(yaml.safe_dump(data, allow_unicode=False, width=10**9))
    out = cli("check", root / "consortium.yaml", "-f", "markdown", *TODAY).stdout
    assert len(out.encode()) < SUMMARY_BYTES + 1000
    check_markdown(out)


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    parts=st.lists(st.sampled_from(PARTS), min_size=1, max_size=6),
    extra=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
)
def test_any_mix_of_hostile_values_in_every_view(
    cli: Cli, tmp_path_factory: pytest.TempPathFactory, parts: list[str], extra: str
) -> None:
    text = "".join(parts) + extra
    if not text.strip():
        return
    root = tmp_path_factory.mktemp("mix") / "proposal"
    proposal = hostile_project(root, text, file_name="consortium")
    for view, fmt in CASES:
        result = cli(*view_args(view, root, proposal), "--format", fmt)
        assert result.exit_code in ((0, 1, 2) if view == "validate" else (0, 1)), result.stderr
        check_output(
            fmt, result.stdout + (result.stderr if view == "validate" else ""), result.stderr
        )


@pytest.mark.parametrize("value", ["x\x7fy", "é\x7f", "\x7f"])
def test_json_escapes_del_even_in_ascii_text(value: str) -> None:
    """DEL is ASCII: a check for all-ASCII output must not let it through raw."""
    from consortium.report.values import json_text

    text = json_text({"v": value}, io.StringIO())
    assert "\x7f" not in text and json.loads(text)["v"] == value
