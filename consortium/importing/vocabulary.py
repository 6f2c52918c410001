"""Small vocabularies that turn profile wording into the request file's values, as data.

Sectors follow the 14 industrial ecosystems the ECCP and the EU industrial strategy use
(docs/sources.md), in short names. Programmes are the EU programmes clusters meet. A
word found nowhere here is left out and reported, never guessed.
"""

from __future__ import annotations

import re
from functools import cache

# word (regex) → sector; listed most specific first
SECTORS: tuple[tuple[str, str], ...] = (
    (r"energy|renewables?|solar|wind power|hydrogen", "energy"),
    (r"digital|ict|software|artificial intelligence|data", "digital"),
    (r"construction|buildings?", "construction"),
    (r"agri-?food|food|agricultur\w*", "agri-food"),
    (r"health|medical|medtech|biotech\w*|pharma\w*", "health"),
    (r"mobility|automotive|transport|logistics", "mobility"),
    (r"aerospace|defen[cs]e|space", "aerospace"),
    (r"electronics?|microelectronics|semiconductors?", "electronics"),
    (r"textiles?|fashion|clothing", "textiles"),
    (r"tourism", "tourism"),
    (r"creative|cultural", "creative industries"),
    (r"retail", "retail"),
    (r"social economy", "social economy"),
    (r"chemicals?|steel|plastics?", "energy-intensive industries"),
    (r"water|wastewater", "water"),
    (r"aquaculture|fisher(?:y|ies)|maritime|marine", "blue economy"),
)

# partner types: word (regex) → the value written in ``seeking.type``
PARTNER_TYPES: tuple[tuple[str, str], ...] = (
    (r"clusters?|cluster organi[sz]ations?", "cluster"),
    (r"business networks?", "business-network"),
    (r"smes?|small and medium[- ]sized enterprises?|start-?ups?", "sme"),
    (r"universit(?:y|ies)|academi[ac]", "university"),
    (r"research (?:centres?|centers?|organi[sz]ations?|institutes?)|rtos?", "research"),
    (r"public (?:authorit(?:y|ies)|bod(?:y|ies))|municipalit(?:y|ies)", "public authority"),
    (r"compan(?:y|ies)|industr(?:y|ial partners?)|manufacturers?", "company"),
    (r"business support organi[sz]ations?", "business support organisation"),
    (r"r ?& ?d institutions?|research institutions?", "research"),
)

# one item of the current pages' "Type and Size of the organisation" list → its kind
PARTNER_KINDS: tuple[tuple[str, str], ...] = (
    (r"business support organi[sz]ations?|bsos?", "business support organisation"),
    (r"big compan(?:y|ies)|large compan(?:y|ies)|large enterprises?", "company"),
    *PARTNER_TYPES,
    (r"other", "other"),
)

# EU programmes, by the names profiles use: (regex, canonical name)
PROGRAMMES: tuple[tuple[str, str], ...] = (
    (r"horizon europe", "Horizon Europe"),
    (r"horizon 2020|h2020", "Horizon 2020"),
    (r"cosme", "COSME"),
    (r"single market programme|smp", "Single Market Programme"),
    (r"interreg europe", "Interreg Europe"),
    (r"interreg", "Interreg"),
    (r"digital europe", "Digital Europe"),
    (r"life programme|\blife\b(?= call| programme)", "LIFE"),
    (r"erasmus\+?", "Erasmus+"),
    (r"eurostars", "Eurostars"),
    (r"eureka", "Eureka"),
    (r"i3 instrument|interregional innovation investments", "I3"),
)

# what "experience in ..." may name, in the words written to ``seeking.experience``
EXPERIENCE: tuple[tuple[str, str], ...] = (
    (r"european projects?|eu projects?|eu-funded projects?", "European projects"),
    *PROGRAMMES,
)

# stage of development, as written → the value written in ``stage``
STAGES: tuple[tuple[str, str], ...] = (
    (r"concept|idea", "concept"),
    (r"planning|proposal (?:writing|preparation)", "planning"),
    (r"under development|in development|lab tested", "under development"),
    (r"prototype", "prototype"),
    (r"available for demonstration", "available for demonstration"),
    (r"field tested|field validation", "field tested"),
    (r"available for testing", "available for testing"),
    (r"already on the market|on the market|marketed", "on the market"),
)

# topics worth a keyword when a text names them and gives no "Keywords:" line
KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"cluster excellence", "cluster excellence"),
    (r"clusterxchange", "ClusterXchange"),
    (r"twinning", "twinning"),
    (r"capacity building", "capacity building"),
    (r"euroclusters?", "Euroclusters"),
    (r"internationali[sz]ation", "internationalisation"),
    (r"circular economy", "circular economy"),
    (r"smart specialisation|smart specialization", "smart specialisation"),
    (r"green transition", "green transition"),
    (r"digital transition|digitali[sz]ation", "digital transition"),
    (r"upskilling|reskilling", "upskilling"),
)

# profile kinds as pages name them → reference type (RD and RDR are one kind)
PROFILE_TYPES: tuple[tuple[str, str], ...] = (
    (r"research (?:&|and) development request|r ?& ?d request|research development", "RD"),
    (r"business offer", "BO"),
    (r"business request", "BR"),
    (r"technology offer", "TO"),
    (r"technology request", "TR"),
)


@cache
def _table(table: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One alternation per table (a group per row): one pass over a text, not one per row.
    Cached on the table's content (keying on ``id`` served a stale pattern to a new table
    that reused a freed table's address)."""
    groups = "|".join(f"(?P<g{i}>{pattern})" for i, (pattern, _) in enumerate(table))
    return re.compile(rf"\b(?:{groups})\b", re.IGNORECASE), tuple(v for _, v in table)


def _hits(table: tuple[tuple[str, str], ...], text: str) -> list[str]:
    pattern, values = _table(table)
    return [values[int(str(m.lastgroup)[1:])] for m in pattern.finditer(text)]


def found_in_order(table: tuple[tuple[str, str], ...], text: str) -> list[str]:
    """Every value of ``table`` the text names, in the order the text names them, once."""
    return list(dict.fromkeys(_hits(table, text)))


def first_in(table: tuple[tuple[str, str], ...], text: str) -> str | None:
    found = _hits(table, text)
    return found[0] if found else None


def in_table_order(table: tuple[tuple[str, str], ...], text: str) -> list[str]:
    """Every value the text names, in the table's order (stable whatever the wording)."""
    found = set(_hits(table, text))
    return [v for v in dict.fromkeys(v for _, v in table) if v in found]
