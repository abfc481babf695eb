"""Shared fixtures: the real shipped data, and throwaway copies of it to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from caucasus_map import settings
from caucasus_map.corpus import Article, article_text, load_articles
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.places import Place, load_places

ROOT = settings.PACKAGE_ROOT


@pytest.fixture(scope="session")
def articles() -> dict[str, Article]:
    return {a.id: a for a in load_articles(ROOT)}


@pytest.fixture(scope="session")
def places() -> list[Place]:
    return load_places(settings.places_path(ROOT))


@pytest.fixture(scope="session")
def matcher(places: list[Place]) -> PlaceMatcher:
    return PlaceMatcher(places)


@pytest.fixture
def text_of():
    def read(article: Article) -> str:
        return article_text(article, ROOT)

    return read


@pytest.fixture
def project_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/ and geo/ that a test may damage; CAUCASUS_MAP_ROOT points at it."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    (root / "geo").mkdir(parents=True)
    shutil.copyfile(ROOT / "geo" / "places.geojson", root / "geo" / "places.geojson")
    monkeypatch.setenv(settings.ROOT_ENV_VAR, str(root))
    return root
