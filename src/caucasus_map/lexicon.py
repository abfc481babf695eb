"""The word lists extraction relies on, each defined once, with what it is for.

Every list here describes how news English works in general — wire copy, agency house styles,
analysis — not the wording of one article. Each is tested on sentences written for the tests of
the module that uses it (``test_roles``, ``test_speakers``, ``test_body``, ``test_textlayer``),
never on the corpus alone.
"""

from __future__ import annotations

import re

#: Every dash a name may be written with ("Aghdam–Khankendi", "Nagorno‑Karabakh"); the hyphen
#: last, so the string can sit inside a regular-expression character class.
DASHES = "–—‐‑-"


def is_word_char(char: str) -> bool:
    """What ``\\w`` matches: letters, digits (of any script) and the underscore."""
    return char.isalnum() or char == "_"


def alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first (so "into" beats "in")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# --- place names ---------------------------------------------------------------------------------

#: Words after the first that name the *kind* of place; matched in either case ("Tavush Province").
GENERIC_PLACE_WORDS = frozenset(
    "corridor road route highway crossing checkpoint region province district exclave city town "
    "village project bridge basin sea lake river proper republic".split()
)

# --- roles: when a country or capital is the place, not the government ---------------------------

#: Prepositions that put something at, in, into, through or across a place ("talks in Tehran",
#: "shelling near Jermuk", "convoys through Armenia"). A name right after one is a location.
LOCATIVE_PREPOSITIONS = frozenset(
    "in at near into inside within outside around across via through throughout along beyond "
    "onto toward towards".split()
)
#: Nouns and verbs of feeling, aim or policy: after them "at X", "in X", "towards X" is the
#: government ("anger at Moscow", "lashed out at Yerevan", "trust in Moscow", "policy towards
#: Armenia"), not the place.
ATTITUDE_WORDS = frozenset(
    "anger angry furious fury out aimed directed pointed jab swipe trust faith confidence "
    "frustration frustrated disappointment disappointed policy policies attitude stance "
    "approach position hostility pivot shift turn".split()
)
#: Nouns and verbs of movement, transport and connection. "to X" / "for X" / "from X" after one
#: of them is a destination or an origin: "the road to Yerevan", "flights to Baku", "fled to
#: Armenia", "trucks from Armenia", "returned from Moscow".
MOTION_WORDS = frozenset(
    "road roads route routes highway highways railway railways corridor way path journey trip "
    "trips flight flights convoy convoys trucks lorries vehicles cars buses cargo goods aid "
    "assistance "
    "supplies shipments deliveries refugees evacuees migrants people residents families civilians "
    "exodus traffic passage access travel travelled traveled traveling travelling travels go goes "
    "going went gone come comes came coming return returns returned returning fled flee fleeing "
    "flew fly flying moved move moving deported deportation sent send sending delivered deliver "
    "transported transport drove drive driving walked arrived arriving arrive evacuated "
    "evacuation relocated relocate headed heading bound visit visits visited visiting border "
    "borders crossing crossings left taken brought transferred handed pipeline pipelines imports "
    "exports".split()
)
#: Verbs whose object is the land itself: "troops entered Armenia", "a region that borders Iran",
#: "the shelling reached Goris".
PLACE_OBJECT_VERBS = frozenset(
    "entered enter entering crossed cross crossing reached reach reaching left leaving borders "
    "bordering bordered visited visit visiting invaded invade invading occupied shelled".split()
)
#: Attacks land on a place: "the assault on Armenia proper", "strikes on Stepanakert".
ATTACK_NOUNS = frozenset(
    "attack attacks assault assaults strike strikes shelling offensive incursion incursions raid "
    "raids invasion bombardment".split()
)
#: Adjectives that may stand between a preposition and a name: "in central Azerbaijan".
GEOGRAPHIC_ADJECTIVES = frozenset(
    "central northern southern eastern western north-eastern north-western south-eastern "
    "south-western northeastern northwestern southeastern southwestern mainland rural "
    "neighbouring neighboring occupied liberated".split()
)
#: Verbs of connection: "the road that links Armenia to Nagorno-Karabakh", "connects Nakhchivan
#: with mainland Azerbaijan". Both ends of the link are places.
CONNECTION_VERBS = frozenset(
    "link links linked linking connect connects connected connecting".split()
)
#: Nouns that make "between X and Y" geographic: "the border between Armenia and Azerbaijan" —
#: unlike "talks between Armenia and Azerbaijan", where both are governments.
GEOGRAPHIC_BETWEEN_NOUNS = frozenset(
    "border borders frontier boundary road route corridor highway railway bridge flights traffic "
    "line zone area territory exclave enclave link communications".split()
)
#: Nouns for what a government sends or says: "a statement from Baku", "pressure from Moscow".
#: After one of them, "from X" is the government speaking, not an origin.
SOURCE_NOUNS = frozenset(
    "statement statements message messages response reaction pressure signal signals call calls "
    "delegation delegations official officials envoy envoys representative representatives "
    "diplomat diplomats support demand demands criticism warning warnings proposal proposals "
    "letter note assurances guarantees word news orders order threat threats protest aid "
    "assistance help".split()
)
#: Nouns that make the place itself: "part of Georgia", "the border with Iran", "residents
#: of Goris", "the capital Tbilisi".
PLACE_OF_NOUNS = frozenset(
    "mayor mayors part parts territory territories border borders area areas region regions city "
    "cities town towns village villages centre center centres centers people residents population "
    "citizens soil lands capital south north east west interior outskirts suburbs heart map "
    "side integrity rest airspace".split()
)
#: "claims to Georgia", "control over Karabakh": a claim on land is a claim on the place.
CLAIM_NOUNS = frozenset("claim claims control sovereignty jurisdiction".split())
#: Words that may follow a possessive and make the place, not the state: "Armenia's borders",
#: "Azerbaijan's southern districts".
TERRITORY_WORDS = frozenset(
    "city town village square highway province territory territories border borders frontier "
    "south southern north northern east eastern west western soil lands land airspace mountains "
    "villages towns cities regions region "
    "districts district provinces province population people residents capital coast interior "
    "countryside roads highways".split()
)
#: Words that end the noun phrase after a possessive ("Armenia's borders were shelled").
PHRASE_STOP_WORDS = frozenset(
    "of for to in on at and or but with that which who whose as by from is are was were has have "
    "had will would could should may might can must did does do".split()
)
#: What follows a name (or a hyphenated pair of names) to make it one end of a line on the map:
#: "the Armenia border", "the Iran-Armenia border", "the Goris-Kapan road".
LINE_WORDS = frozenset("border frontier road highway railway crossing pipeline".split())
#: What a place name before it turns into a venue: "the Minsk meeting", "the Prague summit".
VENUE_WORDS = frozenset("meeting meetings summit talks format conference declaration".split())
#: What a place name before it turns into the place where something happened: "the Gaza war",
#: "the Gaza offensive", "the Turkey earthquake".
EVENT_WORDS = frozenset(
    "war wars conflict crisis offensive front frontline battlefield invasion earthquake "
    "fighting clashes".split()
)
#: "Russia-brokered", "Azerbaijan-controlled": a state doing something, so an actor.
ACTOR_PARTICIPLES = frozenset(
    "controlled brokered backed led mediated sponsored installed held run supported funded "
    "owned imposed".split()
)

