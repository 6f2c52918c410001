"""Write an import's files in groups, so the disk's flushes do not serialise the run.

Flushing each file on its own cost about 1 ms a file, most of importing 1 000 saved pages.
Here the files of up to ``GROUP`` inputs are staged as they are read and committed together
(``files.writes.WriteBatch``: one flush for the group, then each file renamed over its
target in order), so every file keeps ``write_text``'s promises (old or new, never half of
one; never over a file without ``--force``). An input's outcomes are reported only once its
files are committed, in the order read; an interrupted import removes what it staged and
did not commit, so it leaves nothing it did not report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from consortium.files.writes import WriteBatch
from consortium.importing.run import ImportResult, Options, settle

Batch = list[ImportResult]
GROUP = 100  # inputs per commit: one flush for them all; what was read is reported soon


def settled_in_groups(
    batches: Iterable[Batch], options: Options, seen: set[str]
) -> Iterator[Batch]:
    """``settle`` each batch (its files written, once per reference in ``seen``); the
    settled batches in order, each once its files are on disk."""
    if options.dry_run:  # nothing is written: nothing to group
        for batch in batches:
            yield settle(batch, options, seen)
        return
    with WriteBatch() as files:
        waiting: list[Batch] = []
        for batch in batches:
            waiting.append(settle(batch, options, seen, files))
            if len(waiting) == GROUP:
                yield from _committed(waiting, files)
                waiting = []
        yield from _committed(waiting, files)


def _committed(waiting: list[Batch], files: WriteBatch) -> Iterator[Batch]:
    """The waiting batches once their files are committed; a file that could not be
    renamed in the end is a problem of its outcome, not written."""
    refused = files.commit()
    for batch in waiting:
        for outcome in batch:
            if outcome.written and outcome.target in refused:
                outcome.written = False
                outcome.problems.append(refused[outcome.target])
        yield batch
