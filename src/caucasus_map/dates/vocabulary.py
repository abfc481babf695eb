"""The words date expressions are made of, and the words around them that decide whether a match
is a date. Each list is defined once here; the patterns and guards read them."""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
)  # fmt: skip
MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# The first three letters identify every month name and abbreviation ("Sept" -> "Sep").
MONTH_BY_PREFIX = {name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)}
MAY, MARCH = 5, 3  # the two month names that are also common English words

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

LAST_NEXT_THIS = ("last", "next", "this")
REL_DELTA = {"last": -1, "this": 0, "the": 0, "next": 1}

# Words after which a bare month name reads as a date ("since March", "in June") even
# when a capitalised word follows, and without which "March" is too likely the verb.
MONTH_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "of", "from", "to", "through", "and", "or", "early",
    "mid", "late", "last", "next", "this", "during", "before", "after", "between", "end",
    "beginning", "start", "middle", "throughout"
})  # fmt: skip
# "May" alone is a date only after one of these ("In May, the talks", "since May", "by May");
# "and"/"or"/"to" count only after another month ("in April and May", "from April to May").
# "May God help", "They may meet", "it may be" stay verbs.
MAY_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
    "early", "mid", "late", "last", "next", "this", "of", "throughout"
})  # fmt: skip
MAY_LIST_CONTEXT = frozenset({"and", "or", "to", "through", "until", "till"})

# Capitalised words that may stand right before a year without making it part of a name.
YEAR_CONTEXT = frozenset({
    "in", "since", "by", "from", "until", "till", "to", "of", "and", "or", "between", "during",
    "before", "after", "through", "throughout", "the", "for", "as", "at", "around", "circa"
})  # fmt: skip
# "some 2000", "nearly 2000", "No. 2000": a quantity or a number, not a year.
QUANTIFIERS = frozenset({
    "some", "about", "nearly", "almost", "approximately", "roughly", "than", "least", "total",
    "estimated", "no", "number", "nos"
})  # fmt: skip
# Words before a dotted or slashed number that make it a version, a phone number or a section,
# not a date ("version 2.10.23", "tel. 10.22.33", "Article 12.05.21").
NOT_DATE_NUMBER_WORDS = frozenset({
    "v", "ver", "version", "versions", "release", "build", "update", "tel", "phone", "telephone",
    "fax", "mobile", "no", "nos", "number", "article", "art", "section", "sec", "clause",
    "paragraph", "para", "item", "chapter", "rule", "resolution", "ip", "score", "scores",
    "flight", "decree", "law", "room", "route", "bus", "platform", "gate", "code", "bill", "case",
    "file", "protocol", "model"
})  # fmt: skip

# Units after a number that make it a quantity ("2000 troops", "2020 km"), never a year.
UNITS = (
    *"km kms kilometer kilometers kilometre kilometres square sq m mm cm metres meters mile miles "
    "hectare hectares ha kg ton tons tonne tonnes cubic barrels".split(),
    *"people person persons troops soldiers servicemen fighters men women children refugees "
    "families households houses homes residents villages prisoners casualties dead killed "
    "wounded votes seats".split(),
    *"vehicles trucks cars units tanks shells rounds drones missiles rockets mines guns "
    "pieces".split(),
    *"dollars euros manat manats ruble rubles rouble roubles dram drams USD EUR AZN AMD RUB "
    "percent times".split(),
    "per cent",
    *"hour hours day days week weeks month months year years decade decades".split(),
)
# Compound modifiers after a number that make it a count or a size ("a 2000-strong force").
COUNT_SUFFIXES = ("year", "strong", "man", "member", "seat", "page", "km", "mile", "ton", "day")

# An ordinal day ("the 19th") is a date only after one of these ("on the 19th", "by the 21st") …
ORDINAL_DAY_BEFORE = frozenset({
    "on", "by", "until", "till", "since", "from", "to", "before", "after", "and", "through"
})  # fmt: skip
# … and before the end of the clause or one of these, not a noun ("the 18th century").
ORDINAL_DAY_AFTER = tuple(
    "and or but in at when while after before as until till to through with was were is will "
    "would had has the a we they he she it i there our their his her".split()
)
# "over the next month", "within the next week": a span still to come, not a date.
SPAN_BEFORE_NEXT = frozenset({"over", "within", "for", "throughout", "in", "during"})
