"""Stage `resolve`: dates against the publication date, places to coordinates and precision
codes, fatality figures by ACLED's rules.

Date expressions are resolved with dateparser, after our own handling of the forms it gets
wrong or does not know ("last January", "the nineteenth of last January", "today, Friday",
"since April 2019") and a guard that keeps durations ("more than a year") from becoming dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from frontlines.link import LinkedDocument
from frontlines.models import DateMention, PlaceMention

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from dateparser.date import DateDataParser

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}
_ANCHORS = re.compile(
    r"\b(ago|last|past|previous|since|today|yesterday|tonight|this|prior|earlier|before|"
    + "|".join(MONTHS)
    + "|"
    + "|".join(WEEKDAYS)
    + r")\b|\b\d{4}\b|\d{1,2}[/.-]\d{1,2}",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(more than|over|less than|nearly|almost|about|only|for)?\s*"
    r"(a|an|one|\d+|several|few|two|three)?\s*(hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
_PRECISION_OF_PERIOD = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "time": "day",
}


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str  # day, week, month, year


def _iso(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


@lru_cache(maxsize=256)
def _parser(base: dt.date | None) -> DateDataParser:
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return DateDataParser(languages=["en"], settings=settings)


def _last_month_named(month: int, base: dt.date) -> dt.date:
    """'last January': the most recent January before the publication month."""
    year = base.year if month < base.month else base.year - 1
    return dt.date(year, month, 1)


# Words that make a day a rough one ("around 29 April", "between 28 and 30 April").
ROUGH_WORDS = r"around|about|approximately|circa|roughly|between"
_LEAD = re.compile(rf"^(on|in|since|from|by|until|of|during|the|at|{ROUGH_WORDS})\s+", re.I)
_RANGE = re.compile(
    # "6/7 May" is a range of days only with its month after: "6/7" alone is a day-first date
    r"^(?:between\s+)?(?P<first>.+?)\s*(?:and|to|-|–|/(?=\s*\d{1,2}\s+[a-z]))\s*"
    r"(?P<second>\d{1,2}(?:st|nd|rd|th)?\b.*)$",
    re.I,
)
# "on the night of 6-7 May": the words before a range of days.
_RANGE_LEAD = re.compile(
    r"^(?:on\s+)?(?:the\s+)?(?:(?:night|morning|evening|afternoon|weekend)\s+(?:of\s+)?)?",
    re.I,
)
_WEEK_OF = re.compile(r"^\s*(?:(?:during|in|over|on)\s+)?(?:the\s+)?week\s+of\s+(?=\S)", re.I)
_DAY_ONLY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_ROUGH = re.compile(rf"^\s*({ROUGH_WORDS})\b", re.I)
# Words that narrow a date without moving it: "late last week" is last week, "mid-March" March.
_QUALIFIER = re.compile(
    r"\b(early|earlier|late|later|mid|middle of|the end of|the beginning of|the start of)[\s-]+",
    re.I,
)
_ORDINAL_OF = re.compile(
    r"\b(?:the\s+)?("
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d{1,2}(?:st|nd|rd|th))\s+of\s+",
    re.I,
)


def _clean(text: str) -> str:
    """'on the twenty-first of June 2022' → '21 June 2022'; 'in mid-March' → 'March'."""
    cleaned = re.sub(r"['’]s$", "", text.strip().strip(",.;"))  # "the previous day's clashes"
    for _ in range(3):
        cleaned = _LEAD.sub("", cleaned)
    cleaned = _QUALIFIER.sub("", cleaned)
    cleaned = _ORDINAL_OF.sub(lambda m: f"{_ordinal_number(m.group(1))} ", cleaned)
    cleaned = re.sub(
        r"\b(" + "|".join(ORDINALS) + r")\b",
        lambda m: str(ORDINALS[m.group(1).lower()]),
        cleaned,
        flags=re.I,
    )
    for _ in range(2):
        cleaned = _LEAD.sub("", cleaned)
    return cleaned


def _ordinal_number(word: str) -> int:
    word = word.lower()
    return ORDINALS.get(word) or int(re.sub(r"\D", "", word))


@lru_cache(maxsize=4096)  # the same expressions recur ("on Saturday"); dateparser is slow
def resolve_date(text: str, published: str | None) -> ResolvedDate | None:
    """The ISO value and precision of a date expression, or None when it is not a date. A
    day given roughly ("around 29 April", "between 28 and 30 April") is a day at the
    precision of a few days, as ACLED codes it."""
    week_of = _WEEK_OF.match(text)  # "during the week of 4 May 2020": that week
    if week_of:
        text = text[week_of.end() :]
    first = _range_start(text)
    resolved = _resolve_date(first or text, published)
    rough = first is not None or _ROUGH.match(text) or week_of
    if resolved is not None and resolved.precision == "day" and rough:
        return ResolvedDate(resolved.value, "week")
    return resolved


def _range_start(text: str) -> str | None:
    """The first day of a range of days ("28 and 30 April 2020" → "28 April 2020", "between
    28 April and 30 April" → "28 April"), or None when `text` is no such range."""
    text = _RANGE_LEAD.sub("", text.strip())
    match = _RANGE.match(text)
    if match is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    first, second = match.group("first").strip(), match.group("second")
    if _DAY_ONLY.fullmatch(first):  # the month and year stand after the last day only
        first = f"{first} {_DAY_ONLY.sub('', second, count=1).strip()}"
    return first


def _resolve_date(text: str, published: str | None) -> ResolvedDate | None:
    base = dt.date.fromisoformat(published) if published else None
    lowered = _clean(text).lower()
    if not lowered or not _ANCHORS.search(lowered) or _DURATION.match(lowered):
        return None
    if re.search(r"\b(next|coming|tomorrow|upcoming)\b", lowered):
        return None  # the future is not a report of what happened
    numeric = _numeric_date(lowered, base)
    if numeric is not None:
        return numeric
    if base is not None:
        handled = _resolve_relative(lowered, base)
        if handled is not None:
            return handled
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = _parser(base).get_date_data(_clean(text))
    if data is None or data.date_obj is None:
        return None
    precision = _PRECISION_OF_PERIOD.get(data.period or "day", "day")
    date = data.date_obj.date()
    if base is None and not re.search(r"\b\d{4}\b", lowered):
        return None  # without a publication date, only what the text states outright
    if base is not None and date > base and not re.search(r"\b\d{4}\b", lowered):
        return None  # the future is not a report of what happened
    return ResolvedDate(_iso(date, precision), precision)


_NUMERIC = re.compile(r"\b([0-3]?\d)/([01]?\d)(?:/(\d{4}|\d{2}))?\b")


def _numeric_date(lowered: str, base: dt.date | None) -> ResolvedDate | None:
    """'18/07', 'the night of 4/05', '18/07/2020': day first, as ACLED and most of the world
    write it (dateparser would read '4/05' as 5 April); month first only where the first
    number cannot be a month's day order ('07/18'). Without a year, the last such day up to
    the publication date."""
    match = _NUMERIC.search(lowered)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    day, month = (second, first) if second > 12 >= first else (first, second)
    year_text = match.group(3)
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    elif base is not None:
        year = base.year if (month, day) <= (base.month, base.day) else base.year - 1
    else:
        return None
    try:
        return ResolvedDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _resolve_relative(lowered: str, base: dt.date) -> ResolvedDate | None:
    words = re.findall(r"[a-z]+(?:-[a-z]+)?|\d+", lowered)
    if (
        "today" in words
        or "tonight" in words
        or re.fullmatch(r"this (morning|afternoon|evening)", lowered)
    ):
        return ResolvedDate(base.isoformat(), "day")
    day_month_last = re.fullmatch(
        r"(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") last", lowered
    )
    if day_month_last:  # "19 January last": the nineteenth of last January
        lowered = f"{day_month_last.group(1)} of last {day_month_last.group(2)}"
    month_only = re.fullmatch("(" + "|".join(MONTHS) + ")", lowered)
    if month_only:  # "in mid-March": the most recent March up to the publication month
        month = MONTHS[month_only.group(1)]
        year = base.year if month <= base.month else base.year - 1
        return ResolvedDate(f"{year:04d}-{month:02d}", "month")
    parts = r"(night|morning|evening|afternoon)"
    if re.fullmatch(rf"last {parts}", lowered):  # "last night": the day before publication
        return ResolvedDate((base - dt.timedelta(days=1)).isoformat(), "day")
    weekday = re.fullmatch(rf"(?:on )?({'|'.join(WEEKDAYS)}) {parts}", lowered)
    if weekday:  # "Saturday night": the Saturday
        return _resolve_date(weekday.group(1), base.isoformat())
    if "yesterday" in words:
        return ResolvedDate((base - dt.timedelta(days=1)).isoformat(), "day")
    before = re.fullmatch(
        r"(?:the |a )?(?:(\w+) days?|day) (?:prior|earlier|before)|(?:the )?previous day", lowered
    )
    if before:  # "the day prior", "two days earlier", "the previous day": before publication
        count = before.group(1)
        amount = 1 if not count else (int(count) if count.isdigit() else _word_number(count))
        if amount:
            return ResolvedDate((base - dt.timedelta(days=amount)).isoformat(), "day")
    ago = re.search(r"(\d+|[a-z]+) (day|week|month|year)s? ago", lowered)
    if ago:
        amount = int(ago.group(1)) if ago.group(1).isdigit() else _word_number(ago.group(1))
        if amount is None:
            return None
        unit = ago.group(2)
        if unit == "day":
            return ResolvedDate((base - dt.timedelta(days=amount)).isoformat(), "day")
        if unit == "week":
            return ResolvedDate((base - dt.timedelta(weeks=amount)).isoformat(), "week")
        if unit == "month":
            months = base.year * 12 + base.month - 1 - amount
            return ResolvedDate(_iso(dt.date(months // 12, months % 12 + 1, 1), "month"), "month")
        return ResolvedDate(f"{base.year - amount:04d}", "year")
    if re.fullmatch(r"(last|past|previous) year", lowered):
        return ResolvedDate(f"{base.year - 1:04d}", "year")
    if lowered == "this year":
        return ResolvedDate(f"{base.year:04d}", "year")
    if re.fullmatch(r"(last|past|previous) month", lowered):
        months = base.year * 12 + base.month - 2
        return ResolvedDate(_iso(dt.date(months // 12, months % 12 + 1, 1), "month"), "month")
    if lowered == "this month":
        return ResolvedDate(_iso(base, "month"), "month")
    if re.fullmatch(r"(last|past|previous|this) week", lowered):
        delta = 7 if not lowered.startswith("this") else 0
        return ResolvedDate((base - dt.timedelta(days=delta)).isoformat(), "week")
    named = re.search(r"\blast (" + "|".join(MONTHS) + r")\b", lowered)
    if named:
        first = _last_month_named(MONTHS[named.group(1)], base)
        day = _ordinal_day(lowered)
        if day is not None:
            return ResolvedDate(first.replace(day=min(day, _days_in(first))).isoformat(), "day")
        return ResolvedDate(_iso(first, "month"), "month")
    weekdays = [w for w in words if w in WEEKDAYS]
    if weekdays and not any(m in words for m in MONTHS) and not re.search(r"\d", lowered):
        # "the night of Saturday to Sunday", "Friday and Saturday": from the first day, as
        # "the night of 6/7 May" is from the 6th
        back = (base.weekday() - WEEKDAYS[weekdays[0]]) % 7
        if "last" in words and back == 0:
            back = 7
        return ResolvedDate((base - dt.timedelta(days=back)).isoformat(), "day")
    return None


def _ordinal_day(lowered: str) -> int | None:
    for word, number in sorted(ORDINALS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{word}\b", lowered):
            return number
    match = re.search(r"\b(\d{1,2})(st|nd|rd|th)?\b", lowered)
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else None


def _word_number(word: str) -> int | None:
    small = {
        "one": 1,
        "a": 1,
        "an": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
    }
    return small.get(word)


def _days_in(first: dt.date) -> int:
    return calendar.monthrange(first.year, first.month)[1]


@dataclass
class ResolvedDocument:
    """A linked document with its dates and places resolved, offsets into the original text."""

    linked: LinkedDocument
    dates: list[DateMention]
    date_at: dict[tuple[int, int], DateMention]  # normalised (start, end) → resolved date
    places: list[PlaceMention]
    place_at: dict[tuple[int, int], PlaceMention]  # normalised (start, end) → place


_DAY_AND_MONTH = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTHS) + r")\b"
    r"|\b(?:" + "|".join(MONTHS) + r")\s+\d{1,2}\b",
    re.I,
)


def _first_full_year_end(mentions: list) -> str | None:
    """The last day of the year of the first day an undated report names in full."""
    for mention in mentions:
        resolved = resolve_date(mention.text, None)
        if resolved is not None and resolved.precision == "day":
            return f"{resolved.value[:4]}-12-31"
    return None


def resolve(linked: LinkedDocument) -> ResolvedDocument:
    """Stage entry point: resolve every date and place mention of a document."""
    normalized = linked.parsed.normalized
    published = linked.parsed.document.published
    # an undated report's "On 4 May" after "On 3 May 2020": the year it named before
    year_end = None if published else _first_full_year_end(linked.mentions.dates)
    dates: list[DateMention] = []
    date_at: dict[tuple[int, int], DateMention] = {}
    for mention in linked.mentions.dates:
        resolved = resolve_date(mention.text, published)
        if resolved is None and year_end and _DAY_AND_MONTH.search(mention.text):
            resolved = resolve_date(mention.text, year_end)
        if resolved is None:
            continue
        start, end = normalized.span(mention.start, mention.end)
        approximate = resolved.precision == "day" and _approximate(
            normalized.text, mention.start, mention.end
        )
        item = DateMention(
            text=normalized.original[start:end],
            start=start,
            end=end,
            value=resolved.value,
            precision="week" if approximate else resolved.precision,
        )
        dates.append(item)
        date_at[(mention.start, mention.end)] = item
    places: list[PlaceMention] = []
    place_at: dict[tuple[int, int], PlaceMention] = {}
    for linked_place in linked.places:
        mention, place = linked_place.mention, linked_place.place
        start, end = normalized.span(mention.start, mention.end)
        item = PlaceMention(
            text=normalized.original[start:end],
            start=start,
            end=end,
            name=place.name if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            country=place.country if place else None,
            admin1=place.admin1 if place else None,
            geonames_id=place.geonames_id if place else None,
            feature=place.feature if place else None,
        )
        places.append(item)
        place_at[(mention.start, mention.end)] = item
    return ResolvedDocument(linked, dates, date_at, places, place_at)


_ROUGHLY_BEFORE = re.compile(rf"\b(?:{ROUGH_WORDS}|c\.|or)\s+(?:the\s+)?$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:\(\s*between\b|or\b|(?:and|to|-|–)\s*\d)", re.I)


def _approximate(text: str, start: int, end: int) -> bool:
    """A day given as roughly so ("around 29 April", "between 28 and 30 April", "29 April
    (between 28 and 30 April)"): ACLED codes it at the precision of a few days."""
    return bool(_ROUGHLY_BEFORE.search(text[max(0, start - 25) : start])) or bool(
        _RANGE_AFTER.match(text[end : end + 15])
    )


def acled_fatalities(counts: list[int]) -> int:
    """ACLED's rule: of several reported death tolls, the most conservative one."""
    return min(counts) if counts else 0
