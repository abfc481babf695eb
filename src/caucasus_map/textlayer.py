"""The text layer: what every extractor reads, with offsets that stay exact in the raw file.

A raw article file is never changed. Extraction reads a *view* of it of exactly the same length,
so every offset found in the view is an offset into the raw text and every surface can be sliced
from the raw text verbatim. The view differs from the raw text only where a character is a
variant of a plainer one:

- hard wraps (lines broken at ~70 columns inside sentences, as in e-mailed wire copy) become
  spaces, so a paragraph is one line and names and dates can cross what was a line break;
- ``\\r`` becomes a space (CRLF files keep their ``\\n``);
- no-break and thin spaces become spaces, non-breaking and other hyphens become ``-``, curly
  quotes and apostrophes become straight ones.

On top of the view, :func:`read_layout` finds the parts of an article: the headline, the wire
dateline (``YEREVAN, Sept 21 (Reuters) -``, ``GORIS, SEPTEMBER 26, ARMENPRESS.``,
``Baku/18.09.23/Turan:``) and the body.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from caucasus_map.body import guess_body_span, is_chrome_label

# One character for one character, so offsets never move.
_VARIANT_MAP = {
    "\r": " ",
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u202f": " ",  # narrow no-break space
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\ufeff": " ",  # byte-order mark
    "\u200b": " ",  # zero-width space
}
_VARIANTS = str.maketrans(_VARIANT_MAP)
# Variants are sparse in a text: replacing each match is much faster than translating every
# character.
_VARIANT_RE = re.compile(f"[{''.join(_VARIANT_MAP)}]")

#: Text wrapped wider than this is not hard-wrapped copy but one line per paragraph.
MAX_WRAP_WIDTH = 100
#: A wrapper breaks a line when the next word would not fit; it may count a character or two
#: differently from us (a trailing space, a tab).
WRAP_SLACK = 2
#: Share of line breaks inside a block that must look like a wrapper's for the file to count as
#: hard-wrapped, and how many such breaks at least.
WRAPPED_SHARE = 0.6
MIN_WRAPPED_BREAKS = 3
#: The wrap width is this quantile of the lengths of non-empty lines (a few long lines — a URL, a
#: table row — do not make it).
WIDTH_QUANTILE = 0.9


def plain_view(text: str) -> str:
    """``text`` with variant characters made plain and hard wraps made spaces; same length."""
    view = _VARIANT_RE.sub(lambda m: _VARIANT_MAP[m.group()], text)
    return _unwrap(view)


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _first_word_length(line: str) -> int:
    words = line.split(None, 1)
    return len(words[0]) if words else 0


def wrap_width(text: str) -> int | None:
    """The column a hard-wrapped ``text`` was wrapped at, or None when it is not hard-wrapped."""
    lines = [text[s:e].rstrip() for s, e in _lines(text)]
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < MIN_WRAPPED_BREAKS + 1:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * WIDTH_QUANTILE))]
    if width > MAX_WRAP_WIDTH:
        return None
    breaks = wrapped = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if not line.strip() or not following.strip():
            continue
        breaks += 1
        wrapped += _is_wrap(line, following, width)
    if wrapped < MIN_WRAPPED_BREAKS or wrapped < WRAPPED_SHARE * breaks:
        return None
    return width


def _is_wrap(line: str, following: str, width: int) -> bool:
    """A wrapper broke here: the next line's first word would not have fit on this line."""
    return len(line.rstrip()) + 1 + _first_word_length(following) > width - WRAP_SLACK


def _unwrap(view: str) -> str:
    width = wrap_width(view)
    if width is None:
        return view
    chars = list(view)
    spans = _lines(view)
    for (s, e), (s2, e2) in zip(spans, spans[1:], strict=False):
        line, following = view[s:e], view[s2:e2]
        if line.strip() and following.strip() and _is_wrap(line, following, width):
            chars[e] = " "  # the "\n" after this line
    return "".join(chars)


