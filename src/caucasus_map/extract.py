"""Extraction of one article: sentences, speakers, place mentions, dates and excerpts.

A pure function of the article's text and metadata and the gazetteer, so the build can run it on
a process pool (or a cluster) one article at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from caucasus_map.corpus import Article
from caucasus_map.dates import DateMention, find_dates
from caucasus_map.excerpts import Excerpt, build_excerpts
from caucasus_map.mentions import PlaceMatcher, PlaceMention
from caucasus_map.sentences import Sentence, split_sentences
from caucasus_map.speakers import attribute_speakers
from caucasus_map.textlayer import ArticleLayout, Dateline, dateline_day, read_layout


@dataclass(frozen=True)
class ArticleExtraction:
    article_id: str
    sentences: list[Sentence]
    speakers: list[str | None]
    mentions: list[PlaceMention]
    dates: list[DateMention]
    excerpts: list[Excerpt]


@dataclass(frozen=True)
class TextFindings:
    """Places and dates of one article's headline, dateline and body; offsets into the raw text,
    surfaces sliced from it verbatim."""

    layout: ArticleLayout
    mentions: list[PlaceMention]
    dates: list[DateMention]
    published: date | None  # as given, or read off the dateline when not given


def find_in_text(
    text: str,
    matcher: PlaceMatcher,
    *,
    body: tuple[int, int] | None = None,
    title: str | None = None,
    published: date | None = None,
    guess_headline: bool = True,
) -> TextFindings:
    """Read ``text`` through the text layer and find its place mentions and date expressions.

    ``body`` is the body span when known (the corpus metadata), else it is guessed; the headline
    is found above it (``title`` when the metadata gives one). A mention inside the headline is
    marked ``in_headline``; the place of a wire dateline gets the role ``dateline``, and the
    dateline's date is the publication date when none is given."""
    layout = read_layout(text, body=body, title=title, guess_headline=guess_headline)
    view = layout.view
    dateline = layout.dateline
    dateline_date: DateMention | None = None
    if dateline is not None and dateline.date_start is not None and dateline.date_end is not None:
        day = dateline_day(view[dateline.date_start : dateline.date_end], published)
        if day is not None:
            published = published or (day[0] if day[1] else None)
            dateline_date = DateMention(
                text[dateline.date_start : dateline.date_end],
                dateline.date_start,
                dateline.date_end,
                day[0],
                day[0],
                "day",
                basis="stated" if day[1] else "resolved",
            )
    mentions: list[PlaceMention] = []
    dates: list[DateMention] = []
    for start, end in layout.spans():
        found = matcher.find(view, start, end)
        if dateline is not None and start <= dateline.place_start < end:
            found = _with_capitalised_dateline(found, view, dateline, matcher)
        headline = layout.headline
        has_headline = headline is not None and start <= headline[0] < end
        for m in found:
            in_headline = has_headline and layout.in_headline(m.start)
            role = m.role
            if dateline is not None and dateline.start <= m.start < dateline.end:
                role = "dateline"  # the place of filing, and its country ("BAKU, Azerbaijan")
            surface = text[m.start : m.end]
            if surface != m.surface or role != m.role or in_headline:
                m = PlaceMention(m.place_id, surface, m.start, m.end, role, in_headline)
            mentions.append(m)
        for d in find_dates(view, published, start=start, end=end):
            if (
                dateline_date is not None
                and d.start < dateline_date.end
                and dateline_date.start < d.end
            ):
                continue  # the dateline's own date, read above with the dateline's rules
            if _is_date_line(view, d, layout.body[0]):
                continue  # "2023/05/21 | politics": the page's date stamp, not an event's date
            surface = text[d.start : d.end]
            if surface != d.surface:  # the view made a variant plain: keep the raw characters
                d = DateMention(
                    surface, d.start, d.end, d.date_start, d.date_end, d.precision, d.basis
                )
            dates.append(d)
    if dateline_date is not None:
        dates.append(dateline_date)
        dates.sort(key=lambda d: d.start)
    return TextFindings(layout, mentions, dates, published)


# What may stand on a date stamp's line besides the date: a time, a weekday, a time zone, "updated"
# ("21 September 2023 14:05 (UTC+04:00)", "Thursday, 9 March 2017", "Updated: 12 May 2023").
_STAMP_REST = re.compile(
    r"(?:[\s,.:()+\-–—/]|\d{1,2}:\d{2}(?::\d{2})?|[A-Z][a-z]+day\b|\b(?:am|pm|AM|PM|GMT|UTC)\b"
    r"|\b[Uu]pdated\b|\b[Pp]ublished\b|\d{2}:?\d{2}\b)*"
)
#: A stamp line is short, and stands among the first lines of the article.
STAMP_MAX_CHARS = 80
STAMP_MAX_LINE = 3


