"""The ``caucasus-map`` command line: build, check, extract, export."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from caucasus_map import settings
from caucasus_map.errors import CaucasusMapError, DataValidationError


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} {value!r} is not a date: use YYYY-MM-DD, e.g. 2023-09-01")
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="caucasus-map")
def main() -> None:
    """Caucasus Map: places in articles on the Armenia–Azerbaijan conflict, with their sources.

    Reads data/ and geo/ under $CAUCASUS_MAP_ROOT when set, else the project folder.
    """


@main.command()
@click.option("--force", is_flag=True, help="Rebuild even when no input changed.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Extract on this many local processes (default: every core; 1 = this process).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on the Dask scheduler at ADDRESS (e.g. tcp://10.0.0.5:8786).",
)
@click.option(
    "--no-cache", is_flag=True, help="Extract every article again, ignoring build/cache/."
)
def build(force: bool, workers: int | None, dask_address: str | None, no_cache: bool) -> None:
    """Extract every article and join events and excerpts to places into build/.

    Only articles whose extraction is not cached (new or changed articles, or a new gazetteer
    or extractor) are extracted; the tables are written as partitioned Parquet.
    """
    if workers and dask_address:
        _fail("--workers and --dask exclude each other: the Dask cluster has its own workers")
    try:
        from caucasus_map.dataset import build_dataset
        from caucasus_map.parallel import DaskUnavailable

        result = build_dataset(
            force=force or no_cache,
            progress=lambda m: click.echo(m, err=True),
            workers=workers,
            dask_address=dask_address,
            use_cache=not no_cache,
        )
    except DataValidationError as exc:
        _report_problems(exc.problems)
        sys.exit(1)
    except DaskUnavailable as exc:
        _fail(str(exc))
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    if result.rebuilt:
        reuse = f" ({result.extracted} extracted, {result.reused} from the cache)"
        click.echo(f"built {result.path} in {result.seconds:.2f}s{reuse}: {counts}")
    else:
        click.echo(f"up to date: {result.path} ({counts}); use --force to rebuild")


def _report_problems(problems: list) -> None:
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(
        f"{len(problems)} problem(s); fix them and run `caucasus-map check`. "
        "The last good build (if any) is still in use.",
        err=True,
    )


@main.command()
def check() -> None:
    """Validate data/ and geo/: schema, geometry, ids, aliases, hashes, quotes, dates."""
    from caucasus_map.check import collect_problems

    problems = collect_problems()
    if problems:
        _report_problems(problems)
        sys.exit(1)
    click.echo(f"ok: {settings.project_root()} has no problems")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--published", help="Publication date (YYYY-MM-DD) that relative dates resolve against."
)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract (the default).")
def extract(file: Path, published: str | None, as_json: bool) -> None:
    """Print the place mentions and date expressions found in FILE.

    A file of the corpus is read with its metadata (every article it holds, each with its own
    publication date); any other file has its headline, dateline and body found, and needs
    --published for relative dates unless its dateline gives the date.
    """
    from caucasus_map.corpus import load_articles, read_source_text, sha256_of
    from caucasus_map.extract import extraction_json
    from caucasus_map.mentions import PlaceMatcher
    from caucasus_map.places import load_places

    published_date = _parse_date(published, "--published")
    if not file.exists():
        _fail(f"{file}: no such file")
    try:
        text = read_source_text(file)
    except UnicodeDecodeError:
        _fail(f"{file}: not UTF-8 text; convert it (e.g. `iconv -t UTF-8`) and try again")
    try:
        places = load_places(settings.places_path())
        articles = load_articles()
    except DataValidationError as exc:
        _report_problems(exc.problems)
        sys.exit(1)
    digest = sha256_of(file)
    known = sorted((a for a in articles if a.sha256 == digest), key=lambda a: a.span)
    if known:
        spans = [(a.span, published_date or a.published, a.title) for a in known]
    else:
        spans = [(None, published_date, None)]
    result = extraction_json(text, spans, PlaceMatcher(places))
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["geojson", "csv"]), default="geojson", show_default=True
)
@click.option("--from", "date_from", help="First day of the window (YYYY-MM-DD).")
@click.option("--to", "date_to", help="Last day of the window (YYYY-MM-DD).")
@click.option("--place", "place_ids", multiple=True, help="A place id (repeatable).")
def export(
    fmt: str, date_from: str | None, date_to: str | None, place_ids: tuple[str, ...]
) -> None:
    """Print the events and excerpts joined to their places, optionally filtered."""
    from caucasus_map.dataset import load_dataset
    from caucasus_map.export import to_csv, to_geojson
    from caucasus_map.query import Filters, filter_items

    start, end = _parse_date(date_from, "--from"), _parse_date(date_to, "--to")
    if start and end and start > end:
        _fail(f"--from {start} is after --to {end}; swap them")
    try:
        dataset = load_dataset()
    except DataValidationError as exc:
        _report_problems(exc.problems)
        sys.exit(1)
    unknown = sorted(set(place_ids) - set(dataset.places["id"]))
    if unknown:
        _fail(f"unknown place id(s) {', '.join(unknown)}; ids are listed in geo/places.geojson")
    items = filter_items(dataset.items, Filters(start, end, frozenset(place_ids)))
    if fmt == "csv":
        click.echo(to_csv(items), nl=False)
    else:
        geometry = dict(zip(dataset.places["id"], dataset.places.geometry, strict=True))
        click.echo(to_geojson(items, geometry))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--outlet", help="The outlet that published the article(s).")
@click.option("--published", help="Publication date, YYYY-MM-DD (else found in the text).")
@click.option("--title", help="The headline (else the first short line above the body).")
@click.option("--url", help="Where the article was published (http or https).")
@click.option("--speaker", "speakers", multiple=True, help="A person quoted (repeatable).")
@click.option(
    "--kind",
    type=click.Choice(["news", "analysis", "interview"]),
    default="news",
    show_default=True,
)
@click.option("--country", "outlet_country", help="The outlet's country.")
@click.option("--no-build", is_flag=True, help="Store only; build later with `caucasus-map build`.")
def ingest(
    paths: tuple[Path, ...],
    outlet: str | None,
    published: str | None,
    title: str | None,
    url: str | None,
    speakers: tuple[str, ...],
    kind: str,
    outlet_country: str | None,
    no_build: bool,
) -> None:
    """Add .txt, .md and .html files (or folders of them) to the corpus, then rebuild.

    Each file is checked before anything is written; a refused file is named with what to do,
    and the others go on. The same content twice is stored once.
    """
    from caucasus_map.ingest import IngestError, Metadata, Stored, ingest_paths, iter_input_files

    metadata = Metadata(
        outlet=outlet,
        published=_parse_date(published, "--published"),
        title=title,
        url=url,
        speakers=speakers,
        kind=kind,
        outlet_country=outlet_country,
    )
    files = list(iter_input_files(paths))
    if not files:
        _fail(f"no .txt, .md or .html files in {', '.join(map(str, paths))}")
    added = 0
    show_bar = len(files) > 1  # a progress bar for folders and lists, not for one file
    with click.progressbar(
        length=len(files), label="ingesting", file=sys.stderr, show_pos=True, hidden=not show_bar
    ) as bar:

        def report(path: Path, result: Stored | IngestError) -> None:
            nonlocal added
            bar.update(1)
            lead = "\n" if show_bar else ""
            if isinstance(result, IngestError):
                click.echo(f"{lead}error: {result}", err=True)
            elif result.already_there:
                click.echo(f"{lead}{path}: already stored as {result.article_id}; nothing changed")
            else:
                added += 1
                for notice in result.notices:
                    click.echo(f"{lead}note: {notice}", err=True)
                click.echo(f"{lead}{path}: stored as {result.article_id} ({result.source_file})")

        stored, refused = ingest_paths(files, metadata, on_result=report)
    duplicates = sum(s.already_there for s in stored)
    click.echo(f"{added} added, {duplicates} already there, {len(refused)} refused")
    if added and not no_build:
        from caucasus_map.dataset import build_dataset

        try:
            result = build_dataset()
        except DataValidationError as exc:
            _report_problems(exc.problems)
            sys.exit(1)
        click.echo(f"rebuilt {result.path} in {result.seconds:.2f}s")
    if refused or duplicates:
        sys.exit(1)


@main.command()
@click.option("--min-count", default=1, show_default=True, help="Show names seen this often.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def candidates(min_count: int, as_json: bool) -> None:
    """Names in a locative position ("near Kornidzor") that the gazetteer lacks."""
    from caucasus_map.candidates import find_candidates
    from caucasus_map.corpus import article_text, load_articles
    from caucasus_map.mentions import PlaceMatcher
    from caucasus_map.places import load_places

    try:
        matcher = PlaceMatcher(load_places(settings.places_path()))
        articles = load_articles()
    except DataValidationError as exc:
        _report_problems(exc.problems)
        sys.exit(1)
    found = [
        c
        for c in find_candidates([(a.id, article_text(a), a.span) for a in articles], matcher)
        if c.count >= min_count
    ]
    if as_json:
        click.echo(json.dumps([c.__dict__ for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("no candidates: every place in a locative position is in the gazetteer")
        return
    for c in found:
        click.echo(f"{c.count:4}  {c.name}  ({', '.join(c.articles)}): {c.example}")
    click.echo("add the real places to geo/places_source.yaml, then run geo/make_places.py")


@main.command()
@click.option("--articles", "n", default=10_000, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--workers", type=click.IntRange(min=1), help="Cores for the parallel build.")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the synthetic project (default: a folder under the temp dir, reused).",
)
@click.option("--seed", type=int, help="Seed of the synthetic corpus.")
@click.option("--reruns", default=50, show_default=True, help="Page reruns to time.")
@click.option(
    "--baseline-sample", default=50, show_default=True, help="Articles the baseline reads."
)
@click.option("--no-browser", is_flag=True, help="Skip the Chromium figure.")
def bench(
    n: int,
    as_json: bool,
    workers: int | None,
    root: Path | None,
    seed: int | None,
    reruns: int,
    baseline_sample: int,
    no_browser: bool,
) -> None:
    """Measure build, page and map on a synthetic corpus of N articles (see BENCHMARKS.md)."""
    from caucasus_map import bench as benchmark

    try:
        result = benchmark.run(
            n,
            root=root,
            seed=seed,
            workers=workers,
            reruns=reruns,
            baseline_sample=baseline_sample,
            browser=not no_browser,
            progress=lambda m: click.echo(m, err=True),
        )
    except benchmark.BenchUnavailable as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo(benchmark.report(result))


def run() -> None:  # pragma: no cover - console entry with friendly errors
    try:
        main()
    except CaucasusMapError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    run()
