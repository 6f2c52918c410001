"""Field types shared by the models: countries, dates, levels, said once.

Each validator raises PydanticCustomError so the user reads our message, not
"Value error, ...": the loader turns it into ``path:line:column: message``.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

from consortium.countries import check_country
from consortium.dates import parse_date, parse_date_or_datetime
from consortium.problems import shorten
from consortium.reference import parse_reference


def _friendly(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        try:
            return check(value)
        except ValueError as exc:
            raise PydanticCustomError("consortium", str(exc)) from None

    return validate


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _pic(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a PIC (9 digits, quoted), got {reprlib.repr(value)}")
    return value.strip()


_ID_FORBIDDEN = frozenset('/\\:*?"<>|')


def _cluster_id(value: Any) -> Any:
    """A cluster id is looked up among the files of clusters/, never joined onto a folder:
    anything that could name a path elsewhere (``../x``, ``/abs``, ``a/b``, a control
    character) is refused here, with its line (README, "Safe in a pull request's CI")."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    bad = (
        not text
        or len(text) > 200
        or text.startswith(".")
        or any(c in _ID_FORBIDDEN or not c.isprintable() for c in text)
    )
    if bad:
        raise ValueError(
            f"'{shorten(text)}' is not a cluster id: name a file of clusters/ without its "
            ".yaml (letters, digits, '-', '_', no '/' or leading '.')"
        )
    return text


def _time_zone(value: str) -> str:
    """An IANA zone name that exists here: a misspelt zone must not fail later, in a countdown."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(value)
    except (ValueError, KeyError, OSError):
        raise PydanticCustomError(
            "consortium",
            f"unknown time zone '{value[:60]}': use an IANA name like Europe/Brussels",
        ) from None
    return value


def _text_list(value: Any) -> Any:
    """Let a single word stand for a one-item list: `sectors: energy`."""
    return [value] if isinstance(value, str) else value


_DATE_SCHEMA = {"type": "string", "description": "YYYY-MM-DD, DD/MM/YYYY or '20 December 2020'"}
_MOMENT_SCHEMA = {
    "type": "string",
    "description": "a date, or an ISO date and time such as 2021-02-02T17:00:00+01:00",
}

Country = Annotated[
    str,
    BeforeValidator(_friendly(check_country)),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"}
    ),
]
Day = Annotated[date, BeforeValidator(_friendly(parse_date)), WithJsonSchema(_DATE_SCHEMA)]
Moment = Annotated[
    date | datetime,
    BeforeValidator(_friendly(parse_date_or_datetime)),
    WithJsonSchema(_MOMENT_SCHEMA),
]
LabelLevel = Annotated[Literal["bronze", "silver", "gold"], BeforeValidator(_lower)]
Role = Annotated[Literal["coordinator", "partner"], BeforeValidator(_lower)]
MemberStatus = Annotated[Literal["confirmed", "interested", "invited"], BeforeValidator(_lower)]
MemberType = Annotated[Literal["cluster", "business-network", "other"], BeforeValidator(_lower)]
ReferenceText = Annotated[
    str,
    BeforeValidator(_friendly(lambda v: parse_reference(v).text if isinstance(v, str) else v)),
]
Pic = Annotated[str, BeforeValidator(_friendly(_pic))]
ClusterId = Annotated[str, BeforeValidator(_friendly(_cluster_id))]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
TextList = Annotated[list[str], BeforeValidator(_text_list)]

LABEL_ORDER: dict[str, int] = {"bronze": 1, "silver": 2, "gold": 3}


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not pass silently (docs/formats.md)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
