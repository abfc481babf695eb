"""Bringing articles in: accepted inputs are stored whole, refused ones change nothing."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caucasus_map import settings as project_settings
from caucasus_map.check import collect_problems
from caucasus_map.cli import main
from caucasus_map.ingest import IngestError, Metadata, ingest_bytes, prepare

ARTICLE = (
    "Home | News | Contact\n\n"
    "Aid convoy waits at Kornidzor\n\n"
    "12 March 2024\n\n"
    "A convoy of humanitarian aid waited for a second day near Kornidzor on Tuesday, officials "
    "in Yerevan said, as talks in Brussels resumed. The trucks had left Goris on Monday and were "
    "meant to reach Khankendi through the Lachin corridor.\n\n"
    "“We will not retreat,” Mirzoyan said at the border.\n\n"
    "Post a Comment\nShare this\n"
)
HTML = (
    "<html><head><title>Drills near Nakhchivan</title>"
    '<meta property="og:site_name" content="Example Daily">'
    '<meta property="article:published_time" content="2023-10-23">'
    "<script>alert('x')</script></head><body><nav>Home World Sport</nav><article>"
    "<h1>Drills near Nakhchivan</h1>"
    "<p>Azerbaijan began joint drills with Turkiye on Monday in the Nakhichevan exclave and "
    "near the border with Armenia, the defence ministry in Baku said in a statement.</p>"
    "<p>Up to 3,000 troops take part in the exercises, which follow the offensive in "
    "Karabakh last month and come as talks continue in Tehran.</p>"
    "<img src=x onerror=alert(1)></article><footer>© Example</footer></body></html>"
)


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, str]:
    """Every file under data/ with its hash: what "nothing changed" means."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "data").rglob("*"))
        if p.is_file() and p.name != ".ingest.lock"
    }


def records(root: Path) -> list[dict]:
    return yaml.safe_load((root / "data" / "articles.yaml").read_text(encoding="utf-8"))


def test_a_text_file_is_stored_byte_for_byte_with_detected_metadata(
    project_copy: Path, tmp_path: Path
) -> None:
    source = tmp_path / "convoy.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    code, out, err = cli(
        "ingest", str(source), "--outlet", "Test Wire", "--speaker", "Ararat Mirzoyan"
    )
    assert code == 0, err
    assert "stored as test_wire_aid_convoy_waits_20240312" in out
    record = records(project_copy)[-1]
    stored = project_copy / "data" / "corpus" / record["source_file"]
    assert stored.read_bytes() == source.read_bytes()
    assert record["published"] == date(2024, 3, 12)
    assert record["title"] == "Aid convoy waits at Kornidzor"
    body = ARTICLE[record["span"][0] : record["span"][1]]
    assert body.startswith("A convoy") and "Post a Comment" not in body
    assert collect_problems(project_copy) == []
    # on the map right after: the rebuilt dataset has its excerpts
    code, out, _ = cli("export", "--format", "csv", "--place", "lachin_corridor")
    assert "test_wire_aid_convoy_waits_20240312" in out


def test_the_same_content_twice_is_stored_once(project_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "convoy.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", str(source), "--outlet", "Test Wire", "--no-build")[0] == 0
    before = snapshot(project_copy)
    copy = tmp_path / "copy.md"
    copy.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = cli("ingest", str(copy), "--outlet", "Other")
    assert code == 1
    assert "already stored as test_wire_aid_convoy_waits_20240312; nothing changed" in out
    assert snapshot(project_copy) == before


