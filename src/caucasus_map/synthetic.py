"""A deterministic synthetic corpus for the benchmark: N articles written for the purpose.

Every sentence is assembled here from three ingredients — the gazetteer's names, date phrases
and neutral filler — so the benchmark exercises every extractor (locations and governments,
absolute and relative dates, durations that are not dates, speakers and interview labels)
without copying a line of the real corpus. Outlets and people are invented.

Article ``i`` depends only on the seed and ``i``, so the corpus of 1,000 articles is the first
thousand of the corpus of 100,000, and generating is streamed: one file at a time, one metadata
record appended at a time, constant memory whatever N.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from caucasus_map import settings
from caucasus_map.places import Place, load_places

DEFAULT_SEED = 1994

# Invented outlets (name, country) and people: none of them exists.
OUTLETS = (
    ("Synthetic Wire", None),
    ("Bench Courier", "Armenia"),
    ("Sample Gazette", "Azerbaijan"),
    ("Model Review", "Iran"),
    ("Trial Dispatch", "Russia"),
    ("Example Post", "Georgia"),
    ("Fixture Daily", "Turkey"),
)
FIRST_NAMES = (
    "Anna Tigran Leyla Farid Marta Samir Nina Rustam Elena Karen Aysel David Irina Orhan Lilit "
    "Kamran Sofia Vahe Zara Emil"
).split()
LAST_NAMES = (
    "Halvorsen Marsh Demirel Keller Sarkisova Novak Quinlan Basaran Ivers Lundqvist Okafor "
    "Varela Petrov-Lind Aslanova Brandt Castell Eskander Holm Moreau Talbot"
).split()

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

# Neutral sentences: no place, no date (durations and counts on purpose: they are not dates).
FILLER = (
    "The figures could not be independently verified.",
    "Prices of basic goods rose sharply during the period, traders said.",
    "More than 2,000 people attended the meeting, which lasted for 6 hours.",
    "The committee may publish its findings after further consultations.",
    "Negotiators met behind closed doors and no statement followed.",
    "Local media carried the full text of the declaration.",
    "The report runs to 44 pages and includes several annexes.",
    "Engineers estimate that the repairs will take 8 months to complete.",
    "Humanitarian agencies called for unhindered access for aid workers.",
    "The ministry did not respond to a request for comment.",
    "Analysts expect the negotiations to resume after the holidays.",
    "A spokesperson described the talks as constructive and detailed.",
    "The new timetable foresees two buses a day in each direction.",
    "Farmers complained that the water supply had become irregular.",
    "Journalists were not allowed to enter the area without an escort.",
    "The proposal includes customs posts, insurance rules and tariffs.",
    "Some 300 households are still waiting for compensation.",
    "Observers noted a sharp fall in the number of incidents.",
    "The opposition criticised the draft as vague and incomplete.",
    "Schools reopened with reduced hours and a shortened curriculum.",
)

# {p}, {q}: a place named as a location; {d}: a date phrase, possibly empty; {s}: a person.
LOCATION = (
    "Officials said traffic through {p} resumed {d}.",
    "Residents of {p} reported shortages of fuel and bread {d}.",
    "A convoy of aid trucks reached {p} {d}, the agency said.",
    "Engineers began repairing the road near {p} {d}.",
    "In {p}, a new school and a clinic opened {d}.",
    "Talks on the future of {p} and {q} continued {d}.",
    "Monitors travelled to {p} to assess the situation {d}.",
    "Several families returned to their homes in {p} {d}.",
    "Power was restored in parts of {p} {d} after a long outage.",
    "A delegation visited {p} {d} and met local officials.",
    "Checkpoints around {p} were reinforced {d}.",
    "The border with {p} was closed for 12 days {d}.",
)
SPEAKER_LOCATION = (
    "{s} said the situation in {p} had improved {d}.",
    "“We expect the crossing at {p} to stay open,” {s} said.",
    "{s} pointed out that the people of {p} needed guarantees {d}.",
    "According to {s}, the road to {p} was blocked {d}.",
)
ACTOR = (
    "{a} denied the reports {d}.",
    "{a} welcomed the statement and called for restraint.",
    "{a} and {b} exchanged proposals {d}.",
    "{a}’s foreign ministry issued a statement {d}.",
    "{a} said it was ready to continue the dialogue.",
)
TITLES = (
    "Update on {p}",
    "What next for {p}?",
    "Residents of {p} wait for news",
    "Talks on {p} resume",
    "A report from {p}",
)
CHROME_TAGS = ("Politics", "Region", "Economy", "Security", "Society", "Transport")


@dataclass(frozen=True)
class Vocabulary:
    """What sentences are made of: the gazetteer's names, split by how they can be used."""

    locations: tuple[tuple[str, str], ...]  # (place id, alias) of every place
    actors: tuple[str, ...]  # names of countries and seats of government

    @classmethod
    def from_places(cls, places: list[Place]) -> Vocabulary:
        locations = []
        actors = []
        for place in places:
            names = sorted({a for a in (place.name, *place.aliases) if "(" not in a})
            locations += [(place.id, a) for a in names]
            if place.can_stand_for_government:
                actors += [a for a in names if a[:1].isupper() and " " not in a]
        return cls(tuple(locations), tuple(sorted(set(actors))))


