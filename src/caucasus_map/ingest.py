"""Bringing new articles in: from a file, a folder or pasted text, through one code path.

Every input is checked before anything is written (size, emptiness, binary content, encoding,
metadata); a refused input raises :class:`IngestError` with one line that names it and says what
to do, and leaves the store as it was. An accepted one is written in two atomic steps under a
lock — first the raw file (``data/corpus/NNN_<sha16>.txt``, named by us, never by the user),
then the new ``articles.yaml`` — so a crash at any point leaves a store that ``check`` accepts.

HTML is reduced to its article text by trafilatura; the page as received is kept beside the text
in ``data/raw/`` for provenance, and the text is what offsets point into.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from caucasus_map import settings
from caucasus_map.corpus import load_yaml_records, sha256_of
from caucasus_map.errors import InputError
from caucasus_map.storage import atomic_write_bytes, atomic_write_text
from caucasus_map.textlayer import dateline_day, read_layout

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MAX_BYTES_ENV = "CAUCASUS_MAP_MAX_BYTES"
LOCK_NAME = ".ingest.lock"
KINDS = ("news", "analysis", "interview")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Anything that breaks a line or is invisible control: refused in one-line metadata fields.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_URL = re.compile(r"^https?://[^\s<>\"']+$")


class IngestError(InputError):
    """An input that cannot be stored as it is; the message says what to do."""


@dataclass(frozen=True)
class Metadata:
    """What the user says about an article (any field may be None: then it is detected)."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    speakers: tuple[str, ...] = ()
    kind: str = "news"
    outlet_country: str | None = None


@dataclass(frozen=True)
class Prepared:
    """An input checked and understood, not yet stored: what the page previews."""

    name: str  # how the user named it (file name or "pasted text"), for messages only
    text: str  # the text offsets point into
    raw: bytes  # the bytes as received
    raw_suffix: str  # ".txt", ".md" or ".html"
    sha256: str  # of the file as stored in data/corpus (the raw bytes, or the HTML's text)
    span: tuple[int, int]
    metadata: Metadata
    published_evidence: str = ""  # where the publication date comes from, kept with the article
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stored:
    article_id: str
    source_file: str
    already_there: bool = False
    notices: tuple[str, ...] = field(default=())


def max_bytes() -> int:
    """The size limit: ``$CAUCASUS_MAP_MAX_BYTES`` when set, else 5 MB."""
    raw = os.environ.get(MAX_BYTES_ENV)
    if raw:
        try:
            return int(raw)
        except ValueError:
            raise IngestError(f"{MAX_BYTES_ENV}={raw!r} is not a number of bytes") from None
    return settings.MAX_ARTICLE_BYTES


