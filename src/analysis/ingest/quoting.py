"""Which quotations a speech act draws on: the quotations over its sentence or just after it.

`near_quotes()` gives each sentence its quotations in one pass (linear in the text);
`widen()` turns what a verb reports into the quotation it introduces or closes: a quotation
that is (nearly) all of what was said, or a long one in the sentence, makes the claim direct and
its content the quotation's words (all the parts around the cue: `"A," he said, "B."`); a short
quoted phrase inside reported speech leaves it indirect (a mixed quote).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.ingest.marks import Quotation, inner
from analysis.ingest.segment import Sentence
from analysis.ingest.speech import SpeechAct


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def widen(
    folded: str,
    act: SpeechAct,
    content: tuple[int, int] | None,
    sentence: Sentence,
    quotes: Sequence[Quotation],
) -> tuple[tuple[int, int] | None, bool]:
    """What was said widened to the quotations of the sentence it draws on; whether quoted."""
    here = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
    here = [q for q in here if not (q.start < act.start < q.end)]
    if content is None and not here:
        # `"Where is the grain?" Kuleba asked.`: the sentence ended inside the marks
        here = [
            q
            for q in quotes
            if q.long and q.end <= sentence.start and _just_before(folded, q, sentence)
        ]
    if content is not None:
        touched = [q for q in here if _overlaps(inner(folded, q), content)]
        if not any(q.long or _covers(inner(folded, q), content) for q in touched):
            return content, False  # a quoted phrase in reported speech: a mixed quote
        # the parts of one quotation around its cue (`"A," he said, "B."`), not a quoted phrase
        # in what he went on to say (`"A," he said, adding that it was "B."`)
        group = [q for q in here if q in touched or _around(folded, act, q)]
    else:  # `he said: "Of course."`: a quotation the cue opens with a colon, however short
        group = [q for q in here if q.long or _colon_before(folded, act, q)]
        if not group:
            return None, False
    spans = [inner(folded, q) for q in group]
    if content is not None:
        spans.append(content)
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    while hi > lo and folded[hi - 1] in " ,":
        hi -= 1
    marks = folded[lo:hi].count('"')
    if marks == 2 and folded[lo] == folded[hi - 1] == '"':  # the whole quotation, marks and all
        lo, hi = lo + 1, hi - 1
    elif marks % 2 and folded[lo] == '"':  # a mark of its own the parse took into the clause
        lo += 1
    elif marks % 2 and folded[hi - 1] == '"':
        hi -= 1
    while hi > lo and folded[hi - 1] in " ,":
        hi -= 1
    return (lo, hi), True


def _colon_before(folded: str, act: SpeechAct, q: Quotation) -> bool:
    return act.end <= q.start and re.fullmatch(r"\s*:\s*", folded[act.end : q.start]) is not None


def _just_before(folded: str, q: Quotation, sentence: Sentence) -> bool:
    """The quotation closed the sentence before, in the same paragraph: `?" Kuleba asked.`"""
    gap = folded[q.end : sentence.start]
    return folded[q.end - 2 : q.end - 1] in ("?", "!", ".") and gap.isspace() and "\n" not in gap


def _covers(quoted: tuple[int, int], content: tuple[int, int]) -> bool:
    """The quotation is (nearly) all of what was said: a direct quote, however short."""
    inside = min(quoted[1], content[1]) - max(quoted[0], content[0])
    return inside >= 0.8 * (content[1] - content[0])


def near_quotes(
    quotes: Sequence[Quotation], sentences: Sequence[Sentence]
) -> list[list[Quotation]]:
    """Per sentence, the quotations over it or opening just after it (one pass: linear)."""
    out: list[list[Quotation]] = []
    lo = 0
    for sentence in sentences:
        while lo < len(quotes) and quotes[lo].end < sentence.start - 3:
            lo += 1
        here = []
        for q in quotes[lo:]:
            if q.start >= sentence.end + 4:
                break
            here.append(q)
        out.append(here)
    return out


def _around(folded: str, act: SpeechAct, q: Quotation) -> bool:
    """Whether a quotation goes on right after the cue: `, he said, "..."`."""
    if q.start < act.end:
        return True
    gap = folded[act.end : q.start]
    return bool(re.fullmatch(r"[\w.' -]{0,40},?\s*:?\s*", gap)) and " that" not in gap
