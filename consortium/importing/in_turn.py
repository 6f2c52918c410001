"""Write one input's files while the next input is read, so the disk's flushes do not
serialise the run.

Each file is still written by ``consortium.files.writes.write_text`` (flushed to disk, then
renamed: "nothing lost" holds file by file, README "Errors and limits"), in the order read,
by ``settle``; only its wait for the disk (about 1 ms a file, most of a page's import) now
overlaps the reading and checking of the next input. At most one input is written while
one is read; an input's outcomes come back, in order, before the next one's writing starts,
so a caller that stops (an error while reporting) leaves nothing written past what it saw.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from queue import SimpleQueue

from consortium.importing.run import ImportResult, Options, settle

Batch = list[ImportResult]


def settled_in_turn(batches: Iterable[Batch], options: Options, seen: set[str]) -> Iterator[Batch]:
    """``settle`` each batch (its files written, once per reference in ``seen``), the next
    batch read meanwhile; the settled batches in order."""
    if options.dry_run:  # nothing is written: nothing to overlap
        for batch in batches:
            yield settle(batch, options, seen)
        return
    jobs: SimpleQueue[Batch | None] = SimpleQueue()
    done: SimpleQueue[tuple[Batch, BaseException | None]] = SimpleQueue()

    def write() -> None:
        while (batch := jobs.get()) is not None:
            try:
                done.put((settle(batch, options, seen), None))
            except BaseException as exc:  # raised again where the batch is waited for
                done.put((batch, exc))

    writer = threading.Thread(target=write, name="consortium-import-writer")
    writer.start()
    try:
        writing = False
        for batch in batches:  # read while the batch before is written
            if writing:
                yield _taken(done)
            jobs.put(batch)
            writing = True
        if writing:
            yield _taken(done)
    finally:
        jobs.put(None)
        writer.join()


def _taken(done: SimpleQueue[tuple[Batch, BaseException | None]]) -> Batch:
    batch, error = done.get()
    if error is not None:
        raise error
    return batch
