"""Reporting verbs in a parsed text: who they name as speaking and what they report.

As quote extractors for news do it (GenderGapTracker's English extractor), beside the
quotations by their marks (`marks`):
- `speech_acts()` finds, per sentence, the reporting verbs of the dependency parse ("said",
  "told", "wrote", "denied", "according to", ...) outside quotations, with the head token of
  who speaks (the verb's subject, or the object of "according to") and the span of what was
  said (the clausal complement, the clause the verb is inserted in, or the object of "denied").
Also read: "As X reported, ..." (the clause it is hung on), "X was quoted by Y as saying" and "Y
quoted X as saying" (Y the relay), "issued a statement saying" (who issued it), a passive with
its agent ("were rejected by the ministry"), "..., X write." when the parser takes the verb for
a noun or hangs the speaker on the clause before, a speaker after the closing mark when the
parser took a word inside the quotation for the subject, "called it X", "the report found that",
"said that A, and that B" (two claims), ", it added," between commas. A verb with nothing
reported ("She said nothing", "did not say whether") is no speech act; "asked" and "continued"
attribute a quotation only. The word lists are in `cues`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis.ingest.cues import (
    ASKING,
    EMPTY_OBJECT,
    FINDINGS,
    OBJECT_SAID,
    REPORTS,
    SPEECH,
)
from analysis.ingest.marks import Quotation, trim
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence


@dataclass(frozen=True)
class SpeechAct:
    """A reporting verb of one sentence, who it names as speaking and what was said."""

    start: int  # the cue's first token ("said", "according")
    end: int
    lemma: str
    subject: Any | None  # the head token of the speaker, or None
    audience: Any | None  # the object of "told" (who was told)
    content: tuple[int, int] | None  # what was said, by offsets; None when nothing is
    backward: bool = False  # "That's according to X": what was said is the sentence before


def speech_acts(
    folded: str, parse: Parse, sentence: Sentence, quotes: Sequence[Quotation]
) -> list[SpeechAct]:
    """The reporting verbs of one sentence outside quotations, with speaker and content."""
    span = parse.span(sentence.start, sentence.end)
    if span is None:
        return []
    inside = [(q.start, q.end) for q in quotes if q.start < sentence.end and sentence.start < q.end]
    out: list[SpeechAct] = []
    for tok in span:
        at = parse.offset(tok)
        if any(a < at < b for a, b in inside):
            continue  # the speaker's own words, not a cue
        act = _according(folded, parse, tok, at) if tok.lower_ == "according" else None
        if act is None and tok.lower_ != "according":
            act = _verb(folded, parse, tok, at)
        if act is not None:
            act = _speaker_after_quote(parse, act, inside)
            out.extend(_clauses(folded, parse, tok, act) if act.lemma != "according" else [act])
    tail = _tail(folded, parse, sentence, [a for a in out if a.subject is not None])
    if tail is None:
        return out
    return [*(a for a in out if a.subject is not None or a.start != tail.start), tail]


def _clauses(folded: str, parse: Parse, tok: Any, act: SpeechAct) -> list[SpeechAct]:
    """ "said that A, and that B": two claims, one per that-clause (each with its own subject);
    "said that A and B" stays one."""
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is None or act.content is None:
        return [act]
    out: list[SpeechAct] = []
    lo, hi = act.content
    conjs = [
        c
        for c in comp.subtree
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and _same_clause(c.head, comp)
    ]
    for conj in reversed(conjs):
        mark = next((c for c in conj.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        cc = next((c for c in conj.head.children if c.dep_ == "cc" and c.i < mark.i), None)
        if cc is None or cc.lower_ != "and":
            continue  # "A but that B" is one statement; "A and that B" two
        cut = parse.offset(cc)
        start = parse.offset(mark) + len(mark.text)
        if not lo < cut < start < hi:
            continue
        out.append(replace(act, content=trim(folded, start, hi)))
        hi = cut
    if not out:
        return [act]
    return [replace(act, content=trim(folded, lo, hi)), *reversed(out)]


def _same_clause(tok: Any, clause: Any) -> bool:
    """Whether a token hangs on a clause's head without another clause between them."""
    while tok.i != clause.i:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "pcomp"):
            return False
        tok = tok.head
    return True


