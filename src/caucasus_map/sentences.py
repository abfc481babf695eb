"""Sentences of an article body, with offsets into the raw file text.

Paragraphs are lines; a sentence ends at . ! ? (and any closing quotes) followed by white space and
a capital, a digit or an opening quote — except after the abbreviations news copy uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "gen",
        "col",
        "lt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "mt",
    ]
)
# A candidate end of sentence: terminal punctuation, closing quotes/brackets, then white space.
# The next sentence may open with a quotation mark of either style, straight or curly, single
# or double ("'My barn is gone,' she said." in British-style copy).
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position within the article, from 0
    paragraph: int  # index of the paragraph (line) within the article
    start: int  # offsets into the raw file's text
    end: int
    text: str


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    # The run of word characters and dots right before ``dot`` (what ``[\w.]+$`` would find,
    # without a search from the start of the paragraph at every full stop).
    start = dot
    while start > 0 and (paragraph[start - 1].isalnum() or paragraph[start - 1] in "._"):
        start -= 1
    if start == dot:
        return False
    word = paragraph[start:dot].lower().rstrip(".")
    # Single letters ("D.C.", initials such as "J. Smith") never end a sentence.
    return word in _ABBREVIATIONS or len(word) == 1


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` with offsets into ``text``; blank space is trimmed."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    paragraph_index = 0
    position = start
    for line in text[start:end].split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        cursor = 0
        for match in _END.finditer(line):
            if match.group(0)[0] == "." and _is_abbreviation(line, match.start()):
                continue
            _append(sentences, text, paragraph_index, line_start + cursor, line_start + match.end())
            cursor = match.end()
        _append(sentences, text, paragraph_index, line_start + cursor, line_start + len(line))
        paragraph_index += 1
    return sentences


def _append(out: list[Sentence], text: str, paragraph: int, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(len(out), paragraph, start, end, text[start:end]))
