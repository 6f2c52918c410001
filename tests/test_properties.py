"""Property-based input tests: whatever a file holds, the outcome is success or located errors.

Three sources of input: arbitrary text and bytes, arbitrary YAML documents, and the bundled
files (requests/, examples/cos-cluster-2020/) with random mutations (a line deleted or
duplicated, characters swapped, ':' '[' '&a' '*a' or a tab inserted, indentation changed,
a value replaced by a hostile scalar, a byte flipped). They go through the library loaders
for every kind, and through `validate`, `requests list`, `deadlines` and `check`.

The allowed outcomes: a value or Problems from the library (never an exception); from the
CLI, exit 0 or 2 (and 1 for `check`, with its report), never a traceback, and on exit 2
every stderr line `path:line[:col]: message` or `consortium: message`. Example counts are
bounded so the file runs in a few seconds to a few tens of seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import traceback
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium.calls.known import preset_folder
from consortium.files.kinds import FILE_KINDS
from consortium.files.loading import Loaded
from consortium.files.loading import load as load_model
from consortium.files.problems import Problem
from consortium.files.yamlfile import Document
from consortium.files.yamlfile import load as load_yaml
from tests.conftest import EXAMPLE, REQUESTS, ROOT, invoke_cli

TODAY = ("--today", "2020-11-27")
LOCATED = re.compile(r"^.+?:(\d+:)?(\d+:)? .+")
SUMMARY = re.compile(r"^\d+ of \d+ file\(s\) valid$")  # `validate`'s closing count
SOURCES: dict[str, bytes] = {  # by path from the repo root; the example's request link read
    str(path.relative_to(ROOT)): path.read_bytes()
    for path in sorted(
        [*REQUESTS.glob("*.yaml"), *EXAMPLE.glob("*.yaml"), *EXAMPLE.glob("*/*.yaml")]
    )
}
# Two more files for `check` to chew on: a repo's own call (overriding the preset of the same
# id) and a consortium with its own rules and deadlines, so mutations reach those too.
EXTRA: dict[str, bytes] = {
    "calls/COS-CLUSTER-2020-3-03.yaml": (
        preset_folder() / "COS-CLUSTER-2020-3-03.yaml"
    ).read_bytes(),
    "consortium-rules.yaml": SOURCES["examples/cos-cluster-2020/consortium-complete.yaml"]
    + b"""rules:
  min_partners: 3
  max_partners: 8
  min_countries: 3
  min_eu_members: 2
  eligible_countries: [COSME, "NO"]
  member_types: [cluster]
  eccp_required: true
  min_less_developed_or_transition: 1
  coordinator_label: {preferred: gold}
deadlines:
  eoi: 20/12/2020
  call: 2021-02-02T17:00:00+01:00
