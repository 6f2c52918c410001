"""Nationality words and country names → ISO 3166-1 alpha-2 codes, as data.

Profiles name partners by nationality ("a French and a Spanish energy clusters") and the
requester by country name ("Country of origin: France"). Names come from the tz database's
``iso3166.tab`` (``consortium.facts.countries``) plus the usual English spellings below; the
adjectives cover the EU, the countries associated to COSME and Horizon Europe (docs/sources.md) and the EU's most frequent partners. A word not listed is never guessed.
"""

from __future__ import annotations

from functools import cache

NATIONALITIES: dict[str, str] = {
    "albanian": "AL", "american": "US", "armenian": "AM", "austrian": "AT", "belgian": "BE",
    "bosnian": "BA", "british": "GB", "bulgarian": "BG", "canadian": "CA", "croatian": "HR",
    "cypriot": "CY", "czech": "CZ", "danish": "DK", "dutch": "NL", "egyptian": "EG",
    "english": "GB", "estonian": "EE", "faroese": "FO", "finnish": "FI", "flemish": "BE",
    "french": "FR", "georgian": "GE", "german": "DE", "greek": "GR", "hungarian": "HU",
    "icelandic": "IS", "irish": "IE", "israeli": "IL", "italian": "IT", "japanese": "JP",
    "korean": "KR", "kosovar": "XK", "kosovan": "XK", "latvian": "LV", "lithuanian": "LT",
    "luxembourgish": "LU", "macedonian": "MK", "maltese": "MT", "moldovan": "MD",
    "montenegrin": "ME", "moroccan": "MA", "norwegian": "NO", "polish": "PL",
    "portuguese": "PT", "romanian": "RO", "scottish": "GB", "serbian": "RS", "slovak": "SK",
    "slovenian": "SI", "slovene": "SI", "spanish": "ES", "swedish": "SE", "swiss": "CH",
    "tunisian": "TN", "turkish": "TR", "ukrainian": "UA", "welsh": "GB",
}  # fmt: skip

# English names the tz table spells otherwise ("Britain (UK)", "Korea (South)").
COUNTRY_ALIASES: dict[str, str] = {
    "united kingdom": "GB", "uk": "GB", "great britain": "GB", "britain": "GB",
    "the netherlands": "NL", "holland": "NL", "czechia": "CZ", "türkiye": "TR",
    "turkiye": "TR", "south korea": "KR", "republic of korea": "KR", "korea": "KR",
    "usa": "US", "united states of america": "US", "north macedonia": "MK",
    "republic of moldova": "MD", "kosovo": "XK", "slovak republic": "SK",
    "bosnia-herzegovina": "BA", "bosnia and herzegovina": "BA",
}  # fmt: skip


@cache
def _names() -> dict[str, str]:
    from consortium.facts.countries import country_names

    table = {name.lower(): code for code, name in country_names().items()}
    return table | COUNTRY_ALIASES


def country_code(name: str) -> str | None:
    """The ISO code for a country's English name or ISO code, or None (never a guess)."""
    text = " ".join(name.replace("\u00a0", " ").split()).strip(" .").lower()
    if len(text) == 2 and text.upper() in _codes():
        return text.upper()
    return _names().get(text)


@cache
def _codes() -> frozenset[str]:
    from consortium.facts.countries import country_names

    return frozenset(country_names())


def nationality_code(word: str) -> str | None:
    return NATIONALITIES.get(word.lower())
