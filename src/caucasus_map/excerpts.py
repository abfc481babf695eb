"""Excerpts: one row per sentence × place the sentence puts on the map.

An excerpt's event date comes from a date expression inside the sentence when one resolves
(``date_basis`` "stated" when it carries its own year, "resolved" when it leans on the publication
date or an earlier date, as "yesterday", "March 14" or "the next day" do); otherwise it is the
publication date, with ``date_basis`` "reported" — the day the outlet reported it, not the day it
happened.

In a sentence with several dates each place takes the date of its own clause: in "lorries were
turned back at the border on Friday, days after the road to Stepanakert had been shut on 12 June"
Stepanakert's excerpt is dated 12 June. The excerpt still lists every date its sentence carries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from caucasus_map.dates import DateMention
from caucasus_map.mentions import PlaceMention
from caucasus_map.sentences import Sentence

# Where one clause of a sentence ends and another begins: a semicolon, a colon, a dash between
# spaces, a comma, or a conjunction or subordinator that opens a clause.
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[—–-]\s|,|\b(?:after|before|while|when|whereas|although|though|but|because|"
    r"until|as|and|where|which|who)\b"
)


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
    sentence_dates: tuple[str, ...] = ()  # every date expression in the sentence, in order

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


def clause_date(
    view: str, mention: PlaceMention, dates: Sequence[DateMention]
) -> DateMention | None:
    """The date of the clause ``mention`` stands in, among the ``dates`` of its sentence: the
    nearest date with no clause break between it and the name; else the nearest date before the
    name (a fronted "On Friday, …" covers the sentence); else the first date after it."""
    if not dates:
        return None
    same_clause: list[tuple[int, DateMention]] = []
    for d in dates:
        if d.end <= mention.start:
            gap_start, gap_end = d.end, mention.start
        else:
            gap_start, gap_end = mention.end, d.start
        if gap_end < gap_start or not _CLAUSE_BREAK.search(view, gap_start, gap_end):
            same_clause.append((gap_end - gap_start, d))
    if same_clause:
        return min(same_clause, key=lambda pair: pair[0])[1]
    before = [d for d in dates if d.end <= mention.start]
    return before[-1] if before else dates[0]


def build_excerpts(
    article_id: str,
    published: date | None,
    sentences: Sequence[Sentence],
    speakers: Sequence[str | None],
    mentions: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    *,
    published_precision: str = "day",
    view: str,
) -> list[Excerpt]:
    """Excerpts of one article, in reading order; actor mentions ("Baku denied") make none — a
    government acting is not an event at its capital. An undated sentence is placed on the
    publication date with that date's own precision (a month-precise date spans its month).
    ``view`` is the text the offsets index (the text layer's view), for finding clauses."""
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
            when = clause_date(view, mention, sentence_dates)
            if when is not None:
                span = (when.date_start, when.date_end, when.precision)
                basis, surface = when.basis, when.surface
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
                    sentence_dates=tuple(d.surface for d in sentence_dates),
                )
            )
    return excerpts
