"""Telling an article's body from the site chrome around it (menus, tag lists, teasers of other
articles, comment forms, share widgets) in a file nobody has annotated yet.

The corpus's own articles carry hand-checked spans in ``data/articles.yaml``; this heuristic is for
files users bring, where no span is known. A body is the longest run of prose lines (long lines that
read as sentences), cut at the first line that opens a comment form or a list of other stories.
"""

from __future__ import annotations

import re

from caucasus_map.lexicon import (
    CHROME_ANYWHERE,
    CHROME_LINE_STARTS,
    WIRE_CREDITS,
    alternation,
)

# Lines that end an article on any site (comment forms, tags, teasers, share widgets): a chrome
# word alone on a short line, or opening it and followed by a colon or nothing.
_CHROME_STARTS = re.compile(
    rf"^\s*(?:{alternation(CHROME_LINE_STARTS)})\s*(?::.*|[!?.]?)\s*$|^\s*(?:{alternation(CHROME_LINE_STARTS)})\b(?=.{{0,60}}$)",
    re.IGNORECASE,
)
_CHROME_LABEL = re.compile(
    rf"^\s*(?:{alternation(CHROME_LINE_STARTS)})\s*(?::.*|[!?.]?)\s*$", re.IGNORECASE
)
# Widgets that can sit anywhere on a short line ("Views: 1203", "© 2023 …").
_CHROME_ANYWHERE = re.compile(alternation(CHROME_ANYWHERE), re.IGNORECASE)
# The credits that close a wire story: "(Reporting by …; Editing by …)", "AP writer X in Yerevan
# contributed to this report."
_WIRE_CREDIT = re.compile(alternation(WIRE_CREDITS), re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")


#: A paragraph this long is prose even without a closing full stop (a truncated last one).
LONG_PARAGRAPH_WORDS = 30


def _is_prose(line: str) -> bool:
    """A paragraph of running text: enough words, mostly lower case, and a sentence's end.
    Headlines, teaser titles, menus and bylines end without one."""
    words = line.split()
    if len(words) < 6:
        return False
    # Headlines and teaser titles are Title Case; prose is mostly lower case.
    capitalised = sum(w[:1].isupper() for w in words) / len(words)
    if capitalised > 0.6:
        return False
    return len(words) >= LONG_PARAGRAPH_WORDS or bool(_SENTENCE_END.search(line))


def is_chrome_line(line: str) -> bool:
    """A line of page furniture: a comment form, tags, a "related" list, share buttons, a
    copyright, wire credits. A short paragraph of prose that happens to open with such a word
    ("Related talks are due in October.") is not."""
    if _WIRE_CREDIT.search(line):
        return True
    if _is_prose(line):
        return False
    return bool(
        _CHROME_STARTS.match(line) or (len(line.split()) < 12 and _CHROME_ANYWHERE.search(line))
    )


def is_chrome_label(line: str) -> bool:
    """A line that is nothing but page furniture ("Related", "Tags: …", "Share on Facebook"),
    as opposed to a headline that opens with such a word ("Related talks stall in Brussels")."""
    if _CHROME_LABEL.match(line):
        return True
    return len(line.split()) < 12 and bool(_CHROME_ANYWHERE.search(line))


def guess_body_span(text: str) -> tuple[int, int]:
    """[start, end) of the most likely article body in ``text``; the whole text when unsure.

    Titles are left out on purpose: a headline above the body cannot be told from a teaser of
    another story, and chrome must never become an excerpt."""
    lines: list[tuple[int, int, str]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line), line))
        position += len(line) + 1
    best: tuple[int, int, int] | None = None  # (prose characters, first line, last line)
    run_start: int | None = None
    run_chars = 0
    gap = 0
    last_prose = -1
    for i, (start, end, line) in enumerate(lines):
        is_chrome = is_chrome_line(line)
        if is_chrome and run_start is not None:
            best = _better(best, (run_chars, run_start, last_prose))
            run_start, run_chars, gap = None, 0, 0
            continue
        if _is_prose(line):
            if run_start is None:
                run_start = i
            run_chars += end - start
            last_prose, gap = i, 0
        elif line.strip() and run_start is not None:
            gap += 1
            if gap > 3:  # a block of short lines (a menu, a teaser list) ends the run
                best = _better(best, (run_chars, run_start, last_prose))
                run_start, run_chars, gap = None, 0, 0
    if run_start is not None:
        best = _better(best, (run_chars, run_start, last_prose))
    if best is None:
        return 0, len(text)
    _, first, last = best
    return lines[first][0], lines[last][1]


def _better(
    best: tuple[int, int, int] | None, candidate: tuple[int, int, int]
) -> tuple[int, int, int]:
    return candidate if best is None or candidate[0] > best[0] else best
