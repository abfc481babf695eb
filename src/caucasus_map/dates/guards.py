"""Checks that look at the words around a match to decide whether it is a date at all.

The look-back windows are named for what they must cover; the scan never looks further.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from caucasus_map.dates.patterns import SP, S, caps
from caucasus_map.dates.vocabulary import (
    MARCH,
    MAY,
    MAY_CONTEXT,
    MAY_LIST_CONTEXT,
    MONTH_ABBRS,
    MONTH_CONTEXT,
    MONTH_NAMES,
    NOT_DATE_NUMBER_WORDS,
    QUANTIFIERS,
    YEAR_CONTEXT,
)

# Look-back windows (characters before a match).
PREV_WORD_LOOKBACK = 40  # one word and the spacing before it ("approximately ", "throughout ")
SENTENCE_START_LOOKBACK = 3  # the punctuation and spacing that end the sentence before a word
GLUED_LOOKBACK = 2  # "1.5 May", "3,2020", "+2020": a digit and a separator right before
NUMBER_BEFORE_LOOKBACK = 3  # "10 52.34.56": a number right before (a phone number, a list)
VAGUE_LOOKBACK = 9  # "earlier " / "the " before "this year", "next year"
SINCE_LOOKBACK = 20  # "since late the " plus spacing
FROM_LOOKBACK = 12  # "between " plus spacing
ORDINAL_LIST_LOOKBACK = 6  # "5th, " or "21st, " before "the 6th"

GLUED_BEFORE = re.compile(r"[0-9+][.,:/]\Z|\+\Z")
NUMBER_BEFORE = re.compile(rf"[0-9)]{SP}\Z")
VAGUE_BEFORE = re.compile(rf"\b(?:{caps('the', 'earlier', 'later')}){S}\Z")
SINCE_BEFORE = re.compile(rf"\b{caps('since')}{S}(?:the{S})?(?:(?:late|early){S})?\Z")
FROM_BEFORE = re.compile(rf"\b(?P<w>{caps('from', 'between')}){S}\Z")
ORDINAL_LIST_BEFORE = re.compile(rf"[0-9](?:st|nd|rd|th),{S}\Z")
TO_GAP = re.compile(rf"{S}(?P<w>to|until|till|through|and){S}|{SP}[–-]{SP}")
# What resolve_relative_date accepts around its one expression ("on Tuesday", "yesterday.").
LEAD_OK = re.compile(rf"(?:(?:{caps('on', 'in', 'at', 'during', 'of', 'by')}){S})?")
TAIL_OK = re.compile(r"[.,;:!?]?")
WEEKDAY_GAP = re.compile(rf",?{S}|{SP},{SP}")
_PREV_WORD = re.compile(rf"(?<![\w’'])([^\W\d_][\w’'-]*)(\.?){S}\Z")
_SENTENCE_END = ".!?:;\"“”‘'(«»|\n\r—–"
_CURRENCY = "$€£₼₽#№"
_MONTH_WORDS = frozenset((*MONTH_NAMES, *MONTH_ABBRS))


class PrevWord(NamedTuple):
    word: str
    dotted: bool  # followed by a dot ("No. 2020", "Sept.")
    initial: bool  # the first word of its sentence
    start: int


def prev_word(text: str, lo: int, pos: int) -> PrevWord | None:
    """The word right before ``pos`` on the same line."""
    m = _PREV_WORD.search(text, max(lo, pos - PREV_WORD_LOOKBACK), pos)
    if m is None:
        return None
    return PrevWord(m.group(1), bool(m.group(2)), sentence_initial(text, lo, m.start()), m.start())


def prev_word_lower(text: str, lo: int, pos: int) -> str | None:
    prev = prev_word(text, lo, pos)
    return None if prev is None else prev.word.lower()


def sentence_initial(text: str, lo: int, pos: int) -> bool:
    before = text[max(lo, pos - SENTENCE_START_LOOKBACK) : pos].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_END


def glued_to_number(text: str, lo: int, start: int) -> bool:
    """A match starting with a digit is a piece of a larger number ("1.5", "3,2020", "+2020")."""
    return GLUED_BEFORE.search(text, max(lo, start - GLUED_LOOKBACK), start) is not None


def year_is_date(text: str, lo: int, start: int) -> bool:
    """Reject a bare year that is a count ("some 2000") or part of a name ("Ataturk 2023")."""
    if start > lo and text[start - 1] in _CURRENCY:
        return False
    prev = prev_word(text, lo, start)
    if prev is None:
        return True
    word, dotted, initial, _ = prev
    lower = word.lower()
    if lower in QUANTIFIERS or (lower in NOT_DATE_NUMBER_WORDS and not dotted):
        return False  # "some 2000", "Flight 2023", "Article 2020" (but "… the case. 2021 was")
    # A capitalised word inside a sentence right before the year makes it a name: an exercise,
    # a festival, a programme ("Anakonda 2023", "Euro 2024"), not a date.
    return (
        dotted
        or initial
        or not word[0].isupper()
        or lower.endswith(("'s", "’s"))
        or lower in YEAR_CONTEXT
    )


def short_numeric_is_date(text: str, lo: int, start: int) -> bool:
    """Reject a number like "12.10.23" that is a version, a phone number or a section
    ("version 2.10.23", "tel. 10.12.34", "+374 10 12.11.22")."""
    if start > lo and text[start - 1] in _CURRENCY:
        return False
    if NUMBER_BEFORE.search(text, max(lo, start - NUMBER_BEFORE_LOOKBACK), start):
        return False
    return prev_word_lower(text, lo, start) not in NOT_DATE_NUMBER_WORDS


def bare_month_is_date(text: str, lo: int, start: int, end: int, m: int) -> bool:
    """A bare month name is a date after a date word ("since March", "In May,"), or when no
    capitalised word follows ("the October Revolution" is a name). "March" needs the date word
    or a comma after it at a sentence start; "May" needs a preposition or a modifier before it
    ("May God help", "May, who said" are not dates), or a comma at a sentence start."""
    prev = prev_word(text, lo, start)
    lower = prev.word.lower() if prev is not None and not prev.dotted else None
    if m == MAY:
        if lower in MAY_CONTEXT:
            return True
        if prev is not None and lower in MAY_LIST_CONTEXT:  # "in April and May"
            before = prev_word(text, lo, prev.start)
            return before is not None and before.word in _MONTH_WORDS
    elif lower in MONTH_CONTEXT:
        return True
    if m in (MAY, MARCH):
        # "June, however, brought", "March, too": a month opening a sentence, then a comma.
        return sentence_initial(text, lo, start) and text.startswith(", ", end)
    nxt = text[end : end + 2]
    return not (len(nxt) == 2 and nxt[0] in " \t\u00a0" and nxt[1].isupper())


#: Words that make a year-less date a deadline, which may lie after publication: "by May 15",
#: "until mid-May", "before June".
DEADLINE_WORDS = frozenset({"by", "until", "till", "before"})


def is_deadline(text: str, lo: int, pos: int) -> bool:
    """Whether the expression at ``pos`` follows a deadline word ("by May 15")."""
    return prev_word_lower(text, lo, pos) in DEADLINE_WORDS


#: How far before an anaphoric date the future it announces is looked for.
ANNOUNCED_LOOKBACK = 80
_ANNOUNCED = re.compile(
    r"\b(?:will|would|shall|is due to|are due to|is expected to|are expected to|plans? to|"
    r"is set to|are set to|is scheduled to|are scheduled to)\b[^.!?]*\Z"
)


def announced(text: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` speaks of what is to come ("said evacuations would
    begin the next day"), so a date after publication is what it means."""
    return _ANNOUNCED.search(text, max(0, pos - ANNOUNCED_LOOKBACK), pos) is not None
