"""Loading many files with the cycle collector paused is safe: loading leaves no cycles."""

from __future__ import annotations

import gc

from consortium.files.batch import gc_paused
from consortium.files.kinds import FILE_KINDS
from consortium.files.loading import load_many, yaml_files
from tests.conftest import EXAMPLE, REQUESTS


def test_loading_creates_no_garbage_cycles() -> None:
    paths = {"request": yaml_files(REQUESTS), "cluster": yaml_files(EXAMPLE / "clusters")}
    gc.collect()
    with gc_paused():
        for kind, files in paths.items():
            for _ in range(20):
                load_many(files, FILE_KINDS[kind])
        assert not gc.isenabled()
        found = gc.collect()
    assert gc.isenabled()
    assert found < 50, f"{found} objects were only reachable through cycles"