def _speaker_after_quote(parse: Parse, act: SpeechAct, inside: Sequence[tuple[int, int]]) -> Any:
    """`"...," Ukraine's energy minister, Jane Doe, told delegates.` when the parser took a
    word inside the quotation for the subject: the speaker is the phrase between the closing
    mark and the verb."""
    if act.subject is None:
        return act
    at = parse.offset(act.subject)
    closing = [b for a, b in inside if a <= at < b and b <= act.start]
    if not closing:
        return act
    between = parse.span(closing[0], act.start)
    words = [t for t in between or () if not t.is_punct]
    if not words:
        return act
    root = next((t for t in words if not any(w.i == t.head.i for w in words)), words[0])
    return replace(act, subject=root)


_TAIL = re.compile(
    r",[\"']?\s+(?P<who>[^,;:\"]{2,90}?)\s+(?P<verb>said|says|wrote|writes|write|reported|"
    r"reports|added|adds|told|noted|stated|claimed)\b[^,;:\"]{0,40}?[.!?]?[\"']?\s*$"
)
_TAIL_LEMMA = {
    "said": "say",
    "says": "say",
    "wrote": "write",
    "writes": "write",
    "write": "write",
    "reported": "report",
    "reports": "report",
    "added": "add",
    "adds": "add",
    "told": "tell",
    "noted": "note",
    "stated": "state",
    "claimed": "claim",
}


def _tail(
    folded: str, parse: Parse, sentence: Sentence, found: Sequence[SpeechAct]
) -> SpeechAct | None:
    """ "..., Miriam Berger and Serhiy Morgunov write." when the parser took the verb for a noun
    or hung the speaker on the clause before ("..., the head of the office said.")."""
    m = _TAIL.search(folded, sentence.start, sentence.end)
    if m is None or any(m.start() <= a.start for a in found):
        return None
    who = parse.span(m.start("who"), m.end("who"))
    if who is None or not len(who) or who.root.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    lemma = _TAIL_LEMMA[m.group("verb")]
    content = trim(folded, sentence.start, m.start())
    return SpeechAct(m.start("verb"), m.end("verb"), lemma, who.root, None, content)


def _according(folded: str, parse: Parse, tok: Any, at: int) -> SpeechAct | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        to = nxt if nxt is not None and nxt.lower_ == "to" else None
    if to is None:
        return None
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    end = parse.offset(to) + len(to.text)
    subject = objs[0]
    if _points_back(tok):
        return SpeechAct(at, end, "according", subject, None, None, backward=True)
    head = tok.head if tok.dep_ != "ROOT" else tok
    if head is tok:
        return None
    lo, hi = _edges(parse, head)
    a_lo, a_hi = _edges(parse, tok)
    # "According to X, ..." reports what follows; "..., according to X" what comes before
    content = trim(folded, *((a_hi, hi) if a_lo <= lo else (lo, a_lo)))
    if content[1] - content[0] < 8:
        return None
    return SpeechAct(at, end, "according", subject, None, content)


def _points_back(tok: Any) -> bool:
    """ "That's according to X": what X said is the sentence before."""
    for t in (tok, tok.head):
        if t is not tok and t.lemma_ != "be":
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in t.children):
            return True
    return False


def _edges(parse: Parse, tok: Any) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return parse.offset(left), parse.offset(right) + len(right.text)


