"""The consortium so far, from sentences such as "A French energy transition cluster and a
Spanish energy efficiency cluster intend to apply (a Portuguese and an Austrian clusters
have also shown interest)".

Who is named by nationality (or "from Portugal and Austria") before a verb that says how
far they are: "intend to apply" → confirmed, "have shown interest" → interested. The first
mention of a country wins, so a summary's fuller wording beats the description's repeat.
"""

from __future__ import annotations

import re
from typing import Any

from consortium.importing.nationalities import country_code, nationality_code

_STATUS = re.compile(
    r"(?P<confirmed>\bintends? to apply|\b(?:are|is) already (?:in|on board|partners?)"
    r"|\bha(?:ve|s) (?:already )?(?:joined|confirmed)|\b(?:are|is) confirmed|\bwill apply)"
    r"|(?P<interested>\bha(?:ve|s) (?:also )?shown (?:their |its )?interest"
    r"|\b(?:are|is) (?:also )?interested|\bha(?:ve|s) (?:also )?expressed (?:their |its )?interest)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;()\n]")
_SPLIT = re.compile(r",\s*|\s+and\s+|\s+as well as\s+")
_NOUNS = {
    "cluster": "cluster", "clusters": "cluster", "company": "company", "companies": "company",
    "sme": "SME", "smes": "SME", "university": "university", "universities": "university",
    "organisation": "organisation", "organisations": "organisation", "network": "network",
    "networks": "network", "partner": "partner", "partners": "partner",
}  # fmt: skip
_ARTICLES = {"a", "an", "one", "the", "another"}
_FROM = re.compile(r"\bfrom\s+(.+)$", re.IGNORECASE)


# "the consortium comprises 10 partners from Germany, France, ...", "composed by partners
# from Spain, Italy": the countries after the verb are in the consortium already.
_COMPOSED = re.compile(
    r"\b(?:compris(?:es|ing)|(?:is |are )?composed (?:of|by)|consist(?:s|ing)? of"
    r"|(?:is )?made up of|brings together|gathers)\b(?P<rest>.*)",
    re.IGNORECASE,
)


def consortium_of(prose: str) -> list[dict[str, Any]]:
    """The members the prose names, each once, in the order first named."""
    members: dict[str, dict[str, Any]] = {}
    for clause in _CLAUSE.split(prose):
        composed = _COMPOSED.search(clause)
        tail = _FROM.search(composed.group("rest")) if composed else None
        for part in _SPLIT.split(tail.group(1)) if tail else []:
            if code := country_code(part):
                members.setdefault(code, {"country": code, "status": "confirmed"})
        start = 0
        for verb in _STATUS.finditer(clause):
            status = "confirmed" if verb.group("confirmed") else "interested"
            for member in _named(clause[start : verb.start()]):
                members.setdefault(member["country"], member | {"status": status})
            start = verb.end()
    return list(members.values())


def _named(subject: str) -> list[dict[str, Any]]:
    if tail := _FROM.search(subject):
        codes = [country_code(p) for p in _SPLIT.split(tail.group(1))]
        return [{"country": c} for c in codes if c]
    parts = [p.split() for p in _SPLIT.split(subject.strip())]
    found: list[dict[str, Any]] = []
    shared: list[str] = []  # "a Portuguese and an Austrian clusters": the last part's words
    for words in reversed(parts):
        member = _member(words, shared)
        if member:
            found.append(member)
            shared = member.pop("_words")
    return list(reversed(found))


def _member(words: list[str], shared: list[str]) -> dict[str, Any] | None:
    """One "a French energy transition cluster": nationality, sector words, kind of body."""
    at = next((i for i, w in enumerate(words) if nationality_code(w)), None)
    if at is None:
        return None
    nationality, rest = words[at], [w for w in words[at + 1 :] if w.lower() not in _ARTICLES]
    rest = rest or shared
    if not rest or rest[-1].lower() not in _NOUNS:
        return {"country": nationality_code(nationality), "_words": []}
    noun, middle = _NOUNS[rest[-1].lower()], " ".join(rest[:-1])
    member: dict[str, Any] = {"name": " ".join([nationality, *rest[:-1], noun])}
    member["country"] = nationality_code(nationality)
    if middle:
        member["sectors"] = [middle.lower()]
    return member | {"_words": rest}
