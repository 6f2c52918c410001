"""A text folded once, so a case-insensitive pattern is run only on texts that can match it.

``re.IGNORECASE`` tries a pattern such as ``\\bclosed for ...|\\bno longer ...`` at every
position of a text (0.2 ms on a page's text); a plain ``in`` on a text lowered once finds in
microseconds that a word every match needs is absent, and then the pattern need not run.
Exact, not a heuristic: ``folded`` maps every character ``re.IGNORECASE`` takes for an ASCII
letter to that letter (``str.lower`` alone leaves the long s and the dotless i, and makes the
dotted capital I two characters), so a text the pattern matches always holds the word
(``tests/test_import_golden.py`` checks every code point).
"""

from __future__ import annotations

_ODD = "\u0130\u0131\u017f"  # dotted capital I, dotless i, long s: read as i, i, s
_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """``text`` in lower case, with the letters ``re.IGNORECASE`` takes for ASCII ones made
    those letters."""
    if not text.isascii() and any(c in text for c in _ODD):
        text = text.translate(_AS_ASCII)
    return text.lower()


def holds_any(folded_text: str, words: tuple[str, ...]) -> bool:
    """Whether a folded text holds one of ``words`` (lower-case ASCII)."""
    return any(word in folded_text for word in words)