# --- speakers ------------------------------------------------------------------------------------

#: Verbs that introduce speech, direct or reported.
SPEECH_VERBS = (
    "said says told tells pointed out emphasized emphasised added adding noted explained stated "
    "continued recalled stressed asserted warned argued answered replied believes called "
    "underlined remarked highlighted insisted observed concluded announced wrote writes claimed "
    "claims declared denied accused urged commented reiterated confirmed alleged acknowledged "
    "admitted held".split()
)
#: Words of an office or an honorific before a name: "said Foreign Minister Ararat Mirzoyan".
TITLE_WORDS = frozenset(
    "President Vice Prime Deputy Foreign Defence Defense Interior Economy Finance Justice Minister "
    "Ministers Ministry Spokesperson Spokesman Spokeswoman Ambassador Secretary General Chairman "
    "Chairwoman Chair Speaker Adviser Advisor Assistant Head Chief Commander Mayor Governor "
    "Ombudsman Senator Representative Envoy Special Senior Director Leader Lieutenant Colonel "
    "Major Captain Sergeant Mr Mrs Ms Dr Professor Prof Rev Sheikh Ayatollah Patriarch "
    "Catholicos Archbishop Bishop Judge Member MP Lawmaker Analyst Expert Researcher Editor "
    "Correspondent Political Security Council State National Human Rights Former Acting "
    "First Second Supreme Emergency Situations Affairs Policy Department Office Administration "
    "Presidential Parliamentary Opposition Commissioner Coordinator Official Officer".split()
)
#: Nationalities and places used as adjectives before a title: "Armenian Foreign Minister".
NATIONALITY_WORDS = frozenset(
    "Armenian Azerbaijani Azeri Russian Iranian Turkish French American British German Georgian "
    "European Ukrainian Israeli Chinese Kazakh Indian Pakistani Karabakh Artsakh Nagorno-Karabakh "
    "US U.S. UK EU UN Western Kremlin Soviet".split()
)
#: Capitalised words that start a clause or name a group, a day or an institution: never a
#: person's name on their own.
NOT_PERSON_WORDS = frozenset(
    "The A An This That These Those But And However Meanwhile Also He She It They We I You His "
    "Her Its Their Our Officials Sources Analysts Experts Observers Critics Witnesses Residents "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Ministry Government Parliament "
    "Cabinet Office Service Committee Council Agency Department Embassy Army Police Kremlin "
    "Reuters AFP AP Associated Press Interfax TASS RIA Novosti Armenpress AZERTAC Azertac Trend "
    "APA Turan IRNA Mehr Tasnim Fars ISNA News Times Post Journal Television Radio TV Nobody "
    "International Cross Crescent Group Church Mission Watch Organization Organisation Union "
    "Commission Court Fund Foundation Institute Centre Center Party Movement Front Alliance "
    "Everyone Everybody Someone Somebody Nothing Many Some Most Few Others".split()
)

