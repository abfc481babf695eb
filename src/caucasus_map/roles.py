"""The role of a place mention: ``location`` (something happens there), ``actor`` (the name stands
for a government: "Baku denied", "Moscow's mediation") or ``dateline`` (where a wire story was
filed; set by the text layer, not here).

Only countries and seats of government can be actors. In political writing such a name on its
own is most often the state acting ("Baku denied", "between Azerbaijan and Armenia", "Russia's
role", "Russia-brokered"), so that is the default; a cue of place makes it the place:

- a locative preposition: "in Tehran", "across Armenia", "in central Azerbaijan";
- a noun of place before "of": "part of Georgia", "residents of Baku", "the rest of Iran";
- motion or transport to or from it: "the road to Yerevan", "trucks from Armenia", "fled to
  Armenia" (but "a statement from Baku" is the government speaking);
- a connection: "links Armenia to Karabakh", "connecting Nakhchivan with Azerbaijan";
- a geographic "between": "the border between Armenia and Azerbaijan" (but "talks between");
- an attack on it or a verb whose object is the land: "the assault on Armenia", "entered Iran";
- a claim on land: "claims to Georgia", "control over Baku";
- what follows: "Armenia's borders", "the Iran-Armenia border", "the Gaza war", "the Prague
  summit" (a city only).

The cues are word lists in :mod:`caucasus_map.lexicon`; the checks here look at the words of the
same clause right before the name, so a scan costs a split and a few set lookups.
"""

from __future__ import annotations

import re
from typing import Literal

from caucasus_map.lexicon import (
    ACTOR_PARTICIPLES,
    ATTACK_NOUNS,
    ATTITUDE_WORDS,
    CLAIM_NOUNS,
    CONNECTION_VERBS,
    DASHES,
    EVENT_WORDS,
    GEOGRAPHIC_ADJECTIVES,
    GEOGRAPHIC_BETWEEN_NOUNS,
    LINE_WORDS,
    LOCATIVE_PREPOSITIONS,
    MOTION_WORDS,
    PHRASE_STOP_WORDS,
    PLACE_OBJECT_VERBS,
    PLACE_OF_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    STATE_NOUNS,
    TERRITORY_WORDS,
    VENUE_WORDS,
    alternation,
)
from caucasus_map.places import Place

#: ``location``: something happens there; ``actor``: the name stands for a government;
#: ``dateline``: where a wire story was filed.
Role = Literal["location", "actor", "dateline"]

#: How far before a name its cues are looked for ("the road that links " + a name), and after.
ROLE_LOOKBEHIND = 60
ROLE_LOOKAHEAD = 40
#: How many words a cue may stand before the preposition it governs ("trucks carrying flour
#: from", "links the enclave of Nakhchivan to").
MOTION_REACH = 4
CONNECTION_REACH = 6
BETWEEN_REACH = 5
SOURCE_REACH = 3

_DASHES = DASHES
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A clause ends at these; cues never reach across one.
_CLAUSE_END = re.compile(r"[.;:!?\"“”()\[\],\n]")
_DETERMINERS = frozenset({"the", "a", "an"})
# What a government sends that is words, not goods: "sent a message to Baku" (but "sent aid to
# Armenia" is a delivery to the place).
_SAID_THINGS = SOURCE_NOUNS - MOTION_WORDS
# Verbs that, right after a name, make it the subject of a new clause ("… and Moscow denied").
_CLAUSE_VERBS = frozenset(
    "denied rejected accepted agreed refused responded reacted welcomed condemned demanded "
    "insisted wants wanted sent launched began ordered blamed".split()
)
_DIRECTION = frozenset({"to", "from", "for", "toward", "towards", "into"})
_WS = r"[^\S\n]+"
_VENUE_AFTER = re.compile(rf"{_WS}(?:{alternation(VENUE_WORDS)})\b")
_EVENT_AFTER = re.compile(rf"{_WS}(?:{alternation(EVENT_WORDS)})\b")
_LINE_AFTER = re.compile(rf"(?:[{_DASHES}]\w+)?{_WS}(?:{alternation(LINE_WORDS)})\b")
_ACTOR_AFTER = re.compile(rf"[{_DASHES}](?:{alternation(ACTOR_PARTICIPLES)})\b")
# "Armenia's borders", "Armenia's Syunik region", "[Armenia's] Tavush Province".
_POSSESSIVE = re.compile(r"['’]s?\]?((?:[^\S\n]+[\w-]+){1,4})")
# "Armenia, Azerbaijan and Georgia": nothing but a comma or a conjunction between two names.
_COORDINATED = re.compile(
    rf"[^\S\n]*(?:,[^\S\n]*(?P<conj>(?:and|or){_WS})?|{_WS}(?P<conj2>and|or){_WS})(?:the{_WS})?"
)
_VERB_AFTER = re.compile(
    rf"{_WS}(?:(?:has|have|had|is|was|will|would|also|later|then)\b{_WS})?"
    rf"(?:{alternation(frozenset(SPEECH_VERBS) | _CLAUSE_VERBS)})\b"
)
_LIST_GOES_ON = re.compile(rf"[^\S\n]*,|{_WS}(?:and|or){_WS}")