@dataclass(frozen=True)
class SyntheticArticle:
    index: int
    article_id: str
    source_file: str
    text: str
    span: tuple[int, int]
    record: dict


def _date_phrase(rng: random.Random, published: date) -> str:
    """A date expression (or nothing) of the kinds the corpus uses, relative to ``published``."""
    roll = rng.random()
    if roll < 0.40:
        return ""
    back = published - timedelta(days=rng.randrange(1, 900))
    kind = rng.randrange(12)
    if kind == 0:
        return f"on {back.day} {_MONTHS[back.month - 1]} {back.year}"
    if kind == 1:
        return f"in {_MONTHS[back.month - 1]} {back.year}"
    if kind == 2:
        return f"on {_MONTHS[back.month - 1]} {back.day}"
    if kind == 3:
        return rng.choice(("yesterday", "today", "last night", "this morning"))
    if kind == 4:
        return f"on {rng.choice(_WEEKDAYS)}"
    if kind == 5:
        return rng.choice(("last week", "last month", "last year", "this year"))
    if kind == 6:
        return f"since {rng.choice(_MONTHS[:4] + _MONTHS[5:])} last year"
    if kind == 7:
        return f"in {rng.choice(('early', 'mid', 'late'))} {back.year}"
    if kind == 8:
        return f"at the end of {back.year}"
    if kind == 9:
        return f"between {back.year - 2} and {back.year}"
    if kind == 10:
        return f"{rng.choice(('two', 'three', 'five'))} days ago"
    return f"on {back:%d}.{back:%m}.{back.year}"


def _sentence(
    rng: random.Random, vocab: Vocabulary, published: date, speakers: list[str]
) -> tuple[str, str | None]:
    """One sentence, and the id of the place it puts on the map (None for filler/actors)."""
    roll = rng.random()
    if roll < 0.40:
        return rng.choice(FILLER), None
    if roll < 0.52:
        a, b = rng.sample(vocab.actors, 2)
        return _tidy(rng.choice(ACTOR).format(a=a, b=b, d=_date_phrase(rng, published))), None
    pid, alias = rng.choice(vocab.locations)
    _, other = rng.choice(vocab.locations)
    d = _date_phrase(rng, published)
    if speakers and roll < 0.70:
        template = rng.choice(SPEAKER_LOCATION)
        return _tidy(template.format(p=alias, d=d, s=rng.choice(speakers))), pid
    return _tidy(rng.choice(LOCATION).format(p=alias, q=other, d=d)), pid


def _tidy(sentence: str) -> str:
    return sentence.replace(" .", ".").replace(" ,", ",").replace("  ", " ")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def make_article(index: int, vocab: Vocabulary, *, seed: int = DEFAULT_SEED) -> SyntheticArticle:
    """Article ``index`` of the synthetic corpus: a raw file with chrome around a body, and its
    metadata record (as ``articles.yaml`` holds it)."""
    rng = random.Random(f"caucasus-map-bench:{seed}:{index}")
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    outlet, country = OUTLETS[rng.randrange(len(OUTLETS))]
    kind = rng.choices(("news", "analysis", "interview"), weights=(6, 3, 2))[0]
    people = [_person(rng) for _ in range(rng.randrange(1, 3))]
    speakers = [{"name": p, "aliases": [p.split()[-1]]} for p in people]
    surnames = [p.split()[-1] for p in people]
    paragraphs: list[str] = []
    first_place = None
    for _ in range(rng.randrange(16, 26)):
        sentences = []
        for _ in range(rng.randrange(2, 5)):
            sentence, pid = _sentence(rng, vocab, published, people + surnames)
            first_place = first_place or (pid and (pid, sentence))
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        if kind == "interview" and rng.random() < 0.3:
            paragraph = f"{rng.choice(surnames)}: {paragraph}"
        paragraphs.append(paragraph)
    _, title_alias = rng.choice(vocab.locations)
    title = rng.choice(TITLES).format(p=title_alias)
    head = (
        f"{outlet} | {rng.choice(CHROME_TAGS)} | Region\n\n{title}\n\n"
        f"{published.day} {_MONTHS[published.month - 1]} {published.year}\n\n"
    )
    body = "\n\n".join(paragraphs)
    tail = f"\n\nTags: {', '.join(rng.sample(CHROME_TAGS, 3))}\nShare this article\n"
    text = head + body + tail
    article_id = f"bench_{index:07d}"
    source_file = f"{article_id}.txt"
    record = {
        "id": article_id,
        "source_file": source_file,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "span": [len(head), len(head) + len(body)],
        "title": title,
        "title_basis": "stated",
        "outlet": outlet,
        "outlet_country": country,
        "kind": kind,
        "speakers": speakers,
        "published": published.isoformat(),
        "published_precision": "day",
        "published_basis": "stated",
        "published_evidence": "Synthetic: the date line under the title.",
        "url": None,
        "notes": "Synthetic benchmark article (caucasus-map bench); not a real source.",
    }
    if first_place:
        record["_first_place"] = first_place  # for curated events; not written to the YAML
    return SyntheticArticle(
        index, article_id, source_file, text, (len(head), len(head) + len(body)), record
    )


