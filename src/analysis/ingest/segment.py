"""Split a source text into blocks and sentences with offsets; mark what is not the article body.

A scraped article carries more than its body: the headline, a photo caption with its credit,
a contributors line, and the scraper's tail ("Source link", "Leave a Reply", "Your email
address will not be published"). Those spans are marked `non_body` so nothing is drafted from
them — except the caption, which is marked but still read: it can describe an event (the seed's
"seen in 2019 before talks in Vladivostok"), so its drafts get a lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.quotes import normalise

#: The kinds of non-body span, as written into the source metadata's `non_body` list.
NON_BODY_KINDS = ("headline", "caption", "credit", "contributors", "boilerplate")
#: The kinds of block ingest parses and reads: the body, and the headline and caption, whose
#: drafts get a lower confidence (the headline is read for its event only, not for claims).
READ_KINDS = ("headline", "body", "caption")

_BLOCK_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_CREDIT = re.compile(
    r"\((?P<credit>[^()\n]{2,160}?(?:/|Getty|AFP|Reuters|\bAP\b|EPA|Photo|Images|Pool|"
    r"Bloomberg|TASS|Sputnik|Handout|Xinhua|via )[^()\n]{0,160})\)\s*$"
)
_CONTRIBUTORS = re.compile(
    r"(?:contributed(?: reporting)? to this (?:report|story|article)\.?\s*$)|"
    r"^(?:Additional reporting|Reporting|Writing|Editing|Edited) by\b",
    re.IGNORECASE,
)
_BOILERPLATE_LINE = re.compile(
    r"^(?:Source link|Source|Leave a Reply|Leave a Comment|Cancel reply|Post navigation|"
    r"Your email address will not be published\..*|Required fields are marked.*|"
    r"Share this:?|Like this:?|Related(?: Posts| Articles| Stories| Content| Coverage)?(?::.*)?|"
    r"Click to share.*|Subscribe\b.*|Sign up\b.*|Advertisement|Read more:?.*|"
    r"Continue reading.*|Comment\s*\*?|Name\s*\*?|Email\s*\*?|Website|Save my name.*|"
    r"Loading\.\.\.|"
    # promotions: apps, newsletters, social accounts, alerts
    r"Click here\b.*|Download (?:the|our) .*\bapps?\b.*|Get (?:the|our) .*\bapps?\b.*|"
    r"Follow (?:us|\S+(?: \S+){0,3}) on (?:Twitter|X|Facebook|Instagram|Telegram|"
    r"LinkedIn|YouTube|TikTok|Threads|Google News|WhatsApp)\b.*|"
    r"Like us on Facebook.*|Join (?:us|our \S+(?: \S+)?) on (?:Telegram|WhatsApp)\b.*|"
    r"(?:Also|Must|Don't|Do not) (?:read|see|miss|watch)\b:?.*|See also:?.*|"
    r"Story continues (?:below|after).*|Listen to this article.*|Share (?:on|via) .*|"
    r"Copyright\b.*|\u00a9.*|All rights reserved\.?|"
    r"(?:Watch|Listen|Photos|Video|Gallery|More|Trending|Recommended|Live updates):.*)$",
    re.IGNORECASE,
)
#: An all-caps teaser: a label in capitals and a colon before a headline that does not end
#: like a sentence ("WATCH: Drone footage shows ...", "RUSSIA-UKRAINE WAR: LIVE UPDATES").
_CAPS_LABEL = re.compile(r"^(?P<label>[A-Z0-9][A-Z0-9 '\u2019&,-]{1,40}):\s+(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?$")


def is_boilerplate_line(line: str, *, teasers: bool = True) -> bool:
    """A promotional or navigation line, or an all-caps teaser, wherever it stands.

    A sentence in capitals is only a teaser when no word of it is in lower case and it has
    at least three words with more than four letters: acronyms ("NATO and the EU said ...")
    and a dateline ("NEW DELHI: The ministry said on Monday ...") stay body text.
    """
    line = line.strip()
    if not line:
        return False
    if _BOILERPLATE_LINE.match(line):
        return True
    if not teasers:
        return False
    m = _CAPS_LABEL.match(line)
    if m and not _SENTENCE_END.search(m.group("rest")) and len(m.group("rest").split()) <= 20:
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019.-]*", line)]
    if len(words) < 3 or any(c.islower() for w in words for c in w):
        return False
    return sum(len(w.strip(".'\u2019-")) > 4 for w in words) >= 3


#: A boilerplate block after which everything is the scraper's tail.
_TAIL_START = re.compile(r"^(?:Source link|Leave a Reply|Leave a Comment)$", re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.!?\"'\u201d\u2019:]\s*$")
_OPENING_QUOTES = "\u201c\u2018"


@dataclass(frozen=True)
class Block:
    """A paragraph of the text (separated by blank lines) and what kind of text it is."""

    start: int
    end: int
    kind: str  # body | headline | caption | contributors | boilerplate


@dataclass(frozen=True)
class NonBody:
    """A span of the text that is not article body, as stored in the source metadata."""

    start: int
    end: int
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block that ingest reads (body or caption), by offsets in the text."""

    start: int
    end: int
    block: int
    kind: str  # body | caption | headline


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str, title: str = "") -> tuple[list[Block], list[NonBody]]:
    """The text's blocks with their kinds, and the non-body spans (a caption's credit apart)."""
    raw: list[tuple[int, int]] = []
    at = 0
    for m in _BLOCK_BREAK.finditer(text):
        raw.append(_strip(text, at, m.start()))
        at = m.end()
    raw.append(_strip(text, at, len(text)))
    spans = [(s, e) for s, e in raw if e > s]

    out: list[Block] = []
    non_body: list[NonBody] = []
    in_tail = False
    for i, (s, e) in enumerate(spans):
        lines = _lines(text, s, e)
        # a headline may be a label and a colon, or all capitals: not a teaser
        teasers = not (i == 0 and _is_headline(text[s:e], title))
        junk = [is_boilerplate_line(text[a:b], teasers=teasers) for a, b in lines]
        if in_tail or all(junk):
            in_tail = in_tail or any(_TAIL_START.match(text[a:b].strip()) for a, b in lines)
            non_body.append(NonBody(s, e, "boilerplate"))
            out.append(Block(s, e, "boilerplate"))
            continue
        for first, (a, b, is_junk) in enumerate(_runs(lines, junk)):
            if is_junk:
                non_body.append(NonBody(a, b, "boilerplate"))
                out.append(Block(a, b, "boilerplate"))
            else:
                _classify(text, a, b, i == 0 and first == 0, title, out, non_body)
    return out, non_body