# --- page furniture ------------------------------------------------------------------------------

#: Lines that end an article on any news site: comment forms, tag lists, "related" teasers,
#: share widgets, copyright. Web furniture in general, not the phrases of particular sites.
CHROME_LINE_STARTS = (
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "submit a comment",
    "add a comment",
    "tags",
    "tagged",
    "related",
    "related articles",
    "related news",
    "related stories",
    "related posts",
    "related content",
    "read more",
    "read also",
    "see also",
    "more on this",
    "more from",
    "most read",
    "most popular",
    "most viewed",
    "latest news",
    "latest posts",
    "recommended",
    "share",
    "share this",
    "follow us",
    "subscribe",
    "sign up",
    "newsletter",
    "previous post",
    "next post",
    "your email address",
    "copyright",
    "all rights reserved",
)
#: Bits of page furniture that may sit anywhere on a short line.
CHROME_ANYWHERE = ("all rights reserved", "©", "(c) ", "views:", "share on ", "follow us on")
#: The credits that close a wire story, wherever they stand on their line.
WIRE_CREDITS = (
    "(reporting by",
    "(writing by",
    "(editing by",
    "(additional reporting by",
    "additional reporting by",
    "contributed to this report",
    "contributed reporting",
)
#: Plural nouns for groups of people: "Villagers said", "Diplomats told" name no one.
PEOPLE_NOUNS = frozenset(
    "villagers residents refugees diplomats lawmakers officials analysts experts observers critics "
    "witnesses protesters protestors activists soldiers troops police authorities ministers "
    "leaders sources locals journalists reporters doctors teachers farmers drivers parents "
    "survivors organisers organizers participants negotiators mediators monitors deputies members "
    "spokespeople representatives citizens people investigators prosecutors lawyers officers "
    "commanders militants separatists rebels voters students workers families neighbours "
    "neighbors".split()
)
#: Nouns after a word of land that make the phrase the state's: "Russia's border guards",
#: "Iran's border policy", "Armenia's land reform".
STATE_NOUNS = frozenset(
    "guard guards service services policy policies troops forces force police officials "
    "authorities reform reforms agency committee ministry chief commander commanders control "
    "protection security patrol patrols commission dispute disputes claims".split()
)
#: Offices a person is introduced with ("President Vahagn Khachaturyan", "Foreign Minister Ararat
#: Mirzoyan") and later referred to by ("the president said", "the minister added"), with the
#: other ways news English names the same office.
OFFICES: dict[str, tuple[str, ...]] = {
    "president": ("head of state",),
    "prime minister": ("premier",),
    "foreign minister": ("top diplomat",),
    "defence minister": (),
    "defense minister": (),
    "minister": (),
    "governor": (),
    "mayor": (),
    "ombudsman": (),
    "archbishop": (),
    "ambassador": ("envoy",),
    "spokesman": (),
    "spokeswoman": (),
    "spokesperson": (),
    "adviser": ("aide",),
    "commander": (),
}
