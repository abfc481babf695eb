"""Places the gazetteer lacks: capitalised names in a locative position ("in Goris", "near the
Hakari bridge", "to Kornidzor") that no alias matches, counted over the corpus so a curator can
add the frequent ones to ``geo/places_source.yaml``."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caucasus_map.lexicon import LOCATIVE_PREPOSITIONS, alternation
from caucasus_map.mentions import PlaceMatcher
from caucasus_map.textlayer import plain_view

_LOCATIVE = re.compile(
    rf"\b(?:{alternation(LOCATIVE_PREPOSITIONS | {'to', 'from'})}|"
    r"village of|town of|city of|region of|province of|district of)\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'\-]+)(?:\s+(?:[A-Z][\w’'\-]+|of|de|al|el))*)"
)
# Capitalised words that follow "in"/"to" without being places.
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That These Those "
    "His Her Its Their Our My Mr Mrs Ms Dr President Prime Minister Foreign Ministry Council "
    "European Union UN NATO EU US CSTO OSCE Security Collective United Nations Minsk Group Red "
    "Crescent Cross State Department Army Day God Islam Islamic Turkic Western West East "
    "International Court Criminal Statute Rome Republic Government Parliament He She It They "
    "We I According However Soviet".split()
)
# Demonyms and adjectives ("to Armenian borders", "the Armenians of Karabakh").
_DEMONYM = re.compile(r"(?:ian|ians|ish|ese|ani|anis|eli|elis|ean|eans|ans)$")


@dataclass(frozen=True)
class Candidate:
    name: str
    count: int
    articles: tuple[str, ...]
    example: str  # one sentence where it appears


def find_candidates(
    texts: Iterable[tuple[str, str, tuple[int, int]]], matcher: PlaceMatcher
) -> list[Candidate]:
    """Unknown place names in ``(article_id, text, span)`` bodies, most frequent first."""
    known = matcher.surface_forms
    counts: Counter[str] = Counter()
    seen_in: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, str] = {}
    for article_id, raw, (start, end) in texts:
        text = plain_view(raw)  # hard wraps undone, so "near\nGoris" is found
        body = text[start:end]
        mentioned = {(m.start - start, m.end - start) for m in matcher.find(text, start, end)}
        for match in _LOCATIVE.finditer(body):
            name = _trim(match.group(1))
            if not name or name in known or name.split()[0] in _NOT_PLACES:
                continue
            if _DEMONYM.search(name.split()[0]) or _in_headline(body, match.start(1)):
                continue
            if any(a <= match.start(1) < b for a, b in mentioned):
                continue  # part of a known place's name ("the Lachin corridor")
            counts[name] += 1
            seen_in[name].add(article_id)
            if name not in examples:
                examples[name] = _sentence_around(body, match.start(1))
    return [
        Candidate(name, n, tuple(sorted(seen_in[name])), examples[name])
        for name, n in counts.most_common()
    ]


def _in_headline(body: str, index: int) -> bool:
    """Title Case lines (headlines, teasers) capitalise every word: no locative evidence."""
    line_start = body.rfind("\n", 0, index) + 1
    line_end = body.find("\n", index)
    words = body[line_start : line_end if line_end >= 0 else len(body)].split()
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) / len(words) > 0.6


def _trim(name: str) -> str:
    words = name.split()
    while words and words[-1] in {"of", "de", "al", "el"}:
        words.pop()
    return " ".join(words).rstrip("’'")


def _sentence_around(body: str, index: int) -> str:
    start = max(body.rfind(". ", 0, index) + 2, body.rfind("\n", 0, index) + 1, 0)
    end_candidates = [i for i in (body.find(". ", index), body.find("\n", index)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(body)
    return body[start:end].strip()


def candidates_in_build(articles: Any, matcher: PlaceMatcher, corpus: Path) -> list[Candidate]:
    """Candidates over every article of a built dataset's ``articles`` table."""
    from caucasus_map.corpus import read_source_text

    return find_candidates(
        (
            (
                row.article_id,
                read_source_text(corpus / row.source_file),
                (row.span_start, row.span_end),
            )
            for row in articles.itertuples()
        ),
        matcher,
    )
