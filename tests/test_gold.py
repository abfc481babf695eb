"""Extraction measured against a hand-made gold annotation (tests/gold/*.yaml).

Prints precision and recall per article and overall (run with ``-s`` to see them), and fails when
they fall below the floor the project has reached, so a regression cannot land unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from caucasus_map.dates import find_dates

GOLD_DIR = Path(__file__).parent / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml"))

# Floors just under what extraction measures today (places 1.000, roles 0.955, dates 1.000 on
# five articles, two of them annotated blind): a real regression fails, a one-off change in a
# single mention does not.
MIN_PLACE_F1 = 0.99
MIN_ROLE_ACCURACY = 0.94
MIN_DATE_F1 = 0.98


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _scores(gold: set, predicted: set) -> tuple[float, float, float]:
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _evaluate(path: Path, articles, matcher, text_of) -> dict[str, tuple]:
    gold = _load(path)
    article = articles[gold["article_id"]]
    assert list(gold["span"]) == list(article.span), "gold and metadata disagree on the body"
    text = text_of(article)
    start, end = article.span
    gold_places = {(p["start"], p["end"], p["place_id"]): p["role"] for p in gold["places"]}
    found_places = {(m.start, m.end, m.place_id): m.role for m in matcher.find(text, start, end)}
    shared = set(gold_places) & set(found_places)
    roles = sum(gold_places[k] == found_places[k] for k in shared) / max(len(shared), 1)
    gold_dates = {
        (d["start"], d["end"], str(d["date_start"]), str(d["date_end"]), d["precision"])
        for d in gold["dates"]
    }
    found_dates = {
        (d.start, d.end, d.date_start.isoformat(), d.date_end.isoformat(), d.precision)
        for d in find_dates(text, article.published, start=start, end=end)
    }
    return {
        "places": (set(gold_places), set(found_places)),
        "roles": (roles, len(shared)),
        "dates": (gold_dates, found_dates),
    }


def test_gold_files_slice_back_to_their_surfaces(articles, text_of) -> None:
    assert len(GOLD_FILES) >= 2
    for path in GOLD_FILES:
        gold = _load(path)
        text = text_of(articles[gold["article_id"]])
        for entry in gold["places"] + gold["dates"]:
            assert text[entry["start"] : entry["end"]] == entry["surface"], (path.name, entry)


def test_extraction_against_gold(articles, matcher, text_of, capsys) -> None:
    totals = {"places": (set(), set()), "dates": (set(), set())}
    role_hits = role_n = 0
    lines = []
    for path in GOLD_FILES:
        result = _evaluate(path, articles, matcher, text_of)
        for key in totals:
            gold, found = result[key]
            tagged = {(path.stem, *k) for k in gold}, {(path.stem, *k) for k in found}
            totals[key] = (totals[key][0] | tagged[0], totals[key][1] | tagged[1])
        accuracy, n = result["roles"]
        role_hits += round(accuracy * n)
        role_n += n
        p, r, _ = _scores(*result["places"])
        dp, dr, _ = _scores(*result["dates"])
        lines.append(
            f"{path.stem:32} places P={p:.3f} R={r:.3f} roles={accuracy:.3f}  "
            f"dates P={dp:.3f} R={dr:.3f}"
        )
    place_p, place_r, place_f1 = _scores(*totals["places"])
    date_p, date_r, date_f1 = _scores(*totals["dates"])
    role_accuracy = role_hits / role_n
    lines.append(
        f"{'ALL':32} places P={place_p:.3f} R={place_r:.3f} roles={role_accuracy:.3f}  "
        f"dates P={date_p:.3f} R={date_r:.3f}"
    )
    with capsys.disabled():
        print("\nextraction vs gold\n" + "\n".join(lines))
    assert place_f1 >= MIN_PLACE_F1
    assert role_accuracy >= MIN_ROLE_ACCURACY
    assert date_f1 >= MIN_DATE_F1


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_no_gold_place_is_missed_entirely(path: Path, articles, matcher, text_of) -> None:
    """Every place the gold names in an article is found at least once there."""
    result = _evaluate(path, articles, matcher, text_of)
    gold, found = result["places"]
    assert {k[2] for k in gold} <= {k[2] for k in found}
