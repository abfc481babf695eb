"""Place mentions: every alias of every place, found at word boundaries, longest match first, with
a role — ``location`` (something happens there) or ``actor`` (the name stands for a government).

All aliases are compiled into one regular expression, longest alternatives first, so a scan of an
article is a single pass whatever the size of the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from caucasus_map.places import Place

Role = Literal["location", "actor"]

# Words after the first that name the *kind* of place: matched in either case ("Lachin Corridor").
_GENERIC_WORDS = frozenset(
    [
        "corridor",
        "road",
        "route",
        "crossing",
        "checkpoint",
        "region",
        "province",
        "exclave",
        "city",
        "town",
        "project",
        "bridge",
        "basin",
        "sea",
        "proper",
        "republic",
    ]
)
_DASHES = "–—‐‑-"  # hyphen last, so it is literal inside a character class
_AREA_KINDS = frozenset({"region", "province", "autonomous republic"})
_AREA_SUFFIX = r"(?:[^\S\n]+(?i:region|province|exclave)(?!\w))?"
_TOKEN = re.compile(rf"[^\s{_DASHES}]+|[{_DASHES}]")
_WORD = re.compile(r"\w+")


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches: letters, digits (of any script) and the underscore."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place_id: str
    surface: str  # exactly text[start:end]
    start: int
    end: int
    role: Role


def _alias_pattern(alias: str) -> str:
    parts: list[str] = []
    tokens = _TOKEN.findall(alias)
    for i, token in enumerate(tokens):
        if token in _DASHES:
            parts.append(rf"\s*[{_DASHES}]\s*")
            continue
        if parts and not parts[-1].endswith(r"\s*"):
            parts.append(r"[^\S\n]+")
        if i == 0 and token[:1].islower():
            # A descriptive alias ("southern Armenia") may open a sentence.
            parts.append(f"[{token[0]}{token[0].upper()}]{re.escape(token[1:])}")
        elif i > 0 and token.lower() in _GENERIC_WORDS:
            parts.append(f"(?i:{re.escape(token)})")
        else:
            parts.append(re.escape(token))
    return "".join(parts)


class PlaceMatcher:
    """Finds every place mention in a text; build once per gazetteer and reuse."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.places = {p.id: p for p in places}
        aliases = sorted(
            ((alias, p.id) for p in self.places.values() for alias in {p.name, *p.aliases}),
            key=lambda pair: (-len(pair[0]), pair[0]),
        )
        # Display names such as "Shusha (Shushi)" are not surface forms; aliases carry those.
        aliases = [(a, pid) for a, pid in aliases if "(" not in a]
        #: Every alias and name: words that name a place, never a person.
        self.surface_forms = frozenset(a for a, _ in aliases)
        self._owner: list[str] = []
        alternatives: list[str] = []
        by_word: dict[str, list[str]] = {}
        seen: set[str] = set()
        for alias, pid in aliases:
            if alias in seen:
                continue
            seen.add(alias)
            self._owner.append(pid)
            pattern = _alias_pattern(alias)
            if (
                self.places[pid].kind in _AREA_KINDS
                and alias.split()[-1].lower() not in _GENERIC_WORDS
            ):
                pattern += _AREA_SUFFIX  # "Garabagh region", "Nagorno-Karabakh region"
            alternative = f"(?P<a{len(self._owner) - 1}>{pattern})"
            alternatives.append(alternative)
            first = _WORD.match(alias)
            # An alias that does not open with a letter or digit cannot be dispatched by word.
            by_word.setdefault(first.group().lower() if first else "", []).append(alternative)
        body = "|".join(alternatives) or r"(?!x)x"
        # Not inside a word, and not glued to a following letter or apostrophe-word ("Georgian").
        self._regex = re.compile(rf"(?<![\w@#])(?:{body})(?![\w])")
        # The same alternatives, in the same order, grouped by the first word they can start
        # with: ``find`` tries only the few whose first word is the word at hand.
        self._by_word = {
            word: re.compile(rf"(?<![\w@#])(?:{'|'.join(alts)})(?![\w])")
            for word, alts in by_word.items()
        }

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Every mention in ``text[start:end]``, offsets into ``text``, in order."""
        end = len(text) if end is None else end
        if "" in self._by_word:  # an alias opening with punctuation: scan every position
            return self._mentions(text, self._regex.finditer(text, start, end))
        return self._mentions(text, self._dispatch(text, start, end))

    def find_full_scan(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[PlaceMention]:
        """Reference for :meth:`find`: the whole alternation tried at every position (slow)."""
        end = len(text) if end is None else end
        return self._mentions(text, self._regex.finditer(text, start, end))

    def _dispatch(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """Matches at word starts, each word tried against the aliases opening with it. A match
        starts where a word does (aliases open with a letter or digit, and the look-behind
        refuses the inside of a word), so this finds exactly what the full scan finds.

        The distinct words of the text are looked up first; only the words some alias opens
        with are then located (``str.find`` plus a word-boundary check), in reading order."""
        by_word = self._by_word
        hits: list[tuple[int, str]] = []
        for word in set(_WORD.findall(text, start, end)):
            key = word.lower()
            if key not in by_word:
                continue
            size = len(word)
            at = text.find(word, start, end)
            while at >= 0:
                after = at + size
                if (at == 0 or not _is_word_char(text[at - 1])) and (
                    after >= end or not _is_word_char(text[after])
                ):
                    hits.append((at, key))
                at = text.find(word, after, end)
        hits.sort()
        pos = start
        for at, key in hits:
            if at < pos:
                continue  # inside the mention just found
            match = by_word[key].match(text, at, end)
            if match is not None:
                yield match
                pos = match.end()

    def _mentions(self, text: str, matches: Iterable[re.Match[str]]) -> list[PlaceMention]:
        mentions: list[PlaceMention] = []
        for match in matches:
            group = match.lastgroup
            if group is None:
                continue
            pid = self._owner[int(group[1:])]
            role = classify_role(text, match.start(), match.end(), self.places[pid])
            mentions.append(PlaceMention(pid, match.group(0), match.start(), match.end(), role))
        return mentions


# --- roles -------------------------------------------------------------------------------------

# Cues right before a name that make it the place itself: "in Tehran", "part of Azerbaijan",
# "the border with Armenia", "the capital Baku", "mayors of Paris".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|inside|within|outside|around|across|via|through|toward|towards|"
    r"visited|invaded|regarding|over|"
    r"(?:visit|trip|return|returned|connected|fled|travelled|traveled|moved|deployed) (?:to|for)|"
    r"to and from|capital|(?:the )?city of|border with|"
    r"(?:mayors?|part|parts|territory|territories|borders?|areas?|regions?|cities|towns|villages|"
    r"centers|centres|people|residents|population|citizens|soil|lands|capital|south|north|east|"
    r"west|interior) of)"
    r"\s+(?:the\s+)?$"
)
_VENUE_AFTER = re.compile(r"^\s+(?:meeting|summit|talks|format|conference|declaration)\b")
_POSSESSIVE = re.compile(r"^['’]s?\s+(\w+)")
_TERRITORY_WORDS = frozenset(
    [
        "territory",
        "territories",
        "territorial",
        "border",
        "borders",
        "south",
        "southern",
        "north",
        "northern",
        "east",
        "eastern",
        "west",
        "western",
        "soil",
        "lands",
        "land",
        "airspace",
        "mountains",
        "villages",
        "towns",
        "cities",
        "regions",
        "region",
        "population",
        "people",
        "residents",
        "capital",
        "coast",
        "interior",
        "countryside",
    ]
)


def classify_role(text: str, start: int, end: int, place: Place) -> Role:
    """``actor`` when a country or seat of government stands for the state; else ``location``.

    In the political writing this corpus holds, a country or capital named on its own is nearly
    always the state acting ("Baku denied", "between Azerbaijan and Armenia", "Russia's role"), so
    that is the default; a locative cue ("in Tehran", "fled for Armenia", "the capital Baku",
    "the Moscow meeting", "Armenia's borders") makes it the place. Other places are always places.
    """
    if not place.can_stand_for_government:
        return "location"
    before = text[max(0, start - 40) : start]
    if _LOCATIVE_BEFORE.search(before):
        return "location"
    after = text[end : end + 40]
    if _VENUE_AFTER.match(after):
        return "location"
    possessive = _POSSESSIVE.match(after)
    if possessive and possessive.group(1).lower() in _TERRITORY_WORDS:
        return "location"
    return "actor"
