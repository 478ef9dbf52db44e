"""Date expressions in a sentence, resolved against the publication date to an interval.

Regular expressions find the words (any case for the words around a month or weekday name:
"Last month", "In March", "Next week's vote"); the publication date and the tense of the clause
(`analysis.ingest.tense`, from the dependency parse) resolve them. A weekday, a month, or a day
of a month without a year is taken
- in a past or perfect clause ("met on Friday", "has risen since March"): the latest such day or
  month on or before publication;
- in a future clause ("will meet on Friday", "is to visit in August", "talks scheduled for
  Sunday"): the next such one, on or after publication;
- otherwise (present tense, "would", no verb: "Sunday's strike"): the nearer of the two, the
  earlier one when they are as near, with a note saying so.
A clause with no verb to read ("Sunday's strike") but a future word in its sentence (FUTURE)
is future. Without a parse the tense is read from the sentence's words, the past by default.
The end of a range ("from Monday to Wednesday", "between March and May") never comes before
its start, and a past range of weekdays ends on or before publication.
"last week" is the ISO week (Monday to Sunday) before the publication's, "this month" the
publication's month, "earlier this year" the publication's year, a season its year (with a
note); intervals follow CONTRACT.md. Words that name a time the contract cannot hold (a
decade, "in the coming days", "the day before", "overnight") are kept with granularity
unknown and a `note` giving the reason, so a reviewer sees them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from analysis.ingest.periods import (
    MONTHS,
    WEEKDAYS,
    Resolved,
    ago,
    day_in,
    monday,
    month_interval,
    month_number,
    month_span,
    relative,
    safe_date,
    season,
    unknown,
    weekday_day,
)
from analysis.ingest.tense import tense_at

if TYPE_CHECKING:
    from analysis.ingest.parse import Parse

_WEEKDAY_NAMES = [w.title() for w in WEEKDAYS]
_FULL_MONTHS = [calendar.month_name[n] for n in range(1, 13)]
# names are capitalised, or all in capitals ("ON SUNDAY"); never lower case ("may", "march")
_WD = "(?P<wd>" + "|".join(_WEEKDAY_NAMES + [w.upper() for w in _WEEKDAY_NAMES]) + ")"
_MONTH_NAMES = "|".join(
    _FULL_MONTHS
    + [m.upper() for m in _FULL_MONTHS]
    + [r"Jan\.", r"Feb\.", r"Mar\.", r"Apr\.", r"Aug\.", r"Sept\.", r"Sep\."]
    + [r"Oct\.", r"Nov\.", r"Dec\."]
)
# before a day number an abbreviation may lack its full stop: "Jan 5"
_MONTH_BEFORE_DAY = rf"{_MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MON = rf"(?P<mon>{_MONTH_NAMES})"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?i:morning|afternoon|evening|night)"
_PREP = (
    r"(?i:on|in|by|since|until|till|before|after|from|through|throughout|during|of|for|"
    r"between|around|within|as of)"
)
_REL = r"(?i:(?P<rel>last|this|next|early|late|earlier|later|coming|past) )"

# Ordered: the first pattern that matches at a position wins, longer forms first.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"),
    (
        "weekday_date",
        rf"\b(?:{_PREP} )?{_WD},? (?P<mon>{_MONTH_BEFORE_DAY}) {_DAYNUM}(?:,? {_YEAR})?\b",
    ),
    (
        "month_day",
        rf"\b(?:{_PREP} )?(?:(?P<mon>{_MONTH_BEFORE_DAY}) {_DAYNUM}(?:,? {_YEAR})?|"
        rf"(?i:the )?{_DAYNUM.replace('day>', 'day2>')}(?i: of)? (?P<mon2>{_MONTH_NAMES})"
        rf"(?:,? (?P<year2>(?:19|20)\d\d))?)\b(?!-\d)",
    ),
    ("weekday", rf"\b(?:{_PREP} )?{_REL}?{_WD}(?: {_PART})?\b"),
    (
        "ago",
        r"\b(?i:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) "
        r"(?P<unit>days?|weeks?|months?|years?|decades?) ago)\b",
    ),
    (
        "period_end",
        r"\b(?i:(?:by |at |before |until |since |from |around |toward |towards )?(?:the )?"
        r"(?:(?P<yend>year-end|year's end|end of the year|turn of the year)|"
        r"(?P<mend>month-end|end of the month)|(?P<ystart>(?:beginning|start) of (?:the|this) "
        r"year)))\b",
    ),
    (
        "vague",
        r"\b(?i:(?:in |over |during |for )?the (?:coming|next|past|last|previous|following) "
        r"(?:few |several |two |three )?(?:days|weeks|months|years|hours)|"
        r"(?:in |over )?recent (?:days|weeks|months|years)|"
        r"(?:the )?(?:day|week|month|year|night) (?:before|after)|"
        r"the (?:previous|following|next) (?:day|week|month|morning|evening|night)|"
        r"(?:\d+|a|an|one|two|three|four|five|six|several|few|a few) "
        r"(?:days|weeks|months|years) (?:earlier|later|before|after)|"
        r"earlier in the day|later that day|that day|(?:some |several )?(?:days|weeks|months|"
        r"years) ago|since then|until then|by then|at the time|at that time)\b",
    ),
    (
        "decade",
        r"\b(?:(?i:in|during|since|by|from|until) )?(?i:the )?(?i:(?:early|mid|late)[- ])?"
        r"(?:(?P<dec>(?:19|20)\d0)s|'(?P<dec2>\d0)s)\b",
    ),
    (
        "season",
        rf"\b(?:(?P<sprep>{_PREP} )?(?i:the )?(?i:(?P<srel>last|this|next|early|late) )?"
        rf"(?P<season>(?i:spring|summer|autumn|winter))(?:(?i: of)? {_YEAR})?|"
        rf"(?i:(?P<srel2>last|this|next) )(?P<season2>(?i:spring|summer|autumn|fall|winter)))\b",
    ),
    (
        "month",
        rf"\b(?:(?P<prep>{_PREP}) (?P<least>(?i:at (?:the )?(?:least|latest|earliest) ))?)?"
        rf"(?:(?i:the )?(?i:(?P<part>end|start|beginning|middle) of) )?"
        rf"(?:(?i:(?P<mrel>early|late|last|next|this)) |(?P<mid>(?i:mid)-))?{_MON}"
        rf"(?:,? {_YEAR})?(?![\w-])",
    ),
    ("month_attr", rf"(?<=\b[Tt]he ){_MON}(?:'s)?(?= [a-z])"),  # "the June summit"
    (
        "year",
        rf"\b(?:(?P<prep>{_PREP}) )?(?:(?i:the )?(?P<yrel>(?i:early|mid-|late|end of|start of|"
        rf"beginning of|middle of|first half of|second half of|spring of|summer of|autumn of|"
        rf"fall of|winter of)) ?)?{_YEAR}\b"
        r"(?![-\u2013/]\d|,\d| ?%| ?(?:GMT|UTC|hours|hrs|local time|[ap]\.?m\b))",
    ),
    (
        "relative",
        r"\b(?i:(?:(?P<earlier>earlier|later|early|late) (?:in )?)?(?P<rel>last|this|next|past|"
        r"coming) (?P<unit>week|month|year|weekend))\b",
    ),
    ("weekend", r"\b(?i:(?:over|during|on|at) the weekend)\b"),
    (
        "deictic",
        r"\b(?i:(?:earlier |later )?(?P<word>today|yesterday|tomorrow|tonight|this morning|"
        r"this afternoon|this evening|last night))\b",
    ),
    ("overnight", r"\b(?i:overnight)\b"),
)
_COMPILED = tuple((kind, re.compile(rx)) for kind, rx in _PATTERNS)
#: A capitalised word, a sign or a number before a bare year makes it a name ("Euro 2024",
#: "Resolution 2231", "$2023"); these capitalised words do not.
_BEFORE_YEAR = re.compile(r"(?:^|\s)([A-Z][\w.]*|No\.|[#$\u20ac\u00a3]|\d[\d,.]*)\s?$")
_YEAR_OK = frozenset(["The", "A", "An", "Its", "His", "Her", "Their", "Our", "This", "That"])


def _names_a_year(before: str) -> bool:
    m = _BEFORE_YEAR.search(before)
    if m is None:
        return True
    word = m.group(1)
    return word in _YEAR_OK or word.rstrip(".").lower() in MONTHS


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
    note: str = ""  # why it stays unknown, or which reading was chosen and why


def _resolve(kind: str, m: re.Match[str], published: dt.date, when: str) -> Resolved | None:
    g = m.groupdict()
    conf = 0.85 if when in ("past", "future") else 0.7
    if kind == "iso":
        day = safe_date(*(int(x) for x in g["iso"].split("-")))
        return None if day is None else (day, day, "day", 0.95, "")
    if kind in ("weekday_date", "month_day"):
        month = month_number(g.get("mon") or g["mon2"])
        num = int(g.get("day") or g["day2"])
        year = g.get("year") or g.get("year2")
        if year:
            found = safe_date(int(year), month, num)
            return None if found is None else (found, found, "day", 0.9, "")
        if kind == "weekday_date":
            # the year in which that day falls on the weekday given, nearest publication
            fits = [
                d
                for y in (published.year, published.year - 1, published.year + 1)
                if (d := safe_date(y, month, num)) is not None
                and d.weekday() == WEEKDAYS.index(g["wd"].lower())
            ]
            if fits:
                day = min(fits, key=lambda d: abs(d - published))
                return day, day, "day", 0.9, ""
        found, note = day_in(published, month, num, when)
        return None if found is None else (found, found, "day", conf, note)
    if kind == "weekday":
        rel = (g.get("rel") or "").lower()
        day, note = weekday_day(published, WEEKDAYS.index(g["wd"].lower()), rel, when)
        return day, day, "day", 0.85 if rel in ("last", "next") else conf, note
    if kind == "month":
        if not (g.get("prep") or g.get("mrel") or g.get("mid") or g.get("year") or g.get("part")):
            return None  # a bare "May", "March": a verb or a name as often as a month
        if (
            g["mon"] in ("May", "MAY")
            and not (g.get("year") or g.get("mrel") or g.get("mid"))
            and (g.get("prep") or "").lower() not in ("in", "since", "until", "by", "during")
        ):
            return None  # "of May", "for May": as often Theresa May as the month
        if (g.get("prep") or "").lower() in ("until", "till") and (
            g.get("least") or when != "past"
        ):
            when = "future"  # "closed until at least May", "stays shut until March": ahead
        return month_interval(published, month_number(g["mon"]), g, when, conf)
    if kind == "month_attr":
        return month_interval(published, month_number(g["mon"]), g, when, conf * 0.9)
    if kind == "year":
        if not (g.get("prep") or g.get("yrel")) and not _names_a_year(
            m.string[max(0, m.start() - 20) : m.start()]
        ):
            return None  # "Euro 2024", "Resolution 2231", "$2023": a name or a number
        y = int(g["year"])
        bare = not (g.get("prep") or g.get("yrel"))
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.6 if bare else 0.9, ""
    if kind == "period_end":
        if g.get("ystart"):  # "since the beginning of the year": the publication's year
            y = published.year
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.7, "the start of the year"
        if g.get("yend"):  # the end of the publication's year
            y = published.year
            return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", 0.7, "the end of the year"
        start = published.replace(day=1)
        end = month_span(start.year, start.month)[1]
        return start, end, "month", 0.7, "the end of the month"
    if kind == "relative":
        return relative(published, g)
    if kind == "weekend":
        back = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        ahead = published + dt.timedelta(days=(5 - published.weekday()) % 7)
        saturday = ahead if when == "future" else back
        start = monday(saturday)
        return start, start + dt.timedelta(days=6), "week", 0.6, ""
    if kind == "deictic":
        word = g["word"].lower()
        offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
        day = published + dt.timedelta(days=offset)
        return day, day, "day", 0.6 if word == "last night" else 0.8, ""
    if kind == "ago":
        return ago(published, g)
    if kind == "decade":
        decade = g.get("dec") or f"{'19' if int(g['dec2']) > 30 else '20'}{g['dec2']}"
        return unknown(
            f"a decade ({decade}-{int(decade) + 9}): no granularity holds it; "
            "give a year if the text says more"
        )
    if kind == "season":
        return season(published, g, when)
    if kind == "vague":
        return unknown(f"'{m.group(0).strip()}' names no calendar period; date it by hand")
    if kind == "overnight":
        return unknown("overnight: the night before the day the text reports, not a date")
    return None


def _reading(tense: str, sentence: str) -> str:
    """past, future or nearest: how a clause of this tense takes a weekday or a month."""
    if tense in ("past", "future"):
        return tense
    if tense == "present":
        return "nearest"
    return "future" if FUTURE.search(sentence) else "nearest"


def find_dates(
    text: str,
    published: dt.date,
    *,
    future: bool | None = None,
    offset: int = 0,
    parse: Parse | None = None,
) -> list[DateMention]:
    """Every date expression in `text` (one sentence), left to right, without overlaps.

    With `parse` (the parsed document, text offsets) each expression takes the tense of its
    own clause; a clause with no tense to read falls back to the nearer reading. Without it,
    `future` says whether the sentence speaks of the future (by default read from its words:
    FUTURE), and the past is assumed otherwise. Offsets are shifted by `offset`, the
    sentence's start.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    readings: dict[int, str] = {}  # start -> past | future | nearest
    for kind, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if future is not None:
                when = "future" if future else "past"
            elif parse is not None:
                when = _reading(tense_at(parse, s + offset, e + offset), text)
            else:
                when = "future" if FUTURE.search(text) else "past"
            resolved = _resolve(kind, m, published, when)
            if resolved is None:
                continue
            start, end, granularity, confidence, note = resolved
            taken.append((s, e))
            readings[s + offset] = when
            found.append(
                DateMention(
                    s + offset,
                    e + offset,
                    m.group(0),
                    start,
                    end,
                    granularity,
                    confidence,
                    note,
                )
            )
    return _ranges(text, found, published, offset, readings)


