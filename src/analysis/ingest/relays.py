"""Relays and nesting: an outlet that reports another speaker's claim is its `via`.

"..., Ukrinform reported" around a claim, "X told The Washington Post", "X said ..., broadcaster
Y reported" (the parser hangs "reported" on "said"), "AP reported, citing two officials"
(the officials speak, via AP); speech reported inside another speaker's statement is part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from analysis.ingest import speakers as speakers_
from analysis.ingest import speech
from analysis.ingest.context import Mention
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.organizations import ORG_WORDS
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence


@dataclass
class Found:
    """A claim being built: the speech act, its speaker and what was said."""

    act: speech.SpeechAct
    speaker: speakers_.Speaker
    content: tuple[int, int]
    sentence: int
    via: str = ""
    direct: bool = False
    confidence: float = 1.0


def cited(
    parse: Parse,
    sentence: Sentence,
    folded: str,
    own: Sequence[Mention],
    lexicon: Lexicon,
    index: int,
    earlier: Sequence[Mention],
) -> speakers_.Speaker | None:
    """Whom an outlet cites in the sentence ("citing two senior officials"), if anyone."""
    span = parse.span(sentence.start, sentence.end)
    for tok in span if span is not None else ():
        if tok.lemma_ == "cite" and tok.tag_ == "VBG":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return speakers_.resolve(obj, parse, folded, own, lexicon, index, earlier)
    return None


def nest(here: list[Found], lexicon: Lexicon, own: Sequence[Mention], parse: Parse) -> list[Found]:
    """An outlet's speech act around another makes the outlet its relay; `told` an outlet too."""
    keep: list[Found] = []
    here = _relayed_after(here, lexicon)
    for f in here:
        outer = [
            o
            for o in here
            if o is not f
            and o.content[0] <= f.act.start < o.content[1]
            and lexicon.actors[o.speaker.actor_id].kind == "media"
        ]
        if outer:
            f.via = outer[0].speaker.actor_id
        if f.act.audience is not None:
            m = speakers_.at_token(own, parse.offset(f.act.audience))
            if m is not None and _outlet(lexicon, m.id):
                f.via = m.id
        if not f.via:
            f.via = _carried_by(f, lexicon, own, parse)
    for f in here:
        inner = [
            i
            for i in here
            if i is not f
            and f.content[0] <= i.act.start < f.content[1]
            and i.via == f.speaker.actor_id
        ]
        if inner:
            continue  # the outlet is the relay of the claim it reports
        if not f.via and any(
            o is not f and o.content[0] <= f.act.start < o.content[1] for o in here
        ):
            continue  # speech reported inside another speaker's statement is part of it
        if not f.via and lexicon.actors[f.speaker.actor_id].kind == "media":
            f.via = f.speaker.actor_id
        keep.append(f)
    return keep


def _relayed_after(here: list[Found], lexicon: Lexicon) -> list[Found]:
    """ "X said the deal was dead, broadcaster Y reported.": what Y reports lies inside what X
    said (the parser hangs "reported" on "said"): X's claim, relayed by Y, ends before Y."""
    dropped: list[Found] = []
    for o in here:
        if lexicon.actors[o.speaker.actor_id].kind != "media":
            continue
        for f in here:
            if (
                f is not o
                and f not in dropped
                and lexicon.actors[f.speaker.actor_id].kind != "media"
                and f.act.start < o.content[0]
                and f.content[0] <= o.content[0]
                and o.content[1] <= f.content[1]
                and o.act.start < f.content[1]
            ):
                f.via, f.content = o.speaker.actor_id, (f.content[0], o.content[1])
                dropped.append(o)
                break
    return [f for f in here if f not in dropped]


def _outlet(lexicon: Lexicon, actor_id: str) -> bool:
    """Whether whom a speaker "told" is an outlet: a media actor, or a name proposed here with
    no word of an institution ("told BTA", not "told the Security Council"); the latter becomes
    an outlet."""
    actor = lexicon.actors[actor_id]
    if actor.kind == "media":
        return True
    if actor.kind != "organization" or actor_id not in lexicon.proposed_actor_ids:
        return False
    if ORG_WORDS.search(actor.name) or actor.country_iso3 or actor.parent_id:
        return False
    lexicon.actors[actor_id] = replace(actor, kind="media", sector="JRN")
    return True


#: "remarks carried by TASS", "an interview with the BBC", "a video published by RIA".
_CARRIERS = frozenset(("carry", "publish", "broadcast", "air", "interview", "post", "release"))


def _carried_by(f: Found, lexicon: Lexicon, own: Sequence[Mention], parse: Parse) -> str:
    """The outlet a claim's own clause says carried it: "In remarks carried by TASS, Lavrov
    said ...", "Kuleba said in an interview with the BBC that ..."."""
    verb = parse.token_at(f.act.start)
    if verb is None:
        return ""
    for tok in verb.subtree:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("by", "with"):
            continue
        if tok.head.head.lemma_.lower() not in _CARRIERS:
            continue
        for named in (tok, *(c for c in tok.children if c.dep_ == "appos")):
            m = speakers_.at_token(own, parse.offset(named))  # "the news agency TASS"
            if m is not None and lexicon.actors[m.id].kind == "media":
                return m.id
    return ""