def _verb(folded: str, parse: Parse, tok: Any, at: int) -> SpeechAct | None:
    lemma = tok.lemma_.lower()
    if lemma in FINDINGS and tok.pos_ == "VERB":
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in REPORTS:
            return None  # "the report found that": a document's finding; "she found" is not
    elif lemma not in SPEECH or tok.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return _passive(folded, parse, tok, at, lemma)  # "is expected to", "was reported"
    if lemma == "refer" and not re.search(r"\bas\b", folded[at : at + 200].split(".")[0]):
        return None  # "referred to the court" reports nothing
    subject = _subject(tok) or _opening_name(tok)
    audience = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    audience = audience if lemma == "tell" else _quoted_by(tok)
    content = _content(folded, parse, tok, lemma)
    quote = _quoting(tok)
    if content is None and quote is not None:  # "A, Interfax quoted X as saying.": A
        content = _content(folded, parse, quote, "say")
    return SpeechAct(at, at + len(tok.text), lemma, subject, audience, content)


def _passive(folded: str, parse: Parse, tok: Any, at: int, lemma: str) -> SpeechAct | None:
    """ "The claims were rejected by the Kremlin": the agent speaks of the passive subject."""
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    what = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if lemma not in OBJECT_SAID or who is None or what is None or what.pos_ == "PRON":
        return None  # "is expected to", "was reported", "it was confirmed"
    return SpeechAct(at, at + len(tok.text), lemma, who, None, trim(folded, *_edges(parse, what)))


