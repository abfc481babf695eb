"""The built dataset in ``build/``: events and excerpts joined to place geometry, plus the mention,
date and article tables the page and the exporter read.

A build goes into a fresh folder named after the hash of its inputs; only when every file is
written does ``build/CURRENT`` (replaced atomically) point at it. A crash mid-build leaves the last
good build in use, and an unchanged input hash means there is nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from caucasus_map import __version__, settings
from caucasus_map.corpus import Article, article_text, load_articles
from caucasus_map.events import Event, load_events
from caucasus_map.extract import ArticleExtraction, extract_article
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.places import Place, load_places, load_places_frame
from caucasus_map.schema import ARTICLE_COLUMNS, DATE_COLUMNS, ITEM_COLUMNS, MENTION_COLUMNS
from caucasus_map.storage import atomic_write_text

CURRENT_POINTER = "CURRENT"
TABLES = ("items", "mentions", "dates", "articles")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    path: Path
    input_hash: str
    rebuilt: bool
    counts: dict[str, int]
    seconds: float


def input_files(root: Path | None = None, articles: Iterable[Article] | None = None) -> list[Path]:
    """Every file a build reads: metadata, gazetteer, events, the raw articles and our own code."""
    articles = list(articles) if articles is not None else load_articles(root, validate=False)
    files = [settings.articles_path(root), settings.events_path(root), settings.places_path(root)]
    corpus = settings.corpus_dir(root)
    files += sorted({corpus / a.source_file for a in articles})
    files += sorted(Path(__file__).parent.glob("*.py"))  # a change of extractor is a new build
    return files


def compute_input_hash(root: Path | None = None, articles: Iterable[Article] | None = None) -> str:
    digest = hashlib.sha256(__version__.encode())
    base = settings.project_root(root)
    for path in input_files(root, articles):
        name = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
        digest.update(str(name).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"missing")
    return digest.hexdigest()[:16]


def current_build_dir(root: Path | None = None) -> Path | None:
    """The folder of the last complete build, or None when nothing has been built."""
    build = settings.build_dir(root)
    pointer = build / CURRENT_POINTER
    if not pointer.is_file():
        return None
    folder = build / pointer.read_text(encoding="utf-8").strip()
    return folder if (folder / "manifest.json").is_file() else None


# --- tables ------------------------------------------------------------------------------------


def _typed(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for name, dtype in columns.items():
        if dtype.startswith("datetime64"):
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
        else:
            frame[name] = frame[name].astype(dtype)
    return frame


def _speakers_of(article: Article) -> str:
    return "; ".join(s.name for s in article.speakers)


def _article_row(article: Article) -> dict:
    return {
        "article_id": article.id,
        "source_file": article.source_file,
        "span_start": article.span[0],
        "span_end": article.span[1],
        "title": article.title,
        "outlet": article.outlet_label,
        "outlet_country": article.outlet_country,
        "kind": article.kind,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_basis": article.published_basis,
        "published_evidence": article.published_evidence,
        "speakers": _speakers_of(article),
        "url": article.url,
    }


def _article_fields(article: Article) -> dict:
    return {
        "source_file": article.source_file,
        "article_id": article.id,
        "title": article.title,
        "outlet": article.outlet_label,
        "outlet_country": article.outlet_country,
        "published": article.published,
    }


def item_rows(
    extractions: dict[str, ArticleExtraction],
    articles: dict[str, Article],
    events: list[Event],
    places: dict[str, Place],
) -> list[dict]:
    """Rows of the items table: curated events first, then excerpts."""
    rows: list[dict] = []
    for event in events:
        for j, quote in enumerate(event.quotes):
            article = articles[quote.article_id]
            speaker = _speaker_at(extractions.get(quote.article_id), quote.start)
            for place_id in event.places:
                rows.append(
                    {
                        "kind": "event",
                        "item_id": f"{event.id}#{j}",
                        "group_id": event.id,
                        "place_id": place_id,
                        "place_name": places[place_id].name,
                        "date_start": event.date_start,
                        "date_end": event.date_end,
                        "precision": event.precision,
                        "date_basis": event.basis,
                        "quote": quote.text,
                        "quote_start": quote.start,
                        "quote_end": quote.end,
                        "speaker": speaker,
                        "summary": event.summary,
                        "event_type": event.type,
                        "surface": None,
                        "date_note": event.date_note or None,
                        **_article_fields(article),
                    }
                )
    for article_id, extraction in extractions.items():
        article = articles[article_id]
        for ex in extraction.excerpts:
            rows.append(
                {
                    "kind": "excerpt",
                    "item_id": ex.item_id,
                    "group_id": ex.item_id,
                    "place_id": ex.place_id,
                    "place_name": places[ex.place_id].name,
                    "date_start": ex.date_start,
                    "date_end": ex.date_end,
                    "precision": ex.precision,
                    "date_basis": ex.date_basis,
                    "quote": ex.quote,
                    "quote_start": ex.quote_start,
                    "quote_end": ex.quote_end,
                    "speaker": ex.speaker,
                    "summary": None,
                    "event_type": None,
                    "surface": ex.surface,
                    "date_note": None,
                    **_article_fields(article),
                }
            )
    return rows


def _speaker_at(extraction: ArticleExtraction | None, offset: int) -> str | None:
    if extraction is None:
        return None
    for sentence, speaker in zip(extraction.sentences, extraction.speakers, strict=True):
        if sentence.start <= offset < sentence.end:
            return speaker
    return None


def build_tables(
    articles: list[Article],
    places: list[Place],
    events: list[Event],
    *,
    root: Path | None = None,
    progress: Progress | None = None,
) -> dict[str, pd.DataFrame]:
    """Extract every article and assemble the four tables (pure apart from reading the corpus)."""
    matcher = PlaceMatcher(places)
    extractions: dict[str, ArticleExtraction] = {}
    for i, article in enumerate(articles, 1):
        extractions[article.id] = extract_article(article, article_text(article, root), matcher)
        if progress and (i % 100 == 0 or i == len(articles)):
            progress(f"extracted {i}/{len(articles)} articles")
    by_id = {a.id: a for a in articles}
    items = _typed(item_rows(extractions, by_id, events, {p.id: p for p in places}), ITEM_COLUMNS)
    mentions = _typed(
        [
            {
                "article_id": aid,
                "place_id": m.place_id,
                "surface": m.surface,
                "start": m.start,
                "end": m.end,
                "role": m.role,
            }
            for aid, ex in extractions.items()
            for m in ex.mentions
        ],
        MENTION_COLUMNS,
    )
    dates = _typed(
        [
            {
                "article_id": aid,
                "surface": d.surface,
                "start": d.start,
                "end": d.end,
                "date_start": d.date_start,
                "date_end": d.date_end,
                "precision": d.precision,
            }
            for aid, ex in extractions.items()
            for d in ex.dates
        ],
        DATE_COLUMNS,
    )
    article_table = _typed([_article_row(a) for a in articles], ARTICLE_COLUMNS)
    return {"items": items, "mentions": mentions, "dates": dates, "articles": article_table}


def build_dataset(
    root: Path | None = None, *, force: bool = False, progress: Progress | None = None
) -> BuildResult:
    """Build ``build/`` from ``data/`` and ``geo/`` unless the last build has the same inputs.

    Raises :class:`~caucasus_map.errors.DataValidationError` listing every problem in the inputs;
    the last good build then stays in place and in use.
    """
    started = time.perf_counter()
    articles = load_articles(root)
    places = load_places(settings.places_path(root))
    events = load_events(articles, {p.id for p in places}, root)
    input_hash = compute_input_hash(root, articles)
    build = settings.build_dir(root)
    current = current_build_dir(root)
    if current is not None and current.name == input_hash and not force:
        manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
        return BuildResult(current, input_hash, False, manifest["counts"], 0.0)

    tables = build_tables(articles, places, events, root=root, progress=progress)
    place_frame = load_places_frame(settings.places_path(root))
    target = build / input_hash
    staging = build / f".staging-{input_hash}-{time.time_ns()}"
    staging.mkdir(parents=True)
    try:
        _write_build(staging, tables, place_frame, input_hash)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    atomic_write_text(build / CURRENT_POINTER, input_hash + "\n")
    _prune_old_builds(build, keep=input_hash)
    counts = {name: len(frame) for name, frame in tables.items()}
    return BuildResult(target, input_hash, True, counts, time.perf_counter() - started)


def _write_build(
    folder: Path, tables: dict[str, pd.DataFrame], place_frame, input_hash: str
) -> None:
    import geopandas as gpd

    geometry = place_frame.set_index("id").geometry
    items = tables["items"]
    joined = gpd.GeoDataFrame(
        items, geometry=items["place_id"].map(geometry).values, crs="EPSG:4326"
    )
    joined.to_parquet(folder / "items.parquet")
    (folder / "items.geojson").write_text(_items_geojson(joined), encoding="utf-8")
    for name in ("mentions", "dates", "articles"):
        tables[name].to_parquet(folder / f"{name}.parquet", index=False)
    place_frame.to_parquet(folder / "places.parquet")
    manifest = {
        "input_hash": input_hash,
        "version": __version__,
        "counts": {name: len(frame) for name, frame in tables.items()},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    # The manifest is written last: a folder without one is never read.
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def _items_geojson(joined) -> str:
    from caucasus_map.export import to_geojson

    return to_geojson(joined)


def _prune_old_builds(build: Path, keep: str) -> None:
    for folder in build.iterdir():
        if folder.is_dir() and folder.name != keep and not folder.name.startswith(".staging"):
            shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Dataset:
    """What the page and the exporter read: the tables of the current build."""

    path: Path
    items: pd.DataFrame  # without geometry: the page joins to places itself
    mentions: pd.DataFrame
    dates: pd.DataFrame
    articles: pd.DataFrame
    places: object  # geopandas.GeoDataFrame of the gazetteer


def load_dataset(root: Path | None = None, *, build_if_missing: bool = True) -> Dataset:
    """The current build, building it first when there is none (or when asked to)."""

    folder = current_build_dir(root)
    if folder is None:
        if not build_if_missing:
            raise FileNotFoundError("no build yet: run `caucasus-map build`")
        folder = build_dataset(root).path
    return load_build(folder)


def load_build(folder: Path) -> Dataset:
    """The tables of one build folder (as named by ``build/CURRENT``)."""
    import geopandas as gpd

    items = pd.read_parquet(folder / "items.parquet", columns=list(ITEM_COLUMNS))
    return Dataset(
        path=folder,
        items=items,
        mentions=pd.read_parquet(folder / "mentions.parquet"),
        dates=pd.read_parquet(folder / "dates.parquet"),
        articles=pd.read_parquet(folder / "articles.parquet"),
        places=gpd.read_parquet(folder / "places.parquet"),
    )