def test_html_is_reduced_to_its_text_and_the_page_kept(project_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "drills.html"
    source.write_text(HTML, encoding="utf-8")
    code, out, err = cli("ingest", str(source), "--no-build")
    assert code == 0, err
    assert "<script> element(s) dropped" in err
    record = records(project_copy)[-1]
    assert record["outlet"] == "Example Daily" and record["published"] == date(2023, 10, 23)
    text = (project_copy / "data" / "corpus" / record["source_file"]).read_text(encoding="utf-8")
    assert "Nakhichevan exclave" in text
    assert "alert" not in text and "<" not in text
    raw = project_copy / "data" / record["raw_file"]
    assert raw.read_text(encoding="utf-8") == HTML
    assert collect_problems(project_copy) == []


def test_a_folder_is_ingested_with_a_progress_bar(project_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        text = ARTICLE.replace("second day", f"day number {i}")
        (folder / "sub" / f"a{i}.txt").write_text(text, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article type: skipped
    code, out, err = cli("ingest", str(folder), "--outlet", "Test Wire", "--no-build")
    assert code == 0, err
    assert "3 added, 0 already there, 0 refused" in out
    assert "ingesting" in err  # the bar
    ids = [r["id"] for r in records(project_copy)[-3:]]
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        (b"", [], "the file is empty"),
        (b"   \n\n", [], "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", [], "binary content"),
        ("Шуша и Лачинский коридор " * 20, ["--enc", "cp1251"], "not UTF-8 (it looks like"),
        (ARTICLE, ["--published", "2999-01-01"], "is not between 1900 and today"),
        (ARTICLE, ["--url", "javascript:alert(1)"], "is not an http(s) address"),
        (ARTICLE, ["--title", "two\nlines"], "has line breaks or control characters"),
        (ARTICLE.replace("12 March 2024", "Tuesday"), [], "no publication date given or found"),
        (  # a date inside a sentence is an event's, not the publication's
            ARTICLE.replace("12 March 2024\n\n", "").replace("A convoy", "On 27 September 2020 a"),
            [],
            "no publication date given or found",
        ),
        (ARTICLE, ["--title", "one\u2028two"], "has line breaks or control characters"),
        (ARTICLE, ["--no-outlet"], "no outlet given or found; pass --outlet NAME"),
    ],
)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    project_copy: Path, tmp_path: Path, content, options: list[str], message: str
) -> None:
    encoding = "utf-8"
    if "--enc" in options:
        encoding = options[options.index("--enc") + 1]
        options = [o for o in options if o not in ("--enc", encoding)]
    args = ["--outlet", "Test Wire"]
    if "--no-outlet" in options:
        options, args = [], []
    source = tmp_path / "bad.txt"
    source.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    before = snapshot(project_copy)
    code, _, err = cli("ingest", str(source), *args, *options)
    assert code == 1
    assert message in err
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and str(source) in error_lines[0]
    assert snapshot(project_copy) == before


