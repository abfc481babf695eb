"""The built dataset in ``build/``: events and excerpts joined to place geometry, plus the mention,
date and article tables the page and the exporter read.

A build goes into a fresh folder named after the hash of its inputs; only when every file is
written does ``build/CURRENT`` (replaced atomically) point at it. A crash mid-build leaves the last
good build in use, and an unchanged input hash means there is nothing to do.

Only articles whose extraction is not in the cache (``build/cache/``, see
:mod:`caucasus_map.extraction_cache`) are extracted — on a process pool or a Dask cluster
(:mod:`caucasus_map.parallel`) — and the tables are written as partitioned Parquet, a chunk of
articles at a time (:mod:`caucasus_map.partitions`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from caucasus_map import __version__, settings
from caucasus_map.corpus import Article, article_text, load_articles
from caucasus_map.events import Event, load_events
from caucasus_map.places import Place, load_places, load_places_frame
from caucasus_map.schema import ITEM_COLUMNS
from caucasus_map.storage import atomic_write_text

if TYPE_CHECKING:
    from caucasus_map.extraction_cache import ExtractionCache
    from caucasus_map.parallel import Payload

CURRENT_POINTER = "CURRENT"
CACHE_DIR = "cache"  # build/cache/: the extraction cache, kept across builds
TABLES = ("items", "mentions", "dates", "articles")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    path: Path
    input_hash: str
    rebuilt: bool
    counts: dict[str, int]
    seconds: float
    extracted: int = 0  # articles extracted by this build
    reused: int = 0  # articles whose cached extraction was reused


def input_files(root: Path | None = None, articles: Iterable[Article] | None = None) -> list[Path]:
    """Every file a build reads: metadata, gazetteer, events, the raw articles and our own code."""
    articles = list(articles) if articles is not None else load_articles(root, validate=False)
    files = [settings.articles_path(root), settings.events_path(root), settings.places_path(root)]
    corpus = settings.corpus_dir(root)
    files += sorted({corpus / a.source_file for a in articles})
    # A change of extractor is a new build (packages such as dates/ included).
    files += sorted(Path(__file__).parent.rglob("*.py"))
    return files


def compute_input_hash(
    root: Path | None = None,
    articles: Iterable[Article] | None = None,
    *,
    verified: bool = False,
) -> str:
    """Hash of every input file. With ``verified`` (``articles`` came from a validating
    :func:`load_articles`, which checked each raw file against its recorded sha256), a raw file
    is hashed by its recorded sha256 instead of being read again."""
    articles = list(articles) if articles is not None else None
    recorded: dict[Path, str] = {}
    if verified and articles is not None:
        corpus = settings.corpus_dir(root)
        recorded = {corpus / a.source_file: a.sha256 for a in articles}
    digest = hashlib.sha256(__version__.encode())
    base = settings.project_root(root)
    for path in input_files(root, articles):
        name = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
        digest.update(str(name).encode())
        if path in recorded:
            digest.update(bytes.fromhex(recorded[path]))
        else:
            digest.update(
                hashlib.sha256(path.read_bytes()).digest() if path.exists() else b"missing"
            )
    return digest.hexdigest()[:16]


def current_build_dir(root: Path | None = None) -> Path | None:
    """The folder of the last complete build, or None when nothing has been built."""
    build = settings.build_dir(root)
    pointer = build / CURRENT_POINTER
    if not pointer.is_file():
        return None
    folder = build / pointer.read_text(encoding="utf-8").strip()
    return folder if (folder / "manifest.json").is_file() else None


# --- the build -----------------------------------------------------------------------------------


def _cache_path(build: Path) -> Path:
    from caucasus_map.parallel import code_hash

    return build / CACHE_DIR / f"extractions-{code_hash()}.sqlite"


def _jobs(
    articles: list[Article], keys: dict[str, str], root: Path | None
) -> Iterator[tuple[str, Article, str]]:
    for article in articles:
        yield keys[article.id], article, article_text(article, root)


def _extract_missing(
    articles: list[Article],
    places: list[Place],
    keys: dict[str, str],
    cache: ExtractionCache,
    *,
    root: Path | None,
    workers: int | None,
    dask_address: str | None,
    progress: Progress | None,
) -> int:
    """Extract the articles the cache lacks, on the chosen runner; returns how many."""
    from caucasus_map import parallel

    known = cache.known(keys.values())
    todo = [a for a in articles if keys[a.id] not in known]
    if not todo:
        return 0
    jobs = _jobs(todo, keys, root)
    shape = tuple(places)
    client = None
    if dask_address:
        client = parallel.dask_client(dask_address)
        batches = parallel.run_dask(shape, jobs, client)
        how = f"on the Dask cluster at {dask_address}"
    else:
        wanted = workers or parallel.default_workers()
        # A pool costs up to a second to start: not worth it for a handful of articles.
        if wanted > 1 and len(todo) >= parallel.MIN_POOL_ARTICLES:
            chunk = max(1, min(parallel.DEFAULT_CHUNK, -(-len(todo) // (4 * wanted))))
            batches = parallel.run_pool(shape, jobs, wanted, chunk=chunk)
            how = f"on {wanted} processes"
        else:
            batches = parallel.run_serial(shape, jobs)
            how = "in this process"
    if progress:
        progress(f"extracting {len(todo)} of {len(articles)} articles {how}")
    done = 0
    try:
        for batch in batches:
            cache.put_many(batch)
            done += len(batch)
            if progress and (done % 2000 < len(batch) or done == len(todo)):
                progress(f"extracted {done}/{len(todo)} articles")
    finally:
        if client is not None:
            client.close()
    return done


def _payloads(
    chunk: list[Article],
    places: list[Place],
    keys: dict[str, str],
    cache: ExtractionCache,
    root: Path | None,
) -> dict[str, Payload]:
    """The cached payload of every article of ``chunk`` (extracting any a concurrent build may
    have dropped from the cache in the meantime)."""
    from caucasus_map import parallel

    stored = cache.get_many([keys[a.id] for a in chunk])
    missing = [a for a in chunk if keys[a.id] not in stored]
    if missing:
        for batch in parallel.run_serial(tuple(places), _jobs(missing, keys, root)):
            stored.update(batch)
    return {a.id: parallel.decode(stored[keys[a.id]]) for a in chunk}


def _write_build(
    folder: Path,
    articles: list[Article],
    places: list[Place],
    events: list[Event],
    keys: dict[str, str],
    cache: ExtractionCache,
    *,
    root: Path | None,
    input_hash: str,
    extracted: int,
    progress: Progress | None,
) -> dict[str, int]:
    """Join extractions, events and places into the tables, a chunk of articles at a time."""
    from caucasus_map.partitions import (
        PART_ARTICLES,
        BuildWriter,
        article_columns,
        event_columns,
        part_files,
    )

    place_frame = load_places_frame(settings.places_path(root))
    writer = BuildWriter(folder, place_frame, places)
    names = {p.id: p.name for p in places}
    by_id = {a.id: a for a in articles}
    try:
        quoted = sorted({q.article_id for e in events for q in e.quotes})
        quoted_payloads = _payloads([by_id[a] for a in quoted], places, keys, cache, root)
        writer.write("items", event_columns(events, by_id, quoted_payloads, names))
        for i in range(0, len(articles), PART_ARTICLES):
            chunk = articles[i : i + PART_ARTICLES]
            payloads = _payloads(chunk, places, keys, cache, root)
            tables = article_columns(((a, payloads[a.id]) for a in chunk), names)
            for name, columns in tables.items():
                writer.write(name, columns)
            if progress and len(articles) > PART_ARTICLES:
                progress(f"joined {min(i + PART_ARTICLES, len(articles))}/{len(articles)} articles")
        writer.close()
    except BaseException:
        writer.abort()
        raise
    place_frame.to_parquet(folder / "places.parquet")
    manifest = {
        "input_hash": input_hash,
        "version": __version__,
        "counts": writer.counts,
        "extracted": extracted,
        "reused": len(articles) - extracted,
        "partitions": {name: len(part_files(folder / f"{name}.parquet")) for name in TABLES},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    # The manifest is written last: a folder without one is never read.
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return writer.counts


def _one_build_at_a_time(build: Callable[..., BuildResult]) -> Callable[..., BuildResult]:
    """Run a build under a lock, so two builds at once (the page after a save, the CLI after an
    ingest) run one after the other: the second reads the inputs as the first left them and
    finds its build already done, instead of pointing ``CURRENT`` at an older one."""

    @functools.wraps(build)
    def locked(root: Path | None = None, **options: Any) -> BuildResult:
        from filelock import FileLock

        folder = settings.build_dir(root)
        folder.mkdir(parents=True, exist_ok=True)
        with FileLock(str(folder / ".build.lock")):
            return build(root, **options)

    return locked


@_one_build_at_a_time
def build_dataset(
    root: Path | None = None,
    *,
    force: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    use_cache: bool = True,
) -> BuildResult:
    """Build ``build/`` from ``data/`` and ``geo/`` unless the last build has the same inputs.

    Articles are extracted on ``workers`` local processes (default: every core; 1 extracts in
    this process), or on the Dask scheduler at ``dask_address``. Only articles whose extraction
    is not cached under ``build/cache/`` are extracted (``use_cache=False`` extracts all).

    Raises :class:`~caucasus_map.errors.DataValidationError` listing every problem in the inputs;
    the last good build then stays in place and in use.
    """
    from caucasus_map.extraction_cache import ExtractionCache
    from caucasus_map.parallel import article_key, code_hash, gazetteer_hash

    started = time.perf_counter()
    articles = load_articles(root)
    places = load_places(settings.places_path(root))
    events = load_events(articles, {p.id for p in places}, root)
    input_hash = compute_input_hash(root, articles, verified=True)
    build = settings.build_dir(root)
    current = current_build_dir(root)
    if current is not None and current.name == input_hash and not force:
        manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))
        return BuildResult(current, input_hash, False, manifest["counts"], 0.0)

    code, gazetteer = code_hash(), gazetteer_hash(places)
    keys = {a.id: article_key(a, code, gazetteer) for a in articles}
    target = build / input_hash
    staging = build / f".staging-{input_hash}-{time.time_ns()}"
    staging.mkdir(parents=True)
    cache = ExtractionCache(_cache_path(build) if use_cache else staging / "extractions.sqlite")
    try:
        extracted = _extract_missing(
            articles,
            places,
            keys,
            cache,
            root=root,
            workers=workers,
            dask_address=dask_address,
            progress=progress,
        )
        counts = _write_build(
            staging,
            articles,
            places,
            events,
            keys,
            cache,
            root=root,
            input_hash=input_hash,
            extracted=extracted,
            progress=progress,
        )
        if use_cache:
            cache.retain(keys.values())  # forget articles removed or changed
        cache.close()
        for leftover in staging.glob("extractions.sqlite*"):  # the throwaway cache
            leftover.unlink()
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        cache.close()
        shutil.rmtree(staging, ignore_errors=True)
    atomic_write_text(build / CURRENT_POINTER, input_hash + "\n")
    _prune_old_builds(build, keep=input_hash)
    return BuildResult(
        target,
        input_hash,
        True,
        counts,
        time.perf_counter() - started,
        extracted=extracted,
        reused=len(articles) - extracted,
    )


def _prune_old_builds(build: Path, keep: str) -> None:
    """Old build folders go; the one in use, builds being staged and the cache stay. Caches of
    another version of the extraction code are stale and go too."""
    for folder in build.iterdir():
        if folder.name == CACHE_DIR:
            current = _cache_path(build).name
            for stale in folder.glob("extractions-*.sqlite*"):
                if not stale.name.startswith(current):
                    stale.unlink(missing_ok=True)
        elif folder.is_dir() and folder.name != keep and not folder.name.startswith(".staging"):
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

    return Dataset(
        path=folder,
        items=read_table(folder / "items.parquet", columns=list(ITEM_COLUMNS)),
        mentions=read_table(folder / "mentions.parquet"),
        dates=read_table(folder / "dates.parquet"),
        articles=read_table(folder / "articles.parquet"),
        places=gpd.read_parquet(folder / "places.parquet"),
    )


def read_table(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A table of a build: one Parquet file, or a folder of parts read in row order."""
    import pyarrow.parquet as pq

    from caucasus_map.partitions import part_files

    parts = part_files(path)
    if len(parts) == 1:
        return pd.read_parquet(parts[0], columns=columns)
    table = pq.ParquetDataset([str(p) for p in parts]).read(
        columns=columns, use_pandas_metadata=True
    )
    # One chunk per column, not one per part: taking scattered rows from a column of many
    # chunks costs a pass over all of them (the page takes a few rows per rerun).
    return table.combine_chunks().to_pandas().reset_index(drop=True)
