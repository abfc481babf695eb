"""Running the per-article extraction: in this process, on a local process pool, or on a Dask
cluster — the same pure function everywhere, so every way gives the same tables.

An article's extraction is reduced to a compact *payload* (plain tuples, pickled): the rows it
contributes to the mention, date and item tables, and who speaks in which sentence (for the
quotes of curated events). Payloads are what workers send back and what the extraction cache
keeps; :mod:`caucasus_map.partitions` turns them into the build's tables.

Work is cut into chunks of articles, each chunk carrying the article texts, so a worker needs no
access to the corpus folder (a Dask worker may be on another machine). At most a few chunks are
in flight at a time, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from caucasus_map import __version__
from caucasus_map.corpus import Article
from caucasus_map.extract import extract_article
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.places import Place

#: The modules whose code decides what an extraction holds: a change to any of them makes every
#: cached extraction stale.
EXTRACTION_MODULES = (
    "corpus",
    "errors",
    "settings",
    "places",
    "lexicon",
    "body",
    "textlayer",
    "sentences",
    "speakers",
    "mentions",
    "qualifiers",
    "roles",
    "dates",
    "excerpts",
    "extract",
    "parallel",
)
DEFAULT_CHUNK = 64  # articles per task: big enough to hide the cost of a round trip
MIN_POOL_ARTICLES = 32  # fewer articles than this are extracted in the build's own process

Progress = Callable[[str], None]


class Payload(NamedTuple):
    """One article's extraction, as plain tuples (dates as proleptic ordinals)."""

    # place_id, surface, start, end, role, in_headline
    mentions: tuple[tuple[str, str, int, int, str, bool], ...]
    dates: tuple[tuple[str, int, int, int, int, str], ...]  # surface, start, end, lo, hi, precision
    # sentence_index, place_id, surface, quote, quote_start, quote_end, speaker,
    # date_start, date_end, precision, date_basis, sentence_dates ("; "-joined)
    excerpts: tuple[tuple[Any, ...], ...]
    speakers: tuple[tuple[int, int, str], ...]  # start, end, speaker of attributed sentences


Job = tuple[str, Article, str]  # cache key, article, the raw file's text
Result = tuple[str, bytes]  # cache key, pickled payload


