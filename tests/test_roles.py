"""Roles of countries and capitals in news English: when the name is the place and when it is the
government. Every sentence is written for the test, in the styles of wires and agencies."""

from __future__ import annotations

import pytest
from place_factory import place

from caucasus_map.mentions import PlaceMatcher

MATCHER = PlaceMatcher(
    [
        place("armenia", "country", "Armenia"),
        place("azerbaijan", "country", "Azerbaijan"),
        place("russia", "country", "Russia"),
        place("turkey", "country", "Turkey"),
        place("iran", "country", "Iran"),
        place("georgia", "country", "Georgia"),
        place("baku", "settlement", "Baku", seat=True),
        place("yerevan", "settlement", "Yerevan", seat=True),
        place("moscow", "settlement", "Moscow", seat=True),
        place("washington", "settlement", "Washington", seat=True),
        place("tbilisi", "settlement", "Tbilisi", seat=True),
        place("karabakh", "region", "Karabakh"),
        place("goris", "settlement", "Goris"),
    ]
)


def role_of(text: str, surface: str) -> str:
    (role,) = [m.role for m in MATCHER.find(text) if m.surface == surface]
    return role


LOCATIONS = [
    ("Shelling was reported in Armenia overnight.", "Armenia"),
    ("Refugees streamed across Armenia towards the capital.", "Armenia"),
    ("The talks were held in central Azerbaijan.", "Azerbaijan"),
    ("The road that links Armenia to Karabakh stayed shut.", "Armenia"),
    ("Trucks from Armenia waited for a third day.", "Armenia"),
    ("Thousands fled to Armenia within a week.", "Armenia"),
    ("Flights from Baku resumed on Monday.", "Baku"),
    ("The only road to Yerevan runs through Goris.", "Yerevan"),
    ("A railway connecting Azerbaijan with Turkey is planned.", "Turkey"),
    ("The border between Armenia and Azerbaijan is not marked.", "Azerbaijan"),
    ("Troops entered Armenia before dawn.", "Armenia"),
    ("The assault on Armenia killed dozens.", "Armenia"),
    ("Baku denies any territorial claims to Armenia.", "Armenia"),
    ("Armenia's borders were shelled.", "Armenia"),
    ("Armenia's capital Yerevan was quiet.", "Armenia"),
    ("Traffic on the Iran-Armenia border slowed.", "Iran"),
    ("Residents of Baku gathered in the square.", "Baku"),
    ("A region that borders both Iran and Azerbaijan.", "Iran"),
    ("The summit opened in Moscow on Tuesday.", "Moscow"),
    ("Crowds gathered in Baku, Moscow and Yerevan.", "Yerevan"),
]
ACTORS = [
    ("Baku denied the claims.", "Baku"),
    ("Moscow's mediation failed.", "Moscow"),
    ("Talks between Armenia and Azerbaijan resumed.", "Azerbaijan"),
    ("A statement from Baku blamed Yerevan.", "Baku"),
    ("Washington sent a strong message to Baku.", "Baku"),
    ("Pressure from Moscow grew through the summer.", "Moscow"),
    ("Aid from Russia arrived late.", "Russia"),
    ("The Russia-brokered truce held.", "Russia"),
    ("Azerbaijan-controlled areas were cut off.", "Azerbaijan"),
    ("Anger at Moscow is growing in Yerevan.", "Moscow"),
    ("Pashinyan lashed out at Moscow on Friday.", "Moscow"),
    ("Few have trust in Moscow any more.", "Moscow"),
    ("The policy towards Armenia has not changed.", "Armenia"),
    ("Thousands fled to Armenia, and Russia said nothing.", "Russia"),
    ("The talks were held in Baku, and Moscow denied any role.", "Moscow"),
    ("Azerbaijan's State Border Service said the post would stay.", "Azerbaijan"),
    ("According to Baku, the convoy carried arms.", "Baku"),
    ("Russia, Turkey and Iran backed the format.", "Iran"),
]


@pytest.mark.parametrize(("text", "surface"), [c for c in LOCATIONS if c[1]])
def test_the_name_is_the_place(text: str, surface: str) -> None:
    assert role_of(text, surface) == "location"


@pytest.mark.parametrize(("text", "surface"), ACTORS)
def test_the_name_is_the_government(text: str, surface: str) -> None:
    assert role_of(text, surface) == "actor"


def test_towns_and_regions_are_always_places() -> None:
    assert role_of("Goris said nothing.", "Goris") == "location"
    assert role_of("Karabakh's leaders resigned.", "Karabakh") == "location"


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("Officials in Baku and Yerevan said the talks went well.", "Yerevan", "location"),
        ("People in Tbilisi, Baku and Yerevan said they were tired.", "Yerevan", "location"),
        ("Russia's border guards left the post.", "Russia", "actor"),
        ("Iran's border policy has not changed.", "Iran", "actor"),
        ("Russia sent aid to Armenia within days.", "Armenia", "location"),
    ],
)
def test_review_cases(text: str, surface: str, role: str) -> None:
    assert role_of(text, surface) == role
