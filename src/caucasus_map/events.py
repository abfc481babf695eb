"""Curated events, ``data/events.yaml``: reviewed, dated, placed, each backed by verbatim quotes.

Every quote is looked up in its article's body; the build refuses a quote that is not there word
for word, and stores the offsets of the ones that are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from caucasus_map import settings
from caucasus_map.corpus import Article, article_text, load_yaml_records
from caucasus_map.errors import DataValidationError, Problem

EVENT_TYPES: tuple[str, ...] = (
    "military",
    "blockade",
    "humanitarian",
    "diplomacy",
    "political",
    "statement",
)
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "interval", "approximate")
BASES: tuple[str, ...] = ("stated", "resolved", "public_record")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Quote:
    article_id: str
    text: str
    start: int  # offsets in the article's raw file text
    end: int


@dataclass(frozen=True)
class Event:
    id: str
    date_start: date
    date_end: date
    precision: str
    basis: str
    places: tuple[str, ...]
    type: str
    summary: str
    quotes: tuple[Quote, ...]
    basis_note: str = ""
    date_note: str = ""


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def locate_quote(body: str, quote: str) -> int | None:
    """Index of ``quote`` in ``body``, or None when it is not there verbatim."""
    index = body.find(quote)
    return None if index < 0 else index


def parse_events(
    records: list[dict[str, Any]],
    *,
    articles: dict[str, Article],
    place_ids: set[str],
    path: Path,
    root: Path | None = None,
) -> tuple[list[Event], list[Problem]]:
    """Events from ``events.yaml`` records, and every problem found on the way."""
    events: list[Event] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, rec in enumerate(records):
        where = f"[{i}] ({rec.get('id', '?')})"
        local: list[str] = []
        for key in ("id", "date_start", "date_end", "precision", "basis", "places", "type"):
            if rec.get(key) in (None, "", []):
                local.append(f"missing field {key}")
        if not str(rec.get("summary") or "").strip():
            local.append("missing field summary (one line in our own words)")
        if not rec.get("quotes"):
            local.append("no quotes: every event needs at least one verbatim quote")
        if local:
            problems += [Problem(str(path), where, msg) for msg in local]
            continue
        if not isinstance(rec["places"], list) or not all(
            isinstance(p, str) for p in rec["places"]
        ):
            local.append("places must be a list of place ids, e.g. [shusha, karabakh]")
        if not isinstance(rec["quotes"], list) or not all(
            isinstance(q, dict) for q in rec["quotes"]
        ):
            local.append('quotes must be a list of {article: ID, text: "…"} mappings')
        if local:
            problems += [Problem(str(path), where, msg) for msg in local]
            continue
        if not isinstance(rec["id"], str) or not _ID.match(rec["id"]):
            local.append(f"id {rec['id']!r} must be snake_case")
        if str(rec["id"]) in seen:
            local.append(f"duplicate event id {rec['id']!r}")
        seen.add(str(rec["id"]))
        try:
            start, end = _date(rec["date_start"]), _date(rec["date_end"])
            if start > end:
                local.append(f"date_start {start} is after date_end {end}")
        except ValueError as exc:
            local.append(f"dates must be YYYY-MM-DD ({exc})")
            start = end = date.min
        if rec["precision"] not in PRECISIONS:
            local.append(f"precision {rec['precision']!r} is not one of {', '.join(PRECISIONS)}")
        if rec["basis"] not in BASES:
            local.append(f"basis {rec['basis']!r} is not one of {', '.join(BASES)}")
        if rec["type"] not in EVENT_TYPES:
            local.append(f"type {rec['type']!r} is not one of {', '.join(EVENT_TYPES)}")
        unknown = [p for p in rec["places"] if p not in place_ids]
        if unknown:
            local.append(
                f"unknown place id(s) {', '.join(map(str, unknown))}; see geo/places.geojson"
            )
        quotes: list[Quote] = []
        for j, q in enumerate(rec["quotes"]):
            qwhere = f"quotes[{j}]"
            article = articles.get(str(q.get("article")))
            text_ = str(q.get("text") or "")
            if article is None:
                local.append(f"{qwhere}: unknown article id {q.get('article')!r}")
                continue
            body_start, body_end = article.span
            body = article_text(article, root)[body_start:body_end]
            index = locate_quote(body, text_) if text_ else None
            if index is None:
                local.append(
                    f"{qwhere}: quote is not verbatim in article {article.id} — copy it exactly "
                    f"from data/corpus/{article.source_file} ({text_[:60]!r}…)"
                )
                continue
            quotes.append(
                Quote(article.id, text_, body_start + index, body_start + index + len(text_))
            )
        if local:
            problems += [Problem(str(path), where, msg) for msg in local]
            continue
        events.append(
            Event(
                id=str(rec["id"]),
                date_start=start,
                date_end=end,
                precision=str(rec["precision"]),
                basis=str(rec["basis"]),
                places=tuple(rec["places"]),
                type=str(rec["type"]),
                summary=str(rec["summary"]).strip(),
                quotes=tuple(quotes),
                basis_note=str(rec.get("basis_note") or ""),
                date_note=str(rec.get("date_note") or ""),
            )
        )
    return events, problems


def load_events(
    articles: Iterable[Article], place_ids: set[str], root: Path | None = None
) -> list[Event]:
    """Every curated event; raises :class:`DataValidationError` listing every problem."""
    path = settings.events_path(root)
    records = load_yaml_records(path)
    events, problems = parse_events(
        records, articles={a.id: a for a in articles}, place_ids=place_ids, path=path, root=root
    )
    if problems:
        raise DataValidationError(problems)
    return events
