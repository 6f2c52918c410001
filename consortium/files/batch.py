"""The one switch for the cycle collector, for work done in one batch.

Parsing allocates millions of short-lived containers next to the long-lived models and the
imported libraries, so full collections rescan a large heap again and again: measured,
they doubled the time to list 10 000 requests. Loading creates no reference cycles worth
collecting (tests/test_loading_gc.py), so the collector is paused while files load, and
for the whole of a command line, and resumes after.
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
            gc.enable()