def coordinated(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` and the one before it are members of one list
    ("Armenia, Azerbaijan and Georgia"), which then share a role. A comma alone is a list only
    when the list goes on after the name ("in Azerbaijan, Britain prevented" is not one), and a
    name with a possessive is not a list member ("between Azerbaijan and Tehran's rival")."""
    joint = _COORDINATED.fullmatch(text, previous_end, start)
    if joint is None or _POSSESSIVE.match(text, end, end + 3):
        return False
    if joint.group("conj") and _VERB_AFTER.match(text, end, end + ROLE_LOOKAHEAD):
        return False  # "fled to Armenia, and Russia said …": a new clause with its own subject
    if joint.group("conj") or joint.group("conj2"):
        return True
    return _LIST_GOES_ON.match(text, end, end + 6) is not None


def _clause_words(text: str, start: int) -> list[str]:
    """The lower-case words of the clause before ``start``, the determiners and geographic
    adjectives right before the name left out ("in the central" -> [..., "in"])."""
    tail = text[max(0, start - ROLE_LOOKBEHIND) : start]
    ends = [m.end() for m in _CLAUSE_END.finditer(tail)]
    words = _WORD.findall(tail.lower(), ends[-1] if ends else 0)
    while words and (words[-1] in GEOGRAPHIC_ADJECTIVES or words[-1] in _DETERMINERS):
        words.pop()
    return words


def _within(words: list[str], reach: int, vocabulary: frozenset[str]) -> bool:
    """A word of ``vocabulary`` among the ``reach`` words before the last one."""
    return any(w in vocabulary for w in words[-reach - 1 : -1])


def _locative_before(words: list[str]) -> bool:
    last = words[-1]
    previous = words[-2] if len(words) > 1 else ""
    if last in LOCATIVE_PREPOSITIONS:
        return previous not in ATTITUDE_WORDS  # "anger at Moscow" is the government
    if last in PLACE_OBJECT_VERBS or last == "capital":
        return True
    if last == "of":
        return previous in PLACE_OF_NOUNS or previous in ("city", "out")
    if last == "with":
        return previous.rstrip("s") in ("border", "checkpoint", "crossing")
    if last in ("on", "against"):
        return previous in ATTACK_NOUNS or previous in CLAIM_NOUNS
    if last in ("to", "over"):
        return previous in CLAIM_NOUNS
    if last in ("both", "either"):
        return previous in PLACE_OBJECT_VERBS
    return last == "regarding" or words[-3:] == ["to", "and", "from"]


def _motion_before(words: list[str]) -> bool:
    """ "the road to Yerevan", "trucks from Armenia" — but not "sent a message to Baku": a
    thing a government sends or says between the motion word and the preposition."""
    if words[-1] not in _DIRECTION:
        return False
    window = words[-MOTION_REACH - 1 : -1]
    motion = [i for i, w in enumerate(window) if w in MOTION_WORDS]
    return bool(motion) and not any(w in _SAID_THINGS for w in window[motion[-1] + 1 :])


def _connection_before(words: list[str]) -> bool:
    last = words[-1]
    if last in CONNECTION_VERBS:
        return True
    return last in ("to", "with", "and") and _within(words, CONNECTION_REACH, CONNECTION_VERBS)


def _geographic_between(words: list[str]) -> bool:
    if words[-1] == "between":
        return len(words) > 1 and words[-2] in GEOGRAPHIC_BETWEEN_NOUNS
    if words[-1] != "and" or "between" not in words[-BETWEEN_REACH - 1 : -1]:
        return False
    at = len(words) - 1 - words[::-1].index("between")
    return at > 0 and words[at - 1] in GEOGRAPHIC_BETWEEN_NOUNS


def _government_speaking(words: list[str]) -> bool:
    """ "a statement from Baku", "pressure from Moscow", "according to Baku"."""
    if words[-2:] == ["according", "to"]:
        return True
    return words[-1] == "from" and _within(words, SOURCE_REACH, SOURCE_NOUNS)


def _possessed_head(words: str) -> str:
    """The head noun of the phrase after a possessive: the first word of land ("Armenia's
    capital Yerevan" -> "capital"), else the last word before a preposition, a conjunction or an
    auxiliary ("Armenia's Syunik region" -> "region", "Azerbaijan's State Border Service" ->
    "service", "Armenia's borders were" -> "borders")."""
    phrase: list[str] = []
    for raw in words.split()[:3]:
        word = raw.lower()
        if word in PHRASE_STOP_WORDS:
            break
        phrase.append(word)
    raw_words = words.split()[: len(phrase) + 1]
    for i, word in enumerate(phrase):
        following = phrase[i + 1] if i + 1 < len(phrase) else ""
        # "Armenia's capital Yerevan", "Armenia's eastern frontier", "Azerbaijan's Gazakh
        # district": the land; but "Russia's border guards", "Iran's border policy" and
        # "Azerbaijan's State Border Service" are the state's
        if (
            word in TERRITORY_WORDS
            and not raw_words[i][0].isupper()
            and following not in STATE_NOUNS
        ):
            return word
    return phrase[-1] if phrase else ""


def classify_role(text: str, start: int, end: int, place: Place) -> Role:
    """``actor`` when a country or seat of government stands for the state; else ``location``
    (the cues are listed in this module's docstring)."""
    if not place.can_stand_for_government:
        return "location"
    limit = min(len(text), end + ROLE_LOOKAHEAD)
    if _ACTOR_AFTER.match(text, end, limit):
        return "actor"
    possessive = _POSSESSIVE.match(text, end, limit)
    if possessive:  # "Armenia's borders" is the land; "Moscow's proposal" the state's
        return "location" if _possessed_head(possessive.group(1)) in TERRITORY_WORDS else "actor"
    words = _clause_words(text, start)
    if words and _government_speaking(words):
        return "actor"
    if words and (
        _locative_before(words)
        or _motion_before(words)
        or _connection_before(words)
        or _geographic_between(words)
    ):
        return "location"
    if _EVENT_AFTER.match(text, end, limit) or _LINE_AFTER.match(text, end, limit):
        return "location"
    if place.kind != "country" and _VENUE_AFTER.match(text, end, limit):
        return "location"
    return "actor"
