"""Scoring extraction against hand annotations made by ``tests/gold/GUIDE.md``.

Two sets: ``tests/gold/shipped/`` (the five shipped texts, re-annotated blind by the guide) and
``tests/gold/dev/`` (articles written for the purpose in other outlets' house styles, in
``tests/devset/``, annotated blind before extraction ever ran on them).

Matching is by overlap: a found mention matches a gold one when their spans overlap and they
name the same place (so "the Nagorno-Karabakh region" against "Nagorno-Karabakh" is a hit); a
found date matches when the spans overlap and the resolved first and last days agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from caucasus_map.corpus import Article
from caucasus_map.extract import ArticleExtraction, extract_article
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.textlayer import read_layout

TESTS = Path(__file__).parent
GOLD = TESTS / "gold"
SHIPPED_GOLD = sorted((GOLD / "shipped").glob("*.yaml"))
DEV_GOLD = sorted((GOLD / "dev").glob("*.yaml"))
DEVSET = TESTS / "devset"


def load_gold(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


@dataclass
class Tally:
    """Counts behind precision, recall and accuracy, summed over articles."""

    place_found: int = 0
    place_found_right: int = 0
    place_gold: int = 0
    place_gold_hit: int = 0
    place_gold_known: int = 0  # gold mentions of places the gazetteer has
    place_gold_known_hit: int = 0
    role_pairs: int = 0
    role_right: int = 0
    date_found: int = 0
    date_found_right: int = 0
    date_gold: int = 0
    date_gold_hit: int = 0
    speaker_gold: int = 0
    speaker_right: int = 0
    speaker_found: int = 0  # sentences given a named speaker
    speaker_found_right: int = 0  # … that a gold entry gives the same person
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def place_precision(self) -> float:
        return self._ratio(self.place_found_right, self.place_found)

    @property
    def place_recall(self) -> float:
        return self._ratio(self.place_gold_hit, self.place_gold)

    @property
    def place_recall_known(self) -> float:
        return self._ratio(self.place_gold_known_hit, self.place_gold_known)

    @property
    def role_accuracy(self) -> float:
        return self._ratio(self.role_right, self.role_pairs)

    @property
    def date_precision(self) -> float:
        return self._ratio(self.date_found_right, self.date_found)

    @property
    def date_recall(self) -> float:
        return self._ratio(self.date_gold_hit, self.date_gold)

    @property
    def speaker_accuracy(self) -> float:
        return self._ratio(self.speaker_right, self.speaker_gold)

    @property
    def speaker_precision(self) -> float:
        return self._ratio(self.speaker_found_right, self.speaker_found)

    def line(self, name: str) -> str:
        return (
            f"{name:38} places P={self.place_precision:.3f} R={self.place_recall:.3f} "
            f"(known {self.place_recall_known:.3f})  roles={self.role_accuracy:.3f}  "
            f"dates P={self.date_precision:.3f} R={self.date_recall:.3f}  "
            f"speakers={self.speaker_accuracy:.3f} (P={self.speaker_precision:.3f})"
        )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _same_person(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    g, f = gold.casefold().split(), found.casefold().split()
    return g == f or (len(f) < len(g) and g[-len(f) :] == f)


def dev_article(gold: dict[str, Any]) -> tuple[Article, str]:
    """A development article as a user would add it: the text, its outlet and date; the body
    and the headline are for extraction to find."""
    path = TESTS.parent / gold["source_file"]
    meta = yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8"))
    text = read_text(path)
    published = _as_date(meta["published"])
    layout = read_layout(text)
    # As `caucasus-map ingest` would store it: the body found, the headline above it as title.
    title = text[layout.headline[0] : layout.headline[1]] if layout.headline else None
    article = Article(
        id=gold["article_id"],
        source_file=gold["source_file"],
        sha256="",
        span=layout.body,
        title=title,
        outlet=meta.get("outlet"),
        outlet_country=None,
        kind=str(meta.get("kind") or "news"),
        published=published,
        published_precision="day",
        published_basis="stated",
    )
    return article, text


def score(gold: dict[str, Any], extraction: ArticleExtraction, text: str) -> Tally:
    """How ``extraction`` of one article compares with its ``gold`` annotation."""
    tally = Tally()
    name = gold["article_id"]
    gold_places = [
        ((p["start"], p["end"]), p.get("place_id"), p["role"], p["surface"])
        for p in gold.get("places") or []
    ]
    found_places = [((m.start, m.end), m.place_id, m.role) for m in extraction.mentions]
    tally.place_found = len(found_places)
    tally.place_gold = len(gold_places)
    matched_found: set[int] = set()
    for span, pid, role, surface in gold_places:
        known = pid is not None
        tally.place_gold_known += known
        hit = next(
            (
                i
                for i, (fspan, fpid, _) in enumerate(found_places)
                if i not in matched_found and fpid == pid and _overlaps(span, fspan)
            ),
            None,
        )
        if hit is None:
            tally.misses.append(f"{name}: place missed {surface!r} ({pid})")
            continue
        matched_found.add(hit)
        tally.place_gold_hit += 1
        tally.place_gold_known_hit += known
        tally.role_pairs += 1
        if found_places[hit][2] == role:
            tally.role_right += 1
        else:
            tally.misses.append(
                f"{name}: role of {surface!r} is {found_places[hit][2]}, gold {role}"
            )
    tally.place_found_right = len(matched_found)
    for i, (span, pid, _) in enumerate(found_places):
        if i not in matched_found:
            tally.misses.append(f"{name}: place extra {text[span[0] : span[1]]!r} ({pid})")

    gold_dates = [
        ((d["start"], d["end"]), _as_date(d["date_start"]), _as_date(d["date_end"]), d["surface"])
        for d in gold.get("dates") or []
    ]
    found_dates = [((d.start, d.end), d.date_start, d.date_end) for d in extraction.dates]
    tally.date_found = len(found_dates)
    tally.date_gold = len(gold_dates)
    matched_dates: set[int] = set()
    for span, lo, hi, surface in gold_dates:
        hit = next(
            (
                i
                for i, (fspan, flo, fhi) in enumerate(found_dates)
                if i not in matched_dates and (flo, fhi) == (lo, hi) and _overlaps(span, fspan)
            ),
            None,
        )
        if hit is None:
            near = [f for f in found_dates if _overlaps(span, f[0])]
            got = f" (found {near[0][1]}..{near[0][2]})" if near else ""
            tally.misses.append(f"{name}: date missed {surface!r} {lo}..{hi}{got}")
            continue
        matched_dates.add(hit)
    tally.date_gold_hit = tally.date_found_right = len(matched_dates)
    for i, (span, lo, hi) in enumerate(found_dates):
        if i not in matched_dates and not any(_overlaps(span, g[0]) for g in gold_dates):
            tally.misses.append(f"{name}: date extra {text[span[0] : span[1]]!r} {lo}..{hi}")

    sentences = extraction.sentences
    gold_people: dict[int, set[str | None]] = {}
    for entry in gold.get("speakers") or []:
        at = text.find(entry["anchor"])
        for index, sentence in enumerate(sentences):
            if sentence.start <= at < sentence.end:
                gold_people.setdefault(index, set()).add(entry.get("speaker"))
    for index, who in enumerate(extraction.speakers):
        if who is None:
            continue
        tally.speaker_found += 1
        if any(_same_person(g, who) for g in gold_people.get(index, ())):
            tally.speaker_found_right += 1
    for entry in gold.get("speakers") or []:
        at = text.find(entry["anchor"])
        if at < 0:
            continue
        tally.speaker_gold += 1
        who = next(
            (
                speaker
                for sentence, speaker in zip(sentences, extraction.speakers, strict=True)
                if sentence.start <= at < sentence.end
            ),
            None,
        )
        if _same_person(entry.get("speaker"), who):
            tally.speaker_right += 1
        else:
            tally.misses.append(
                f"{name}: speaker of {entry['anchor']!r} is {who!r}, gold {entry.get('speaker')!r}"
            )
    return tally


def evaluate(
    paths: Iterable[Path], matcher: PlaceMatcher, articles: dict[str, Article]
) -> tuple[Tally, list[str]]:
    """Total tally and one line per article for the gold files at ``paths``."""
    total = Tally()
    lines = []
    for path in paths:
        gold = load_gold(path)
        if gold["article_id"] in articles:
            article = articles[gold["article_id"]]
            text = read_text(TESTS.parent / "data" / "corpus" / article.source_file)
        else:
            article, text = dev_article(gold)
        tally = score(gold, extract_article(article, text, matcher), text)
        lines.append(tally.line(path.stem))
        total.add(tally)
    return total, lines