def _lines(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, at = [], s
    for line in text[s:e].split("\n"):
        a, b = _strip(text, at, at + len(line))
        if b > a:
            out.append((a, b))
        at += len(line) + 1
    return out


def _runs(lines: Sequence[tuple[int, int]], junk: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """Consecutive lines of the same kind (boilerplate or not) merged into one span."""
    out: list[tuple[int, int, bool]] = []
    for (a, b), j in zip(lines, junk, strict=True):
        if out and out[-1][2] == j:
            out[-1] = (out[-1][0], b, j)
        else:
            out.append((a, b, j))
    return out


def _classify(
    text: str,
    s: int,
    e: int,
    first: bool,
    title: str,
    out: list[Block],
    non_body: list[NonBody],
) -> None:
    """A block that is not boilerplate: headline, contributors, caption (+ credit) or body."""
    chunk = text[s:e]
    kind = "body"
    if first and _is_headline(chunk, title):
        kind = "headline"
    elif _CONTRIBUTORS.search(chunk) and len(chunk) < 400:
        kind = "contributors"
    elif (credit := _CREDIT.search(chunk)) and len(chunk.split()) <= 80:
        cs, ce = _strip(text, s + credit.start(), s + credit.end())
        body_end = _strip(text, s, s + credit.start())[1]
        if body_end > s:
            non_body.append(NonBody(s, body_end, "caption"))
        non_body.append(NonBody(cs, ce, "credit"))
        out.append(Block(s, body_end, "caption"))
        return
    if kind != "body":
        non_body.append(NonBody(s, e, kind))
    out.append(Block(s, e, kind))


def _is_headline(chunk: str, title: str) -> bool:
    if title and normalise(chunk) == normalise(title):
        return True
    return (
        "\n" not in chunk.strip() and len(chunk.split()) <= 30 and not _HEADLINE_END.search(chunk)
    )


def sentences(text: str, blocks_: Sequence[Block], docs: Iterable[Any]) -> list[Sentence]:
    """Sentences of the read blocks (READ_KINDS), from their spaCy docs (one doc per block).

    The sentencizer leaves an opening quote mark at the end of the sentence before it
    (`... he said. “` / `As Turkey, ...”`): such a mark is moved to the sentence it opens.
    """
    out: list[Sentence] = []
    readable = [(i, b) for i, b in enumerate(blocks_) if b.kind in READ_KINDS]
    for (index, block), doc in zip(readable, docs, strict=True):
        spans = [
            _strip(text, block.start + s.start_char, block.start + s.end_char) for s in doc.sents
        ]
        spans = [(s, e) for s, e in spans if e > s]
        fixed: list[tuple[int, int]] = []
        for j, (s, e) in enumerate(spans):
            if fixed and fixed[-1][1] > s:
                s = fixed[-1][1]
            if j + 1 < len(spans) and e - s > 1 and _opens(text, e - 1):
                e = _strip(text, s, e - 1)[1]
                spans[j + 1] = (e, spans[j + 1][1])
            s, e = _strip(text, s, e)
            if e > s:
                fixed.append((s, e))
        out.extend(Sentence(s, e, index, block.kind) for s, e in _join_abbreviations(text, fixed))
    return out


#: Titles and name parts the sentencizer takes for a full stop when written in capitals
#: ("ST. PETERSBURG, Russia (AP) — ...", "GEN. MARK MILLEY").
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:St|Mt|Ft|Pt|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Rev|Dr|Mr|Mrs|Ms|Prof|No)\.$",
    re.IGNORECASE,
)


def _join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A "sentence" that is a few words ending in a title's full stop joins the next one."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        last = text[out[-1][0] : out[-1][1]] if out else ""
        if _ABBREVIATION.search(last) and len(last.split()) <= 3:
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def _opens(text: str, at: int) -> bool:
    ch = text[at]
    if ch in _OPENING_QUOTES:
        return True
    return ch in "\"'" and at > 0 and text[at - 1].isspace()
