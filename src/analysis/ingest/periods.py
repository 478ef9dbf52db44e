"""Calendar periods relative to a publication date: weekdays, months, weeks, years, seasons.

`dates` finds the words; these functions turn them into intervals. `when` is how a clause takes
a weekday or month without a year: "past" (the latest on or before publication), "future" (the
next on or after it) or "nearest" (the nearer of the two, the earlier on a tie, with a note).
"""

from __future__ import annotations

import calendar
import datetime as dt

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

Resolved = tuple[dt.date | None, dt.date | None, str, float, str]


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest(pub: dt.date, before: dt.date, after: dt.date, what: str) -> tuple[dt.date, str]:
    if before == after:
        return before, ""
    chosen = before if (pub - before) <= (after - pub) else after
    other = after if chosen == before else before
    return chosen, (
        f"present tense or none: the nearer {what} ({chosen.isoformat()}) taken, "
        f"not {other.isoformat()}"
    )


def weekday_day(published: dt.date, weekday: int, rel: str, when: str) -> tuple[dt.date, str]:
    back = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    ahead = published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    if rel == "last" or rel == "past":
        return back if back < published else back - dt.timedelta(days=7), ""
    if rel in ("next", "coming"):
        return ahead if ahead > published else ahead + dt.timedelta(days=7), ""
    if when == "past":
        return back, ""
    if when == "future":
        return ahead, ""
    return nearest(published, back, ahead, WEEKDAYS[weekday].title())


def month_year(published: dt.date, month: int, when: str) -> tuple[int, str]:
    back = published.year if month <= published.month else published.year - 1
    ahead = published.year if month >= published.month else published.year + 1
    if when == "past":
        return back, ""
    if when == "future":
        return ahead, ""
    chosen, note = nearest(published, dt.date(back, month, 15), dt.date(ahead, month, 15), "")
    if note:
        note = (
            f"present tense or none: the nearer {calendar.month_name[month]} "
            f"({chosen.year}) taken, not {back if chosen.year == ahead else ahead}"
        )
    return chosen.year, note


def day_in(published: dt.date, month: int, day: int, when: str) -> tuple[dt.date | None, str]:
    this = safe_date(published.year, month, day)
    prev = safe_date(published.year - 1, month, day)
    nxt = safe_date(published.year + 1, month, day)
    before = this if this is not None and this <= published else prev
    after = this if this is not None and this >= published else nxt
    if before is None or after is None:
        return before or after, ""
    if when == "past":
        return before, ""
    if when == "future":
        return after, ""
    return nearest(published, before, after, "date")


def unknown(note: str, confidence: float = 0.3) -> Resolved:
    return None, None, "unknown", confidence, note


def month_interval(
    published: dt.date, month: int, g: dict[str, str | None], when: str, conf: float
) -> Resolved:
    rel = (g.get("mrel") or "").lower()
    note = ""
    if g.get("year"):
        y = int(g["year"] or 0)
        conf = 0.9
    elif rel == "last":
        y = published.year - 1 if month >= published.month else published.year
    elif rel == "next":
        y = published.year + 1 if month <= published.month else published.year
    elif rel == "this":
        y = published.year
    else:
        y, note = month_year(published, month, when)
    start, end = month_span(y, month)
    return start, end, "month", conf, note


def relative(published: dt.date, g: dict[str, str | None]) -> Resolved:
    rel = (g["rel"] or "").lower()
    unit = (g["unit"] or "").lower()
    if unit == "weekend" and rel in ("past", "coming"):
        rel = "last" if rel == "past" else "next"  # "this past weekend": the latest one
    if rel in ("past", "coming"):
        return unknown(f"'{rel} {unit}' is a rolling period, not a calendar {unit}")
    by = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "weekend":
        saturday = monday(published) + dt.timedelta(days=5 + 7 * by)
        start = monday(saturday)
        return start, start + dt.timedelta(days=6), "week", 0.7, ""
    if unit == "week":
        start = monday(published) + dt.timedelta(weeks=by)
        return start, start + dt.timedelta(days=6), "week", 0.8, ""
    if unit == "month":
        y, mo = shift_month(published.year, published.month, by)
        start, end = month_span(y, mo)
        return start, end, "month", 0.8, ""
    y = published.year + by
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.8, ""


def ago(published: dt.date, g: dict[str, str | None]) -> Resolved:
    word = (g["n"] or "").lower()
    n = NUMBERS.get(word) or int(word)
    unit = (g["unit"] or "").lower().rstrip("s")
    if unit == "decade":
        return unknown(f"{n} decade(s) before publication: about {published.year - 10 * n}")
    if unit == "day":
        day = published - dt.timedelta(days=n)
        return day, day, "day", 0.7, ""
    if unit == "week":
        start = monday(published) - dt.timedelta(weeks=n)
        return start, start + dt.timedelta(days=6), "week", 0.6, ""
    if unit == "month":
        y, mo = shift_month(published.year, published.month, -n)
        start, end = month_span(y, mo)
        return start, end, "month", 0.6, ""
    y = published.year - n
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.6, ""


SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def season(published: dt.date, g: dict[str, str | None], when: str) -> Resolved | None:
    season = (g.get("season") or g.get("season2") or "").lower()
    rel = (g.get("srel") or g.get("srel2") or "").lower()
    if not (rel or g.get("year") or g.get("sprep")):
        return None  # "the spring offensive", "Arab Spring": not a date
    if g.get("year"):
        y = int(g["year"] or 0)
    elif rel == "this":
        y = published.year
    else:
        month = SEASON_MONTH[season]
        if rel == "last":
            y = published.year if month + 2 < published.month else published.year - 1
        elif rel == "next":
            y = published.year if month > published.month else published.year + 1
        else:
            y, _ = month_year(published, month, when)
    if season == "winter":
        return unknown(f"winter {y}-{y + 1} spans two years; date it by hand")
    return (
        dt.date(y, 1, 1),
        dt.date(y, 12, 31),
        "year",
        0.6,
        f"{season} {y}: kept as the year (no season granularity)",
    )
