"""The built dataset's tables, defined once: the builder writes them, ``check`` and the tests
validate them, the exporter and the page read them.
"""

from __future__ import annotations

from typing import Final

#: One row per (curated event × quote × place) or per (excerpt sentence × place).
ITEM_COLUMNS: Final[dict[str, str]] = {
    "kind": "string",  # "event" | "excerpt"
    "item_id": "string",  # "<event>#<quote index>" or "<article>:<sentence>:<place>"
    "group_id": "string",  # event id, or the excerpt's item_id: what one pop-up entry stands for
    "place_id": "string",
    "place_name": "string",
    "date_start": "datetime64[ms]",
    "date_end": "datetime64[ms]",
    "precision": "string",  # day | month | year | interval | approximate
    "date_basis": "string",  # stated | resolved | reported | public_record
    "quote": "string",  # verbatim from the article
    "quote_start": "int64",  # offsets into source_file's text
    "quote_end": "int64",
    "source_file": "string",
    "article_id": "string",
    "title": "string",
    "outlet": "string",
    "outlet_country": "string",
    "published": "datetime64[ms]",
    "speaker": "string",
    "summary": "string",  # events only: one line in our own words
    "event_type": "string",  # events only
    "surface": "string",  # how the sentence names the place (excerpts)
    "date_note": "string",  # where a source's date differs from the public record
    "sentence_dates": "string",  # excerpts: every date its sentence carries, "; "-joined
}

#: The columns ``caucasus-map export`` prints, in this order (the contract in the README).
EXPORT_COLUMNS: Final[tuple[str, ...]] = (
    "kind",
    "place_id",
    "place_name",
    "date_start",
    "date_end",
    "precision",
    "date_basis",
    "quote",
    "quote_start",
    "quote_end",
    "source_file",
    "article_id",
    "outlet",
    "published",
    "speaker",
    "summary",
    "event_type",
)

MENTION_COLUMNS: Final[dict[str, str]] = {
    "article_id": "string",
    "place_id": "string",
    "surface": "string",
    "start": "int64",
    "end": "int64",
    "role": "string",  # location | actor | dateline
    "in_headline": "bool",  # the mention stands in the article's headline
}

DATE_COLUMNS: Final[dict[str, str]] = {
    "article_id": "string",
    "surface": "string",
    "start": "int64",
    "end": "int64",
    "date_start": "datetime64[ms]",
    "date_end": "datetime64[ms]",
    "precision": "string",
}

ARTICLE_COLUMNS: Final[dict[str, str]] = {
    "article_id": "string",
    "source_file": "string",
    "span_start": "int64",
    "span_end": "int64",
    "title": "string",
    "outlet": "string",
    "outlet_country": "string",
    "kind": "string",
    "published": "datetime64[ms]",
    "published_precision": "string",
    "published_basis": "string",
    "published_evidence": "string",
    "speakers": "string",  # "; "-joined display names
    "url": "string",
}
