"""The text layer: a view of the raw text of the same length, hard wraps undone, datelines and
headlines found. Sentences here are written for the tests in the house styles of wire services
and agencies; none comes from the corpus."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caucasus_map.textlayer import (
    dateline_day,
    find_dateline,
    find_headline,
    plain_view,
    read_layout,
    wrap_width,
)

PARAGRAPHS = [
    "Armenia said on Thursday that Azerbaijani troops had opened fire on positions near the "
    "town of Jermuk, a spa resort in the south, in what the defence ministry called a "
    "deliberate provocation aimed at derailing the talks.",
    "Baku denied the claim and said its units had only returned fire after coming under "
    "attack from Armenian positions overnight, the state news agency reported.",
    "The road that links Armenia to Nagorno-Karabakh has been closed since December, and "
    "trucks carrying flour were turned back at the bridge on Tuesday, drivers said.",
]
FLAT = "Armenia says troops shelled near Jermuk\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


def wrapped(width: int = 70) -> str:
    return (
        "Armenia says troops shelled near Jermuk\n\n"
        + "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
        + "\n"
    )


def test_a_byte_order_mark_does_not_hide_a_dateline() -> None:
    layout = read_layout("\ufeffBAKU, Sept 20 (AFP) - " + PARAGRAPHS[0] + "\n")
    assert layout.dateline is not None and layout.dateline.agency == "AFP"


def test_the_view_has_the_raw_length_and_plain_characters() -> None:
    raw = "Nagorno\u2011Karabakh\u00a0region: \u201cwe stay,\u201d he said\u2019s\r\n"
    view = plain_view(raw)
    assert len(view) == len(raw)
    assert view == 'Nagorno-Karabakh region: "we stay," he said\'s \n'


@pytest.mark.parametrize("width", [60, 70, 72, 80])
def test_hard_wraps_become_spaces_and_paragraphs_stay(width: int) -> None:
    text = wrapped(width)
    assert wrap_width(text) is not None
    view = plain_view(text)
    paragraphs = [p for p in view.split("\n") if p.strip()]
    assert [" ".join(p.split()) for p in paragraphs[1:]] == PARAGRAPHS
    assert paragraphs[0] == "Armenia says troops shelled near Jermuk"


def test_one_line_per_paragraph_is_left_alone() -> None:
    assert wrap_width(FLAT) is None
    assert plain_view(FLAT) == FLAT


def test_a_menu_of_short_lines_is_not_taken_for_wrapped_text() -> None:
    menu = "Home\nPolitics\nEconomy\nSociety\nRegion\nWorld\nSport\nCulture\n\n" + FLAT
    assert plain_view(menu).startswith("Home\nPolitics\nEconomy\n")


@pytest.mark.parametrize(
    ("line", "place", "when", "agency"),
    [
        ("YEREVAN, Sept 21 (Reuters) - Armenia said", "YEREVAN", "Sept 21", "Reuters"),
        ("BAKU, Sept 20, 2023 (AFP) - Azerbaijan said", "BAKU", "Sept 20, 2023", "AFP"),
        ("STEPANAKERT, Nagorno-Karabakh (AP) — Residents queued", "STEPANAKERT", None, "AP"),
        ("Kornidzor (Armenia) (AFP) - Thousands crossed", "Kornidzor", None, "AFP"),
        (
            "GORIS, SEPTEMBER 26, ARMENPRESS. Refugees arrived",
            "GORIS",
            "SEPTEMBER 26",
            "ARMENPRESS",
        ),
        ("Baku/18.09.23/Turan: The ministry reported", "Baku", "18.09.23", "Turan"),
        ("Shusha, May 12, AZERTAC The festival opened", "Shusha", "May 12", "AZERTAC"),
        ("Baku. 12 April. REPORT.AZ/ The commissions met", "Baku", "12 April", "REPORT.AZ"),
        ("Yerevan, 19 September 2023 — Shelling was heard", "Yerevan", "19 September 2023", None),
        ("Yevlakh, 21 September 2023. Azerbaijan said", "Yevlakh", "21 September 2023", None),
        ("BAKU, Azerbaijan — Officials said the talks", "BAKU", None, None),
        ("TEHRAN, Oct. 23 (IRNA) -- The minister arrived", "TEHRAN", "Oct. 23", "IRNA"),
    ],
)
def test_datelines(line: str, place: str, when: str | None, agency: str | None) -> None:
    found = find_dateline(line, 0)
    assert found is not None
    assert line[found.place_start : found.place_end] == place
    got = line[found.date_start : found.date_end] if found.date_start is not None else None
    assert got == when
    assert found.agency == agency
    assert line[found.end - 1] == " " and line[found.end] != " "


@pytest.mark.parametrize(
    "line",
    [
        "Yerevan, however, rejected the claims of the ministry.",
        "Baku, Ganja and Barda were shelled in October.",
        "Moscow. The Kremlin said the talks were useful.",
        "Armenia said on Thursday that troops had fired.",
        "In May, the two sides met in Brussels.",
        "Mirzoyan (pictured) - who spoke first - said little.",
        "Russia, NATO and the EU all called for calm.",
        "Last Tuesday, 19 September, Azerbaijan launched its offensive.",
        "Baku, Ganja and Barda, officials said, were shelled.",
    ],
)
def test_sentences_that_open_with_a_name_are_not_datelines(line: str) -> None:
    assert find_dateline(line, 0) is None


@pytest.mark.parametrize(
    ("surface", "published", "expected"),
    [
        ("18.09.23", None, (date(2023, 9, 18), True)),
        ("Sept 20, 2023", None, (date(2023, 9, 20), True)),
        ("SEPTEMBER 26", date(2023, 9, 26), (date(2023, 9, 26), False)),
        ("Dec 31", date(2024, 1, 1), (date(2023, 12, 31), False)),
        ("Sept 21", None, None),
        ("31.02.23", None, None),
    ],
)
def test_dateline_day(surface: str, published: date | None, expected) -> None:
    assert dateline_day(surface, published) == expected


def test_layout_of_wrapped_wire_copy() -> None:
    headline, rest = wrapped().split("\n\n", 1)
    text = headline + "\n\nYEREVAN, Sept 21 (Reuters) - " + rest
    layout = read_layout(text)
    assert text[layout.headline[0] : layout.headline[1]] == (
        "Armenia says troops shelled near Jermuk"
    )
    assert text[layout.body[0] :].startswith("YEREVAN, Sept 21 (Reuters) - Armenia")
    assert layout.dateline is not None
    assert text[layout.dateline.place_start : layout.dateline.place_end] == "YEREVAN"
    assert layout.spans()[0] == layout.headline


def test_headline_is_found_above_a_byline_and_a_date_line() -> None:
    text = (
        "Politics\nSociety\n\nVillagers block the highway to Georgia\n\nBy Anna Petrosyan\n"
        "20 April 2024, 12:37\n\n" + "\n\n".join(PARAGRAPHS)
    )
    body_start = text.index(PARAGRAPHS[0])
    span = find_headline(plain_view(text), body_start)
    assert span is not None
    assert text[span[0] : span[1]] == "Villagers block the highway to Georgia"


def test_a_known_title_is_found_where_it_stands() -> None:
    text = "Menu\n\nTalks \u201cstall\u201d in Brussels\n\n" + "\n\n".join(PARAGRAPHS)
    view = plain_view(text)
    span = find_headline(view, text.index(PARAGRAPHS[0]), 'Talks "stall" in Brussels')
    assert text[span[0] : span[1]] == "Talks \u201cstall\u201d in Brussels"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"ab .,:-\n\r\u2011\u00a0\u201c\u2019\ufeff", "Baku", "BAKU", "Shusha", "Sept 21"]
            + ["(AFP)", " - ", "2023", "the next day", "said"]
        ),
        max_size=80,
    ).map("".join)
)
def test_findings_slice_back_to_the_raw_text(text: str) -> None:
    from caucasus_map.extract import find_in_text
    from caucasus_map.mentions import PlaceMatcher
    from caucasus_map.places import Place

    matcher = PlaceMatcher(
        [
            Place("baku", "Baku", ("Baku",), "settlement", "exact", "t", {}, True),
            Place("shusha", "Shusha", ("Shusha",), "settlement", "exact", "t", {}, False),
        ]
    )
    found = find_in_text(text, matcher, published=date(2023, 9, 21))
    layout = found.layout
    assert len(layout.view) == len(text)
    assert 0 <= layout.body[0] <= layout.body[1] <= len(text)
    for start, end in layout.spans():
        assert 0 <= start <= end <= len(text)
    for item in [*found.mentions, *found.dates]:
        assert text[item.start : item.end] == item.surface


def test_crlf_wrapped_copy_unwraps_like_lf() -> None:
    lf = wrapped()
    crlf = lf.replace("\n", "\r\n")
    assert [" ".join(p.split()) for p in plain_view(crlf).split("\n") if p.strip()] == [
        " ".join(p.split()) for p in plain_view(lf).split("\n") if p.strip()
    ]


def test_wrapped_paragraphs_without_blank_lines_between_them_stay_apart() -> None:
    text = "\n".join(textwrap.fill(p, 70) for p in PARAGRAPHS) + "\n"
    paragraphs = [" ".join(p.split()) for p in plain_view(text).split("\n") if p.strip()]
    assert paragraphs == PARAGRAPHS


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("TEHRAN, IRNA -- The foreign minister said", "TEHRAN", "IRNA"),
        ("Tehran, IRNA -- The foreign minister said", "Tehran", "IRNA"),
        ("BAKU, Azerbaijan, Oct. 11 Trend: A missile struck", "BAKU", "Trend"),
    ],
)
def test_agency_datelines_without_parentheses(line: str, place: str, agency: str) -> None:
    found = find_dateline(line, 0)
    assert found is not None
    assert (line[found.place_start : found.place_end], found.agency) == (place, agency)


BODY = (
    "Officials from both sides met for five hours behind closed doors and agreed to meet "
    "again, the presidential administration said in a statement.\n\n"
    "The talks were the first since the ceasefire took hold, and they ended without a "
    "detailed agreement on the status of the region.\n"
)


def test_a_dateline_on_its_own_lines_above_the_body() -> None:
    text = "Home\nPolitics\nWorld\n\nTalks held in Yevlakh\nYEVLAKH, Sept. 21\nTrend:\n" + BODY
    layout = read_layout(text)
    assert layout.dateline is not None
    assert text[layout.dateline.place_start : layout.dateline.place_end] == "YEVLAKH"
    assert text[layout.headline[0] : layout.headline[1]] == "Talks held in Yevlakh"
    assert (layout.dateline.start, layout.dateline.end) in layout.spans()


def test_a_long_headline_opening_the_body_gives_way_to_the_dateline_below_it() -> None:
    title = "Minister: border issues of the region must be solved by the countries of the region"
    text = f"{title}\n\nTehran, IRNA -- {BODY}"
    layout = read_layout(text)
    assert text[layout.headline[0] : layout.headline[1]] == title
    assert layout.dateline is not None and layout.dateline.agency == "IRNA"


def test_title_byline_and_date_line_stay_out_of_the_body() -> None:
    text = (
        "Villagers in the north block the interstate highway for a second day running\n"
        "By Anna Petrosyan\n21.10.2022\n\n" + BODY
    )
    layout = read_layout(text)
    assert text[layout.body[0] :].startswith("Officials from both sides")
    assert text[layout.headline[0] : layout.headline[1]].startswith("Villagers in the north")


@pytest.mark.parametrize(
    "line",
    [
        "Region: Armenia, Azerbaijan",
        "Tags: Tavush, Ijevan",
        "Share on Facebook Share on Twitter",
        "Photo: Refugees arrive in Goris",
    ],
)
def test_furniture_is_not_a_headline(line: str) -> None:
    assert read_layout(f"{line}\n\n{BODY}").headline is None


@pytest.mark.parametrize(
    "line",
    [
        "Video shows shelling near Shusha",
        "Photo exhibition on Karabakh opens in Yerevan",
        "Related talks stall as Baku and Yerevan trade blame",
    ],
)
def test_headlines_that_open_with_a_furniture_word(line: str) -> None:
    text = f"{line}\n\n{BODY}"
    layout = read_layout(text)
    assert layout.headline is not None
    assert text[layout.headline[0] : layout.headline[1]] == line
