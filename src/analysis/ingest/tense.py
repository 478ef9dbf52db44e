"""The tense a date expression is used in, read from the dependency parse of its sentence.

`tense_at(parse, start, end)` climbs from the date's head token to the first verb that decides:
- `future`: an auxiliary "will"/"shall"/"'ll", a modal of possibility ("may", "could", "must"),
  "is to"/"is going to", a headline's bare infinitive ("Putin to visit ..."), a planning verb
  over the date's clause ("plans to", "is expected to", "is set to"), or a scheduling word
  ("scheduled for", "due in", "slated for");
- `past`: a finite past verb or auxiliary, a perfect ("has met"), or a participle modifying a
  noun ("the report, published Thursday,");
- `present`: a finite present verb ("meets", "is meeting"), or "would" (a future seen from a
  past saying, which may or may not lie before publication).
`""` when no verb decides (a date in a headline fragment or a verbless caption).
"""

from __future__ import annotations

from typing import Any

from analysis.ingest.parse import Parse

_WILL = frozenset(["will", "'ll", "\u2019ll", "shall", "wo", "ll"])
_MODAL_AHEAD = frozenset(["may", "might", "could", "must", "should", "can", "ca"])
#: Verbs whose complement clause lies ahead of them: "plans to visit in May", "asked to leave".
_PLANNING = frozenset(
    [
        "plan",
        "expect",
        "intend",
        "aim",
        "hope",
        "want",
        "seek",
        "prepare",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "propose",
        "agree",
        "decide",
        "set",
        "schedule",
        "due",
        "slate",
        "go",
        # requests, orders and obligations: "asked allies to deliver jets by March"
        "require",
        "oblige",
        "ask",
        "urge",
        "demand",
        "order",
        "instruct",
        "request",
        "call",
        "press",
        "invite",
        "tell",
    ]
)
#: Participles and adjectives that date a thing ahead: "the vote, scheduled for Sunday".
_SCHEDULED = frozenset(["schedule", "scheduled", "due", "slate", "slated", "upcoming"])


def _aux(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _planning(verb: Any) -> bool:
    """A planning verb by its lemma, or by its form where the lemmatizer errs ("hoped": "hop")."""
    form = verb.lower_
    stems = {verb.lemma_.lower(), form, form[:-1], form[:-2], form[:-3]}
    return bool(stems & _PLANNING) and len(form) > 3


def verb_tense(verb: Any, came_from: Any | None = None) -> str:
    """`future`, `past`, `present` or "" (undecided here: climb further) for one verb."""
    auxes = _aux(verb)
    words = {a.lower_ for a in auxes}
    if words & _WILL:
        return "future"
    if "to" in words and verb.dep_ == "ROOT":
        return "future"  # a headline's "Putin to visit Pyongyang on Tuesday"
    if "would" in words:
        return "present"
    if words & _MODAL_AHEAD:
        return "future"
    lemma = verb.lemma_.lower()
    past_aux = any("Past" in a.morph.get("Tense") for a in auxes)
    if lemma in _SCHEDULED and verb.tag_ in ("VBN", "JJ") and not past_aux:
        return "future"
    to_clause = came_from is not None and any(c.lower_ == "to" for c in _aux(came_from))
    if (
        came_from is not None
        and came_from.dep_ in ("xcomp", "ccomp")
        and (_planning(verb) or (lemma == "be" and to_clause))
    ):
        return "future"
    if lemma == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _SCHEDULED for c in verb.children
    ):
        return "future"  # "the vote is due in September"
    if past_aux or words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl")):
        return "past"  # "took", and "the report, published Thursday,": a reduced relative
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return ""


def tense_at(parse: Parse | None, start: int, end: int) -> str:
    """The tense of the clause a date expression at text[start:end] belongs to, or ""."""
    if parse is None:
        return ""
    span = parse.span(start, end)
    if span is None or not len(span):
        return ""
    token = span.root
    came_from = None
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            found = verb_tense(token, came_from)
            if found:
                return found
        elif token.lemma_.lower() in _SCHEDULED and token.pos_ == "ADJ":
            return "future"  # "talks due in August"
        if token.head is token:
            break
        came_from, token = token, token.head
    return ""