def _quoting(tok: Any) -> Any | None:
    """The verb "quote" of "(was) quoted ... as saying", if `tok` is that "saying"."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "as" or tok.head.head.lemma_ != "quote":
        return None
    return tok.head.head


def _quoted_by(tok: Any) -> Any | None:
    """ "X was quoted by the RIA news agency as saying", "RIA quoted X as saying": who quoted X
    (a relay)."""
    quote = _quoting(tok)
    if quote is None:
        return None
    if any(c.dep_ == "dobj" for c in quote.children):  # active: the subject quoted
        return next((c for c in quote.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in quote.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _opening_name(tok: Any) -> Any | None:
    """ "Ukrinform, citing Politico, reported ...": a main verb left without a subject by the
    parser takes the capitalised word that opens its sentence before a comma."""
    if tok.dep_ != "ROOT":
        return None
    first = tok.sent[0] if tok.sent is not None else None
    if first is None or first.i + 1 >= tok.i or not first.text[:1].isupper():
        return None
    return (
        first
        if first.nbor(1).text == "," and first.lower_ not in ("however", "meanwhile")
        else None
    )


def _subject(tok: Any) -> Any | None:
    """The verb's subject; for "..., adding that" or "and added" the subject of its head."""
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:  # the nearest: a dateline ("GENEVA (AP) -") can parse as a subject too
            before = [c for c in subjects if c.i < tok.i]
            subj = before[-1] if before else subjects[0]
            if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return tok.head  # "Kuleba, who said ...": the noun the clause is about
            return subj
        quoted = _quoting(tok)  # "X was quoted (by Y) as saying", "Y quoted X as saying"
        if quoted is not None:
            deps = ("dobj",) if any(c.dep_ == "dobj" for c in quoted.children) else ("nsubjpass",)
            return next((c for c in quoted.children if c.dep_ in deps), None)
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
            # "issued a statement saying", "in a video saying": who issued it
            noun = tok.head
            poss = next((c for c in noun.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
            if noun.dep_ == "dobj":
                tok = noun.head
            elif noun.dep_ == "pobj" and noun.head.head is not noun.head:
                tok = noun.head.head
            else:
                return None
        elif tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _content(folded: str, parse: Parse, tok: Any, lemma: str) -> tuple[int, int] | None:
    comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
    if lemma in ("urge", "call") and comps and comps[0].dep_ == "xcomp":
        # "urged Western allies to send more": whom and what to do
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "prep")), None)
        lo = _edges(parse, obj)[0] if obj is not None and obj.i < comps[0].i else None
        if lo is not None:
            return trim(folded, lo, _edges(parse, comps[0])[1])
    if lemma == "call":
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if prep is not None:
            return trim(folded, *_edges(parse, prep))  # "called for a ceasefire"
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        named = next((c for c in tok.children if c.dep_ == "oprd"), None)
        if obj is not None and obj.tag_ in ("WP", "WDT"):
            return None  # "over what it called a campaign": the writer's words, not a claim
        if named is not None and not comps:  # "called it X", "called Western leaders X"
            lo = _edges(parse, obj if obj is not None else named)[0]
            return trim(folded, lo, _edges(parse, named)[1])
        if not comps:
            return None  # "called a meeting"
    if lemma == "refer":
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None:
            return trim(folded, parse.offset(to) + 2, _edges(parse, tok)[1])
    if comps:
        comp = comps[0]
        first = next((c for c in comp.children if c.dep_ == "mark"), None)
        if first is not None and first.lower_ in ASKING:
            return None
        if comp.left_edge.lower_ in ASKING and comp.i > tok.i:
            return None
        lo, hi = _edges(parse, comp)
        if comp.i > tok.i and first is not None and first.lower_ == "that":
            lo = parse.offset(first) + 5  # what follows "that", not a clause hung before it
        elif comp.i > tok.i and folded[lo:].startswith("that "):
            lo += 5
        if comp.i < tok.i:  # "..., X said": the clause stops before the speaker
            subj = _subject(tok)
            if subj is not None:
                hi = min(hi, parse.offset(subj.left_edge))
        return trim(folded, lo, hi)
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        # "As Ukrinform reported earlier, ...": the clause it is hung on
        lo, hi = _edges(parse, tok.head)
        own_lo, own_hi = _edges(parse, tok)
        return trim(folded, *((own_hi, hi) if own_lo <= lo else (lo, own_lo)))
    if tok.dep_ in ("parataxis", "ccomp") and tok.i > tok.head.i:
        # "The deal is dead, Putin said" parsed with "said" inserted in the clause
        lo, hi = _edges(parse, tok.head)
        own_lo, own_hi = _edges(parse, tok)
        left = tok.left_edge
        while left.is_punct and left.i < tok.i:  # the subtree may start at the comma
            left = left.nbor(1)
        own_lo = parse.offset(left)
        if own_lo > lo and folded[lo:own_lo].rstrip(" \"'").endswith(",") and own_hi >= hi - 2:
            return trim(folded, lo, own_lo)
    if tok.dep_ == "parataxis" and tok.i < tok.head.i and _between_commas(tok):
        # "The measures, it added, would not ...": the whole clause (a quote has no gaps)
        lo, hi = _edges(parse, tok.head)
        return trim(folded, lo, hi - 1 if folded[hi - 1] == "." else hi)
    if lemma in OBJECT_SAID:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lower_ not in EMPTY_OBJECT:
            lo, hi = _edges(parse, obj)
            for prep in tok.children:  # "blamed Russia for ...", "dismissed it as ..."
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "as") and prep.i > obj.i:
                    hi = max(hi, _edges(parse, prep)[1])
            return trim(folded, lo, hi)
    answer = next((c for c in tok.children if c.dep_ == "intj" and c.i > tok.i), None)
    if answer is not None and answer.lower_ in ("yes", "no"):
        return _edges(parse, answer)  # "Putin said no."
    return _that_clause(folded, parse, tok)


def _between_commas(tok: Any) -> bool:
    """Whether a verb's words stand between two commas: ", it added,"."""
    words = [t for t in tok.subtree if not t.is_punct]
    doc = tok.doc
    lo, hi = words[0].i - 1, words[-1].i + 1
    return lo >= 0 and hi < len(doc) and doc[lo].text == "," and doc[hi].text == ","


def _that_clause(folded: str, parse: Parse, tok: Any) -> tuple[int, int] | None:
    """ "said in a statement that ...": a that-clause the parser hung on the statement."""
    doc = tok.doc
    end = tok.right_edge.i
    while end > tok.i and doc[end].is_punct and doc[end].text != '"':
        end -= 1  # the sentence's full stop
    for i in range(tok.i + 1, min(end, tok.i + 14)):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN":  # "in its report, titled "X", that"
            return None
        if t.lower_ == "that" and i + 1 <= end:
            lo = parse.offset(doc[i + 1])
            return trim(folded, lo, parse.offset(doc[end]) + len(doc[end].text))
    return None