""",
}
SOURCES.update({f"examples/cos-cluster-2020/{name}": text for name, text in EXTRA.items()})
FIELDS = sorted({name for model in FILE_KINDS.values() for name in model.model_fields} | {"id"})

SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
LIBRARY = settings(max_examples=150, deadline=None, suppress_health_check=SLOW_OK)
CLI = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[*SLOW_OK, HealthCheck.function_scoped_fixture],
)

# --- strategies -----------------------------------------------------------------------------

HOSTILE = [
    "NO", "no", "yes", "on", "~", "null", "", "31/02/2021", "2021-02-31", "0000-01-01",
    "9999-12-31", "1e400", ".inf", ".nan", "-.inf", "0x_", "0b", "0o9", "1:30", "190:20:30",
    "'", '"', "[", "]", "{", "{}", "[]", "&a x", "*a", "<<: *a", "!!binary x", "!!set {a}",
    "!!int x", "!!bool x", "!!timestamp x", "!!float x", "!!python/object:os.system x",
    "2021-01-01T10:00:00+99:00", "2020-11-27 25:61:00", "9" * 5000, "-", "? x", "|", ">",
    "RDFR20201319001", "XXFR20201119001", "Europe/Nowhere", "../../etc/passwd", "@", "`",
    "%YAML 1.1", "a\tb", '"a\\nb"', '"\\x85\\u2028"', '"\\e[31m"', "x" * 2000, "ZZ", "EL", "UK",
    "France", "gold", "platinum", "-1", "0", "99999999999999999999", "1.5", "true",
    "0x" + "f" * 4000, "1" + ":0" * 2600, "1.0e+308", "-0b" + "1" * 1000, "[/x]", "[bold]",
]  # fmt: skip
TOKENS = [
    ":", ": ", "[", "]", "{", "}", ",", "&a ", "*a", "- ", "? ", '"', "'", "\t", "#", "|",
    ">", "!!int ", "!!timestamp ", "---\n", "...\n", "\n", "\\", "%", "@", "\x07", "\u2028",
    "\x85", "<<: ", "  ", "é",
]  # fmt: skip

scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(max_size=30),
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.datetimes().map(datetime.isoformat),
)
yaml_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.sampled_from(HOSTILE),
)
yaml_keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=10))
yaml_values = st.recursive(
    yaml_leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(yaml_keys, children, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> bytes:
    """A YAML text from a random tree: mostly a mapping of real field names, as files are."""
    value = draw(st.one_of(st.dictionaries(yaml_keys, yaml_values, max_size=8), yaml_values))
    text = yaml.safe_dump(
        value,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        sort_keys=False,
    )
    return text.encode("utf-8")


@st.composite
def mutation(draw: st.DrawFn, text: bytes) -> bytes:
    lines = text.split(b"\n")
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "indent", "value", "byte"]))
    if op == "delete" and lines:
        del lines[i]
    elif op == "duplicate" and lines:
        lines.insert(i, lines[i])
    elif op == "indent" and lines:
        shift = draw(st.integers(-4, 4))
        lines[i] = b" " * shift + lines[i] if shift > 0 else lines[i][-shift:]
    elif op == "value" and lines:
        line = lines[i]
        cut = line.find(b": ") + 2 if b": " in line else line.find(b"- ") + 2
        lines[i] = line[: max(cut, 0)] + draw(scalars).encode("utf-8", "surrogatepass")
    else:
        joined = b"\n".join(lines)
        j = draw(st.integers(0, max(len(joined) - 1, 0)))
        if op == "swap" and len(joined) > 1:
            j = min(j, len(joined) - 2)
            joined = joined[:j] + joined[j + 1 : j + 2] + joined[j : j + 1] + joined[j + 2 :]
        elif op == "byte" and joined:
            joined = joined[:j] + bytes([draw(st.integers(0, 255))]) + joined[j + 1 :]
        else:
            joined = joined[:j] + draw(st.sampled_from(TOKENS)).encode() + joined[j:]
        return joined
    return b"\n".join(lines)


@st.composite
def mutated(draw: st.DrawFn, source: str | None = None) -> bytes:
    """A bundled file (``source``, or any) with one to four random mutations."""
    text = SOURCES[source] if source else draw(st.sampled_from(list(SOURCES.values())))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(mutation(text))
    return text


@st.composite
def replaced(draw: st.DrawFn, source: str | None = None) -> bytes:
    """A bundled file with one value, anywhere in its tree, replaced by a random one."""
    text = SOURCES[source] if source else draw(st.sampled_from(list(SOURCES.values())))
    data = yaml.safe_load(text)
    parent: Any = data
    for _ in range(draw(st.integers(0, 3))):
        keys = list(parent) if isinstance(parent, dict) else list(range(len(parent)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        if not isinstance(parent[key], dict | list) or draw(st.booleans()):
            parent[key] = draw(yaml_values)
            break
        parent = parent[key]
    else:
        if isinstance(parent, dict):
            parent[draw(yaml_keys)] = draw(yaml_values)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


any_input = st.one_of(
    mutated(),
    replaced(),
    yaml_documents(),
    st.text().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
)

# --- checks ---------------------------------------------------------------------------------


def _one_line(problem: Problem, path: Path) -> None:
    text = str(problem)
    assert text.startswith(f"{path}"), text
    assert len(text.splitlines()) == 1, text


def _library_outcome(result: Any, path: Path) -> None:
    if isinstance(result, list):
        assert result, "an empty list of problems"
        for problem in result:
            assert isinstance(problem, Problem)
            _one_line(problem, path)
    else:
        assert isinstance(result, Loaded | Document | Problem), result
        if isinstance(result, Problem):
            _one_line(result, path)


def _cli(*args: str | Path) -> Any:
    return invoke_cli(*args)


def _no_crash(result: Any, codes: set[int]) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("crashed:\n" + "".join(traceback.format_exception(*result.exc_info)))
    assert result.exit_code in codes, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 2:
        for line in result.stderr.splitlines():
            assert LOCATED.match(line) or line.startswith("consortium: ") or SUMMARY.match(line), (
                line
            )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of requests/ and of the example (its request symlink copied as a file)."""
    root = tmp_path_factory.mktemp("properties")
    shutil.copytree(REQUESTS, root / "requests", symlinks=False)
    shutil.copytree(EXAMPLE, root / "example", symlinks=False)
    for name, text in EXTRA.items():
        (root / "example" / name).parent.mkdir(exist_ok=True)
        (root / "example" / name).write_bytes(text)
    return root


