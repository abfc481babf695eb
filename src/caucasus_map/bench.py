"""``caucasus-map bench``: the speed of the whole chain on a synthetic corpus of N articles.

One run measures, on the same deterministic corpus (:mod:`caucasus_map.synthetic`):

- the build, from a cold cache, on one core and on every core: articles/s, MB/s of raw text,
  and the peak memory of the build's processes together (the builds run in a child process,
  as ``caucasus-map build`` would, and the benchmark samples the whole process tree's PSS, so
  pages a forked worker shares with its parent count once);
- the page's work for one rerun at N — the time-window filter, the count per place and the
  pop-up content of every place on the map — over random windows: p50 and p95;
- what one rerun sends to the browser for the map (the base map and the window layer);
- the same extraction by a naive baseline (``dateparser.search_dates`` plus one regular
  expression per alias) on a sample of the same texts, as a ratio of time per article;
- optionally, in Chromium, the time to the first map and from a slider move to the updated map.

Targets are checked here, never by timed assertions in tests.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from caucasus_map import settings

Progress = Callable[[str], None]

#: The targets of the issue, checked on the figures of a run.
TARGETS_10K = {
    "build_articles_per_s": (">=", 300),
    "baseline_ratio": (">=", 20),
    "window_query_ms_p95": ("<=", 100),
    "map_payload_kb": ("<=", 300),
    "peak_rss_mb": ("<=", 2048),
}
TARGETS_100K = {"window_query_ms_p95": ("<=", 300), "map_payload_kb": ("<=", 300)}
REQUIRED_KEYS = (
    "build_articles_per_s",
    "build_mb_per_s",
    "baseline_ratio",
    "window_query_ms_p50",
    "window_query_ms_p95",
    "map_payload_kb",
    "peak_rss_mb",
)


class BenchUnavailable(RuntimeError):
    """Something the benchmark needs is not installed."""


def _require(module: str, extra: str = "bench") -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise BenchUnavailable(
            f"the benchmark needs {module}: pip install 'caucasus-map[{extra}]'"
        ) from None


def default_root(n: int, seed: int) -> Path:
    return Path(tempfile.gettempdir()) / "caucasus-map-bench" / f"{n}-{seed}"


# --- the build, in a child process ---------------------------------------------------------------


def _memory(process: Any) -> int:
    """A process's proportional set size: its private memory plus its share of the pages it
    shares (a forked worker shares its parent's pages until it writes them), so the sum over a
    process tree is the memory the tree really holds. Resident size where PSS is unknown."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, OSError):
        return process.memory_info().rss


class _TreeSampler:
    """Peak memory (PSS) of a process and its descendants together, sampled every second
    (reading a process's PSS costs a scan of its page tables: more often would slow the build)."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._process = psutil.Process(pid)
        self._error = psutil.Error
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                total = _memory(self._process)
                for child in self._process.children(recursive=True):
                    with contextlib.suppress(self._error):  # a worker may just have ended
                        total += _memory(child)
                self.peak = max(self.peak, total)
            except self._error:
                return
            self._stop.wait(1.0)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def measure_build(root: Path, workers: int) -> dict[str, Any]:
    """Build ``root`` from scratch (no extraction cache) on ``workers`` processes in a child
    process; the build's own time, its counts and the peak memory of its process tree."""
    _require("psutil")
    env = {**os.environ, settings.ROOT_ENV_VAR: str(root)}
    command = [sys.executable, "-m", "caucasus_map.bench", "_build", str(workers)]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = _TreeSampler(child.pid)
    out, err = child.communicate()
    peak = sampler.stop()
    if child.returncode != 0:
        raise RuntimeError(f"the build of {root} failed:\n{err.decode(errors='replace')}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["peak_rss_mb"] = peak / 2**20
    return result


def _build_child(workers: int) -> None:
    """What the child process of :func:`measure_build` runs."""
    from caucasus_map.dataset import build_dataset

    result = build_dataset(force=True, workers=workers, use_cache=False)
    print(
        json.dumps(
            {
                "seconds": result.seconds,
                "counts": result.counts,
                "extracted": result.extracted,
                "path": str(result.path),
            }
        )
    )


# --- the page's work for one rerun ----------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure_queries(root: Path, reruns: int, *, seed: int = 7) -> dict[str, Any]:
    """Load the build as the page does, then time the page's work for ``reruns`` random
    windows: the window filter, the count per place, and the pop-up of every counted place."""
    import random

    import psutil

    from caucasus_map import render
    from caucasus_map.dataset import load_dataset
    from caucasus_map.query import Filters, ItemIndex
    from caucasus_map.timeline import month_end, months_between

    started = time.perf_counter()
    data = load_dataset(root, build_if_missing=False)
    index = ItemIndex(data.items)
    load_s = time.perf_counter() - started
    names = dict(zip(data.places["id"], data.places["name"], strict=True))
    items = data.items
    months = months_between(items["date_start"].min().date(), items["date_end"].max().date())
    rng = random.Random(seed)
    windows = []
    for _ in range(reruns):
        a, b = sorted(rng.randrange(len(months)) for _ in range(2))
        windows.append((months[a], month_end(months[b])))
    totals: list[float] = []
    parts: dict[str, list[float]] = {"filter": [], "per_place": [], "popups": [], "timeline": []}
    for date_from, date_to in windows:
        t0 = time.perf_counter()
        mask = index.mask(Filters(date_from=date_from, date_to=date_to))
        t1 = time.perf_counter()
        counts = index.counts(mask)
        t2 = time.perf_counter()
        render.popups_from_index(index, mask, counts, names, date_from=date_from, date_to=date_to)
        t3 = time.perf_counter()
        index.per_month(index.mask(Filters()), months)  # the timeline (window-independent)
        t4 = time.perf_counter()
        parts["filter"].append(t1 - t0)
        parts["per_place"].append(t2 - t1)
        parts["popups"].append(t3 - t2)
        parts["timeline"].append(t4 - t3)
        totals.append(t3 - t0)
    out = {
        "items": len(items),
        "load_s": load_s,
        "window_query_ms_p50": 1000 * _percentile(totals, 0.5),
        "window_query_ms_p95": 1000 * _percentile(totals, 0.95),
        "reruns": reruns,
        "query_process_rss_mb": psutil.Process().memory_info().rss / 2**20,
    }
    for name, values in parts.items():
        out[f"{name}_ms_p50"] = 1000 * _percentile(values, 0.5)
    if len(items) <= 300_000:  # the pandas path the page used before: slow at scale
        out["reference_query_ms_p50"] = _reference_query_ms(items, names, windows[:5])
    out |= measure_payload(data, index, names, root)
    return out


def _reference_query_ms(items: Any, names: dict[str, str], windows: list) -> float:
    from caucasus_map import render
    from caucasus_map.query import Filters, count_per_place, filter_items

    times = []
    for date_from, date_to in windows:
        t0 = time.perf_counter()
        selected = filter_items(items, Filters(date_from=date_from, date_to=date_to))
        count_per_place(selected)
        render.popups_by_place(selected, names, date_from=date_from, date_to=date_to)
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def measure_payload(data: Any, index: Any, names: dict[str, str], root: Path) -> dict[str, Any]:
    """Bytes streamlit-folium sends for the map on one rerun — the base map and the window
    layer — for the widest window (every place with items emphasised, every pop-up full)."""
    from streamlit_folium import _get_map_string

    from caucasus_map import mapview, render
    from caucasus_map.places import load_places
    from caucasus_map.query import Filters

    places = load_places(settings.places_path(root), validate=False)
    other = {p.id: p.other_names for p in places}
    shapes = mapview.display_geometries(data.places)
    mask = index.mask(Filters())
    counts = index.counts(mask)
    popups = render.popups_from_index(index, mask, counts, names)
    started = time.perf_counter()
    base = mapview.base_map(shapes, other)
    layer = mapview.window_layer(shapes, counts, popups, other)
    base.get_root().render()
    base_bytes = len(_get_map_string(base).encode("utf-8"))
    layer_bytes = mapview.payload_size(layer, base)
    render_s = time.perf_counter() - started
    return {
        "map_payload_kb": (base_bytes + layer_bytes) / 1024,
        "map_base_kb": base_bytes / 1024,
        "map_layer_kb": layer_bytes / 1024,
        "map_places_emphasised": len(counts),
        "map_render_ms": 1000 * render_s,
    }


# --- the naive baseline -----------------------------------------------------------------------


def measure_baseline(root: Path, sample: int) -> dict[str, Any]:
    """Seconds per article of our extraction and of the naive one, on the first ``sample``
    articles, both on one core."""
    _require("dateparser")
    from dateparser.search import search_dates

    from caucasus_map.corpus import article_text, load_articles
    from caucasus_map.extract import extract_article
    from caucasus_map.mentions import PlaceMatcher
    from caucasus_map.places import load_places

    articles = load_articles(root, validate=False)[:sample]
    places = load_places(settings.places_path(root), validate=False)
    texts = [article_text(a, root) for a in articles]
    matcher = PlaceMatcher(places)
    aliases = sorted({a for p in places for a in (p.name, *p.aliases) if "(" not in a})
    patterns = [re.compile(rf"\b{re.escape(alias)}\b") for alias in aliases]

    def naive(article: Any, text: str) -> int:
        body = text[article.span[0] : article.span[1]]
        base = datetime.combine(article.published, datetime.min.time())
        found = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": base})
        mentions = sum(1 for rx in patterns for _ in rx.finditer(body))
        return len(found or ()) + mentions

    # Both warmed the same way: dateparser loads its language data, ours fills its caches.
    naive(articles[0], texts[0])
    extract_article(articles[0], texts[0], matcher)
    # The benchmark's own heap (the built tables, the page's index) is not what is measured:
    # frozen, the garbage collector does not walk it again on each collection of either side.
    gc.collect()
    gc.freeze()
    started = time.perf_counter()
    for article, text in zip(articles, texts, strict=True):
        naive(article, text)
    baseline_s = (time.perf_counter() - started) / len(articles)
    started = time.perf_counter()
    for article, text in zip(articles, texts, strict=True):
        extract_article(article, text, matcher)
    ours_s = (time.perf_counter() - started) / len(articles)
    gc.unfreeze()
    return {
        "baseline_sample": len(articles),
        "baseline_ms_per_article": 1000 * baseline_s,
        "extract_ms_per_article": 1000 * ours_s,
        "baseline_ratio": baseline_s / ours_s,
    }


# --- the whole run ------------------------------------------------------------------------------


def check_targets(result: dict[str, Any]) -> dict[str, bool]:
    """Which targets the run meets: those set at 10k articles from 10k on, those set at 100k
    (the rerun's p95, and the payload, which must not grow with N) from 100k on."""
    checks: dict[str, bool] = {}
    n = result["articles"]
    targets = dict(TARGETS_10K) if 10_000 <= n < 100_000 else {}
    if n >= 100_000:
        targets = dict(TARGETS_100K)
    for key, (op, bound) in targets.items():
        value = result.get(key)
        if value is not None:
            checks[f"{key} {op} {bound}"] = value >= bound if op == ">=" else value <= bound
    return checks


def run(
    n: int,
    *,
    root: Path | None = None,
    seed: int | None = None,
    workers: int | None = None,
    reruns: int = 50,
    baseline_sample: int = 50,
    browser: bool = True,
    progress: Progress | None = None,
) -> dict[str, Any]:
    from caucasus_map import synthetic
    from caucasus_map.parallel import default_workers

    _require("psutil")
    _require("dateparser")
    say = progress or (lambda _m: None)
    seed = synthetic.DEFAULT_SEED if seed is None else seed
    root = root or default_root(n, seed)
    root.mkdir(parents=True, exist_ok=True)
    workers = workers or default_workers()
    result: dict[str, Any] = {"articles": n, "seed": seed, "root": str(root), "cores": workers}

    say(f"writing {n} synthetic articles under {root}")
    started = time.perf_counter()
    corpus = synthetic.generate(root, n, seed=seed)
    result["generate_s"] = time.perf_counter() - started
    result["corpus_mb"] = corpus.raw_bytes / 1e6

    runs = {}
    for label, count in (("one_core", 1), ("all_cores", workers)):
        # Each build writes hundreds of MB (items.geojson): flush the last one's pages to disk
        # first, so that a build does not pay for its predecessor's writes.
        os.sync()
        say(f"building on {count} process(es)")
        runs[label] = measure_build(root, count)
    os.sync()
    for label, build in runs.items():
        suffix = "" if label == "all_cores" else "_one_core"
        result[f"build_articles_per_s{suffix}"] = n / build["seconds"]
        result[f"build_mb_per_s{suffix}"] = corpus.raw_bytes / 1e6 / build["seconds"]
        result[f"build_s{suffix}"] = build["seconds"]
    result["peak_rss_mb"] = max(b["peak_rss_mb"] for b in runs.values())
    result["peak_rss_mb_one_core"] = runs["one_core"]["peak_rss_mb"]
    result["counts"] = runs["all_cores"]["counts"]

    say(f"timing {reruns} reruns of the page's work")
    result |= measure_queries(root, reruns)

    sample = min(baseline_sample, n)
    say(f"timing the naive baseline on {sample} articles")
    result |= measure_baseline(root, sample)

    if browser:
        from caucasus_map import bench_browser

        say("timing the page in Chromium")
        try:
            result |= bench_browser.measure(root)
        except bench_browser.BrowserUnavailable as exc:
            result["browser_skipped"] = str(exc)
        except Exception as exc:  # noqa: BLE001 - a browser timeout must not lose the run
            result["browser_skipped"] = f"failed: {type(exc).__name__}: {exc}"[:300]
    result["targets"] = check_targets(result)
    return result


def report(result: dict[str, Any]) -> str:
    """A human summary of :func:`run`'s result."""
    r = result
    lines = [
        f"{r['articles']} synthetic articles ({r['corpus_mb']:.1f} MB), {r['cores']} cores",
        f"  build, all cores   {r['build_articles_per_s']:8.0f} articles/s "
        f"{r['build_mb_per_s']:6.2f} MB/s  ({r['build_s']:.1f} s)",
        f"  build, one core    {r['build_articles_per_s_one_core']:8.0f} articles/s "
        f"{r['build_mb_per_s_one_core']:6.2f} MB/s  ({r['build_s_one_core']:.1f} s)",
        f"  peak memory (PSS) of the build {r['peak_rss_mb']:8.0f} MB",
        f"  naive baseline: {r['baseline_ms_per_article']:.1f} ms/article vs "
        f"{r['extract_ms_per_article']:.2f} ms: x{r['baseline_ratio']:.0f}",
        f"  page rerun ({r['items']} items): p50 {r['window_query_ms_p50']:.1f} ms, "
        f"p95 {r['window_query_ms_p95']:.1f} ms",
        f"  map payload per rerun          {r['map_payload_kb']:8.1f} KB "
        f"(base {r['map_base_kb']:.1f} + window layer {r['map_layer_kb']:.1f})",
    ]
    if "reference_query_ms_p50" in r:
        lines.append(f"  (pandas filter + group-by path: p50 {r['reference_query_ms_p50']:.0f} ms)")
    if "first_map_ms" in r:
        slider = r["slider_to_map_ms"]
        lines.append(
            f"  browser: first map {r['first_map_ms']:.0f} ms (cold server "
            f"{r['first_map_ms_cold']:.0f} ms), slider to map "
            + (f"{slider:.0f} ms" if slider is not None else "n/a")
            + f" ({r['slider_presses_dropped']} presses dropped by the page)"
        )
    elif "browser_skipped" in r:
        lines.append(f"  browser: skipped ({r['browser_skipped']})")
    for target, ok in r["targets"].items():
        lines.append(f"  target {target}: {'met' if ok else 'MISSED'}")
    return "\n".join(lines)


if __name__ == "__main__":  # the child process of measure_build
    if len(sys.argv) == 3 and sys.argv[1] == "_build":
        _build_child(int(sys.argv[2]))
    else:
        raise SystemExit("usage: python -m caucasus_map.bench _build WORKERS (internal)")