def _yaml_record(record: dict) -> str:
    """One ``articles.yaml`` entry. JSON scalars are valid YAML, and much faster to emit."""
    lines = []
    for i, (key, value) in enumerate(record.items()):
        if key.startswith("_"):
            continue
        prefix = "- " if i == 0 else "  "
        if key == "span":
            lines.append(f"{prefix}{key}: [{value[0]}, {value[1]}]")
        elif key == "speakers":
            lines.append(f"{prefix}{key}:")
            for s in value:
                aliases = ", ".join(json.dumps(a, ensure_ascii=False) for a in s["aliases"])
                lines.append(f"    - name: {json.dumps(s['name'], ensure_ascii=False)}")
                lines.append(f"      aliases: [{aliases}]")
        elif value is None:
            lines.append(f"{prefix}{key}: null")
        else:
            lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SyntheticCorpus:
    root: Path
    articles: int
    seed: int
    raw_bytes: int  # bytes of every raw file
    body_bytes: int  # UTF-8 bytes of the article bodies (what extraction reads)


EVENT_EVERY = 500
_EVENT_TYPES = ("military", "blockade", "humanitarian", "diplomacy", "political", "statement")


def iter_articles(
    n: int, vocab: Vocabulary, *, seed: int = DEFAULT_SEED
) -> Iterator[SyntheticArticle]:
    for i in range(n):
        yield make_article(i, vocab, seed=seed)


def generate(
    root: Path,
    n: int,
    *,
    seed: int = DEFAULT_SEED,
    places_path: Path | None = None,
    reuse: bool = True,
) -> SyntheticCorpus:
    """Write a project with ``n`` synthetic articles under ``root`` (data/, geo/).

    The gazetteer is copied from ``places_path`` (the project's by default). With ``reuse``, a
    root already holding the same corpus (same n, seed, generator and gazetteer) is kept as it
    is, so a benchmark can be rerun without writing 100,000 files again.
    """
    places_path = places_path or settings.places_path()
    gazetteer = places_path.read_bytes()
    stamp = {
        "articles": n,
        "seed": seed,
        "generator": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "gazetteer": hashlib.sha256(gazetteer).hexdigest(),
    }
    stamp_path = root / "synthetic.json"
    if reuse and stamp_path.is_file():
        stored = json.loads(stamp_path.read_text(encoding="utf-8"))
        if {k: stored.get(k) for k in stamp} == stamp:
            return SyntheticCorpus(root, n, seed, stored["raw_bytes"], stored["body_bytes"])
    for sub in ("data", "geo", "build"):
        shutil.rmtree(root / sub, ignore_errors=True)
    stamp_path.unlink(missing_ok=True)
    corpus = root / "data" / "corpus"
    corpus.mkdir(parents=True)
    (root / "geo").mkdir()
    (root / "geo" / "places.geojson").write_bytes(gazetteer)
    vocab = Vocabulary.from_places(load_places(places_path, validate=False))
    raw_bytes = body_bytes = 0
    with (
        open(root / "data" / "articles.yaml", "w", encoding="utf-8") as meta,
        open(root / "data" / "events.yaml", "w", encoding="utf-8") as events,
    ):
        meta.write("# Synthetic benchmark corpus (caucasus-map bench): invented text.\n")
        events.write("# Synthetic curated events of the benchmark corpus.\n[]\n" if n == 0 else "")
        wrote_event = False
        for article in iter_articles(n, vocab, seed=seed):
            data = article.text.encode("utf-8")
            (corpus / article.source_file).write_bytes(data)
            raw_bytes += len(data)
            start, end = article.span
            body_bytes += len(article.text[start:end].encode("utf-8"))
            meta.write(_yaml_record(article.record))
            first = article.record.get("_first_place")
            if article.index % EVENT_EVERY == 0 and first:
                events.write(_event_yaml(article, *first))
                wrote_event = True
        if n and not wrote_event:
            events.write("[]\n")
    stamp |= {"raw_bytes": raw_bytes, "body_bytes": body_bytes}
    stamp_path.write_text(json.dumps(stamp, indent=2), encoding="utf-8")
    return SyntheticCorpus(root, n, seed, raw_bytes, body_bytes)


def _event_yaml(article: SyntheticArticle, place_id: str, sentence: str) -> str:
    published = article.record["published"]
    kind = _EVENT_TYPES[(article.index // EVENT_EVERY) % len(_EVENT_TYPES)]
    record = {
        "id": f"bench_event_{article.index:07d}",
        "date_start": published,
        "date_end": published,
        "precision": "day",
        "basis": "stated",
        "places": [place_id],
        "type": kind,
        "summary": f"Synthetic event of the benchmark, quoting {article.article_id}.",
    }
    lines = [f"- id: {record['id']}"]
    lines += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in list(record.items())[1:]]
    lines.append("  quotes:")
    lines.append(f"  - article: {article.article_id}")
    lines.append(f"    text: {json.dumps(sentence, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"