_RANGE_END = re.compile(
    rf"\s*(?:to|and|through|until|till|-|\u2013)\s*(?:(?P<wd>{_WD[7:-1]})|(?P<mon>{_MONTH_NAMES})"
    rf"(?!\s*\d))(?:,? {_YEAR})?\b"
)


def _ranges(
    text: str,
    found: list[DateMention],
    published: dt.date,
    offset: int,
    readings: dict[int, str],
) -> list[DateMention]:
    """The second weekday or month of a range ("from Monday to Wednesday", "between March and
    May") found or added, and never before the first one: a week or a year later if it was.
    A range of weekdays in the past ends on or before publication: a week earlier if not."""
    out = sorted(found, key=lambda d: d.start)
    for i, first in enumerate(list(out)):
        m = _RANGE_END.match(text, first.end - offset)
        if m is None or first.value is None or first.granularity not in ("day", "month"):
            continue
        name = m.group("wd") or m.group("mon")
        s = m.start("wd") if m.group("wd") else m.start("mon")
        begin = first.value
        if m.group("wd") and first.granularity == "day":
            ahead = (WEEKDAYS.index(name.lower()) - begin.weekday()) % 7
            value = value_end = begin + dt.timedelta(days=ahead)
            if readings.get(first.start) == "past" and value > published:
                week = dt.timedelta(days=7)
                value = value_end = value - week
                first = replace(first, value=begin - week, value_end=begin - week)
                out[i] = first
        elif m.group("mon") and first.granularity == "month":
            month = month_number(name)
            year = int(m.group("year")) if m.group("year") else begin.year
            if not m.group("year") and month < begin.month:
                year += 1
            value, value_end = month_span(year, month)
        else:
            continue
        mention = DateMention(
            s + offset,
            m.end() + offset,
            text[s : m.end()],
            value,
            value_end,
            first.granularity,
            round(first.confidence * 0.9, 2),
            f"the end of the range that starts {first.text!r}",
        )
        known = [j for j, d in enumerate(out) if d.start < mention.end and mention.start < d.end]
        if not known:
            out.append(mention)
        elif len(known) == 1 and out[known[0]].start == mention.start and known[0] > i:
            out[known[0]] = mention
    return sorted(out, key=lambda d: d.start)


def resolve(
    expression: str, published: dt.date, *, future: bool = False
) -> tuple[dt.date | None, dt.date | None, str] | None:
    """The interval and granularity of one expression ("last week"), or None if it is none."""
    hits = find_dates(expression, published, future=future)
    if not hits:
        return None
    hit = max(hits, key=lambda d: d.end - d.start)
    return hit.value, hit.value_end, hit.granularity


def describe(mention: DateMention) -> str:
    """One line for a reviewer: "'in August' = 2024-08-01 (month)", or why it stays unknown."""
    if mention.value is None:
        return f"{mention.text!r}: unknown ({mention.note or 'no date it can be resolved to'})"
    line = f"{mention.text!r} = {mention.value.isoformat()} ({mention.granularity})"
    return f"{line}; {mention.note}" if mention.note else line
