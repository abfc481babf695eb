"""HTML for tooltips, pop-ups, the side panel and the reader.

Every string that comes from data — article text, titles, outlets, speakers, place names — goes
through :func:`html.escape` here before it reaches a page. folium's Popup and Tooltip insert their
content as HTML, and the map's iframe runs scripts with the app's origin, so nothing is trusted.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from caucasus_map.date_labels import format_date_range

POPUP_LIMIT = 4
#: The pop-ups' style. The map's page carries it once (see ``mapview.base_map``); a pop-up
#: rendered on its own (``inline_style=True``) carries its own copy.
POPUP_CSS = (
    ".cm-pop{font:13px/1.35 system-ui,sans-serif;max-height:320px;overflow:auto}"
    ".cm-pop blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #b33;"
    "color:#222}.cm-cite{color:#555;font-size:12px}.cm-item{margin-bottom:10px}"
    ".cm-tag{background:#eee;border-radius:3px;padding:0 4px;font-size:11px}"
    ".cm-note{color:#8a5300;font-size:11px}"
)

#: Styles of the entries in the side panel (the pop-up carries its own copy in its iframe).
PAGE_CSS = (
    "<style>.cm-tag{background:#eee;border-radius:3px;padding:0 5px;font-size:0.8em;"
    "text-transform:uppercase;letter-spacing:.03em}"
    "blockquote.cm-quote{border-left:3px solid #b3261e;margin:4px 0;padding:2px 10px}"
    ".cm-cite{color:#555;font-size:0.85em;margin-bottom:2px}"
    ".cm-note{color:#8a5300;font-size:0.8em}</style>"
)


# Characters Markdown (and Streamlit's LaTeX) would act on inside st.markdown, written as
# entities so a quote reads exactly as in its source ("$3 billion", "*", "_").
_MARKDOWN_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "$*_`[]~\\"})


def esc(value: Any) -> str:
    """Text made inert for HTML and Markdown; missing values become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_MARKDOWN_ENTITIES)


def _day(value: Any) -> date | None:
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def event_date_label(item: dict[str, Any]) -> str:
    """ "Aug 2023, month" — the event date and how precise it is."""
    start, end = _day(item["date_start"]), _day(item["date_end"])
    if start is None or end is None:
        return "date unknown"
    return f"{format_date_range(start, end, item['precision'])}, {item['precision']}"


def cite_line(item: dict[str, Any]) -> str:
    """Speaker when known · outlet · published … · event … (escaped HTML)."""
    parts = []
    if item.get("speaker") and not pd.isna(item["speaker"]):
        parts.append(f"<b>{esc(item['speaker'])}</b>")
    parts.append(f"<i>{esc(item.get('outlet') or 'Unidentified outlet')}</i>")
    published = _day(item.get("published"))
    if published is not None:
        parts.append(f"published {published:%-d %b %Y}")
    basis = item.get("date_basis")
    label = event_date_label(item)
    parts.append(f"event {esc(label)}" + (f" ({esc(basis)})" if basis else ""))
    return " · ".join(parts)


def reader_link(
    item: dict[str, Any], *, date_from: date | None = None, date_to: date | None = None
) -> str:
    """A URL (relative to the app) that opens the reader at this quote, keeping the window."""
    params: dict[str, str] = {
        "place": str(item["place_id"]),
        "article": str(item["article_id"]),
        "quote": f"{int(item['quote_start'])}-{int(item['quote_end'])}",
    }
    if date_from:
        params["from"] = date_from.isoformat()
    if date_to:
        params["to"] = date_to.isoformat()
    return "/?" + urlencode(params)


def tooltip_html(name: str, other_names: Sequence[str], count: int | None) -> str:
    others = ", ".join(other_names[:6])
    parts = [f"<b>{esc(name)}</b>"]
    if others:
        parts.append(f"<br><span style='color:#555'>{esc(others)}</span>")
    if count == 0:
        parts.append("<br><i>nothing in this window</i>")
    elif count is not None:
        noun = "item" if count == 1 else "items"
        parts.append(f"<br>{count} {noun} in this window")
    return "".join(parts)


