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


def test_what_survives_a_pause_goes_to_the_oldest_generation() -> None:
    """Issue 22: left young, the survivors of a pause would be scanned again and again as
    they climb the generations, by whatever allocates next (`match`'s scoring, once)."""
    assert gc.get_freeze_count() == 0
    with gc_paused():
        kept = [[i] for i in range(2000)]  # lists are always tracked
        young = {id(o) for o in gc.get_objects(generation=0)}
        assert all(id(item) in young for item in kept)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in kept)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_host_s_frozen_objects_stay_frozen() -> None:
    """The promotion frees nothing a host froze (before forking, say): it is skipped."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with gc_paused():
            kept = [[i] for i in range(2000)]
        # Unfrozen, the count would be 0; a frozen object freed meanwhile (its last
        # reference dropped) may take it down by a few.
        assert gc.get_freeze_count() > frozen - 100
        assert len(kept) == 2000
    finally:
        gc.unfreeze()
