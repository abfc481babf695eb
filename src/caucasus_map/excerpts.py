"""Excerpts: one row per sentence × place the sentence puts on the map.

An excerpt's event date comes from a date expression inside the sentence when one resolves
(``date_basis`` "stated" when it carries its own year, "resolved" when it leans on the publication
date, as "yesterday" or "August 31" do); otherwise it is the publication date, with ``date_basis``
"reported" — the day the outlet reported it, not the day it happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from caucasus_map.dates import DateMention
from caucasus_map.mentions import PlaceMention
from caucasus_map.sentences import Sentence

_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class Excerpt:
    article_id: str
    sentence_index: int
    place_id: str
    surface: str  # how the sentence names the place
    quote: str  # the sentence, verbatim
    quote_start: int  # offsets of the quote in the raw file's text
    quote_end: int
    speaker: str | None
    date_start: date
    date_end: date
    precision: str
    date_basis: str  # stated | resolved | reported
    date_surface: str | None

    @property
    def item_id(self) -> str:
        return f"{self.article_id}:{self.sentence_index}:{self.place_id}"


def _precision_range(day: date, precision: str) -> tuple[date, date]:
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision == "month":
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day.replace(day=1), following - timedelta(days=1)
    return day, day


def date_basis_of(mention: DateMention) -> str:
    """ "stated" when the expression carries its own year, else "resolved" (it needed the
    publication date: "yesterday", "last month", "August 31")."""
    return "stated" if _HAS_YEAR.search(mention.surface) else "resolved"


def build_excerpts(
    article_id: str,
    published: date | None,
    sentences: Sequence[Sentence],
    speakers: Sequence[str | None],
    mentions: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    *,
    published_precision: str = "day",
) -> list[Excerpt]:
    """Excerpts of one article, in reading order; actor mentions ("Baku denied") make none — a
    government acting is not an event at its capital. An undated sentence is placed on the
    publication date with that date's own precision (a month-precise date spans its month)."""
    excerpts: list[Excerpt] = []
    published_range = _precision_range(published, published_precision) if published else None
    m = d = 0
    for sentence, speaker in zip(sentences, speakers, strict=True):
        in_sentence: list[PlaceMention] = []
        while m < len(mentions) and mentions[m].start < sentence.end:
            if mentions[m].start >= sentence.start:
                in_sentence.append(mentions[m])
            m += 1
        sentence_dates: list[DateMention] = []
        while d < len(dates) and dates[d].start < sentence.end:
            if dates[d].start >= sentence.start:
                sentence_dates.append(dates[d])
            d += 1
        places_seen: set[str] = set()
        for mention in in_sentence:
            if mention.role != "location" or mention.place_id in places_seen:
                continue
            places_seen.add(mention.place_id)
            if sentence_dates:
                when = sentence_dates[0]
                span = (when.date_start, when.date_end, when.precision)
                basis, surface = date_basis_of(when), when.surface
            elif published is not None:
                span, basis, surface = (*published_range, published_precision), "reported", None
            else:
                continue  # no date at all: nothing to place on a timeline
            excerpts.append(
                Excerpt(
                    article_id=article_id,
                    sentence_index=sentence.index,
                    place_id=mention.place_id,
                    surface=mention.surface,
                    quote=sentence.text,
                    quote_start=sentence.start,
                    quote_end=sentence.end,
                    speaker=speaker,
                    date_start=span[0],
                    date_end=span[1],
                    precision=span[2],
                    date_basis=basis,
                    date_surface=surface,
                )
            )
    return excerpts
