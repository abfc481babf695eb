"""The reader: a whole article body with its place mentions and dates highlighted and the chosen
quote marked, under its metadata (outlet, date and its basis, speakers)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from caucasus_map.corpus import read_source_text
from caucasus_map.render import esc, highlighted_text
from caucasus_map.settings import corpus_dir

READER_CSS = (
    "<style>.cm-reader{font:15px/1.6 Georgia,serif;max-width:52em}"
    ".cm-reader mark.loc{background:#ffe3a3}.cm-reader mark.actor{background:#e3e8ff}"
    ".cm-reader mark.date{background:#d6f5d6}"
    ".cm-reader .cm-focus{outline:2px solid #b3261e;background:#fff2f0}"
    ".cm-meta{color:#444;font:13px system-ui,sans-serif}"
    ".cm-chosen{border-left:4px solid #b3261e;margin:12px 0 4px;padding:4px 12px}</style>"
)


def reader_marks(
    mentions: pd.DataFrame, dates: pd.DataFrame, place_names: dict[str, str]
) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) for every mention and date of one article."""
    marks = [
        (
            int(r.start),
            int(r.end),
            "actor" if r.role == "actor" else "loc",
            f"{place_names.get(r.place_id, r.place_id)} ({r.role})",
        )
        for r in mentions.itertuples(index=False)
    ]
    marks += [
        (
            int(r.start),
            int(r.end),
            "date",
            f"{r.date_start:%Y-%m-%d} – {r.date_end:%Y-%m-%d} ({r.precision})",
        )
        for r in dates.itertuples(index=False)
    ]
    # Keep the first of overlapping marks so the HTML stays well nested.
    marks.sort()
    kept: list[tuple[int, int, str, str]] = []
    for mark in marks:
        if not kept or mark[0] >= kept[-1][1]:
            kept.append(mark)
    return kept


def article_reader_html(
    article: dict[str, Any],
    text: str,
    marks: list[tuple[int, int, str, str]],
    focus: tuple[int, int] | None,
) -> str:
    """The escaped HTML of the reader for one article."""
    start, end = int(article["span_start"]), int(article["span_end"])
    headline_focus = None
    if focus and not (start <= focus[0] < focus[1] <= end):
        # A quote outside the body can only be the headline (its places count too).
        if " ".join(text[focus[0] : focus[1]].split()) == " ".join(
            str(article.get("title") or "").split()
        ):
            headline_focus = focus
        focus = None
    sections = [(start, focus[0]), focus, (focus[1], end)] if focus else [(start, end)]
    body_parts = []
    for i, (a, b) in enumerate(sections):
        inside = [m for m in marks if a <= m[0] and m[1] <= b]
        html_part = highlighted_text(text, a, b, inside)
        if focus and i == 1:
            html_part = f"<div class='cm-focus' id='cm-quote'>{html_part}</div>"
        body_parts.append(html_part)
    published = article.get("published")
    meta = [
        f"<b>{esc(article.get('outlet'))}</b>",
        f"{esc(article.get('outlet_country') or 'country unknown')}",
        f"{esc(article.get('kind'))}",
    ]
    if published is not None and not pd.isna(published):
        how = ", ".join(
            esc(article[key])
            for key in ("published_basis", "published_precision")
            if article.get(key)
        )
        meta.append(f"published {published:%-d %B %Y}" + (f" ({how})" if how else ""))
    if article.get("speakers"):
        meta.append(f"speakers: {esc(article['speakers'])}")
    evidence = esc(article.get("published_evidence") or "")
    chosen = (
        f"<blockquote class='cm-chosen'>{esc(text[focus[0] : focus[1]])}</blockquote>"
        "<small>The quote is outlined in red in the article below.</small>"
        if focus
        else ""
    )
    title = esc(article.get("title") or "(no headline in the source)")
    if headline_focus is not None:
        a, b = headline_focus
        inside = [m for m in marks if a <= m[0] and m[1] <= b]
        title = f"<div class='cm-focus' id='cm-quote'>{highlighted_text(text, a, b, inside)}</div>"
        chosen = "<small>The quote is the article's headline, outlined in red.</small>"
    return (
        f"{READER_CSS}<div class='cm-reader'><h3>{title}</h3>"
        f"<div class='cm-meta'>{' · '.join(meta)}<br><small>Date evidence: {evidence}</small>"
        f"<br><small>Source file: {esc(article.get('source_file'))} "
        f"[{start}:{end}] · <mark class='loc'>place</mark> <mark class='actor'>government"
        f"</mark> <mark class='date'>date</mark></small></div>{chosen}"
        f"{''.join(body_parts)}</div>"
    )


def reader_html(data: Any, article_id: str, focus: tuple[int, int] | None) -> str:
    """The reader for ``article_id`` in the built dataset ``data``."""
    rows = data.articles[data.articles["article_id"] == article_id]
    if rows.empty:
        return f"<p>No article {esc(article_id)} in this dataset.</p>"
    article = rows.iloc[0].to_dict()
    text = read_source_text(corpus_dir() / article["source_file"])
    place_names = dict(zip(data.places["id"], data.places["name"], strict=True))
    marks = reader_marks(
        data.mentions[data.mentions["article_id"] == article_id],
        data.dates[data.dates["article_id"] == article_id],
        place_names,
    )
    return article_reader_html(article, text, marks, focus)


def preview_html(prepared: Any, matcher: Any) -> str:
    """What an article about to be ingested yields: its body with the places and dates found,
    before anything is saved (``prepared`` is an :class:`caucasus_map.ingest.Prepared`)."""
    from caucasus_map.extract import find_in_text

    start, end = prepared.span
    found = find_in_text(
        prepared.text,
        matcher,
        body=prepared.span,
        title=prepared.metadata.title,
        published=prepared.metadata.published,
    )
    mentions, dates = found.mentions, found.dates
    marks = reader_marks(
        pd.DataFrame(
            [(m.place_id, m.start, m.end, m.role) for m in mentions],
            columns=["place_id", "start", "end", "role"],
        ),
        pd.DataFrame(
            [(d.start, d.end, d.date_start, d.date_end, d.precision) for d in dates],
            columns=["start", "end", "date_start", "date_end", "precision"],
        ),
        {pid: place.name for pid, place in matcher.places.items()},
    )
    meta = prepared.metadata
    article = {
        "span_start": start,
        "span_end": end,
        "title": meta.title,
        "outlet": meta.outlet,
        "outlet_country": meta.outlet_country,
        "kind": meta.kind,
        "published": pd.Timestamp(meta.published) if meta.published else None,
        "published_basis": "given or detected",
        "published_precision": "day",
        "published_evidence": "; ".join(prepared.notices) or "given with the article",
        "speakers": "; ".join(meta.speakers),
        "source_file": prepared.name,
    }
    places = sorted({m.place_id for m in mentions if m.role == "location"})
    summary = (
        f"<p class='cm-meta'>Found {len(mentions)} place mentions "
        f"({len(places)} places on the map: {esc(', '.join(places)) or 'none'}) "
        f"and {len(dates)} dates. Nothing is saved until you press Save.</p>"
    )
    return summary + article_reader_html(article, prepared.text, marks, None)
