"""The articles: raw files kept byte for byte, and the metadata that says where each body lies.

A raw file can hold more than one article, so an :class:`Article` is a *span* of a file. Offsets are
Python string indices into the file decoded as UTF-8 with newlines untouched, so they stay valid for
as long as the bytes do (the sha256 pins them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from caucasus_map import settings
from caucasus_map.errors import DataValidationError, Problem

ArticleKind = Literal["interview", "analysis", "news"]
Precision = Literal["day", "month", "year"]
ARTICLE_KINDS: tuple[str, ...] = ("interview", "analysis", "news")
PUBLISHED_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
PUBLISHED_BASES: tuple[str, ...] = ("stated", "inferred")


@dataclass(frozen=True)
class Speaker:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class Article:
    """One logical article: metadata plus the span of its body inside ``source_file``."""

    id: str
    source_file: str
    sha256: str
    span: tuple[int, int]
    title: str | None
    outlet: str | None
    outlet_country: str | None
    kind: str
    published: date | None
    published_precision: str | None
    published_basis: str | None
    published_evidence: str | None = None
    speakers: tuple[Speaker, ...] = ()
    url: str | None = None
    title_basis: str | None = None
    notes: str | None = None
    span_starts_with: str | None = None
    span_ends_with: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def outlet_label(self) -> str:
        """The outlet for display; an unidentified outlet says so rather than staying blank."""
        return self.outlet or "Unidentified outlet"


def read_source_text(path: Path) -> str:
    """The text every offset refers to: UTF-8, newlines kept as they are in the file."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@lru_cache(maxsize=256)
def _cached_text(path: str, mtime_ns: int, size: int) -> str:
    return read_source_text(Path(path))


def article_text(article: Article, root: Path | None = None) -> str:
    """The whole text of the article's source file (cached while the file is unchanged)."""
    path = settings.corpus_dir(root) / article.source_file
    stat = path.stat()
    return _cached_text(str(path), stat.st_mtime_ns, stat.st_size)


def article_body(article: Article, root: Path | None = None) -> str:
    start, end = article.span
    return article_text(article, root)[start:end]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _speakers(raw: Any) -> tuple[Speaker, ...]:
    return tuple(
        Speaker(name=str(s["name"]), aliases=tuple(s.get("aliases") or ()), role=s.get("role"))
        for s in raw or ()
    )


def article_from_record(record: dict[str, Any]) -> Article:
    """Build an :class:`Article` from one ``articles.yaml`` record (already validated)."""
    known = {f for f in Article.__dataclass_fields__ if f != "extra"}
    span = record["span"]
    return Article(
        id=str(record["id"]),
        source_file=str(record["source_file"]),
        sha256=str(record["sha256"]),
        span=(int(span[0]), int(span[1])),
        title=record.get("title"),
        outlet=record.get("outlet"),
        outlet_country=record.get("outlet_country"),
        kind=str(record["kind"]),
        published=_as_date(record.get("published")),
        published_precision=record.get("published_precision"),
        published_basis=record.get("published_basis"),
        published_evidence=record.get("published_evidence"),
        speakers=_speakers(record.get("speakers")),
        url=record.get("url"),
        title_basis=record.get("title_basis"),
        notes=record.get("notes"),
        span_starts_with=record.get("span_starts_with"),
        span_ends_with=record.get("span_ends_with"),
        extra={k: v for k, v in record.items() if k not in known},
    )


# libyaml's safe loader when PyYAML was built with it: the same documents, ten times faster
# (articles.yaml of a large corpus holds a record per article).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_records(path: Path) -> list[dict[str, Any]]:
    """A YAML file holding a list of mappings; errors name the file and line."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_YAML_LOADER)
    except FileNotFoundError:
        raise DataValidationError([Problem(str(path), "", "file not found")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        msg = f"not valid YAML ({problem}); fix the syntax and run `caucasus-map check` again"
        raise DataValidationError([Problem(str(path), where, msg)]) from None
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        msg = "must be a YAML list of mappings (one `- id: …` entry per record)"
        raise DataValidationError([Problem(str(path), "", msg)])
    return data


REQUIRED_ARTICLE_FIELDS = ("id", "source_file", "sha256", "span", "kind")


def validate_article_records(
    records: list[dict[str, Any]], *, path: Path, corpus: Path
) -> list[Problem]:
    """Every problem with the article metadata and the raw files it points at."""
    problems: list[Problem] = []
    seen: set[str] = set()
    where_file = str(path)
    for i, rec in enumerate(records):
        where = f"[{i}] ({rec.get('id', '?')})"

        def add(msg: str, where: str = where) -> None:
            problems.append(Problem(where_file, where, msg))

        missing = [f for f in REQUIRED_ARTICLE_FIELDS if rec.get(f) in (None, "")]
        if missing:
            add(f"missing field(s) {', '.join(missing)}")
            continue
        if rec["id"] in seen:
            add(f"duplicate article id {rec['id']!r}; ids must be unique")
        seen.add(rec["id"])
        if rec["kind"] not in ARTICLE_KINDS:
            add(f"kind {rec['kind']!r} is not one of {', '.join(ARTICLE_KINDS)}")
        published = rec.get("published")
        if published is not None:
            try:
                _as_date(published)
            except ValueError:
                add(f"published {published!r} is not a date (YYYY-MM-DD)")
            if rec.get("published_precision") not in PUBLISHED_PRECISIONS:
                add(f"published_precision must be one of {', '.join(PUBLISHED_PRECISIONS)}")
            if rec.get("published_basis") not in PUBLISHED_BASES:
                add(f"published_basis must be one of {', '.join(PUBLISHED_BASES)}")
            if not rec.get("published_evidence"):
                add("published_evidence is empty: say where the date comes from")
        if Path(str(rec["source_file"])).name != str(rec["source_file"]):
            add("source_file must be a file name inside data/corpus/, not a path")
            continue
        source = corpus / str(rec["source_file"])
        if not source.is_file():
            add(f"source file {source} not found")
            continue
        if sha256_of(source) != rec["sha256"]:
            add(
                f"sha256 of {rec['source_file']} does not match: the raw file changed; restore it "
                "(raw files are never edited) or record the new hash and re-check every span"
            )
            continue
        span = rec["span"]
        text = read_source_text(source)
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(x, int) for x in span)
            and 0 <= span[0] < span[1] <= len(text)
        ):
            add(f"span {span!r} must be [start, end] with 0 <= start < end <= {len(text)}")
            continue
        body = text[span[0] : span[1]]
        if rec.get("span_starts_with") and not body.startswith(rec["span_starts_with"]):
            add(f"span does not start with {rec['span_starts_with']!r}")
        if rec.get("span_ends_with") and not body.endswith(rec["span_ends_with"]):
            add(f"span does not end with {rec['span_ends_with']!r}")
    return problems


def load_articles(root: Path | None = None, *, validate: bool = True) -> list[Article]:
    """Every article in ``data/articles.yaml``; raises :class:`DataValidationError` listing every
    problem when ``validate`` and anything is wrong."""
    path = settings.articles_path(root)
    records = load_yaml_records(path)
    if validate:
        problems = validate_article_records(records, path=path, corpus=settings.corpus_dir(root))
        if problems:
            raise DataValidationError(problems)
    return [article_from_record(r) for r in records]


def articles_for_file(articles: list[Article], source_file: str) -> list[Article]:
    return sorted((a for a in articles if a.source_file == source_file), key=lambda a: a.span)
