"""Place mentions: every alias of every place, found at word boundaries, longest match first, with
a role (see :mod:`caucasus_map.roles`).

All aliases are compiled into one regular expression, longest alternatives first, so a scan of an
article is a single pass whatever the size of the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from caucasus_map.lexicon import DASHES, GENERIC_PLACE_WORDS, is_word_char
from caucasus_map.places import Place
from caucasus_map.qualifiers import Qualifiers
from caucasus_map.roles import Role, classify_role, coordinated

__all__ = ["PlaceMatcher", "PlaceMention", "Role", "classify_role"]

_GENERIC_WORDS = GENERIC_PLACE_WORDS
_BRACKETED = re.compile(r"[^\S\n]*[(\[][^\S\n]*")
_DASHES = DASHES
_AREA_KINDS = frozenset({"region", "province", "autonomous republic"})
_AREA_SUFFIX = r"(?:[^\S\n]+(?i:region|province|exclave)(?!\w))?"
_TOKEN = re.compile(rf"[^\s{_DASHES}]+|[{_DASHES}]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place_id: str
    surface: str  # exactly text[start:end]
    start: int
    end: int
    role: Role
    in_headline: bool = False


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
        self._qualifiers = Qualifiers(self.places.values())
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
                if (at == 0 or not is_word_char(text[at - 1])) and (
                    after >= end or not is_word_char(text[after])
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
            pid = self._qualifiers.resolve(
                text, match.start(), match.end(), self.places[self._owner[int(group[1:])]]
            )
            if pid is None:
                continue  # part of another name, or a namesake the gazetteer lacks
            place = self.places[pid]
            role = classify_role(text, match.start(), match.end(), place)
            previous = mentions[-1] if mentions else None
            if (
                place.can_stand_for_government
                and previous is not None
                and coordinated(text, previous.end, match.start(), match.end())
            ):
                role = previous.role  # "Armenia, Azerbaijan and Georgia" share a role
            mentions.append(PlaceMention(pid, match.group(0), match.start(), match.end(), role))
        return self._bracketed_names(text, mentions)

    def _bracketed_names(self, text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """ "Lachin (Berdzor)": a name and another name of the same place in brackets. When the
        bracketed one says which namesake is meant (Berdzor is the town), the first follows it."""
        for i in range(len(mentions) - 1):
            first, second = mentions[i], mentions[i + 1]
            if first.place_id == second.place_id or not _BRACKETED.fullmatch(
                text, first.end, second.start
            ):
                continue
            kind = self.places[second.place_id].kind
            if self._qualifiers.namesake(first.surface, kind) == second.place_id:
                mentions[i] = PlaceMention(
                    second.place_id, first.surface, first.start, first.end, second.role
                )
        return mentions