def item_html(item: dict[str, Any], *, link: str | None = None) -> str:
    """One entry: the summary (events), the quote as a blockquote, the cite line, a link."""
    out = []
    if item.get("kind") == "event" and item.get("summary"):
        kind = esc(item.get("event_type") or "event")
        out.append(f"<div class='cm-summary'><span class='cm-tag'>{kind}</span> ")
        out.append(f"{esc(item['summary'])}</div>")
    out.append(f"<blockquote class='cm-quote'>{esc(item['quote'])}</blockquote>")
    out.append(f"<div class='cm-cite'>{cite_line(item)}")
    if link:
        out.append(f" · <a href='{esc(link)}' target='_blank' rel='noopener'>read in context</a>")
    out.append("</div>")
    if item.get("date_note") and not pd.isna(item["date_note"]):
        out.append(f"<div class='cm-note'>Note: {esc(item['date_note'])}</div>")
    return "".join(out)


def popup_html(
    place_name: str,
    items: Iterable[dict[str, Any]],
    *,
    total: int,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = POPUP_LIMIT,
    inline_style: bool = False,
) -> str:
    """The pop-up of a place: a handful of its items in the window, events first, then
    "N more in the side panel". Its style comes with the map unless ``inline_style``."""
    entries = list(items)[:limit]
    body = "".join(
        "<div class='cm-item'>"
        + item_html(it, link=reader_link(it, date_from=date_from, date_to=date_to))
        + "</div>"
        for it in entries
    )
    more = total - len(entries)
    footer = f"<div class='cm-more'>{more} more in the side panel</div>" if more > 0 else ""
    style = f"<style>{POPUP_CSS}</style>" if inline_style else ""
    return f"{style}<div class='cm-pop'><h4>{esc(place_name)}</h4>{body}{footer}</div>"


def highlighted_text(
    text: str,
    start: int,
    end: int,
    marks: Iterable[tuple[int, int, str, str]],
) -> str:
    """``text[start:end]`` as escaped HTML with non-overlapping ``marks`` (start, end, css class,
    title) wrapped in ``<mark>``; paragraphs become ``<p>``."""
    pieces: list[str] = []
    cursor = start
    for m_start, m_end, css, title in sorted(marks):
        if m_start < cursor or m_end > end or m_start < start:
            continue  # overlapping or outside the body: skip rather than break the HTML
        pieces.append(esc(text[cursor:m_start]))
        pieces.append(
            f"<mark class='{esc(css)}' title='{esc(title)}'>{esc(text[m_start:m_end])}</mark>"
        )
        cursor = m_end
    pieces.append(esc(text[cursor:end]))
    joined = "".join(pieces)
    paragraphs = [p for p in joined.split("\n") if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def popups_by_place(
    items: pd.DataFrame,
    place_names: dict[str, str],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = POPUP_LIMIT,
) -> dict[str, str]:
    """The pop-up HTML of every place with items (``items`` already filtered and sorted, events
    first); one entry per event or excerpt, however many places or quotes it has."""
    popups: dict[str, str] = {}
    for place_id, group in items.groupby("place_id", sort=False, observed=True):
        entries = group.drop_duplicates("group_id")
        popups[str(place_id)] = popup_html(
            place_names.get(str(place_id), str(place_id)),
            entries.head(limit).to_dict("records"),
            total=len(entries),
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
    return popups


def popups_from_index(
    index: Any,
    mask: Any,
    counts: dict[str, int],
    place_names: dict[str, str],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = POPUP_LIMIT,
) -> dict[str, str]:
    """:func:`popups_by_place` over a :class:`~caucasus_map.query.ItemIndex`: the same HTML,
    reading only the few rows each pop-up shows."""
    popups: dict[str, str] = {}
    shown = index.first_entries(mask, counts, limit)
    for place_id, total in counts.items():
        popups[place_id] = popup_html(
            place_names.get(place_id, place_id),
            shown.get(place_id, []),
            total=total,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
    return popups
