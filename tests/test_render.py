"""HTML that reaches the browser: escaped, with the sourcing a reader needs."""

from __future__ import annotations

from datetime import date

import pandas as pd

from caucasus_map.reader import article_reader_html
from caucasus_map.render import cite_line, popup_html, popups_by_place, tooltip_html

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:x">'


def item(**changes) -> dict:
    base = {
        "kind": "excerpt",
        "item_id": "a:1:shusha",
        "group_id": "a:1:shusha",
        "place_id": "shusha",
        "article_id": "a",
        "quote": "Azerbaijani forces did not advance beyond Shusha.",
        "quote_start": 10,
        "quote_end": 59,
        "speaker": "Vali Kozehgar-Kaleji",
        "outlet": "Alwaght",
        "published": pd.Timestamp("2021-01-13"),
        "date_start": pd.Timestamp("2020-11-01"),
        "date_end": pd.Timestamp("2020-11-30"),
        "precision": "month",
        "date_basis": "stated",
        "summary": None,
        "event_type": None,
        "date_note": None,
    }
    base.update(changes)
    return base


def assert_inert(html: str) -> None:
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html and "href='javascript" not in html
    assert "&lt;script&gt;" in html


def test_cite_line_names_speaker_outlet_and_both_dates() -> None:
    line = cite_line(item())
    assert "Vali Kozehgar-Kaleji" in line and "Alwaght" in line
    assert "published 13 Jan 2021" in line
    assert "event Nov 2020, month (stated)" in line


def test_popup_quotes_in_blockquotes_and_counts_the_rest() -> None:
    entries = [item(item_id=f"a:{i}:shusha", quote=f"Quote number {i}.") for i in range(6)]
    html = popup_html("Shusha (Shushi)", entries, total=6, date_to=date(2023, 1, 31), limit=4)
    assert html.count("<blockquote") == 4
    assert "2 more in the side panel" in html
    assert "article=a" in html and "quote=10-59" in html and "to=2023-01-31" in html
    assert "target='_blank'" in html


def test_hostile_strings_are_escaped_everywhere() -> None:
    hostile = item(quote=HOSTILE, speaker=HOSTILE, outlet=HOSTILE, summary=HOSTILE, kind="event")
    assert_inert(popup_html(HOSTILE, [hostile], total=1))
    assert_inert(tooltip_html(HOSTILE, [HOSTILE], 3))
    article = {
        "span_start": 0,
        "span_end": len(HOSTILE),
        "title": HOSTILE,
        "outlet": HOSTILE,
        "outlet_country": HOSTILE,
        "kind": "news",
        "published": pd.Timestamp("2023-01-01"),
        "published_basis": "stated",
        "published_precision": "day",
        "published_evidence": HOSTILE,
        "speakers": HOSTILE,
        "source_file": HOSTILE,
    }
    assert_inert(article_reader_html(article, HOSTILE, [(0, 8, "loc", HOSTILE)], (0, 5)))


def test_popups_by_place_counts_each_event_once() -> None:
    event = item(kind="event", group_id="ev", summary="A summary.", event_type="blockade")
    items = pd.DataFrame(
        [
            {**event, "item_id": "ev#0"},
            {**event, "item_id": "ev#1", "quote": "Another quote of the same event."},
            item(),
        ]
    )
    html = popups_by_place(items, {"shusha": "Shusha"})["shusha"]
    assert html.count("class='cm-item'") == 2  # the event once (its first quote) and the excerpt


def test_reader_marks_the_quote_and_highlights() -> None:
    text = "Menu\nShusha fell. Baku said so.\nFooter"
    start, end = 5, len(text) - len("\nFooter")
    article = {
        "span_start": start,
        "span_end": end,
        "title": "T",
        "outlet": "O",
        "kind": "news",
        "published": pd.Timestamp("2021-01-13"),
        "source_file": "f.txt",
    }
    marks = [(5, 11, "loc", "Shusha (location)"), (18, 22, "actor", "Baku (actor)")]
    html = article_reader_html(article, text, marks, (5, 17))
    assert "Menu" not in html and "Footer" not in html
    assert "<div class='cm-focus' id='cm-quote'><p><mark class='loc'" in html
    assert "<mark class='actor' title='Baku (actor)'>Baku</mark>" in html


def test_reader_outlines_a_headline_quote_above_the_body() -> None:
    text = "Talks in Shusha stall\nMenu\nShusha fell. Baku said so.\nFooter"
    start = text.index("Shusha fell")
    article = {
        "span_start": start,
        "span_end": text.index("\nFooter"),
        "title": "Talks in Shusha stall",
        "outlet": "O",
        "kind": "news",
        "published": pd.Timestamp("2021-01-13"),
        "source_file": "f.txt",
    }
    marks = [(9, 15, "loc", "Shusha (location)"), (start, start + 6, "loc", "Shusha (location)")]
    html = article_reader_html(article, text, marks, (0, 21))
    assert "<div class='cm-focus' id='cm-quote'><p>Talks in <mark class='loc'" in html
    assert "headline" in html and "Menu" not in html


def test_csv_download_defuses_spreadsheet_formulas() -> None:
    from caucasus_map.export import to_csv

    items = pd.DataFrame([item(quote='=HYPERLINK("http://x")', place_name="Shusha")])
    assert "\"'=HYPERLINK" in to_csv(items, spreadsheet_safe=True)
    assert "'=HYPERLINK" not in to_csv(items)  # the CLI keeps quotes verbatim
