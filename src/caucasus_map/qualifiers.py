"""What the words around a name say about which place it is — or that it is no place at all.

News names a place and then says what kind it is: "the Lachin district", "Lachin city", "the
Garabagh economic region". When the kind the text gives is not the kind of the place an alias
points at ("Lachin" is the corridor's alias), the name means a namesake: the place of that kind
with the same name when the gazetteer has it ("Lachin city" is the town), else a place the
gazetteer lacks — and then no mention at all is better than a wrong one.

Two more ways a place name is part of another name: a capitalised direction before it ("East
Zangezur", "North Caucasus" — a different region), and a country followed by a capitalised word
of an organisation ("the Azerbaijan Army", "Armenia Fund"), which names the organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from caucasus_map.places import Place

#: The kind words news puts after a name, and the gazetteer kinds each may stand for.
KIND_WORDS: dict[str, frozenset[str]] = {
    "city": frozenset({"settlement"}),
    "town": frozenset({"settlement"}),
    "village": frozenset({"settlement"}),
    "district": frozenset({"district"}),
    "districts": frozenset({"district"}),
    "rayon": frozenset({"district"}),
    "economic region": frozenset({"economic region"}),
    "province": frozenset({"province"}),
    "region": frozenset({"region", "province", "autonomous republic"}),
}
#: Capitalised words that open a longer name when they stand right before a place name.
NAME_OPENERS = frozenset(
    "East West North South Eastern Western Northern Southern Upper Lower Greater New Old".split()
)
#: Capitalised words after a country's name that make the pair an organisation's name.
ORGANISATION_WORDS = frozenset(
    "Army Airlines Railways Railway National Fund Bank Airways Television Radio Times Post "
    "University Academy Agency Service Services Committee Council Federation Union Company "
    "Corporation Press Telegraph Foundation Institute Society Olympic".split()
)

#: Plural kind words after a list of names, which apply to every name of the list: "the Tartar,
#: Aghdam and Aghjabadi districts".
PLURAL_KINDS: dict[str, str] = {
    "districts": "district",
    "regions": "region",
    "provinces": "province",
    "villages": "village",
    "towns": "town",
    "cities": "city",
}
_LIST_THEN_KIND = re.compile(
    r"((?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)[A-Z][\w'’-]*){0,8}"
    rf"[^\S\n]+({'|'.join(PLURAL_KINDS)})\b"
)
_KIND_AFTER = re.compile(
    r"[^\S\n]+(economic[^\S\n]+region|districts?|rayon|city|town|village|province|region)\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"(\w+)[^\S\n]+\Z")
_ORGANISATION_AFTER = re.compile(rf"[^\S\n]+(?:{'|'.join(sorted(ORGANISATION_WORDS))})\b")
#: Characters before a name that the checks above look at.
OPENER_LOOKBEHIND = 12


def _bare(alias: str) -> str:
    """An alias without its kind word: "Lachin town" -> "lachin"."""
    words = alias.lower().split()
    while len(words) > 1 and words[-1] in KIND_WORDS:
        words.pop()
    return " ".join(words)


def _kind_of(word: str) -> frozenset[str]:
    return KIND_WORDS[word]


class Qualifiers:
    """Re-reads a mention in the light of the words around it; build once per gazetteer."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._by_bare: dict[tuple[str, str], str] = {}
        for place in places:
            for alias in {place.name, *place.aliases}:
                self._by_bare.setdefault((_bare(alias), place.kind), place.id)

    def resolve(self, text: str, start: int, end: int, place: Place) -> str | None:
        """The id of the place the name at ``text[start:end]`` means, or None when it means a
        place the gazetteer lacks (or no place)."""
        opener = _WORD_BEFORE.search(text, max(0, start - OPENER_LOOKBEHIND), start)
        if opener is not None and opener.group(1) in NAME_OPENERS:
            return None  # "East Zangezur", "(North Caucasus)"
        if place.kind == "country" and _ORGANISATION_AFTER.match(text, end):
            return None  # "the Azerbaijan Army"
        following = text[end : end + 1]
        if following not in (" ", ",", "\n", "\t"):
            return place.id  # a stop, a bracket, a possessive: no kind word follows
        kind_after = _KIND_AFTER.match(text, end)
        if kind_after is not None:
            word = " ".join(kind_after.group(1).lower().split())
        elif text.startswith((",", " and "), end) and (listed := _LIST_THEN_KIND.match(text, end)):
            word = PLURAL_KINDS[listed.group(2)]  # "the Aghdam, Kalbajar and Lachin districts"
        else:
            return place.id
        kinds = _kind_of(word)
        if place.kind in kinds:
            return place.id
        name = _bare(text[start:end])
        for kind in sorted(kinds):
            namesake = self._by_bare.get((name, kind))
            if namesake is not None:
                return namesake  # "Lachin city" is the town, not the corridor
        return None  # "the Lachin district", "the Garabagh economic region": not in the gazetteer

    def namesake(self, name: str, kind: str) -> str | None:
        """The place of ``kind`` called ``name`` (kind word aside), if the gazetteer has one."""
        return self._by_bare.get((_bare(name), kind))
