"""What the page shows, as query parameters: the permalink.

``from`` and ``to`` (YYYY-MM-DD), ``place`` (a place id), ``outlet`` and ``type`` (repeatable),
``q`` (text search), ``article`` and ``quote`` (``start-end`` offsets) for the reader. Parsing
never fails: a bad value is dropped (and reported), so a mangled link still opens the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date


@dataclass(frozen=True)
class ViewState:
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    outlets: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    text: str = ""
    article: str | None = None
    quote: tuple[int, int] | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def with_(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]


def _values(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _first(params: Mapping[str, str | Sequence[str]], key: str) -> str | None:
    values = _values(params, key)
    return values[0] if values else None


def parse_query_params(
    params: Mapping[str, str | Sequence[str]],
    *,
    place_ids: set[str] | None = None,
    article_ids: set[str] | None = None,
) -> ViewState:
    """A :class:`ViewState` from the URL; unknown ids and malformed values become warnings."""
    warnings: list[str] = []

    def day(key: str) -> date | None:
        raw = _first(params, key)
        if raw is None or raw == "":
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            warnings.append(f"Ignored `{key}={raw}`: dates are written YYYY-MM-DD.")
            return None

    date_from, date_to = day("from"), day("to")
    if date_from and date_to and date_from > date_to:
        warnings.append("`from` was after `to`; the two were swapped.")
        date_from, date_to = date_to, date_from
    place = _first(params, "place") or None
    if place and place_ids is not None and place not in place_ids:
        warnings.append(f"Ignored `place={place}`: no such place in the gazetteer.")
        place = None
    article = _first(params, "article") or None
    if article and article_ids is not None and article not in article_ids:
        warnings.append(f"Ignored `article={article}`: no such article.")
        article = None
    quote = None
    raw_quote = _first(params, "quote")
    if raw_quote:
        try:
            a, b = (int(x) for x in raw_quote.split("-", 1))
            if 0 <= a < b:
                quote = (a, b)
            else:
                raise ValueError
        except ValueError:
            warnings.append(f"Ignored `quote={raw_quote}`: expected start-end offsets.")
    return ViewState(
        date_from=date_from,
        date_to=date_to,
        place=place,
        outlets=tuple(_values(params, "outlet")),
        event_types=tuple(_values(params, "type")),
        text=(_first(params, "q") or "").strip(),
        article=article,
        quote=quote,
        warnings=tuple(warnings),
    )


def to_query_params(state: ViewState) -> dict[str, str | list[str]]:
    """The URL's query parameters for ``state`` (only what is set)."""
    params: dict[str, str | list[str]] = {}
    if state.date_from:
        params["from"] = state.date_from.isoformat()
    if state.date_to:
        params["to"] = state.date_to.isoformat()
    if state.place:
        params["place"] = state.place
    if state.outlets:
        params["outlet"] = list(state.outlets)
    if state.event_types:
        params["type"] = list(state.event_types)
    if state.text:
        params["q"] = state.text
    if state.article:
        params["article"] = state.article
        if state.quote:
            params["quote"] = f"{state.quote[0]}-{state.quote[1]}"
    return params