# --- reading and checking -----------------------------------------------------------------------


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 text of ``raw``, or an error that says what the bytes look like and how to convert."""
    if not raw.strip():
        raise IngestError(f"{name}: the file is empty; nothing to ingest")
    if b"\x00" in raw[:8192]:
        raise IngestError(
            f"{name}: binary content (NUL bytes), not text; give a .txt, .md or .html"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        guess = from_bytes(raw).best()
        encoding = guess.encoding if guess else "an unknown encoding"
        raise IngestError(
            f"{name}: not UTF-8 (it looks like {encoding}); convert it first, e.g. "
            f"`iconv -f {encoding} -t UTF-8 {name} > converted.txt`"
        ) from None
    controls = len(_CONTROL.findall(text))
    if controls > max(5, len(text) // 1000):
        raise IngestError(f"{name}: {controls} control characters; this looks binary, not text")
    return text


def html_to_text(html: str, name: str) -> tuple[str, dict[str, Any], list[str]]:
    """The article text of an HTML page (trafilatura), its metadata, and notices."""
    import trafilatura

    notices = []
    scripts = len(re.findall(r"<script\b", html, flags=re.IGNORECASE))
    if scripts:
        notices.append(f"{name}: {scripts} <script> element(s) dropped; only the text is kept")
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or len(text.split()) < 20:
        raise IngestError(
            f"{name}: no article text found in the HTML; save the article as text and ingest that"
        )
    meta = trafilatura.extract_metadata(html)
    found = {
        "title": getattr(meta, "title", None),
        "outlet": getattr(meta, "sitename", None),
        "published": getattr(meta, "date", None),
        "url": getattr(meta, "url", None),
    }
    return text, {k: v for k, v in found.items() if v}, notices


def _clean_field(value: str | None, label: str, name: str, limit: int) -> str | None:
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        return None
    if _NOT_ONE_LINE.search(value):
        raise IngestError(f"{name}: {label} has line breaks or control characters; give one line")
    if len(value) > limit:
        raise IngestError(f"{name}: {label} is longer than {limit} characters; shorten it")
    return value


def validate_metadata(meta: Metadata, name: str, *, today: date | None = None) -> Metadata:
    """The metadata cleaned, or an error naming the field that fails."""
    today = today or date.today()
    outlet = _clean_field(meta.outlet, "--outlet", name, 200)
    if outlet is None:
        raise IngestError(f"{name}: no outlet given or found; pass --outlet NAME")
    if meta.published is None:
        raise IngestError(
            f"{name}: no publication date given or found in the text; pass --published YYYY-MM-DD"
        )
    if not date(1900, 1, 1) <= meta.published <= today:
        raise IngestError(f"{name}: --published {meta.published} is not between 1900 and today")
    url = _clean_field(meta.url, "--url", name, 2000)
    if url is not None and not _URL.match(url):
        raise IngestError(f"{name}: --url {url!r} is not an http(s) address")
    if meta.kind not in KINDS:
        raise IngestError(f"{name}: kind {meta.kind!r} is not one of {', '.join(KINDS)}")
    speakers = tuple(
        s for s in (_clean_field(x, "--speaker", name, 200) for x in meta.speakers) if s
    )
    return Metadata(
        outlet=outlet,
        published=meta.published,
        title=_clean_field(meta.title, "--title", name, 500),
        url=url,
        speakers=speakers,
        kind=meta.kind,
        outlet_country=_clean_field(meta.outlet_country, "--country", name, 100),
    )


def detect_published(text: str, span: tuple[int, int]) -> tuple[date, str] | None:
    """A date line: a line near the top that is nothing but a full date (and maybe a time or a
    weekday) — "09 March 2017 10:12", "2023/05/21", "Thursday 9 March 2017". A date
    inside a sentence is an event's, not the publication's. Returns the date and the line."""
    from caucasus_map.dates import find_dates

    head_end = min(len(text), max(span[0] + 400, 800))
    for line in text[:head_end].split("\n")[:30]:
        # "2023/05/21 | interview, political": the date may share its line with tags
        for segment in line.split("|"):
            stripped = segment.strip()
            found = [d for d in find_dates(segment, None) if d.precision == "day"]
            if not found or len(stripped) > 60:
                continue
            rest = segment[: found[0].start] + segment[found[0].end :]
            rest = re.sub(r"(?i)\b[a-z]+day\b|\b(am|pm|gmt|utc)\b", "", rest)
            if not re.search(r"[A-Za-z]{4,}", rest):  # a weekday, a time — no prose
                return found[0].date_start, stripped
    return None


def _detect_title(text: str, span: tuple[int, int]) -> str | None:
    """The headline the text layer finds above the body (one line: a wrapped headline's line
    breaks become spaces), so the title stored is the one extraction reads as the headline."""
    layout = read_layout(text, body=span)
    if layout.headline is None:
        return None
    return " ".join(text[layout.headline[0] : layout.headline[1]].split()) or None


def prepare(
    raw: bytes, name: str, suffix: str, metadata: Metadata, *, limit: int | None = None
) -> Prepared:
    """Check and understand one input; nothing is written. Raises :class:`IngestError`."""
    limit = max_bytes() if limit is None else limit
    if len(raw) > limit:
        raise IngestError(
            f"{name}: {len(raw):,} bytes is over the {limit:,}-byte limit; split the file or "
            f"raise the limit with {MAX_BYTES_ENV}"
        )
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(f"{name}: {suffix or 'no suffix'} is not one of {', '.join(SUFFIXES)}")
    decoded = decode_text(raw, name)
    notices: list[str] = []
    found: dict[str, Any] = {}
    if suffix in HTML_SUFFIXES:
        text, found, notices = html_to_text(decoded, name)
        text = text.strip() + "\n"
        span = (0, len(text.rstrip("\n")))
    else:
        text = decoded  # stored byte for byte: offsets index exactly this text
        span = read_layout(text).body
    published, evidence = metadata.published, "Given when the article was added."
    if published is None and found.get("published"):
        try:
            published = date.fromisoformat(str(found["published"])[:10])
            evidence = f"The page's metadata gives {found['published']}."
            notices.append(f"{name}: publication date {published} taken from the page")
        except ValueError:
            published = None
    if published is None:
        dateline = detect_published(text, span)
        if dateline is not None:
            published, line = dateline
            evidence = f"The date line reads {line!r}."
            notices.append(f"{name}: publication date {published} taken from its date line")
    if published is None:
        layout = read_layout(text, body=span)
        wire = layout.dateline
        if wire is not None and wire.date_start is not None and wire.date_end is not None:
            day = dateline_day(layout.view[wire.date_start : wire.date_end], None)
            if day is not None and day[1]:
                published = day[0]
                evidence = f"The dateline reads {text[wire.start : wire.end].strip()!r}."
                notices.append(f"{name}: publication date {published} taken from its dateline")
    merged = Metadata(
        outlet=metadata.outlet or found.get("outlet"),
        published=published,
        title=metadata.title or found.get("title") or _detect_title(text, span),
        url=metadata.url or found.get("url"),
        speakers=metadata.speakers,
        kind=metadata.kind,
        outlet_country=metadata.outlet_country,
    )
    clean = validate_metadata(merged, name)
    data = raw if suffix in TEXT_SUFFIXES else text.encode("utf-8")
    return Prepared(
        name=name,
        text=text,
        raw=raw,
        raw_suffix=".html" if suffix in HTML_SUFFIXES else suffix,
        sha256=hashlib.sha256(data).hexdigest(),
        span=span,
        metadata=clean,
        published_evidence=evidence,
        notices=tuple(notices),
    )


# --- storing ------------------------------------------------------------------------------------


def _slug(value: str, words: int = 3) -> str:
    ascii_only = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_only.lower())
    return "_".join(parts[:words]) or "article"


def article_id_for(meta: Metadata, taken: set[str]) -> str:
    base = f"{_slug(meta.outlet or '', 2)}_{_slug(meta.title or 'untitled', 3)}"
    base = f"{base}_{meta.published:%Y%m%d}" if meta.published else base
    base = base if base[0].isalpha() else f"a_{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _next_number(corpus: Path) -> int:
    numbers = [int(m.group(1)) for p in corpus.iterdir() if (m := re.match(r"(\d+)_", p.name))]
    return max(numbers, default=-1) + 1


def _record(prepared: Prepared, article_id: str, source_file: str, raw_file: str | None) -> dict:
    meta = prepared.metadata
    record: dict[str, Any] = {
        "id": article_id,
        "source_file": source_file,
        "sha256": prepared.sha256,
        "span": [prepared.span[0], prepared.span[1]],
        "title": meta.title,
        "title_basis": "stated" if meta.title else "unknown",
        "outlet": meta.outlet,
        "outlet_country": meta.outlet_country,
        "kind": meta.kind,
        "speakers": [
            {"name": s, "aliases": [s.split()[-1]] if " " in s else []} for s in meta.speakers
        ],
        "published": meta.published,
        "published_precision": "day",
        "published_basis": "stated",
        "published_evidence": prepared.published_evidence,
        "url": meta.url,
    }
    if raw_file:
        record["raw_file"] = raw_file
        record["raw_sha256"] = hashlib.sha256(prepared.raw).hexdigest()
    return record


def store(prepared: Prepared, root: Path | None = None) -> Stored:
    """Write one prepared article into the store (under the ingest lock)."""
    from filelock import FileLock

    data_dir = settings.data_dir(root)
    corpus = settings.corpus_dir(root)
    corpus.mkdir(parents=True, exist_ok=True)
    with FileLock(str(data_dir / LOCK_NAME), timeout=120):
        path = settings.articles_path(root)
        records = load_yaml_records(path) if path.exists() else []
        for rec in records:
            if rec.get("sha256") == prepared.sha256:
                return Stored(str(rec["id"]), str(rec["source_file"]), already_there=True)
        # A file left by an ingest that died before its metadata was written is reused.
        suffix = ".md" if prepared.raw_suffix == ".md" else ".txt"
        existing = next(
            (
                p
                for p in corpus.glob(f"*_{prepared.sha256[:16]}{suffix}")
                if sha256_of(p) == prepared.sha256
            ),
            None,
        )
        if existing is None:
            existing = corpus / f"{_next_number(corpus):03d}_{prepared.sha256[:16]}{suffix}"
            stored_bytes = prepared.raw if suffix == prepared.raw_suffix else prepared.text
            atomic_write_bytes(
                existing,
                stored_bytes if isinstance(stored_bytes, bytes) else stored_bytes.encode("utf-8"),
            )
        raw_file = None
        if prepared.raw_suffix == ".html":
            raw_dir = data_dir / "raw"
            raw_path = raw_dir / f"{existing.stem}.html"
            if not raw_path.exists():
                atomic_write_bytes(raw_path, prepared.raw)
            raw_file = f"raw/{raw_path.name}"
        article_id = article_id_for(prepared.metadata, {str(r.get("id")) for r in records})
        records.append(_record(prepared, article_id, existing.name, raw_file))
        atomic_write_text(path, _dump_records(records))
    return Stored(article_id, existing.name, notices=prepared.notices)


ARTICLES_HEADER = """\
# Metadata of every logical article in data/corpus/. The raw files are never edited: `span`
# gives the article body's [start, end) as Python string indices into the file's UTF-8 text,
# and `sha256` pins the bytes those offsets refer to (`caucasus-map check` verifies both).
#
# published_basis: "stated" — the text gives the date (published_evidence quotes where);
#                  "inferred" — established from internal evidence, in published_evidence.
# Unknown stays unknown: a field we could not establish is null, never guessed.
# `caucasus-map ingest` rewrites this file (comments beside records are not kept).

