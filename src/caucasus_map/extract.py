"""Extraction of one article: sentences, speakers, place mentions, dates and excerpts.

A pure function of the article's text and metadata and the gazetteer, so the build can run it on
a process pool (or a cluster) one article at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from caucasus_map.corpus import Article
from caucasus_map.dates import DateMention, find_dates
from caucasus_map.excerpts import Excerpt, build_excerpts
from caucasus_map.mentions import PlaceMatcher, PlaceMention
from caucasus_map.sentences import Sentence, split_sentences
from caucasus_map.speakers import attribute_speakers


@dataclass(frozen=True)
class ArticleExtraction:
    article_id: str
    sentences: list[Sentence]
    speakers: list[str | None]
    mentions: list[PlaceMention]
    dates: list[DateMention]
    excerpts: list[Excerpt]


def extract_article(article: Article, text: str, matcher: PlaceMatcher) -> ArticleExtraction:
    """Everything the build needs from one article; offsets index the raw file's ``text``."""
    start, end = article.span
    sentences = split_sentences(text, start, end)
    speakers = attribute_speakers(
        sentences,
        article.speakers,
        interview=article.kind == "interview",
        not_people=matcher.surface_forms,
    )
    mentions = matcher.find(text, start, end)
    # Relative expressions ("yesterday") resolve only against a publication day known exactly.
    anchor = article.published if (article.published_precision or "day") == "day" else None
    dates = find_dates(text, anchor, start=start, end=end)
    excerpts = build_excerpts(
        article.id,
        article.published,
        sentences,
        speakers,
        mentions,
        dates,
        published_precision=article.published_precision or "day",
    )
    return ArticleExtraction(article.id, sentences, speakers, mentions, dates, excerpts)


def extraction_json(
    text: str, spans: list[tuple[tuple[int, int], date | None]], matcher: PlaceMatcher
) -> dict[str, Any]:
    """The ``extract --json`` contract: places and dates of every span, offsets into ``text``."""
    places: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    for (start, end), published in spans:
        places += [
            {
                "place_id": m.place_id,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "role": m.role,
            }
            for m in matcher.find(text, start, end)
        ]
        dates += [
            {
                "surface": d.surface,
                "start": d.start,
                "end": d.end,
                "date_start": d.date_start.isoformat(),
                "date_end": d.date_end.isoformat(),
                "precision": d.precision,
            }
            for d in find_dates(text, published, start=start, end=end)
        ]
    return {"places": places, "dates": dates}