class _Swapped:
    """Put ``content`` at ``path`` for one example, and the original back afterwards."""

    def __init__(self, path: Path, content: bytes) -> None:
        self.path, self.content = path, content

    def __enter__(self) -> Path:
        self.original = self.path.read_bytes()
        self.path.write_bytes(self.content)
        return self.path

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.original)


# --- the library ----------------------------------------------------------------------------


@LIBRARY
@given(st.text())
def test_yaml_load_of_any_text(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.getbasetemp() / "any-text.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _library_outcome(load_yaml(path), path)


@LIBRARY
@given(st.binary(max_size=500))
def test_yaml_load_of_any_bytes(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "any-bytes.yaml"
    path.write_bytes(raw)
    _library_outcome(load_yaml(path), path)


def _every_kind(path: Path) -> Iterator[Any]:
    for model in FILE_KINDS.values():
        yield load_model(path, model)


@LIBRARY
@given(yaml_documents())
def test_every_kind_of_any_yaml_document(
    tmp_path_factory: pytest.TempPathFactory, text: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / "any-document.yaml"
    path.write_bytes(text)
    for result in _every_kind(path):
        _library_outcome(result, path)


@LIBRARY
@given(st.one_of(mutated(), replaced()))
def test_every_kind_of_a_mutated_file(
    tmp_path_factory: pytest.TempPathFactory, text: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / "mutated.yaml"
    path.write_bytes(text)
    for result in _every_kind(path):
        _library_outcome(result, path)


@LIBRARY
@given(st.one_of(scalars, st.text(max_size=40)))
def test_value_parsers_raise_only_value_errors(text: str) -> None:
    """Dates, countries and references: a value or a ValueError with a message, nothing else."""
    from consortium.facts.countries import check_country
    from consortium.facts.dates import parse_date, parse_date_or_datetime
    from consortium.facts.reference import parse_reference

    for parse in (parse_date, parse_date_or_datetime, check_country, parse_reference):
        try:
            parse(text)
        except ValueError as exc:
            assert str(exc)


LINE_BREAKS = [" ", "\t", "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\ufeff", " \x85"]
ALIAS_TEMPLATES = [
    "a: &x [1, 2]\nb: [0,{}*x]\n",
    "a: &x [1, 2]\nb: {{k:{}*x}}\n",
    "a: &x 1\nb:{}*x\n",
    "- &x 1\n-{}*x\n",
    "a: &x 1\nb: [{}*x]\n",
]


@LIBRARY
@given(
    st.sampled_from(ALIAS_TEMPLATES),
    st.one_of(st.sampled_from(LINE_BREAKS), st.text(min_size=1, max_size=3)),
)
def test_no_alias_slips_through(
    tmp_path_factory: pytest.TempPathFactory, template: str, separator: str
) -> None:
    """Whatever precedes an alias (a NEL or a line separator too: YAML 1.1 breaks lines
    there), a document that uses one is refused: walking an alias bomb never ends."""
    text = template.format(separator).encode("utf-8", "surrogatepass")
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return
    if any(isinstance(event, yaml.AliasEvent) for event in events):
        path = tmp_path_factory.getbasetemp() / "alias.yaml"
        path.write_bytes(text)
        result = load_yaml(path)
        assert isinstance(result, Problem), (text, result)


# --- the command line -----------------------------------------------------------------------


VALIDATE_TARGETS = {  # where the file sits decides its kind: by folder, by name, by keys
    "example/clusters/pt-norte-energy.yaml": "examples/cos-cluster-2020/clusters/pt-norte-energy.yaml",
    "requests/RDFR20201119001.yaml": "requests/RDFR20201119001.yaml",
    "example/consortium.yaml": "examples/cos-cluster-2020/consortium.yaml",
    "loose/profile.yaml": None,
}


@CLI
@given(st.sampled_from(sorted(VALIDATE_TARGETS)), st.data())
def test_validate(workspace: Path, target: str, data: st.DataObject) -> None:
    source = VALIDATE_TARGETS[target]
    text = data.draw(
        st.one_of(mutated(source), replaced(source), any_input) if source else any_input
    )
    (workspace / "loose").mkdir(exist_ok=True)
    (workspace / "loose" / "profile.yaml").touch()
    with _Swapped(workspace / target, text) as path:
        _no_crash(_cli("validate", path), {0, 2})


@CLI
@given(st.sampled_from(sorted(p.name for p in REQUESTS.glob("*.yaml"))), st.data())
def test_requests_list(workspace: Path, name: str, data: st.DataObject) -> None:
    folder = workspace / "requests"
    text = data.draw(
        st.one_of(mutated(f"requests/{name}"), replaced(f"requests/{name}"), any_input)
    )
    with _Swapped(folder / name, text):
        result = _cli("requests", "list", "--dir", folder, "--all", "-f", "json", *TODAY)
        _no_crash(result, {0, 2})
        assert isinstance(json.loads(result.stdout), list)


@CLI
@given(st.sampled_from(sorted(p.name for p in REQUESTS.glob("*.yaml"))), st.data())
def test_deadlines(workspace: Path, name: str, data: st.DataObject) -> None:
    folder = workspace / "requests"
    text = data.draw(
        st.one_of(mutated(f"requests/{name}"), replaced(f"requests/{name}"), any_input)
    )
    with _Swapped(folder / name, text):
        _no_crash(_cli("deadlines", folder, "--all", *TODAY), {0, 2})


CHECK_TARGETS = sorted(
    [str(p.relative_to(EXAMPLE)) for p in [*EXAMPLE.glob("*.yaml"), *EXAMPLE.glob("*/*.yaml")]]
    + list(EXTRA)
)


@CLI
@given(st.sampled_from(CHECK_TARGETS), st.data())
def test_check(workspace: Path, target: str, data: st.DataObject) -> None:
    """A mutated cluster, request or consortium file in a copy of the example."""
    example = workspace / "example"
    text = data.draw(
        st.one_of(
            mutated(f"examples/cos-cluster-2020/{target}"),
            replaced(f"examples/cos-cluster-2020/{target}"),
            any_input,
        )
    )
    consortium = target if target.startswith("consortium") else "consortium-rules.yaml"
    output = data.draw(st.sampled_from(["json", "text"]))
    with _Swapped(example / target, text):
        result = _cli("check", example / consortium, "-f", output, *TODAY)
    _no_crash(result, {0, 1, 2})
    if result.exit_code in (0, 1) and output == "json":
        report = json.loads(result.stdout)
        assert report["complete"] is (result.exit_code == 0)
    elif result.exit_code in (0, 1):
        assert "COMPLETE" in result.stdout  # the verdict: COMPLETE or INCOMPLETE
    else:
        assert result.stderr and all(LOCATED.match(x) for x in result.stderr.splitlines())


pytestmark = pytest.mark.slow  # hypothesis over every command and file kind
