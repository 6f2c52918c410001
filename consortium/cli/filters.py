"""Filter options that say what they did: a value that can never match is an error with
the value to write, and an empty result is a sentence, never bare table headers.

Shared by the listings (`requests list`, `deadlines`, `clusters list`, `calls list`) and
`match`, so every command words "nothing found" and "cannot match" the same way.
"""

from __future__ import annotations

import typer

from consortium.cli.common import fail_message, say
from consortium.display.text import closest, joined, shorten

KINDS = ("RD", "BO", "BR", "TO", "TR")


def country_codes(values: list[str] | None) -> list[str]:
    """The ISO codes of ``--country``; a name or an unknown code is one line and exit 2
    ("--country 'Italy': write IT for Italy")."""
    from consortium.facts.countries import code_for

    codes = []
    for value in values or []:
        try:
            codes.append(code_for(value))
        except ValueError as exc:
            fail_message(f"--country '{shorten(value)}': {exc}")
    return codes


def kinds(values: list[str] | None) -> list[str]:
    """The request kinds of ``--kind`` (RDR, the platform's new code, is RD)."""
    chosen = []
    for value in values or []:
        kind = value.strip().upper()
        kind = "RD" if kind == "RDR" else kind
        if kind not in KINDS:
            fail_message(
                f"--kind '{shorten(value)}' is no request kind: write {joined(list(KINDS), 'or')}"
            )
        chosen.append(kind)
    return chosen


def label_level(value: str | None) -> str | None:
    """``--label``'s level; another word is a usage error naming the closest level."""
    if value is None:
        return None
    from consortium.models.fields import LABEL_ORDER

    level = value.strip().lower()
    if level not in LABEL_ORDER:
        near = closest(level, LABEL_ORDER)
        hint = f"did you mean {near}? " if near else ""
        raise typer.BadParameter(
            f"'{shorten(value)}' is no label: {hint}write {joined(list(LABEL_ORDER), 'or')}"
        )
    return level


def sector_known(sector: str | None, written: list[str]) -> None:
    """A ``--sector`` that no file's sectors (``written``) mention and the sector vocabulary
    does not know is a typo, not an empty result: one line with the closest, exit 2."""
    from consortium.display.text import mentions

    if sector is None or mentions(written, sector):
        return
    from consortium.facts.sectors import ecosystems, vocabulary

    if ecosystems(sector):
        return
    near = closest(sector.strip().casefold(), {*vocabulary(), *(w.casefold() for w in written)})
    hint = f"did you mean {near}?" if near else "write a sector such as energy or digital"
    fail_message(f"--sector '{shorten(sector)}' is in no file and no known sector: {hint}")


def given(*options: tuple[str, object]) -> str:
    """'--country IT --sector energy': the filters given, as typed (lists repeated)."""
    words = []
    for option, value in options:
        values = value if isinstance(value, list | tuple) else [value]
        words += [f"{option} {shorten(str(v))}" for v in values if v not in (None, False, "")]
    return " ".join(words)


def nothing(what: str, filters: str, where: str, hint: str = "") -> str:
    """'no open request matches --country IT', or 'no open request in requests/ (--all
    shows closed and expired ones)' when no filter was given."""
    said = f"no {what} matches {filters}" if filters else f"no {what} in {where}"
    return f"{said} ({hint})" if hint else said


def empty(output: str, sentence: str, code: int = 0, explained: bool = False) -> None:
    """Say the empty result on stderr; the people's view then ends there (no bare
    headers), a machine format goes on to write its valid empty document. ``explained``:
    no file could be loaded, and their problems already said why (no sentence then)."""
    if not explained:
        say(sentence)
    if output == "text":
        raise typer.Exit(code)