def test_size_limit_is_configurable(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "long.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("CAUCASUS_MAP_MAX_BYTES", "100")
    code, _, err = cli("ingest", str(source), "--outlet", "X")
    assert code == 1 and "over the 100-byte limit" in err and "CAUCASUS_MAP_MAX_BYTES" in err


def test_html_without_article_text_is_refused(project_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "empty.html"
    source.write_text("<html><script>alert(1)</script><body><nav>Home</nav></body></html>")
    code, _, err = cli("ingest", str(source), "--outlet", "X", "--published", "2024-01-01")
    assert code == 1 and "no article text found in the HTML" in err


def test_uploaded_file_names_cannot_escape_data(project_copy: Path) -> None:
    meta = Metadata(outlet="X", published=date(2024, 1, 2))
    stored = ingest_bytes(ARTICLE.encode(), "../../../etc/evil.txt", meta, root=project_copy)
    assert (project_copy / "data" / "corpus" / stored.source_file).exists()
    assert not (project_copy.parent / "etc").exists()
    assert "evil" not in stored.source_file and "/" not in stored.source_file


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(st.binary(max_size=600), st.text(max_size=600).map(str.encode)))
def test_property_arbitrary_bytes_are_stored_or_refused_cleanly(
    project_copy: Path, data: bytes
) -> None:
    before = snapshot(project_copy)
    meta = Metadata(outlet="Fuzz", published=date(2024, 1, 2))
    try:
        stored = ingest_bytes(data, "fuzz.txt", meta, root=project_copy)
    except IngestError as exc:
        assert "fuzz.txt" in str(exc) and "\n" not in str(exc)
        assert snapshot(project_copy) == before
        return
    path = project_copy / "data" / "corpus" / stored.source_file
    assert path.read_bytes() == data
    assert collect_problems(project_copy) == []


def test_prepare_previews_without_writing(project_copy: Path) -> None:
    before = snapshot(project_copy)
    prepared = prepare(ARTICLE.encode(), "p.txt", ".txt", Metadata(outlet="X"))
    assert prepared.metadata.published == date(2024, 3, 12)
    assert prepared.text[prepared.span[0] :].startswith("A convoy")
    assert snapshot(project_copy) == before


# --- crash safety and concurrency: real processes --------------------------------------------


def _spawn(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, project_settings.ROOT_ENV_VAR: str(root)}
    return subprocess.Popen(
        [sys.executable, "-m", "caucasus_map.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_killing_ingest_and_build_at_random_points_leaves_a_valid_store(
    project_copy: Path, tmp_path: Path
) -> None:
    rng = random.Random(20231023)
    # How long an uninterrupted build takes on this machine: kill points are fractions of it,
    # so most runs are cut off on a fast machine and a slow one alike.
    started = time.perf_counter()
    assert _spawn(project_copy, "build", "--force").wait(timeout=120) == 0
    run_seconds = time.perf_counter() - started
    kills = 0
    for i in range(24):
        source = tmp_path / f"k{i}.txt"
        source.write_text(ARTICLE.replace("second day", f"run {i}"), encoding="utf-8")
        command = (
            ["ingest", str(source), "--outlet", "Kill Test"] if i % 2 == 0 else ["build", "--force"]
        )
        process = _spawn(project_copy, *command)
        time.sleep(rng.uniform(0.1, 0.9) * run_seconds)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        assert collect_problems(project_copy) == [], f"after run {i} ({command[0]})"
        # the last good build (if any) is complete and readable
        current = project_copy / "build" / "CURRENT"
        if current.exists():
            folder = project_copy / "build" / current.read_text().strip()
            assert (folder / "manifest.json").exists()
    assert kills >= 10  # most runs were really interrupted


def test_two_ingests_at_once_are_serialised(project_copy: Path, tmp_path: Path) -> None:
    processes = []
    for i in range(2):
        source = tmp_path / f"c{i}.txt"
        source.write_text(ARTICLE.replace("second day", f"parallel {i}"), encoding="utf-8")
        processes.append(_spawn(project_copy, "ingest", str(source), "--outlet", "Lock Test"))
    for process in processes:
        assert process.wait(timeout=120) == 0, process.stderr.read().decode()
    ids = [r["id"] for r in records(project_copy) if r["outlet"] == "Lock Test"]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert collect_problems(project_copy) == []


def test_many_sessions_saving_at_once_neither_mix_nor_corrupt(project_copy: Path) -> None:
    """Page sessions save through ingest_bytes from threads of one server process."""
    from concurrent.futures import ThreadPoolExecutor

    def save(i: int):
        text = ARTICLE.replace("second day", f"session {i}").encode()
        meta = Metadata(outlet=f"Session {i}", published=date(2024, 3, 12))
        return ingest_bytes(text, f"s{i}.txt", meta, root=project_copy)

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(save, range(6)))
    assert len({r.article_id for r in results}) == 6
    by_id = {r["id"]: r for r in records(project_copy)}
    for i, result in enumerate(results):
        record = by_id[result.article_id]
        assert record["outlet"] == f"Session {i}"  # each session's metadata with its own text
        text = (project_copy / "data" / "corpus" / record["source_file"]).read_text()
        assert f"session {i}" in text
    assert collect_problems(project_copy) == []
