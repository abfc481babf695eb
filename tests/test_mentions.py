import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from place_factory import place

from caucasus_map.mentions import PlaceMatcher

PLACES = [
    place("lachin_corridor", "corridor", "Lachin corridor", "Lachin crossing", "Lachin"),
    place("lachin_checkpoint", "checkpoint", "Lachin checkpoint"),
    place("aghdam_khankendi_road", "road", "Aghdam-Khankendi route", "Aghdam-Khankendi road"),
    place("aghdam", "settlement", "Aghdam"),
    place("khankendi", "settlement", "Khankendi", "Stepanakert"),
    place("karabakh", "region", "Karabakh", "Nagorno-Karabakh", "Garabagh", "mountainous Karabakh"),
    place("syunik", "province", "Syunik", "Zangezur", "Zangezor", "southern Armenia"),
    place("zangezur_corridor", "corridor", "Zangezur corridor", "Zangezor corridor"),
    place("baku", "settlement", "Baku", seat=True),
    place("moscow", "settlement", "Moscow", seat=True),
    place("tehran", "settlement", "Tehran", seat=True),
    place("armenia", "country", "Armenia"),
    place("azerbaijan", "country", "Azerbaijan", "Republic of Azerbaijan"),
    place("united_states", "country", "United States", "US"),
]
MATCHER = PlaceMatcher(PLACES)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.place_id, m.role) for m in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # longest match wins; the generic word matches in either case
        ("the Lachin Corridor was shut", [("Lachin Corridor", "lachin_corridor", "location")]),
        ("at the Lachin checkpoint", [("Lachin checkpoint", "lachin_checkpoint", "location")]),
        (
            "via the Aghdam–Khankendi road",
            [("Aghdam–Khankendi road", "aghdam_khankendi_road", "location")],
        ),
        ("Nagorno-Karabakh’s people", [("Nagorno-Karabakh", "karabakh", "location")]),
        ("in the Garabagh region", [("Garabagh region", "karabakh", "location")]),
        ("Mountainous Karabakh is", [("Mountainous Karabakh", "karabakh", "location")]),
        ("the fake Zangezur Corridor", [("Zangezur Corridor", "zangezur_corridor", "location")]),
        ("regarding Zangezor, he", [("Zangezor", "syunik", "location")]),
        # word boundaries: adjectives and longer words are not mentions
        ("Armenian and Azerbaijani forces", []),
        ("tell us about it", []),
        ("the US said", [("US", "united_states", "actor")]),
        ("Bakunin wrote", []),
    ],
)
def test_surface_forms(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Baku denied the claims.", "Baku", "actor"),
        ("Moscow’s mediation failed.", "Moscow", "actor"),
        ("disputes between Baku and Yerevan", "Baku", "actor"),
        ("drills held in the capital Baku", "Baku", "location"),
        ("talks Monday in Tehran seeking", "Tehran", "location"),
        ("concerning the Moscow meeting", "Moscow", "location"),
        ("Azerbaijan closed down the road", "Azerbaijan", "actor"),
        ("people fled for Armenia after", "Armenia", "location"),
        ("the border with Armenia", "Armenia", "location"),
        ("the territory of Armenia is", "Armenia", "location"),
        ("Armenia’s borders were shelled", "Armenia", "location"),
        ("Armenia’s position changed", "Armenia", "actor"),
        ("the Republic of Azerbaijan signed", "Republic of Azerbaijan", "actor"),
        ("Khankendi did not allow it", "Khankendi", "location"),  # towns are always places
    ],
)
def test_roles(text: str, surface: str, role: str) -> None:
    matches = {m.surface: m.role for m in MATCHER.find(text)}
    assert matches[surface] == role


def test_offsets_are_into_the_whole_text_when_scanning_a_span() -> None:
    text = "Menu: Shop Baku\nBody: in Khankendi today"
    start = text.index("Body")
    mentions = MATCHER.find(text, start, len(text))
    assert [(m.surface, text[m.start : m.end]) for m in mentions] == [("Khankendi", "Khankendi")]


def test_mentions_do_not_cross_a_line_break() -> None:
    assert found("the Lachin\ncorridor") == [("Lachin", "lachin_corridor", "location")]


NAMES = [alias for p in PLACES for alias in p.aliases]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from(NAMES)), max_size=12))
def test_property_offsets_slice_back_and_never_overlap(parts: list[str]) -> None:
    text = " ".join(parts)
    mentions = MATCHER.find(text)
    last_end = -1
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.start >= last_end
        assert m.role in ("location", "actor")
        last_end = m.end


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_arbitrary_unicode_never_crashes(text: str) -> None:
    for m in MATCHER.find(text):
        assert text[m.start : m.end] == m.surface


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(NAMES), st.text(alphabet=" .,;:!?()\n", max_size=5))
def test_property_every_alias_is_found_between_separators(alias: str, sep: str) -> None:
    text = f"x{sep} {alias} {sep}y"
    assert alias in [m.surface for m in MATCHER.find(text)] or any(
        alias in m.surface for m in MATCHER.find(text)
    )


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # motion, transport and connection make the place
        ("The road that links Armenia to Karabakh was shut.", "Armenia", "location"),
        ("Trucks from Armenia waited at the bridge.", "Armenia", "location"),
        ("the only route to Tehran runs north", "Tehran", "location"),
        ("flights from Baku resumed", "Baku", "location"),
        ("thousands fled to Armenia within a week", "Armenia", "location"),
        ("a railway connecting Azerbaijan with Turkey", "Azerbaijan", "location"),
        ("the border between Armenia and Azerbaijan", "Azerbaijan", "location"),
        ("convoys across Armenia", "Armenia", "location"),
        # the state speaking, brokering, controlling
        ("talks between Armenia and Azerbaijan resumed", "Azerbaijan", "actor"),
        ("a statement from Baku said", "Baku", "actor"),
        ("pressure from Moscow grew", "Moscow", "actor"),
        ("the Russia-brokered truce", "Russia", "actor"),
        ("Azerbaijan-controlled areas", "Azerbaijan", "actor"),
        ("Tehran warned against it", "Tehran", "actor"),
    ],
)
def test_roles_in_news_english(text: str, surface: str, role: str) -> None:
    extra = [
        place("russia", "country", "Russia"),
        place("turkey", "country", "Turkey"),
    ]
    matcher = PlaceMatcher([*PLACES, *extra])
    roles = {m.surface: m.role for m in matcher.find(text)}
    assert roles[surface] == role
