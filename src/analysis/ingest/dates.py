"""Date expressions in a sentence, resolved against the publication date to an interval.

Pure Python and regular expressions. A news text dates events relative to the day it was
published: "Monday" is the most recent Monday on or before that day, "last week" the ISO week
before the publication's, "in July" the most recent July (so "in November" in a September
article is the previous year's), "this month" the publication's month. In a sentence about the
future ("will meet on Friday", "plans to visit in October") the next such day or month is meant
instead. The interval of a week, month or year follows CONTRACT.md (Monday to Sunday, first to
last day, 1 January to 31 December).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
)
_MON = rf"(?P<mon>{_MONTH_NAMES})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?:morning|afternoon|evening|night)"

# Ordered: the first pattern that matches at a position wins, longer forms first.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
    (
        "month_day",
        rf"\b(?:on |by |since |until )?(?:{_MON} {_DAYNUM}(?:, {_YEAR})?|"
        rf"{_DAYNUM.replace('day>', 'day2>')} (?P<mon2>{_MONTH_NAMES})"
        rf"(?: (?P<year2>(?:19|20)\d\d))?)\b",
    ),
    (
        "weekday",
        rf"\b(?:(?:on|since|until|by) )?(?:(?P<rel>last|this|next|early|late) )?{_WD}"
        rf"(?: {_PART})?\b",
    ),
    (
        "month",
        rf"\b(?:(?P<prep>in|since|until|by|during|from) )?(?:(?P<mrel>early|late|last|"
        rf"next|this) |(?P<mid>mid-))?{_MON}(?: {_YEAR})?(?![\w-])",
    ),
    (
        "year",
        rf"\b(?:(?P<prep>in|since|until|by|during|from) )(?:(?P<yrel>early|mid-|late) ?)?"
        rf"{_YEAR}\b(?!-)",
    ),
    (
        "relative",
        r"\b(?:(?P<earlier>earlier|later) )?(?P<rel>last|this|next) "
        r"(?P<unit>week|month|year|weekend)\b",
    ),
    ("weekend", r"\b(?:over|during|on|at) the weekend\b"),
    ("deictic", r"\b(?P<word>today|yesterday|tomorrow|tonight)\b"),
    ("ago", r"\b(?P<n>\d+|a|one|two|three|four|five|six) (?P<unit>days?|weeks?) ago\b"),
    ("overnight", r"\bovernight\b"),
)
_COMPILED = tuple((kind, re.compile(rx)) for kind, rx in _PATTERNS)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}

#: Words that put a sentence in the future: its weekdays and months are the next ones.
FUTURE = re.compile(
    r"\b(?:will|'ll|\u2019ll|plans? to|planning to|planned for|is expected to|"
    r"are expected to|is set to|are set to|scheduled|upcoming|is due to|"
    r"are due to|to be held)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: its offsets, its words and the interval they mean."""

    start: int
    end: int
    text: str
    value: dt.date | None  # first day of the interval; None when granularity is unknown
    value_end: dt.date | None
    granularity: str  # day | week | month | year | unknown
    confidence: float


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _weekday(published: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel == "last":
        return published - dt.timedelta(days=back or 7)
    if rel == "next":
        return published + dt.timedelta(days=ahead or 7)
    if future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _month_year(published: dt.date, month: int, future: bool) -> int:
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _resolve(
    kind: str, m: re.Match[str], published: dt.date, future: bool
) -> tuple[dt.date | None, dt.date | None, str, float] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            day = dt.date.fromisoformat(g["iso"])
        except ValueError:
            return None
        return day, day, "day", 0.95
    if kind == "month_day":
        mon = g.get("mon") or g.get("mon2")
        num = g.get("day") or g.get("day2")
        year = g.get("year") or g.get("year2")
        if not mon or not num:
            return None
        month = _month_number(mon)
        if year:
            y = int(year)
        else:
            y = published.year
            candidate = _safe_date(y, month, int(num))
            if candidate is None:
                return None
            if not future and candidate > published:
                y -= 1
            elif future and candidate < published:
                y += 1
        found_day = _safe_date(y, month, int(num))
        if found_day is None:
            return None
        return found_day, found_day, "day", 0.9 if year else 0.85
    if kind == "weekday":
        rel = (g.get("rel") or "").lower()
        day = _weekday(
            published,
            WEEKDAYS.index(g["wd"].lower()),
            rel if rel in ("last", "next") else "",
            future,
        )
        return day, day, "day", 0.85
    if kind == "month":
        mon = g["mon"]
        if not (g.get("prep") or g.get("mrel") or g.get("mid") or g.get("year")):
            return None  # a bare "May", "March": a verb or a name as often as a month
        month = _month_number(mon)
        rel = (g.get("mrel") or "").lower()
        if g.get("year"):
            y = int(g["year"])
        elif rel == "last":
            y = published.year - 1 if month >= published.month else published.year
        elif rel == "next":
            y = published.year + 1 if month <= published.month else published.year
        elif rel == "this":
            y = published.year
        else:
            y = _month_year(published, month, future)
        start, end = _month_span(y, month)
        return start, end, "month", 0.9 if g.get("year") else 0.8
    if kind == "year":
        y = int(g["year"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.9
    if kind == "relative":
        by = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        unit = g["unit"].lower()
        if unit == "weekend":
            # last weekend: the one before this ISO week; this/next: of this/next week
            saturday = monday(published) + dt.timedelta(days=5 + 7 * by - (7 if by < 0 else 0))
            if by < 0:
                saturday = monday(published) - dt.timedelta(days=2)
            start = monday(saturday)
            return start, start + dt.timedelta(days=6), "week", 0.7
        if unit == "week":
            start = monday(published) + dt.timedelta(weeks=by)
            return start, start + dt.timedelta(days=6), "week", 0.8
        if unit == "month":
            y, mo = _shift_month(published.year, published.month, by)
            start, end = _month_span(y, mo)
            return start, end, "month", 0.8
        y = published.year + by
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.8
    if kind == "weekend":
        if future:
            saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        else:
            saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        start = monday(saturday)
        return start, start + dt.timedelta(days=6), "week", 0.6
    if kind == "deictic":
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
        day = published + dt.timedelta(days=offset)
        return day, day, "day", 0.8
    if kind == "ago":
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        if g["unit"].startswith("day"):
            day = published - dt.timedelta(days=n)
            return day, day, "day", 0.7
        start = monday(published) - dt.timedelta(weeks=n)
        return start, start + dt.timedelta(days=6), "week", 0.6
    if kind == "overnight":
        return None, None, "unknown", 0.3
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(
    text: str, published: dt.date, *, future: bool | None = None, offset: int = 0
) -> list[DateMention]:
    """Every date expression in `text` (one sentence), left to right, without overlaps.

    `future` says whether the sentence speaks of the future; by default it is read from the
    sentence's own words (FUTURE). Offsets are shifted by `offset`, the sentence's start.
    """
    if future is None:
        future = bool(FUTURE.search(text))
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            resolved = _resolve(kind, m, published, future)
            if resolved is None:
                continue
            start, end, granularity, confidence = resolved
            taken.append((s, e))
            found.append(
                DateMention(s + offset, e + offset, m.group(0), start, end, granularity, confidence)
            )
    return sorted(found, key=lambda d: d.start)


def resolve(
    expression: str, published: dt.date, *, future: bool = False
) -> tuple[dt.date | None, dt.date | None, str] | None:
    """The interval and granularity of one expression ("last week"), or None if it is none."""
    hits = find_dates(expression, published, future=future)
    if not hits:
        return None
    hit = max(hits, key=lambda d: d.end - d.start)
    return hit.value, hit.value_end, hit.granularity
