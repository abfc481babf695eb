"""The build at scale: the same tables whatever runs the extraction (this process, a process
pool, a Dask cluster), the extraction cache, partitioned Parquet, and the fast paths that must
find exactly what their slow references find."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from caucasus_map import parallel, synthetic
from caucasus_map.corpus import article_text, load_articles
from caucasus_map.dataset import build_dataset, current_build_dir, load_dataset
from caucasus_map.extract import extract_article
from caucasus_map.extraction_cache import ExtractionCache
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.partitions import part_files
from caucasus_map.places import load_places
from caucasus_map.settings import PACKAGE_ROOT, places_path

TABLES = ("items", "mentions", "dates", "articles")


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    synthetic.generate(root, 120)
    return root


def copy_project(source: Path, target: Path) -> Path:
    import shutil

    shutil.copytree(source / "data", target / "data")
    shutil.copytree(source / "geo", target / "geo")
    return target


def tables(root: Path) -> dict[str, pd.DataFrame]:
    data = load_dataset(root, build_if_missing=False)
    return {name: getattr(data, name) for name in TABLES}


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=True, obj=name)


def test_serial_and_process_pool_builds_are_identical(synthetic_root: Path, tmp_path) -> None:
    serial = copy_project(synthetic_root, tmp_path / "serial")
    pooled = copy_project(synthetic_root, tmp_path / "pooled")
    said: list[str] = []
    build_dataset(serial, workers=1)
    result = build_dataset(pooled, workers=2, progress=said.append)
    assert result.extracted == 120 and result.reused == 0
    assert "extracting 120 of 120 articles on 2 processes" in said
    assert_same_tables(tables(serial), tables(pooled))


def test_the_build_holds_what_extract_article_finds(synthetic_root: Path) -> None:
    build_dataset(synthetic_root, workers=2)
    data = load_dataset(synthetic_root, build_if_missing=False)
    matcher = PlaceMatcher(load_places(places_path(synthetic_root)))
    articles = load_articles(synthetic_root)
    excerpts = [
        e
        for a in articles
        for e in extract_article(a, article_text(a, synthetic_root), matcher).excerpts
    ]
    built = data.items[data.items["kind"] == "excerpt"]
    assert list(built["item_id"]) == [e.item_id for e in excerpts]
    assert list(built["quote"]) == [e.quote for e in excerpts]
    assert (data.items["kind"] == "event").any()  # the synthetic corpus has curated events


def test_dask_local_cluster_build_is_identical(synthetic_root: Path, tmp_path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    reference = copy_project(synthetic_root, tmp_path / "reference")
    on_dask = copy_project(synthetic_root, tmp_path / "dask")
    build_dataset(reference, workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = build_dataset(on_dask, dask_address=cluster.scheduler_address)
    assert result.extracted == 120
    assert_same_tables(tables(reference), tables(on_dask))


def test_an_unreachable_dask_scheduler_is_one_clear_error(tmp_path) -> None:
    pytest.importorskip("dask.distributed")
    with pytest.raises(parallel.DaskUnavailable, match="cannot reach the Dask scheduler"):
        parallel.dask_client("tcp://127.0.0.1:9")


def test_tables_are_partitioned_parquet_that_any_reader_reads(synthetic_root: Path) -> None:
    import geopandas as gpd

    from caucasus_map import partitions

    build_dataset(synthetic_root)
    folder = current_build_dir(synthetic_root)
    for name in TABLES:
        assert (folder / f"{name}.parquet").is_dir()
        assert part_files(folder / f"{name}.parquet")
    items = gpd.read_parquet(folder / "items.parquet")
    assert items.crs.to_epsg() == 4326 and items.geometry.notna().all()
    assert len(items) == len(load_dataset(synthetic_root).items)
    # Parts hold a bounded number of articles, and are read back in order.
    assert partitions.PART_ARTICLES >= 1


def test_adding_one_article_extracts_it_alone(tmp_path) -> None:
    root = tmp_path / "project"
    synthetic.generate(root, 30)
    first = build_dataset(root)
    assert first.extracted == 30
    # One more article: the corpus of 31 is the corpus of 30 plus article 30.
    grown = tmp_path / "grown"
    synthetic.generate(grown, 31)
    for name in ("articles.yaml", "events.yaml"):
        (root / "data" / name).write_bytes((grown / "data" / name).read_bytes())
    added = grown / "data" / "corpus" / "bench_0000030.txt"
    (root / "data" / "corpus" / added.name).write_bytes(added.read_bytes())
    second = build_dataset(root)
    assert second.rebuilt and second.extracted == 1 and second.reused == 30
    fresh = build_dataset(grown)
    assert_same_tables(tables(root), tables(grown))
    assert fresh.extracted == 31


def test_a_changed_gazetteer_or_article_reextracts_only_what_it_touches(tmp_path) -> None:
    root = copy_project(PACKAGE_ROOT, tmp_path / "project")
    build_dataset(root)
    # Moving a border changes no extraction: everything is reused.
    geo = root / "geo" / "places.geojson"
    geo.write_text(geo.read_text(encoding="utf-8").replace("46.7486", "46.7487", 1), "utf-8")
    moved = build_dataset(root)
    assert moved.rebuilt and moved.extracted == 0
    # Editing one article's metadata re-extracts that article.
    meta = root / "data" / "articles.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("title_basis: stated", "title_basis: inferred", 1), "utf-8")
    edited = build_dataset(root)
    assert edited.extracted == 1


def test_a_damaged_cache_is_replaced_not_fatal(tmp_path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = ExtractionCache(path)
    cache.put_many([("k", b"payload")])
    assert cache.get_many(["k", "missing"]) == {"k": b"payload"}
    assert cache.known(["k", "x"]) == {"k"}
    assert cache.retain(["x"]) == 1 and len(cache) == 0
    cache.close()


def test_the_cache_lives_beside_the_builds_and_survives_pruning(tmp_path) -> None:
    root = copy_project(PACKAGE_ROOT, tmp_path / "project")
    first = build_dataset(root)
    build_dataset(root, force=True)
    caches = list((root / "build" / "cache").glob("extractions-*.sqlite"))
    assert len(caches) == 1
    assert not list(first.path.glob("*.sqlite"))  # the build folder holds tables only
    no_cache = build_dataset(root, force=True, use_cache=False)
    assert no_cache.extracted == 6 and not list(no_cache.path.glob("*.sqlite*"))


def test_payloads_round_trip(synthetic_root: Path) -> None:
    places = tuple(load_places(places_path(synthetic_root)))
    article = load_articles(synthetic_root)[3]
    jobs = [("key", article, article_text(article, synthetic_root))]
    [(key, data)] = parallel.extract_chunk(places, parallel.gazetteer_hash(places), jobs)
    payload = parallel.decode(data)
    assert key == "key" and payload.excerpts and payload.mentions


def test_place_dispatch_finds_exactly_what_the_full_scan_finds(synthetic_root: Path) -> None:
    matcher = PlaceMatcher(load_places(places_path(PACKAGE_ROOT)))
    texts = [article_text(a, PACKAGE_ROOT) for a in load_articles(PACKAGE_ROOT)]
    texts += [article_text(a, synthetic_root) for a in load_articles(synthetic_root)[:40]]
    texts += ["Karabakhs Karabakh_ @Baku #Yerevan Nagorno-Karabakh region, mountainous Karabakh."]
    rng = random.Random(3)
    for text in texts:
        assert matcher.find(text) == matcher.find_full_scan(text)
        for _ in range(10):
            start = rng.randrange(len(text))
            end = rng.randrange(start, len(text) + 1)
            assert matcher.find(text, start, end) == matcher.find_full_scan(text, start, end)


def test_the_synthetic_corpus_is_deterministic_and_prefix_stable(tmp_path) -> None:
    a = synthetic.generate(tmp_path / "a", 25)
    b = synthetic.generate(tmp_path / "b", 40)
    for i in range(25):
        name = f"bench_{i:07d}.txt"
        assert (a.root / "data/corpus" / name).read_bytes() == (
            b.root / "data/corpus" / name
        ).read_bytes()
    again = synthetic.generate(tmp_path / "c", 25)
    assert (again.root / "data/articles.yaml").read_bytes() == (
        a.root / "data/articles.yaml"
    ).read_bytes()
    assert again.raw_bytes == a.raw_bytes
    # Every article is valid metadata over a real span, and none copies the real corpus.
    articles = load_articles(a.root)
    assert len(articles) == 25
    real = " ".join(article_text(x, PACKAGE_ROOT) for x in load_articles(PACKAGE_ROOT))
    for article in articles[:5]:
        body = article_text(article, a.root)[article.span[0] : article.span[1]]
        for sentence in body.split(". ")[:5]:
            assert len(sentence) < 40 or sentence not in real


def test_the_cache_key_covers_every_module_extraction_runs() -> None:
    """A change to any module that decides what an extraction holds must start a fresh cache."""
    import ast
    from pathlib import Path

    from caucasus_map import parallel

    package = Path(parallel.__file__).parent
    seen: set[str] = set()
    todo = ["extract"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = package / f"{name}.py"
        files = [path] if path.exists() else sorted((package / name).glob("*.py"))
        for file in files:
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "caucasus_map."
                ):
                    todo.append(node.module.split(".")[1])
    assert seen <= set(parallel.EXTRACTION_MODULES) | {"extract"}, seen - set(
        parallel.EXTRACTION_MODULES
    )
