from collections import Counter
from pathlib import Path

import pytest
import yaml

from caucasus_map import settings
from caucasus_map.errors import DataValidationError
from caucasus_map.events import load_events

FOCAL = ("lachin_corridor", "aghdam_khankendi_road", "shusha", "nakhchivan", "syunik")


@pytest.fixture(scope="module")
def events(articles, places):
    return load_events(articles.values(), {p.id for p in places}, settings.PACKAGE_ROOT)


def test_enough_events_covering_every_article_and_focal_place(events, articles) -> None:
    assert len(events) >= 25
    quoted = Counter(q.article_id for e in events for q in e.quotes)
    assert set(quoted) == set(articles)
    per_place = Counter(p for e in events for p in e.places)
    for place_id in FOCAL:
        assert per_place[place_id] >= 2, place_id


def test_every_quote_is_verbatim_at_its_offsets(events, articles, text_of) -> None:
    for event in events:
        assert event.date_start <= event.date_end
        for quote in event.quotes:
            article = articles[quote.article_id]
            text = text_of(article)
            assert text[quote.start : quote.end] == quote.text
            assert article.span[0] <= quote.start < quote.end <= article.span[1]


def test_summaries_are_our_own_words(events) -> None:
    for event in events:
        words = event.summary.split()
        for quote in event.quotes:
            # no run of six words copied from the quote
            for i in range(len(words) - 5):
                assert " ".join(words[i : i + 6]) not in quote.text, event.id


def _edit_events(root: Path, change) -> None:
    path = root / "data" / "events.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r[0]["quotes"][0].update(text=r[0]["quotes"][0]["text"] + " invented"),
            r"quotes\[0\]: quote is not verbatim",
        ),
        (lambda r: r[1].update(id=r[0]["id"]), "duplicate event id"),
        (lambda r: r[0].update(places=["atlantis"]), "unknown place id"),
        (lambda r: r[0].update(date_start="2023-13-01"), "dates must be YYYY-MM-DD"),
        (lambda r: r[0].update(date_start="2030-01-01"), "date_start 2030-01-01 is after date_end"),
        (lambda r: r[0].update(type="party"), "type 'party' is not one of"),
        (lambda r: r[0]["quotes"][0].update(article="nope"), r"quotes\[0\]: unknown article id"),
    ],
)
def test_broken_events_are_reported_with_file_and_field(
    project_copy: Path, articles, places, change, message: str
) -> None:
    _edit_events(project_copy, change)
    with pytest.raises(DataValidationError, match=rf"events.yaml: \[\d+\] \(.*\): {message}"):
        load_events(articles.values(), {p.id for p in places}, project_copy)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r[0].update(quotes=["just a string"]), "quotes must be a list of"),
        (lambda r: r[0].update(places="shusha"), "places must be a list of place ids"),
        (lambda r: r[0].update(id=["x"]), "must be snake_case"),
    ],
)
def test_wrong_yaml_types_are_problems_not_crashes(
    project_copy: Path, articles, places, change, message: str
) -> None:
    _edit_events(project_copy, change)
    with pytest.raises(DataValidationError, match=message):
        load_events(articles.values(), {p.id for p in places}, project_copy)