def _is_date_line(view: str, mention: DateMention, body_start: int) -> bool:
    """Whether ``mention`` is the page's date stamp: alone on a short line near the top but for a
    time, a weekday or a time zone, or at the head of a "|"-separated line of lower-case tags
    ("2023/05/21 | interview, politics"). A stamp is when a page was published, not when
    anything happened; a date on a line of its own lower down (a timeline) is an event's."""
    line_start = view.rfind("\n", max(0, mention.start - STAMP_MAX_CHARS), mention.start) + 1
    line_end = view.find("\n", mention.end, mention.end + STAMP_MAX_CHARS)
    if line_end < 0 or line_start == 0 and mention.start > STAMP_MAX_CHARS:
        line_end = min(len(view), mention.end + STAMP_MAX_CHARS + 1)
    if line_end - line_start > STAMP_MAX_CHARS:
        return False
    if view.count("\n", min(body_start, line_start), line_start) > STAMP_MAX_LINE:
        return False
    before = view[line_start : mention.start]
    after = view[mention.end : line_end]
    tags = ""
    if "|" in after and not before.strip():
        after, tags = after.split("|", 1)
        if any(c.isupper() for c in tags):
            return False  # "| 19 September 2023 | Offensive in Karabakh |": a table row
    return bool(_STAMP_REST.fullmatch(before)) and bool(_STAMP_REST.fullmatch(after))


def _with_capitalised_dateline(
    found: list[PlaceMention], view: str, dateline: Dateline, matcher: PlaceMatcher
) -> list[PlaceMention]:
    """Wire datelines write the place in capitals ("YEREVAN, Sept 21"): read it as a name."""
    if any(dateline.place_start <= m.start < dateline.place_end for m in found):
        return found
    place = view[dateline.place_start : dateline.place_end]
    if not place.isupper():
        return found
    # Same length, so offsets carry over.
    named = view[: dateline.place_start] + place.title() + view[dateline.place_end :]
    extra = matcher.find(named, dateline.place_start, dateline.place_end)
    return sorted([*found, *extra], key=lambda m: m.start)


def extract_article(article: Article, text: str, matcher: PlaceMatcher) -> ArticleExtraction:
    """Everything the build needs from one article; offsets index the raw file's ``text``."""
    # Relative expressions ("yesterday") resolve only against a publication day known exactly.
    anchor = article.published if (article.published_precision or "day") == "day" else None
    # A stored article's title is known (curated, or detected when it was added): no guessing.
    found = find_in_text(
        text,
        matcher,
        body=article.span,
        title=article.title,
        published=anchor,
        guess_headline=False,
    )
    view = found.layout.view
    view_sentences: list[Sentence] = []
    for start, end in found.layout.spans():
        base = view_sentences[-1].paragraph + 1 if view_sentences else 0
        part = split_sentences(view, start, end)
        view_sentences += [
            Sentence(len(view_sentences) + k, s.paragraph + base, s.start, s.end, s.text)
            for k, s in enumerate(part)
        ]
    speakers = attribute_speakers(
        view_sentences,
        article.speakers,
        interview=article.kind == "interview",
        not_people=matcher.surface_forms,
    )
    # Quotes are verbatim: where the view made a character plain, the raw sentence is kept.
    sentences = (
        view_sentences
        if view == text
        else [
            Sentence(s.index, s.paragraph, s.start, s.end, text[s.start : s.end])
            for s in view_sentences
        ]
    )
    excerpts = build_excerpts(
        article.id,
        article.published,
        sentences,
        speakers,
        found.mentions,
        found.dates,
        published_precision=article.published_precision or "day",
        view=view,
    )
    return ArticleExtraction(article.id, sentences, speakers, found.mentions, found.dates, excerpts)


def extraction_json(
    text: str,
    spans: list[tuple[tuple[int, int] | None, date | None, str | None]],
    matcher: PlaceMatcher,
) -> dict[str, Any]:
    """The ``extract --json`` contract: places and dates of every article in ``text``, each given
    as (body span or None to guess it, publication date, title), offsets into ``text``."""
    places: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for body, published, title in spans:
        found = find_in_text(
            text, matcher, body=body, title=title, published=published, guess_headline=body is None
        )
        for m in found.mentions:
            entry = {
                "place_id": m.place_id,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "role": m.role,
            }
            if m.in_headline:
                entry["in_headline"] = True
            places.append(entry)
        dates += [
            {
                "surface": d.surface,
                "start": d.start,
                "end": d.end,
                "date_start": d.date_start.isoformat(),
                "date_end": d.date_end.isoformat(),
                "precision": d.precision,
            }
            for d in found.dates
        ]
    return {"places": places, "dates": dates}
