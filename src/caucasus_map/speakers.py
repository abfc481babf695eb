"""Who says a sentence: "Kazemi pointed out: …", "Heshmati: …", "“…,” Pashinyan said", "He added".

Attribution works per paragraph. A speaker named in a paragraph of an interview keeps the floor to
the end of that paragraph (reported speech runs on), and pronouns or descriptions ("he continued",
"the analyst said") point back at the last speaker, or at the interviewee.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from caucasus_map.corpus import Speaker
from caucasus_map.sentences import Sentence

_SPEECH_VERBS = (
    r"said|says|pointed out|emphasized|emphasised|added|adding|noted|explained|stated|continued|"
    r"recalled|stressed|told|asserted|warned|argued|answered|replied|held|believes|called|"
    r"underlined|remarked|highlighted|insisted|observed|concluded|announced"
)
_LABEL = re.compile(r"^([A-Z][\w’'\-.]*(?: [A-Z][\w’'\-.]*){0,2}):\s")
_VERB_COLON = re.compile(rf"\b(?:{_SPEECH_VERBS})(?: [a-z]+){{0,2}}:\s")
# (?<!\w) rather than \b before the verb: the same here, and a faster scan.
_SPEECH = re.compile(rf"(?<!\w)(?:{_SPEECH_VERBS})\b")
_PRONOUN = re.compile(r"\b(?:He|She|he|she)\b")
_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:[Ee]xpert|[Aa]nalyst|[Rr]esearcher|[Pp]rofessor|[Aa]uthor|[Ss]cholar|[Ss]pecialist)\b"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
# "…,” said Iran’s Foreign Minister Hossein Amir-Abdollahian." → the capitalised words at the end.
_SAID_NAME = re.compile(
    r"\bsaid,?\s+(?:[\w’']+\s+){0,5}?((?:[A-Z][\w\-’']+\s){1,3}[A-Z][\w\-’']+)\s*[.,]?$"
)
# "“…,” Pashinyan said" / "Pashinyan said on Sunday": one capitalised word after a quote or at
# the start of the sentence.
_SURNAME_SAID = re.compile(r"(?:^|[”\"],?\s+)([A-Z][\w\-’']+)\s+(?:has\s+)?(?:said|says|added)\b")
_NAME_SAID = re.compile(r"((?:[A-Z][\w\-’']+\s){1,3}[A-Z][\w\-’']+),?\s+(?:has\s+)?(?:said|says)\b")


def _alias_table(speakers: Sequence[Speaker]) -> list[tuple[str, str]]:
    pairs = [(s.name, s.name) for s in speakers]
    pairs += [(alias, s.name) for s in speakers for alias in s.aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _first_occurrence(text: str, alias: str) -> int:
    """Where ``alias`` first stands in ``text`` as whole words (not glued to a letter, digit,
    underscore or hyphen on either side), or -1; ``re`` would need a compiled pattern per alias."""
    i = text.find(alias)
    while i >= 0:
        after = i + len(alias)
        if (i == 0 or not _is_word_char(text[i - 1])) and (
            after == len(text) or not _is_word_char(text[after])
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
    last_speaker: str | None = None
    floor: str | None = None  # who holds the current paragraph
    label_floor: str | None = None  # in a Q&A ("Heshmati: …"), who holds it until the next label
    paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, floor = sentence.paragraph, label_floor
        text = sentence.text
        label = _LABEL.match(text)
        speaker = _speaker_of(
            text, aliases, last_speaker, primary, interview=interview, not_people=not_people
        )
        if label and speaker is not None:
            label_floor = speaker
        if speaker is None and floor is not None:
            speaker = floor
        if speaker is None and interview and primary and text.startswith("“") and not floor:
            speaker = primary  # a bare quoted paragraph in an interview is the interviewee's
        if speaker is not None:
            if interview:
                floor = speaker
            if speaker not in interviewers:
                last_speaker = speaker
        result.append(speaker)
    if interview:
        _fill_back_within_paragraphs(sentences, result)
    return result


def _fill_back_within_paragraphs(sentences: Sequence[Sentence], speakers: list[str | None]) -> None:
    """Reported speech often names its speaker at the end ("…, Mr X noted."): in an interview the
    earlier sentences of that paragraph are the same speaker's."""
    for i in range(len(sentences) - 2, -1, -1):
        same_paragraph = sentences[i].paragraph == sentences[i + 1].paragraph
        if speakers[i] is None and same_paragraph and speakers[i + 1] is not None:
            speakers[i] = speakers[i + 1]


def _speaker_of(
    text: str,
    aliases: list[tuple[str, str]],
    last_speaker: str | None,
    primary: str | None,
    *,
    interview: bool,
    not_people: frozenset[str] = frozenset(),
) -> str | None:
    label = _LABEL.match(text)
    if label:
        named = _named(label.group(1), aliases)
        if named:
            return named
    # A "verb:" cue is a speech verb too, so it cannot start before the first one: most
    # sentences have no speech verb and cost one scan instead of three.
    speech = _SPEECH.search(text)
    cue = (_VERB_COLON.search(text, speech.start()) or speech) if speech else None
    if cue is not None:
        window = text[: cue.start()]  # who speaks stands before the verb …
    elif (according := _ACCORDING.search(text)) is not None:
        window = text[according.end() :][:80]  # … or right after "according to"
    else:
        return None
    named = _named(window, aliases)
    if named:
        return named
    for pattern in (_SAID_NAME, _NAME_SAID):
        match = pattern.search(text)
        if match:
            named = _named(match.group(1), aliases) or _proper_name(match.group(1))
            if named:
                return named
    surname = _SURNAME_SAID.search(text)
    if surname and surname.group(1) not in not_people and surname.group(1) not in _NOT_NAMES:
        return surname.group(1)
    if _PRONOUN.search(window) and (last_speaker or primary):
        return last_speaker or primary
    if interview and primary and _DESCRIPTION.search(window):
        return primary
    return None


_NOT_NAMES = frozenset(
    "The A An This That But And However Monday He She It They We I Officials Sources Analysts "
    "Experts Observers Critics Witnesses Residents".split()
)


def _proper_name(candidate: str) -> str | None:
    """A person's name from a run of capitalised words: the last two or three of them."""
    words = [w for w in candidate.split() if w not in _NOT_NAMES]
    if len(words) < 2:
        return None
    name = " ".join(words[-3:] if len(words) >= 3 and "-" not in words[-1] else words[-2:])
    return name