# --- datelines -----------------------------------------------------------------------------------

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTHS = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES.split(), start=1)}
_MONTH_WORD = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"(?:\.(?![ \t]+[A-Z]))?"  # "Sept. 21", but "12 April. REPORT.AZ/" ends the date
)
_YEAR = r"(?:19|20)\d\d"
_DATELINE_DATE = (
    rf"(?:{_MONTH_WORD}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{_YEAR})?"  # Sept 21, 2023
    rf"|\d{{1,2}}\s{_MONTH_WORD}(?:,?\s{_YEAR})?"  # 21 September 2023
    r"|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))"  # 18.09.23
)
_PLACE_WORD = r"[A-Z][A-Za-z'\-.]*[A-Za-z]"
_DATELINE_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,2}})"
_AGENCY = r"[A-Z][A-Za-z&.\-]*(?:\s[A-Z][A-Za-z&.\-]*){0,3}"
# PLACE [(Country) | , Region] [, DATE] [(AGENCY) | , AGENCY] then a dash, colon, slash or stop.
#: Agencies whose name is written in mixed case after a stop ("Baku. 12 April. Trend."); names
#: in capitals (REPORT.AZ, ARMENPRESS, AZERTAC) need no list.
KNOWN_AGENCIES = frozenset({"Trend", "Turan", "Reuters", "Interfax", "Xinhua", "Anadolu"})
_REGION = rf"{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,2}}"
_AGENCY_WORD = r"[A-Z][A-Za-z]*(?:\.[A-Z]+)?|[A-Z]{2,}[A-Z.\-]*"  # Trend, REPORT.AZ, ARMENPRESS
_DATELINE = re.compile(
    rf"{_DATELINE_PLACE}"
    rf"(?:\s?\((?P<country>[A-Z][^()\n]{{1,30}})\)"
    rf"|,\s(?!{_MONTH_WORD}\s?\d)(?P<region>{_REGION})(?=[,.\s(]))?"
    rf"(?:\s?[,./]\s?(?P<date>{_DATELINE_DATE}))?"
    rf"(?:\s?\((?P<agency>{_AGENCY})\)|(?:\s?[,/]\s?|\s)(?P<agency2>{_AGENCY_WORD})"
    rf"|\.\s?(?P<agency3>[A-Z]{{2,}}[A-Z.\-]*|{'|'.join(sorted(KNOWN_AGENCIES))}))?"
    r"\s?(?P<end>[-–—]+|:|/|\.)?(?:[ \t]+|(?=\n)|\Z)"
)
#: Words that open a sentence with a date, never a dateline's place ("Last Tuesday, 19 …").
_NOT_DATELINE_OPENERS = frozenset(
    "Last Next On In By Since Until This That Early Late Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday".split()
)
#: A dateline stands at the very start of the body, before the first sentence's subject.
MAX_DATELINE_CHARS = 90


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where a wire story was filed, and when: ``GORIS, Sept 26 (Reuters) -``."""

    start: int  # the whole dateline, offsets into the raw text
    end: int
    place_start: int
    place_end: int
    date_start: int | None  # the date's own span, when the dateline has one
    date_end: int | None
    agency: str | None


def find_dateline(view: str, start: int) -> Dateline | None:
    """The dateline opening the paragraph at ``start`` in ``view``, if any.

    Accepted when it carries a date or an agency, or when the place is written in capitals and a
    dash follows (``BAKU, Azerbaijan —``): a sentence opening with a name and a comma
    ("Yerevan, however, …") has neither."""
    while start < len(view) and view[start] in " \t":
        start += 1
    match = _DATELINE.match(view, start, min(len(view), start + MAX_DATELINE_CHARS))
    if match is None:
        return None
    agency = match.group("agency") or match.group("agency2") or match.group("agency3")
    region = match.group("region") or ""
    if agency is None and region.isupper() and len(region) > 1:
        agency = region  # "TEHRAN, IRNA --": an agency's name in capitals, not a region
    has_date = match.group("date") is not None
    place = match.group("place")
    end_mark = match.group("end") or ""
    dash_or_colon = bool(end_mark) and end_mark[0] in "-–—:"
    shouting = place.isupper() and len(place) > 2
    if place.split()[0] in _NOT_DATELINE_OPENERS:
        return None  # "Last Tuesday, 19 September, Azerbaijan launched …"
    agency2 = match.group("agency2")
    if agency2 and not (has_date or agency2.isupper()):
        return None  # "Baku, Ganja and Barda …": a list of places, not a dateline
    if (
        agency2
        and not agency2.isupper()
        and match.group(0)[: match.start("agency2")].rstrip()[-1:] == "."
        and agency2 not in KNOWN_AGENCIES
    ):
        return None  # "Yevlakh, 21 September 2023. Azerbaijan said …": a sentence, not an agency
    capital_agency = (agency or "").isupper() and dash_or_colon
    if not (
        has_date
        or match.group("agency")
        or capital_agency
        or (shouting and dash_or_colon and end_mark[0] != ":")
    ):
        return None
    if not end_mark and not agency:
        return None
    if end_mark == "." and not (has_date or agency):
        return None
    date_span = match.span("date") if has_date else (None, None)
    return Dateline(
        match.start(),
        match.end(),
        match.start("place"),
        match.end("place"),
        date_span[0],
        date_span[1],
        agency,
    )


def dateline_day(surface: str, published: date | None) -> tuple[date, bool] | None:
    """The day a dateline's date names, and whether it carries its own year; None if it cannot be
    told (a day and month with no year and no publication day to place them)."""
    text = surface.strip()
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", text)
    try:
        if numeric:
            day, month, year = (int(g) for g in numeric.groups())
            year = year + 2000 if year < 100 else year
            return date(year, month, day), True
        words = re.findall(r"[A-Za-z]+|\d+", text)
        month = next(_MONTHS[w[:3].lower()] for w in words if w[:3].lower() in _MONTHS)
        numbers = [int(w) for w in words if w.isdigit()]
        day = next(n for n in numbers if n <= 31)
        years = [n for n in numbers if n > 31]
        if years:
            return date(years[0], month, day), True
    except (StopIteration, ValueError):
        return None
    if published is None or day > monthrange(published.year, month)[1]:
        return None
    # Filed on or a day or two before publication: the most recent such day.
    candidate = date(published.year, month, day)
    if candidate > published:
        try:
            candidate = date(published.year - 1, month, day)
        except ValueError:
            return None
    return candidate, False


# --- headline and body ---------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^\s*(?:(?:interview|text|story|report|reporting|photos?|words|written|posted)\s+)?"
    r"(?:by|from)\s+[A-Z]",
    re.IGNORECASE,
)
_HAS_DIGIT_RUN = re.compile(r"\d{1,4}[./:-]\d{1,2}")
#: How many short lines (a byline, a date line, a photo credit) may stand between a headline and
#: its body.
HEADLINE_LOOKBACK_LINES = 6
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 3, 25


def find_headline(view: str, body_start: int, title: str | None = None) -> tuple[int, int] | None:
    """The headline's span: where ``title`` stands (when the metadata gives one), else the nearest
    line above the body that reads as a headline (a few words, no closing full stop, not a date
    line or a byline)."""
    if title:
        found = _find_title(view, title, body_start)
        if found is not None:
            return found
        return None
    spans = [(s, e) for s, e in _lines(view[:body_start]) if view[s:e].strip()]
    for s, e in spans[::-1][:HEADLINE_LOOKBACK_LINES]:
        line = view[s:e].strip()
        if not _reads_as_headline(line):
            continue
        lead = len(view[s:e]) - len(view[s:e].lstrip())
        return s + lead, s + lead + len(line)
    return None


_CAPTION = re.compile(
    r"^(?:photo|image|video|credit|source|file photo)s?\s*(?::|by\b)", re.IGNORECASE
)
# "Region: Armenia, Azerbaijan", "Tags: Tavush, Ijevan": a label and a list of names.
_LABELLED_LIST = re.compile(r"^[A-Z][\w ]{0,20}:(?:[\s,;]+[A-Z0-9][^\s,;]*)+$")


def _reads_as_headline(line: str) -> bool:
    """A few words, no closing full stop, not a date line, a byline or a labelled list."""
    words = line.split()
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if line.endswith((".", ":", ",", ";")) or "|" in line or _BYLINE.match(line):
        return False
    if _HAS_DIGIT_RUN.search(line) and len(words) <= 6:
        return False  # "21 September 2023 14:05"
    if _LABELLED_LIST.match(line) or _CAPTION.match(line) or is_chrome_label(line):
        return False
    return sum(w[:1].isdigit() for w in words) <= len(words) / 3


def _find_title(view: str, title: str, body_start: int) -> tuple[int, int] | None:
    """Where ``title`` stands in ``view``, spaces and quote variants aside: above the body, or as
    the body's first line."""
    words = title.translate(_VARIANTS).split()
    if not words:
        return None
    first_line_end = view.find("\n", body_start)
    limit = len(view) if first_line_end < 0 else first_line_end
    best = None
    at = view.find(words[0], 0, limit)
    while at >= 0:  # the last place before the body's first line ends where every word follows
        end = _words_follow(view, at + len(words[0]), words[1:], limit)
        if end is not None:
            best = (at, end)
        at = view.find(words[0], at + 1, limit)
    return best