@cache
def code_hash() -> str:
    """Hash of the extraction code (and the package version)."""
    digest = hashlib.sha256(__version__.encode())
    folder = Path(__file__).parent
    for name in EXTRACTION_MODULES:
        digest.update(name.encode())
        module = folder / f"{name}.py"
        # A module may be a package of several files.
        for path in [module] if module.exists() else sorted((folder / name).glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def gazetteer_hash(places: Iterable[Place]) -> str:
    """Hash of what extraction reads from the gazetteer: ids, names, aliases, kinds — not the
    geometry, so redrawing a border re-joins but does not re-extract."""
    records = [asdict(p) for p in places]
    return hashlib.sha256(json.dumps(records, sort_keys=True).encode()).hexdigest()[:16]


def article_key(article: Article, code: str, gazetteer: str) -> str:
    """Cache key of one article's extraction: its metadata record (which pins the raw file's
    sha256 and the body span), the gazetteer and the extraction code."""
    # repr() of the frozen dataclass spells out every field (speakers, span, sha256, extra)
    # deterministically, and costs a tenth of asdict().
    return hashlib.sha256(f"{code}\0{gazetteer}\0{article!r}".encode()).hexdigest()[:32]


def payload_of(article: Article, text: str, matcher: PlaceMatcher) -> Payload:
    extraction = extract_article(article, text, matcher)
    return Payload(
        mentions=tuple(
            (m.place_id, m.surface, m.start, m.end, m.role, m.in_headline)
            for m in extraction.mentions
        ),
        dates=tuple(
            (
                d.surface,
                d.start,
                d.end,
                d.date_start.toordinal(),
                d.date_end.toordinal(),
                d.precision,
            )
            for d in extraction.dates
        ),
        excerpts=tuple(
            (
                e.sentence_index,
                e.place_id,
                e.surface,
                e.quote,
                e.quote_start,
                e.quote_end,
                e.speaker,
                e.date_start.toordinal(),
                e.date_end.toordinal(),
                e.precision,
                e.date_basis,
                "; ".join(e.sentence_dates) or None,
            )
            for e in extraction.excerpts
        ),
        speakers=tuple(
            (s.start, s.end, who)
            for s, who in zip(extraction.sentences, extraction.speakers, strict=True)
            if who is not None
        ),
    )


def encode(payload: Payload) -> bytes:
    return pickle.dumps(tuple(payload), protocol=pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> Payload:
    return Payload(*pickle.loads(data))  # noqa: S301 - our own cache, written by this module


_MATCHERS: dict[str, PlaceMatcher] = {}


def _matcher(places: tuple[Place, ...], gazetteer: str) -> PlaceMatcher:
    """One compiled matcher per gazetteer per process (workers keep theirs between tasks)."""
    matcher = _MATCHERS.get(gazetteer)
    if matcher is None:
        _MATCHERS.clear()
        matcher = _MATCHERS[gazetteer] = PlaceMatcher(places)
    return matcher


def extract_chunk(places: tuple[Place, ...], gazetteer: str, jobs: list[Job]) -> list[Result]:
    """The task every runner runs: extract each article of a chunk."""
    matcher = _matcher(places, gazetteer)
    return [(key, encode(payload_of(article, text, matcher))) for key, article, text in jobs]


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run_serial(places: tuple[Place, ...], jobs: Iterable[Job]) -> Iterator[list[Result]]:
    gazetteer = gazetteer_hash(places)
    for chunk in _chunks(jobs, DEFAULT_CHUNK):
        yield extract_chunk(places, gazetteer, chunk)


def run_pool(
    places: tuple[Place, ...], jobs: Iterable[Job], workers: int, *, chunk: int = DEFAULT_CHUNK
) -> Iterator[list[Result]]:
    """Extract on a local pool of ``workers`` processes, a bounded number of chunks in flight.

    Workers are forked when this process runs a single thread (the CLI); from a threaded
    process (the page runs the build in a Streamlit script thread) a fork could inherit a lock
    held by another thread and hang, so they come from a fork server instead.
    """
    import multiprocessing
    import threading
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    gazetteer = gazetteer_hash(places)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: set = set()
        for part in _chunks(jobs, chunk):
            pending.add(pool.submit(extract_chunk, places, gazetteer, part))
            if len(pending) >= 3 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in pending:
            yield future.result()


class DaskUnavailable(RuntimeError):
    pass


def dask_client(address: str) -> Any:
    """A client of the Dask scheduler at ``address`` (imported only when asked for)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise DaskUnavailable(
            "--dask needs Dask's distributed scheduler: pip install 'caucasus-map[dask]'"
        ) from None
    try:
        return Client(address, timeout="20s")
    except OSError as exc:
        raise DaskUnavailable(
            f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
            "`dask scheduler` and `dask worker ADDRESS`, or build with --workers"
        ) from None


def run_dask(
    places: tuple[Place, ...], jobs: Iterable[Job], client: Any, *, chunk: int = 4 * DEFAULT_CHUNK
) -> Iterator[list[Result]]:
    """Extract on a Dask cluster: the same task as the pool, texts shipped with each chunk (the
    workers need no shared disk), a bounded number of chunks in flight."""
    from dask.distributed import as_completed

    gazetteer = gazetteer_hash(places)
    [places_future] = client.scatter([places], broadcast=True)
    workers = max(1, sum(client.nthreads().values()))
    queue = as_completed()
    in_flight = 0
    for part in _chunks(jobs, chunk):
        queue.add(client.submit(extract_chunk, places_future, gazetteer, part, pure=False))
        in_flight += 1
        if in_flight >= 3 * workers:
            future = next(queue)
            in_flight -= 1
            yield future.result()
            future.release()
    for future in queue:
        yield future.result()
        future.release()
