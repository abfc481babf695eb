"""``caucasus-map check``: every problem in data/ and geo/, each with its file and line or field."""

from __future__ import annotations

from pathlib import Path

from caucasus_map import settings
from caucasus_map.corpus import article_from_record, load_yaml_records, validate_article_records
from caucasus_map.errors import DataValidationError, Problem
from caucasus_map.events import parse_events
from caucasus_map.places import read_feature_collection, validate_features


def collect_problems(root: Path | None = None) -> list[Problem]:
    """All problems at once (validation collects, then reports): an empty list means all is well."""
    problems: list[Problem] = []
    articles = []
    path = settings.articles_path(root)
    try:
        records = load_yaml_records(path)
        article_problems = validate_article_records(
            records, path=path, corpus=settings.corpus_dir(root)
        )
        problems += article_problems
        bad = {p.where for p in article_problems}
        articles = [
            article_from_record(r)
            for i, r in enumerate(records)
            if not any(w.startswith(f"[{i}]") for w in bad)
        ]
    except DataValidationError as exc:
        problems += exc.problems

    place_ids: set[str] = set()
    places_path = settings.places_path(root)
    try:
        features = read_feature_collection(places_path).get("features") or []
        problems += validate_features(features, path=places_path)
        place_ids = {
            (f.get("properties") or {}).get("id") for f in features if isinstance(f, dict)
        } - {None}
    except DataValidationError as exc:
        problems += exc.problems

    events_path = settings.events_path(root)
    try:
        records = load_yaml_records(events_path)
        _, event_problems = parse_events(
            records,
            articles={a.id: a for a in articles},
            place_ids=place_ids,
            path=events_path,
            root=root,
        )
        problems += event_problems
    except DataValidationError as exc:
        problems += exc.problems
    return problems
