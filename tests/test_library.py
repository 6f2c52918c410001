"""The stable library API: the README's library example runs as written, every name of
``consortium.__all__`` resolves, and ``import consortium`` imports none of it up front."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import consortium
from tests.conftest import ROOT, Cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
DESIGN = README[README.index("## Design\n") :]
EXAMPLE = re.search(r"^```python\n(.*?)^```", DESIGN, flags=re.M | re.S)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_the_readme_library_example_runs_and_says_what_check_says(cli: Cli) -> None:
    assert EXAMPLE is not None, "the Design section's python example"
    done = _python(EXAMPLE.group(1))
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    checked = cli(
        "check",
        ROOT / "examples" / "cos-cluster-2020" / "consortium.yaml",
        "--today",
        "2020-11-20",
        "--format",
        "json",
    )
    verdict = json.loads(checked.stdout)
    findings = [(f["rule"], f["severity"], f["line"]) for f in verdict["findings"]]
    assert findings  # the seed example lacks its coordinator: the comparison means something
    assert first == f"{verdict['complete']} {findings}"
    assert second.startswith("['") and "'call-deadline'" in second


def test_every_api_name_resolves_to_the_object_of_its_module() -> None:
    for name in consortium.API:
        module, attribute = consortium.API[name]
        assert getattr(consortium, name) is getattr(sys.modules[module], attribute)
    assert set(consortium.__all__) == {"HOME", "__version__", *consortium.API}
    assert set(consortium.API) <= set(dir(consortium))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        consortium.no_such_name  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("consortium.no_such_name resolved")


def test_importing_consortium_imports_no_library_module() -> None:
    """The CLI imports ``consortium`` first: the API costs nothing until used."""
    done = _python(
        "import sys, consortium\n"
        "print(sorted(m for m in sys.modules if m.startswith('consortium.')"
        " or m in ('pydantic', 'yaml', 'rich')))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"


def test_completion_imports_no_model() -> None:
    """Tab runs the completion module on every key press: it must not build the pydantic
    models (90 ms), only read the id rule."""
    code = (
        "import sys, consortium.cli.completion;"
        "print(sorted(m for m in sys.modules if m.startswith(('consortium.models', 'pydantic'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
