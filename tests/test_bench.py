"""``caucasus-map bench``: it runs end to end on a tiny corpus and reports every figure. Only the
shape of the report is checked here — timings are the benchmark's business, never a test's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caucasus_map import bench
from caucasus_map.cli import main


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    pytest.importorskip("dateparser")
    pytest.importorskip("psutil")
    root = tmp_path_factory.mktemp("bench")
    args = ["bench", "--articles", "40", "--json", "--no-browser", "--root", str(root)]
    args += ["--reruns", "3", "--baseline-sample", "3", "--workers", "2"]
    outcome = CliRunner().invoke(main, args)
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.stdout)


def test_bench_json_has_every_figure(result: dict) -> None:
    for key in bench.REQUIRED_KEYS:
        assert isinstance(result[key], int | float) and result[key] > 0, key
    assert result["articles"] == 40 and result["cores"] == 2
    assert result["counts"]["articles"] == 40 and result["counts"]["items"] > 0
    assert result["map_payload_kb"] == pytest.approx(result["map_base_kb"] + result["map_layer_kb"])
    assert result["targets"] == {}  # the targets apply from 10,000 articles on


def test_the_human_report_names_the_figures(result: dict) -> None:
    text = bench.report(result)
    for words in ("articles/s", "MB/s", "peak memory", "naive baseline", "p95", "map payload"):
        assert words in text


def test_targets_are_checked_from_ten_thousand_articles() -> None:
    figures = {
        "articles": 10_000,
        "build_articles_per_s": 450.0,
        "baseline_ratio": 19.0,
        "window_query_ms_p95": 40.0,
        "map_payload_kb": 190.0,
        "peak_rss_mb": 800.0,
    }
    checks = bench.check_targets(figures)
    assert checks["build_articles_per_s >= 300"] and not checks["baseline_ratio >= 20"]
    assert len(checks) == 5
    large = bench.check_targets({**figures, "articles": 100_000, "window_query_ms_p95": 350.0})
    assert not large["window_query_ms_p95 <= 300"] and large["map_payload_kb <= 300"]
    assert len(large) == 2  # at 100k the targets are the rerun's p95 and the payload


def test_a_missing_extra_is_named() -> None:
    with pytest.raises(bench.BenchUnavailable, match=r"pip install 'caucasus-map\[bench\]'"):
        bench._require("no_such_module_for_the_benchmark")


def test_the_default_root_is_reused_per_size_and_seed() -> None:
    assert bench.default_root(1000, 7) != bench.default_root(10_000, 7)
    assert isinstance(bench.default_root(1000, 7), Path)
