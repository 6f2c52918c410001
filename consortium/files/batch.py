"""The one switch for the cycle collector, for work done in one batch.

Parsing allocates millions of short-lived containers next to the long-lived models and the
imported libraries, so full collections rescan a large heap again and again: measured,
they doubled the time to list 10 000 requests. Loading creates no reference cycles worth
collecting (tests/test_loading_gc.py), so the collector is paused while files load, and
for the whole of a command line, and resumes after.

What survives a pause is promoted straight to the oldest generation as the collector
resumes. Left young, it would be a debt paid by whatever allocates next: the collector
scans every survivor as it climbs the generations, about 130 ms for 10 000 loaded cluster
profiles, which `match`'s scoring used to pay (issue 22).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            _promote()
            gc.enable()


def _promote() -> None:
    """Move every tracked object to the oldest generation without scanning it: ``freeze``
    moves them all aside, ``unfreeze`` back into the oldest. Skipped when a host has frozen
    objects of its own (before forking, say), which ``unfreeze`` would release. A cycle
    made before or during the pause is then found at the next full collection instead."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
