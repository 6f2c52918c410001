"""The built-in calls are YAML files in the shape users write, read by the users' loader."""

from __future__ import annotations

from consortium.calls.known import PRESET_IDS, builtin_calls, preset_folder
from consortium.calls.presets import PRESETS
from consortium.models import Call


def test_each_preset_file_reads_back_as_the_call_it_replaces():
    calls = builtin_calls()
    assert list(calls) == [p["id"] for p in PRESETS]
    for data in PRESETS:
        old, new = Call.model_validate(data), calls[data["id"]]
        for name in Call.model_fields:
            assert getattr(new, name) == getattr(old, name), (data["id"], name)
        assert new == old
