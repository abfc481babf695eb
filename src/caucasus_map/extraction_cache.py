"""The extraction cache: one payload per article, keyed by what the extraction depends on.

A key (see :func:`caucasus_map.parallel.article_key`) hashes the article's metadata record — so
its raw file's sha256 and its span —, the gazetteer's names and the extraction code. When one
article is added, the build finds every other key here, extracts that article alone and only
re-joins the tables.

The cache is one SQLite file under ``build/cache/``: a single file however many articles, safe
for two builds at once, and disposable — a damaged file is replaced by an empty one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

_SCHEMA = "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, payload BLOB NOT NULL)"
_BATCH = 500  # keys per query, well below SQLite's limit on parameters


class ExtractionCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=120, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(_SCHEMA)
        db.execute("SELECT count(*) FROM extraction LIMIT 1").fetchone()  # fails if damaged
        return db

    def known(self, keys: Iterable[str]) -> set[str]:
        """The keys among ``keys`` that have a stored payload."""
        found: set[str] = set()
        batch: list[str] = []
        for key in keys:
            batch.append(key)
            if len(batch) >= _BATCH:
                found |= self._known(batch)
                batch = []
        if batch:
            found |= self._known(batch)
        return found

    def _known(self, batch: list[str]) -> set[str]:
        marks = ",".join("?" * len(batch))
        rows = self._db.execute(f"SELECT key FROM extraction WHERE key IN ({marks})", batch)
        return {key for (key,) in rows}

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO extraction (key, payload) VALUES (?, ?)", list(items)
            )

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for i in range(0, len(keys), _BATCH):
            batch = keys[i : i + _BATCH]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"SELECT key, payload FROM extraction WHERE key IN ({marks})", batch
            )
            out.update(rows)
        return out

    def retain(self, keys: Iterable[str]) -> int:
        """Forget every payload whose key is not in ``keys`` (articles removed or changed);
        returns how many were dropped."""
        with self._transaction():
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))
            cursor = self._db.execute(
                "DELETE FROM extraction WHERE key NOT IN (SELECT key FROM keep)"
            )
            self._db.execute("DELETE FROM keep")
        return cursor.rowcount

    def __len__(self) -> int:
        return self._db.execute("SELECT count(*) FROM extraction").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")
