"""Where the project reads and writes, and the defaults every module falls back to.

Functions take ``root: Path | None = None`` and fall back to :func:`project_root`, which honours
the ``CAUCASUS_MAP_ROOT`` environment variable so that the CLI, the tests and the page can all be
pointed at another copy of ``data/`` and ``geo/``.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root: the folder holding ``pyproject.toml``, ``data/`` and ``geo/``.
PACKAGE_ROOT: Path = Path(__file__).resolve().parents[2]

#: Environment variable naming another root that holds ``data/`` and ``geo/``.
ROOT_ENV_VAR = "CAUCASUS_MAP_ROOT"

#: Largest article file accepted, in bytes.
MAX_ARTICLE_BYTES: int = 5 * 1024 * 1024


def project_root(root: Path | None = None) -> Path:
    """The folder whose ``data/`` and ``geo/`` are read: ``root``, else ``$CAUCASUS_MAP_ROOT``,
    else the repository this package was installed from."""
    if root is not None:
        return Path(root)
    env = os.environ.get(ROOT_ENV_VAR)
    return Path(env) if env else PACKAGE_ROOT


def data_dir(root: Path | None = None) -> Path:
    return project_root(root) / "data"


def corpus_dir(root: Path | None = None) -> Path:
    return data_dir(root) / "corpus"


def articles_path(root: Path | None = None) -> Path:
    return data_dir(root) / "articles.yaml"


def events_path(root: Path | None = None) -> Path:
    return data_dir(root) / "events.yaml"


def places_path(root: Path | None = None) -> Path:
    return project_root(root) / "geo" / "places.geojson"


def build_dir(root: Path | None = None) -> Path:
    return project_root(root) / "build"
