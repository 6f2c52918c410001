"""Field types shared by the models: countries, dates, levels, said once.

Each validator raises PydanticCustomError so the user reads our message, not
"Value error, ...": the loader turns it into ``path:line:column: message``.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic import Strict as PydanticStrict
from pydantic_core import PydanticCustomError

from consortium.facts.countries import check_country
from consortium.facts.dates import parse_date, parse_date_or_datetime
from consortium.facts.reference import parse_reference
from consortium.files.ids import is_cluster_id
from consortium.files.problems import shorten

COUNTRY_CODE = "ISO 3166-1 alpha-2"


def _friendly(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def validate(value: Any) -> Any:
        try:
            return check(value)
        except ValueError as exc:
            raise PydanticCustomError("consortium", str(exc)) from None

    return validate


# Words as the schema spells them, so editors and `validate` agree: 'Gold' is an error that
# says to write 'gold' (one strictness for both, see tests/test_truth.py). Pydantic's own
# Literal check accepts the right words; only when it refuses one is the hint worked out
# (``lower_case_hint``), so no Python runs for every value that is right.
LOWER_CASE_ONLY: tuple[frozenset[str], ...] = (
    frozenset({"bronze", "silver", "gold"}),
    frozenset({"coordinator", "partner"}),
    frozenset({"confirmed", "interested", "invited"}),
    frozenset({"cluster", "business-network", "other"}),
)


def lower_case_hint(value: Any, expected: str) -> str | None:
    """ "write 'gold' in lower case, not 'Gold'" for a word of ``LOWER_CASE_ONLY`` written
    in another case (or with spaces around it); ``expected`` is pydantic's list of the
    allowed words (``'bronze', 'silver' or 'gold'``)."""
    if not isinstance(value, str):
        return None
    allowed = frozenset(re.findall(r"'([^']*)'", expected))
    word = value.strip().lower()
    if allowed not in LOWER_CASE_ONLY or value in allowed or word not in allowed:
        return None
    return f"write '{word}' in lower case, not '{value}'"


def _exact_country(value: Any) -> Any:
    code = check_country(value)
    if isinstance(value, str) and value != code:
        raise ValueError(f"write the country code as {code}, not '{shorten(value)}'")
    return code


def _exact_reference(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = parse_reference(value).text
    if value != text:
        raise ValueError(f"write the reference as {text}, not '{shorten(value)}'")
    return text


def _pic(value: Any) -> str:
    """A PIC as text: unquoted, YAML reads ``012345670`` as the octal number 2739128."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            f'YAML read this PIC as the number {value}: quote it, e.g. pic: "999999999"'
        )
    if not isinstance(value, str):
        raise ValueError(f"expected a PIC (9 digits, quoted), got {reprlib.repr(value)}")
    return value.strip()


# The same ids as a JSON Schema pattern: no leading '.', no path separator, no control.
_CLUSTER_ID_PATTERN = (
    r'^[^./\\:*?"<>|\u0000-\u001f\u007f-\u009f][^/\\:*?"<>|\u0000-\u001f\u007f-\u009f]*$'
)


def _cluster_id(value: Any) -> Any:
    """A cluster id is looked up among the files of clusters/, never joined onto a folder:
    anything that could name a path elsewhere (``../x``, ``/abs``, ``a/b``, a control
    character) is refused here, with its line (README, "Safe in a pull request's CI")."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not is_cluster_id(text):
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
    BeforeValidator(_friendly(_exact_country)),
    # the schema's enum of every code is filled in by consortium.files.schema (reading the code
    # table here would cost every start-up 2 ms)
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$", "description": COUNTRY_CODE}),
]
Day = Annotated[date, BeforeValidator(_friendly(parse_date)), WithJsonSchema(_DATE_SCHEMA)]
Moment = Annotated[
    date | datetime,
    BeforeValidator(_friendly(parse_date_or_datetime)),
    WithJsonSchema(_MOMENT_SCHEMA),
]
LabelLevel = Literal["bronze", "silver", "gold"]
Role = Literal["coordinator", "partner"]
MemberStatus = Literal["confirmed", "interested", "invited"]
MemberType = Literal["cluster", "business-network", "other"]
ReferenceText = Annotated[
    str,
    BeforeValidator(_friendly(_exact_reference)),
    WithJsonSchema({"type": "string", "pattern": "^(RDR|RD|BO|BR|TO|TR)[A-Z]{2}[0-9]{11,}$"}),
]
Pic = Annotated[str, BeforeValidator(_friendly(_pic)), WithJsonSchema({"type": "string"})]
ClusterId = Annotated[
    str,
    BeforeValidator(_friendly(_cluster_id)),
    WithJsonSchema({"type": "string", "pattern": _CLUSTER_ID_PATTERN, "maxLength": 200}),
]
TimeZone = Annotated[str, AfterValidator(_time_zone)]
TextList = Annotated[
    list[str],
    BeforeValidator(_text_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]
Count = Annotated[int, PydanticStrict()]  # '3' in quotes is text, for editors as for us
Flag = Annotated[bool, PydanticStrict()]  # yes/no are YAML 1.1 only: the loader says so

LABEL_ORDER: dict[str, int] = {"bronze": 1, "silver": 2, "gold": 3}


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not pass silently (docs/formats.md)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
