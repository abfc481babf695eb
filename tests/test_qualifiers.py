"""Namesakes and names inside other names, told apart by the words around them. Sentences are
written for the tests."""

from __future__ import annotations

import pytest
from place_factory import place

from caucasus_map.mentions import PlaceMatcher

MATCHER = PlaceMatcher(
    [
        place("lachin_corridor", "corridor", "Lachin corridor", "Lachin"),
        place("lachin_town", "settlement", "Lachin town", "Berdzor"),
        place("aghdam", "settlement", "Aghdam"),
        place("zangezur", "province", "Zangezur", "Syunik"),
        place("karabakh", "region", "Karabakh"),
        place("azerbaijan", "country", "Azerbaijan"),
        place("baku", "settlement", "Baku", seat=True),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.place_id) for m in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kind the text gives picks the namesake …
        ("He spoke in Lachin city on Monday.", [("Lachin", "lachin_town")]),
        ("Traffic on the Lachin road resumed.", [("Lachin", "lachin_corridor")]),
        ("Lachin was closed again.", [("Lachin", "lachin_corridor")]),
        # … or says the gazetteer lacks the place: better no mention than a wrong one
        ("Cameras in the Lachin district recorded a column.", []),
        ("Shelling hit the Tartar, Aghdam and Lachin districts overnight.", []),
        ("Works in the Karabakh economic region continue.", []),
        # a kind that fits the place changes nothing
        ("Villages of the Syunik province were shelled.", [("Syunik province", "zangezur")]),
        ("Aghdam town lies in ruins.", [("Aghdam", "aghdam")]),
        # a bracketed second name says which namesake
        (
            "Troops moved towards Lachin (Berdzor).",
            [("Lachin", "lachin_town"), ("Berdzor", "lachin_town")],
        ),
        # a name inside a longer name is no mention
        ("The East Zangezur region was created in 2021.", []),
        ("The Azerbaijan Army said its units held their positions.", []),
        ("Baku said its units held their positions.", [("Baku", "baku")]),
    ],
)
def test_the_words_around_a_name_pick_the_place(text: str, expected) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials call it part of a new region (East Zangezur).",
        "East Zangezur was created in 2021.",
        "The so-called \u201cEast Zangezur\u201d region was created in 2021.",
    ],
)
def test_a_direction_word_opens_another_name_anywhere(text: str) -> None:
    assert found(text) == []
