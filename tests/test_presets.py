"""The built-in calls are YAML files in the shape users write, read by the users' loader.

That each file reads back as exactly the call the former Python data gave (every field) was
tested against that data before it was removed; what stays pinned is below.
"""

from __future__ import annotations

from pathlib import Path

from consortium.calls.known import PRESET_IDS, builtin_calls, preset_data, preset_folder
from consortium.files.loading import load
from consortium.files.roots import Root
from consortium.models import Call
from tests.conftest import Cli


def test_every_preset_file_is_listed_once_under_its_own_id() -> None:
    names = sorted(path.stem for path in preset_folder().glob("*.yaml"))
    assert names == sorted(PRESET_IDS)
    assert list(builtin_calls()) == list(PRESET_IDS)
    assert all(call.id == call_id for call_id, call in builtin_calls().items())


def test_a_preset_is_validated_like_a_user_file(tmp_path: Path) -> None:
    data = (preset_folder() / "HORIZON-GENERIC.yaml").read_text()
    broken = tmp_path / "HORIZON-GENERIC.yaml"
    broken.write_text(data.replace("min_partners:", "min_partner:"))
    problems = load(broken, Call, root=Root(tmp_path))
    assert isinstance(problems, list)
    assert problems[0].message == "unknown key 'min_partner': did you mean 'min_partners'?"


def test_preset_data_is_the_file_as_written() -> None:
    generic = preset_data("HORIZON-GENERIC")
    assert generic["rules"]["eligible_countries"] == ["HORIZON_EUROPE"]
    assert generic["sources"][0].startswith("Horizon Europe Work Programme, General Annexes")


def test_calls_list_shows_the_presets_in_their_order(cli: Cli, tmp_path: Path) -> None:
    result = cli(
        "calls", "list", "--calls", str(tmp_path), "--format", "csv", "--today", "2020-11-20"
    )
    assert result.exit_code == 0, result.stderr
    ids = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert ids == list(PRESET_IDS)
