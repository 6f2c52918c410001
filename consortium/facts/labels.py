"""Cluster-management labels: their order, and whether one counts on a given day.

Labels (ESCA, since December 2020 EUCLES): Bronze < Silver < Gold. The tool reads
``valid_until`` from the profile and never computes it; a label that lapses before the
call deadline does not count (docs/sources.md, "Cluster management labels").
"""

from __future__ import annotations

from datetime import date

from consortium.models import Label
from consortium.models.fields import LABEL_ORDER


def lapses_before(label: Label, day: date) -> bool:
    return label.valid_until is not None and label.valid_until < day


def at_least(label: Label | None, level: str) -> bool:
    return label is not None and LABEL_ORDER[label.level] >= LABEL_ORDER[level]


def counting(label: Label | None, day: date) -> Label | None:
    """The label if it still counts on ``day``, else None."""
    return None if label is None or lapses_before(label, day) else label
