"""Small pure helpers of the page that are not about the map: the corpus line, name search,
the default window. Kept here so ``app.py`` holds layout and widgets only."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from caucasus_map.places import Place


def corpus_line(articles: pd.DataFrame, items: pd.DataFrame) -> str:
    """ "6 articles from 4 outlets, published 13 Jan 2021 – 28 Jan 2024 · 57 curated events · …"."""
    if articles.empty:
        return "No articles yet: add some with `caucasus-map ingest`."
    outlets = articles["outlet"].dropna().nunique()
    first, last = articles["published"].min(), articles["published"].max()
    events = items.loc[items["kind"] == "event", "group_id"].nunique()
    excerpts = items.loc[items["kind"] == "excerpt", "group_id"].nunique()
    span = f"published {first:%-d %b %Y} – {last:%-d %b %Y}" if pd.notna(first) else "undated"
    return (
        f"{len(articles)} articles from {outlets} outlets, {span} · "
        f"{events} curated events · {excerpts} excerpts"
    )


def places_matching(places: Iterable[Place], query: str) -> list[str]:
    """Ids of places any of whose names contains ``query`` (so "Stepanakert" finds Khankendi)."""
    needle = query.strip().casefold()
    if not needle:
        return []
    return [
        p.id for p in places if any(needle in name.casefold() for name in (p.name, *p.other_names))
    ]


def clamp_month(value: date | None, months: list[date], default: date) -> date:
    """The first day of ``value``'s month, kept within ``months``; ``default`` when unset."""
    if value is None:
        return default
    month = value.replace(day=1)
    return min(max(month, months[0]), months[-1])