"""


def _dump_records(records: list[dict]) -> str:
    header = ARTICLES_HEADER
    body = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    return header + body


# --- the one entry point the CLI and the page share ---------------------------------------------


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to ingest: the files given, and every .txt/.md/.html inside the folders given."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def ingest_bytes(
    raw: bytes,
    name: str,
    metadata: Metadata,
    *,
    root: Path | None = None,
    suffix: str | None = None,
) -> Stored:
    """Check and store one input (the page's uploads and pasted text come in here).

    ``name`` is only ever shown in messages: stored files are named by their content's hash.
    """
    shown = name.replace("\n", " ")[:300] or "input"
    prepared = prepare(raw, shown, suffix or Path(shown).suffix or ".txt", metadata)
    return store(prepared, root)


def ingest_file(path: Path, metadata: Metadata, *, root: Path | None = None) -> Stored:
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path}: not a file")
    return ingest_bytes(path.read_bytes(), str(path), metadata, root=root, suffix=path.suffix)


def ingest_paths(
    paths: Iterable[Path],
    metadata: Metadata,
    *,
    root: Path | None = None,
    on_result: Callable[[Path, Stored | IngestError], None] | None = None,
) -> tuple[list[Stored], list[IngestError]]:
    """Ingest every file; a refused file does not stop the others."""
    stored: list[Stored] = []
    refused: list[IngestError] = []
    for path in iter_input_files(paths):
        try:
            result: Stored | IngestError = ingest_file(path, metadata, root=root)
            stored.append(result)
        except IngestError as exc:
            result = exc
            refused.append(exc)
        if on_result:
            on_result(path, result)
    return stored, refused