def _words_follow(view: str, position: int, words: list[str], limit: int) -> int | None:
    """Where ``words`` end if they follow ``position`` in ``view``, each after white space."""
    for word in words:
        skipped = position
        while skipped < limit and view[skipped].isspace():
            skipped += 1
        if skipped == position or not view.startswith(word, skipped):
            return None
        position = skipped + len(word)
    return position if position <= limit else None


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """An article's parts in a raw file: offsets into the raw text (and the view)."""

    view: str
    body: tuple[int, int]
    headline: tuple[int, int] | None
    dateline: Dateline | None

    def spans(self) -> list[tuple[int, int]]:
        """The stretches extraction reads, in order: the headline and a dateline standing above
        the body (unless inside it), then the body."""
        out = []
        if self.headline and not (self.body[0] <= self.headline[0] < self.body[1]):
            out.append(self.headline)
        dateline = self.dateline
        if dateline is not None and not (self.body[0] <= dateline.start < self.body[1]):
            out.append((dateline.start, dateline.end))
        out.append(self.body)
        return sorted(out)

    def in_headline(self, start: int) -> bool:
        return self.headline is not None and self.headline[0] <= start < self.headline[1]


def read_layout(
    text: str,
    *,
    body: tuple[int, int] | None = None,
    title: str | None = None,
    guess_headline: bool = True,
) -> ArticleLayout:
    """The view and the parts of the article in ``text``. ``body`` is the known body span (the
    corpus metadata's), else it is guessed; ``title`` is the known headline, else, with
    ``guess_headline``, it is looked for above the body (an article whose metadata says it has
    no title is read without one)."""
    view = plain_view(text)
    if body is None:
        body = guess_body_span(view)
    above = _dateline_above(view, body[0])
    headline_limit = above.start if above is not None else body[0]
    headline = find_headline(view, headline_limit, title) if title or guess_headline else None
    first = body[0]
    # A file may open with its title inside the body span: the dateline follows the title.
    if headline is not None and body[0] <= headline[0] < body[1]:
        first = _next_paragraph(view, headline[1], body[1])
    first = _skip_space(view, first, body[1])
    dateline = above or find_dateline(view, first)
    if dateline is None and guess_headline and headline is None:
        # A headline long enough to pass for prose opens the body; the dateline is below it.
        second = _skip_space(view, _next_paragraph(view, first, body[1]), body[1])
        dateline = find_dateline(view, second) if second < body[1] else None
        if dateline is not None:
            title_end = len(view[first:second].rstrip()) + first
            if _reads_as_headline(view[first:title_end].strip()):
                headline = (first, title_end)
            else:
                dateline = None
    return ArticleLayout(view, body, headline, dateline)


#: How many short lines above a body a dateline may be spread over ("BAKU, Azerbaijan, Oct. 11"
#: then "Trend:").
DATELINE_LINES = 2


def _dateline_above(view: str, body_start: int) -> Dateline | None:
    """A dateline standing on a line (or two) of its own right above the body: "Yevlakh,
    September 21, AZERTAC"."""
    lines = [(s, e) for s, e in _lines(view[:body_start]) if view[s:e].strip()]
    for count in range(1, DATELINE_LINES + 1):
        if len(lines) < count:
            break
        start, end = lines[-count][0], lines[-1][1]
        joined = view[:start] + view[start:end].replace("\n", " ") + view[end:]
        found = find_dateline(joined, start)
        if found is not None and joined[found.end : end].strip() == "":
            return found
    return None


def _next_paragraph(view: str, position: int, limit: int) -> int:
    newline = view.find("\n", position, limit)
    return newline + 1 if newline >= 0 else limit


def _skip_space(view: str, position: int, limit: int) -> int:
    while position < limit and view[position] in " \t\n":
        position += 1
    return position
