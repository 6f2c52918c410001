"""Every file ``import`` writes, and all it says, byte-identical to the golden set written by
the import before its speed-ups (README, "Performance"): a varied folder of our own pages and
texts (tests/import_variants.py) imported as a user does, compared file by file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli, invoke_cli
from tests.import_variants import GOLDEN, TODAY, write_variants


def imported_now(cli: Cli, folder: Path) -> dict[str, str]:
    """Import the variants inside ``folder`` (the working directory, so every path said is
    relative): each written file's text by name, and the streams and exit code."""
    write_variants(folder / "in")
    ran = cli("import", "in", "-o", "out", "--today", TODAY)
    written = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "out").iterdir())}
    return {
        **written,
        "(stdout)": ran.stdout,
        "(stderr)": ran.stderr,
        "(exit)": str(ran.exit_code),
    }


def test_every_imported_file_and_message_is_as_before(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    now = imported_now(cli, tmp_path)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert sum(name.endswith(".yaml") for name in now) > 150  # the variants were imported
    assert "nests elements deeper than 512 levels" in now["(stderr)"]  # one was refused
    assert sorted(now) == sorted(golden)
    for name, text in golden.items():
        assert now[name] == text, name


def write_golden(folder: Path) -> None:
    """Write the golden set (run once, from the import before its speed-ups)."""
    import os

    os.chdir(folder)
    GOLDEN.write_text(
        json.dumps(imported_now(invoke_cli, folder), indent=0, sort_keys=True, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
