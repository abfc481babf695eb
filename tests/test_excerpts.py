from datetime import date

from caucasus_map.corpus import Article
from caucasus_map.extract import extract_article


def article(text: str, published: date | None = date(2023, 8, 17), kind: str = "news") -> Article:
    return Article(
        id="t",
        source_file="t.txt",
        sha256="0",
        span=(0, len(text)),
        title=None,
        outlet="Test",
        outlet_country=None,
        kind=kind,
        published=published,
        published_precision="day",
        published_basis="stated",
    )


def excerpts_of(text: str, matcher, **kwargs):
    return extract_article(article(text, **kwargs), text, matcher).excerpts


def test_sentence_date_wins_over_publication(matcher) -> None:
    text = "The UNSC met on Karabakh yesterday. Shusha fell in November 2020. Baku denied it."
    rows = [
        (e.place_id, e.date_start, e.precision, e.date_basis) for e in excerpts_of(text, matcher)
    ]
    assert rows == [
        ("karabakh", date(2023, 8, 16), "day", "resolved"),
        ("shusha", date(2020, 11, 1), "month", "stated"),
    ]  # "Baku denied" is a government acting: no excerpt at Baku


def test_undated_sentence_is_reported_on_the_publication_day(matcher) -> None:
    (excerpt,) = excerpts_of("Aid waited on the Aghdam-Khankendi road.", matcher)
    assert (excerpt.date_start, excerpt.date_basis, excerpt.date_surface) == (
        date(2023, 8, 17),
        "reported",
        None,
    )


def test_one_excerpt_per_sentence_and_place_with_offsets(matcher) -> None:
    text = "Intro.\nThe Lachin corridor, the Lachin road, is closed near Shusha."
    excerpts = excerpts_of(text, matcher)
    assert [e.place_id for e in excerpts] == ["lachin_corridor", "shusha"]
    for e in excerpts:
        assert text[e.quote_start : e.quote_end] == e.quote
        assert e.surface in e.quote


def test_speaker_is_carried(matcher) -> None:
    text = "“The road to Shusha must open,” Pashinyan said."
    (excerpt,) = excerpts_of(text, matcher)
    assert excerpt.speaker == "Pashinyan"


def test_without_publication_date_undated_sentences_are_skipped(matcher) -> None:
    assert excerpts_of("Shusha is quiet.", matcher, published=None) == []
    assert [e.place_id for e in excerpts_of("Shusha fell in 2020.", matcher, published=None)] == [
        "shusha"
    ]


def test_month_precise_publication_spans_its_month_and_resolves_nothing_relative(matcher) -> None:
    from dataclasses import replace

    text = "Shusha was quiet yesterday. Aid reached Khankendi."
    item = replace(article(text, published=date(2023, 8, 1)), published_precision="month")
    excerpts = extract_article(item, text, matcher).excerpts
    assert [
        (e.place_id, e.date_start, e.date_end, e.precision, e.date_basis) for e in excerpts
    ] == [
        ("shusha", date(2023, 8, 1), date(2023, 8, 31), "month", "reported"),
        ("khankendi", date(2023, 8, 1), date(2023, 8, 31), "month", "reported"),
    ]


def test_each_place_takes_the_date_of_its_own_clause(matcher) -> None:
    text = (
        "Aid lorries were turned back at the Lachin checkpoint on Friday, days after the road "
        "to Stepanakert had been shut on 12 June."
    )
    rows = {e.place_id: (e.date_start, e.date_surface) for e in excerpts_of(text, matcher)}
    assert rows["lachin_checkpoint"] == (date(2023, 8, 11), "Friday")
    assert rows["khankendi"] == (date(2023, 6, 12), "12 June")


def test_a_fronted_date_covers_the_whole_sentence(matcher) -> None:
    text = "On 3 August, convoys left Goris, and crowds gathered in Shusha."
    rows = {e.place_id: e.date_start for e in excerpts_of(text, matcher)}
    assert rows["shusha"] == date(2023, 8, 3)


def test_an_excerpt_keeps_every_date_of_its_sentence(matcher) -> None:
    text = "Shusha was shelled on Friday, a week after talks in Brussels on 10 August."
    (shusha, *_) = [e for e in excerpts_of(text, matcher) if e.place_id == "shusha"]
    assert shusha.sentence_dates == ("Friday", "10 August")


def test_a_page_date_stamp_is_not_an_event_date(matcher) -> None:
    from caucasus_map.extract import find_in_text

    text = (
        "Talks resume in Brussels\n21 September 2023 14:05 (UTC+04:00) | Politics\n"
        "The sides met in Brussels on 20 September 2023 and agreed to meet again, officials "
        "said, while the road to Shusha stayed closed for a third week running.\n"
    )
    found = find_in_text(text, matcher, published=date(2023, 9, 21))
    assert [d.surface for d in found.dates] == ["20 September 2023"]


def test_an_anaphor_never_lands_after_publication(matcher) -> None:
    from caucasus_map.extract import find_in_text

    text = (
        "Officials said the convoy was stopped that day near Shusha, and that the next day "
        "it turned back towards the border with Armenia, according to witnesses.\n"
    )
    found = find_in_text(text, matcher, published=date(2023, 10, 17))
    assert all(d.date_end <= date(2023, 10, 17) for d in found.dates)


def test_event_dates_on_short_lines_are_kept(matcher) -> None:
    from caucasus_map.extract import find_in_text

    text = (
        "Timeline of the offensive in Karabakh, as reported by officials on both sides, with "
        "the places named in their statements and the dates they gave for each step.\n"
        "It was on 3 May.\n"
        "| 19 September 2023 | Offensive in Karabakh |\n"
        "Later events followed, and the road to Shusha closed again, officials said.\n"
        "20 September 2023\n"
        "A ceasefire was agreed in Shusha, both sides said later that evening.\n"
    )
    found = find_in_text(text, matcher, body=(0, len(text)), published=date(2023, 9, 25))
    surfaces = [d.surface for d in found.dates]
    assert {"3 May", "19 September 2023", "20 September 2023"} <= set(surfaces)
