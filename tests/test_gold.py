"""Extraction measured against hand annotations made blind, by ``tests/gold/GUIDE.md``.

``pytest tests/test_gold.py -s`` prints precision and recall per field, per article and per set
(and every miss of the development set with ``CAUCASUS_MAP_GOLD_MISSES=1``):
the five shipped texts (``tests/gold/shipped/``) and the development set of articles written in
other outlets' house styles (``tests/gold/dev/``). The floors sit just under what extraction
measures today, so a regression fails and a one-off change in a single mention does not.
"""

from __future__ import annotations

import os
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from gold_scoring import DEV_GOLD, SHIPPED_GOLD, Tally, evaluate, load_gold, read_text

from caucasus_map.extract import find_in_text

# (places precision, places recall of places the gazetteer has, roles, dates P, dates R, speakers)
SHIPPED_FLOORS = (0.96, 0.97, 0.97, 0.96, 0.89, 0.90)
DEV_FLOORS = (0.93, 0.97, 0.97, 0.95, 0.90, 0.74)
#: A shipped text hard-wrapped at 70 columns reads like its flat self (issue 8).
MIN_WRAPPED_F1 = 0.98


def _check(total: Tally, floors: tuple[float, ...]) -> None:
    place_p, place_r, roles, date_p, date_r, speakers = floors
    assert total.place_precision >= place_p
    assert total.place_recall_known >= place_r
    assert total.role_accuracy >= roles
    assert total.date_precision >= date_p
    assert total.date_recall >= date_r
    assert total.speaker_accuracy >= speakers


def _report(title: str, total: Tally, lines: list[str], capsys) -> None:
    with capsys.disabled():
        print(f"\n{title}\n" + "\n".join(lines) + "\n" + total.line("ALL"))


@pytest.mark.parametrize("path", SHIPPED_GOLD + DEV_GOLD, ids=lambda p: p.stem)
def test_gold_files_slice_back_to_their_surfaces(path: Path) -> None:
    gold = load_gold(path)
    text = read_text(Path(__file__).parent.parent / gold["source_file"])
    for entry in (gold.get("places") or []) + (gold.get("dates") or []):
        assert text[entry["start"] : entry["end"]] == entry["surface"], entry


def test_shipped_texts_against_gold(articles, matcher, capsys) -> None:
    assert len(SHIPPED_GOLD) == len(articles), "every shipped article has a gold file"
    total, lines = evaluate(SHIPPED_GOLD, matcher, articles)
    _report("shipped texts vs gold (blind re-annotation)", total, lines, capsys)
    _check(total, SHIPPED_FLOORS)


def test_development_set_against_gold(articles, matcher, capsys) -> None:
    assert len(DEV_GOLD) >= 15, "the development set has at least 15 annotated articles"
    total, lines = evaluate(DEV_GOLD, matcher, articles)
    _report("development set vs gold (written for it, annotated blind)", total, lines, capsys)
    if os.environ.get("CAUCASUS_MAP_GOLD_MISSES"):
        with capsys.disabled():
            print("\n".join(total.misses))
    _check(total, DEV_FLOORS)


def _hard_wrap(text: str, width: int = 70) -> str:
    """Every line of ``text`` wrapped at ``width``, paragraphs apart by a blank line, as e-mailed
    wire copy and text dumps come."""
    return "\n\n".join(textwrap.fill(line, width) for line in text.split("\n") if line.strip())


def _findings(text: str, matcher, published) -> tuple[Counter, Counter]:
    found = find_in_text(text, matcher, published=published)
    places = Counter((" ".join(m.surface.split()), m.place_id, m.role) for m in found.mentions)
    dates = Counter(
        (" ".join(d.surface.split()), d.date_start, d.date_end, d.precision) for d in found.dates
    )
    return places, dates


def _f1(a: Counter, b: Counter) -> float:
    shared = sum((a & b).values())
    total = sum(a.values()) + sum(b.values())
    return 2 * shared / total if total else 1.0


@pytest.mark.parametrize("article_id", sorted(p.stem for p in SHIPPED_GOLD))
def test_hard_wrapped_text_reads_like_the_flat_text(article_id, articles, matcher, text_of) -> None:
    """Each shipped text, re-wrapped at 70 columns, gives the same places, roles and dates as the
    same text with one line per paragraph, both read as a new user's file (body guessed)."""
    article = articles[article_id]
    start, end = article.span
    flat = "\n\n".join(line for line in text_of(article)[start:end].split("\n") if line.strip())
    wrapped = _hard_wrap(flat)
    assert wrapped != flat and max(len(line) for line in wrapped.split("\n")) <= 70
    flat_places, flat_dates = _findings(flat, matcher, article.published)
    wrapped_places, wrapped_dates = _findings(wrapped, matcher, article.published)
    assert flat_places
    assert _f1(flat_places, wrapped_places) >= MIN_WRAPPED_F1
    assert _f1(flat_dates, wrapped_dates) >= MIN_WRAPPED_F1
