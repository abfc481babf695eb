"""Who says a sentence: "Kazemi pointed out: …", "Heshmati: …", "“…,” Pashinyan said", "He added".

Attribution works per paragraph. A speaker named in a paragraph of an interview keeps the floor to
the end of that paragraph (reported speech runs on), and pronouns or descriptions ("he continued",
"the analyst said") point back at the last speaker, or at the interviewee.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from caucasus_map.corpus import Speaker
from caucasus_map.lexicon import (
    NATIONALITY_WORDS,
    NOT_PERSON_WORDS,
    OFFICES,
    PEOPLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from caucasus_map.sentences import Sentence

_SPEECH_VERBS = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_LABEL = re.compile(r"^([A-Z][\w’'\-.]*(?: [A-Z][\w’'\-.]*){0,2}):\s")
_VERB_COLON = re.compile(rf"\b(?:{_SPEECH_VERBS})(?: [a-z]+){{0,2}}:\s")
# (?<!\w) rather than \b before the verb: the same here, and a faster scan.
_SPEECH = re.compile(rf"(?<!\w)(?:{_SPEECH_VERBS})\b")
_PRONOUN = re.compile(r"\b(?:He|She|he|she|him|her)\b")
_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:[Ee]xpert|[Aa]nalyst|[Rr]esearcher|[Pp]rofessor|[Aa]uthor|[Ss]cholar|[Ss]pecialist)\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_CAPITALISED = r"[A-Z][\w\-’'.]*[\w]"
# "…,” said Armenian Foreign Minister Ararat Mirzoyan." → the capitalised words after the verb;
# the title and nationality are stripped later.
_SAID_NAME = re.compile(
    rf"\b(?:said|says|added|noted|stressed|wrote|told\s+\w+),?\s+(?:[\w’']+\s+){{0,5}}?"
    rf"((?:{_CAPITALISED}\s){{1,5}}{_CAPITALISED})\s*(?:[.,;:]|$)"
)
# "“…,” Pashinyan said" / "Pashinyan told parliament": one capitalised word after a quote or at
# the start of the sentence.
_AUXILIARY = r"(?:(?:has|had|also|later|again|since|then|publicly|repeatedly|\w+ly)\s+){0,2}"
_SURNAME_SAID = re.compile(
    rf"(?:^|[”\"],?\s+|,\s+|\b(?:and|but)\s+)({_CAPITALISED})(?:,\s[^,]{{1,40}},)?\s+{_AUXILIARY}"
    rf"(?:{_SPEECH_VERBS})\b"
)
_NAME_SAID = re.compile(
    rf"((?:{_CAPITALISED}\s){{1,5}}{_CAPITALISED}),?\s+{_AUXILIARY}(?:{_SPEECH_VERBS})\b"
)
# "Hikmet Hajiyev, a senior adviser to the president, told Reuters": a name, an
# apposition between commas, then the verb.
_NAME_APPOSITION = re.compile(
    rf"(?<![\w’'-])((?:{_CAPITALISED}\s){{1,3}}{_CAPITALISED})(?:,\s[^,]{{1,160}}){{1,2}},\s+"
    rf"{_AUXILIARY}(?:{_SPEECH_VERBS})\b"
)


# "President Vahagn Khachaturyan", "Foreign Minister Ararat Mirzoyan": an office, then the name.
_OFFICE_TITLES = sorted((o.title() for o in OFFICES), key=len, reverse=True)
# "President of the Republic of Azerbaijan Ilham Aliyev": the country is cut off by _proper_name.
_OFFICE_NAME = re.compile(
    rf"\b({'|'.join(_OFFICE_TITLES)})\s+((?:of\s+(?:the\s+)?)?"
    rf"(?:{_CAPITALISED}\s+(?:of\s+)?){{0,5}}{_CAPITALISED})"
)
# A cheap first look: most sentences name no office.
_HAS_OFFICE = re.compile("|".join(_OFFICE_TITLES))
# "the president", "the Azerbaijani head of state" standing right before a speech verb.
_OTHER_NAMES = {other: office for office, others in OFFICES.items() for other in others}
_THE_OFFICE = re.compile(
    r"\b[Tt]he\s+(?:[A-Za-z]+\s+){0,2}?("
    + "|".join(sorted([*OFFICES, *_OTHER_NAMES], key=len, reverse=True))
    + r")\s*,?\s*\Z"
)


def _offices_named(text: str, offices: dict[str, set[str]], not_people: frozenset[str]) -> None:
    """Remember who holds each office the sentence introduces ("President Vahagn Khachaturyan")."""
    for match in _OFFICE_NAME.finditer(text):
        person = _proper_name(match.group(2), not_people)
        if person is not None:
            office = match.group(1).lower()
            offices.setdefault(office, set()).add(person)
            # "Foreign Minister X" … "the minister said"
            offices.setdefault(office.split()[-1], set()).add(person)


def _office_holder(window: str, offices: dict[str, set[str]]) -> str | None:
    """ "the president" / "the head of state" before a speech verb: the person introduced with
    that office earlier in the article — when only one person was (an article that names two
    foreign ministers leaves "the minister said" to the reader)."""
    found = _THE_OFFICE.search(window)
    if found is None:
        return None
    holders = offices.get(_OTHER_NAMES.get(found.group(1), found.group(1)), set())
    return next(iter(holders)) if len(holders) == 1 else None


def _alias_table(speakers: Sequence[Speaker]) -> list[tuple[str, str]]:
    pairs = [(s.name, s.name) for s in speakers]
    pairs += [(alias, s.name) for s in speakers for alias in s.aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _is_name_char(char: str) -> bool:
    """A letter, digit, underscore or hyphen: what may not touch a name on either side."""
    return char.isalnum() or char in "_-"


def _first_occurrence(text: str, alias: str) -> int:
    """Where ``alias`` first stands in ``text`` as whole words (not glued to a letter, digit,
    underscore or hyphen on either side), or -1; ``re`` would need a compiled pattern per alias."""
    i = text.find(alias)
    while i >= 0:
        after = i + len(alias)
        if (i == 0 or not _is_name_char(text[i - 1])) and (
            after == len(text) or not _is_name_char(text[after])
        ):
            return i
        i = text.find(alias, i + 1)
    return -1


def _named(text: str, aliases: list[tuple[str, str]]) -> str | None:
    """The known speaker named earliest in ``text``, by any alias (the longest on a tie)."""
    best: tuple[int, str] | None = None
    for alias, name in aliases:
        at = _first_occurrence(text, alias)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, name)
    return best[1] if best else None


def attribute_speakers(
    sentences: Sequence[Sentence],
    speakers: Sequence[Speaker],
    *,
    interview: bool,
    not_people: frozenset[str] = frozenset(),
) -> list[str | None]:
    """The speaker of each sentence (a display name), or None when the narrator speaks.

    ``not_people`` are names that say something without being a person ("Baku said"): the
    gazetteer's aliases, so that a lone capitalised word before "said" can still be a surname.
    """
    aliases = _alias_table(speakers)
    interviewers = {s.name for s in speakers if (s.role or "").lower() == "interviewer"}
    interviewees = [s.name for s in speakers if s.name not in interviewers]
    primary = interviewees[0] if interviewees else None
    result: list[str | None] = []
    full_names: dict[str, str] = {}  # surname -> the full name it was first given with
    offices: dict[str, set[str]] = {}  # "president" -> who the article introduced with it
    previous_text = ""  # the sentence before, whose subject a pronoun may point at
    last_speaker: str | None = None
    floor: str | None = None  # who holds the current paragraph
    label_floor: str | None = None  # in a Q&A ("Heshmati: …"), who holds it until the next label
    paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, floor = sentence.paragraph, label_floor
        text = sentence.text
        label = _LABEL.match(text)

        # "Archbishop X, head of …, arrived. '…,' he told villagers": a pronoun points back at
        # the person the sentence before was about, before the last one quoted.
        def referent(
            before: str = previous_text, fallback: str | None = last_speaker
        ) -> str | None:
            return _subject(before, not_people) or fallback

        speaker = _speaker_of(
            text,
            aliases,
            referent,
            primary,
            interview=interview,
            not_people=not_people,
            offices=offices,
        )
        if _HAS_OFFICE.search(text):
            _offices_named(text, offices, not_people)
        previous_text = text
        if speaker is not None and " " not in speaker:
            speaker = full_names.get(speaker, speaker)  # "Mirzoyan said" after "Ararat Mirzoyan"
        elif speaker is not None:
            full_names.setdefault(speaker.split()[-1], speaker)
        if label and speaker is not None and interview:
            label_floor = speaker  # a Q&A label holds the floor; a headline "X: …" does not
        if speaker is None and floor is not None:
            speaker = floor
        if speaker is None and interview and primary and text.startswith(("“", '"')) and not floor:
            speaker = primary  # a bare quoted paragraph in an interview is the interviewee's
        if speaker is not None:
            # In an interview the floor is the interviewee's (or a labelled questioner's): a
            # third party quoted inside an answer ("Aliyev claims …") does not take it.
            if interview and (speaker in interviewees or speaker in interviewers or not primary):
                floor = speaker
            if speaker not in interviewers:
                last_speaker = speaker
        result.append(speaker)
    if interview:
        _fill_back_within_paragraphs(sentences, result)
    _spread_over_quotations(sentences, result)
    return result


_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'


def _quote_state(text: str, inside: bool) -> tuple[bool, bool]:
    """Whether ``text`` holds a quotation mark, and whether a quotation is open at its end, given
    whether one was open at its start."""
    straight = text.count(_STRAIGHT)
    last_curly = max(text.rfind(_OPENING), text.rfind(_CLOSING))
    if last_curly < 0 and not straight:
        return False, inside
    if last_curly >= 0 and text.find(_STRAIGHT, last_curly) < 0:
        return True, text[last_curly] == _OPENING  # curly marks say which way they face
    return True, inside ^ (text.count(_STRAIGHT, max(last_curly, 0)) % 2 == 1)


def _spread_over_quotations(sentences: Sequence[Sentence], speakers: list[str | None]) -> None:
    """Quotations are their speaker's even where the attribution stands in another sentence.

    A quotation of several sentences takes the attribution one of them carries ("“We left at
    dawn. We took nothing,” Narine said."); a quoted sentence with none takes the last speaker of
    its paragraph; and a paragraph of bare quotation right after a paragraph whose last speaker is
    named continues that speaker — the wire convention of an attributed quote followed by more."""
    quoted: list[bool] = []
    groups: list[list[int]] = [[]]
    inside, paragraph = False, None
    for i, sentence in enumerate(sentences):
        if sentence.paragraph != paragraph:
            paragraph, inside = sentence.paragraph, False
            groups.append([])
        was_inside = inside
        marks, inside = _quote_state(sentence.text, inside)
        quoted.append(was_inside or marks)
        if quoted[-1]:
            groups[-1].append(i)
        if not inside and groups[-1]:
            groups.append([])
    for group in groups:
        who = next((speakers[i] for i in group if speakers[i] is not None), None)
        for i in group:
            if speakers[i] is None:
                speakers[i] = who
    last_by_paragraph: dict[int, str | None] = {}
    for i, sentence in enumerate(sentences):
        here = sentence.paragraph
        if speakers[i] is None and quoted[i]:
            speakers[i] = last_by_paragraph.get(here) or (
                last_by_paragraph.get(here - 1) if here not in last_by_paragraph else None
            )
        if speakers[i] is not None or here not in last_by_paragraph:
            last_by_paragraph[here] = speakers[i]


def _fill_back_within_paragraphs(sentences: Sequence[Sentence], speakers: list[str | None]) -> None:
    """Reported speech often names its speaker at the end ("…, Mr X noted."): in an interview the
    earlier sentences of that paragraph are the same speaker's."""
    for i in range(len(sentences) - 2, -1, -1):
        same_paragraph = sentences[i].paragraph == sentences[i + 1].paragraph
        if speakers[i] is None and same_paragraph and speakers[i + 1] is not None:
            speakers[i] = speakers[i + 1]


#: How far before a speech verb a name and its apposition may start ("Hikmet Hajiyev, foreign
#: adviser to the president, told"), and how far after it a name may end.
BEFORE_VERB_CHARS = 300
AFTER_VERB_CHARS = 120


def _search_near_verbs(
    pattern: re.Pattern[str], text: str, verbs: list[tuple[int, int]], *, after: bool
) -> re.Match[str] | None:
    """The first match of ``pattern`` in the stretch before (or, with ``after``, from) each
    speech verb of ``text``."""
    for start, end in verbs:
        if after:
            found = pattern.search(text, max(0, start - 2), min(len(text), end + AFTER_VERB_CHARS))
        else:
            found = pattern.search(text, max(0, start - BEFORE_VERB_CHARS), end)
        if found:
            return found
    return None


def _speaker_of(
    text: str,
    aliases: list[tuple[str, str]],
    referent: Callable[[], str | None],
    primary: str | None,
    *,
    interview: bool,
    not_people: frozenset[str] = frozenset(),
    offices: dict[str, set[str]] | None = None,
) -> str | None:
    label = _LABEL.match(text)
    if label:
        named = _named(label.group(1), aliases)
        if named:
            return named
    # A "verb:" cue is a speech verb too, so it cannot start before the first one: most
    # sentences have no speech verb and cost one scan instead of three.
    verbs = [m.span() for m in _SPEECH.finditer(text)]
    speech = verbs[0] if verbs else None
    colon = _VERB_COLON.search(text, speech[0]) if speech else None
    cue = colon.span() if colon else speech
    if cue is not None:
        window = text[: cue[0]]  # who speaks stands before the verb …
    elif "ccording to" in text and (according := _ACCORDING.search(text)) is not None:
        window = text[according.end() :][:80]  # … or right after "according to"
    else:
        return None
    named = _named(window, aliases)
    if named:
        return named
    # The patterns below end at a speech verb (or start at "said"): each is tried only in the
    # stretch around a verb, not over the whole sentence.
    for pattern in (_NAME_APPOSITION, _SAID_NAME, _NAME_SAID):
        match = _search_near_verbs(pattern, text, verbs, after=pattern is _SAID_NAME)
        if match:
            run = match.group(1)
            if _AFTER_CONNECTOR.search(text, 0, match.start(1)) and len(run.split()) > 2:
                run = " ".join(run.split()[-2:])  # "Mayor of Goris Arush Arushanyan"
            named = _named(run, aliases) or _proper_name(run, not_people)
            if named:
                return named
    surname = _search_near_verbs(_SURNAME_SAID, text, verbs, after=False)
    if surname and _is_surname(surname.group(1), not_people):
        return surname.group(1)
    if offices and (holder := _office_holder(window, offices)) is not None:
        return holder  # "the president said", after "President Vahagn Khachaturyan"
    if _PRONOUN.search(window):
        # "He continued" in an interview is the interviewee; in a report, the last speaker.
        return (primary or referent()) if interview else referent()
    if interview and primary and _DESCRIPTION.search(window):
        return primary
    return None


# A run of capitalised words right after "of" or "and" starts with the end of an office's name.
_AFTER_CONNECTOR = re.compile(r"\b(?:of|and)\s+\Z")
_NOT_IN_NAMES = TITLE_WORDS | NATIONALITY_WORDS | NOT_PERSON_WORDS


# A name opening its sentence and followed by an apposition: "Archbishop X, head of …, arrived".
_OPENING_NAME = re.compile(rf"((?:{_CAPITALISED}\s){{1,5}}{_CAPITALISED})(?=,)")


def _subject(text: str, not_people: frozenset[str]) -> str | None:
    """The person a sentence opens with ("Archbishop Bagrat Galstanyan, head of …"), if any."""
    opening = _OPENING_NAME.match(text)
    return _proper_name(opening.group(1), not_people) if opening else None


def _is_surname(word: str, not_people: frozenset[str]) -> bool:
    return (
        word not in not_people
        and word not in _NOT_IN_NAMES
        and not word.isupper()
        and word.lower() not in PEOPLE_NOUNS  # "Villagers said"
    )


def _proper_name(candidate: str, not_people: frozenset[str] = frozenset()) -> str | None:
    """A person's name from a run of capitalised words: titles, offices and nationalities before
    it are the title, not the name ("Armenian Foreign Minister Ararat Mirzoyan" → "Ararat
    Mirzoyan"); a run holding an institution or a place is nobody."""
    words = candidate.split()
    name: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(".,")
        if bare in _NOT_IN_NAMES or bare in not_people or bare.lower() in {"of", "the", "and"}:
            break
        name.insert(0, bare)
    if not 2 <= len(name) <= 4:
        return None
    return " ".join(name)
