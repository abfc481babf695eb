"""The command line as a user meets it: output contracts and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from caucasus_map import settings
from caucasus_map.cli import main
from caucasus_map.schema import EXPORT_COLUMNS

CORPUS = settings.PACKAGE_ROOT / "data" / "corpus"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_contract_on_a_two_article_file() -> None:
    path = CORPUS / "003_adff77ff94f6f818.txt"
    code, out, _ = run("extract", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert set(result) == {"places", "dates"}
    for place in result["places"]:
        assert set(place) - {"in_headline"} == {"place_id", "surface", "start", "end", "role"}
        assert text[place["start"] : place["end"]] == place["surface"]
    for found in result["dates"]:
        assert set(found) == {"surface", "start", "end", "date_start", "date_end", "precision"}
        assert text[found["start"] : found["end"]] == found["surface"]
    # "talks Monday" resolves against the first article's day, "on Sunday" against the second's
    by_surface = {d["surface"]: d["date_start"] for d in result["dates"]}
    assert by_surface["Monday"] == "2023-10-23"
    assert by_surface["Sunday"] == "2024-01-28"
    # the first line is the second story's headline: its places count, marked as headline
    assert all(p["start"] >= 55 or p.get("in_headline") for p in result["places"])
    assert any(p.get("in_headline") for p in result["places"])


def test_extract_on_a_new_file_guesses_the_body_and_uses_published(tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    path.write_text(
        "Home | News | Contact\n\n"
        "Azerbaijan reopened the Lachin road yesterday after talks in Brussels, officials said.\n\n"
        "Post a Comment\nBaku Tehran Moscow\n",
        encoding="utf-8",
    )
    code, out, _ = run("extract", str(path), "--published", "2023-09-02", "--json")
    assert code == 0
    result = json.loads(out)
    assert [p["place_id"] for p in result["places"]] == [
        "azerbaijan",
        "lachin_corridor",
        "brussels",
    ]
    assert result["dates"][0]["date_start"] == "2023-09-01"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "missing.txt: no such file"),
        (["extract", "{corpus}/000_d0fcfd857e9b7ddc.txt", "--published", "May 21"], "YYYY-MM-DD"),
        (["export", "--from", "2023-09-01", "--to", "2023-01-01"], "is after --to"),
        (["export", "--place", "atlantis"], "unknown place id(s) atlantis"),
    ],
)
def test_usage_errors_are_one_clear_line(args: list[str], message: str) -> None:
    code, _, err = run(*[a.format(corpus=CORPUS) for a in args])
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_extract_refuses_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Şuşa and Ağdam".encode("utf-16"))
    code, _, err = run("extract", str(path))
    assert code != 0 and "not UTF-8" in err


def test_export_geojson_window_and_place() -> None:
    code, out, _ = run(
        "export",
        "--format",
        "geojson",
        "--from",
        "2023-08-01",
        "--to",
        "2023-09-30",
        "--place",
        "aghdam_khankendi_road",
    )
    assert code == 0
    features = json.loads(out)["features"]
    assert features, "the Red Crescent convoy of 29 August 2023 is in this window"
    for feature in features:
        props = feature["properties"]
        assert list(props) == list(EXPORT_COLUMNS)
        assert props["place_id"] == "aghdam_khankendi_road"
        assert props["date_start"] <= "2023-09-30" and props["date_end"] >= "2023-08-01"
        assert feature["geometry"]["type"] == "LineString"


def test_export_csv_quotes_point_into_their_files() -> None:
    code, out, _ = run("export", "--format", "csv", "--place", "shusha")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and list(rows[0]) == list(EXPORT_COLUMNS)
    for row in rows:
        text = (CORPUS / row["source_file"]).read_text(encoding="utf-8")
        assert text[int(row["quote_start"]) : int(row["quote_end"])] == row["quote"]


def test_check_passes_on_the_shipped_data() -> None:
    code, out, _ = run("check")
    assert code == 0 and "no problems" in out


def test_check_lists_every_problem_with_file_and_field(project_copy: Path) -> None:
    events = project_copy / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("places: [", "places: [atlantis, ", 1), encoding="utf-8")
    places = project_copy / "geo" / "places.geojson"
    data = json.loads(places.read_text(encoding="utf-8"))
    data["features"][1]["properties"]["id"] = data["features"][0]["properties"]["id"]
    data["features"][2]["properties"]["aliases"].append("Shusha")
    places.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run("check")
    assert code == 1
    assert "events.yaml: [0]" in err and "unknown place id(s) atlantis" in err
    assert "places.geojson: features[1]" in err and "duplicate id" in err
    assert "alias 'Shusha' is already claimed by 'lachin_town'" in err


def test_build_refuses_broken_input_and_keeps_the_last_good_build(project_copy: Path) -> None:
    assert run("build")[0] == 0
    pointer = (project_copy / "build" / "CURRENT").read_text()
    (project_copy / "geo" / "places.geojson").write_text('{"type": "FeatureCollection", "feat')
    code, _, err = run("build")
    assert code == 1
    assert "places.geojson: line 1: not valid JSON" in err
    assert (project_copy / "build" / "CURRENT").read_text() == pointer
    assert run("export", "--format", "csv")[0] == 0  # the last good build still serves


def test_build_is_skipped_when_nothing_changed(project_copy: Path) -> None:
    assert "built" in run("build")[1]
    assert "up to date" in run("build")[1]
    raw = project_copy / "data" / "events.yaml"
    raw.write_text(raw.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert "built" in run("build")[1]


def test_extract_reads_a_hard_wrapped_wire_story_with_its_headline_and_dateline(
    tmp_path: Path,
) -> None:
    story = tmp_path / "wire.txt"
    story.write_text(
        "Shelling reported near Shusha\n\n"
        "BAKU, Sept 21, 2023 (Reuters) - Azerbaijan said its units came under\n"
        "fire on Tuesday near Shusha, and that trucks from Armenia had been\n"
        "turned back at the Lachin checkpoint the next day, a claim that the\n"
        "authorities in Yerevan rejected within hours as a fabrication meant\n"
        "to justify the closure of the only road into the region.\n",
        encoding="utf-8",
    )
    code, out, _ = run("extract", str(story), "--json")
    assert code == 0
    result = json.loads(out)
    roles = {(p["surface"], p["role"], p.get("in_headline", False)) for p in result["places"]}
    assert ("Shusha", "location", True) in roles
    assert ("BAKU", "dateline", False) in roles
    assert ("Armenia", "location", False) in roles  # "trucks from Armenia"
    assert ("Lachin checkpoint", "location", False) in roles
    dates = {d["surface"]: d["date_start"] for d in result["dates"]}
    assert dates["Sept 21, 2023"] == "2023-09-21"  # the dateline gives the publication date …
    assert dates["Tuesday"] == "2023-09-19"  # … relative dates resolve against it
    assert dates["the next day"] == "2023-09-20"  # … and anaphora against the date before them
